// Evaluation of the detectors against gold data.
export { evaluateBody } from './body';
export { readDevGold, type DevGoldFile, type GoldRecord, type GoldSpan } from './gold';
export { addCounts, emptyCounts, microAverage, scoresOf, type Counts, type Scores } from './scores';
export {
  addSpanCounts,
  evaluateSpans,
  spanScores,
  type LabelledSpan,
  type SpanCounts,
  type SpanCountsByLabel,
  type SpanEvaluationOptions,
  type SpanScoresByLabel,
} from './spans';
