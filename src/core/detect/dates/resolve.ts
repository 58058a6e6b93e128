// Resolving raw dates into suggestions: ISO 8601 values (a missing year from the publication date), page
// evidence (a bare "17-4" counts on a page that writes its dates so elsewhere), and the span conventions (a
// list gives one suggestion per date; a range one span, or its two ends when asked).
import type { Suggestion } from '../../model/types';
import { monthDayKey } from './scan/numbers';
import type { DateRangeSpans, PartialDate, RawDate } from './types';

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/**
 * ISO 8601 text of a partial date; unknown years give "--MM-DD" / "--MM" and a day alone "---DD" (the XML
 * Schema gMonthDay / gMonth / gDay forms), centuries two digits ("13"). A lunar date keeps its lunar month
 * and day behind "lunar:" ("lunar:2021-01-03", "lunar:--01-03"): it is not converted to the Gregorian
 * calendar, since the Vietnamese lunar calendar and the Chinese one that ICU implements differ in some years.
 */
export function isoDate(date: PartialDate): string | undefined {
  if (date.year === undefined && date.century !== undefined) return pad(date.century - 1);
  return calendarText(date, isoText(date.year, date.month, date.day));
}

function calendarText(date: PartialDate, text: string | undefined): string | undefined {
  return date.lunar && text !== undefined ? `lunar:${text}` : text;
}

function isoText(year: number | undefined, month: number | undefined, day: number | undefined): string | undefined {
  if (year === undefined) {
    if (month === undefined) return day !== undefined ? `---${pad(day)}` : undefined;
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
  return calendarText(date, isoText(resolvedYear(date, publication, notes), date.month, date.day)) ?? '';
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

/** What resolving a page's dates depends on besides each date. */
export interface DatePage {
  publication: PartialDate | undefined;
  /** The page writes day-month dates with a dash where a date word or another date vouches for them. */
  dashDates: boolean;
  ranges: DateRangeSpans;
}

/** Whether some of a line's dates are day-month written with a dash and vouched for (page evidence). */
export function hasDashDates(dates: readonly RawDate[]): boolean {
  for (let k = 0; k < dates.length; k++) if (dates[k].dashStyle) return true;
  return false;
}

/**
 * Turns a raw date into its suggestions (pushed to `out`) with ISO values and reasons; `offset` shifts a
 * line's offsets into the document `text`. A list gives one suggestion per date; a range one span with an
 * interval value, or with `page.ranges` 'ends' a suggestion for each end with its own value. A day-month
 * that needs the page's date style gives none on a page without it.
 */
export function resolveDates(raw: RawDate, text: string, line: number, page: DatePage, offset: number, out: Suggestion[]): void {
  if (raw.needsPageStyle && !page.dashDates) return;
  const publication = page.publication;
  const pieces = raw.pieces;
  if (pieces && (raw.kind === 'list' || (raw.kind === 'range' && page.ranges === 'ends'))) {
    const notes: string[] = [];
    const values = raw.kind === 'range' ? rangeValues(raw.parts, publication, notes).split('/') : raw.parts.map((part) => isoWithYear(part, publication, notes));
    for (let k = 0; k < values.length; k++) {
      const about = raw.kind === 'range' ? `${k === 0 ? 'start' : 'end'} of the ${raw.form} ${values.join('/')}` : raw.form;
      const reasons = [dateReason(about, [raw.parts[k]], notes), ...raw.notes, `rule ${raw.rules.join(' + ')}`];
      out.push(suggestionOf(raw, text, line, offset, pieces[2 * k], pieces[2 * k + 1], values[k], reasons));
    }
    return;
  }
  out.push(resolveDate(raw, text, line, publication, offset));
}

function dateReason(form: string, parts: readonly PartialDate[], notes: readonly string[]): string {
  let reason = `date ${form}`;
  if (notes.length > 0) reason += `, ${notes.join(', ')}`;
  else if (parts.some((part) => part.year === undefined && part.month !== undefined)) reason += ', year unknown';
  if (parts.some((part) => part.lunar)) reason += ', lunar calendar (value not converted)';
  return reason;
}

function suggestionOf(raw: RawDate, text: string, line: number, offset: number, from: number, to: number, value: string | string[] | undefined, reasons: string[]): Suggestion {
  const start = from + offset;
  const end = to + offset;
  const suggestion: Suggestion = { start, end, label: 'date', text: text.slice(start, end), score: raw.score, reasons, rules: raw.rules, line };
  if (value !== undefined && value !== '') suggestion.value = value;
  return suggestion;
}

/** Turns a raw date into one suggestion with its ISO value and reasons (a list or range as one span);
 * `offset` shifts a line's offsets into the document `text`. */
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
    reasons.push(dateReason(raw.form, parts, notes));
    for (const note of raw.notes) reasons.push(note);
  }
  reasons.push(`rule ${raw.rules.join(' + ')}`);
  return suggestionOf(raw, text, line, offset, raw.start, raw.end, value, reasons);
}
