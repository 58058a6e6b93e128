// `newsmark eval --pred PRED.jsonl`: any system's predictions, one record a line,
// {"id", "spans": [{"start", "end", "label"}], "body_lines"?: [0-based]}, matched to the gold records by id.
// A gold record without a prediction counts as predicting nothing (and is reported), so a system cannot
// score better by skipping hard pages; a prediction for an id the gold does not have is reported and unused.

import * as fs from 'node:fs';
import type { GoldRecord, LabelledSpan } from '../core/eval';
import { convertSpan, type OffsetUnit, offsetConverter } from '../core/text/offsets';
import { lineSpans } from '../core/text/lines';
import type { Reporter } from './report';

export interface IdPrediction {
  lines: number[];
  spans: LabelledSpan[];
}

interface RawPrediction {
  line: number;
  spans: unknown[];
  bodyLines?: unknown[];
}

export interface PredFile {
  /** The prediction for a gold record (an empty one, reported, when the file has none). */
  predict(gold: GoldRecord): IdPrediction;
  /** True when some record gives body lines: only then are body lines scored. */
  predictsBody: boolean;
}

/** Reads PRED.jsonl; bad lines and spans are reported (PATH:LINE:COL) and left out. */
export function readPredFile(file: string, gold: readonly GoldRecord[], unit: OffsetUnit, reporter: Reporter): PredFile {
  const byId = new Map<string, RawPrediction>();
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    reporter.error(file, 1, 1, `cannot read: ${(error as Error).message}`);
    text = '';
  }
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      const raw = JSON.parse(line) as Record<string, unknown>;
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('not an object');
      if (typeof raw.id !== 'string') throw new Error('needs "id" (the gold record\'s id)');
      if (!Array.isArray(raw.spans)) throw new Error('needs "spans" (a list, possibly empty)');
      if (raw.body_lines !== undefined && !Array.isArray(raw.body_lines)) throw new Error('"body_lines" must be a list of line numbers');
      if (byId.has(raw.id)) throw new Error(`a second prediction for "${raw.id}" (the first one is used)`);
      byId.set(raw.id, { line: index + 1, spans: raw.spans, bodyLines: raw.body_lines as unknown[] | undefined });
    } catch (error) {
      reporter.error(file, index + 1, 1, `not a prediction record: ${(error as Error).message}`);
    }
  });
  const goldIds = new Set(gold.map((g) => g.id));
  for (const [id, raw] of byId) if (!goldIds.has(id)) reporter.warning(file, raw.line, 1, `"${id}" is not in the gold: not scored`);

  return {
    predictsBody: [...byId.values()].some((p) => p.bodyLines !== undefined),
    predict(record) {
      const raw = byId.get(record.id);
      if (!raw) {
        reporter.error(file, 1, 1, `no prediction for "${record.id}": scored as predicting nothing`);
        return { lines: [], spans: [] };
      }
      const converter = offsetConverter(record.text);
      const length = unit === 'codepoint' ? converter.toCodePoint(record.text.length) : record.text.length;
      const spans: LabelledSpan[] = [];
      raw.spans.forEach((s, i) => {
        const span = s as Record<string, unknown>;
        if (typeof span !== 'object' || span === null || typeof span.label !== 'string' || !Number.isInteger(span.start) || !Number.isInteger(span.end)
          || (span.start as number) < 0 || (span.start as number) >= (span.end as number) || (span.end as number) > length) {
          reporter.error(file, raw.line, 1, `"${record.id}" spans[${i}] needs a label and offsets 0 <= start < end <= ${length} (${unit === 'codepoint' ? 'code points' : 'UTF-16 code units'}); left out`);
          return;
        }
        spans.push(convertSpan(converter, { start: span.start as number, end: span.end as number, label: span.label }, unit, 'utf16'));
      });
      const lineCount = lineSpans(record.text).length;
      const lines = (raw.bodyLines ?? []).filter((n): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) < lineCount);
      if (raw.bodyLines && lines.length < raw.bodyLines.length) {
        reporter.error(file, raw.line, 1, `"${record.id}" body_lines must be line numbers from 0 to ${lineCount - 1}; the others are left out`);
      }
      return { lines, spans };
    },
  };
}
