// How good each suggestion source is, measured on the annotator's own decisions in a corpus's sidecars:
// tags accepted from a suggestion (`suggested` on the tag), dismissed suggestions (`suggested` on the
// dismissal), and corrections (a tag whose label was changed after accepting, or a dismissed suggestion
// replaced by a tag over the same words). Counts and precision per source (rules, the learned model,
// propagation, external suggesters) and per rule id, precision over time (the learning curve so far), and a
// calibration of raw scores into measured precision.

import type { Annotation, Dismissal, SidecarData, Suggestion, SuggestedBy } from '../model/types';

export type Outcome = 'accepted' | 'dismissed' | 'corrected';

/** One decision of the annotator on one suggestion. */
export interface Decision {
  source: string;
  rule: string;
  label: string;
  score?: number;
  outcome: Outcome;
  /** When it was decided (ISO 8601), when known. */
  at?: string;
}

/** Sources of suggestions (external suggesters are `suggester:NAME`). */
export const SOURCE_RULES = 'rules';
export const SOURCE_LEARNED = 'learned';
export const SOURCE_PROPAGATION = 'propagation';

/** Rule ids that mean a suggestion repeats a name accepted elsewhere, or comes from the learned model. */
const PROPAGATION_RULES = new Set(['accepted']);
const LEARNED_RULES = new Set(['learned', 'learned-repeat', 'model']);

/** What a suggestion records on the tag or dismissal decided on it: its source, first rule id and score. */
export function suggestedBy(s: Pick<Suggestion, 'label' | 'score' | 'reasons'> & { rules?: readonly string[]; source?: string }): SuggestedBy {
  const rule = s.rules?.[0] ?? (s.reasons[0]?.startsWith('accepted ') ? 'accepted' : s.label);
  let source = s.source;
  if (source === undefined) {
    if (LEARNED_RULES.has(rule)) source = SOURCE_LEARNED;
    else if (PROPAGATION_RULES.has(rule)) source = SOURCE_PROPAGATION;
    else source = SOURCE_RULES;
  }
  const out: SuggestedBy = { source, rule };
  if (Number.isFinite(s.score)) out.score = Math.round(Math.min(1, Math.max(0, s.score)) * 1000) / 1000;
  return out;
}

/** The decisions recorded in one sidecar (tags and dismissals without `suggested` are not decisions on a
 * suggestion; orphaned tags still count: the decision was made). */
export function decisionsOf(data: Pick<SidecarData, 'annotations' | 'dismissed'>): Decision[] {
  const decisions: Decision[] = [];
  for (const tag of data.annotations) {
    if (!tag.suggested) continue;
    const changed = tag.suggested.label !== undefined && tag.suggested.label !== tag.label;
    decisions.push(decision(tag.suggested, tag.suggested.label ?? tag.label, changed ? 'corrected' : 'accepted', tag.at));
  }
  for (const d of data.dismissed) {
    if (!d.suggested) continue;
    decisions.push(decision(d.suggested, d.label, replacedByTag(d, data.annotations) ? 'corrected' : 'dismissed', d.at));
  }
  return decisions;
}

function decision(by: SuggestedBy, label: string, outcome: Outcome, at: string | undefined): Decision {
  const out: Decision = { source: by.source, rule: by.rule ?? label, label, outcome };
  if (by.score !== undefined) out.score = by.score;
  if (at !== undefined) out.at = at;
  return out;
}

/** A dismissed suggestion whose words the annotator tagged another way: other bounds (same label) or
 * another label on the same span. */
function replacedByTag(d: Dismissal, tags: readonly Annotation[]): boolean {
  return tags.some((t) => !t.orphaned && t.start < d.end && d.start < t.end
    && (t.label === d.label ? t.start !== d.start || t.end !== d.end : t.start === d.start && t.end === d.end));
}

/** Tags the annotator added without a suggestion (what the suggestions missed). */
export function handTagged(data: Pick<SidecarData, 'annotations'>, labels?: ReadonlySet<string>): number {
  let count = 0;
  for (const tag of data.annotations) if (!tag.suggested && tag.source === 'manual' && (!labels || labels.has(tag.label))) count++;
  return count;
}

export interface Tally {
  accepted: number;
  dismissed: number;
  corrected: number;
  /** accepted / all decisions; undefined without decisions. */
  precision?: number;
}

export interface SourceQuality {
  source: string;
  tally: Tally;
  /** Per rule id, most decisions first. */
  rules: Array<{ rule: string; tally: Tally }>;
}

export interface CurvePoint {
  /** Decisions up to the end of this block. */
  upTo: number;
  /** Decisions in the block. */
  decisions: number;
  precision: number;
}

export interface QualityReport {
  total: Tally;
  /** Most decisions first. */
  sources: SourceQuality[];
  /** Precision of successive blocks of decisions in time order (those with a time only). */
  curve: CurvePoint[];
}

export function emptyTally(): Tally {
  return { accepted: 0, dismissed: 0, corrected: 0 };
}

function add(tally: Tally, outcome: Outcome): void {
  tally[outcome]++;
}

function finish(tally: Tally): Tally {
  const n = tally.accepted + tally.dismissed + tally.corrected;
  if (n > 0) tally.precision = tally.accepted / n;
  else delete tally.precision;
  return tally;
}

export function decisionCount(tally: Tally): number {
  return tally.accepted + tally.dismissed + tally.corrected;
}

/** Blocks of the learning curve: at most this many, of at least MIN_BLOCK decisions. */
const CURVE_BLOCKS = 5;
const MIN_BLOCK = 10;

export function qualityReport(decisions: readonly Decision[]): QualityReport {
  const total = emptyTally();
  const bySource = new Map<string, { tally: Tally; rules: Map<string, Tally> }>();
  for (const d of decisions) {
    add(total, d.outcome);
    let source = bySource.get(d.source);
    if (!source) bySource.set(d.source, (source = { tally: emptyTally(), rules: new Map() }));
    add(source.tally, d.outcome);
    let rule = source.rules.get(d.rule);
    if (!rule) source.rules.set(d.rule, (rule = emptyTally()));
    add(rule, d.outcome);
  }
  const byCount = (a: { tally: Tally; name: string }, b: { tally: Tally; name: string }): number =>
    decisionCount(b.tally) - decisionCount(a.tally) || a.name.localeCompare(b.name);
  const sources = [...bySource.entries()]
    .map(([name, s]) => ({ name, tally: finish(s.tally), rules: s.rules }))
    .sort(byCount)
    .map(({ name, tally, rules }) => ({
      source: name,
      tally,
      rules: [...rules.entries()].map(([rule, t]) => ({ name: rule, tally: finish(t) })).sort(byCount).map(({ name: rule, tally: t }) => ({ rule, tally: t })),
    }));
  return { total: finish(total), sources, curve: learningCurve(decisions) };
}

/** Precision per block of decisions in time order: how the suggestions got better (or not) as you worked. */
export function learningCurve(decisions: readonly Decision[]): CurvePoint[] {
  const timed = decisions.filter((d) => d.at !== undefined).sort((a, b) => (a.at! < b.at! ? -1 : a.at! > b.at! ? 1 : 0));
  if (timed.length < MIN_BLOCK) return [];
  const size = Math.max(MIN_BLOCK, Math.ceil(timed.length / CURVE_BLOCKS));
  const curve: CurvePoint[] = [];
  for (let from = 0; from < timed.length; from += size) {
    const block = timed.slice(from, from + size);
    if (block.length < MIN_BLOCK && curve.length > 0) {
      // a short last block joins the one before it
      const last = curve[curve.length - 1];
      const accepted = last.precision * last.decisions + block.filter((d) => d.outcome === 'accepted').length;
      last.decisions += block.length;
      last.upTo += block.length;
      last.precision = accepted / last.decisions;
      break;
    }
    curve.push({ upTo: from + block.length, decisions: block.length, precision: block.filter((d) => d.outcome === 'accepted').length / block.length });
  }
  return curve;
}

/**
 * How certain a suggestion is, for "least certain first": the margin between the best and second-best
 * label where a model gave it, else the distance of the score from 0.5. Smaller is less certain.
 */
export function certainty(s: Pick<Suggestion, 'score' | 'margin'>): number {
  return s.margin !== undefined && Number.isFinite(s.margin) ? s.margin : Math.abs(s.score - 0.5);
}

/** Suggestions least certain first (ties in document order). */
export function leastCertainFirst<T extends Pick<Suggestion, 'score' | 'margin' | 'start'>>(suggestions: readonly T[]): T[] {
  return [...suggestions].sort((a, b) => certainty(a) - certainty(b) || a.start - b.start);
}

/** Raw-score bins of the calibration: [0, 0.5), [0.5, 0.7), [0.7, 0.85), [0.85, 1]. */
const BIN_EDGES = [0.5, 0.7, 0.85];
/** How many decisions the raw score is worth: with few decisions the calibrated score stays near it. */
const PRIOR_DECISIONS = 5;

function binOf(score: number): number {
  let bin = 0;
  while (bin < BIN_EDGES.length && score >= BIN_EDGES[bin]) bin++;
  return bin;
}

/**
 * Maps a suggestion's raw score to the precision measured for its source at about that score: per source
 * and score bin, the share accepted, smoothed towards the raw score (PRIOR_DECISIONS decisions' worth).
 */
export class Calibration {
  /** source -> per bin [accepted, decisions]. */
  private readonly bins = new Map<string, Array<[number, number]>>();

  constructor(decisions: readonly Decision[]) {
    for (const d of decisions) {
      if (d.score === undefined) continue;
      let bins = this.bins.get(d.source);
      if (!bins) this.bins.set(d.source, (bins = BIN_EDGES.map(() => [0, 0] as [number, number]).concat([[0, 0]])));
      const bin = bins[binOf(d.score)];
      if (d.outcome === 'accepted') bin[0]++;
      bin[1]++;
    }
  }

  /** Decisions behind the calibrated score of `raw` from `source`. */
  evidence(source: string, raw: number): number {
    return this.bins.get(source)?.[binOf(raw)][1] ?? 0;
  }

  score(source: string, raw: number): number {
    const bin = this.bins.get(source)?.[binOf(raw)];
    if (!bin || bin[1] === 0) return raw;
    return (bin[0] + PRIOR_DECISIONS * raw) / (bin[1] + PRIOR_DECISIONS);
  }
}
