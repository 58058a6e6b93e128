// Credit and byline lines: "Jane Doe/Agency/Photo Service", "Natalie Roe | Agency | Images",
// "(Image: © Some Collaboration)", "By Bill Smith | Special to the Daily". Short lines that name sources,
// joined by slashes or bars, or carrying a copyright sign. They sit between an article's paragraphs
// (under its photos) but are not its text.

import type { EvidenceLog } from '../evidence';
import type { LineInfo } from '../types';

const MAX_CREDIT_CHARS = 70;
const CREDIT_WEIGHT = -2.5;

function isLetter(char: string | undefined): boolean {
  return char !== undefined && char.toLowerCase() !== char.toUpperCase();
}

/** A short line with a copyright sign, " | ", or a slash between letters ("Reuters/Getty"), not a URL. */
export function looksLikeCredit(text: string): boolean {
  if (text.length > MAX_CREDIT_CHARS || text.includes('://') || text.includes('www.')) return false;
  if (text.includes('©') || text.includes(' | ')) return true;
  for (let at = text.indexOf('/'); at >= 0; at = text.indexOf('/', at + 1)) {
    const before = text[at - 1] === ' ' ? text[at - 2] : text[at - 1];
    const after = text[at + 1] === ' ' ? text[at + 2] : text[at + 1];
    if (isLetter(before) && isLetter(after)) return true;
  }
  return false;
}

export function addCreditEvidence(log: EvidenceLog, info: LineInfo): void {
  if (info.creditLike) log.add(info, CREDIT_WEIGHT, 'credit or byline');
}
