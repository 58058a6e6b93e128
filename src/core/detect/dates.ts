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
import { lineSpans } from '../text/lines';
import { PhraseMatcher, TOKEN_NUMBER, TOKEN_PUNCT, TOKEN_WORD, type WordToken, wordTokens } from './words';

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
  dayWords: Set<string>;
  monthWords: Set<string>;
  yearWords: Set<string>;
  context: Set<string>;
  modifiers: Set<string>;
  alternatives: Set<string>;
  ranges: Set<string>;
  months: Map<string, number>;
  yearPrepositions: Set<string>;
  notAfter: Set<string>;
  relative: PhraseMatcher<string | undefined>;
  /** Lower-case words that can start a date (numbers always can). */
  triggers: Set<string>;
}

export function dateGrammar(lexicon: EntityLexicon, lang?: string): DateGrammar {
  return lexicon.compiled('dates', lang, () => {
    const words = (section: string): Set<string> =>
      new Set(lexicon.entries('dates', section, lang).map((entry) => entry.text.toLowerCase()));
    const months = new Map<string, number>();
    for (const entry of lexicon.entries('dates', 'months', lang)) {
      const month = Number(entry.value);
      if (Number.isInteger(month) && month >= 1 && month <= 12) months.set(entry.text.toLowerCase(), month);
    }
    const relative = new PhraseMatcher<string | undefined>();
    for (const [, entries] of lexicon.sections('relative-dates', lang)) {
      for (const entry of entries) relative.add(entry.text, entry.value);
    }
    const triggers = new Set<string>([...words('month-words'), ...words('year-words'), ...months.keys(), ...words('year-prepositions'), ...words('modifiers')]);
    return {
      triggers,
      dayWords: words('day-words'),
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

function isTime(text: string): boolean {
  return /^\d{1,2}:\d{2}(?::\d{2})?(?:am|pm|h)?$/i.test(text);
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

/** Scans one line's tokens for dates. `text` is the whole document (tokens carry absolute offsets). */
export function scanDateTokens(tokens: readonly WordToken[], grammar: DateGrammar, relative: boolean): RawDate[] {
  const found: RawDate[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index];
    const result = token.kind === TOKEN_NUMBER || grammar.triggers.has(token.lower) ? scanAt(tokens, index, grammar) : undefined;
    if (result) {
      found.push(result.date);
      index = result.next;
      continue;
    }
    if (relative) {
      const match = grammar.relative.matchAt(tokens, index);
      if (match) {
        const last = tokens[index + match.length - 1];
        found.push({
          start: tokens[index].start,
          end: last.end,
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
  return found;
}

function scanAt(tokens: readonly WordToken[], index: number, grammar: DateGrammar): { date: RawDate; next: number } | undefined {
  const token = tokens[index];
  // A bare day number followed by connectors and a full date: "19 hoặc 22/3", "16 - 17/4".
  if (token.kind === TOKEN_NUMBER && /^\d{1,2}$/.test(token.text) && standsAlone(tokens, index, grammar)) {
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
      notes.push(`modifier '${tokens.slice(first - modifier, first).map((t) => t.text).join(' ')}'`);
      first -= modifier;
    }
  }
  // A date without a year takes the year of a date it is joined to: "tháng 3 đến tháng 12/2025".
  if (core.date.year === undefined && core.next < tokens.length - 1) {
    const connector = tokens[core.next];
    if (grammar.alternatives.has(connector.lower) || grammar.ranges.has(connector.lower)) {
      const following = parseCore(tokens, core.next + 1, grammar);
      if (following?.date.year !== undefined) {
        core.date.year = following.date.year;
        notes.push('year from the following date');
      }
    }
  }
  const date: RawDate = {
    start: tokens[first].start,
    end: tokens[core.next - 1].end,
    kind: core.rangeEnd ? 'range' : 'single',
    parts: core.rangeEnd ? [core.date, core.rangeEnd] : [core.date],
    form: core.form,
    score: core.date.year !== undefined ? 0.95 : core.date.day !== undefined ? 0.9 : 0.85,
    notes,
  };
  return { date, next: core.next };
}

function modifierBefore(tokens: readonly WordToken[], index: number, grammar: DateGrammar): number {
  if (index >= 2 && grammar.modifiers.has(`${tokens[index - 2].lower} ${tokens[index - 1].lower}`)) return 2;
  if (index >= 1 && tokens[index - 1].kind === TOKEN_WORD && grammar.modifiers.has(tokens[index - 1].lower)) return 1;
  return 0;
}

/** "19 hoặc 22/3", "16 - 17/4", "19, 20 và 22/3": bare days joined to a date that has the month. */
function dayChain(tokens: readonly WordToken[], index: number, grammar: DateGrammar): { date: RawDate; next: number } | undefined {
  const days: number[] = [];
  let position = index;
  let isRange = false;
  while (position + 1 < tokens.length) {
    const token = tokens[position];
    if (token.kind !== TOKEN_NUMBER || !/^\d{1,2}$/.test(token.text)) return undefined;
    days.push(Number(token.text));
    const connector = tokens[position + 1];
    if (grammar.ranges.has(connector.lower)) isRange = true;
    else if (!grammar.alternatives.has(connector.lower) && connector.text !== ',') return undefined;
    const core = parseCore(tokens, position + 2, grammar);
    if (core) {
      if (core.date.day === undefined || core.date.month === undefined || core.rangeEnd) return undefined;
      if (isRange && days.length > 1) return undefined;
      const month = core.date.month;
      if (!days.every((day) => validDayMonth(day, month))) return undefined;
      const parts: PartialDate[] = days.map((day) => ({ day, month, year: core.date.year }));
      parts.push(core.date);
      const date: RawDate = {
        start: tokens[index].start,
        end: tokens[core.next - 1].end,
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

/** Whether a number token is free-standing: not glued to letters or other numbers ("COVID-19", "2020/QĐ"). */
function standsAlone(tokens: readonly WordToken[], index: number, grammar: DateGrammar): boolean {
  const token = tokens[index];
  const previous = tokens[index - 1];
  if (previous && !token.spaceBefore) {
    if (previous.kind !== TOKEN_PUNCT || /^[-/.+#$€£¥%,]$/.test(previous.text)) return false;
  }
  const next = tokens[index + 1];
  if (next && !next.spaceBefore) {
    if (next.kind !== TOKEN_PUNCT || /^[-/%+°$€£¥]$/.test(next.text)) return false;
  }
  if (previous && grammar.notAfter.has(previous.lower)) return false;
  if (index >= 2 && grammar.notAfter.has(`${tokens[index - 2].lower} ${previous.lower}`)) return false;
  return true;
}

function hasContextBefore(tokens: readonly WordToken[], index: number, grammar: DateGrammar): boolean {
  let position = index - 1;
  if (position >= 0 && tokens[position].text === '(') position--; // "sáng nay (14/10)"
  if (position < 0) return false;
  const previous = tokens[position];
  if (grammar.context.has(previous.lower)) return true;
  if (position >= 1 && grammar.context.has(`${tokens[position - 1].lower} ${previous.lower}`)) return true;
  return false;
}

function parseCore(tokens: readonly WordToken[], index: number, grammar: DateGrammar): Core | undefined {
  const token = tokens[index];
  if (token === undefined) return undefined;
  if (token.kind === TOKEN_NUMBER) return parseNumberCore(tokens, index, grammar);
  if (token.kind !== TOKEN_WORD) return undefined;
  // "tháng 10", "tháng 12/2025", "tháng 10 năm 2021", "tháng Giêng"
  if (grammar.monthWords.has(token.lower)) {
    const next = tokens[index + 1];
    if (!next) return undefined;
    const named = grammar.months.get(next.lower);
    let month: number | undefined;
    let year: number | undefined;
    let position = index + 2;
    if (named !== undefined) month = named;
    else if (next.kind === TOKEN_NUMBER && standsAlone(tokens, index + 1, grammar)) {
      const parts = /^(\d{1,2})(?:[/-](\d{4}))?$/.exec(next.text);
      if (!parts) return undefined;
      month = Number(parts[1]);
      if (parts[2] !== undefined) year = Number(parts[2]);
    }
    if (month === undefined || month < 1 || month > 12 || (year !== undefined && !validYear(year))) return undefined;
    if (year === undefined) {
      const yearPart = yearAfterWord(tokens, position, grammar);
      if (yearPart) {
        year = yearPart.year;
        position = yearPart.next;
      }
    }
    return { first: index, next: position, date: { year, month }, form: `month word '${token.text}'` };
  }
  // "năm 2020"
  if (grammar.yearWords.has(token.lower)) {
    const yearPart = yearAfterWord(tokens, index, grammar);
    if (yearPart) return { first: index, next: yearPart.next, date: { year: yearPart.year }, form: `year word '${token.text}'` };
    return undefined;
  }
  // English month names, capitalised: "November 18, 2019", "Nov. 18", "November 2019"
  const month = grammar.months.get(token.lower);
  if (month !== undefined && token.capitalised) return parseMonthName(tokens, index, month, grammar);
  // "in 2019"
  if (grammar.yearPrepositions.has(token.lower)) {
    const next = tokens[index + 1];
    let position = index + 1;
    const modifier = next && grammar.modifiers.has(next.lower) ? 1 : 0;
    position += modifier;
    const yearToken = tokens[position];
    if (yearToken?.kind === TOKEN_NUMBER && /^\d{4}$/.test(yearToken.text) && validYear(Number(yearToken.text)) && standsAlone(tokens, position, grammar)) {
      return { first: index + 1, next: position + 1, date: { year: Number(yearToken.text) }, form: `year after '${token.text}'` };
    }
  }
  return undefined;
}

/** `năm 2020` starting at tokens[index] (the year word). */
function yearAfterWord(tokens: readonly WordToken[], index: number, grammar: DateGrammar): { year: number; next: number } | undefined {
  const word = tokens[index];
  const number = tokens[index + 1];
  if (!word || !number || !grammar.yearWords.has(word.lower)) return undefined;
  if (number.kind !== TOKEN_NUMBER || !/^\d{4}$/.test(number.text) || !standsAlone(tokens, index + 1, grammar)) return undefined;
  const year = Number(number.text);
  return validYear(year) ? { year, next: index + 2 } : undefined;
}

function dayNumber(token: WordToken | undefined): number | undefined {
  if (!token) return undefined;
  const match = /^(\d{1,2})(?:st|nd|rd|th)?$/i.exec(token.text);
  if (!match) return undefined;
  const day = Number(match[1]);
  return day >= 1 && day <= 31 ? day : undefined;
}

function parseMonthName(tokens: readonly WordToken[], index: number, month: number, grammar: DateGrammar): Core | undefined {
  let position = index + 1;
  if (tokens[position]?.text === '.') position++;
  const form = `month name '${tokens[index].text}'`;
  const day = tokens[position]?.kind !== TOKEN_PUNCT ? dayNumber(tokens[position]) : undefined;
  if (day !== undefined && validDayMonth(day, month) && standsAlone(tokens, position, grammar)) {
    position++;
    let yearIndex = position;
    if (tokens[yearIndex]?.text === ',') yearIndex++;
    const yearToken = tokens[yearIndex];
    if (yearToken?.kind === TOKEN_NUMBER && /^\d{4}$/.test(yearToken.text) && validYear(Number(yearToken.text))) {
      return { first: index, next: yearIndex + 1, date: { year: Number(yearToken.text), month, day }, form };
    }
    return { first: index, next: position, date: { month, day }, form };
  }
  const yearToken = tokens[position];
  if (yearToken?.kind === TOKEN_NUMBER && /^\d{4}$/.test(yearToken.text) && validYear(Number(yearToken.text))) {
    return { first: index, next: position + 1, date: { year: Number(yearToken.text), month }, form };
  }
  // A month name alone only in full spelling and mid-sentence ("in November"), not an abbreviation.
  if (tokens[index].text.length >= 5 && !tokens[index].sentenceStart) {
    return { first: index, next: index + 1, date: { month }, form };
  }
  return undefined;
}

/** A date written with digits, starting at tokens[index]. */
function parseNumberCore(tokens: readonly WordToken[], index: number, grammar: DateGrammar): Core | undefined {
  const token = tokens[index];
  const text = token.text;
  if (isTime(text) || !standsAlone(tokens, index, grammar)) return undefined;
  let match = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(text);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[3]), Number(match[4])];
    if (!validYear(year) || !validDayMonth(day, month)) return undefined;
    return { first: index, next: index + 1, date: { year, month, day }, form: 'y-m-d' };
  }
  match = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(text);
  if (match) {
    const [day, month, year] = [Number(match[1]), Number(match[3]), Number(match[4])];
    if (!validYear(year) || !validDayMonth(day, month)) return undefined;
    return { first: index, next: index + 1, date: { year, month, day }, form: `d${match[2]}m${match[2]}y` };
  }
  // "16-17/4" and "8-25/11/2025": a range written without spaces.
  match = /^(\d{1,2})-(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/.exec(text);
  if (match) {
    const [from, to, month] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const year = match[4] !== undefined ? Number(match[4]) : undefined;
    if (!validDayMonth(from, month) || !validDayMonth(to, month) || from >= to) return undefined;
    if (year !== undefined && !validYear(year)) return undefined;
    return { first: index, next: index + 1, date: { year, month, day: from }, rangeEnd: { year, month, day: to }, form: 'day range d-d/m' };
  }
  match = /^(\d{1,2})([-/])(\d{1,2})$/.exec(text);
  if (match) {
    const [day, month] = [Number(match[1]), Number(match[3])];
    if (!validDayMonth(day, month)) return undefined;
    const context = hasContextBefore(tokens, index, grammar);
    // "15-3" is a date only after a date word; otherwise it is a score or a range of numbers.
    if (match[2] === '-' && !context) return undefined;
    // "1/3 dân số": a small fraction, unless a date word announces it.
    if (match[2] === '/' && day < month && month <= 4 && !context) return undefined;
    return { first: index, next: index + 1, date: { month, day }, form: `d${match[2]}m` };
  }
  // "4 tháng 12 năm 2018", "18 November 2019"
  const day = dayNumber(token);
  const next = tokens[index + 1];
  if (day !== undefined && next?.kind === TOKEN_WORD) {
    if (grammar.monthWords.has(next.lower)) {
      const monthCore = parseCore(tokens, index + 1, grammar);
      if (monthCore?.date.month !== undefined && validDayMonth(day, monthCore.date.month)) {
        return { first: index, next: monthCore.next, date: { ...monthCore.date, day }, form: `day and ${monthCore.form}` };
      }
    }
    const month = grammar.months.get(next.lower);
    if (month !== undefined && next.capitalised && validDayMonth(day, month)) {
      let position = index + 2;
      if (tokens[position]?.text === '.') position++;
      const yearToken = tokens[position];
      if (yearToken?.kind === TOKEN_NUMBER && /^\d{4}$/.test(yearToken.text) && validYear(Number(yearToken.text))) {
        return { first: index, next: position + 1, date: { year: Number(yearToken.text), month, day }, form: `day and month name '${next.text}'` };
      }
      return { first: index, next: index + 2, date: { month, day }, form: `day and month name '${next.text}'` };
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
  if (date.year === undefined) {
    if (date.month === undefined) return undefined;
    return date.day !== undefined ? `--${pad(date.month)}-${pad(date.day)}` : `--${pad(date.month)}`;
  }
  let text = pad(date.year, 4);
  if (date.month !== undefined) {
    text += `-${pad(date.month)}`;
    if (date.day !== undefined) text += `-${pad(date.day)}`;
  }
  return text;
}

/**
 * Completes a date without a year from the publication date. News reports mostly look back, so a day/month
 * more than six months after the publication month is taken from the year before.
 */
function withYear(date: PartialDate, publication: PartialDate | undefined): { date: PartialDate; note?: string } {
  if (date.year !== undefined || publication?.year === undefined || date.month === undefined) return { date };
  let year = publication.year;
  let note = `year from publication date ${publication.year}`;
  if (publication.month !== undefined && date.month - publication.month > 6) {
    year--;
    note = `year before the publication date ${publication.year}`;
  }
  return { date: { ...date, year }, note };
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

/** Turns a raw date into a suggestion with its ISO value and reasons. */
export function resolveDate(raw: RawDate, text: string, line: number, publication: PartialDate | undefined): Suggestion {
  const reasons: string[] = [];
  let value: string | string[] | undefined;
  if (raw.kind === 'relative') {
    value = resolveRelative(raw.offset, publication);
    reasons.push(raw.form);
    if (value !== undefined) reasons.push(`resolved from publication date ${isoDate(publication ?? {})}`);
  } else {
    const notes = new Set<string>();
    const values = raw.parts.map((part) => {
      const completed = withYear(part, publication);
      if (completed.note) notes.add(completed.note);
      return isoDate(completed.date) ?? '';
    });
    if (raw.kind === 'range') value = `${values[0]}/${values[values.length - 1]}`;
    else if (raw.kind === 'alternatives') value = values;
    else value = values[0];
    const known = raw.parts.every((part) => part.year !== undefined);
    let reason = `date ${raw.form}`;
    if (notes.size > 0) reason += `, ${[...notes].join(', ')}`;
    else if (!known && raw.parts.some((part) => part.month !== undefined)) reason += ', year unknown';
    reasons.push(reason, ...raw.notes);
  }
  const suggestion: Suggestion = {
    start: raw.start,
    end: raw.end,
    label: 'date',
    text: text.slice(raw.start, raw.end),
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
  for (const line of lineSpans(text)) {
    if (range && (line.end < range.start || line.start > range.end)) continue;
    const tokens = wordTokens(text, line.start, line.end);
    for (const raw of scanDateTokens(tokens, grammar, opts.relative === true)) {
      suggestions.push(resolveDate(raw, text, line.line, opts.publicationDate));
    }
  }
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
    const tokens = wordTokens(text, line.start, line.end);
    const full = scanDateTokens(tokens, grammar, false).find(
      (raw) => raw.kind === 'single' && raw.parts[0].year !== undefined && raw.parts[0].day !== undefined,
    );
    if (!full) continue;
    // the first such line wins: a timestamp heads the article, later dates belong to its text
    const hasTime = tokens.some((token) => isTime(token.text));
    const words = tokens.filter((token) => token.kind === TOKEN_WORD && !isTime(token.text)).length;
    if (hasTime || words <= 6) return full.parts[0];
  }
  return undefined;
}

const EMPTY_GRAMMAR: DateGrammar = {
  dayWords: new Set(),
  monthWords: new Set(),
  yearWords: new Set(),
  context: new Set(),
  modifiers: new Set(),
  alternatives: new Set(),
  ranges: new Set(),
  months: new Map(),
  yearPrepositions: new Set(),
  notAfter: new Set(),
  relative: new PhraseMatcher<string | undefined>(),
  triggers: new Set(),
};
