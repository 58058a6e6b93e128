// A simulated annotator working through a gold corpus in K batches, file order (`newsmark eval
// --learning-curve K`). Before batch k, the batches before it carry their gold as confirmed tags on pages
// marked done. Two arms tag batch k:
// - control: what Newsmark suggests without learning: the rules, plus every earlier tag's text suggested
//   wherever it occurs (propagation, "learned string matching");
// - learning: the same, with a span learner trained on the earlier batches (optionally starting from a
//   loaded model) that takes over where it measured better.
// Per batch: exact and overlap F1 per label, and the simulated effort of correcting the suggestions into
// the gold: accept or dismiss 1 action, fix a boundary 2, add a missing tag 2; a page's correct suggestions
// may instead be taken by one bulk accept (1), after which the wrong ones are removed (1 each); the
// cheaper way counts. Tagging by hand costs 2 per gold tag; effort is actions over that.
// With retrainEvery, both arms also learn inside a batch, from its pages done so far, as the editor does
// after each decision.

import { type AnalysisContext, analyseDocument, learningDocument } from '../detect/analyse';
import { LearnedEntities } from '../detect/learned';
import { countUntagged } from '../detect/untagged';
import { addSpanCounts, evaluateSpans, type GoldRecord, spanScores, type SpanCountsByLabel, type SpanScoresByLabel } from '../eval';
import type { Suggestion } from '../model/types';
import { type LearnerOptions, type LearnerQuality, SpanLearner, type TrainingExample } from './learner';

export interface EffortCounts {
  accepts: number;
  dismissals: number;
  fixes: number;
  additions: number;
  bulkAccepts: number;
  /** Actions taken (the cheaper way per page). */
  actions: number;
  /** Actions tagging every gold span by hand would take. */
  byHand: number;
}

export interface ArmResult {
  spans: SpanScoresByLabel;
  effort: EffortCounts & { ratio: number };
}

export interface BatchResult {
  batch: number;
  documents: number;
  /** Pages annotated before this batch. */
  trainedOn: number;
  control: ArmResult;
  learning: ArmResult;
  /** Whether the learned tagger took over per label, and what it measured on held-out pages (with
   * retrainEvery: the batch's last training). */
  gate: LearnerQuality['labels'];
}

export interface CurveOptions extends LearnerOptions {
  /** A loaded model to start from (the learning arm only). */
  base?: SpanLearner;
  /**
   * Pages between retrainings inside a batch (default: none, the batch is read with what was learned before
   * it). The editor retrains after each decision; a small number simulates that, a page marked done at a time.
   */
  retrainEvery?: number;
  /** Progress after each batch. */
  progress?: (batch: number, total: number) => void;
}

function emptyEffort(): EffortCounts {
  return { accepts: 0, dismissals: 0, fixes: 0, additions: 0, bulkAccepts: 0, actions: 0, byHand: 0 };
}

/** The simulated actions turning one page's suggestions into its gold spans (labels in `labels` only). */
export function pageEffort(gold: readonly { start: number; end: number; label: string }[], suggested: readonly { start: number; end: number; label: string }[], labels: ReadonlySet<string>): EffortCounts {
  const g = gold.filter((s) => labels.has(s.label));
  const p = suggested.filter((s) => labels.has(s.label));
  const usedGold = new Uint8Array(g.length);
  const usedPredicted = new Uint8Array(p.length);
  let exact = 0;
  for (let i = 0; i < g.length; i++) {
    const j = p.findIndex((s, k) => !usedPredicted[k] && s.label === g[i].label && s.start === g[i].start && s.end === g[i].end);
    if (j >= 0) {
      usedGold[i] = 1;
      usedPredicted[j] = 1;
      exact++;
    }
  }
  let fixes = 0;
  for (let i = 0; i < g.length; i++) {
    if (usedGold[i]) continue;
    const j = p.findIndex((s, k) => !usedPredicted[k] && s.label === g[i].label && s.start < g[i].end && g[i].start < s.end);
    if (j >= 0) {
      usedGold[i] = 1;
      usedPredicted[j] = 1;
      fixes++;
    }
  }
  const additions = usedGold.reduce((n, used) => n + (used ? 0 : 1), 0);
  const wrong = usedPredicted.reduce((n, used) => n + (used ? 0 : 1), 0);
  const oneByOne = exact + wrong + 2 * fixes + 2 * additions;
  const bulk = 1 + wrong + 2 * fixes + 2 * additions;
  const useBulk = exact > 1 && bulk < oneByOne;
  return {
    accepts: useBulk ? 0 : exact,
    dismissals: wrong,
    fixes,
    additions,
    bulkAccepts: useBulk ? 1 : 0,
    actions: Math.min(oneByOne, useBulk ? bulk : oneByOne),
    byHand: 2 * g.length,
  };
}

function addEffort(total: EffortCounts, more: EffortCounts): void {
  for (const key of Object.keys(total) as (keyof EffortCounts)[]) total[key] += more[key];
}

function arm(counts: SpanCountsByLabel, effort: EffortCounts): ArmResult {
  return { spans: spanScores(counts), effort: { ...effort, ratio: effort.byHand > 0 ? Math.round((effort.actions / effort.byHand) * 10000) / 10000 : 0 } };
}

/** Batches of `count` items in order, as even as possible. */
export function batchRanges(count: number, batches: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (let k = 0; k < batches; k++) ranges.push([Math.floor((k * count) / batches), Math.floor(((k + 1) * count) / batches)]);
  return ranges;
}

/** Runs the simulation over `records` (gold pages in order) in `batches` batches. */
export function learningCurve(records: readonly GoldRecord[], ctx: AnalysisContext, batches: number, options: CurveOptions = {}): BatchResult[] {
  const goldLabels = new Set<string>();
  for (const r of records) for (const s of r.spans) goldLabels.add(s.label);
  const docs = records.map((r) => learningDocument(r.text, { ...ctx, options: { ...ctx.options, documentId: r.id } }));
  const donePages = records.map((r) => ({ text: r.text, tags: r.spans }));
  // what both arms know once the first `count` pages are done: every tag's text, and the learner trained on them
  const annotated = (count: number): { learned: LearnedEntities; learner: SpanLearner } => {
    const learned = new LearnedEntities();
    const examples: TrainingExample[] = [];
    for (let i = 0; i < count; i++) {
      const r = records[i];
      for (const s of r.spans) learned.accept(s.label, r.text.slice(s.start, s.end));
      examples.push({ doc: docs[i], tags: r.spans, done: true });
    }
    countUntagged(learned, donePages.slice(0, count));
    const start = options.base ?? SpanLearner.empty();
    return { learned, learner: examples.length > 0 ? start.train(examples, { ...options, context: ctx }) : start };
  };
  const ranges = batchRanges(records.length, batches);
  const results: BatchResult[] = [];
  for (let k = 0; k < ranges.length; k++) {
    const [from, to] = ranges[k];
    const controlCounts: SpanCountsByLabel = {};
    const learningCounts: SpanCountsByLabel = {};
    const controlEffort = emptyEffort();
    const learningEffort = emptyEffort();
    const step = options.retrainEvery !== undefined && options.retrainEvery > 0 ? options.retrainEvery : Math.max(1, to - from);
    let learner: SpanLearner = options.base ?? SpanLearner.empty();
    for (let first = from; first < to; first += step) {
      const known = annotated(first);
      learner = known.learner;
      const controlCtx: AnalysisContext = { ...ctx, learned: known.learned };
      const learningCtx: AnalysisContext = { ...ctx, learned: known.learned, learner };
      for (let i = first; i < Math.min(to, first + step); i++) {
        const r = records[i];
        const options = { ...ctx.options, documentId: r.id };
        const scope = r.body_lines ? { bodyLines: r.body_lines, text: r.text } : {};
        const score = (suggestions: readonly Suggestion[], counts: SpanCountsByLabel, effort: EffortCounts): void => {
          const kept = suggestions.filter((s) => goldLabels.has(s.label));
          addSpanCounts(counts, evaluateSpans(r.spans, kept, scope));
          addEffort(effort, pageEffort(r.spans, kept, goldLabels));
        };
        score(analyseDocument(r.text, { ...controlCtx, options }).suggestions, controlCounts, controlEffort);
        score(analyseDocument(r.text, { ...learningCtx, options }).suggestions, learningCounts, learningEffort);
      }
    }
    results.push({
      batch: k + 1,
      documents: to - from,
      trainedOn: from,
      control: arm(controlCounts, controlEffort),
      learning: arm(learningCounts, learningEffort),
      gate: learner.quality.labels,
    });
    options.progress?.(k + 1, ranges.length);
  }
  return results;
}
