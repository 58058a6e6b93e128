// Span-level evaluation per label (actor, date, ...), in two modes: exact (same start and end) and overlap
// (any shared character). Matching is one-to-one: a gold span is credited to at most one prediction.

import { lineSpans } from '../text/lines';
import type { GoldSpan } from './gold';
import { addCounts, emptyCounts, scoresOf, type Counts, type Scores } from './scores';

export interface LabelledSpan {
  start: number;
  end: number;
  label: string;
}

export interface SpanEvaluationOptions {
  /**
   * Gold body lines: when given (with `text`), only spans starting on these lines are scored, gold and
   * predicted alike, so entity scores do not depend on the body detector.
   */
  bodyLines?: readonly number[];
  text?: string;
}

export interface SpanCounts {
  exact: Counts;
  overlap: Counts;
}

/** Label -> counts. */
export type SpanCountsByLabel = Record<string, SpanCounts>;

/** Label -> scores (with their counts). */
export type SpanScoresByLabel = Record<string, { exact: Scores; overlap: Scores }>;

/**
 * Per-label precision, recall and F1 of predicted spans against gold spans of one document, exact and
 * overlap. For a corpus, sum the documents with addSpanCounts and turn the total into ratios with
 * spanScores (micro-averaging).
 */
export function evaluateSpans(
  goldSpans: readonly GoldSpan[],
  predictedSpans: readonly LabelledSpan[],
  options: SpanEvaluationOptions = {},
): SpanScoresByLabel {
  const inScope = scopeFilter(options);
  const gold = goldSpans.filter(inScope);
  const predicted = predictedSpans.filter(inScope);
  const labels = new Set([...gold.map((span) => span.label), ...predicted.map((span) => span.label)]);
  const result: SpanScoresByLabel = {};
  for (const label of labels) {
    const goldOfLabel = gold.filter((span) => span.label === label);
    const predictedOfLabel = predicted.filter((span) => span.label === label);
    result[label] = {
      exact: scoresOf(match(goldOfLabel, predictedOfLabel, (a, b) => (a.start === b.start && a.end === b.end ? 1 : 0))),
      overlap: scoresOf(match(goldOfLabel, predictedOfLabel, overlapLength)),
    };
  }
  return result;
}

/** Adds one document's counts (or scores) into a corpus total (micro-averaging). */
export function addSpanCounts(total: SpanCountsByLabel, more: SpanCountsByLabel): SpanCountsByLabel {
  for (const [label, counts] of Object.entries(more)) {
    const into = (total[label] ??= { exact: emptyCounts(), overlap: emptyCounts() });
    addCounts(into.exact, counts.exact);
    addCounts(into.overlap, counts.overlap);
  }
  return total;
}

export function spanScores(counts: SpanCountsByLabel): SpanScoresByLabel {
  const scores: SpanScoresByLabel = {};
  for (const [label, { exact, overlap }] of Object.entries(counts)) {
    scores[label] = { exact: scoresOf(exact), overlap: scoresOf(overlap) };
  }
  return scores;
}

function scopeFilter(options: SpanEvaluationOptions): (span: { start: number }) => boolean {
  if (!options.bodyLines) return () => true;
  if (options.text === undefined) throw new Error('evaluateSpans: bodyLines needs the text');
  const body = new Set(options.bodyLines);
  const ranges = lineSpans(options.text)
    .filter((line) => body.has(line.line))
    .map((line) => [line.start, line.end] as const);
  // A span belongs to the line its first character is on; ranges are ascending.
  return (span) => {
    let low = 0;
    let high = ranges.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const [start, end] = ranges[middle];
      if (span.start < start) high = middle - 1;
      else if (span.start >= end) low = middle + 1;
      else return true;
    }
    return false;
  };
}

function overlapLength(a: LabelledSpan, b: LabelledSpan): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * One-to-one matching: each prediction takes the unmatched required gold span it agrees with most
 * (quality > 0); failing that, agreeing with an optional gold span makes it neither right nor wrong.
 */
function match(
  gold: readonly GoldSpan[],
  predicted: readonly LabelledSpan[],
  quality: (goldSpan: GoldSpan, predictedSpan: LabelledSpan) => number,
): Counts {
  const counts = emptyCounts();
  const used = new Array<boolean>(gold.length).fill(false);
  const ordered = [...predicted].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const prediction of ordered) {
    let best = -1;
    let bestQuality = 0;
    let optionalHit = -1;
    for (let i = 0; i < gold.length; i++) {
      if (used[i]) continue;
      const agreement = quality(gold[i], prediction);
      if (agreement <= 0) continue;
      if (gold[i].optional) {
        if (optionalHit < 0) optionalHit = i;
      } else if (agreement > bestQuality) {
        best = i;
        bestQuality = agreement;
      }
    }
    if (best >= 0) {
      used[best] = true;
      counts.truePositives++;
    } else if (optionalHit >= 0) {
      used[optionalHit] = true;
    } else {
      counts.falsePositives++;
    }
  }
  gold.forEach((span, i) => {
    if (!used[i] && !span.optional) counts.falseNegatives++;
  });
  return counts;
}
