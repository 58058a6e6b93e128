// One name, one reading per page: a span the tagger found is also suggested at the page's other occurrences
// of the same text where the tagger's own reading there is close.
//
// The work is done line by line as the page is tagged, while the line's tokens, emission scores and best path
// are still in the CPU cache: a second pass over a large page's memory cost more than the repeats themselves.
// Only the occurrences that come before their text is first found are read again at the end.

import type { ActorGrammar } from '../detect/actors';
import type { Tokens } from '../detect/words';
import { wordRows } from './features';
import type { Perceptron } from './tagger';

/** A span the tagger read: document offsets, its label's index, its Viterbi margin and the line it is on. */
export interface TaggedSpan {
  start: number;
  end: number;
  label: number;
  margin: number;
  lineIndex: number;
  /** A repeat of a span found elsewhere on the page (PageRepeats). */
  repeat?: true;
}

/** A repeat is suggested where the tagger's own reading there beats it by less than this share of the
 * margin of the span found elsewhere on the page. */
const REPEAT_GAP_SHARE = 0.5;
/** A text is repeated only where the tagger found it at this share of its occurrences on the page or more:
 * found once among many, it is more often something else there. */
const MIN_FOUND_SHARE = 1 / 3;
/** Tokens on either side of an occurrence whose reading may change with it (Perceptron.spanGapNear). */
const REPEAT_WINDOW = 4;
/** Word rows hashed to ROW_SLOTS slots, marked where a found text starts: most tokens are passed over on one read. */
const ROW_SLOTS = 1 << 14;
const rowSlot = (row: number): number => Math.imul(row, 0x9e3779b1) >>> 18;

interface FoundText {
  text: string;
  label: number;
  /** The best margin it was found with. */
  margin: number;
  /** Spans of it the tagger found, and its occurrences elsewhere on the page that no span covers. */
  found: number;
  elsewhere: number;
  /** The line it was first found on: occurrences on earlier lines are looked for at the end. */
  firstLine: number;
}

interface Occurrence {
  entry: FoundText;
  lineIndex: number;
  start: number;
  end: number;
  gap: number;
}

type Line = { tokens: Tokens; start: number };

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
/** Characters that join two words into one written word ("Velmorka-Nord", "O'Brien", "x.y"). */
const JOINERS = new Set(['-', '\u2010', "'", '\u2019', '.', '_', '/', '@', '&']);

/** Whether the character at `at` of `source` continues a word beside an occurrence: a letter or digit, or a
 * joiner with one beyond it (`step` -1 looks before the occurrence, 1 after it). */
function continuesWord(source: string, at: number, step: -1 | 1): boolean {
  const c = charAt(source, at, step);
  if (c === undefined) return false;
  if (WORD_CHAR.test(c)) return true;
  const beyond = charAt(source, step === 1 ? at + c.length : at - c.length, step);
  return JOINERS.has(c) && beyond !== undefined && WORD_CHAR.test(beyond);
}

/** The character (a whole code point) that ends at `at` (step -1) or starts there (step 1), if any. */
function charAt(source: string, at: number, step: -1 | 1): string | undefined {
  if (at < 0 || at >= source.length) return undefined;
  const code = source.charCodeAt(at);
  if (step === -1 && code >= 0xdc00 && code <= 0xdfff && at > 0) return source.slice(at - 1, at + 1);
  if (step === 1 && code >= 0xd800 && code <= 0xdbff) return source.slice(at, at + 2);
  return source[at];
}

/**
 * The repeats of one page's spans. After each line is tagged, `afterLine` learns the line's spans and measures
 * the occurrences on it of every text found so far that no span covers: the tagger's gap there
 * (Perceptron.spanGapNear: how much better its best reading scores than the one with the span, read within
 * REPEAT_WINDOW tokens). `finish` adds the repeats: occurrences whose gap is below REPEAT_GAP_SHARE of the
 * found span's margin, of texts found at MIN_FOUND_SHARE of their occurrences or more. A repeat's margin is
 * what is left of that margin. A known place is not repeated: one standing for its government in one
 * sentence ("Hà Nội đề nghị") is a place in the next.
 */
export class PageRepeats {
  /** Per first token's word row, the found spans' texts. */
  private readonly found = new Map<number, FoundText[]>();
  private readonly firstRows = new Uint8Array(ROW_SLOTS);
  private readonly occurrences: Occurrence[] = [];
  /** Each line's spans: spans[spansFrom[i] .. spansTo[i]) (empty for a line not tagged). */
  private readonly spansFrom: Int32Array;
  private readonly spansTo: Int32Array;

  /** Every token's word row, line after line (line i's from tokenAt[i]): the occurrences of a text found
   * later are looked for in it, not in the page's tokens. */
  private readonly pageRows: Int32Array;
  private readonly tokenAt: Int32Array;

  constructor(
    private readonly lines: readonly Line[],
    private readonly spans: readonly TaggedSpan[],
    private readonly model: Perceptron,
    private readonly grammar: ActorGrammar,
  ) {
    this.spansFrom = new Int32Array(lines.length);
    this.spansTo = new Int32Array(lines.length);
    this.tokenAt = new Int32Array(lines.length + 1);
    for (let i = 0; i < lines.length; i++) this.tokenAt[i + 1] = this.tokenAt[i] + lines[i].tokens.count;
    this.pageRows = new Int32Array(this.tokenAt[lines.length]);
  }

  /** After line `lineIndex` is tagged (its spans the last ones of `spans`, from `firstSpan`): `scores` its
   * emission scores and `path` its best path. */
  afterLine(lineIndex: number, firstSpan: number, scores: Float32Array, path: ArrayLike<number>): void {
    this.spansFrom[lineIndex] = firstSpan;
    this.spansTo[lineIndex] = this.spans.length;
    const line = this.lines[lineIndex];
    const rows = wordRows(line.tokens, this.grammar);
    // copied one by one: a subarray per line to copy from cost more than the copy
    const pageRows = this.pageRows;
    const { data, base } = rows;
    for (let k = 0, at = this.tokenAt[lineIndex]; k < line.tokens.count; k++) pageRows[at + k] = data[base + k];
    let k = 0;
    for (let s = firstSpan; s < this.spans.length; s++) {
      const span = this.spans[s];
      while (k < line.tokens.count && line.start + line.tokens.start(k) < span.start) k++;
      if (k < line.tokens.count) this.learn(line, span, rows.data[rows.base + k], lineIndex);
    }
    if (this.found.size > 0) this.scan(lineIndex, rows, false, scores, path);
  }

  /** The spans with their repeats, in page order. `emissionsOf(lineIndex)` scores a line's tokens again (in
   * a buffer the next call may overwrite) and `pathOf` gives its best path, for the occurrences before their
   * text was first found. */
  finish(emissionsOf: (lineIndex: number) => Float32Array, pathOf: (lineIndex: number, scores: Float32Array) => ArrayLike<number>): TaggedSpan[] {
    // the first words of texts found after the first line, and the last line one was found on
    const later = new Uint8Array(ROW_SLOTS);
    let lastFirst = -1;
    for (const [row, entries] of this.found) {
      for (const e of entries) {
        if (e.firstLine > 0) later[rowSlot(row)] = 1;
        lastFirst = Math.max(lastFirst, e.firstLine);
      }
    }
    const pageRows = this.pageRows;
    for (let lineIndex = 0; lineIndex < lastFirst; lineIndex++) {
      let marked = false;
      for (let at = this.tokenAt[lineIndex]; at < this.tokenAt[lineIndex + 1] && !marked; at++) marked = later[rowSlot(pageRows[at])] === 1;
      if (marked) this.scan(lineIndex, wordRows(this.lines[lineIndex].tokens, this.grammar), true, undefined, undefined, emissionsOf, pathOf);
    }
    const kept = this.occurrences.filter((o) => o.entry.found >= MIN_FOUND_SHARE * (o.entry.found + o.entry.elsewhere) && o.gap < REPEAT_GAP_SHARE * o.entry.margin);
    if (kept.length === 0) return this.spans as TaggedSpan[];
    kept.sort((a, b) => a.start - b.start || a.end - b.end);
    const repeats: TaggedSpan[] = [];
    for (const o of kept) {
      const last = repeats[repeats.length - 1];
      if (last && o.start < last.end) continue;
      repeats.push({ start: o.start, end: o.end, label: o.entry.label, margin: o.entry.margin - o.gap, lineIndex: o.lineIndex, repeat: true });
    }
    // both lists are in page order and never overlap: merged
    const out: TaggedSpan[] = [];
    let r = 0;
    for (const span of this.spans) {
      while (r < repeats.length && repeats[r].start < span.start) out.push(repeats[r++]);
      out.push(span);
    }
    while (r < repeats.length) out.push(repeats[r++]);
    return out;
  }

  /** Counts `span` (on `line`, its first token's word row `row`) as a finding of its text. */
  private learn(line: Line, span: TaggedSpan, row: number, lineIndex: number): void {
    const tokens = line.tokens;
    const source = tokens.source;
    const at = span.start - line.start;
    const length = span.end - span.start;
    let entries = this.found.get(row);
    if (!entries) this.found.set(row, (entries = []));
    this.firstRows[rowSlot(row)] = 1;
    for (const e of entries) {
      if (e.label === span.label && e.text.length === length && source.startsWith(e.text, at)) {
        e.found++;
        if (e.margin < span.margin) e.margin = span.margin;
        return;
      }
    }
    entries.push({ text: source.slice(at, at + length), label: span.label, margin: span.margin, found: 1, elsewhere: 0, firstLine: lineIndex });
  }

  /**
   * Records the occurrences on line `lineIndex` (its tokens' word `rows`) that no span covers of the texts
   * found on it or before it, or with `before`, of those found only after it; with the tagger's gap there.
   * The line's emission scores and best path are `scores` and `path`, or else made by `emissionsOf` and
   * `pathOf` when an occurrence needs them.
   */
  private scan(
    lineIndex: number,
    rows: { readonly data: Int32Array; readonly base: number },
    before: boolean,
    scores: Float32Array | undefined,
    path: ArrayLike<number> | undefined,
    emissionsOf?: (lineIndex: number) => Float32Array,
    pathOf?: (lineIndex: number, scores: Float32Array) => ArrayLike<number>,
  ): void {
    const line = this.lines[lineIndex];
    const tokens = line.tokens;
    const n = tokens.count;
    const source = tokens.source;
    const { data, base } = rows;
    const spans = this.spans;
    let next = this.spansFrom[lineIndex];
    const lineEnd = this.spansTo[lineIndex];
    for (let k = 0; k < n; k++) {
      const row = data[base + k];
      if (this.firstRows[rowSlot(row)] === 0) continue;
      const entries = this.found.get(row);
      if (!entries) continue;
      const from = tokens.start(k);
      const start = line.start + from;
      while (next < lineEnd && spans[next].end <= start) next++;
      if (next < lineEnd && spans[next].start <= start) continue;
      // not the tail of a longer word ("Nord-Velmorka")
      if (continuesWord(source, from - 1, -1)) continue;
      for (const entry of entries) {
        if (entry.firstLine > lineIndex !== before || !source.startsWith(entry.text, from)) continue;
        const to = from + entry.text.length;
        let last = k;
        while (last + 1 < n && tokens.end(last) < to) last++;
        // nor its head ("Velmorka-Nord"); punctuation after it ("Velmorka," "Velmorka.") is not a word
        if (tokens.end(last) !== to || continuesWord(source, to, 1)) continue;
        if (next < lineEnd && spans[next].start < line.start + to) continue;
        if (this.grammar.places.matchAt(tokens, k, last + 1)?.length === last + 1 - k) continue;
        entry.elsewhere++;
        scores ??= emissionsOf!(lineIndex);
        path ??= pathOf!(lineIndex, scores);
        const gap = this.model.spanGapNear(scores, n, path, k, last + 1, entry.label, REPEAT_WINDOW);
        this.occurrences.push({ entry, lineIndex, start, end: line.start + to, gap });
        break;
      }
    }
  }
}
