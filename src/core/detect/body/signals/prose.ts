// Running prose vs page furniture, from the line alone: length, stop-word density (jusText's strongest
// signal) and sentence punctuation.

import type { EvidenceLog } from '../evidence';
import type { Evidence, LineInfo } from '../types';

/** Lines with fewer words are too short for their stop-word density to mean anything. */
export const MIN_DENSITY_WORDS = 3;

/** A page whose long lines have fewer stop words than this is judged as if they had this many. */
const MIN_PROSE_LEVEL = 0.2;

/**
 * proseLevel: the typical stop-word density of the page's prose, when the language is known. A line's
 * density is judged relative to it, so the thresholds hold for lists that cover much of a language
 * (Vietnamese: even titles reach 0.4) as well as for sparse ones (English prose: about 0.45).
 */
export function addProseEvidence(log: EvidenceLog, info: LineInfo, proseLevel: number | undefined): void {
  const chars = info.width;
  if (info.wordHashes.length === 0) {
    log.markConclusive(info, -4, 'no words');
    return;
  }
  if (chars < 20) log.addShared(info, VERY_SHORT);
  else if (chars < 45) log.addShared(info, SHORT);
  else if (chars >= 150) log.addShared(info, LONG);
  else if (chars >= 90) log.addShared(info, FAIRLY_LONG);

  if (proseLevel !== undefined && info.wordHashes.length >= MIN_DENSITY_WORDS) {
    const relative = info.stopwordShare / Math.max(proseLevel, MIN_PROSE_LEVEL);
    const level = relative >= 0.75 ? 0 : relative >= 0.5 ? 1 : relative >= 0.25 ? 2 : 3;
    log.addShared(info, densityEvidence(info.stopwordShare, level));
  }

  if (info.endsSentence) log.addShared(info, ENDS_SENTENCE);
  if (info.innerSentenceEnds > 0) log.addShared(info, SEVERAL_SENTENCES[Math.min(info.innerSentenceEnds, 3) - 1]);
}

const VERY_SHORT: Evidence = { weight: -1.6, reason: 'very short line' };
const SHORT: Evidence = { weight: -0.9, reason: 'short line' };
const LONG: Evidence = { weight: 1.2, reason: 'long line' };
const FAIRLY_LONG: Evidence = { weight: 0.6, reason: 'fairly long line' };
const ENDS_SENTENCE: Evidence = { weight: 0.9, reason: 'ends like a sentence' };
/** For one, two, three or more sentence ends inside the line. */
const SEVERAL_SENTENCES: Evidence[] = [0.5, 1, 1.2].map((weight) => ({ weight, reason: 'several sentences' }));
/** Weights of the density levels: near the page's prose, half of it, a quarter, less. */
const DENSITY_WEIGHTS = [1.4, 0.6, -0.4, -1.4];

/**
 * Density evidence by density and level: a page has few distinct densities, and formatting numbers is
 * slow.
 */
const densityEvidences = new Map<number, Evidence[]>();
const MAX_DENSITIES = 10_000;

function densityEvidence(share: number, level: number): Evidence {
  let byLevel = densityEvidences.get(share);
  if (byLevel === undefined) {
    const reason = `stop-word density ${share.toFixed(2)}`;
    byLevel = DENSITY_WEIGHTS.map((weight) => ({ weight, reason }));
    if (densityEvidences.size < MAX_DENSITIES) densityEvidences.set(share, byLevel);
  }
  return byLevel[level];
}
