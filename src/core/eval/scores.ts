// Precision / recall / F1 from counts. Corpus scores are micro-averaged: counts are summed over documents
// first, then turned into ratios, so long documents weigh more than short ones.

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export function emptyCounts(): Counts {
  return { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
}

export function addCounts(total: Counts, more: Counts): Counts {
  total.truePositives += more.truePositives;
  total.falsePositives += more.falsePositives;
  total.falseNegatives += more.falseNegatives;
  return total;
}

/**
 * Ratios of the counts. A ratio with an empty denominator is 1 when there was nothing to find and nothing
 * was found (perfect agreement on an empty set), otherwise 0.
 */
export function scoresOf(counts: Counts): Scores {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = counts;
  const nothingAtAll = tp + fp + fn === 0;
  const precision = tp + fp === 0 ? (nothingAtAll ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? (nothingAtAll ? 1 : 0) : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}

/** Micro-average: sums the counts of every document, then computes the ratios. */
export function microAverage(perDocument: readonly Counts[]): Scores {
  const total = emptyCounts();
  for (const counts of perDocument) addCounts(total, counts);
  return scoresOf(total);
}
