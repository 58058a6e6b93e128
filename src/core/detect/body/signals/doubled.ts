// "X X": a linked title rendered twice on one line (image alt text + link text), sometimes with the first
// copy cut short ("X' X" where X' is a prefix of X).

import type { EvidenceLog } from '../evidence';
import type { LineInfo } from '../types';

const MIN_COPY_CHARS = 12;

export function isWrittenTwice(text: string): boolean {
  // The second copy starts at a word boundary and begins with the text before it.
  const firstSpace = text.indexOf(' ');
  if (firstSpace < 0) return false;
  const probe = text.slice(0, Math.min(text.length, Math.max(firstSpace, MIN_COPY_CHARS)));
  for (let at = text.indexOf(probe, 1); at > 0; at = text.indexOf(probe, at + 1)) {
    if (text[at - 1] !== ' ' || at < MIN_COPY_CHARS) continue;
    const first = text.slice(0, at).trimEnd();
    if (text.startsWith(first, at)) return true;
  }
  return false;
}

/** isWrittenTwice for lines long enough to hold two copies. */
export function isWrittenTwiceLine(text: string): boolean {
  return text.length >= 2 * MIN_COPY_CHARS && isWrittenTwice(text);
}

export function addDoubledEvidence(log: EvidenceLog, info: LineInfo): void {
  if (info.writtenTwice) {
    log.markConclusive(info, -4, 'title written twice');
    info.linkLike = true;
  }
}
