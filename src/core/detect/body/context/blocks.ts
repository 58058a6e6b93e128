// Context: the article is usually one contiguous main block, preceded by its headline. The block is the
// run of lines with the largest total evidence (a maximum-sum segment, as in boilerpipe-style block
// fusion); inside it, weakly negative lines (subheadings, short quotes) are body, and outside it even
// prose-like lines (teasers of other articles, comments) are boilerplate, unless they form a further block
// nearly as heavy as the main one close to it.

import { isTitleLike } from '../signals/linkList';
import { isDataRow } from '../signals/structure';
import type { Block, LineInfo } from '../types';

const MAX_LINE_COST = 3;
/** What a plain line (isPlainLine) costs at most: less than a line with evidence of furniture. */
const MAX_PLAIN_LINE_COST = 2;
const MAX_LINK_COST = 1;
/** What a row of a table of figures adds to a block: forty rows weigh about as much as three paragraphs. */
const DATA_ROW_VALUE = 0.5;

/**
 * Whether nothing but its shape speaks against a line (short, no sentence end, few stop words, in a run of
 * short lines): it is no credit or date line, no copy of another line of the page and on no other page of
 * the corpus (ownCopies: the page itself and its copies). Such a line costs the block less than other weak
 * lines, and between body lines inside the block it is body however short (jusText's short paragraphs
 * between good ones): list items, subheadings, one-line quotes, in languages with or without a stop-word
 * list.
 */
export function isPlainLine(info: LineInfo, ownCopies: number): boolean {
  return !info.creditLike && !info.copied && !info.dated && info.documentFrequency <= ownCopies;
}

/** How much the block weighs a line's evidence: long prose lines count more than short positive ones. */
function blockValue(info: LineInfo, logit: number, ownCopies: number): number {
  // A boilerplate line inside an article (a related link, a caption) costs little; only a run of them
  // separates two blocks.
  // Table rows and numbered items neither make nor break a block (see structure.ts); rows of figures add a
  // little to it. Items of one pattern are not free: a list of links can have one.
  if (isDataRow(info)) return DATA_ROW_VALUE;
  if (logit <= 0) {
    if (info.structure && info.structure !== 'items') return 0;
    const cost = info.linkLike ? MAX_LINK_COST : !info.conclusive && isPlainLine(info, ownCopies) ? MAX_PLAIN_LINE_COST : MAX_LINE_COST;
    return Math.max(logit, -cost);
  }
  return logit * (0.4 + Math.min(info.width, 400) / 200);
}

/** The maximum-sum segment of values[from, to), or undefined when no segment has a positive sum. */
function bestSegment(values: Float64Array, from: number, to: number): (Block & { sum: number }) | undefined {
  let bestSum = 0;
  let bestFirst = -1;
  let bestLast = -1;
  let runStart = from;
  let runSum = 0;
  for (let i = from; i < to; i++) {
    if (runSum <= 0) {
      runStart = i;
      runSum = 0;
    }
    runSum += values[i];
    if (runSum > bestSum) {
      bestSum = runSum;
      bestFirst = runStart;
      bestLast = i;
    }
  }
  return bestFirst < 0 ? undefined : { first: bestFirst, last: bestLast, sum: bestSum };
}

/** A further block must weigh this share of the main one, with at least two positive lines. */
const SECONDARY_SHARE = 0.5;
/**
 * An earlier block weighing this share of the heaviest one is the article: what follows an article and
 * outweighs it (a reader-comment thread, a cookie notice) comes after it, not before.
 */
const EARLIER_ARTICLE_SHARE = 0.75;
/** A further block continues the article across an insert of at most this many lines, not farther. */
const MAX_INSERT_LINES = 15;

/**
 * The main block (first in the result) and any further blocks nearly as strong (an article interrupted by
 * a long insert). Isolated prose lines among links (teasers) do not make a block of their own. Only the
 * lines before `end` are looked at.
 */
export function articleBlocks(lines: readonly LineInfo[], logits: ArrayLike<number>, ownCopies: number, end = lines.length): Block[] {
  const values = new Float64Array(end);
  for (let i = 0; i < end; i++) values[i] = blockValue(lines[i], logits[i], ownCopies);
  const main = bestSegment(values, 0, end);
  if (!main) return [];
  const candidates: (Block & { sum: number })[] = [main];
  const pending: [number, number][] = [
    [0, main.first],
    [main.last + 1, end],
  ];
  while (pending.length > 0) {
    const [from, to] = pending.pop() as [number, number];
    const segment = bestSegment(values, from, to);
    if (!segment || segment.sum < SECONDARY_SHARE * main.sum) continue;
    let positive = 0;
    for (let i = segment.first; i <= segment.last; i++) if (logits[i] > 0) positive++;
    if (positive < 2) continue;
    candidates.push(segment);
    pending.push([from, segment.first], [segment.last + 1, to]);
  }
  let article = main;
  for (const candidate of candidates) {
    if (candidate.first < article.first && candidate.sum >= EARLIER_ARTICLE_SHARE * main.sum) article = candidate;
  }
  const blocks: Block[] = [{ first: article.first, last: article.last }];
  for (const candidate of candidates) {
    if (candidate === article) continue;
    const gap = candidate.first > article.last ? candidate.first - article.last - 1 : article.first - candidate.last - 1;
    if (gap <= MAX_INSERT_LINES) blocks.push({ first: candidate.first, last: candidate.last });
  }
  return blocks;
}

/**
 * A table or numbered list right after the block's last paragraph belongs to the article when it is a
 * table or when a line ending with a colon announces it: the block's last line, or the line after it
 * (an announcing line is often too short to count as prose on its own); a list of items of one pattern
 * also under a subheading of its own (headsItems). The block then runs to the end of the table or list.
 * Returns the first line added to the block, if any.
 */
export function extendOverStructure(lines: readonly LineInfo[], block: Block, ownCopies: number): number | undefined {
  const announces = (index: number): boolean => lines[index]?.text.endsWith(':') === true && !lines[index].conclusive;
  const introduces = (index: number): boolean => announces(index) || headsItems(lines, index, ownCopies);
  let first = block.last + 1;
  if (!lines[first]?.structure && introduces(first) && lines[first + 1]?.structure) first++;
  const next = lines[first];
  if (!next?.structure) return undefined;
  if (next.structure !== 'table' && !introduces(first - 1)) return undefined;
  let end = first;
  while (end + 1 < lines.length && lines[end + 1].structure) end++;
  const added = block.last + 1;
  block.last = end;
  return added;
}

const ITEMS_HEADER_MAX_CHARS = 80;

/**
 * A subheading of the article over a list of items of one pattern ("Tour dates", "Qualified teams"): a
 * short title-like line of this page alone, right before the list.
 */
function headsItems(lines: readonly LineInfo[], index: number, ownCopies: number): boolean {
  const info = lines[index];
  return (
    info !== undefined &&
    lines[index + 1]?.structure === 'items' &&
    info.titleLike &&
    !info.endsSentence &&
    !info.conclusive &&
    !info.linkLike &&
    info.width <= ITEMS_HEADER_MAX_CHARS &&
    isPlainLine(info, ownCopies)
  );
}

/** Lines before a table that opens the block, which may be its column headings and the line announcing it. */
export const TABLE_LEAD_LINES = 2;
const TABLE_HEADING_MAX_CHARS = 120;

/**
 * A block that opens with a table of figures takes in the table's column headings ("Pos. Driver Points")
 * and the line announcing it (ending with a colon) right before it: up to TABLE_LEAD_LINES non-conclusive
 * short lines. Returns the block's new first line, if it moved.
 */
export function extendBackOverTableHead(lines: readonly LineInfo[], block: Block): number | undefined {
  if (!isDataRow(lines[block.first])) return undefined;
  let first = block.first;
  while (first > 0 && block.first - first < TABLE_LEAD_LINES) {
    const previous = lines[first - 1];
    // Column headings are short and no sentence, though abbreviations may dot them ("Pos. Driver").
    const heading = !previous.endsSentence && previous.width <= TABLE_HEADING_MAX_CHARS;
    if (previous.conclusive || previous.structure || (!heading && !previous.text.endsWith(':'))) break;
    first--;
  }
  if (first === block.first) return undefined;
  block.first = first;
  return first;
}

/** How far above the main block any title-like line may be its headline. */
export const HEADLINE_LOOKBACK = 8;
/** Farther up (past a gallery, share buttons, a byline box), only a line sharing words with the article. */
const HEADLINE_FAR_LOOKBACK = 20;
const HEADLINE_MIN_WORDS = 4;
/** A shorter headline ("Mapping dark matter", "Hanuman Returns") must share words with the article. */
const HEADLINE_SHORT_MIN_WORDS = 2;
const HEADLINE_GOOD_WORDS = 6;
const HEADLINE_MAX_WORDS = 30;
/** Shared content words beyond this many add nothing more. */
const HEADLINE_SHARED_ENOUGH = 3;

/**
 * The headline: a title-like line above the main block, neither a credit, a date line, a menu nor a copy
 * of an earlier line. A headline names what its article's first lines name: the evidence is the content words
 * (not stop words) it shares with them, by share and by count, so a short menu line that happens to share
 * one common word loses to a longer line sharing several names. Lines copied again in the article (image
 * alt text) gain; lines of other pages of the corpus (the site's template: "Print this story", "Links to
 * this article") lose.
 */
export function findHeadline(lines: readonly LineInfo[], block: Block, ownCopies: number, isStopword: (word: number) => boolean): number | undefined {
  const blockWords = new Set<number>();
  for (let i = block.first; i <= Math.min(block.last, block.first + 2); i++) {
    for (const word of lines[i].wordHashes) blockWords.add(word);
  }
  // where each line's text occurs last up to the block's end: a candidate copied inside the article
  const lastInArticle = new Map<number, number>();
  for (let i = 0; i <= block.last; i++) lastInArticle.set(lines[i].hash, i);
  let best: number | undefined;
  let bestScore = 0;
  for (let i = block.first - 1, seen = 0; i >= 0 && seen < HEADLINE_FAR_LOOKBACK; i--, seen++) {
    const info = lines[i];
    const wordCount = info.wordHashes.length;
    if (wordCount < HEADLINE_SHORT_MIN_WORDS || wordCount > HEADLINE_MAX_WORDS) continue;
    // conclusive lines include menus written on one line (linkList.ts)
    if (info.conclusive || info.dated || info.creditLike || !isTitleLike(info)) continue;
    // The headline is the first occurrence of its text; later copies are alt texts and repeated links.
    if (info.copied) continue;
    let content = 0;
    let shared = 0;
    for (const word of info.wordHashes) {
      if (isStopword(word)) continue;
      content++;
      if (blockWords.has(word)) shared++;
    }
    if (shared === 0 && seen >= HEADLINE_LOOKBACK) continue;
    const minWords = shared > 0 ? HEADLINE_SHORT_MIN_WORDS : HEADLINE_MIN_WORDS;
    if (wordCount < minWords) continue;
    // Words glued together without spaces are no headline, unless the script writes words that way.
    if (!info.features.unspaced && info.text.split(/\s+/).length < minWords) continue;
    let score = 1 + 0.5 * (content > 0 ? shared / content : 0) + (0.5 * Math.min(shared, HEADLINE_SHARED_ENOUGH)) / HEADLINE_SHARED_ENOUGH;
    if (shared === 0) score -= 0.5;
    // copied again in the article (alt text, a caption), not in the footer, as a menu is
    if ((lastInArticle.get(info.hash) ?? i) > i) score += 1;
    if (wordCount >= HEADLINE_GOOD_WORDS) score += 0.2;
    if (info.documentFrequency > ownCopies) score -= 0.5;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Whether a weak line inside a block (a subheading, a short quote) sits between body lines: the nearest
 * lines on both sides that are not weak themselves have positive evidence and nothing conclusive against
 * them (jusText's rule for short paragraphs); lines without words are passed over.
 */
export function betweenBodyLines(lines: readonly LineInfo[], logits: ArrayLike<number>, index: number, block: Block): boolean {
  const strongNeighbourIsBody = (step: -1 | 1): boolean => {
    for (let i = index + step; i >= block.first && i <= block.last; i += step) {
      // A separator ("* * *", "___") between two parts of the text says nothing about its neighbours.
      if (lines[i].wordHashes.length === 0) continue;
      if (lines[i].conclusive) return false;
      if (logits[i] > 0) return true;
    }
    return false;
  };
  return strongNeighbourIsBody(-1) && strongNeighbourIsBody(1);
}

/**
 * Sentences at the block's edges: walking out from its first and its last line, the lines that end like a
 * sentence or with a colon and that `plain` accepts, up to the first that does not or to `stop` (jusText:
 * a short paragraph next to good ones is good). A closing remark ("Stay tuned!"), a short question or a
 * line announcing what follows ("The senate resolved to:") weighs too little to join the block, yet it is
 * written as its text is. Returns the block with those lines: the lines it adds are the ones taken.
 */
export function sentencesAtEdges(lines: readonly LineInfo[], block: Block, plain: (index: number) => boolean, stop: number | undefined): Block {
  const takes = (index: number): boolean => index !== stop && (lines[index].endsSentence || lines[index].text.endsWith(':')) && !lines[index].conclusive && plain(index);
  let first = block.first;
  while (first > 0 && takes(first - 1)) first--;
  let last = block.last;
  while (last + 1 < lines.length && takes(last + 1)) last++;
  return { first, last };
}
