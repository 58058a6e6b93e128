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

/**
 * Ends the main block before the first attribution of a comment thread inside it (see the file's comment).
 * Returns the first line taken out of the block, if any.
 */
export function trimReaderComments(lines: readonly LineInfo[], block: Block, logits: ArrayLike<number>): number | undefined {
  // per pattern, its first attribution and how many there are
  const seen = new Map<string, { first: number; count: number }>();
  let thread: number | undefined;
  for (let i = block.first; i <= block.last && thread === undefined; i++) {
    const info = lines[i];
    if (!info.timestampLike || !hasDateAndTime(info.text)) continue;
    // from the first digit on: the names before the date vary ("K. Lund", "Dr Anna Berg")
    const pattern = linePattern(info.text.slice(info.text.search(/\d/)));
    const entry = seen.get(pattern) ?? seen.set(pattern, { first: i, count: 0 }).get(pattern)!;
    if (++entry.count >= MIN_COMMENTS) thread = entry.first;
  }
  if (thread === undefined) return undefined;
  let articleLines = 0;
  for (let i = block.first; i < thread; i++) if (logits[i] > 0) articleLines++;
  if (articleLines < MIN_ARTICLE_LINES) return undefined;
  block.last = thread - 1;
  return thread;
}
