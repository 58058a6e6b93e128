// Timestamp and dateline lines of a page header or footer ("06:16 | 23/03/2021 GMT+7", "Nov 18, 2019 at
// 9:24 pm ET", "Updated: 18 Nov 2019"): short lines built around a time or a date.

import type { EvidenceLog } from '../evidence';
import type { LineInfo } from '../types';

const TIME = /(?:^|\D)\d{1,2}[:h]\d{2}(?:\D|$)/;
const NUMERIC_DATE = /(?:^|\D)\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}(?:\D|$)/;
const YEAR = /(?:^|\D)(?:19|20)\d{2}(?:\D|$)/;
const DAY = /(?:^|\D)\d{1,2}(?:\D|$)/;

const MAX_WORDS = 12;
const MAX_CHARS = 90;
/** At most this many words besides numbers: the line is nothing but a date. */
const BARE_DATE_WORDS = 3;

export function looksLikeTimestamp(text: string): boolean {
  if (TIME.test(text) || NUMERIC_DATE.test(text)) return true;
  return YEAR.test(text) && DAY.test(text.replace(YEAR, ' '));
}

/** Whether the text has a clock time and, besides it, a day ("Jan 10, 2008 4:49 PM", "January 7 17:00"). */
export function hasDateAndTime(text: string): boolean {
  return TIME.test(text) && DAY.test(text.replace(TIME, ' '));
}

/** A short line built around a time or a date. */
export function isTimestampCandidate(text: string, wordCount: number): boolean {
  return wordCount <= MAX_WORDS && text.length <= MAX_CHARS && looksLikeTimestamp(text);
}

export function addTimestampEvidence(log: EvidenceLog, info: LineInfo): void {
  if (!info.timestampLike) return;
  info.dated = true;
  const wordsBesidesNumbers = info.wordHashes.length - info.numberWords;
  if (wordsBesidesNumbers <= BARE_DATE_WORDS) log.markConclusive(info, -3, 'page timestamp');
  else log.add(info, -2, 'dateline');
}
