// The parts of the date grammar: one date written one way, read at a token ("22/3", "tháng 10", "18 November
// 2019", "quý III/2025", "thế kỷ XXI", "mùng 3 Tết"). Each returns a Core naming its rule (./rules.ts); joins
// of parts (ranges, lists, modifiers) are made in ./compose.ts.
import type { Tokens } from '../../words';
import type { DateGrammar } from '../grammar';
import type { Core, PartialDate } from '../types';
import * as numbers from './numbers';

// Read once into module constants: a CommonJS build (tsx, tests) turns every use of an imported binding into
// a getter call, and these are called for every token.
const { COLON, COMMA, countAfter, DASH, dateJoiner, dayNumber, DOT, fourDigits, gluedAfterFree, gluedBeforeFree, contextBefore, DATE_WORD, integerBefore, isTime, NO_CONTEXT, NUMBER, ordinalNumber, plausibleYearRange, PUNCT, readShape, romanNumber, shape, shortNumber, SLASH, standsAlone, startsWithDigit, validDayMonth, validYear, WORD, yearToken } = numbers;

/**
 * The date part starting at tokens[index], or undefined. `joined`: the part follows a range or list word
 * after another date ("19, 21 và 23-8"), which is evidence enough for a bare day-month.
 */
export function parseCore(tokens: Tokens, index: number, grammar: DateGrammar, joined = false): Core | undefined {
  if (index >= tokens.count) return undefined;
  const kind = tokens.kind(index);
  if (kind === NUMBER) return parseNumberCore(tokens, index, grammar, joined);
  if (kind !== WORD) return undefined;
  // "18th November", "1er novembre", "14th century"
  if (startsWithDigit(tokens, index)) return parseNumberCore(tokens, index, grammar, joined) ?? centuryAfter(tokens, index, grammar);
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
    const core: Core = { first: index, next: yearPart.next, date: { year: yearPart.year }, form: `year word '${tokens.text(index)}'`, rule: 'year-word' };
    if (yearPart.endYear !== undefined) setGluedRangeEnd(tokens, index + 1, core, { year: yearPart.endYear }, 4);
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

/** A range written in one token ("16-17/4", "2019-2020", "tháng 3-4"): its first end is the token's first
 * `firstDigits` characters, its last end starts after the joiner. */
function setGluedRangeEnd(tokens: Tokens, index: number, core: Core, end: PartialDate, firstDigits: number): void {
  core.rangeEnd = end;
  core.firstEnd = tokens.start(index) + firstDigits;
  core.lastStart = core.firstEnd + 1;
}

/** "tháng 10" at the month word tokens[index]; `afterDay`: read as the month of the day number before it. */
export function parseMonthWord(tokens: Tokens, index: number, grammar: DateGrammar, afterDay = false): Core | undefined {
  const next = index + 1;
  if (next >= tokens.count) return undefined;
  // a month word after a day number belongs to it ("2 tháng 9"): when that made no date, neither does this
  if (!afterDay && index > 0 && shortNumber(tokens, index - 1) !== undefined) return undefined;
  const named = grammar.months.get(tokens.word(next));
  let month: number | undefined;
  let year: number | undefined;
  let endMonth: number | undefined;
  let firstDigits = 0;
  let position = index + 2;
  if (named !== undefined) month = named;
  else if (tokens.kind(next) === NUMBER && standsAlone(tokens, next, grammar)) {
    // "10", "12/2025", or "3-4" (a range of months)
    if (!readShape(tokens, next) || shape.digits[0] > 2) return undefined;
    if (shape.groups === 2) {
      if (shape.joiners[0] === DASH && shape.digits[1] <= 2) {
        endMonth = shape.values[1];
        firstDigits = shape.digits[0];
        if (endMonth <= shape.values[0] || endMonth > 12) return undefined;
      } else if ((shape.joiners[0] !== SLASH && shape.joiners[0] !== DASH) || shape.digits[1] !== 4) return undefined;
      else year = shape.values[1];
    } else if (shape.groups !== 1) return undefined;
    month = shape.values[0];
  }
  if (month === undefined || month < 1 || month > 12 || (year !== undefined && !validYear(year))) return undefined;
  if (endMonth !== undefined) {
    const core: Core = { first: index, next: position, date: { month }, form: `month word '${tokens.text(index)}'`, rule: 'month-word' };
    const yearPart = yearAfterWord(tokens, position, grammar);
    if (yearPart && yearPart.endYear === undefined) {
      core.date.year = yearPart.year;
      core.next = yearPart.next;
    }
    setGluedRangeEnd(tokens, next, core, { year: core.date.year, month: endMonth }, firstDigits);
    return core;
  }
  const date: PartialDate = { year, month };
  if (year === undefined) {
    const yearPart = yearAfterWord(tokens, position, grammar);
    if (yearPart && yearPart.endYear === undefined) {
      date.year = yearPart.year;
      position = yearPart.next;
    } else position = relativeYearAfter(tokens, position, grammar, date);
  }
  return { first: index, next: position, date, form: `month word '${tokens.text(index)}'`, rule: 'month-word' };
}

/** The month number of a month name at tokens[index] written as the lexicon requires, or undefined. */
export function monthName(tokens: Tokens, index: number, grammar: DateGrammar): number | undefined {
  const id = tokens.word(index);
  if (id < 0) return undefined;
  const month = grammar.months.get(id);
  if (month === undefined || (grammar.capitalMonths.has(id) && !tokens.capitalised(index))) return undefined;
  return month;
}

/** `năm 2020` starting at tokens[index] (the year word). */
export function yearAfterWord(tokens: Tokens, index: number, grammar: DateGrammar): { year: number; endYear?: number; next: number } | undefined {
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
      return {
        first: position, next: position + 3, date: { year: year.year }, rangeEnd: { year: endYear }, form, rule: 'year-preposition',
        firstEnd: tokens.end(position), lastStart: tokens.start(position + 2),
      };
    }
  }
  // "of 2000 people": after these the year must end the phrase
  if (!plain && position + 1 < tokens.count && tokens.kind(position + 1) !== PUNCT) return undefined;
  const core: Core = { first: position, next: position + 1, date: { year: year.year }, form, rule: 'year-preposition' };
  if (year.endYear !== undefined) setGluedRangeEnd(tokens, position, core, { year: year.endYear }, 4);
  return core;
}

/** A day of the month: "18", "18th", "1er", "2º". */

const MAX_CENTURY = 30;

/** "thế kỷ 20", "thế kỷ XXI", "século XIV" starting at the century word tokens[index]. */
function centuryBefore(tokens: Tokens, index: number, grammar: DateGrammar): Core | undefined {
  const words = grammar.centuryBefore.has(tokens, index) ? 1 : grammar.centuryBefore.hasPair(tokens, index) ? 2 : 0;
  if (words === 0) return undefined;
  const position = index + words;
  if (position >= tokens.count) return undefined;
  const century = tokens.kind(position) === NUMBER ? shortNumber(tokens, position) : romanNumber(tokens, position, grammar);
  if (century === undefined || century < 1 || century > MAX_CENTURY) return undefined;
  return { first: index, next: position + 1, date: { century }, form: `century word '${tokens.textOf(index, position)}'`, rule: 'century' };
}

/** "14th century", "XIVe siècle" starting at the ordinal tokens[index]. */
function centuryAfter(tokens: Tokens, index: number, grammar: DateGrammar): Core | undefined {
  if (!grammar.centuryAfter.has(tokens, index + 1)) return undefined;
  // digits need their suffix ("14th"): a bare "14 century" is not how centuries are written
  const century = startsWithDigit(tokens, index) ? (tokens.isWord(index) ? ordinalNumber(tokens, index, grammar) : undefined) : romanNumber(tokens, index, grammar);
  if (century === undefined || century < 1 || century > MAX_CENTURY) return undefined;
  return { first: index, next: index + 2, date: { century }, form: `century word '${tokens.text(index + 1)}'`, rule: 'century' };
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
      return { first: index, next: yearIndex + 1, date: { year, month, day }, form, rule: 'month-name' };
    }
    const date: PartialDate = { month, day };
    return { first: index, next: relativeYearAfter(tokens, position, grammar, date), date, form, rule: 'month-name' };
  }
  const year = yearAfterMonthName(tokens, position, grammar);
  if (year) return { first: index, next: year.next, date: { year: year.year, month }, form, rule: 'month-name' };
  // A month name alone only in full spelling and mid-sentence ("in November"), not an abbreviation.
  if (tokens.end(index) - tokens.start(index) >= 5 && !tokens.sentenceStart(index)) {
    const date: PartialDate = { month };
    return { first: index, next: relativeYearAfter(tokens, index + 1, grammar, date), date, form, rule: 'month-name' };
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
  return { first, next, date, rangeEnd: { ...date, month: quarter * 3 }, form, rule: 'quarter', quarter: true };
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
    return { first: index, next: position + 1, date, rangeEnd: { ...date, month: quarter * 3 }, form, rule: 'quarter', quarter: true };
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

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d/;

/** "2019-11-18T10:00": the tokenizer makes one word of the date and the hour; the span is the date. */
function isoDateTime(tokens: Tokens, index: number): Core | undefined {
  const match = ISO_DATE_TIME.exec(tokens.text(index));
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (!validYear(year) || !validDayMonth(day, month)) return undefined;
  return { first: index, next: index + 1, endOffset: tokens.start(index) + 10, date: { year, month, day }, form: 'y-m-d', rule: 'ymd' };
}

/** A date written with digits, starting at tokens[index]. */
function parseNumberCore(tokens: Tokens, index: number, grammar: DateGrammar, joined: boolean): Core | undefined {
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
      return { first: index, next: index + 1, date: { year, month, day }, form: 'y-m-d', rule: 'ymd' };
    }
    if (!gluedAfterFree(tokens, index)) return undefined;
    if (groups === 3 && dateJoiner(joiners[0]) && joiners[1] === joiners[0] && digits[0] <= 2 && digits[1] <= 2 && digits[2] === 4) {
      const day = values[0];
      const month = values[1];
      const year = values[2];
      if (!validYear(year) || !validDayMonth(day, month)) return undefined;
      const joiner = String.fromCharCode(joiners[0]);
      return { first: index, next: index + 1, date: { year, month, day }, form: `d${joiner}m${joiner}y`, rule: 'dmy', dash: joiners[0] === DASH };
    }
    // "16-17/4" and "8-25/11/2025": a range of days written without spaces.
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
      const core: Core = { first: index, next: index + 1, date: { year, month, day: from }, form: 'day range d-d/m', rule: 'day-range-glued' };
      setGluedRangeEnd(tokens, index, core, { year, month, day: to }, digits[0]);
      return core;
    }
    // "22/6-17/7": two day/months joined by a dash
    if (groups === 4 && joiners[0] === SLASH && joiners[1] === DASH && joiners[2] === SLASH && digits[0] <= 2 && digits[1] <= 2 && digits[2] <= 2 && digits[3] <= 2) {
      if (!validDayMonth(values[0], values[1]) || !validDayMonth(values[2], values[3]) || values[1] * 100 + values[0] >= values[3] * 100 + values[2]) return undefined;
      const core: Core = { first: index, next: index + 1, date: { month: values[1], day: values[0] }, form: 'day range d/m-d/m', rule: 'day-range-glued' };
      setGluedRangeEnd(tokens, index, core, { month: values[3], day: values[2] }, digits[0] + 1 + digits[1]);
      return core;
    }
    if (groups === 2 && joiners[0] === DASH && digits[0] <= 2 && digits[1] <= 2) {
      // "20-22 tháng 3", "25-27 tháng 7": a range of days before their month
      const range = dayRangeBeforeMonth(tokens, index, values[0], values[1], digits[0], grammar);
      if (range) return range;
    }
    if (groups === 2 && (joiners[0] === DASH || joiners[0] === SLASH) && digits[0] <= 2 && digits[1] <= 2) {
      const day = values[0];
      const month = values[1];
      if (!validDayMonth(day, month)) return undefined;
      return dayMonth(tokens, index, day, month, joiners[0], grammar, joined);
    }
    if (groups === 2 && joiners[0] === DASH && digits[0] === 4 && digits[1] === 4 && plausibleYearRange(values[0], values[1])) {
      const core: Core = { first: index, next: index + 1, date: { year: values[0] }, form: 'year range y-y', rule: 'year-range' };
      setGluedRangeEnd(tokens, index, core, { year: values[1] }, 4);
      return core;
    }
    if (groups !== 1 || digits[0] > 2) return undefined;
  }
  // "4 tháng 12 năm 2018", "18 November 2019", "18th of November", "18 de novembro de 2019"
  const day = dayNumber(tokens, index, grammar);
  if (day === undefined) return undefined;
  let next = index + 1;
  if (!tokens.isWord(next)) return undefined;
  if (grammar.monthWords.has(tokens, next)) {
    const monthCore = parseMonthWord(tokens, next, grammar, true);
    if (monthCore?.date.month !== undefined && !monthCore.rangeEnd && validDayMonth(day, monthCore.date.month)) {
      return { first: index, next: monthCore.next, date: { ...monthCore.date, day }, form: `day and ${monthCore.form}`, rule: 'day-month-word' };
    }
    return undefined;
  }
  // "29 Tết", "mùng 3 Tết"
  if (grammar.lunarDays.has(tokens, next)) return lunarDay(tokens, index, day, grammar);
  if (grammar.joiners.has(tokens, next)) next++;
  const month = monthName(tokens, next, grammar);
  if (month === undefined || !validDayMonth(day, month)) return undefined;
  let position = next + 1;
  if (tokens.isChar(position, DOT)) position++;
  const form = `day and month name '${tokens.text(next)}'`;
  const year = yearAfterMonthName(tokens, position, grammar);
  if (year) return { first: index, next: year.next, date: { year: year.year, month, day }, form, rule: 'day-month-name' };
  return { first: index, next: next + 1, date: { month, day }, form, rule: 'day-month-name' };
}

/**
 * "22/3" and "15-3" (tokens[index], already read as a valid day and month), with a year word and year or a
 * relative year after them ("22/3 năm 2020", "20-3 năm nay"). A slash is a date unless it is a small fraction
 * or a count ("1/3 dân số", "3/5 bệnh nhân") without a date word before it. A dash is a date after a date
 * word or a weekday ("ngày 15-3", "sáng nay 12-3", "thứ Hai 23-3"), after a preposition ("từ 13-7"), after a
 * range or list word joining it to another date, or heading a line before a colon ("25-3: …"); alone it is a
 * date only on a page that writes its dates so elsewhere (rule 'dm-dash-page', decided when the page is
 * resolved). Numbers of a count run upwards: before a count word an ascending pair is a range of numbers
 * ("3-4 người", "từ 1-3 lần"; after a date word only before a unit: "ngày 2-3 tuần"), a day at or after its
 * month is not ("24-3 bệnh nhân", "ngày 20-3 triệu chứng"). Right after a whole number neither is a date
 * ("4 5/5A", a house number).
 */
function dayMonth(tokens: Tokens, index: number, day: number, month: number, joiner: number, grammar: DateGrammar, joined: boolean): Core | undefined {
  if (integerBefore(tokens, index)) return undefined;
  const context = contextBefore(tokens, index, grammar);
  const form = joiner === DASH ? 'd-m' : 'd/m';
  const core: Core = { first: index, next: index + 1, date: { month, day }, form, rule: joiner === DASH ? 'dm-dash' : 'dm-slash' };
  const withYear = yearAfterDayMonth(tokens, core, grammar);
  if (joiner === SLASH) {
    if (!withYear && context === NO_CONTEXT && !joined && (countAfter(tokens, index, grammar) || (day < month && month <= 4))) return undefined;
    return core;
  }
  core.dash = true;
  const dated = context === DATE_WORD || joined || weekdayBefore(tokens, index, grammar) < index;
  if (!withYear && day < month && countAfter(tokens, index, grammar, dated)) return undefined;
  if (dated || withYear || context !== NO_CONTEXT) return core;
  if (headsLine(tokens, index) && tokens.isChar(index + 1, COLON)) {
    core.rule = 'dm-timeline';
    return core;
  }
  core.rule = 'dm-dash-page';
  core.weak = true;
  return core;
}

/** A year word and year, or a relative year, right after a day-month core ("22/3 năm 2020", "20-3 năm
 * nay"): taken into the core's span and date; whether there was one. */
function yearAfterDayMonth(tokens: Tokens, core: Core, grammar: DateGrammar): boolean {
  const written = yearAfterWord(tokens, core.next, grammar);
  if (written && written.endYear === undefined) {
    core.date.year = written.year;
    core.next = written.next;
  } else core.next = relativeYearAfter(tokens, core.next, grammar, core.date);
  if (core.next === core.first + 1) return false;
  core.form += ' and year';
  return true;
}

/** Whether tokens[index] starts its line, perhaps after a list mark ("- 25-3: …"). */
function headsLine(tokens: Tokens, index: number): boolean {
  return index === 0 || (index === 1 && tokens.kind(0) === PUNCT);
}

/** "20-22 tháng 3", "25-27 November" at the day-range token tokens[index], its month after it. */
function dayRangeBeforeMonth(tokens: Tokens, index: number, from: number, to: number, fromDigits: number, grammar: DateGrammar): Core | undefined {
  if (from >= to || !tokens.isWord(index + 1)) return undefined;
  let month: Core | undefined;
  if (grammar.monthWords.has(tokens, index + 1)) month = parseMonthWord(tokens, index + 1, grammar, true);
  else {
    const named = monthName(tokens, index + 1, grammar);
    if (named !== undefined) {
      const year = yearAfterMonthName(tokens, index + 2, grammar);
      month = { first: index + 1, next: year?.next ?? index + 2, date: { month: named, year: year?.year }, form: `month name '${tokens.text(index + 1)}'`, rule: 'month-name' };
    }
  }
  if (!month || month.rangeEnd || month.date.month === undefined || !validDayMonth(from, month.date.month) || !validDayMonth(to, month.date.month)) return undefined;
  const { year, month: monthNumber } = month.date;
  const core: Core = { first: index, next: month.next, date: { year, month: monthNumber, day: from }, form: `day range before ${month.form}`, rule: 'day-range-glued' };
  setGluedRangeEnd(tokens, index, core, { year, month: monthNumber, day: to }, fromDigits);
  return core;
}

/** "29 Tết", "mùng 3 Tết" at the day number tokens[index]: days 1-10 of Tết are the first lunar month's, the
 * days before it (20-30) the last month's. A day word before the number ("mùng") is part of the name. */
function lunarDay(tokens: Tokens, index: number, day: number, grammar: DateGrammar): Core | undefined {
  if (day > 30 || (day > 10 && day < 20)) return undefined;
  const first = grammar.lunarDayWords.has(tokens, index - 1) ? index - 1 : index;
  return { first, next: index + 2, date: { month: day <= 10 ? 1 : 12, day, lunar: true }, form: `lunar day '${tokens.text(index + 1)}'`, rule: 'lunar' };
}

/** Index of the first token of a weekday that ends right before tokens[index] (a comma between allowed),
 * or `index` when there is none. */
export function weekdayBefore(tokens: Tokens, index: number, grammar: DateGrammar): number {
  let last = index - 1;
  if (tokens.isChar(last, COMMA)) last--;
  if (!tokens.isWord(last)) return index;
  for (let length = 1; length <= grammar.weekdayTokens && length <= last + 1; length++) {
    const match = grammar.weekdays.matchAt(tokens, last - length + 1, last + 1);
    if (match?.length === length) return last - length + 1;
  }
  return index;
}
