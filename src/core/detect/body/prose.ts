// Running prose vs page furniture, from the line alone: length, stop-word density (jusText's strongest
// signal) and sentence punctuation.

import { addEvidence, markConclusive, type LineInfo } from './lineInfo';

/** Lines with fewer words are too short for their stop-word density to mean anything. */
export const MIN_DENSITY_WORDS = 3;

/** A page whose long lines have fewer stop words than this is judged as if they had this many. */
const MIN_PROSE_LEVEL = 0.2;

/**
 * proseLevel: the typical stop-word density of the page's prose, when the language is known. A line's
 * density is judged relative to it, so the thresholds hold for lists that cover much of a language
 * (Vietnamese: even titles reach 0.4) as well as for sparse ones (English prose: about 0.45).
 */
export function addProseEvidence(info: LineInfo, proseLevel: number | undefined): void {
  const chars = info.text.length;
  if (info.wordHashes.length === 0) {
    markConclusive(info, -4, 'no words');
    return;
  }
  if (chars < 20) addEvidence(info, -1.6, 'very short line');
  else if (chars < 45) addEvidence(info, -0.9, 'short line');
  else if (chars >= 150) addEvidence(info, 1.2, 'long line');
  else if (chars >= 90) addEvidence(info, 0.6, 'fairly long line');

  if (proseLevel !== undefined && info.wordHashes.length >= MIN_DENSITY_WORDS) {
    const relative = info.stopwordShare / Math.max(proseLevel, MIN_PROSE_LEVEL);
    const reason = densityReason(info.stopwordShare);
    if (relative >= 0.75) addEvidence(info, 1.4, reason);
    else if (relative >= 0.5) addEvidence(info, 0.6, reason);
    else if (relative >= 0.25) addEvidence(info, -0.4, reason);
    else addEvidence(info, -1.4, reason);
  }

  if (info.endsSentence) addEvidence(info, 0.9, 'ends like a sentence');
  if (info.innerSentenceEnds > 0) addEvidence(info, Math.min(1.2, 0.5 * info.innerSentenceEnds), 'several sentences');
}

/** Reason texts by density: a page has few distinct densities, and formatting numbers is slow. */
const densityReasons = new Map<number, string>();
const MAX_DENSITY_REASONS = 10_000;

function densityReason(share: number): string {
  let reason = densityReasons.get(share);
  if (reason === undefined) {
    reason = `stop-word density ${share.toFixed(2)}`;
    if (densityReasons.size < MAX_DENSITY_REASONS) densityReasons.set(share, reason);
  }
  return reason;
}
