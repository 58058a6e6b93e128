// Lines that recur: across the corpus's documents (the site template: menus, section headers, footers,
// lists of other articles) and within the page (a linked title shown twice, a copy of the headline as
// image alt text).

import type { CorpusModel, LearnedCounts } from '../../corpus';
import { NumberedReason, type EvidenceLog } from '../evidence';
import type { LineInfo } from '../types';

/** Lines at least this long are prose; finding one on another page is weaker evidence (a quoted teaser). */
const PROSE_CHARS = 120;

export interface CorpusView {
  corpus: CorpusModel;
  /**
   * Pages not to count as other pages: the document itself when it is in the corpus, plus its copies
   * (see duplicateCount).
   */
  ownCopies: number;
  /** The reason "repeated on N of M pages" for this page's M, made by repeatReason(view). */
  repeatReason?: NumberedReason;
}

/** The reason of addCorpusRepeatEvidence for a page: one per page, so its written reasons are shared. */
export function repeatReason(view: CorpusView): NumberedReason {
  const pages = view.corpus.documentCount - view.ownCopies + 1;
  return new NumberedReason((others) => `repeated on ${others + 1} of ${pages} pages`);
}

/**
 * How many other pages of the corpus are copies of this one (the same article saved twice): the number of
 * other pages that even the page's least shared substantial lines occur on (the lower quartile). A site
 * template shares some lines of a page, a copy shares all of them; the copies' lines must not count as
 * template.
 */
export function duplicateCount(lines: readonly LineInfo[], selfInCorpus: boolean): number {
  const counts: number[] = [];
  for (const info of lines) {
    if (info.wordHashes.length < SUBSTANTIAL_WORDS) continue;
    counts.push(Math.max(0, info.documentFrequency - (selfInCorpus ? 1 : 0)));
  }
  if (counts.length < MIN_SUBSTANTIAL_LINES) return 0;
  counts.sort((a, b) => a - b);
  return counts[Math.floor(counts.length / 4)];
}

const SUBSTANTIAL_WORDS = 8;
const MIN_SUBSTANTIAL_LINES = 3;

/** Whether each line is prose found on other pages next to another such line (see addCorpusRepeatEvidence). */
export function repeatedProseRuns(lines: readonly LineInfo[], ownCopies: number): Uint8Array {
  const inRun = new Uint8Array(lines.length);
  const repeated = (i: number): boolean => i >= 0 && i < lines.length && lines[i].documentFrequency > ownCopies && lines[i].width >= PROSE_CHARS;
  for (let i = 0; i < lines.length; i++) if (repeated(i) && (repeated(i - 1) || repeated(i + 1))) inRun[i] = 1;
  return inRun;
}

/**
 * `inRepeatedRun`: a prose line next to another prose line that other pages hold too. One paragraph found
 * elsewhere may be quoted (a teaser of this article); paragraphs in a row found elsewhere, on a page that is
 * no copy of this one, are a template's (a legal footer, an about box).
 */
export function addCorpusRepeatEvidence(log: EvidenceLog, info: LineInfo, view: CorpusView, inRepeatedRun = false): void {
  const { corpus, ownCopies } = view;
  const others = info.documentFrequency - ownCopies;
  const otherPages = corpus.documentCount - ownCopies;
  if (others <= 0 || otherPages <= 0) return;
  const reason = (view.repeatReason ??= repeatReason(view));
  // One other page is already telling in a small corpus; the strength saturates at four pages or half.
  const saturation = Math.max(1, Math.min(4, otherPages / 2));
  const strength = inRepeatedRun ? 1 : Math.min(1, others / saturation);
  if (info.width >= PROSE_CHARS) {
    log.addNumbered(info, -1 - 1.5 * strength, reason, others);
  } else if (others >= 2 || strength >= 1) {
    log.markConclusiveNumbered(info, -2.5 - 1.5 * strength, reason, others);
  } else {
    log.addNumbered(info, -2.2, reason, others);
  }
}

const TAGGED_BOILERPLATE = new NumberedReason((pages) => `tagged boilerplate on ${pages} other page(s)`);
const TAGGED_BODY = new NumberedReason((pages) => `tagged body on ${pages} other page(s)`);

/**
 * The annotator's tags of this very line on other pages; a body tag counts only where it outnumbers the
 * line's boilerplate tags and the done pages leaving it untagged. `own`: the counts the page being analysed
 * added itself, left out (the body line model learns from a page as it was before its own tags).
 */
export function addLearnedEvidence(log: EvidenceLog, info: LineInfo, corpus: CorpusModel, own?: ReadonlyMap<number, LearnedCounts>): void {
  const memory = corpus.lineMemory(info.hash, own?.get(info.hash));
  if (!memory) return;
  if (memory.label === 'boilerplate') {
    log.markConclusiveNumbered(info, -5, TAGGED_BOILERPLATE, memory.count);
  } else {
    log.addNumbered(info, 5, TAGGED_BODY, memory.count);
    info.taggedBodyPages = memory.count;
  }
  info.learned = true;
}

/** "copy of line N": the numbers rarely repeat, so the reasons are not kept. */
const COPY_OF_LINE = new NumberedReason((line) => `copy of line ${line}`, 0);

/**
 * Within the page: a line equal to its neighbour is a linked title shown twice (both boilerplate); a later
 * copy of an earlier line is a copy (image alt text, repeated link) and the first occurrence keeps its
 * chance (the headline).
 */
export function addPageRepeatEvidence(log: EvidenceLog, lines: readonly LineInfo[]): void {
  const firstIndexOf = new Map<number, number>();
  for (let index = 0; index < lines.length; index++) {
    const info = lines[index];
    const hash = info.hash;
    const first = firstIndexOf.get(hash);
    if ((index > 0 && lines[index - 1].hash === hash) || (index + 1 < lines.length && lines[index + 1].hash === hash)) {
      log.markConclusive(info, -3, 'linked title shown twice');
      info.linkLike = true;
    } else if (first !== undefined) {
      // Weak: repeated questions of an interview or "Buy it for $X" lines are body; menus repeated in a
      // footer are outside the article anyway.
      info.copied = true;
      log.addNumbered(info, -1, COPY_OF_LINE, lines[first].line + 1);
    }
    if (first === undefined) firstIndexOf.set(hash, index);
  }
}
