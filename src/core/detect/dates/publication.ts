// The page's publication date, read from its header timestamp: the reference that completes dates written
// without a year.
import type { EntityLexicon } from '../lexicons';
import { lineSpans } from '../../text/lines';
import { type Tokens, tokenize } from '../words';
import { type DateGrammar, dateGrammar, EMPTY_GRAMMAR } from './grammar';
import { scanDateTokens } from './scan/compose';
import { isTime } from './scan/numbers';
import type { PartialDate, RawDate } from './types';

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
      if (raw.kind === 'single' && part.year !== undefined && part.day !== undefined && !part.lunar) {
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
