// Lines that recur: across the corpus's documents (the site template: menus, section headers, footers,
// lists of other articles) and within the page (a linked title shown twice, a copy of the headline as
// image alt text).

import type { CorpusModel } from '../corpus';
import { addEvidence, markConclusive, type LineInfo } from './lineInfo';

/** Lines at least this long are prose; finding one on another page is weaker evidence (a quoted teaser). */
const PROSE_CHARS = 120;

export interface CorpusView {
  corpus: CorpusModel;
  /**
   * Pages not to count as other pages: the document itself when it is in the corpus, plus its copies
   * (see duplicateCount).
   */
  ownCopies: number;
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

export function addCorpusRepeatEvidence(info: LineInfo, view: CorpusView): void {
  const { corpus, ownCopies } = view;
  const others = info.documentFrequency - ownCopies;
  const otherPages = corpus.documentCount - ownCopies;
  if (others <= 0 || otherPages <= 0) return;
  const reason = `repeated on ${others + 1} of ${otherPages + 1} pages`;
  // One other page is already telling in a small corpus; the strength saturates at four pages or half.
  const saturation = Math.max(1, Math.min(4, otherPages / 2));
  const strength = Math.min(1, others / saturation);
  if (info.text.length >= PROSE_CHARS) {
    addEvidence(info, -1 - 1.5 * strength, reason);
  } else if (others >= 2 || strength >= 1) {
    markConclusive(info, -2.5 - 1.5 * strength, reason);
  } else {
    addEvidence(info, -2.2, reason);
  }
}

export function addLearnedEvidence(info: LineInfo, corpus: CorpusModel): void {
  const { body, boilerplate } = corpus.learnedCountsOfHash(info.hash);
  if (boilerplate > body) markConclusive(info, -5, `tagged boilerplate on ${boilerplate} other page(s)`);
  else if (body > boilerplate) {
    addEvidence(info, 5, `tagged body on ${body} other page(s)`);
    info.taggedBody = true;
  }
}

/**
 * Within the page: a line equal to its neighbour is a linked title shown twice (both boilerplate); a later
 * copy of an earlier line is a copy (image alt text, repeated link) and the first occurrence keeps its
 * chance (the headline).
 */
export function addPageRepeatEvidence(lines: readonly LineInfo[]): void {
  const firstIndexOf = new Map<number, number>();
  lines.forEach((info, index) => {
    const previous = lines[index - 1];
    const next = lines[index + 1];
    if ((previous && previous.hash === info.hash) || (next && next.hash === info.hash)) {
      markConclusive(info, -3, 'linked title shown twice');
      info.linkLike = true;
    } else if (firstIndexOf.has(info.hash)) {
      // Weak: repeated questions of an interview or "Buy it for $X" lines are body; menus repeated in a
      // footer are outside the article anyway.
      info.copied = true;
      addEvidence(info, -1, `copy of line ${lines[firstIndexOf.get(info.hash) as number].line + 1}`);
    }
    if (!firstIndexOf.has(info.hash)) firstIndexOf.set(info.hash, index);
  });
}
