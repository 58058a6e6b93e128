// Tables, numbered lists, dialogue and code inside an article: runs of short lines that page furniture does
// not have.
// Line by line they look like a menu (short, few stop words), so the link-list and length signals speak
// against them; as a run they have a structure of their own:
// - table rows: several numbers on every line ("1 Kyle Busch 5040 5 1 17 27", "HD 225.86 -12.99 -5.44%"),
//   or a number first on every line (the quantities of a recipe: "1 tsp cinnamon", "8-9 ripe pears");
// - dialogue: lines led by a short label and a colon, two or more labels taking turns ("Q: ...", "A: ...");
// - numbered items: "1) ...", "2. ...", "3 - ..." counting up, at most one other line (a link, a note)
//   between two items (and after the last one, when every item has one);
// - program code: lines ending as statements do, comments, directives and shell prompts ("int main() {",
//   "return 0;", "#include <stdio.h>", "$ make");
// - items of one pattern: lines of several words with the same digits and punctuation up to the third
//   mark (tour dates "June 9 – Tampa, FL @ ...", qualifiers "England (Group A): 10th appearance"), one
//   item between two of them differing in its third mark ("St. Louis, MO"). Lists of
//   links can share a pattern too, so these lines still cost the block what their own evidence says; they
//   are body between the article's paragraphs, or after its last one under an announcing line or a
//   subheading of this page alone (context/blocks.ts).
// Such runs do not break the article block (see context.ts), and they are body where the article holds
// them: between its paragraphs, or right after a paragraph that announces them with a colon. Tables of
// figures (several numbers a row) also weigh a little towards the block, so that a page made mostly of a
// results table finds its article there.

import type { EvidenceLog } from '../evidence';
import type { Evidence, LineInfo, StructureKind } from '../types';

const MIN_TABLE_ROWS = 4;
const MIN_ROW_NUMBERS = 2;
const MIN_ROW_NUMBER_SHARE = 0.3;
const MIN_LIST_ITEMS = 3;
/** At most this many other lines between two numbered items. */
const MAX_ITEM_GAP = 1;
const MAX_ITEM_NUMBER = 999;

/** Numbers on a table row for it to count as a row of figures. */
const DATA_ROW_NUMBERS = 3;

/**
 * A row of a table of figures (standings, results, prices: "1 Kyle Busch 5040 5 1 17 27"): several numbers
 * on a line of a table run. Menus and lists of links do not look like that, so such a table is content
 * even on a page with little prose around it.
 */
export function isDataRow(info: LineInfo): boolean {
  return info.structure === 'table' && info.numberWords >= DATA_ROW_NUMBERS;
}

function isTableRow(info: LineInfo): boolean {
  if (info.conclusive) return false;
  const code = info.text.charCodeAt(0);
  if (code >= 48 && code <= 57) return true;
  return info.numberWords >= MIN_ROW_NUMBERS && info.numberWords >= MIN_ROW_NUMBER_SHARE * info.wordHashes.length;
}

const MAX_LABEL_CHARS = 24;
const MAX_LABEL_WORDS = 3;
const MIN_DIALOGUE_LINES = 4;
const MIN_TURNS_PER_LABEL = 2;

/** The label a line starts with ("Q", "Interviewer", "Anna Berg" before a colon), or undefined. */
export function speakerLabel(text: string): string | undefined {
  let colon = 0;
  while (colon <= MAX_LABEL_CHARS && colon < text.length && text.charCodeAt(colon) !== 58) colon++;
  if (colon === 0 || colon > MAX_LABEL_CHARS || colon >= text.length - 1 || text[colon + 1] !== ' ') return undefined;
  const label = text.slice(0, colon).trim();
  if (label === '' || label.split(/\s+/).length > MAX_LABEL_WORDS || /\d/.test(label)) return undefined;
  return label.toLowerCase();
}

/** Dialogue: consecutive labelled lines where at least two labels each take several turns. */
function markDialogue(lines: readonly LineInfo[]): void {
  let start = 0;
  let labels: string[] = [];
  for (let i = 0; i <= lines.length; i++) {
    const label = i < lines.length ? lines[i].features.speakerLabel : undefined;
    if (label !== undefined) {
      labels.push(label);
      continue;
    }
    if (i - start >= MIN_DIALOGUE_LINES) {
      const turns = new Map<string, number>();
      for (const key of labels) turns.set(key, (turns.get(key) ?? 0) + 1);
      let speakers = 0;
      for (const count of turns.values()) if (count >= MIN_TURNS_PER_LABEL) speakers++;
      if (speakers >= 2) for (let j = start; j < i; j++) lines[j].structure ??= 'dialogue';
    }
    if (labels.length > 0) labels = [];
    start = i + 1;
  }
}

/** The number a numbered item starts with ("12) ...", "3. ...", "4 - ..."), or undefined. */
export function itemNumber(text: string): number | undefined {
  let end = 0;
  while (end < text.length && end < 4 && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
  if (end === 0 || end === text.length) return undefined;
  const mark = text[end];
  const next = text[end + 1];
  // "1)" "1." "1 -" "1:" followed by a space; a bare "1 " only when a letter follows (not "1 000").
  const marked = (mark === ')' || mark === '.' || mark === ':') && next === ' ';
  const spaced = mark === ' ' && next !== undefined && (next === '-' || next === '–' || next.toLowerCase() !== next.toUpperCase());
  if (!marked && !spaced) return undefined;
  const value = Number(text.slice(0, end));
  return value <= MAX_ITEM_NUMBER ? value : undefined;
}

/** Characters that are punctuation in program code and rare in prose (unlike brackets and semicolons). */
const CODE_MARKS = '{}[]=<$#_\\&';
const SHORT_STATEMENT_CHARS = 60;
const CODE_OPENINGS = ['// ', '/* ', '#include ', '$ '];

/** A statement's last character (";", "{", "}", "("): a line ending so is code when short or with a code mark. */
function endsStatement(code: number): boolean {
  return code === 59 || code === 123 || code === 125 || code === 40;
}

/**
 * Whether a line looks like a line of program code or of a shell session: it opens as a comment, a
 * directive or a prompt does ("// add.c", "#include <stdio.h>", "$ make"), or ends as a statement does
 * ("return 0;", "int main() {") on a short line or with code punctuation in it. hasWords: whether the line
 * has words at all (a lone "}" is no code line by itself). Two character tests for most lines.
 */
export function looksLikeCode(text: string, hasWords: boolean): boolean {
  if (!hasWords || text.length === 0) return false;
  const first = text.charCodeAt(0);
  const ends = endsStatement(text.charCodeAt(text.length - 1));
  // "/", "#", "$": the first characters of CODE_OPENINGS.
  if (first !== 47 && first !== 35 && first !== 36 && !ends) return false;
  if (CODE_OPENINGS.some((opening) => text.startsWith(opening))) return true;
  if (!ends) return false;
  if (text.length <= SHORT_STATEMENT_CHARS) return true;
  for (let i = 0; i < text.length - 1; i++) if (CODE_MARKS.includes(text[i])) return true;
  return false;
}

/** What the reasons of a structured line say (the evidence weighs nothing: the context step uses it). */
const STRUCTURE_REASONS: Record<StructureKind, Evidence> = {
  code: { weight: 0, reason: 'program code' },
  table: { weight: 0, reason: 'table row' },
  list: { weight: 0, reason: 'numbered list' },
  dialogue: { weight: 0, reason: 'dialogue' },
  items: { weight: 0, reason: 'list of items of one pattern' },
};

/** Marks the lines of table, numbered-list and dialogue runs (LineInfo.structure). */
export function markStructuredRuns(log: EvidenceLog, lines: readonly LineInfo[]): void {
  markRuns(lines);
  for (const info of lines) if (info.structure) log.addShared(info, STRUCTURE_REASONS[info.structure]);
}

function markRuns(lines: readonly LineInfo[]): void {
  // Tables: consecutive rows.
  let runStart = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && isTableRow(lines[i])) continue;
    if (i - runStart >= MIN_TABLE_ROWS) for (let j = runStart; j < i; j++) lines[j].structure = 'table';
    runStart = i + 1;
  }
  // Numbered lists: items counting up by one, with short gaps.
  let first = -1;
  let last = -1;
  let expected = 0;
  let items = 0;
  // Whether every item so far was followed by exactly one other line (item, link, item, link...).
  let alternating = true;
  const close = (): void => {
    if (items >= MIN_LIST_ITEMS) {
      // In an alternation, the last item has its line after it too.
      const end = alternating && last + 1 < lines.length && lines[last + 1].features.itemNumber === undefined ? last + 1 : last;
      for (let j = first; j <= end; j++) lines[j].structure ??= 'list';
    }
    first = last = -1;
    items = 0;
    alternating = true;
  };
  for (let i = 0; i < lines.length; i++) {
    const value = lines[i].features.itemNumber;
    if (value === undefined) {
      if (first >= 0 && i - last > MAX_ITEM_GAP) close();
      continue;
    }
    if (first >= 0 && value === expected && i - last <= MAX_ITEM_GAP + 1) {
      alternating &&= i - last === 2;
      last = i;
      items++;
    } else {
      close();
      first = last = i;
      items = 1;
    }
    expected = value + 1;
  }
  close();
  markDialogue(lines);
  markCode(lines);
  markItemRuns(lines);
}

/** Marks of a line's pattern that items of one list share: its first non-letter characters. */
const PATTERN_MARKS = 3;
const MIN_PATTERN_ITEMS = 4;
/** Items of a list of facts have several words; archive and language menus ("May (12)") have one or two. */
const MIN_ITEM_WORDS = 4;
const DIGIT = /\p{Nd}/u;
const NOT_A_MARK = /[\p{L}\p{M}\s]/u;

/**
 * The pattern of a line: its first PATTERN_MARKS characters that are not letters, spaces or combining marks,
 * a run of digits counting as one ("June 9 – Tampa, FL" and "July 2 – Camden, NJ" are both "0–,").
 * Empty for a line of words alone.
 */
export function linePattern(text: string): string {
  let pattern = '';
  let digits = false;
  let previousIsLetter = false;
  // a hyphen or apostrophe right after a letter, kept until the next character shows whether it joins two
  // letters ("Pierre-Louis", "O'Brien": the word's, not the list's)
  let pending = '';
  // by code point, without making a string of the ASCII ones (most of them) until one is a mark
  for (let i = leadingBullet(text); i < text.length; ) {
    const code = text.charCodeAt(i);
    const ascii = code < 128;
    let ch: string | undefined;
    let flags = 0;
    if (ascii) i++;
    else {
      const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      ch = text.slice(i, (i += pair ? 2 : 1));
      flags = classOf(ch);
    }
    const letter = ascii ? ((code | 32) >= 97 && (code | 32) <= 122) : (flags & LETTER_OR_MARK_CHAR) !== 0;
    const afterLetter = previousIsLetter;
    previousIsLetter = letter;
    if (pending !== '') {
      if (!letter) {
        digits = false;
        pattern += pending;
      }
      pending = '';
      if (pattern.length >= PATTERN_MARKS) break;
    }
    const isDigit = ascii ? code >= 48 && code <= 57 : (flags & DIGIT_CHAR) !== 0;
    if (!isDigit && (ascii ? code <= 32 || letter : (flags & NOT_A_MARK_CHAR) !== 0)) {
      digits = false;
      continue;
    }
    ch ??= String.fromCharCode(code);
    if (afterLetter && WORD_JOINERS.includes(ch)) {
      pending = ch;
      continue;
    }
    if (isDigit && digits) continue;
    digits = isDigit;
    pattern += isDigit ? '0' : ch;
    if (pattern.length >= PATTERN_MARKS) break;
  }
  if (pending !== '' && pattern.length < PATTERN_MARKS) pattern += pending;
  return pattern;
}

const KNOWN_CHAR = 1;
const DIGIT_CHAR = 2;
const NOT_A_MARK_CHAR = 4;
/** A letter, or a combining mark (which belongs to the letter before it). */
const LETTER_OR_MARK_CHAR = 8;
/** What the Unicode classes above say of each code unit outside ASCII, found once per character on demand. */
const charClasses = new Uint8Array(0x10000);

/** DIGIT, NOT_A_MARK and LETTER_OR_MARK of one character (a code point); cached for the Basic Multilingual Plane. */
function classOf(ch: string): number {
  const cacheable = ch.length === 1;
  const code = ch.charCodeAt(0);
  if (cacheable && charClasses[code] !== 0) return charClasses[code];
  const flags = KNOWN_CHAR | (DIGIT.test(ch) ? DIGIT_CHAR : 0) | (NOT_A_MARK.test(ch) ? NOT_A_MARK_CHAR : 0) | (LETTER_OR_MARK.test(ch) ? LETTER_OR_MARK_CHAR : 0);
  if (cacheable) charClasses[code] = flags;
  return flags;
}

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const WORD_JOINERS = "-\u2010'\u2019.";
/** Bullets and footnote marks before an item's text ("* Sean Franklin", "• Tampa"): some items of a list
 * carry one and others not. */
const BULLETS = '*•·‣▪◦†‡';
const LEADING_BULLET = /^(?:[*•·‣▪◦†‡]+\s+)+/u;

function leadingBullet(text: string): number {
  // most lines start with a letter or digit: the pattern is tried only on a line that starts with a bullet
  return text.length > 0 && BULLETS.includes(text[0]) ? (LEADING_BULLET.exec(text)?.[0].length ?? 0) : 0;
}

/** linePattern of a line, kept with its features (and so in the feature cache, for the next run). */
function patternOf(info: LineInfo): string {
  return (info.features.pattern ??= linePattern(info.text));
}

/**
 * One item whose last mark differs, between two items of a run of `count` so far ("St. Louis, MO" among
 * "Denver, CO"): the run goes on past it.
 */
function isOddItem(info: LineInfo, own: string, pattern: string, count: number, next: LineInfo | undefined): boolean {
  if (count < 2 || own.length !== PATTERN_MARKS || pattern.length !== PATTERN_MARKS || info.wordHashes.length < MIN_ITEM_WORDS) return false;
  if (own.charCodeAt(0) !== pattern.charCodeAt(0) || own.charCodeAt(1) !== pattern.charCodeAt(1)) return false;
  return next !== undefined && !next.structure && !next.conclusive && patternOf(next) === pattern;
}

/**
 * Items of one pattern: a run of lines of several words that share their digits and punctuation up to the
 * third mark ("June 9 – West Palm Beach, FL @ ...", "England (Group A): 10th appearance"). Tour dates,
 * results and qualifiers listed in an article are written so; menus and lists of headlines are not.
 */
function markItemRuns(lines: readonly LineInfo[]): void {
  let start = 0;
  let pattern = '';
  let words = 0;
  for (let i = 0; i <= lines.length; i++) {
    const info = i < lines.length ? lines[i] : undefined;
    const own = info && !info.structure && !info.conclusive ? patternOf(info) : '';
    if (info && own !== '' && (own === pattern || isOddItem(info, own, pattern, i - start, lines[i + 1]))) {
      words += info.wordHashes.length;
      continue;
    }
    const count = i - start;
    if (pattern !== '' && count >= MIN_PATTERN_ITEMS && words >= MIN_ITEM_WORDS * count) {
      for (let j = start; j < i; j++) lines[j].structure = 'items';
    }
    start = i;
    pattern = own;
    words = info ? info.wordHashes.length : 0;
  }
}

const MIN_CODE_LINES = 2;
const MAX_CODE_GAP_CHARS = 60;

/** Code: consecutive code-like lines (lines without words, such as a closing bracket, may come between). */
function markCode(lines: readonly LineInfo[]): void {
  const isCode = (index: number): boolean => index < lines.length && looksLikeCode(lines[index].text, lines[index].wordHashes.length > 0);
  let start = -1;
  let code = 0;
  let current = isCode(0);
  for (let i = 0; i <= lines.length; i++) {
    const next = isCode(i + 1);
    if (i < lines.length) {
      const info = lines[i];
      const between = start >= 0 && next && !info.endsSentence && info.width <= MAX_CODE_GAP_CHARS;
      if (current || (start >= 0 && info.wordHashes.length === 0) || between) {
        if (start < 0) start = i;
        if (current) code++;
        current = next;
        continue;
      }
    }
    if (code >= MIN_CODE_LINES) for (let j = start; j < i; j++) lines[j].structure ??= 'code';
    start = -1;
    code = 0;
    current = next;
  }
}
