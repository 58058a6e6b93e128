// Reader comments under the article. Their text is prose like the article's, so a comment thread joins the
// main block; what tells it apart is its attributions: short lines naming the commenter with a date and a
// clock time ("Posted by: Sean | Jan 10, 2008 4:49 PM", "Comment by Dawn - January 7, 2008 @ 8:48 pm"),
// their dates written to one pattern, one per comment. An article's own datelines are one or two; a live
// blog's entry times carry no date.

import { linePattern } from '../signals/structure';
import { hasDateAndTime } from '../signals/timestamp';
import type { Block, LineInfo } from '../types';

/** Attributions of one pattern that make a thread. */
const MIN_COMMENTS = 3;
/** Lines of the article, with evidence of their own, before the thread. */
const MIN_ARTICLE_LINES = 2;

/** Per attribution pattern, the lines of a page that carry it (see the file's comment). */
function attributions(lines: readonly LineInfo[], from: number, to: number): Map<string, number[]> {
  const byPattern = new Map<string, number[]>();
  for (let i = from; i <= to; i++) {
    const info = lines[i];
    if (!info.timestampLike || !hasDateAndTime(info.text)) continue;
    // from the first digit on: the names before the date vary ("K. Lund", "Dr Anna Berg")
    const pattern = linePattern(info.text.slice(info.text.search(/\d/)));
    const found = byPattern.get(pattern) ?? byPattern.set(pattern, []).get(pattern)!;
    found.push(i);
  }
  return byPattern;
}

/**
 * Ends the main block before the first attribution of a comment thread inside it (see the file's comment).
 * Returns the first line taken out of the block, if any.
 */
export function trimReaderComments(lines: readonly LineInfo[], block: Block, logits: ArrayLike<number>): number | undefined {
  // the pattern whose MIN_COMMENTS-th attribution comes first
  let earliest: number[] | undefined;
  for (const found of attributions(lines, block.first, block.last).values()) {
    if (found.length >= MIN_COMMENTS && (!earliest || found[MIN_COMMENTS - 1] < earliest[MIN_COMMENTS - 1])) earliest = found;
  }
  if (!earliest) return undefined;
  const thread = earliest[0];
  let articleLines = 0;
  for (let i = block.first; i < thread; i++) if (logits[i] > 0) articleLines++;
  if (articleLines < MIN_ARTICLE_LINES) return undefined;
  block.last = thread - 1;
  return thread;
}

/**
 * Where a thread that the main block lies in begins: a short post under a long discussion is outweighed by
 * it, so the heaviest block is comments when attributions of one pattern come before it and inside it
 * (MIN_COMMENTS in all, two of them inside), naming different people: the words before the date differ.
 * A live blog whose entries are headed by dates and times ("January 10, 2008 at 4:05 pm") under a page
 * timestamp of the same pattern has the same words before each date. The article is then looked for
 * before that line.
 */
export function threadAroundBlock(lines: readonly LineInfo[], block: Block): number | undefined {
  const namePart = (line: number): string => lines[line].text.slice(0, lines[line].text.search(/\d/)).trim().toLowerCase();
  let start: number | undefined;
  for (const found of attributions(lines, 0, block.last).values()) {
    if (found.length < MIN_COMMENTS || found[0] >= block.first) continue;
    const inside = found.filter((line) => line >= block.first);
    if (inside.length < 2 || new Set(inside.map(namePart)).size < 2) continue;
    if (start === undefined || found[0] < start) start = found[0];
  }
  return start;
}
