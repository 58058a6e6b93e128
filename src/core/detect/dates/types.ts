// The shapes the date stages pass on: a partial date, a raw date found in a line (cacheable per line text),
// and a date part being parsed.
import type { DateRuleId } from './rules';

export interface PartialDate {
  year?: number;
  month?: number;
  day?: number;
  /** Ordinal century ("14th century" = 14), for dates that name only a century. */
  century?: number;
  /** Year relative to the publication year ("tháng 1 năm sau" = +1), when no year is written. */
  yearOffset?: number;
  /** A date of the lunar calendar ("mùng 3 Tết": month 1, day 3). */
  lunar?: boolean;
}

/** How a range is suggested: one span with an interval value (the default), or its two ends apart (the
 * convention of data sets such as PhoNER-COVID19 and TimeML: "từ 20-22/3" -> "20" and "22/3"). */
export type DateRangeSpans = 'whole' | 'ends';

export interface DateOptions {
  publicationDate?: PartialDate;
  relative?: boolean;
  lang?: string;
  ranges?: DateRangeSpans;
}

/** A date found in a line before the year is resolved (cacheable per line text). */
export interface RawDate {
  start: number;
  end: number;
  /** 'list': dates listed together ("19, 21 và 23-8"), suggested one by one. */
  kind: 'single' | 'alternatives' | 'range' | 'list' | 'relative';
  parts: PartialDate[];
  /** Offsets of each part's own text (start, end, start, end, …) when a range or list writes its parts
   * apart: a list is suggested one span per part, a range so when its ends are asked for. */
  pieces?: number[];
  /** Short description of the form, for the reasons ("d/m", "month word 'tháng'"). */
  form: string;
  /** The rules that made it (DATE_RULES): its part first, then its joins. */
  rules: DateRuleId[];
  score: number;
  /** Kept only on a page that writes its dates the same way elsewhere (rule 'dm-dash-page'). */
  needsPageStyle?: boolean;
  /** Written as day-month with a dash ("15-3"): evidence of the page's date style. */
  dashStyle?: boolean;
  /** Relative offset from the lexicon ("-1d"), for kind 'relative'. */
  offset?: string;
  /** ISO weekday (Monday = 1) of a weekday named alone, for kind 'relative'. */
  weekday?: number;
  /** Extra reasons found while scanning. */
  notes: string[];
}

/** One date part being parsed, in token indices. */
export interface Core {
  first: number;
  /** Index after the last token. */
  next: number;
  date: PartialDate;
  form: string;
  rule: DateRuleId;
  /** Set when the core is itself a range ("16-17/4" written without spaces, "2019-2020"). */
  rangeEnd?: PartialDate;
  /** For a range written in one core: where its first end stops and its last end starts (offsets). */
  firstEnd?: number;
  lastStart?: number;
  /** End offset when the span stops inside its last token ("2019-11-18T10"). */
  endOffset?: number;
  /** Set for a quarter ("quý III"): `date` is its first month, `rangeEnd` its last. */
  quarter?: boolean;
  /** Written as day-month with a dash. */
  dash?: boolean;
  /** Accepted only where the page writes its dates so (see RawDate.needsPageStyle). */
  weak?: boolean;
}
