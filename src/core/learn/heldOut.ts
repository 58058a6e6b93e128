// The held-out measurement behind self-gating: on each done page of a fold, the tagger's spans, the control
// (what Newsmark suggests without learning) and every rule against the page's tags, and the rule
// suggestions the tagger leaves out that hold a word it never learned (the fallback's candidates); and how
// sure the tagger's lead over the control is.

import { ACCEPTED_RULE, type ActorGrammar } from '../detect/actors';
import { type AnalysisContext, analyseDocument } from '../detect/analyse';
import type { Suggestion } from '../model/types';
import { wordFeature } from './features';
import type { LearnerQuality, LearningDocument, LearningLine, SpanScores } from './learner';
import type { PreparedDoc } from './prepared';
import { fallbackGaps, splitAtRuleSeams, tagPrepared } from './decode';
import { type Perceptron, random } from './tagger';

/** One held-out page's exact-span counts for one label: the learned tagger's and the control's. */
export interface PageCounts {
  learned: { tp: number; fp: number; fn: number };
  control: { tp: number; fp: number; fn: number };
}

export function emptyScores(): SpanScores {
  return { precision: 0, recall: 0, f1: 0, tp: 0, fp: 0, fn: 0 };
}

export function finish(s: SpanScores): SpanScores {
  s.precision = s.tp + s.fp > 0 ? s.tp / (s.tp + s.fp) : 0;
  s.recall = s.tp + s.fn > 0 ? s.tp / (s.tp + s.fn) : 0;
  s.f1 = s.precision + s.recall > 0 ? (2 * s.precision * s.recall) / (s.precision + s.recall) : 0;
  return s;
}

/** Held-out measurement of one done page: the tagger (with the rules it keeps), the control and every rule,
 * against its tags. */
export function measureDoc(
  doc: PreparedDoc,
  model: Perceptron,
  labels: readonly string[],
  quality: LearnerQuality,
  points: { margin: number; correct: boolean }[],
  fallbackPoints: Record<string, { margin: number; correct: boolean }[]>,
  controlContext: AnalysisContext | undefined,
  pages: Record<string, PageCounts[]>,
): void {
  const example = doc.example!;
  const text = example.doc.text;
  const shown = controlContext && text !== undefined ? analyseDocument(text, controlContext).suggestions : undefined;
  const gold = new Set(example.tags.filter((t) => labels.includes(t.label)).map((t) => `${t.label}\u0000${t.start}\u0000${t.end}`));
  const key = (label: string, start: number, end: number): string => `${label}\u0000${start}\u0000${end}`;
  const learned = splitAtRuleSeams(tagPrepared(doc, model), example.doc, labels, (index) => doc.lines[index]);
  for (const label of labels) {
    const entry = quality.labels[label];
    const goldCount = example.tags.filter((t) => t.label === label).length;
    let tp = 0;
    let predicted = 0;
    for (const span of learned) {
      if (labels[span.label] !== label) continue;
      predicted++;
      const correct = gold.has(key(label, span.start, span.end));
      if (correct) tp++;
      points.push({ margin: span.margin, correct });
    }
    const control = shown ? shown.filter((s) => s.label === label) : controlSpans(doc, label);
    let ctp = 0;
    for (const span of control) if (gold.has(key(label, span.start, span.end))) ctp++;
    // the page's counts, kept for the gate's bootstrap, and added to the label's totals
    const page: PageCounts = {
      learned: { tp, fp: predicted - tp, fn: goldCount - tp },
      control: { tp: ctp, fp: control.length - ctp, fn: goldCount - ctp },
    };
    (pages[label] ??= []).push(page);
    addCounts(entry.learned, page.learned);
    addCounts(entry.control, page.control);
  }
  for (const s of example.doc.suggestions) {
    if (!labels.includes(s.label)) continue;
    const correct = gold.has(key(s.label, s.start, s.end));
    for (const rule of s.rules ?? [s.label]) {
      const id = `${s.label}:${rule}`;
      const counts = (quality.rules[id] ??= { suggested: 0, correct: 0 });
      counts.suggested++;
      if (correct) counts.correct++;
    }
  }
  const spans = learned.map((span) => ({ start: span.start, end: span.end, label: labels[span.label] }));
  const fallbacks = unknownFallbacks(model, example.doc.suggestions, spans, example.doc, labels);
  const gaps = fallbackGaps(model, example.doc, fallbacks, labels);
  fallbacks.forEach((s, i) => {
    const counts = (quality.labels[s.label].unknown ??= { suggested: 0, correct: 0 });
    const correct = gold.has(key(s.label, s.start, s.end));
    counts.suggested++;
    if (correct) counts.correct++;
    // a span the line's tokens cannot hold has no gap (Infinity), and no place in the fit
    if (Number.isFinite(gaps[i])) (fallbackPoints[s.label] ??= []).push({ margin: -gaps[i], correct });
  });
}

/** What the rules suggest (propagation left out): the control when there is no analysis context. */
function controlSpans(doc: PreparedDoc, label: string): { start: number; end: number }[] {
  return doc.example!.doc.suggestions.filter((s) => s.label === label && !(s.rules?.length === 1 && s.rules[0] === ACCEPTED_RULE));
}

/**
 * The rule suggestions of the `taken` labels the tagger's spans leave out and that hold a word the tagger
 * has no weight for (propagation and spans a learned span overlaps are not kept). Both lists are in page
 * order; learned spans never overlap each other.
 */
export function unknownFallbacks(model: Perceptron, rules: readonly Suggestion[], learned: readonly { start: number; end: number; label: string }[], doc: LearningDocument, taken: readonly string[]): Suggestion[] {
  if (taken.length === 0) return [];
  const kept: Suggestion[] = [];
  const lines = new Map(doc.lines.map((line) => [line.line, line]));
  let j = 0;
  for (const s of rules) {
    if (!taken.includes(s.label) || s.rules?.includes(ACCEPTED_RULE)) continue;
    while (j < learned.length && learned[j].end <= s.start) j++;
    let overlapped = false;
    for (let k = j; k < learned.length && learned[k].start < s.end && !overlapped; k++) overlapped = learned[k].label === s.label;
    const line = lines.get(s.line);
    if (!overlapped && line && holdsUnknownWord(model, line, doc.grammar, s)) kept.push(s);
  }
  return kept;
}

/** Whether a span on `line` holds a token whose word feature has no weight in the model. */
function holdsUnknownWord(model: Perceptron, line: LearningLine, grammar: ActorGrammar, span: Suggestion): boolean {
  const tokens = line.tokens;
  for (let k = 0; k < tokens.count; k++) {
    const start = line.start + tokens.start(k);
    if (start >= span.end) break;
    if (line.start + tokens.end(k) <= span.start) continue;
    if (!model.knows(wordFeature(tokens, grammar, k))) return true;
  }
  return false;
}

type Counts = PageCounts['learned'];

function addCounts(total: Counts, more: Counts): void {
  total.tp += more.tp;
  total.fp += more.fp;
  total.fn += more.fn;
}

function f1Of({ tp, fp, fn }: Counts): number {
  return tp > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0;
}

/**
 * How much better than the control the tagger's exact F1 is on held-out pages, at the `quantile` of a
 * bootstrap: the pages are drawn again with replacement `rounds` times and the difference recomputed each
 * time. A lead that rests on a few pages that happen to suit the tagger spreads wide, and so has a low
 * bound. Deterministic (a fixed generator): the same pages give the same bound.
 */
export function advantageBound(pages: readonly PageCounts[], quantile: number, rounds = 400): number {
  if (pages.length === 0) return 0;
  const next = random(0xb007);
  const diffs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const learned = { tp: 0, fp: 0, fn: 0 };
    const control = { tp: 0, fp: 0, fn: 0 };
    for (let i = 0; i < pages.length; i++) {
      const page = pages[Math.floor(next() * pages.length)];
      addCounts(learned, page.learned);
      addCounts(control, page.control);
    }
    diffs.push(f1Of(learned) - f1Of(control));
  }
  diffs.sort((a, b) => a - b);
  return diffs[Math.min(rounds - 1, Math.floor(quantile * rounds))];
}
