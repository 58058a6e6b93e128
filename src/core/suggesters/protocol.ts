// The suggester protocol. Newsmark sends one request per page and reads one answer:
//   request  {"id": "<page path relative to the corpus>", "text": "<page text>"}
//   answer   {"id": "<the same id>", "spans": [{"start", "end", "label", "score"?, "value"?, "reason"?}],
//             "body_lines"?: [0-based line numbers]}
// (a program: one JSON object per line on stdin / stdout; an HTTP endpoint: the request as a POST body, the
// answer as the response body). Offsets count code points unless the suggester says "utf16"; they are
// converted here to the UTF-16 offsets the rest of Newsmark uses. A span that does not fit the text (or has
// a label the suggester may not give) is dropped and returned among `dropped`; an answer that is not one
// (no object, another id, no span list) is a ProtocolError and costs the page this suggester's suggestions.

import type { Suggestion } from '../model/types';
import { lineSpans } from '../text/lines';
import { offsetConverter } from '../text/offsets';
import { type SuggesterConfig, suggesterSource } from './config';

export interface SuggesterRequest {
  id: string;
  text: string;
}

export type ProtocolProblem =
  /** Not JSON, or JSON but not an object. */
  | 'garbage'
  /** The answer names another page. */
  | 'wrong-id'
  /** An object without a usable span list, or with `"error"`. */
  | 'bad-answer';

export class ProtocolError extends Error {
  constructor(readonly problem: ProtocolProblem, message: string) {
    super(message);
  }
}

export interface DroppedSpan {
  /** What the suggester sent, as JSON (clipped). */
  span: string;
  why: string;
}

export interface SuggesterAnswer {
  suggestions: Suggestion[];
  /** The suggester's body lines, when it gave any (valid line numbers only, ascending). */
  bodyLines?: number[];
  dropped: DroppedSpan[];
}

/** The request as one line of JSON (JSON escapes line breaks inside strings, so it is one line). */
export function requestLine(request: SuggesterRequest): string {
  return `${JSON.stringify({ id: request.id, text: request.text })}\n`;
}

/** Parses one line a program printed; throws ProtocolError('garbage') when it is not a JSON object. */
export function parseAnswerLine(line: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new ProtocolError('garbage', `printed a line that is not JSON: ${clip(line)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProtocolError('garbage', `printed JSON that is not an object: ${clip(line)}`);
  }
  return value as Record<string, unknown>;
}

export interface ReadOptions {
  /** Labels the editor or the command line can show; spans of other labels are dropped. Default: any label id. */
  acceptLabel?: (label: string) => boolean;
}

const DEFAULT_SCORE = 0.5;
const LABEL_ID = /^[a-z][a-z0-9_-]{0,31}$/;

/**
 * The suggestions in a suggester's answer to `request`, in UTF-16 offsets of `request.text`, sorted by
 * start. Each carries `source: "suggester:NAME"` and the suggester's name in its reasons.
 */
export function readAnswer(raw: unknown, request: SuggesterRequest, config: SuggesterConfig, options: ReadOptions = {}): SuggesterAnswer {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ProtocolError('garbage', 'answered with something that is not a JSON object');
  const answer = raw as Record<string, unknown>;
  if (answer.id !== request.id) {
    throw new ProtocolError('wrong-id', `answered for ${JSON.stringify(answer.id ?? null)} when asked about ${JSON.stringify(request.id)}`);
  }
  if (answer.error !== undefined) throw new ProtocolError('bad-answer', `reported an error: ${clip(String(answer.error))}`);
  if (!Array.isArray(answer.spans)) throw new ProtocolError('bad-answer', 'answered without a "spans" list');

  const { text } = request;
  const converter = offsetConverter(text);
  const fromUnits = config.offsets === 'codepoint' && !converter.identity ? (n: number) => converter.toUtf16(n) : (n: number) => n;
  const length = config.offsets === 'codepoint' ? converter.toCodePoint(text.length) : text.length;
  const lines = lineSpans(text);
  const lineOf = (offset: number): number => {
    let low = 0;
    let high = lines.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (lines[middle].start <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const acceptLabel = options.acceptLabel ?? ((label: string) => LABEL_ID.test(label));
  const source = suggesterSource(config.name);
  const suggestions: Suggestion[] = [];
  const dropped: DroppedSpan[] = [];
  const drop = (span: unknown, why: string) => dropped.push({ span: clip(JSON.stringify(span) ?? String(span)), why });

  for (const item of answer.spans) {
    if (typeof item !== 'object' || item === null) {
      drop(item, 'a span must be an object with "start", "end" and "label"');
      continue;
    }
    const s = item as Record<string, unknown>;
    const { start, end } = s;
    if (!Number.isInteger(start) || !Number.isInteger(end)) {
      drop(item, '"start" and "end" must be whole numbers');
      continue;
    }
    if ((start as number) < 0 || (start as number) >= (end as number) || (end as number) > length) {
      drop(item, `does not fit the text: offsets must satisfy 0 <= start < end <= ${length} (${config.offsets === 'codepoint' ? 'code points' : 'UTF-16 code units'})`);
      continue;
    }
    const from = fromUnits(start as number);
    const to = fromUnits(end as number);
    if (isLowSurrogate(text.charCodeAt(from)) || isLowSurrogate(text.charCodeAt(to))) {
      drop(item, 'cuts a character in two (UTF-16 offsets inside a surrogate pair: does the suggester count code points?)');
      continue;
    }
    if (typeof s.label !== 'string') {
      drop(item, '"label" must be a string');
      continue;
    }
    const label = config.labels ? config.labels[s.label] : s.label;
    if (label === undefined) {
      drop(item, `label "${s.label}" is not among the suggester's labels (${Object.keys(config.labels ?? {}).join(', ')})`);
      continue;
    }
    if (!acceptLabel(label)) {
      drop(item, `label "${label}" is not a label of this corpus`);
      continue;
    }
    const score = typeof s.score === 'number' && s.score >= 0 && s.score <= 1 ? s.score : undefined;
    const reasons = [`suggested by ${config.name}${score === undefined ? ' (no score)' : ''}`];
    if (typeof s.reason === 'string' && s.reason.trim() !== '') reasons.push(clip(s.reason.trim()));
    const suggestion: Suggestion = { start: from, end: to, label, text: text.slice(from, to), score: score ?? DEFAULT_SCORE, reasons, line: lineOf(from), source };
    if (typeof s.value === 'string' && s.value !== '') suggestion.value = s.value;
    suggestions.push(suggestion);
  }
  suggestions.sort((a, b) => a.start - b.start || a.end - b.end);

  const result: SuggesterAnswer = { suggestions, dropped };
  if (answer.body_lines !== undefined) {
    if (!Array.isArray(answer.body_lines)) {
      drop(answer.body_lines, '"body_lines" must be a list of 0-based line numbers');
    } else {
      const valid = answer.body_lines.filter((n) => Number.isInteger(n) && n >= 0 && n < lines.length) as number[];
      if (valid.length < answer.body_lines.length) drop(answer.body_lines.filter((n) => !valid.includes(n)), `body lines must be 0-based line numbers below ${lines.length}`);
      result.bodyLines = [...new Set(valid)].sort((a, b) => a - b);
    }
  }
  return result;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function clip(text: string, max = 160): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max)}…` : one;
}
