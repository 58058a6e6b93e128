// Date suggestions: explicit dates and date parts ("22/3", "23/03/2021", "ngày 4 tháng 12 năm 2018",
// "năm 2020", "cuối tháng 10", "19 hoặc 22/3", "Nov 18, 2019", "2019-11-18"), normalised to ISO 8601.
//
// Spans follow docs/annotation-guidelines.md: the date value with its own day/month/year words and a
// modifier ("cuối", "early"), never a leading context word ("ngày", "hôm", "vào", "trong", "on").
//
// Values: "2021-03-22", "2021-10", "2020". A missing year comes from the publication date; without one
// the year stays unknown and the value uses the ISO 8601 truncated form "--MM-DD" / "--MM" (the XML Schema
// gMonthDay / gMonth types). Alternatives ("19 hoặc 22/3") give a list of values; a range ("16 - 17/4")
// gives an ISO 8601 interval "2021-04-16/2021-04-17". Relative expressions ("hôm qua") come only on
// request and get a value only when an offset is known and the publication date resolves it.
//
// All words live in lexicons/entities/dates.<lang>.txt and relative-dates.<lang>.txt.

import type { Suggestion } from '../model/types';
import type { EntityLexicon } from './lexicons';
import { forEachLine, lineSpans } from '../text/lines';
import { IdTable, PhraseMatcher, TOKEN_NUMBER, TOKEN_PUNCT, TOKEN_WORD, type Tokens, tokenize, Vocabulary, WordSet } from './words';

export interface PartialDate {
  year?: number;
  month?: number;
  day?: number;
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
  alternatives: WordSet;
  ranges: WordSet;
  /** Vocabulary id of a month name -> month number. */
  months: Map<number, number>;
  yearPrepositions: WordSet;
  notAfter: WordSet;
  relative: PhraseMatcher<string | undefined>;
  /** Vocabulary ids of the words that can start a date (numbers always can). */
  triggers: IdTable;
}

export function dateGrammar(lexicon: EntityLexicon, lang?: string): DateGrammar {
  return lexicon.compiled('dates', lang, () => {
    const vocabulary = lexicon.vocabulary;
    const texts = (section: string): string[] => lexicon.entries('dates', section, lang).map((entry) => entry.text.toLowerCase());
    const words = (section: string): WordSet => new WordSet(vocabulary, texts(section));
    const months = new Map<number, number>();
    const monthNames: string[] = [];
    for (const entry of lexicon.entries('dates', 'months', lang)) {
      const month = Number(entry.value);
      if (Number.isInteger(month) && month >= 1 && month <= 12) {
        months.set(vocabulary.intern(entry.text.toLowerCase()), month);
        monthNames.push(entry.text.toLowerCase());
      }
    }
    const relative = new PhraseMatcher<string | undefined>(vocabulary);
    for (const [, entries] of lexicon.sections('relative-dates', lang)) {
      for (const entry of entries) relative.add(entry.text, entry.value);
    }
    const triggers = new IdTable();
    for (const word of [...texts('month-words'), ...texts('year-words'), ...monthNames, ...texts('year-prepositions'), ...texts('modifiers')]) {
      // a several-word entry never equals one token
      if (!word.includes(' ')) triggers.set(vocabulary.intern(word), 1);
    }
    return {
      vocabulary,
      triggers,
      monthWords: words('month-words'),
      yearWords: words('year-words'),
      context: words('context'),
      modifiers: words('modifiers'),
      alternatives: words('alternatives'),
      ranges: words('ranges'),
      months,
      yearPrepositions: words('year-prepositions'),
      notAfter: words('not-after'),
      relative,
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

/** A number of one or two digits ("22"), or undefined. */
function shortNumber(tokens: Tokens, index: number): number | undefined {
  if (!tokens.isNumber(index) || !readShape(tokens, index) || shape.groups !== 1 || shape.digits[0] > 2) return undefined;
  return shape.values[0];
}

/** A four-digit number ("2021"), or undefined. */
function fourDigits(tokens: Tokens, index: number): number | undefined {
  if (!tokens.isNumber(index) || !readShape(tokens, index) || shape.groups !== 1 || shape.digits[0] !== 4) return undefined;
  return shape.values[0];
}

/** A time of day: "06:16", "10:02am", "9:30:05". */
function isTime(tokens: Tokens, index: number): boolean {
  if (tokens.isNumber(index)) {
    if (!readShape(tokens, index) || (shape.groups !== 2 && shape.groups !== 3) || shape.digits[0] > 2) return false;
    for (let group = 1; group < shape.groups; group++) if (shape.digits[group] !== 2 || shape.joiners[group - 1] !== COLON) return false;
    return true;
  }
  // a word only when digits run into letters ("10:02am")
  const code = tokens.source.charCodeAt(tokens.start(index));
  return tokens.isWord(index) && code >= 48 && code <= 57 && TIME_TEXT.test(tokens.text(index));
}

interface Core {
  first: number;
  /** Index after the last token. */
  next: number;
  date: PartialDate;
  form: string;
  /** Set when the core is itself a range ("16-17/4" written without spaces). */
  rangeEnd?: PartialDate;
}

/** Shared result of the lines without dates (most lines): line scans are cached, so fewer objects to keep. */
const NO_DATES: readonly RawDate[] = Object.freeze([]);

/** Scans one line's tokens for dates (offsets are those of the tokens). */
export function scanDateTokens(tokens: Tokens, grammar: DateGrammar, relative: boolean): readonly RawDate[] {
  let found: RawDate[] | undefined;
  let index = 0;
  while (index < tokens.count) {
    const result = tokens.kind(index) === TOKEN_NUMBER || grammar.triggers.has(tokens.word(index)) ? scanAt(tokens, index, grammar) : undefined;
    if (result) {
      (found ??= []).push(result.date);
      index = result.next;
      continue;
    }
    if (relative) {
      const match = grammar.relative.matchAt(tokens, index);
      if (match) {
        (found ??= []).push({
          start: tokens.start(index),
          end: tokens.end(index + match.length - 1),
          kind: 'relative',
          parts: [],
          form: `relative expression '${match.text}'`,
          score: 0.5,
          offset: match.value,
          notes: [],
        });
        index += match.length;
        continue;
      }
    }
    index++;
  }
  return found ?? NO_DATES;
}

function scanAt(tokens: Tokens, index: number, grammar: DateGrammar): { date: RawDate; next: number } | undefined {
  // A bare day number followed by connectors and a full date: "19 hoặc 22/3", "16 - 17/4".
  if (shortNumber(tokens, index) !== undefined && standsAlone(tokens, index, grammar)) {
    const chain = dayChain(tokens, index, grammar);
    if (chain) return chain;
  }
  const core = parseCore(tokens, index, grammar);
  if (!core) return undefined;
  let first = core.first;
  const notes: string[] = [];
  // A modifier directly before a month or year ("cuối tháng 10") is part of the span.
  if (!core.date.day || core.form.startsWith('month name')) {
    const modifier = modifierBefore(tokens, first, grammar);
    if (modifier > 0) {
      notes.push(`modifier '${tokens.texts(first - modifier, first).join(' ')}'`);
      first -= modifier;
    }
  }
  // A date without a year takes the year of a date it is joined to: "tháng 3 đến tháng 12/2025".
  if (core.date.year === undefined && core.next < tokens.count - 1) {
    if (grammar.alternatives.has(tokens, core.next) || grammar.ranges.has(tokens, core.next)) {
      const following = parseCore(tokens, core.next + 1, grammar);
      if (following?.date.year !== undefined) {
        core.date.year = following.date.year;
        notes.push('year from the following date');
      }
    }
  }
  const date: RawDate = {
    start: tokens.start(first),
    end: tokens.end(core.next - 1),
    kind: core.rangeEnd ? 'range' : 'single',
    parts: core.rangeEnd ? [core.date, core.rangeEnd] : [core.date],
    form: core.form,
    score: core.date.year !== undefined ? 0.95 : core.date.day !== undefined ? 0.9 : 0.85,
    notes,
  };
  return { date, next: core.next };
}

function modifierBefore(tokens: Tokens, index: number, grammar: DateGrammar): number {
  if (grammar.modifiers.hasPair(tokens, index - 2)) return 2;
  if (tokens.isWord(index - 1) && grammar.modifiers.has(tokens, index - 1)) return 1;
  return 0;
}

/** "19 hoặc 22/3", "16 - 17/4", "19, 20 và 22/3": bare days joined to a date that has the month. */
function dayChain(tokens: Tokens, index: number, grammar: DateGrammar): { date: RawDate; next: number } | undefined {
  const days: number[] = [];
  let position = index;
  let isRange = false;
  while (position + 1 < tokens.count) {
    const day = shortNumber(tokens, position);
    if (day === undefined) return undefined;
    days.push(day);
    const connector = position + 1;
    if (grammar.ranges.has(tokens, connector)) isRange = true;
    else if (!grammar.alternatives.has(tokens, connector) && !tokens.isChar(connector, COMMA)) return undefined;
    const core = parseCore(tokens, position + 2, grammar);
    if (core) {
      if (core.date.day === undefined || core.date.month === undefined || core.rangeEnd) return undefined;
      if (isRange && days.length > 1) return undefined;
      const month = core.date.month;
      if (!days.every((other) => validDayMonth(other, month))) return undefined;
      const parts: PartialDate[] = days.map((other) => ({ day: other, month, year: core.date.year }));
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

/** Punctuation glued before a number that makes it part of something else ("-19", "#3", "$5"). */
const GLUED_BEFORE = new Set('-/.+#$€£¥%,'.split('').map((char) => char.charCodeAt(0)));
/** Punctuation glued after a number that makes it a quantity or a part of something else. */
const GLUED_AFTER = new Set('-/%+°$€£¥'.split('').map((char) => char.charCodeAt(0)));

function oneCharIn(tokens: Tokens, index: number, set: ReadonlySet<number>): boolean {
  return tokens.end(index) - tokens.start(index) === 1 && set.has(tokens.source.charCodeAt(tokens.start(index)));
}

/** Whether a number token is free-standing: not glued to letters or other numbers ("COVID-19", "2020/QĐ"). */
function standsAlone(tokens: Tokens, index: number, grammar: DateGrammar): boolean {
  const previous = index - 1;
  if (previous >= 0 && !tokens.spaceBefore(index)) {
    if (tokens.kind(previous) !== TOKEN_PUNCT || oneCharIn(tokens, previous, GLUED_BEFORE)) return false;
  }
  const next = index + 1;
  if (next < tokens.count && !tokens.spaceBefore(next)) {
    if (tokens.kind(next) !== TOKEN_PUNCT || oneCharIn(tokens, next, GLUED_AFTER)) return false;
  }
  if (grammar.notAfter.has(tokens, previous)) return false;
  if (grammar.notAfter.hasPair(tokens, index - 2)) return false;
  return true;
}

function hasContextBefore(tokens: Tokens, index: number, grammar: DateGrammar): boolean {
  let position = index - 1;
  if (tokens.isChar(position, 0x28)) position--; // "sáng nay (14/10)"
  if (position < 0) return false;
  return grammar.context.has(tokens, position) || grammar.context.hasPair(tokens, position - 1);
}

function parseCore(tokens: Tokens, index: number, grammar: DateGrammar): Core | undefined {
  if (index >= tokens.count) return undefined;
  const kind = tokens.kind(index);
  if (kind === TOKEN_NUMBER) return parseNumberCore(tokens, index, grammar);
  if (kind !== TOKEN_WORD) return undefined;
  // "tháng 10", "tháng 12/2025", "tháng 10 năm 2021", "tháng Giêng"
  if (grammar.monthWords.has(tokens, index)) {
    const next = index + 1;
    if (next >= tokens.count) return undefined;
    const named = grammar.months.get(tokens.word(next));
    let month: number | undefined;
    let year: number | undefined;
    let position = index + 2;
    if (named !== undefined) month = named;
    else if (tokens.kind(next) === TOKEN_NUMBER && standsAlone(tokens, next, grammar)) {
      // "10" or "12/2025"
      if (!readShape(tokens, next) || shape.digits[0] > 2) return undefined;
      if (shape.groups === 2) {
        if ((shape.joiners[0] !== SLASH && shape.joiners[0] !== DASH) || shape.digits[1] !== 4) return undefined;
        year = shape.values[1];
      } else if (shape.groups !== 1) return undefined;
      month = shape.values[0];
    }
    if (month === undefined || month < 1 || month > 12 || (year !== undefined && !validYear(year))) return undefined;
    if (year === undefined) {
      const yearPart = yearAfterWord(tokens, position, grammar);
      if (yearPart) {
        year = yearPart.year;
        position = yearPart.next;
      }
    }
    return { first: index, next: position, date: { year, month }, form: `month word '${tokens.text(index)}'` };
  }
  // "năm 2020"
  if (grammar.yearWords.has(tokens, index)) {
    const yearPart = yearAfterWord(tokens, index, grammar);
    if (yearPart) return { first: index, next: yearPart.next, date: { year: yearPart.year }, form: `year word '${tokens.text(index)}'` };
    return undefined;
  }
  // English month names, capitalised: "November 18, 2019", "Nov. 18", "November 2019"
  const month = grammar.months.get(tokens.word(index));
  if (month !== undefined && tokens.capitalised(index)) return parseMonthName(tokens, index, month, grammar);
  // "in 2019"
  if (grammar.yearPrepositions.has(tokens, index)) {
    const position = index + 1 + (grammar.modifiers.has(tokens, index + 1) ? 1 : 0);
    const year = fourDigits(tokens, position);
    if (year !== undefined && validYear(year) && standsAlone(tokens, position, grammar)) {
      return { first: index + 1, next: position + 1, date: { year }, form: `year after '${tokens.text(index)}'` };
    }
  }
  return undefined;
}

/** `năm 2020` starting at tokens[index] (the year word). */
function yearAfterWord(tokens: Tokens, index: number, grammar: DateGrammar): { year: number; next: number } | undefined {
  if (index + 1 >= tokens.count || !grammar.yearWords.has(tokens, index)) return undefined;
  const year = fourDigits(tokens, index + 1);
  if (year === undefined || !standsAlone(tokens, index + 1, grammar)) return undefined;
  return validYear(year) ? { year, next: index + 2 } : undefined;
}

/** A day of the month: "18", "18th", "2nd". */
function dayNumber(tokens: Tokens, index: number): number | undefined {
  if (index >= tokens.count) return undefined;
  const source = tokens.source;
  const start = tokens.start(index);
  const end = tokens.end(index);
  let day = 0;
  let position = start;
  while (position < end && position - start < 2) {
    const code = source.charCodeAt(position);
    if (code < 48 || code > 57) break;
    day = day * 10 + code - 48;
    position++;
  }
  if (position === start) return undefined;
  if (position < end) {
    if (end - position !== 2) return undefined;
    const suffix = source.slice(position, end).toLowerCase();
    if (suffix !== 'st' && suffix !== 'nd' && suffix !== 'rd' && suffix !== 'th') return undefined;
  }
  return day >= 1 && day <= 31 ? day : undefined;
}

function parseMonthName(tokens: Tokens, index: number, month: number, grammar: DateGrammar): Core | undefined {
  let position = index + 1;
  if (tokens.isChar(position, DOT)) position++;
  const form = `month name '${tokens.text(index)}'`;
  const day = position < tokens.count && tokens.kind(position) !== TOKEN_PUNCT ? dayNumber(tokens, position) : undefined;
  if (day !== undefined && validDayMonth(day, month) && standsAlone(tokens, position, grammar)) {
    position++;
    let yearIndex = position;
    if (tokens.isChar(yearIndex, COMMA)) yearIndex++;
    const year = fourDigits(tokens, yearIndex);
    if (year !== undefined && validYear(year)) {
      return { first: index, next: yearIndex + 1, date: { year, month, day }, form };
    }
    return { first: index, next: position, date: { month, day }, form };
  }
  const year = fourDigits(tokens, position);
  if (year !== undefined && validYear(year)) {
    return { first: index, next: position + 1, date: { year, month }, form };
  }
  // A month name alone only in full spelling and mid-sentence ("in November"), not an abbreviation.
  if (tokens.end(index) - tokens.start(index) >= 5 && !tokens.sentenceStart(index)) {
    return { first: index, next: index + 1, date: { month }, form };
  }
  return undefined;
}

function dateJoiner(code: number): boolean {
  return code === DASH || code === SLASH || code === DOT;
}

/** A date written with digits, starting at tokens[index]. */
function parseNumberCore(tokens: Tokens, index: number, grammar: DateGrammar): Core | undefined {
  if (isTime(tokens, index) || !standsAlone(tokens, index, grammar)) return undefined;
  if (readShape(tokens, index)) {
    const { groups, values, digits, joiners } = shape;
    if (groups === 3 && dateJoiner(joiners[0]) && joiners[1] === joiners[0] && digits[1] <= 2 && digits[2] <= 2 && digits[0] === 4) {
      const [year, month, day] = [values[0], values[1], values[2]];
      if (!validYear(year) || !validDayMonth(day, month)) return undefined;
      return { first: index, next: index + 1, date: { year, month, day }, form: 'y-m-d' };
    }
    if (groups === 3 && dateJoiner(joiners[0]) && joiners[1] === joiners[0] && digits[0] <= 2 && digits[1] <= 2 && digits[2] === 4) {
      const [day, month, year] = [values[0], values[1], values[2]];
      if (!validYear(year) || !validDayMonth(day, month)) return undefined;
      const joiner = String.fromCharCode(joiners[0]);
      return { first: index, next: index + 1, date: { year, month, day }, form: `d${joiner}m${joiner}y` };
    }
    // "16-17/4" and "8-25/11/2025": a range written without spaces.
    if (
      (groups === 3 || (groups === 4 && joiners[2] === SLASH && digits[3] === 4)) &&
      joiners[0] === DASH && joiners[1] === SLASH && digits[0] <= 2 && digits[1] <= 2 && digits[2] <= 2
    ) {
      const [from, to, month] = [values[0], values[1], values[2]];
      const year = groups === 4 ? values[3] : undefined;
      if (!validDayMonth(from, month) || !validDayMonth(to, month) || from >= to) return undefined;
      if (year !== undefined && !validYear(year)) return undefined;
      return { first: index, next: index + 1, date: { year, month, day: from }, rangeEnd: { year, month, day: to }, form: 'day range d-d/m' };
    }
    if (groups === 2 && (joiners[0] === DASH || joiners[0] === SLASH) && digits[0] <= 2 && digits[1] <= 2) {
      const [day, month] = [values[0], values[1]];
      if (!validDayMonth(day, month)) return undefined;
      const context = hasContextBefore(tokens, index, grammar);
      // "15-3" is a date only after a date word; otherwise it is a score or a range of numbers.
      if (joiners[0] === DASH && !context) return undefined;
      // "1/3 dân số": a small fraction, unless a date word announces it.
      if (joiners[0] === SLASH && day < month && month <= 4 && !context) return undefined;
      const joiner = String.fromCharCode(joiners[0]);
      return { first: index, next: index + 1, date: { month, day }, form: `d${joiner}m` };
    }
  }
  // "4 tháng 12 năm 2018", "18 November 2019"
  const day = dayNumber(tokens, index);
  const next = index + 1;
  if (day !== undefined && tokens.isWord(next)) {
    if (grammar.monthWords.has(tokens, next)) {
      const monthCore = parseCore(tokens, next, grammar);
      if (monthCore?.date.month !== undefined && validDayMonth(day, monthCore.date.month)) {
        return { first: index, next: monthCore.next, date: { ...monthCore.date, day }, form: `day and ${monthCore.form}` };
      }
    }
    const month = grammar.months.get(tokens.word(next));
    if (month !== undefined && tokens.capitalised(next) && validDayMonth(day, month)) {
      let position = index + 2;
      if (tokens.isChar(position, DOT)) position++;
      const year = fourDigits(tokens, position);
      const form = `day and month name '${tokens.text(next)}'`;
      if (year !== undefined && validYear(year)) {
        return { first: index, next: position + 1, date: { year, month, day }, form };
      }
      return { first: index, next: index + 2, date: { month, day }, form };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Values

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** ISO 8601 text of a partial date; unknown years give "--MM-DD" / "--MM". */
export function isoDate(date: PartialDate): string | undefined {
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
  let year = date.year;
  if (year === undefined && publication?.year !== undefined && date.month !== undefined) {
    year = publication.year;
    let note = `year from publication date ${publication.year}`;
    if (publication.month !== undefined && date.month - publication.month > 6) {
      year--;
      note = `year before the publication date ${publication.year}`;
    }
    if (!notes.includes(note)) notes.push(note);
  }
  return isoText(year, date.month, date.day) ?? '';
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
    value = resolveRelative(raw.offset, publication);
    reasons.push(raw.form);
    if (value !== undefined) reasons.push(`resolved from publication date ${isoDate(publication ?? {})}`);
  } else {
    const notes: string[] = [];
    const parts = raw.parts;
    if (raw.kind === 'single') value = isoWithYear(parts[0], publication, notes);
    else {
      const values = parts.map((part) => isoWithYear(part, publication, notes));
      value = raw.kind === 'range' ? `${values[0]}/${values[values.length - 1]}` : values;
    }
    let reason = `date ${raw.form}`;
    if (notes.length > 0) reason += `, ${notes.join(', ')}`;
    else if (!parts.every((part) => part.year !== undefined) && parts.some((part) => part.month !== undefined)) reason += ', year unknown';
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
    if (range && (end < range.start || start > range.end)) return;
    const tokens = tokenize(text, grammar.vocabulary, start, end);
    for (const raw of scanDateTokens(tokens, grammar, opts.relative === true)) {
      suggestions.push(resolveDate(raw, text, line, opts.publicationDate));
    }
  });
  return suggestions;
}

/**
 * The page's publication date: the first full date on a short line near the top that looks like a
 * timestamp (a time of day beside it, or little else on the line): "06:16 | 23/03/2021 GMT+7",
 * "Thứ hai, 22/3/2021, 10:05 (GMT+7)", "Published Nov 18, 2019 10:02am". Undefined when none is found.
 */
export function findPublicationDate(text: string, lexicon?: EntityLexicon, maxLines = 40): PartialDate | undefined {
  const grammar: DateGrammar = lexicon ? dateGrammar(lexicon, undefined) : EMPTY_GRAMMAR;
  let seen = 0;
  for (const line of lineSpans(text.length > 20_000 ? text.slice(0, 20_000) : text)) {
    if (line.end === line.start) continue;
    if (++seen > maxLines) break;
    if (line.end - line.start > 100) continue;
    const tokens = tokenize(text, grammar.vocabulary, line.start, line.end);
    const full = scanDateTokens(tokens, grammar, false).find(
      (raw) => raw.kind === 'single' && raw.parts[0].year !== undefined && raw.parts[0].day !== undefined,
    );
    if (!full) continue;
    // the first such line wins: a timestamp heads the article, later dates belong to its text
    let hasTime = false;
    let words = 0;
    for (let index = 0; index < tokens.count; index++) {
      if (isTime(tokens, index)) hasTime = true;
      else if (tokens.isWord(index)) words++;
    }
    if (hasTime || words <= 6) return full.parts[0];
  }
  return undefined;
}

const EMPTY_VOCABULARY = new Vocabulary();
const EMPTY_GRAMMAR: DateGrammar = {
  vocabulary: EMPTY_VOCABULARY,
  monthWords: new WordSet(EMPTY_VOCABULARY),
  yearWords: new WordSet(EMPTY_VOCABULARY),
  context: new WordSet(EMPTY_VOCABULARY),
  modifiers: new WordSet(EMPTY_VOCABULARY),
  alternatives: new WordSet(EMPTY_VOCABULARY),
  ranges: new WordSet(EMPTY_VOCABULARY),
  months: new Map(),
  yearPrepositions: new WordSet(EMPTY_VOCABULARY),
  notAfter: new WordSet(EMPTY_VOCABULARY),
  relative: new PhraseMatcher<string | undefined>(EMPTY_VOCABULARY),
  triggers: new IdTable(),
};
