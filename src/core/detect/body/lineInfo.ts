// What the signals know about one non-empty line, and the evidence they add to it. Evidence is additive
// log-odds that the line is body; each piece carries a short human-readable reason.

import type { LineFeatures } from './features';
import type { StructureKind } from './structure';
import type { PhysicalLine } from './wrap';

export interface Evidence {
  readonly weight: number;
  readonly reason: string;
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
  evidence: Evidence[];
  /**
   * Set by a signal that is conclusive on its own (a title written twice, a slug, a linked title shown
   * twice, a template line of several pages, a bare timestamp, a line the annotator tagged boilerplate):
   * the line stays boilerplate even inside the main block.
   */
  conclusive?: string;
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

export function addEvidence(info: LineInfo, weight: number, reason: string): void {
  info.evidence.push({ weight, reason });
}

/**
 * Adds an evidence item made once for many lines (items are immutable): the common items are shared
 * rather than allocated for every line, so a large page makes less garbage.
 */
export function addSharedEvidence(info: LineInfo, item: Evidence): void {
  info.evidence.push(item);
}

export function markConclusive(info: LineInfo, weight: number, reason: string): void {
  info.evidence.push({ weight, reason });
  info.conclusive ??= reason;
}

/** Evidence every line starts with: a line is boilerplate until something speaks for it. */
export const PRIOR_LOGIT = -0.6;

export function logitOf(info: LineInfo): number {
  let sum = PRIOR_LOGIT;
  for (const item of info.evidence) sum += item.weight;
  return sum;
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

