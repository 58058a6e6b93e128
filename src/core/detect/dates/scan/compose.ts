// Joins of the date grammar: a line's tokens scanned for date parts (./parts.ts) and the ways they combine —
// a modifier or weekday before a part, ranges and alternatives of parts, lists of days before their month,
// days alone after a day word — into raw dates naming their rules (../rules.ts).
import type { IdTable, Tokens } from '../../words';
import type { DateGrammar } from '../grammar';
import { type DateRuleId, ruleWeight } from '../rules';
import type { Core, PartialDate, RawDate } from '../types';
import * as numbers from './numbers';
import * as dateParts from './parts';

// Read once into module constants: a CommonJS build (tsx, tests) turns every use of an imported binding into
// a getter call, and these are called for every token.
const { COMMA, countAfter, gluedBeforeFree, isConnector, isTime, monthDayKey, NUMBER, shortNumber, standsAlone, startsWithDigit, validDayMonth, WORD } = numbers;
const { parseCore, weekdayBefore } = dateParts;

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
  // token index after the date found last, for dates joined to it ("4-8, 10-8 và 12-8")
  let after = -1;
  let index = 0;
  while (index < count) {
    const kind = tokens.kind(index);
    // Only numbers, words starting with a digit ("18th") and a few lexicon words can start a date.
    if (kind === NUMBER || (kind === WORD && (triggers.has(tokens.word(index)) || (hasDigits && startsWithDigit(tokens, index))))) {
      const previous = found?.[found.length - 1];
      const result = scanAt(tokens, index, grammar, previous, after >= 0 && index - after <= 2 && joinedAfter(tokens, after, index, grammar));
      if (result && result.date.start >= floor) {
        (found ??= []).push(result.date);
        floor = result.date.end;
        index = after = result.next;
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

/** Whether tokens[index] follows the date that ended before tokens[after] across a connector, perhaps with a
 * day word ("4-8, 10-8", "21/4 và ngày 24-4"). */
function joinedAfter(tokens: Tokens, after: number, index: number, grammar: DateGrammar): boolean {
  if (!isConnector(tokens, after, grammar) || grammar.alternatives.has(tokens, after)) return false;
  return index === after + 1 || (index === after + 2 && grammar.dayWords.has(tokens, after + 1));
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
      rules: ['relative'],
      score: ruleWeight('relative'),
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
    rules: ['weekday-alone'],
    score: ruleWeight('weekday-alone'),
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

/** The weight of a date made by `rules`: its part's, lowered by its weakest join. */
function scoreOf(rules: readonly DateRuleId[]): number {
  let score = 1;
  for (let k = 0; k < rules.length; k++) score = Math.min(score, ruleWeight(rules[k]));
  return score;
}

function scanAt(tokens: Tokens, index: number, grammar: DateGrammar, previous: RawDate | undefined, joined: boolean): { date: RawDate; next: number } | undefined {
  // A bare day number followed by connectors and a full date: "19 hoặc 22/3", "16 - 17/4", "19, 21 và 23-8".
  const chain = dayChain(tokens, index, grammar);
  if (chain) return chain;
  const core = parseCore(tokens, index, grammar, joined);
  if (!core) return bareDays(tokens, index, grammar, previous);
  let first = core.first;
  let form = core.form;
  const notes: string[] = [];
  const rules: DateRuleId[] = [core.rule];
  // A modifier directly before a month, a year or a century ("cuối tháng 10") is part of the span.
  const modifier = core.date.day === undefined || core.rule === 'month-name' ? modifierBefore(tokens, first, grammar) : 0;
  if (modifier > 0) {
    notes.push(`modifier '${tokens.texts(first - modifier, first).join(' ')}'`);
    rules.push('modifier');
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
        rules.push('cumulative');
      }
    }
  } else if (core.date.day !== undefined && !isTime(tokens, core.next)) {
    // A weekday joined to a day is part of the span ("Friday, Dec. 6", "thứ Sáu 5/3"); not on a page's
    // timestamp ("Chủ nhật, 26/10/2025 15:42"), where the weekday is page furniture like the clock time.
    const weekday = weekdayBefore(tokens, first, grammar);
    if (weekday < first) {
      notes.push(`weekday '${tokens.textOf(weekday, first).replace(/[\s,]+$/, '')}'`);
      rules.push('weekday');
      first = weekday;
    }
  }
  const joinedTo = joinedDate(tokens, core, grammar, notes);
  if (joinedTo && notes[notes.length - 1] === YEAR_OF_FOLLOWING) rules.push('year-of-following');
  const last = joinedTo?.core ?? core;
  const parts = joinedTo ? [core.date, joinedTo.core.date] : core.rangeEnd ? [core.date, core.rangeEnd] : [core.date];
  const start = tokens.start(first);
  const end = last.endOffset ?? tokens.end(last.next - 1);
  let kind: RawDate['kind'] = joinedTo ? joinedTo.kind : core.rangeEnd ? 'range' : 'single';
  let pieces: number[] | undefined;
  if (joinedTo) {
    rules.push(joinedTo.kind === 'range' ? 'range' : joinedTo.kind === 'list' ? 'list' : 'alternatives');
    if (joinedTo.kind !== 'alternatives') pieces = [start, core.endOffset ?? tokens.end(core.next - 1), tokens.start(joinedTo.core.first), end];
    form = `${joinedTo.kind === 'range' ? 'range' : joinedTo.kind === 'list' ? 'list' : 'alternatives'} of ${form}`;
  } else if (core.rangeEnd && core.firstEnd !== undefined && core.lastStart !== undefined) {
    rules.push('range');
    pieces = [start, core.firstEnd, core.lastStart, end];
  }
  // "15/8 âm lịch": a marker after a day and month says the calendar (the marker is not part of the span)
  if (kind === 'single' && core.date.day !== undefined && core.date.month !== undefined && !core.date.lunar && lunarMarkerAt(tokens, last.next, grammar)) {
    core.date.lunar = true;
    rules.push('lunar');
    notes.push(`lunar calendar: '${tokens.textOf(last.next, last.next + 2).trim()}'`);
  }
  if (kind === 'list' && !pieces) kind = 'single';
  const date: RawDate = { start, end, kind, parts, form, rules, score: scoreOf(rules), notes };
  if (pieces) date.pieces = pieces;
  if (core.weak && !joinedTo) date.needsPageStyle = true;
  else if (core.dash || joinedTo?.core.dash) date.dashStyle = true;
  return { date, next: last.next };
}

function lunarMarkerAt(tokens: Tokens, index: number, grammar: DateGrammar): boolean {
  return index < tokens.count && tokens.isWord(index) && (grammar.lunarMarkers.has(tokens, index) || grammar.lunarMarkers.hasPair(tokens, index));
}

const YEAR_OF_FOLLOWING = 'year from the following date';

/** The token after a connector where the next date starts: a day word or a time of day may come between a
 * range or list word and the date ("đến ngày 25-7", "đến sáng 24-4"), not after a comma ("là 14, ngày 31/7"
 * is no list). */
function afterConnector(tokens: Tokens, connector: number, grammar: DateGrammar): number {
  if (tokens.isChar(connector, COMMA) || !tokens.isWord(connector + 1)) return connector + 1;
  return (grammar.dayWords.has(tokens, connector + 1) || grammar.context.has(tokens, connector + 1)) && !grammar.ranges.has(tokens, connector + 1) ? connector + 2 : connector + 1;
}

/**
 * A date joined to `core` by a range, alternative or list word, when `core` has no year of its own: "1/1 đến
 * 30/4/2025" and "tháng 3 đến tháng 12/2025" are one range, "tháng 12 hoặc tháng 1 năm sau" one span with
 * both dates, "tháng 3 và tháng 4/2025" a list. `core` takes the year of the date it is joined to, also when
 * they stay apart.
 */
function joinedDate(tokens: Tokens, core: Core, grammar: DateGrammar, notes: string[]): { core: Core; kind: 'range' | 'alternatives' | 'list' } | undefined {
  const date = core.date;
  if (date.year !== undefined || date.century !== undefined || date.yearOffset !== undefined || date.lunar || core.rangeEnd || core.next >= tokens.count - 1) return undefined;
  const isRange = grammar.ranges.has(tokens, core.next);
  const isList = !isRange && grammar.listWords.has(tokens, core.next);
  if (!isRange && !isList && !grammar.alternatives.has(tokens, core.next)) return undefined;
  const following = parseCore(tokens, afterConnector(tokens, core.next, grammar), grammar, true);
  if (!following) return undefined;
  const other = following.date;
  if (other.year !== undefined) {
    date.year = other.year;
    // "20/12 đến 5/1/2026": a range that crosses the new year starts in the year before
    if (isRange && monthDayKey(date) > monthDayKey(other)) date.year--;
    notes.push(YEAR_OF_FOLLOWING);
  }
  const sameForm = !following.rangeEnd && (date.day === undefined) === (other.day === undefined) && (date.month === undefined) === (other.month === undefined);
  if (!sameForm) return undefined;
  if (isRange) {
    // without years, an interval must run forward ("tháng 3 đến tháng 5")
    if (other.year === undefined && other.yearOffset === undefined && monthDayKey(date) >= monthDayKey(other)) return undefined;
    return { core: following, kind: 'range' };
  }
  // dates without any year ("tháng 3 và tháng 4") stay separate dates
  if (other.year === undefined && other.yearOffset === undefined) return undefined;
  return { core: following, kind: isList ? 'list' : 'alternatives' };
}

function modifierBefore(tokens: Tokens, index: number, grammar: DateGrammar): number {
  if (grammar.modifiers.hasPair(tokens, index - 2)) return 2;
  if (tokens.isWord(index - 1) && grammar.modifiers.has(tokens, index - 1)) return 1;
  return 0;
}


/**
 * Bare days joined to a date that has the month: "19 hoặc 22/3" (alternatives, one span), "16 - 17/4" (a
 * range), "19, 21 và 23-8" (a list: one date per day). A day word may follow a connector ("16 đến ngày 20-7").
 */
function dayChain(tokens: Tokens, index: number, grammar: DateGrammar): { date: RawDate; next: number } | undefined {
  // cheap tests first: most numbers are not followed by a connector
  if (!isConnector(tokens, index + 1, grammar) || shortNumber(tokens, index) === undefined || !standsAlone(tokens, index, grammar)) return undefined;
  let position = index;
  let isRange = false;
  let isAlternatives = false;
  const days: number[] = [];
  while (position + 1 < tokens.count) {
    if (shortNumber(tokens, position) === undefined || !standsAlone(tokens, position, grammar)) return undefined;
    days.push(position);
    const connector = position + 1;
    if (grammar.ranges.has(tokens, connector)) isRange = true;
    else if (grammar.alternatives.has(tokens, connector)) isAlternatives = true;
    else if (!grammar.listWords.has(tokens, connector) && !tokens.isChar(connector, COMMA)) return undefined;
    const next = afterConnector(tokens, connector, grammar);
    const core = parseCore(tokens, next, grammar, true);
    if (core) {
      if (core.date.day === undefined || core.date.month === undefined || core.rangeEnd || core.date.lunar) return undefined;
      if (isRange && days.length > 1) return undefined;
      const month = core.date.month;
      const parts: PartialDate[] = [];
      const pieces: number[] = [];
      for (const at of days) {
        const day = shortNumber(tokens, at) ?? 0;
        if (!validDayMonth(day, month)) return undefined;
        // a range runs forward ("16 - 17/4"; "20 - 3/4" is not a range of days)
        if (isRange && day >= (core.date.day ?? 0)) return undefined;
        parts.push({ day, month, year: core.date.year });
        pieces.push(tokens.start(at), tokens.end(at));
      }
      parts.push(core.date);
      pieces.push(tokens.start(core.first), core.endOffset ?? tokens.end(core.next - 1));
      const kind = isRange ? 'range' : isAlternatives ? 'alternatives' : 'list';
      const rules: DateRuleId[] = [core.rule, kind];
      const date: RawDate = {
        start: tokens.start(index),
        end: tokens.end(core.next - 1),
        kind,
        parts,
        form: isRange ? `day range ending in ${core.form}` : isAlternatives ? `alternative days of ${core.form}` : `days listed before ${core.form}`,
        rules,
        score: scoreOf(rules),
        notes: [],
      };
      if (kind !== 'alternatives') date.pieces = pieces;
      if (core.dash) date.dashStyle = true;
      return { date, next: core.next };
    }
    position = next;
  }
  return undefined;
}

/**
 * Days alone after a day word, their month not written: "ngày 24", "các ngày 22, 23, 24, 27". The month and
 * year come from the date before them on the line ("ngày 21-4 …, đến ngày 24"); without one they stay unknown
 * (ISO "---24"). Not before a count word ("ngày 2 lần"), a clock time or a recurrence ("ngày 25 hằng tháng").
 */
function bareDays(tokens: Tokens, index: number, grammar: DateGrammar, previous: RawDate | undefined): { date: RawDate; next: number } | undefined {
  if (!grammar.dayWords.has(tokens, index - 1) || shortNumber(tokens, index) === undefined) return undefined;
  const reference = previous && previous.kind !== 'relative' ? previous.parts[previous.parts.length - 1] : undefined;
  const month = reference?.day !== undefined && !reference.lunar ? reference.month : undefined;
  const parts: PartialDate[] = [];
  const pieces: number[] = [];
  let position = index;
  let last = index;
  for (;;) {
    const day = shortNumber(tokens, position);
    if (day === undefined || !standsAlone(tokens, position, grammar) || countAfter(tokens, position, grammar) || isTime(tokens, position + 1) || grammar.recurring.hasPair(tokens, position + 1)) break;
    if (day < 1 || (month !== undefined ? !validDayMonth(day, month) : day > 31)) break;
    parts.push(month !== undefined ? { day, month, year: reference?.year } : { day });
    pieces.push(tokens.start(position), tokens.end(position));
    last = position;
    const connector = position + 1;
    if (connector >= tokens.count || !(tokens.isChar(connector, COMMA) || grammar.listWords.has(tokens, connector))) break;
    position = connector + 1;
  }
  if (parts.length === 0) return undefined;
  const rules: DateRuleId[] = parts.length > 1 ? ['day', 'list'] : ['day'];
  const date: RawDate = {
    start: pieces[0],
    end: pieces[pieces.length - 1],
    kind: parts.length > 1 ? 'list' : 'single',
    parts,
    form: month !== undefined ? 'day after a day word, month of the date before' : 'day after a day word',
    rules,
    score: scoreOf(rules),
    notes: [],
  };
  if (parts.length > 1) date.pieces = pieces;
  return { date, next: last + 1 };
}
