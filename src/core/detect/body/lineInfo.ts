// What the signals know about one non-empty line, and the evidence they add to it. Evidence is additive
// log-odds that the line is body; each piece carries a short human-readable reason.

import type { LineFeatures } from './features';
import type { StructureKind } from './structure';
import type { PhysicalLine } from './wrap';

export interface Evidence {
  readonly weight: number;
  readonly reason: string;
}

/**
 * A reason with a number in it ("repeated on 3 of 9 pages"), written out only for the lines whose reasons
 * are returned, and then once per distinct number.
 */
export class NumberedReason {
  private readonly written = new Map<number, string>();

  constructor(
    private readonly write: (value: number) => string,
    /** At most this many written reasons are kept (0: none, for numbers that rarely repeat). */
    private readonly keep = 1_000,
  ) {}

  reason(value: number): string {
    let text = this.written.get(value);
    if (text === undefined) {
      text = this.write(value);
      if (this.written.size < this.keep) this.written.set(value, text);
    }
    return text;
  }
}

export interface LineInfo {
  /** 0-based line number in the document. */
  line: number;
  /** UTF-16 offsets of the line without its break. */
  start: number;
  end: number;
  /** In a hard-wrapped text, the physical lines of the paragraph this entry stands for (see wrap.ts). */
  members?: readonly PhysicalLine[];
  /** The line (or wrapped paragraph, its lines joined by spaces) without surrounding whitespace. */
  text: string;
  /** What the text alone says (shared with the feature cache); the fields below copy the common ones. */
  features: LineFeatures;
  /** Hash of the normalised line (lineKeyHash). */
  hash: number;
  /** wordHash of each case-folded word (shared with the feature cache: never mutated). */
  wordHashes: readonly number[];
  /** Words made only of digits. */
  numberWords: number;
  /** How many documents of the corpus contain the line (CorpusModel.hashDocumentFrequency). */
  documentFrequency: number;
  /** Share of the words that are stop words of the document's language (0 when unknown). */
  stopwordShare: number;
  /** Ends like a sentence: . ! ? … (possibly followed by closing quotes or brackets). */
  endsSentence: boolean;
  /** Sentence ends inside the line ("... đó. Ông ..."). */
  innerSentenceEnds: number;
  /** A title rendered twice on one line (see doubled.ts). */
  writtenTwice: boolean;
  /** Short and built around a time or a date (see timestamp.ts). */
  timestampLike: boolean;
  /** A photo credit or byline (see credit.ts). */
  creditLike: boolean;
  /** Short enough and shaped like the title of an article (linkList.ts isTitleLike). */
  titleLike: boolean;
  /** PRIOR_LOGIT plus the weights of the evidence so far, added in the order the evidence came. */
  logit: number;
  /** The line's first and last piece of evidence in the page's evidence log (-1: none yet). */
  firstEvidence: number;
  lastEvidence: number;
  /**
   * Set by a signal that is conclusive on its own (a title written twice, a slug, a linked title shown
   * twice, a template line of several pages, a bare timestamp, a line the annotator tagged boilerplate):
   * the line stays boilerplate even inside the main block.
   */
  conclusive?: boolean;
  /** Set by signals that recognise a link to another article (title written twice, slug, title pair). */
  linkLike?: boolean;
  /** Set when the annotator tagged this line body on other pages (more often than boilerplate). */
  taggedBody?: boolean;
  /** Set for the lines of a table, a numbered list or a dialogue (see structure.ts). */
  structure?: StructureKind;
  /** Set for timestamp and dateline lines. */
  dated?: boolean;
  /** Set for a later copy of an earlier line of the page (image alt text, a repeated link). */
  copied?: boolean;
  /** Set for a title listed under a section header of the site (see linkList.ts): not body even in the block. */
  listed?: boolean;
}

/**
 * The evidence of the page being analysed, one entry per piece in the order it was added: typed arrays
 * reused from page to page instead of an array of objects per line. Entries of one line are chained
 * (nextEvidence). A reason is a string, or a NumberedReason and its number (evidenceValues).
 */
let evidenceWeights = new Float64Array(4096);
let evidenceValues = new Float64Array(4096);
let nextEvidence = new Int32Array(4096);
const evidenceReasons: (string | NumberedReason)[] = [];
let evidenceCount = 0;

/** Empties the evidence log for the next page (the reasons of the previous page can no longer be read). */
export function startEvidenceLog(): void {
  evidenceCount = 0;
}

function logEvidence(info: LineInfo, weight: number, reason: string | NumberedReason, value: number): void {
  const at = evidenceCount++;
  if (at === evidenceWeights.length) growEvidenceLog();
  evidenceWeights[at] = weight;
  evidenceValues[at] = value;
  nextEvidence[at] = -1;
  if (at === evidenceReasons.length) evidenceReasons.push(reason);
  else evidenceReasons[at] = reason;
  if (info.lastEvidence < 0) info.firstEvidence = at;
  else nextEvidence[info.lastEvidence] = at;
  info.lastEvidence = at;
  info.logit += weight;
}

function growEvidenceLog(): void {
  const size = evidenceWeights.length * 2;
  const weights = new Float64Array(size);
  weights.set(evidenceWeights);
  evidenceWeights = weights;
  const values = new Float64Array(size);
  values.set(evidenceValues);
  evidenceValues = values;
  const next = new Int32Array(size);
  next.set(nextEvidence);
  nextEvidence = next;
}

export function addEvidence(info: LineInfo, weight: number, reason: string): void {
  logEvidence(info, weight, reason, 0);
}

/** Adds an evidence item made once for many lines (items are immutable). */
export function addSharedEvidence(info: LineInfo, item: Evidence): void {
  logEvidence(info, item.weight, item.reason, 0);
}

/** Adds evidence whose reason has a number in it (written out only when the reasons are read). */
export function addNumberedEvidence(info: LineInfo, weight: number, reason: NumberedReason, value: number): void {
  logEvidence(info, weight, reason, value);
}

export function markConclusive(info: LineInfo, weight: number, reason: string): void {
  logEvidence(info, weight, reason, 0);
  info.conclusive = true;
}

export function markConclusiveNumbered(info: LineInfo, weight: number, reason: NumberedReason, value: number): void {
  logEvidence(info, weight, reason, value);
  info.conclusive = true;
}

/** Evidence every line starts with: a line is boilerplate until something speaks for it. */
export const PRIOR_LOGIT = -0.6;

/** Scratch space of evidenceReasonsOf: a line has a handful of pieces of evidence. */
let sortedEvidence = new Int32Array(64);

/**
 * The reasons of a line's evidence, strongest first (ties in the order they were added), after `first`
 * and followed by `last` when given; read before the next page's evidence is logged.
 */
export function evidenceReasonsOf(info: LineInfo, first: string, last: string | undefined): string[] {
  let count = 0;
  for (let at = info.firstEvidence; at >= 0; at = nextEvidence[at]) {
    if (count === sortedEvidence.length) {
      const grown = new Int32Array(count * 2);
      grown.set(sortedEvidence);
      sortedEvidence = grown;
    }
    // Insertion sort by strength, stable like Array.sort.
    const strength = Math.abs(evidenceWeights[at]);
    let j = count - 1;
    while (j >= 0 && Math.abs(evidenceWeights[sortedEvidence[j]]) < strength) {
      sortedEvidence[j + 1] = sortedEvidence[j];
      j--;
    }
    sortedEvidence[j + 1] = at;
    count++;
  }
  const reasons = new Array<string>(count + (last === undefined ? 1 : 2));
  reasons[0] = first;
  for (let i = 0; i < count; i++) {
    const at = sortedEvidence[i];
    const reason = evidenceReasons[at];
    reasons[i + 1] = typeof reason === 'string' ? reason : reason.reason(evidenceValues[at]);
  }
  if (last !== undefined) reasons[count + 1] = last;
  return reasons;
}

const SENTENCE_MARKS = ['. ', '! ', '? '];
const CLOSERS = '"\'”’»)]}';
const FINAL = '.!?…';

/** Whether text ends with sentence-final punctuation, closing quotes and brackets allowed after it. */
export function endsLikeSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.includes(text[i])) i--;
  return i >= 0 && FINAL.includes(text[i]);
}

/** Sentence ends inside text: final punctuation followed by a space and an upper-case letter or quote. */
export function countInnerSentenceEnds(text: string): number {
  let count = 0;
  for (const mark of SENTENCE_MARKS) {
    for (let at = text.indexOf(mark, 1); at > 0 && at < text.length - 2; at = text.indexOf(mark, at + 2)) {
      const next = text[at + 2];
      if (next !== next.toLowerCase() || next === '"' || next === '“') count++;
    }
  }
  return count;
}

