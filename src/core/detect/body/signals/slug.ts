// URL slugs: a title in lower case without diacritics ("nga lay lam tiec vi doi thoai ..."), alone or in
// front of a linked title. A slug is recognised when it is the de-accented copy of another line of the
// page, or, on a page written with diacritics, when a line is nothing but lower-case ASCII words.

import type { EvidenceLog } from '../evidence';
import { firstWordOf, slugForm } from '../../../text/normalize';
import type { LineInfo } from '../types';

const MIN_SLUG_WORDS = 4;
const ASCII_LOWER_WORD = /^[a-z0-9]+$/;

/** The leading words of text that are lower-case ASCII, and whether they make up the whole line. */
function leadingAsciiWords(text: string): { whole: boolean; words: readonly string[] } {
  const parts = text.split(/\s+/);
  const words: string[] = [];
  for (const part of parts) {
    if (!ASCII_LOWER_WORD.test(part)) break;
    words.push(part);
  }
  return { whole: words.length === parts.length, words };
}

function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 127) return false;
  return true;
}

function startsLowerAscii(text: string): boolean {
  const code = text.charCodeAt(0);
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

export function addSlugEvidence(log: EvidenceLog, lines: readonly LineInfo[], pageHasDiacritics: () => boolean): void {
  const candidates = lines
    .filter((info) => startsLowerAscii(info.text))
    .map((info) => ({ info, leading: (info.features.leadingAscii ??= leadingAsciiWords(info.text)) }))
    .filter(({ leading }) => leading.words.length >= MIN_SLUG_WORDS);
  if (candidates.length === 0) return;
  // Slug forms only of the lines whose first word could start one of the candidate slugs.
  // (De-accenting an NFC word keeps its length, so the length filters cheaply.)
  const firstWords = new Set(candidates.map(({ leading }) => leading.words[0]));
  const firstWordLengths = new Set([...firstWords].map((word) => word.length));
  let longestCandidate = 0;
  for (const { leading } of candidates) longestCandidate = Math.max(longestCandidate, leading.words.join(' ').length);
  const slugForms = new Set<string>();
  for (const other of lines) {
    if (startsLowerAscii(other.text)) continue;
    const features = other.features;
    if (features.firstWord === undefined) features.firstWord = firstWordOf(other.text) ?? null;
    const first = features.firstWord;
    if (first === null || !firstWordLengths.has(first.length)) continue;
    const firstSlug = (features.firstWordSlug ??= isAscii(first) ? first : slugForm(first));
    if (!firstWords.has(firstSlug)) continue;
    // Only slugs as long as a candidate can match, so long lines are de-accented only that far.
    if (!features.slugComplete && (features.slugPrefix === undefined || features.slugPrefix.length <= longestCandidate)) {
      features.slugPrefix = slugForm(other.text, longestCandidate);
      features.slugComplete = features.slugPrefix.length <= longestCandidate;
    }
    if (features.slugComplete) slugForms.add(features.slugPrefix as string);
  }
  // Only prefixes as long as some slug form can match; a prefix of n words is a prefix of the joined words.
  const slugLengths = new Set<number>();
  for (const form of slugForms) slugLengths.add(form.length);
  let diacritics: boolean | undefined;
  for (const { info, leading } of candidates) {
    const joined = leading.words.join(' ');
    let matched = false;
    let end = joined.length;
    for (let n = leading.words.length; n >= MIN_SLUG_WORDS && !matched; n--) {
      matched = slugLengths.has(end) && slugForms.has(joined.slice(0, end));
      end -= leading.words[n - 1].length + 1;
    }
    if (matched) {
      log.markConclusive(info, -4, 'slug of a title');
      info.linkLike = true;
    } else if (leading.whole && (diacritics ??= pageHasDiacritics())) {
      log.markConclusive(info, -3, 'lower case without diacritics');
    }
  }
}
