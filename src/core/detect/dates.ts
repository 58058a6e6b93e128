// Date suggestions: explicit dates and date parts ("22/3", "23/03/2021", "ngày 4 tháng 12 năm 2018",
// "năm 2020", "cuối tháng 10", "19 hoặc 22/3", "Nov 18, 2019", "2019-11-18", "18 de novembro de 2019",
// "thế kỷ 20"), normalised to ISO 8601.
//
// Spans follow docs/annotation-guidelines.md: the date value with its own day/month/year words, a modifier
// ("cuối", "early") and a weekday joined to it ("Friday, Dec. 6"), never a leading context word ("ngày",
// "hôm", "vào", "trong", "on").
//
// Values: "2021-03-22", "2021-10", "2020", centuries as ISO 8601 two-digit centuries ("14th century" ->
// "13"). A missing year comes from the publication date; without one the year stays unknown and the value
// uses the ISO 8601 truncated form "--MM-DD" / "--MM" (the XML Schema gMonthDay / gMonth types).
// Alternatives ("19 hoặc 22/3") give a list of values; a range ("16 - 17/4", "2019-2020") gives an ISO 8601
// interval "2021-04-16/2021-04-17". Relative expressions ("hôm qua", a weekday alone) come only on request
// and get a value only when the publication date resolves them.
//
// All words live in lexicons/entities/dates.<lang>.txt and relative-dates.<lang>.txt.

import type { Suggestion } from '../model/types';
import type { EntityLexicon } from './lexicons';
import { forEachLine, lineSpans } from '../text/lines';
import { IdTable, PhraseMatcher, phraseWords, TOKEN_NUMBER, TOKEN_PUNCT, TOKEN_WORD, type Tokens, tokenize, Vocabulary, WordSet } from './words';

// Read once into module constants: a CommonJS build (tsx, tests) turns every use of an imported binding into
// a getter call, and these are compared for every token.
const NUMBER = TOKEN_NUMBER;
const WORD = TOKEN_WORD;
const PUNCT = TOKEN_PUNCT;

export interface PartialDate {
  year?: number;
  month?: number;
  day?: number;
  /** Ordinal century ("14th century" = 14), for dates that name only a century. */
  century?: number;
  /** Year relative to the publication year ("tháng 1 năm sau" = +1), when no year is written. */
  yearOffset?: number;
}

export interface DateOptions {
  publicationDate?: PartialDate;
  relative?: boolean;
  lang?: string;
}

/** A date found in a line before the year is resolved (cacheable per line text). */
export interface RawDate {
  start: number;
  end: number;
  kind: 'single' | 'alternatives' | 'range' | 'relative';
  parts: PartialDate[];
  /** Short description of the form, for the reasons ("d/m", "month word 'tháng'"). */
  form: string;
  score: number;
  /** Relative offset from the lexicon ("-1d"), for kind 'relative'. */
  offset?: string;
  /** ISO weekday (Monday = 1) of a weekday named alone, for kind 'relative'. */
  weekday?: number;
  /** Extra reasons found while scanning. */
  notes: string[];
}

/** The lexicon words the date scanner needs, compiled once per language. */
export interface DateGrammar {
  /** Tokens scanned with this grammar must come from this vocabulary. */
  vocabulary: Vocabulary;
  monthWords: WordSet;
  yearWords: WordSet;
  context: WordSet;
  modifiers: WordSet;
  /** Modifiers that pick a part of a period ("cuối" = end): narrow a quarter to a month, or with a month
   * count before them make a cumulative period ("9 tháng đầu năm 2025"). */
  modifierParts: PhraseMatcher<string | undefined>;
  /** Years named relative to the publication year after a month or quarter ("năm sau" = +1). */
  relativeYears: PhraseMatcher<string | undefined>;
  /** Quarter words before their numeral ("quý III", "quarter 3"). */
  quarterWords: WordSet;
  /** Quarter words after an ordinal ("third quarter", "3rd quarter"), with the ordinal words. */
  quarterAfterWords: WordSet;
  ordinals: Map<number, number>;
  /** Vocabulary id of a quarter written as one word ("q3") -> its quarter; capitalised ones need a capital. */
  gluedQuarters: Map<number, number>;
  capitalGluedQuarters: IdTable;
  alternatives: WordSet;
  ranges: WordSet;
  /** Words between a day, a month name and a year ("18 de novembro de 2019"). */
  joiners: WordSet;
  /** Lower-case letters after a day or century number ("18th", "1er", "XXIe"). */
  ordinalSuffixes: ReadonlySet<string>;
  /** Century words before / after their number ("thế kỷ 20", "14th century"). */
  centuryBefore: WordSet;
  centuryAfter: WordSet;
  /** Vocabulary id of a month name -> month number. */
  months: Map<number, number>;
  /** Month names that must be capitalised to count ("May"; the lexicon writes them so). */
  capitalMonths: IdTable;
  yearPrepositions: WordSet;
  /** Year prepositions after which the year must end a phrase ("of 2020," but not "of 2000 people"). */
  pauseYearPrepositions: WordSet;
  notAfter: WordSet;
  relative: PhraseMatcher<string | undefined>;
  /** Weekday names, valued with their ISO number, and the most tokens one takes. */
  weekdays: PhraseMatcher<string | undefined>;
  weekdayTokens: number;
  /** Words of a page's timestamp line ("Published", "Cập nhật"). */
  publicationCues: PhraseMatcher<string | undefined>;
  /** Vocabulary ids of the words that can start a date (numbers always can). */
  triggers: IdTable;
  /** The triggers that need no digit ("November", "thế kỷ XXI"): a line without digits and without these
   * holds no date. */
  digitlessTriggers: IdTable;
}

export function dateGrammar(lexicon: EntityLexicon, lang?: string): DateGrammar {
  return lexicon.compiled('dates', lang, () => {
    const vocabulary = lexicon.vocabulary;
    const entries = (section: string) => lexicon.entries('dates', section, lang);
    const texts = (section: string): string[] => entries(section).map((entry) => entry.text.toLowerCase());
    const words = (section: string): WordSet => new WordSet(vocabulary, texts(section));
    const phrases = (section: string): PhraseMatcher<string | undefined> => {
      const matcher = new PhraseMatcher<string | undefined>(vocabulary);
      for (const entry of entries(section)) matcher.add(entry.text, entry.value);
      return matcher;
    };
    const months = new Map<number, number>();
    const lowerCaseMonths = new Set<number>();
    const capitalMonths = new IdTable();
    for (const entry of entries('months')) {
      const month = Number(entry.value);
      if (!Number.isInteger(month) || month < 1 || month > 12) continue;
      const lower = entry.text.toLowerCase();
      const id = vocabulary.intern(lower);
      months.set(id, month);
      // a name needs a capital only when every file writes it with one
      if (lower === entry.text) lowerCaseMonths.add(id);
      capitalMonths.set(id, lowerCaseMonths.has(id) ? 0 : 1);
    }
    const relative = new PhraseMatcher<string | undefined>(vocabulary);
    for (const [, list] of lexicon.sections('relative-dates', lang)) {
      for (const entry of list) relative.add(entry.text, entry.value);
    }
    let weekdayTokens = 0;
    for (const entry of entries('weekdays')) weekdayTokens = Math.max(weekdayTokens, phraseWords(entry.text, vocabulary).length);
    const pauseYearPrepositions = new WordSet(vocabulary, entries('year-prepositions').filter((entry) => entry.value === 'pause').map((entry) => entry.text));
    const yearPrepositions = new WordSet(vocabulary, entries('year-prepositions').filter((entry) => entry.value !== 'pause').map((entry) => entry.text));
    const quarterEntries = entries('quarter-words');
    const quarterWords = new WordSet(vocabulary, quarterEntries.filter((entry) => entry.value === undefined).map((entry) => entry.text.toLowerCase()));
    const quarterAfterWords = new WordSet(vocabulary, quarterEntries.filter((entry) => entry.value === 'after').map((entry) => entry.text.toLowerCase()));
    const gluedQuarters = new Map<number, number>();
    const capitalGluedQuarters = new IdTable();
    for (const entry of quarterEntries.filter((item) => item.value === 'glued')) {
      for (let quarter = 1; quarter <= 4; quarter++) {
        const id = vocabulary.intern(`${entry.text.toLowerCase()}${quarter}`);
        gluedQuarters.set(id, quarter);
        if (entry.text !== entry.text.toLowerCase()) capitalGluedQuarters.set(id, 1);
      }
    }
    const ordinals = new Map<number, number>();
    for (const entry of entries('ordinals')) {
      const value = Number(entry.value);
      if (Number.isInteger(value) && value >= 1 && value <= 4) ordinals.set(vocabulary.intern(entry.text.toLowerCase()), value);
    }
    const triggers = new IdTable();
    const digitlessTriggers = new IdTable();
    for (const id of gluedQuarters.keys()) triggers.set(id, 1);
    for (const text of quarterEntries.filter((entry) => entry.value !== 'glued').map((entry) => entry.text.toLowerCase())) {
      // "quý IV", "fourth quarter": no digit needed
      const id = vocabulary.intern(text);
      triggers.set(id, 1);
      digitlessTriggers.set(id, 1);
    }
    for (const section of ['month-words', 'year-words', 'year-prepositions', 'century-before', 'century-after']) {
      // the first word of a several-word entry ("thế" of "thế kỷ") starts the date
      for (const text of texts(section)) triggers.set(vocabulary.intern(phraseWords(text, vocabulary)[0] ?? text), 1);
    }
    for (const section of ['century-before', 'century-after']) {
      for (const text of texts(section)) digitlessTriggers.set(vocabulary.intern(phraseWords(text, vocabulary)[0] ?? text), 1);
    }
    for (const id of months.keys()) {
      triggers.set(id, 1);
      digitlessTriggers.set(id, 1);
    }
    return {
      vocabulary,
      triggers,
      digitlessTriggers,
      monthWords: words('month-words'),
      yearWords: words('year-words'),
      context: words('context'),
      modifiers: words('modifiers'),
      modifierParts: phrases('modifiers'),
      relativeYears: phrases('relative-years'),
      quarterWords,
      quarterAfterWords,
      ordinals,
      gluedQuarters,
      capitalGluedQuarters,
      alternatives: words('alternatives'),
      ranges: words('ranges'),
      joiners: words('joiners'),
      ordinalSuffixes: new Set(texts('ordinal-suffixes')),
      centuryBefore: words('century-before'),
      centuryAfter: words('century-after'),
      months,
      capitalMonths,
      yearPrepositions,
      pauseYearPrepositions,
      notAfter: words('not-after'),
      relative,
      weekdays: phrases('weekdays'),
      weekdayTokens,
      publicationCues: phrases('publication-cues'),
    };
  });
}

const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDayMonth(day: number, month: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month];
}

function validYear(year: number): boolean {
  return year >= 1000 && year <= 2999;
}

/** "2019-2020" is a span of years, not a number range ("1500-2000 người"): close, recent, not round. */
function plausibleYearRange(from: number, to: number): boolean {
  return from >= 1800 && to <= 2100 && to > from && to - from <= 50 && !(from % 100 === 0 && to % 100 === 0);
}

const TIME_TEXT = /^\d{1,2}:\d{2}(?::\d{2})?(?:am|pm|h)?$/i;

// The digit groups of a number token ("23/03/2021": 23, 03, 2021 joined by "/"), read without regular
// expressions or strings: every date form is a few groups of ASCII digits with 1, 2 or 4 digits.
const MAX_GROUPS = 4;
const shape = {
  groups: 0,
  values: new Float64Array(MAX_GROUPS),
  digits: new Int32Array(MAX_GROUPS),
  /** Char code of the joiner after each group but the last. */
  joiners: new Int32Array(MAX_GROUPS),
};
const SLASH = 0x2f;
const DASH = 0x2d;
const DOT = 0x2e;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_PAREN = 0x28;

/** Reads tokens[index] (a number) into `shape`; false (and no groups) when it is not ASCII digit groups of
 * at most four digits each. */
function readShape(tokens: Tokens, index: number): boolean {
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

function startsWithDigit(tokens: Tokens, index: number): boolean {
  const code = tokens.source.charCodeAt(tokens.start(index));
  return code >= 48 && code <= 57;
}

/** A number of one or two digits ("22"), or undefined. */
function shortNumber(tokens: Tokens, index: number): number | undefined {
  if (!tokens.isNumber(index) || tokens.end(index) - tokens.start(index) > 2 || !readShape(tokens, index) || shape.groups !== 1) return undefined;
  return shape.values[0];
}

/** A four-digit number ("2021"), or undefined. */
function fourDigits(tokens: Tokens, index: number): number | undefined {
  if (!tokens.isNumber(index) || tokens.end(index) - tokens.start(index) !== 4 || !readShape(tokens, index) || shape.groups !== 1) return undefined;
  return shape.values[0];
}

/** A year ("2021") or a span of years ("2019-2020") in one token, or undefined. */
function yearToken(tokens: Tokens, index: number): { year: number; endYear?: number } | undefined {
  const year = fourDigits(tokens, index);
  if (year !== undefined) return validYear(year) ? { year } : undefined;
  if (!tokens.isNumber(index) || tokens.end(index) - tokens.start(index) !== 9 || !readShape(tokens, index)) return undefined;
  if (shape.groups !== 2 || shape.joiners[0] !== DASH || shape.digits[0] !== 4 || shape.digits[1] !== 4) return undefined;
  const [from, to] = [shape.values[0], shape.values[1]];
  return plausibleYearRange(from, to) ? { year: from, endYear: to } : undefined;
}

/** A time of day: "06:16", "10:02am", "9:30:05". */
function isTime(tokens: Tokens, index: number): boolean {
  if (tokens.isNumber(index)) {
    if (!readShape(tokens, index) || (shape.groups !== 2 && shape.groups !== 3) || shape.digits[0] > 2) return false;
    for (let group = 1; group < shape.groups; group++) if (shape.digits[group] !== 2 || shape.joiners[group - 1] !== COLON) return false;
    return true;
  }
  // a word only when digits run into letters ("10:02am")
  return tokens.isWord(index) && startsWithDigit(tokens, index) && TIME_TEXT.test(tokens.text(index));
}

interface Core {
  first: number;
  /** Index after the last token. */
  next: number;
  date: PartialDate;
  form: string;
  /** Set when the core is itself a range ("16-17/4" written without spaces, "2019-2020"). */
  rangeEnd?: PartialDate;
  /** End offset when the span stops inside its last token ("2019-11-18T10"). */
  endOffset?: number;
  /** Set for a quarter ("quý III"): `date` is its first month, `rangeEnd` its last. */
  quarter?: boolean;
}

/** Shared result of the lines without dates (most lines): line scans are cached, so fewer objects to keep. */
const NO_DATES: readonly RawDate[] = Object.freeze([]);

/** Scans one line's tokens for dates (offsets are those of the tokens). */
export function scanDateTokens(tokens: Tokens, grammar: DateGrammar, relative: boolean): readonly RawDate[] {
  const count = tokens.count;
  const hasDigits = tokens.digitTokens > 0;
  if (!hasDigits && !relative && !anyWordIn(tokens, grammar.digitlessTriggers)) return NO_DATES;
  let found: RawDate[] | undefined;
  const triggers = grammar.triggers;
  // no lookback (modifier, weekday, century number) may reach into the date before
  let floor = 0;
  let index = 0;
  while (index < count) {
    const kind = tokens.kind(index);
    // Only numbers, words starting with a digit ("18th") and a few lexicon words can start a date.
    if (kind === NUMBER || (kind === WORD && (triggers.has(tokens.word(index)) || (hasDigits && startsWithDigit(tokens, index))))) {
      const result = scanAt(tokens, index, grammar);
      if (result && result.date.start >= floor) {
        (found ??= []).push(result.date);
        floor = result.date.end;
        index = result.next;
        continue;
      }
    }
    if (relative && kind === WORD) {
      const match = relativeAt(tokens, index, grammar);
      if (match) {
        (found ??= []).push(match.date);
        floor = match.date.end;
        index = match.next;
        continue;
      }
    }
    index++;
  }
  return found ?? NO_DATES;
}

function anyWordIn(tokens: Tokens, words: IdTable): boolean {
  for (let index = 0; index < tokens.count; index++) if (words.has(tokens.word(index))) return true;
  return false;
}

/** A relative expression ("hôm qua", "last week") or a weekday named alone ("on Tuesday") at tokens[index]. */
function relativeAt(tokens: Tokens, index: number, grammar: DateGrammar): { date: RawDate; next: number } | undefined {
  const match = grammar.relative.matchAt(tokens, index);
  if (match) {
    const date: RawDate = {
      start: tokens.start(index),
      end: tokens.end(index + match.length - 1),
      kind: 'relative',
      parts: [],
      form: `relative expression '${match.text}'`,
      score: 0.5,
      offset: match.value,
      notes: [],
    };
    return { date, next: index + match.length };
  }
  const weekday = grammar.weekdays.matchAt(tokens, index);
  if (!weekday || !namedWeekday(tokens, index, weekday.length)) return undefined;
  // a weekday joined to a date belongs to the date's span ("Friday, Dec. 6")
  let after = index + weekday.length;
  if (tokens.isChar(after, COMMA)) after++;
  if (after < tokens.count && parseCore(tokens, after, grammar)?.date.day !== undefined) return undefined;
  const date: RawDate = {
    start: tokens.start(index),
    end: tokens.end(index + weekday.length - 1),
    kind: 'relative',
    parts: [],
    form: `weekday '${weekday.text}'`,
    score: 0.5,
    weekday: Number(weekday.value),
    notes: [],
  };
  return { date, next: index + weekday.length };
}

/**
 * Whether a weekday phrase alone is meant as a day: written as a name ("Tuesday", "thứ Hai"), not an
 * ordinal that happens to read the same ("lần thứ hai") or a word capitalised only by the sentence start.
 */
function namedWeekday(tokens: Tokens, index: number, length: number): boolean {
  if (length === 1) return tokens.capitalised(index);
  for (let other = index + 1; other < index + length; other++) if (tokens.capitalised(other)) return true;
  return tokens.capitalised(index) && !tokens.sentenceStart(index);
}

function scanAt(tokens: Tokens, index: number, grammar: DateGrammar): { date: RawDate; next: number } | undefined {
  // A bare day number followed by connectors and a full date: "19 hoặc 22/3", "16 - 17/4".
  const chain = dayChain(tokens, index, grammar);
  if (chain) return chain;
  const core = parseCore(tokens, index, grammar);
  if (!core) return undefined;
  let first = core.first;
  let form = core.form;
  const notes: string[] = [];
  // A modifier directly before a month, a year or a century ("cuối tháng 10") is part of the span.
  const modifier = core.date.day === undefined || core.form.startsWith('month name') ? modifierBefore(tokens, first, grammar) : 0;
  if (modifier > 0) {
    notes.push(`modifier '${tokens.texts(first - modifier, first).join(' ')}'`);
    first -= modifier;
    const part = grammar.modifierParts.matchAt(tokens, first)?.value;
    if (core.quarter && core.rangeEnd && part !== undefined) {
      // "cuối quý III": the quarter's last month
      const month = core.date.month ?? 1;
      const picked = part === 'start' ? month : part === 'middle' ? month + 1 : part === 'end' ? month + 2 : undefined;
      if (picked !== undefined) {
        core.date.month = picked;
        core.rangeEnd = undefined;
      }
    } else if (part !== undefined && core.date.month === undefined && core.date.year !== undefined && !core.rangeEnd) {
      // "9 tháng đầu năm 2025": a count of months before the modifier makes a cumulative period
      const count = grammar.monthWords.has(tokens, first - 1) ? shortNumber(tokens, first - 2) : undefined;
      if (count !== undefined && count >= 1 && count <= 12 && (part === 'start' || part === 'end') && gluedBeforeFree(tokens, first - 2, grammar)) {
        first -= 2;
        core.date.month = part === 'start' ? 1 : 13 - count;
        core.rangeEnd = { year: core.date.year, month: part === 'start' ? count : 12 };
        form = `${count} months of year word`;
      }
    }
  } else if (core.date.day !== undefined && !isTime(tokens, core.next)) {
    // A weekday joined to a day is part of the span ("Friday, Dec. 6", "thứ Sáu 5/3"); not on a page's
    // timestamp ("Chủ nhật, 26/10/2025 15:42"), where the weekday is page furniture like the clock time.
    const weekday = weekdayBefore(tokens, first, grammar);
    if (weekday < first) {
      notes.push(`weekday '${tokens.textOf(weekday, first).replace(/[\s,]+$/, '')}'`);
      first = weekday;
    }
  }
  const joined = joinedDate(tokens, core, grammar, notes);
  const last = joined?.core ?? core;
  const parts = joined ? [core.date, joined.core.date] : core.rangeEnd ? [core.date, core.rangeEnd] : [core.date];
  const date: RawDate = {
    start: tokens.start(first),
    end: last.endOffset ?? tokens.end(last.next - 1),
    kind: joined ? joined.kind : core.rangeEnd ? 'range' : 'single',
    parts,
    form: joined ? `${joined.kind === 'range' ? 'range' : 'alternatives'} of ${form}` : form,
    score: parts.every((part) => part.year !== undefined) ? 0.95 : core.date.day !== undefined ? 0.9 : 0.85,
    notes,
  };
  return { date, next: last.next };
}

/**
 * A date joined to `core` by a range or alternative word, when `core` has no year of its own: "1/1 đến
 * 30/4/2025" and "tháng 3 đến tháng 12/2025" are one range, "tháng 12 hoặc tháng 1 năm sau" one span with
 * both dates. `core` takes the year of the date it is joined to, also when they stay two spans.
 */
function joinedDate(tokens: Tokens, core: Core, grammar: DateGrammar, notes: string[]): { core: Core; kind: 'range' | 'alternatives' } | undefined {
  const date = core.date;
  if (date.year !== undefined || date.century !== undefined || date.yearOffset !== undefined || core.rangeEnd || core.next >= tokens.count - 1) return undefined;
  const isRange = grammar.ranges.has(tokens, core.next);
  if (!isRange && !grammar.alternatives.has(tokens, core.next)) return undefined;
  const following = parseCore(tokens, core.next + 1, grammar);
  if (!following) return undefined;
  const other = following.date;
  if (other.year !== undefined) {
    date.year = other.year;
    // "20/12 đến 5/1/2026": a range that crosses the new year starts in the year before
    if (isRange && monthDayKey(date) > monthDayKey(other)) date.year--;
    notes.push('year from the following date');
  }
  const sameForm = !following.rangeEnd && (date.day === undefined) === (other.day === undefined) && (date.month === undefined) === (other.month === undefined);
  if (!sameForm) return undefined;
  if (isRange) {
    // without years, an interval must run forward ("tháng 3 đến tháng 5")
    if (other.year === undefined && other.yearOffset === undefined && monthDayKey(date) >= monthDayKey(other)) return undefined;
    return { core: following, kind: 'range' };
  }
  // a list of dates without any year ("tháng 3 và tháng 4") stays separate dates
  return other.year !== undefined || other.yearOffset !== undefined ? { core: following, kind: 'alternatives' } : undefined;
}

function monthDayKey(date: PartialDate): number {
  return (date.month ?? 0) * 100 + (date.day ?? 0);
}

function modifierBefore(tokens: Tokens, index: number, grammar: DateGrammar): number {
  if (grammar.modifiers.hasPair(tokens, index - 2)) return 2;
  if (tokens.isWord(index - 1) && grammar.modifiers.has(tokens, index - 1)) return 1;
  return 0;
}

/** Index of the first token of a weekday that ends right before tokens[index] (a comma between allowed),
 * or `index` when there is none. */
function weekdayBefore(tokens: Tokens, index: number, grammar: DateGrammar): number {
  let last = index - 1;
  if (tokens.isChar(last, COMMA)) last--;
  if (!tokens.isWord(last)) return index;
  for (let length = 1; length <= grammar.weekdayTokens && length <= last + 1; length++) {
    const match = grammar.weekdays.matchAt(tokens, last - length + 1, last + 1);
    if (match?.length === length) return last - length + 1;
  }
  return index;
}

/** "19 hoặc 22/3", "16 - 17/4", "19, 20 và 22/3": bare days joined to a date that has the month. */
function dayChain(tokens: Tokens, index: number, grammar: DateGrammar): { date: RawDate; next: number } | undefined {
  // cheap tests first: most numbers are not followed by a connector
  if (!isConnector(tokens, index + 1, grammar) || shortNumber(tokens, index) === undefined || !standsAlone(tokens, index, grammar)) return undefined;
  let position = index;
  let isRange = false;
  let dayCount = 0;
  while (position + 1 < tokens.count) {
    if (shortNumber(tokens, position) === undefined) return undefined;
    dayCount++;
    const connector = position + 1;
    if (grammar.ranges.has(tokens, connector)) isRange = true;
    else if (!grammar.alternatives.has(tokens, connector) && !tokens.isChar(connector, COMMA)) return undefined;
    const core = parseCore(tokens, position + 2, grammar);
    if (core) {
      if (core.date.day === undefined || core.date.month === undefined || core.rangeEnd) return undefined;
      if (isRange && dayCount > 1) return undefined;
      const month = core.date.month;
      const parts: PartialDate[] = [];
      for (let day = 0, at = index; day < dayCount; day++, at += 2) {
        const other = shortNumber(tokens, at) ?? 0;
        if (!validDayMonth(other, month)) return undefined;
        parts.push({ day: other, month, year: core.date.year });
      }
      parts.push(core.date);
      const date: RawDate = {
        start: tokens.start(index),
        end: tokens.end(core.next - 1),
        kind: isRange ? 'range' : 'alternatives',
        parts,
        form: isRange ? `day range ending in ${core.form}` : `alternative days of ${core.form}`,
        score: 0.9,
        notes: [],
      };
      return { date, next: core.next };
    }
    position += 2;
  }
  return undefined;
}

function isConnector(tokens: Tokens, index: number, grammar: DateGrammar): boolean {
  return index < tokens.count && (tokens.isChar(index, COMMA) || grammar.ranges.has(tokens, index) || grammar.alternatives.has(tokens, index));
}

/** Punctuation glued before a number that makes it part of something else ("-19", "#3", "$5"). */
const GLUED_BEFORE = new Set('-/.+#$€£¥%,'.split('').map((char) => char.charCodeAt(0)));
/** Punctuation glued after a number that makes it a quantity or a part of something else. */
const GLUED_AFTER = new Set('-/%+°$€£¥'.split('').map((char) => char.charCodeAt(0)));

function oneCharIn(tokens: Tokens, index: number, set: ReadonlySet<number>): boolean {
  return tokens.end(index) - tokens.start(index) === 1 && set.has(tokens.source.charCodeAt(tokens.start(index)));
}

/** Whether a number token is free-standing: not glued to letters or other numbers ("COVID-19", "2020/QĐ"),
 * and not after a word that makes it a number ("số 12/2021", "No. 3/4"). */
function standsAlone(tokens: Tokens, index: number, grammar: DateGrammar): boolean {
  return gluedBeforeFree(tokens, index, grammar) && gluedAfterFree(tokens, index);
}

function gluedBeforeFree(tokens: Tokens, index: number, grammar: DateGrammar): boolean {
  const previous = index - 1;
  if (previous >= 0 && !tokens.spaceBefore(index)) {
    if (tokens.kind(previous) !== PUNCT || oneCharIn(tokens, previous, GLUED_BEFORE)) return false;
  }
  if (grammar.notAfter.has(tokens, previous) || grammar.notAfter.hasPair(tokens, index - 2)) return false;
  // an abbreviation with its dot: "No. 3", "p. 12"
  return !(tokens.isChar(previous, DOT) && grammar.notAfter.has(tokens, previous - 1));
}

function gluedAfterFree(tokens: Tokens, index: number): boolean {
  const next = index + 1;
  if (next < tokens.count && !tokens.spaceBefore(next)) {
    if (tokens.kind(next) !== PUNCT || oneCharIn(tokens, next, GLUED_AFTER)) return false;
  }
  return true;
}

function hasContextBefore(tokens: Tokens, index: number, grammar: DateGrammar): boolean {
  let position = index - 1;
  if (tokens.isChar(position, OPEN_PAREN)) position--; // "sáng nay (14/10)"
  if (position < 0) return false;
  return grammar.context.has(tokens, position) || grammar.context.hasPair(tokens, position - 1);
}

function parseCore(tokens: Tokens, index: number, grammar: DateGrammar): Core | undefined {
  if (index >= tokens.count) return undefined;
  const kind = tokens.kind(index);
  if (kind === NUMBER) return parseNumberCore(tokens, index, grammar);
  if (kind !== WORD) return undefined;
  // "18th November", "1er novembre", "14th century"
  if (startsWithDigit(tokens, index)) return parseNumberCore(tokens, index, grammar) ?? centuryAfter(tokens, index, grammar);
  // "tháng 10", "tháng 12/2025", "tháng 10 năm 2021", "tháng Giêng"
  if (grammar.monthWords.has(tokens, index)) return parseMonthWord(tokens, index, grammar);
  // "quý III/2025", "Q3 2025", "third quarter of 2025" (found at the quarter word, after its ordinal)
  if (grammar.quarterWords.has(tokens, index)) return quarterBefore(tokens, index, grammar);
  if (grammar.gluedQuarters.has(tokens.word(index))) return gluedQuarter(tokens, index, grammar);
  if (grammar.quarterAfterWords.has(tokens, index)) return quarterAfter(tokens, index, grammar);
  // "năm 2020", "năm 2019-2020"
  if (grammar.yearWords.has(tokens, index)) {
    const yearPart = yearAfterWord(tokens, index, grammar);
    if (!yearPart) return undefined;
    const core: Core = { first: index, next: yearPart.next, date: { year: yearPart.year }, form: `year word '${tokens.text(index)}'` };
    if (yearPart.endYear !== undefined) core.rangeEnd = { year: yearPart.endYear };
    return core;
  }
  // Month names: "November 18, 2019", "Nov. 18", "November 2019", "novembro de 2019"
  const month = monthName(tokens, index, grammar);
  if (month !== undefined) return parseMonthName(tokens, index, month, grammar);
  // "thế kỷ 20", "século XIV"
  const century = centuryBefore(tokens, index, grammar);
  if (century) return century;
  // "XIVe siècle": found at the century word, after its number
  if (grammar.centuryAfter.has(tokens, index)) return centuryAfter(tokens, index - 1, grammar);
  // "in 2019", "Class of 2020,"
  return yearAfterPreposition(tokens, index, grammar);
}

function parseMonthWord(tokens: Tokens, index: number, grammar: DateGrammar): Core | undefined {
  const next = index + 1;
  if (next >= tokens.count) return undefined;
  const named = grammar.months.get(tokens.word(next));
  let month: number | undefined;
  let year: number | undefined;
  let position = index + 2;
  if (named !== undefined) month = named;
  else if (tokens.kind(next) === NUMBER && standsAlone(tokens, next, grammar)) {
    // "10" or "12/2025"
    if (!readShape(tokens, next) || shape.digits[0] > 2) return undefined;
    if (shape.groups === 2) {
      if ((shape.joiners[0] !== SLASH && shape.joiners[0] !== DASH) || shape.digits[1] !== 4) return undefined;
      year = shape.values[1];
    } else if (shape.groups !== 1) return undefined;
    month = shape.values[0];
  }
  if (month === undefined || month < 1 || month > 12 || (year !== undefined && !validYear(year))) return undefined;
  const date: PartialDate = { year, month };
  if (year === undefined) {
    const yearPart = yearAfterWord(tokens, position, grammar);
    if (yearPart && yearPart.endYear === undefined) {
      date.year = yearPart.year;
      position = yearPart.next;
    } else position = relativeYearAfter(tokens, position, grammar, date);
  }
  return { first: index, next: position, date, form: `month word '${tokens.text(index)}'` };
}

/** The month number of a month name at tokens[index] written as the lexicon requires, or undefined. */
function monthName(tokens: Tokens, index: number, grammar: DateGrammar): number | undefined {
  const id = tokens.word(index);
  if (id < 0) return undefined;
  const month = grammar.months.get(id);
  if (month === undefined || (grammar.capitalMonths.has(id) && !tokens.capitalised(index))) return undefined;
  return month;
}

/** `năm 2020` starting at tokens[index] (the year word). */
function yearAfterWord(tokens: Tokens, index: number, grammar: DateGrammar): { year: number; endYear?: number; next: number } | undefined {
  if (index + 1 >= tokens.count || !grammar.yearWords.has(tokens, index)) return undefined;
  const year = yearToken(tokens, index + 1);
  if (year === undefined || !standsAlone(tokens, index + 1, grammar)) return undefined;
  return { ...year, next: index + 2 };
}

/** "in 2019", "in early 2019", "in 2019-2020", "of 2020," (tokens[index] is the preposition, not in the span). */
function yearAfterPreposition(tokens: Tokens, index: number, grammar: DateGrammar): Core | undefined {
  const plain = grammar.yearPrepositions.has(tokens, index);
  if (!plain && !grammar.pauseYearPrepositions.has(tokens, index)) return undefined;
  const position = index + 1 + (grammar.modifiers.has(tokens, index + 1) ? 1 : 0);
  const year = yearToken(tokens, position);
  if (year === undefined || !standsAlone(tokens, position, grammar)) return undefined;
  const form = `year after '${tokens.text(index)}'`;
  // "from 1939 to 1945"
  if (year.endYear === undefined && grammar.ranges.has(tokens, position + 1)) {
    const endYear = fourDigits(tokens, position + 2);
    if (endYear !== undefined && plausibleYearRange(year.year, endYear) && standsAlone(tokens, position + 2, grammar)) {
      return { first: position, next: position + 3, date: { year: year.year }, rangeEnd: { year: endYear }, form };
    }
  }
  // "of 2000 people": after these the year must end the phrase
  if (!plain && position + 1 < tokens.count && tokens.kind(position + 1) !== PUNCT) return undefined;
  const core: Core = { first: position, next: position + 1, date: { year: year.year }, form };
  if (year.endYear !== undefined) core.rangeEnd = { year: year.endYear };
  return core;
}

/** A day of the month: "18", "18th", "1er", "2º". */
function dayNumber(tokens: Tokens, index: number, grammar: DateGrammar): number | undefined {
  const value = ordinalNumber(tokens, index, grammar);
  return value !== undefined && value >= 1 && value <= 31 ? value : undefined;
}

/** A number of one or two digits, with or without an ordinal suffix ("18", "18th"), or undefined. */
function ordinalNumber(tokens: Tokens, index: number, grammar: DateGrammar): number | undefined {
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
function romanNumber(tokens: Tokens, index: number, grammar: DateGrammar): number | undefined {
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

const MAX_CENTURY = 30;

/** "thế kỷ 20", "thế kỷ XXI", "século XIV" starting at the century word tokens[index]. */
function centuryBefore(tokens: Tokens, index: number, grammar: DateGrammar): Core | undefined {
  const words = grammar.centuryBefore.has(tokens, index) ? 1 : grammar.centuryBefore.hasPair(tokens, index) ? 2 : 0;
  if (words === 0) return undefined;
  const position = index + words;
  if (position >= tokens.count) return undefined;
  const century = tokens.kind(position) === NUMBER ? shortNumber(tokens, position) : romanNumber(tokens, position, grammar);
  if (century === undefined || century < 1 || century > MAX_CENTURY) return undefined;
  return { first: index, next: position + 1, date: { century }, form: `century word '${tokens.textOf(index, position)}'` };
}

/** "14th century", "XIVe siècle" starting at the ordinal tokens[index]. */
function centuryAfter(tokens: Tokens, index: number, grammar: DateGrammar): Core | undefined {
  if (!grammar.centuryAfter.has(tokens, index + 1)) return undefined;
  // digits need their suffix ("14th"): a bare "14 century" is not how centuries are written
  const century = startsWithDigit(tokens, index) ? (tokens.isWord(index) ? ordinalNumber(tokens, index, grammar) : undefined) : romanNumber(tokens, index, grammar);
  if (century === undefined || century < 1 || century > MAX_CENTURY) return undefined;
  return { first: index, next: index + 2, date: { century }, form: `century word '${tokens.text(index + 1)}'` };
}

function parseMonthName(tokens: Tokens, index: number, month: number, grammar: DateGrammar): Core | undefined {
  let position = index + 1;
  if (tokens.isChar(position, DOT)) position++;
  const form = `month name '${tokens.text(index)}'`;
  const day = position < tokens.count && tokens.kind(position) !== PUNCT ? dayNumber(tokens, position, grammar) : undefined;
  if (day !== undefined && validDayMonth(day, month) && standsAlone(tokens, position, grammar)) {
    position++;
    let yearIndex = position;
    if (tokens.isChar(yearIndex, COMMA)) yearIndex++;
    const year = fourDigits(tokens, yearIndex);
    if (year !== undefined && validYear(year)) {
      return { first: index, next: yearIndex + 1, date: { year, month, day }, form };
    }
    const date: PartialDate = { month, day };
    return { first: index, next: relativeYearAfter(tokens, position, grammar, date), date, form };
  }
  const year = yearAfterMonthName(tokens, position, grammar);
  if (year) return { first: index, next: year.next, date: { year: year.year, month }, form };
  // A month name alone only in full spelling and mid-sentence ("in November"), not an abbreviation.
  if (tokens.end(index) - tokens.start(index) >= 5 && !tokens.sentenceStart(index)) {
    const date: PartialDate = { month };
    return { first: index, next: relativeYearAfter(tokens, index + 1, grammar, date), date, form };
  }
  return undefined;
}

/** A year named relative to the publication year at tokens[index] ("năm sau", "next year"): sets
 * `date.yearOffset` and returns the index after it, or returns `index` when there is none. */
function relativeYearAfter(tokens: Tokens, index: number, grammar: DateGrammar, date: PartialDate): number {
  if (!tokens.isWord(index)) return index;
  const match = grammar.relativeYears.matchAt(tokens, index);
  const offset = Number(match?.value);
  if (!match || !Number.isInteger(offset)) return index;
  date.yearOffset = offset;
  return index + match.length;
}

/** The quarter's months with the year written or named after it ("/2025", "năm 2025", "of 2025", "năm
 * sau"), from tokens[index] on. */
function quarterCore(tokens: Tokens, first: number, index: number, quarter: number, form: string, grammar: DateGrammar): Core {
  const date: PartialDate = { month: quarter * 3 - 2 };
  let next = index;
  // "III/2025": the year glued with a slash or a dash
  if (tokens.kind(index) === PUNCT && !tokens.spaceBefore(index) && (tokens.isChar(index, SLASH) || tokens.isChar(index, DASH)) && !tokens.spaceBefore(index + 1)) {
    const year = fourDigits(tokens, index + 1);
    if (year !== undefined && validYear(year) && gluedAfterFree(tokens, index + 1)) {
      date.year = year;
      next = index + 2;
    }
  }
  if (next === index) {
    const written = yearAfterWord(tokens, index, grammar);
    const yearPart = written?.endYear === undefined ? written : undefined;
    const named = yearPart ?? yearAfterMonthName(tokens, index, grammar);
    if (named) {
      date.year = named.year;
      next = named.next;
    } else next = relativeYearAfter(tokens, index, grammar, date);
  }
  return { first, next, date, rangeEnd: { ...date, month: quarter * 3 }, form, quarter: true };
}

/** "quý III", "quý 3/2025" starting at the quarter word tokens[index]: a Roman or Arabic numeral 1–4 must
 * follow ("quý khách", "quý báu" are other words). */
function quarterBefore(tokens: Tokens, index: number, grammar: DateGrammar): Core | undefined {
  const position = index + 1;
  if (position >= tokens.count) return undefined;
  const form = `quarter word '${tokens.text(index)}'`;
  if (tokens.kind(position) === NUMBER) {
    if (!gluedBeforeFree(tokens, position, grammar) || !gluedAfterFree(tokens, position) || !readShape(tokens, position) || shape.digits[0] !== 1) return undefined;
    const quarter = shape.values[0];
    if (quarter < 1 || quarter > 4) return undefined;
    if (shape.groups === 1) return quarterCore(tokens, index, position + 1, quarter, form, grammar);
    // "quý 3/2025"
    if (shape.groups !== 2 || (shape.joiners[0] !== SLASH && shape.joiners[0] !== DASH) || shape.digits[1] !== 4 || !validYear(shape.values[1])) return undefined;
    const date: PartialDate = { year: shape.values[1], month: quarter * 3 - 2 };
    return { first: index, next: position + 1, date, rangeEnd: { ...date, month: quarter * 3 }, form, quarter: true };
  }
  const quarter = romanNumber(tokens, position, grammar);
  if (quarter === undefined || quarter < 1 || quarter > 4 || tokens.end(position) - tokens.start(position) > 3) return undefined;
  return quarterCore(tokens, index, position + 1, quarter, form, grammar);
}

/** "Q3", "Q3 2025", "Q3/2025": a quarter written as one word. */
function gluedQuarter(tokens: Tokens, index: number, grammar: DateGrammar): Core | undefined {
  const id = tokens.word(index);
  const quarter = grammar.gluedQuarters.get(id);
  if (quarter === undefined || (grammar.capitalGluedQuarters.has(id) && !tokens.capitalised(index))) return undefined;
  return quarterCore(tokens, index, index + 1, quarter, `quarter '${tokens.text(index)}'`, grammar);
}

/** "third quarter of 2025", "3rd quarter": at the quarter word tokens[index], its ordinal right before. */
function quarterAfter(tokens: Tokens, index: number, grammar: DateGrammar): Core | undefined {
  const ordinal = index - 1;
  if (ordinal < 0 || !tokens.isWord(ordinal)) return undefined;
  let quarter = grammar.ordinals.get(tokens.word(ordinal));
  // "3rd": digits need their suffix
  if (quarter === undefined && startsWithDigit(tokens, ordinal)) quarter = ordinalNumber(tokens, ordinal, grammar);
  if (quarter === undefined || quarter < 1 || quarter > 4) return undefined;
  return quarterCore(tokens, ordinal, index + 1, quarter, `quarter word '${tokens.text(index)}'`, grammar);
}

/** The year after a month name: "2019" or "de 2019", at tokens[index]. */
function yearAfterMonthName(tokens: Tokens, index: number, grammar: DateGrammar): { year: number; next: number } | undefined {
  const position = tokens.isWord(index) && grammar.joiners.has(tokens, index) ? index + 1 : index;
  const year = fourDigits(tokens, position);
  return year !== undefined && validYear(year) && gluedAfterFree(tokens, position) ? { year, next: position + 1 } : undefined;
}

function dateJoiner(code: number): boolean {
  return code === DASH || code === SLASH || code === DOT;
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d/;

/** "2019-11-18T10:00": the tokenizer makes one word of the date and the hour; the span is the date. */
function isoDateTime(tokens: Tokens, index: number): Core | undefined {
  const match = ISO_DATE_TIME.exec(tokens.text(index));
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (!validYear(year) || !validDayMonth(day, month)) return undefined;
  return { first: index, next: index + 1, endOffset: tokens.start(index) + 10, date: { year, month, day }, form: 'y-m-d' };
}

/** A date written with digits, starting at tokens[index]. */
function parseNumberCore(tokens: Tokens, index: number, grammar: DateGrammar): Core | undefined {
  if (!gluedBeforeFree(tokens, index, grammar)) return undefined;
  if (tokens.kind(index) !== NUMBER) {
    const isoDate = isoDateTime(tokens, index);
    if (isoDate) return isoDate;
    if (!gluedAfterFree(tokens, index) || isTime(tokens, index)) return undefined;
  } else {
    if (isTime(tokens, index) || !readShape(tokens, index)) return undefined;
    const { groups, values, digits, joiners } = shape;
    if (groups === 3 && dateJoiner(joiners[0]) && joiners[1] === joiners[0] && digits[1] <= 2 && digits[2] <= 2 && digits[0] === 4) {
      const year = values[0];
      const month = values[1];
      const day = values[2];
      if (!validYear(year) || !validDayMonth(day, month) || !gluedAfterFree(tokens, index)) return undefined;
      return { first: index, next: index + 1, date: { year, month, day }, form: 'y-m-d' };
    }
    if (!gluedAfterFree(tokens, index)) return undefined;
    if (groups === 3 && dateJoiner(joiners[0]) && joiners[1] === joiners[0] && digits[0] <= 2 && digits[1] <= 2 && digits[2] === 4) {
      const day = values[0];
      const month = values[1];
      const year = values[2];
      if (!validYear(year) || !validDayMonth(day, month)) return undefined;
      const joiner = String.fromCharCode(joiners[0]);
      return { first: index, next: index + 1, date: { year, month, day }, form: `d${joiner}m${joiner}y` };
    }
    // "16-17/4" and "8-25/11/2025": a range written without spaces.
    if (
      (groups === 3 || (groups === 4 && joiners[2] === SLASH && digits[3] === 4)) &&
      joiners[0] === DASH && joiners[1] === SLASH && digits[0] <= 2 && digits[1] <= 2 && digits[2] <= 2
    ) {
      const from = values[0];
      const to = values[1];
      const month = values[2];
      const year = groups === 4 ? values[3] : undefined;
      if (!validDayMonth(from, month) || !validDayMonth(to, month) || from >= to) return undefined;
      if (year !== undefined && !validYear(year)) return undefined;
      return { first: index, next: index + 1, date: { year, month, day: from }, rangeEnd: { year, month, day: to }, form: 'day range d-d/m' };
    }
    if (groups === 2 && (joiners[0] === DASH || joiners[0] === SLASH) && digits[0] <= 2 && digits[1] <= 2) {
      const day = values[0];
      const month = values[1];
      if (!validDayMonth(day, month)) return undefined;
      const context = hasContextBefore(tokens, index, grammar);
      // "15-3" is a date only after a date word; otherwise it is a score or a range of numbers.
      if (joiners[0] === DASH && !context) return undefined;
      // "1/3 dân số": a small fraction, unless a date word announces it.
      if (joiners[0] === SLASH && day < month && month <= 4 && !context) return undefined;
      const joiner = String.fromCharCode(joiners[0]);
      return { first: index, next: index + 1, date: { month, day }, form: `d${joiner}m` };
    }
    if (groups === 2 && joiners[0] === DASH && digits[0] === 4 && digits[1] === 4 && plausibleYearRange(values[0], values[1])) {
      return { first: index, next: index + 1, date: { year: values[0] }, rangeEnd: { year: values[1] }, form: 'year range y-y' };
    }
    if (groups !== 1 || digits[0] > 2) return undefined;
  }
  // "4 tháng 12 năm 2018", "18 November 2019", "18th of November", "18 de novembro de 2019"
  const day = dayNumber(tokens, index, grammar);
  if (day === undefined) return undefined;
  let next = index + 1;
  if (!tokens.isWord(next)) return undefined;
  if (grammar.monthWords.has(tokens, next)) {
    const monthCore = parseMonthWord(tokens, next, grammar);
    if (monthCore?.date.month !== undefined && validDayMonth(day, monthCore.date.month)) {
      return { first: index, next: monthCore.next, date: { ...monthCore.date, day }, form: `day and ${monthCore.form}` };
    }
    return undefined;
  }
  if (grammar.joiners.has(tokens, next)) next++;
  const month = monthName(tokens, next, grammar);
  if (month === undefined || !validDayMonth(day, month)) return undefined;
  let position = next + 1;
  if (tokens.isChar(position, DOT)) position++;
  const form = `day and month name '${tokens.text(next)}'`;
  const year = yearAfterMonthName(tokens, position, grammar);
  if (year) return { first: index, next: year.next, date: { year: year.year, month, day }, form };
  return { first: index, next: next + 1, date: { month, day }, form };
}

// ---------------------------------------------------------------------------------------------------------
// Values

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** ISO 8601 text of a partial date; unknown years give "--MM-DD" / "--MM", centuries two digits ("13"). */
export function isoDate(date: PartialDate): string | undefined {
  if (date.year === undefined && date.century !== undefined) return pad(date.century - 1);
  return isoText(date.year, date.month, date.day);
}

function isoText(year: number | undefined, month: number | undefined, day: number | undefined): string | undefined {
  if (year === undefined) {
    if (month === undefined) return undefined;
    return day !== undefined ? `--${pad(month)}-${pad(day)}` : `--${pad(month)}`;
  }
  let text = pad(year, 4);
  if (month !== undefined) {
    text += `-${pad(month)}`;
    if (day !== undefined) text += `-${pad(day)}`;
  }
  return text;
}

/**
 * ISO text of a date completed with the year of the publication date (its note added to `notes` once).
 * News reports mostly look back, so a day/month more than six months after the publication month is taken
 * from the year before.
 */
function isoWithYear(date: PartialDate, publication: PartialDate | undefined, notes: string[]): string {
  if (date.year === undefined && date.century !== undefined) return pad(date.century - 1);
  return isoText(resolvedYear(date, publication, notes), date.month, date.day) ?? '';
}

/** The year of a date: written, named relative to the publication year ("năm sau"), or taken from it. */
function resolvedYear(date: PartialDate, publication: PartialDate | undefined, notes: string[]): number | undefined {
  if (date.year !== undefined || publication?.year === undefined || date.month === undefined) return date.year;
  let year = publication.year;
  let note = `year from publication date ${publication.year}`;
  if (date.yearOffset !== undefined) {
    year += date.yearOffset;
    if (date.yearOffset !== 0) note = `year ${date.yearOffset > 0 ? '+' : ''}${date.yearOffset} from publication date ${publication.year}`;
  } else if (publication.month !== undefined && date.month - publication.month > 6) {
    year--;
    note = `year before the publication date ${publication.year}`;
  }
  if (!notes.includes(note)) notes.push(note);
  return year;
}

/** The values of a range's ends: an end without a year of its own follows the start ("quý III", "tháng
 * 11 đến tháng 2" run forward from the start's year). */
function rangeValues(parts: readonly PartialDate[], publication: PartialDate | undefined, notes: string[]): string {
  const from = parts[0];
  const to = parts[parts.length - 1];
  const fromText = isoWithYear(from, publication, notes);
  const startYear = resolvedYear(from, publication, notes);
  if (to.year !== undefined || to.yearOffset !== undefined || to.century !== undefined || startYear === undefined) return `${fromText}/${isoWithYear(to, publication, notes)}`;
  const endYear = monthDayKey(to) < monthDayKey(from) ? startYear + 1 : startYear;
  return `${fromText}/${isoText(endYear, to.month, to.day) ?? ''}`;
}

function resolveRelative(offset: string | undefined, publication: PartialDate | undefined): string | undefined {
  if (!offset || publication?.year === undefined) return undefined;
  const match = /^([+-]?\d+)([dwmy])$/.exec(offset);
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = match[2];
  if (unit === 'y') return pad(publication.year + amount, 4);
  if (publication.month === undefined) return undefined;
  if (unit === 'm') {
    const months = publication.year * 12 + publication.month - 1 + amount;
    return `${pad(Math.floor(months / 12), 4)}-${pad((months % 12) + 1)}`;
  }
  if (publication.day === undefined) return undefined;
  const base = Date.UTC(publication.year, publication.month - 1, publication.day);
  const day = new Date(base + (unit === 'w' ? amount * 7 : amount) * 86_400_000);
  if (unit === 'd') return day.toISOString().slice(0, 10);
  return isoWeek(day);
}

/** The last day named `weekday` (ISO, Monday = 1) on or before the publication day: news tell what was. */
function resolveWeekday(weekday: number | undefined, publication: PartialDate | undefined): string | undefined {
  if (weekday === undefined || publication?.year === undefined || publication.month === undefined || publication.day === undefined) return undefined;
  const base = Date.UTC(publication.year, publication.month - 1, publication.day);
  const published = ((new Date(base).getUTCDay() + 6) % 7) + 1;
  const back = (published - weekday + 7) % 7;
  return new Date(base - back * 86_400_000).toISOString().slice(0, 10);
}

function isoWeek(day: Date): string {
  // ISO week: the week with the year's first Thursday is week 1.
  const thursday = new Date(day.getTime());
  thursday.setUTCDate(day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${pad(week)}`;
}

/** Turns a raw date into a suggestion with its ISO value and reasons; `offset` shifts a line's offsets
 * into the document `text`. */
export function resolveDate(raw: RawDate, text: string, line: number, publication: PartialDate | undefined, offset = 0): Suggestion {
  const reasons: string[] = [];
  let value: string | string[] | undefined;
  if (raw.kind === 'relative') {
    value = raw.weekday !== undefined ? resolveWeekday(raw.weekday, publication) : resolveRelative(raw.offset, publication);
    reasons.push(raw.form);
    if (value !== undefined) reasons.push(`resolved from publication date ${isoDate(publication ?? {})}`);
  } else {
    const notes: string[] = [];
    const parts = raw.parts;
    if (raw.kind === 'single') value = isoWithYear(parts[0], publication, notes);
    else if (raw.kind === 'range') value = rangeValues(parts, publication, notes);
    else value = parts.map((part) => isoWithYear(part, publication, notes));
    let reason = `date ${raw.form}`;
    if (notes.length > 0) reason += `, ${notes.join(', ')}`;
    else if (parts.some((part) => part.year === undefined && part.month !== undefined)) reason += ', year unknown';
    reasons.push(reason);
    for (const note of raw.notes) reasons.push(note);
  }
  const start = raw.start + offset;
  const end = raw.end + offset;
  const suggestion: Suggestion = {
    start,
    end,
    label: 'date',
    text: text.slice(start, end),
    score: raw.score,
    reasons,
    line,
  };
  if (value !== undefined) suggestion.value = value;
  return suggestion;
}

/** Date suggestions of a whole text (or of [range.start, range.end)). */
export function detectDates(
  text: string,
  opts: DateOptions,
  lexicon: EntityLexicon,
  range?: { start: number; end: number },
): Suggestion[] {
  const grammar = dateGrammar(lexicon, opts.lang);
  const suggestions: Suggestion[] = [];
  forEachLine(text, (line, start, end) => {
    if (start === end || (range && (end < range.start || start > range.end))) return;
    const tokens = tokenize(text, grammar.vocabulary, start, end);
    const found = scanDateTokens(tokens, grammar, opts.relative === true);
    // indexed: mostly the shared empty array, and for-of would allocate an iterator per line
    for (let k = 0; k < found.length; k++) suggestions.push(resolveDate(found[k], text, line, opts.publicationDate));
  });
  return suggestions;
}

/** Lines of a page head searched for its timestamp: menus of news sites often run to a hundred lines. */
const PUBLICATION_LINES = 300;
const PUBLICATION_HEAD_CHARS = 30_000;

/**
 * The page's publication date: the first full date on a short line near the top that looks like a
 * timestamp: a time of day beside it ("06:16 | 23/03/2021 GMT+7", "November 18, 2019 | 4:10pm"), little
 * else on the line ("Thứ hai, 22/3/2021"), or a timestamp word ("Published", "Cập nhật") with a byline.
 * Undefined when none is found.
 */
export function findPublicationDate(text: string, lexicon?: EntityLexicon, maxLines = PUBLICATION_LINES): PartialDate | undefined {
  const grammar: DateGrammar = lexicon ? dateGrammar(lexicon, undefined) : EMPTY_GRAMMAR;
  const head = text.length > PUBLICATION_HEAD_CHARS ? text.slice(0, PUBLICATION_HEAD_CHARS) : text;
  let seen = 0;
  for (const line of lineSpans(head)) {
    if (line.end === line.start) continue;
    if (++seen > maxLines) break;
    if (line.end - line.start > 160) continue;
    const tokens = tokenize(head, grammar.vocabulary, line.start, line.end);
    const dates = scanDateTokens(tokens, grammar, false);
    let full: RawDate | undefined;
    for (const raw of dates) {
      const part = raw.parts[0];
      if (raw.kind === 'single' && part.year !== undefined && part.day !== undefined) {
        full = raw;
        break;
      }
    }
    // the first such line wins: a timestamp heads the article, later dates belong to its text
    if (full && looksLikeTimestamp(tokens, dates, grammar)) return full.parts[0];
  }
  return undefined;
}

/** Most words a timestamp line holds besides its dates, without / with a timestamp word. */
const TIMESTAMP_WORDS = 8;
const TIMESTAMP_WORDS_WITH_CUE = 14;

function looksLikeTimestamp(tokens: Tokens, dates: readonly RawDate[], grammar: DateGrammar): boolean {
  let words = 0;
  let cue = false;
  let date = 0;
  for (let index = 0; index < tokens.count; index++) {
    const start = tokens.start(index);
    while (date < dates.length && dates[date].end <= start) date++;
    if (date < dates.length && dates[date].start <= start) continue; // inside a date
    if (isTime(tokens, index)) return true;
    if (!tokens.isWord(index)) continue;
    const match = grammar.publicationCues.matchAt(tokens, index);
    if (match) {
      cue = true;
      index += match.length - 1;
    } else words++;
  }
  return words <= (cue ? TIMESTAMP_WORDS_WITH_CUE : TIMESTAMP_WORDS);
}

const EMPTY_VOCABULARY = new Vocabulary();
const EMPTY_GRAMMAR: DateGrammar = {
  vocabulary: EMPTY_VOCABULARY,
  monthWords: new WordSet(EMPTY_VOCABULARY),
  yearWords: new WordSet(EMPTY_VOCABULARY),
  context: new WordSet(EMPTY_VOCABULARY),
  modifiers: new WordSet(EMPTY_VOCABULARY),
  modifierParts: new PhraseMatcher<string | undefined>(EMPTY_VOCABULARY),
  relativeYears: new PhraseMatcher<string | undefined>(EMPTY_VOCABULARY),
  quarterWords: new WordSet(EMPTY_VOCABULARY),
  quarterAfterWords: new WordSet(EMPTY_VOCABULARY),
  ordinals: new Map(),
  gluedQuarters: new Map(),
  capitalGluedQuarters: new IdTable(),
  alternatives: new WordSet(EMPTY_VOCABULARY),
  ranges: new WordSet(EMPTY_VOCABULARY),
  joiners: new WordSet(EMPTY_VOCABULARY),
  ordinalSuffixes: new Set(),
  centuryBefore: new WordSet(EMPTY_VOCABULARY),
  centuryAfter: new WordSet(EMPTY_VOCABULARY),
  months: new Map(),
  capitalMonths: new IdTable(),
  yearPrepositions: new WordSet(EMPTY_VOCABULARY),
  pauseYearPrepositions: new WordSet(EMPTY_VOCABULARY),
  notAfter: new WordSet(EMPTY_VOCABULARY),
  relative: new PhraseMatcher<string | undefined>(EMPTY_VOCABULARY),
  weekdays: new PhraseMatcher<string | undefined>(EMPTY_VOCABULARY),
  weekdayTokens: 0,
  publicationCues: new PhraseMatcher<string | undefined>(EMPTY_VOCABULARY),
  triggers: new IdTable(),
  digitlessTriggers: new IdTable(),
};
