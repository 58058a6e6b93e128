// Where the article ends. The main block (context.ts) takes in whatever follows the last paragraph as long
// as those lines have some evidence of their own: a newsletter box ("Get the day's big stories...",
// "Thanks for signing up!"), a list of other stories, a subscription form, an "About the author" box. Such
// a box starts with a short header line and is written in another register than the article:
// - a box of several lines: its lines are much shorter than the article's (form labels, titles, calls to
//   action) and all of it is short next to the article;
// - a box of one paragraph: the header names its subject ("About Jane Roe" over "Jane Roe is ...").
// In both cases the box's words are about as far from the article's as the article's last paragraphs are
// from the rest of it, or farther (lexical cohesion, measured over the whole box: single lines are too
// short for it). The
// block then ends before the header. A subheading over further paragraphs of the article and a header
// announcing a list (a colon) are left alone.

import { isTitleLike } from '../signals/linkList';
import type { Block, LineInfo } from '../types';

const HEADER_MAX_CHARS = 60;
/** Lines of the article before the header. */
const MIN_ARTICLE_LINES = 2;
/** A box's lines are on average shorter than this share of the article's lines. */
const BOX_LINE_SHARE = 0.4;
/** A box has fewer characters than this share of the article before it. */
const BOX_TEXT_SHARE = 0.25;
/** A one-paragraph box's paragraph holds at least this share of the header's words. */
const SUBJECT_WORD_SHARE = 0.5;
/** The article's last paragraphs, whose cohesion with the rest of it is the yardstick. */
const COHESION_LINES = 3;
/**
 * How much more (or less) of its words a box may share with the article than the article's last
 * paragraphs share with the rest of it: a box of several lines may name what the article names (a line of
 * tags, "more about X"); a single paragraph under a header is otherwise a last subsection of the article,
 * so it must share clearly less.
 */
const BOX_COHESION_MARGIN = 0.15;
const PARAGRAPH_COHESION_MARGIN = -0.05;

/** A line that can head a box: short, no sentence, not announcing what follows (a colon); or a rule. */
function isSectionHeader(info: LineInfo): boolean {
  if (info.structure) return false;
  if (info.wordHashes.length === 0) return true;
  return isTitleLike(info) && !info.endsSentence && !info.text.endsWith(':') && info.width <= HEADER_MAX_CHARS;
}

/**
 * Ends the main block before the header of a box that closes it (see the file's comment). Returns the
 * first line taken out of the block, if any.
 */
export function trimArticleTail(lines: readonly LineInfo[], block: Block, isStopword: (word: number) => boolean): number | undefined {
  let boxChars = 0;
  for (let i = block.first; i <= block.last; i++) boxChars += lines[i].width;
  // Walking forward: articleChars covers the lines [first, header), boxChars (header, last].
  let articleChars = 0;
  for (let header = block.first; header < block.last; header++) {
    const info = lines[header];
    boxChars -= info.width;
    const articleLines = header - block.first;
    const boxLines = block.last - header;
    if (articleLines >= MIN_ARTICLE_LINES && isSectionHeader(info)) {
      const box =
        boxLines === 1
          ? namesHeaderSubject(info, lines[block.last])
          : boxChars / boxLines < BOX_LINE_SHARE * (articleChars / articleLines) &&
            boxChars < BOX_TEXT_SHARE * articleChars;
      const margin = boxLines === 1 ? PARAGRAPH_COHESION_MARGIN : BOX_COHESION_MARGIN;
      if (box && foreignWords(lines, block, header, isStopword, margin)) {
        block.last = header - 1;
        return header;
      }
    }
    articleChars += info.width;
  }
  return undefined;
}

/** Whether most of the header's words recur in the line (a box about a person or a company it names). */
function namesHeaderSubject(header: LineInfo, line: LineInfo): boolean {
  const words = new Set(line.wordHashes);
  let named = 0;
  for (const word of header.wordHashes) if (words.has(word)) named++;
  return named > 0 && named >= SUBJECT_WORD_SHARE * header.wordHashes.length;
}

/**
 * Whether the lines after the header share no more of their content words with the article before it than
 * the article's last paragraphs share with its other lines, give or take the margin. A list that goes on
 * about the article's subject shares more.
 */
function foreignWords(
  lines: readonly LineInfo[],
  block: Block,
  header: number,
  isStopword: (word: number) => boolean,
  margin: number,
): boolean {
  // Content words are the words other than stop words (every word, when the language is unknown): on how
  // many lines of the article before the header each occurs.
  const articleLines = new Map<number, number>();
  for (let i = block.first; i < header; i++) {
    for (const word of new Set(lines[i].wordHashes)) if (!isStopword(word)) articleLines.set(word, (articleLines.get(word) ?? 0) + 1);
  }

  let boxWords = 0;
  let boxShared = 0;
  for (let i = header + 1; i <= block.last; i++) {
    for (const word of lines[i].wordHashes) {
      if (isStopword(word)) continue;
      boxWords++;
      if (articleLines.has(word)) boxShared++;
    }
  }
  let ownWords = 0;
  let ownShared = 0;
  for (let i = Math.max(block.first, header - COHESION_LINES); i < header; i++) {
    for (const word of lines[i].wordHashes) {
      if (isStopword(word)) continue;
      ownWords++;
      // Also on another line of the article.
      if ((articleLines.get(word) ?? 0) >= 2) ownShared++;
    }
  }
  if (boxWords === 0) return true;
  const articleCohesion = ownWords === 0 ? 0 : ownShared / ownWords;
  return boxShared / boxWords <= articleCohesion + margin;
}
