// Lists of links: runs of short title-like lines (menus, "most read" lists, related articles), menus written
// on one line, and the teasers under linked titles, which are often cut short ("...", a broken character,
// mid-sentence).

import type { EvidenceLog } from '../evidence';
import type { Evidence, LineInfo } from '../types';

// Vietnamese counts syllables as words, so a title may have 30 of them.
const TITLE_MAX_WORDS = 30;
const TITLE_MAX_CHARS = 160;
/**
 * In a script that marks no sentence end (Thai), a title is told from a paragraph by its length alone:
 * headlines are rarely longer than this, while paragraphs run on.
 */
const UNPUNCTUATED_TITLE_MAX_CHARS = 80;
const MIN_RUN = 3;
/** Long lines ending in a letter were cut off mid-sentence. */
const CUT_SHORT_MIN_CHARS = 100;
const LINK_TITLE_MIN_WORDS = 4;

const MENU_MIN_ITEMS = 3;
const MENU_ITEM_MAX_CHARS = 24;
const MENU_WEIGHT = -3;
/** A bar or middle dot between spaces; a line without one is no menu, and costs no split. */
const MENU_SEPARATOR = /\s[|·•]\s/;

/**
 * A menu written on one line: three or more short items between bars or middle dots ("News | Sport |
 * Weather", "Terms · Privacy · Twitter"). On the development sets no such line is article text.
 */
export function isOneLineMenu(text: string): boolean {
  if (!MENU_SEPARATOR.test(text)) return false;
  const items = text.split(MENU_SEPARATOR);
  return items.length >= MENU_MIN_ITEMS && items.every((item) => item.trim().length <= MENU_ITEM_MAX_CHARS);
}

/** A one-line menu stays boilerplate even between the article's paragraphs (a share bar). */
export function addOneLineMenuEvidence(log: EvidenceLog, info: LineInfo): void {
  if (info.features.oneLineMenu) log.markConclusive(info, MENU_WEIGHT, 'menu written on one line');
}

/** Question marks of the scripts that have one (Latin, full-width, Arabic, Armenian, Greek). */
const QUESTION_MARKS = '?？؟՞\u037e';

function endsWithQuestionMark(text: string): boolean {
  return text.length > 0 && QUESTION_MARKS.includes(text[text.length - 1]);
}

/** Whether a line is short enough and shaped like the title of an article (LineInfo.titleLike). */
export function isTitleLikeLine(text: string, unpunctuated: boolean, width: number, wordCount: number, innerSentenceEnds: number, endsSentence: boolean): boolean {
  return (
    wordCount <= TITLE_MAX_WORDS &&
    width <= TITLE_MAX_CHARS &&
    (width <= UNPUNCTUATED_TITLE_MAX_CHARS || !unpunctuated) &&
    innerSentenceEnds === 0 &&
    (!endsSentence || endsWithQuestionMark(text))
  );
}

export function isTitleLike(info: LineInfo): boolean {
  return info.titleLike;
}

export function isCutShort(text: string): boolean {
  if (text.endsWith('..') || text.endsWith('…') || text.endsWith('\ufffd')) return true;
  if (text.length < CUT_SHORT_MIN_CHARS) return false;
  const last = text.charCodeAt(text.length - 1);
  const lastChar = text[text.length - 1];
  return last > 64 && lastChar.toLowerCase() !== lastChar.toUpperCase();
}

export function addLinkListEvidence(log: EvidenceLog, lines: readonly LineInfo[]): void {
  let runStart = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && lines[i].titleLike) continue;
    const runLength = i - runStart;
    if (runLength >= MIN_RUN) {
      const weight = -(0.5 + 0.2 * Math.min(runLength - MIN_RUN, 7));
      const item: Evidence = { weight, reason: `link list (${runLength} short lines)` };
      for (let j = runStart; j < i; j++) log.addShared(lines[j], item);
    }
    runStart = i + 1;
  }
}

/**
 * Teasers: prose lines directly under a linked title. One such line is as likely an article paragraph after
 * an inline related link; a chain of them (title, teaser, title, teaser) is a list of other articles. Run
 * after the signals that mark linked titles (linkLike).
 */
export function addTeaserEvidence(log: EvidenceLog, lines: readonly LineInfo[]): void {
  // teaser[i]: UNDER_LINK for a line under a link, CHAINED when also the nearest line under a link before
  // or after it is reached across link lines only.
  const teaser = new Uint8Array(lines.length);
  let lastUnderLink = -1;
  for (let i = 0; i < lines.length; i++) {
    const info = lines[i];
    const previous = i > 0 ? lines[i - 1] : undefined;
    const underLink =
      !info.titleLike && !info.linkLike && previous?.linkLike === true && previous.wordHashes.length >= LINK_TITLE_MIN_WORDS;
    if (underLink) {
      teaser[i] = UNDER_LINK;
      if (lastUnderLink >= 0) teaser[lastUnderLink] = teaser[i] = CHAINED;
      lastUnderLink = i;
    } else if (!info.linkLike) {
      lastUnderLink = -1;
    }
  }
  for (let index = 0; index < lines.length; index++) {
    const info = lines[index];
    if (info.titleLike) continue;
    if (isCutShort(info.text)) log.add(info, -1.2, 'cut short like a teaser');
    if (teaser[index] === CHAINED) log.add(info, -2.5, 'teaser in a list of links');
    else if (teaser[index] === UNDER_LINK) log.add(info, -0.3, 'under a linked title');
  }
}

const UNDER_LINK = 1;
const CHAINED = 2;

const MIN_TEASER_PAIRS = 3;

function isTeasedTitle(info: LineInfo): boolean {
  return info.titleLike && !info.endsSentence && info.wordHashes.length >= 3;
}
const TEASER_LIST_WEIGHT = -1.5;

/** The share of an alternation's titles written more than once on the page from which it is taken for an
 * article's own recurring subheadings. */
const RECURRING_TITLES_SHARE = 1 / 3;

/**
 * Lists of other articles shown as title, teaser, title, teaser...: a strict alternation of title-like
 * lines and prose lines, several pairs long. An article's text has runs of paragraphs instead, or sections
 * under subheadings it writes again and again ("The claim", "The facts", "Our verdict") or names together
 * in one line (a round-up's score lines), while a list's titles are each another article's.
 */
export function addTitleTeaserListEvidence(log: EvidenceLog, lines: readonly LineInfo[]): void {
  // how often the page writes each line, counted once a long enough alternation needs it
  let written: Map<number, number> | undefined;
  const timesWritten = (hash: number): number => {
    if (!written) {
      written = new Map();
      for (const info of lines) written.set(info.hash, (written.get(info.hash) ?? 0) + 1);
    }
    return written.get(hash)!;
  };
  let i = 0;
  while (i < lines.length - 1) {
    let j = i;
    while (j + 1 < lines.length && isTeasedTitle(lines[j]) && !lines[j + 1].titleLike) j += 2;
    const pairs = (j - i) / 2;
    if (pairs < MIN_TEASER_PAIRS) {
      i++;
      continue;
    }
    let recurring = 0;
    const recurringTexts = new Set<number>();
    for (let k = i; k < j; k += 2) {
      if (timesWritten(lines[k].hash) > 1) {
        recurring++;
        recurringTexts.add(lines[k].hash);
      }
    }
    // one line written before every item is a bar of buttons or a label, not the article's subheadings
    const ownSections = (recurring >= RECURRING_TITLES_SHARE * pairs && recurringTexts.size >= 2) || namedTogether(lines, i, j);
    if (!ownSections) {
      const item: Evidence = { weight: TEASER_LIST_WEIGHT, reason: `titles with teasers (${pairs} pairs)` };
      for (let k = i; k < j; k++) log.addShared(lines[k], item);
    }
    i = j;
  }
}

/**
 * Whether one line of the page outside the alternation [from, to) names several of its titles, at least
 * RECURRING_TITLES_SHARE of them: an article that lists the sections it goes on with ("Elsewhere, it was:
 * Flyers 6 Capitals 4, Avalanche 4 Panthers 3, ..."); a list of other articles is not named so.
 */
function namedTogether(lines: readonly LineInfo[], from: number, to: number): boolean {
  const titles: string[] = [];
  for (let k = from; k < to; k += 2) titles.push(lines[k].text.toLowerCase());
  const needed = Math.max(2, Math.ceil(RECURRING_TITLES_SHARE * titles.length));
  for (let i = 0; i < lines.length; i++) {
    if (i >= from && i < to) continue;
    const lower = lines[i].text.toLowerCase();
    let named = 0;
    for (const title of titles) if (lower.includes(title) && ++named >= needed) return true;
  }
  return false;
}

/**
 * Titles under a section header of the site ("Related", "Most read", in any language) inside an article
 * block: a line of the block that recurs on other pages of the corpus and has no evidence for it, followed
 * by title-like lines. Those titles are links to other articles even where they interrupt the article's
 * text (their own prose-like words would make them body there). The header is recognised by its
 * recurrence, not by its words; it must lie inside the block, so a menu above the article does not make
 * the headline a listed title. A line ending with a colon announces the article's next lines and is no
 * title ("He also said:" under an "Advertisement" the site repeats). Marks LineInfo.listed; only the context
 * step reads it.
 */
export function markTitlesUnderSectionHeaders(
  lines: readonly LineInfo[],
  logits: ArrayLike<number>,
  ownCopies: number,
  first: number,
  last: number,
): void {
  let underHeader = false;
  for (let i = first; i <= last; i++) {
    const info = lines[i];
    if (info.documentFrequency > ownCopies && info.taggedBodyPages === undefined && logits[i] <= 0) {
      underHeader = true;
    } else if (underHeader && info.titleLike && !info.endsSentence && !info.structure && info.taggedBodyPages === undefined && !info.text.endsWith(':')) {
      info.listed = true;
    } else {
      underHeader = false;
    }
  }
}
