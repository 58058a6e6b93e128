// Date suggestions: a grammar of named rules (./rules.ts) over the lexicon's date words (./grammar.ts), in
// three stages — scan a line's tokens for date parts and join them (./scan/), resolve them into suggestions
// with ISO 8601 values against the page (./resolve.ts, ./publication.ts).
//
// Forms: "22/3", "23/03/2021", "15-3", "22/3 năm 2020", "ngày 4 tháng 12 năm 2018", "năm 2020", "cuối tháng 10", "19 hoặc
// 22/3", "các ngày 19, 21 và 23-8", "từ 20-22 tháng 3", "25-3: …", "mùng 3 Tết", "Nov 18, 2019",
// "2019-11-18", "18 de novembro de 2019", "thế kỷ 20", "quý III/2025".
//
// Spans follow docs/annotation-guidelines.md: the date value with its own day/month/year words, a modifier
// ("cuối", "early") and a weekday joined to it ("Friday, Dec. 6"), never a leading context word ("ngày",
// "hôm", "vào", "trong", "on").
//
// All words live in lexicons/entities/dates.<lang>.txt and relative-dates.<lang>.txt.
import type { Suggestion } from '../../model/types';
import { forEachLine } from '../../text/lines';
import type { EntityLexicon } from '../lexicons';
import { tokenize } from '../words';
import { dateGrammar } from './grammar';
import { type DatePage, hasDashDates, resolveDates } from './resolve';
import { scanDateTokens } from './scan/compose';
import type { DateOptions, RawDate } from './types';

export { type DateGrammar, dateGrammar } from './grammar';
export { findPublicationDate } from './publication';
export { type DatePage, hasDashDates, isoDate, resolveDate, resolveDates } from './resolve';
export { DATE_RULES, type DateRule, type DateRuleId } from './rules';
export { scanDateTokens } from './scan/compose';
export type { DateOptions, DateRangeSpans, PartialDate, RawDate } from './types';

/** Date suggestions of a whole text (or of the lines touching [range.start, range.end)). */
export function detectDates(
  text: string,
  opts: DateOptions,
  lexicon: EntityLexicon,
  range?: { start: number; end: number },
): Suggestion[] {
  const grammar = dateGrammar(lexicon, opts.lang);
  const lines: { line: number; dates: readonly RawDate[] }[] = [];
  let dashDates = false;
  forEachLine(text, (line, start, end) => {
    if (start === end) return;
    const dates = scanDateTokens(tokenize(text, grammar.vocabulary, start, end), grammar, opts.relative === true);
    dashDates ||= hasDashDates(dates);
    if (!range || (end >= range.start && start <= range.end)) lines.push({ line, dates });
  });
  const page: DatePage = { publication: opts.publicationDate, dashDates, ranges: opts.ranges ?? 'whole' };
  const suggestions: Suggestion[] = [];
  for (const { line, dates } of lines) {
    // indexed: mostly the shared empty array, and for-of would allocate an iterator per line
    for (let k = 0; k < dates.length; k++) resolveDates(dates[k], text, line, page, 0, suggestions);
  }
  return suggestions;
}
