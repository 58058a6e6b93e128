// Reading numbers in tokens without regular expressions or strings: the digit groups of a token ("23/03/2021":
// 23, 03, 2021 joined by "/"), years, days, ordinals and Roman numerals, clock times, and whether a number
// stands free of what is glued to it.
import type { Tokens } from '../../words';
import { TOKEN_NUMBER, TOKEN_PUNCT, TOKEN_WORD } from '../../words';
import type { DateGrammar } from '../grammar';
import type { PartialDate } from '../types';

// Read once into module constants: a CommonJS build (tsx, tests) turns every use of an imported binding into
// a getter call, and these are compared for every token.
export const NUMBER = TOKEN_NUMBER;
export const WORD = TOKEN_WORD;
export const PUNCT = TOKEN_PUNCT;

export const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function validDayMonth(day: number, month: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month];
}

export function validYear(year: number): boolean {
  return year >= 1000 && year <= 2999;
}

/** "2019-2020" is a span of years, not a number range ("1500-2000 người"): close, recent, not round. */
export function plausibleYearRange(from: number, to: number): boolean {
  return from >= 1800 && to <= 2100 && to > from && to - from <= 50 && !(from % 100 === 0 && to % 100 === 0);
}

const TIME_TEXT = /^\d{1,2}:\d{2}(?::\d{2})?(?:am|pm|h)?$/i;

// The digit groups of a number token: every date form is a few groups of ASCII digits with 1, 2 or 4 digits.
const MAX_GROUPS = 4;
export const shape = {
  groups: 0,
  values: new Float64Array(MAX_GROUPS),
  digits: new Int32Array(MAX_GROUPS),
  /** Char code of the joiner after each group but the last. */
  joiners: new Int32Array(MAX_GROUPS),
};
export const SLASH = 0x2f;
export const DASH = 0x2d;
export const DOT = 0x2e;
export const COLON = 0x3a;
export const COMMA = 0x2c;
export const OPEN_PAREN = 0x28;

/** Reads tokens[index] (a number) into `shape`; false (and no groups) when it is not ASCII digit groups of
 * at most four digits each. */
export function readShape(tokens: Tokens, index: number): boolean {
  shape.groups = 0;
  const source = tokens.source;
  const end = tokens.end(index);
  let groups = 0;
  let value = 0;
  let digits = 0;
  for (let position = tokens.start(index); position < end; position++) {
    const code = source.charCodeAt(position);
    if (code >= 48 && code <= 57) {
      if (++digits > 4) return false;
      value = value * 10 + code - 48;
      continue;
    }
    if (digits === 0 || groups === MAX_GROUPS - 1) return false;
    if (code !== SLASH && code !== DASH && code !== DOT && code !== COLON && code !== COMMA) return false;
    shape.values[groups] = value;
    shape.digits[groups] = digits;
    shape.joiners[groups] = code;
    groups++;
    value = 0;
    digits = 0;
  }
  if (digits === 0) return false;
  shape.values[groups] = value;
  shape.digits[groups] = digits;
  shape.groups = groups + 1;
  return true;
}

export function startsWithDigit(tokens: Tokens, index: number): boolean {
  const code = tokens.source.charCodeAt(tokens.start(index));
  return code >= 48 && code <= 57;
}

/** A number of one or two digits ("22"), or undefined. */
export function shortNumber(tokens: Tokens, index: number): number | undefined {
  if (!tokens.isNumber(index) || tokens.end(index) - tokens.start(index) > 2 || !readShape(tokens, index) || shape.groups !== 1) return undefined;
  return shape.values[0];
}

/** A four-digit number ("2021"), or undefined. */
export function fourDigits(tokens: Tokens, index: number): number | undefined {
  if (!tokens.isNumber(index) || tokens.end(index) - tokens.start(index) !== 4 || !readShape(tokens, index) || shape.groups !== 1) return undefined;
  return shape.values[0];
}

/** A year ("2021") or a span of years ("2019-2020") in one token, or undefined. */
export function yearToken(tokens: Tokens, index: number): { year: number; endYear?: number } | undefined {
  const year = fourDigits(tokens, index);
  if (year !== undefined) return validYear(year) ? { year } : undefined;
  if (!tokens.isNumber(index) || tokens.end(index) - tokens.start(index) !== 9 || !readShape(tokens, index)) return undefined;
  if (shape.groups !== 2 || shape.joiners[0] !== DASH || shape.digits[0] !== 4 || shape.digits[1] !== 4) return undefined;
  const [from, to] = [shape.values[0], shape.values[1]];
  return plausibleYearRange(from, to) ? { year: from, endYear: to } : undefined;
}

/** A time of day: "06:16", "10:02am", "9:30:05". */
export function isTime(tokens: Tokens, index: number): boolean {
  if (tokens.isNumber(index)) {
    if (!readShape(tokens, index) || (shape.groups !== 2 && shape.groups !== 3) || shape.digits[0] > 2) return false;
    for (let group = 1; group < shape.groups; group++) if (shape.digits[group] !== 2 || shape.joiners[group - 1] !== COLON) return false;
    return true;
  }
  // a word only when digits run into letters ("10:02am")
  return tokens.isWord(index) && startsWithDigit(tokens, index) && TIME_TEXT.test(tokens.text(index));
}

export function isConnector(tokens: Tokens, index: number, grammar: DateGrammar): boolean {
  return index < tokens.count && (tokens.isChar(index, COMMA) || grammar.ranges.has(tokens, index) || grammar.alternatives.has(tokens, index) || grammar.listWords.has(tokens, index));
}

/** Whether a count word follows tokens[index] ("2-3 tuần", "3/5 bệnh nhân"): the number is a quantity.
 * `unitsOnly`: only units of time and measure count ("ngày 15-3 bệnh nhân sốt" is a date). */
export function countAfter(tokens: Tokens, index: number, grammar: DateGrammar, unitsOnly = false): boolean {
  const next = index + 1;
  if (next >= tokens.count || !tokens.isWord(next)) return false;
  // "22/3 năm 2020", "20 tháng 3": a month or year word before its number is part of a date
  if ((grammar.monthWords.has(tokens, next) || grammar.yearWords.has(tokens, next)) && tokens.kind(next + 1) === NUMBER) return false;
  const words = unitsOnly ? grammar.unitWords : grammar.countWords;
  return (words.has(tokens, next) || words.hasPair(tokens, next)) && !grammar.notCounts.hasPair(tokens, next);
}

/** Punctuation glued before a number that makes it part of something else ("-19", "#3", "$5"). */
const GLUED_BEFORE = new Set('-/.+#$€£¥%,'.split('').map((char) => char.charCodeAt(0)));
/** Punctuation glued after a number that makes it a quantity or a part of something else. */
const GLUED_AFTER = new Set('-/%+°$€£¥'.split('').map((char) => char.charCodeAt(0)));

export function oneCharIn(tokens: Tokens, index: number, set: ReadonlySet<number>): boolean {
  return tokens.end(index) - tokens.start(index) === 1 && set.has(tokens.source.charCodeAt(tokens.start(index)));
}

/** Whether a number token is free-standing: not glued to letters or other numbers ("COVID-19", "2020/QĐ"),
 * and not after a word that makes it a number ("số 12/2021", "No. 3/4"). */
export function standsAlone(tokens: Tokens, index: number, grammar: DateGrammar): boolean {
  return gluedBeforeFree(tokens, index, grammar) && gluedAfterFree(tokens, index);
}

export function gluedBeforeFree(tokens: Tokens, index: number, grammar: DateGrammar): boolean {
  const previous = index - 1;
  if (previous >= 0 && !tokens.spaceBefore(index)) {
    if (tokens.kind(previous) !== PUNCT || oneCharIn(tokens, previous, GLUED_BEFORE)) return false;
  }
  if (grammar.notAfter.has(tokens, previous) || grammar.notAfter.hasPair(tokens, index - 2)) return false;
  // an abbreviation with its dot: "No. 3", "p. 12"
  return !(tokens.isChar(previous, DOT) && grammar.notAfter.has(tokens, previous - 1));
}

export function gluedAfterFree(tokens: Tokens, index: number): boolean {
  const next = index + 1;
  if (next < tokens.count && !tokens.spaceBefore(next)) {
    if (tokens.kind(next) !== PUNCT || oneCharIn(tokens, next, GLUED_AFTER)) return false;
  }
  return true;
}

/** What comes before a number: no context word, a preposition that also announces counts ("từ", "trong"),
 * or a word that announces a date ("ngày", "hôm", "sáng nay"). */
export const NO_CONTEXT = 0;
export const PREPOSITION = 1;
export const DATE_WORD = 2;

export function contextBefore(tokens: Tokens, index: number, grammar: DateGrammar): number {
  let position = index - 1;
  if (tokens.isChar(position, OPEN_PAREN)) position--; // "sáng nay (14/10)"
  if (position < 0) return NO_CONTEXT;
  if (grammar.context.hasPair(tokens, position - 1)) return DATE_WORD;
  if (!grammar.context.has(tokens, position)) return NO_CONTEXT;
  return grammar.prepositions.has(tokens, position) ? PREPOSITION : DATE_WORD;
}

/** Whether tokens[index - 1] is a whole number standing right before tokens[index], with no connector: the
 * two are one longer number ("4 5/5A", a house number), not a date. */
export function integerBefore(tokens: Tokens, index: number): boolean {
  const previous = index - 1;
  if (previous < 0 || !tokens.isNumber(previous)) return false;
  const source = tokens.source;
  for (let position = tokens.start(previous); position < tokens.end(previous); position++) {
    const code = source.charCodeAt(position);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

export function dayNumber(tokens: Tokens, index: number, grammar: DateGrammar): number | undefined {
  const value = ordinalNumber(tokens, index, grammar);
  return value !== undefined && value >= 1 && value <= 31 ? value : undefined;
}

/** A number of one or two digits, with or without an ordinal suffix ("18", "18th"), or undefined. */
export function ordinalNumber(tokens: Tokens, index: number, grammar: DateGrammar): number | undefined {
  if (index >= tokens.count) return undefined;
  const source = tokens.source;
  const start = tokens.start(index);
  const end = tokens.end(index);
  let value = 0;
  let position = start;
  while (position < end && position - start < 2) {
    const code = source.charCodeAt(position);
    if (code < 48 || code > 57) break;
    value = value * 10 + code - 48;
    position++;
  }
  if (position === start) return undefined;
  if (position < end && (!tokens.isWord(index) || !grammar.ordinalSuffixes.has(source.slice(position, end).toLowerCase()))) return undefined;
  return value;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** A Roman numeral in capitals, with or without an ordinal suffix ("XIV", "XXIe"), or undefined. */
export function romanNumber(tokens: Tokens, index: number, grammar: DateGrammar): number | undefined {
  if (!tokens.isWord(index) || !tokens.capitalised(index)) return undefined;
  const text = tokens.text(index);
  let value = 0;
  let position = 0;
  for (; position < text.length; position++) {
    const digit = ROMAN[text[position]];
    if (digit === undefined) break;
    const following = ROMAN[text[position + 1]] ?? 0;
    value += following > digit ? -digit : digit;
  }
  if (position === 0 || (position < text.length && !grammar.ordinalSuffixes.has(text.slice(position)))) return undefined;
  return value;
}

export function dateJoiner(code: number): boolean {
  return code === DASH || code === SLASH || code === DOT;
}

/** A sortable key of a date's month and day. */
export function monthDayKey(date: PartialDate): number {
  return (date.month ?? 0) * 100 + (date.day ?? 0);
}
