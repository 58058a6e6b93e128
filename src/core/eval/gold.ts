// Gold records for evaluation, one per document (a line of a .jsonl file), and a reader for the
// boilerplate development set format.

import { lineSpans } from '../text/lines';

export interface GoldSpan {
  start: number;
  end: number;
  label: string;
  /** Acceptable but not required: neither a miss when absent nor a false positive when found. */
  optional?: boolean;
}

export interface GoldRecord {
  id: string;
  /** The document text exactly as stored; offsets are UTF-16 code units into it. */
  text: string;
  /** 0-based numbers of the body lines (as lineSpans numbers them). */
  body_lines?: number[];
  /** Lines left to the annotator: counted neither for nor against a prediction. */
  ignore_lines?: number[];
  spans: GoldSpan[];
}

/** The development set's gold file: body line numbers and the number of line breaks in the text. */
export interface DevGoldFile {
  body_lines: number[];
  /** Lines left to the annotator (photo captions), counted neither for nor against. */
  ignore_lines?: number[];
  lines: number;
}

/**
 * Maps a development-set page (HASH.txt + HASH.gold.json, the latter parsed or as JSON text) to a gold
 * record. Its body_lines number the lines of the text from 0, empty lines included, exactly as lineSpans
 * does, and `lines` counts the line breaks (a text ending in a break has one more, empty, line). Throws
 * when the two disagree.
 */
export function readDevGold(text: string, goldJson: DevGoldFile | string, id?: string): GoldRecord;
/** The same with the id first (the form src/cli/eval.ts uses). */
export function readDevGold(id: string, text: string, gold: DevGoldFile): GoldRecord;
export function readDevGold(first: string, second: DevGoldFile | string, third?: string | DevGoldFile): GoldRecord {
  const idFirst = typeof third === 'object';
  const text = idFirst ? (second as string) : first;
  const goldJson = idFirst ? third : second;
  const id = idFirst ? first : (third as string | undefined) ?? 'dev';
  const gold = typeof goldJson === 'string' ? (JSON.parse(goldJson) as DevGoldFile) : goldJson;
  if (!Array.isArray(gold.body_lines) || typeof gold.lines !== 'number') {
    throw new Error(`${id}: gold needs "body_lines" (array) and "lines" (number)`);
  }
  const spans = lineSpans(text);
  const breaks = spans.length - 1;
  if (gold.lines !== breaks && gold.lines !== spans.length) {
    throw new Error(`${id}: gold says ${gold.lines} lines, the text has ${breaks} line breaks`);
  }
  if (gold.ignore_lines !== undefined && !Array.isArray(gold.ignore_lines)) throw new Error(`${id}: gold "ignore_lines" must be an array`);
  for (const [what, list] of [['body', gold.body_lines], ['ignored', gold.ignore_lines ?? []]] as const) {
    for (const line of list) {
      if (!Number.isInteger(line) || line < 0 || line >= spans.length) {
        throw new Error(`${id}: ${what} line ${line} is outside the text (${spans.length} lines)`);
      }
    }
  }
  const record: GoldRecord = { id, text, body_lines: [...gold.body_lines].sort((a, b) => a - b), spans: [] };
  if (gold.ignore_lines) record.ignore_lines = [...gold.ignore_lines].sort((a, b) => a - b);
  return record;
}
