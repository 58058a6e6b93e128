// Line-level evaluation of body detection: every non-empty line is a decision (body or not); lines the
// gold leaves to the annotator (ignore_lines) are not counted.

import type { LineDecision } from '../model/types';
import { isBlank, lineSpans } from '../text/lines';
import type { GoldRecord } from './gold';
import { scoresOf, type Counts, type Scores } from './scores';

/**
 * Line-level precision, recall and F1 (with the counts behind them) for one document. `predicted` is either
 * the detector's decisions (lines labelled body count) or the list of predicted body line numbers. For a
 * corpus, pass the results of every document to microAverage.
 */
export function evaluateBody(gold: GoldRecord, predicted: readonly LineDecision[] | readonly number[]): Scores {
  if (!gold.body_lines) throw new Error(`${gold.id}: gold record has no body_lines`);
  const goldBody = new Set(gold.body_lines);
  const ignored = new Set(gold.ignore_lines ?? []);
  const predictedBody = new Set<number>();
  for (const item of predicted) {
    if (typeof item === 'number') predictedBody.add(item);
    else if (item.label === 'body') predictedBody.add(item.line);
  }
  const counts: Counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  for (const span of lineSpans(gold.text)) {
    if (ignored.has(span.line) || isBlank(gold.text, span.start, span.end)) continue;
    const isGold = goldBody.has(span.line);
    const isPredicted = predictedBody.has(span.line);
    if (isGold && isPredicted) counts.truePositives++;
    else if (isPredicted) counts.falsePositives++;
    else if (isGold) counts.falseNegatives++;
  }
  return scoresOf(counts);
}
