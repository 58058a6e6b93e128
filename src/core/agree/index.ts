// Agreement between annotators who tagged the same pages: per label span F1 (exact and overlap, one-to-one
// matching as in `newsmark eval`) for every pair and averaged over pairs; Cohen's κ (two annotators) or
// Fleiss' κ (more) over tokens; agreement on normalised values of spans both tagged alike; per page and over
// the corpus; and the disagreements themselves, each at its place in the page.
//
// Tokens are those of the CoNLL export. A token takes, from each annotator, the category "the set of labels
// whose spans overlap it" (nested and overlapping tags of different labels make a combined category); κ
// per label uses the two categories "inside a span of that label" and "not".
import { evaluateSpans, addSpanCounts, spanScores, type SpanCountsByLabel } from '../eval/spans';
import { addCounts, emptyCounts, scoresOf, type Counts, type Scores } from '../eval/scores';
import { sameValue } from '../model/annotations';
import type { Annotation } from '../model/types';
import { lineSpans } from '../text/lines';
import { tokenize, type Token } from '../text/tokenize';
import { CohenTally, FleissTally } from './kappa';

export interface AgreementPage {
  /** The page's path as it should be printed (relative to the corpus, or as the user named it). */
  path: string;
  text: string;
  /** Placed tags of each annotator, in the order of `annotators`. */
  tags: readonly (readonly Annotation[])[];
}

export interface SpanAgreement {
  exact: Scores;
  overlap: Scores;
}

export interface ValueAgreement {
  /** Spans both tagged with the same label and extent, at least one of them with a value. */
  compared: number;
  agreed: number;
  /** agreed / compared; null when nothing was compared. */
  rate: number | null;
}

export interface KappaResult {
  method: 'cohen' | 'fleiss';
  /** Over the combined category of each token. */
  all: number | null;
  perLabel: Record<string, number | null>;
  tokens: number;
}

export interface PairAgreement {
  a: string;
  b: string;
  spans: { all: SpanAgreement; perLabel: Record<string, SpanAgreement> };
  /** Cohen's κ of this pair. */
  kappa: KappaResult;
  values: Record<string, ValueAgreement>;
}

/** Means over pairs (for two annotators: the one pair's figures). */
export interface AveragedAgreement {
  spans: { all: { exact: number; overlap: number }; perLabel: Record<string, { exact: number; overlap: number }> };
  /** Cohen's κ for two annotators, Fleiss' κ for more. */
  kappa: KappaResult;
  values: Record<string, ValueAgreement>;
}

export type DisagreementKind = 'boundary' | 'label' | 'missing' | 'value';

export interface Disagreement {
  path: string;
  /** 1-based line and column (UTF-16) of the first differing span. */
  line: number;
  col: number;
  label: string;
  kind: DisagreementKind;
  a: string;
  b: string;
  /** What each annotator has there: undefined where they have no such span. */
  textA?: string;
  textB?: string;
  /** kind 'label': the other annotator's label (B's when A has `label`, or A's). */
  otherLabel?: string;
  valueA?: string | string[];
  valueB?: string | string[];
  /** Offset of the span the line and column point at. */
  start: number;
}

export interface AgreementReport {
  annotators: string[];
  pages: number;
  overall: AveragedAgreement;
  pairs: PairAgreement[];
  perPage: Array<{ path: string } & AveragedAgreement>;
  /** Most frequent patterns (kind, label and texts) first; within one, in page order. */
  disagreements: Disagreement[];
}

interface PairTally {
  spans: SpanCountsByLabel;
  cohenAll: CohenTally;
  cohenLabel: Map<string, CohenTally>;
  values: Map<string, { compared: number; agreed: number }>;
}

function newPairTally(): PairTally {
  return { spans: {}, cohenAll: new CohenTally(), cohenLabel: new Map(), values: new Map() };
}

interface GroupTally {
  fleissAll: FleissTally;
  fleissLabel: Map<string, FleissTally>;
}

/** Compares the annotators over the pages given (each page must carry every annotator's tags). */
export function agreement(annotators: readonly string[], pages: readonly AgreementPage[]): AgreementReport {
  if (annotators.length < 2) throw new Error('agreement needs at least two annotators');
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < annotators.length; i++) for (let j = i + 1; j < annotators.length; j++) pairs.push([i, j]);
  const labels = new Set<string>();
  for (const page of pages) for (const list of page.tags) for (const t of list) labels.add(t.label);
  const labelList = [...labels].sort();

  const totals = pairs.map(() => newPairTally());
  const group: GroupTally = { fleissAll: new FleissTally(annotators.length), fleissLabel: new Map() };
  const perPage: AgreementReport['perPage'] = [];
  const disagreements: Disagreement[] = [];
  let tokenTotal = 0;

  for (const page of pages) {
    if (page.tags.length !== annotators.length) throw new Error(`${page.path}: tags of ${page.tags.length} annotators, expected ${annotators.length}`);
    const tags = page.tags.map((list) => list.filter((t) => !t.orphaned));
    const tokens = tokenize(page.text);
    tokenTotal += tokens.length;
    const categories = tags.map((list) => tokenCategories(tokens, list));
    const pageGroup: GroupTally = { fleissAll: new FleissTally(annotators.length), fleissLabel: new Map() };
    tallyGroup(pageGroup, categories, labelList, tokens.length);
    const pagePairs = pairs.map(([i, j]) => {
      const tally = newPairTally();
      tallyPair(tally, tags[i], tags[j], categories[i], categories[j], labelList, tokens.length);
      disagreements.push(...pageDisagreements(page, annotators[i], annotators[j], tags[i], tags[j]));
      return tally;
    });
    pagePairs.forEach((tally, k) => mergePair(totals[k], tally));
    mergeGroup(group, pageGroup);
    perPage.push({ path: page.path, ...averaged(annotators, pairs, pagePairs, pageGroup, labelList, tokens.length) });
  }

  const pairResults = pairs.map(([i, j], k) => pairResult(annotators[i], annotators[j], totals[k], labelList, tokenTotal));
  return {
    annotators: [...annotators],
    pages: pages.length,
    overall: averaged(annotators, pairs, totals, group, labelList, tokenTotal),
    pairs: pairResults,
    perPage,
    disagreements: byPattern(disagreements),
  };
}

const OUTSIDE = '';

/** Per token: the sorted labels of the spans overlapping it, joined with '+' ('' outside every span). */
function tokenCategories(tokens: readonly Token[], tags: readonly Annotation[]): string[] {
  const sets: Array<Set<string> | undefined> = new Array(tokens.length);
  for (const tag of tags) {
    // first token ending after the tag's start
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tokens[mid].end <= tag.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < tokens.length && tokens[i].start < tag.end; i++) (sets[i] ??= new Set()).add(tag.label);
  }
  return Array.from(sets, (s) => (s ? [...s].sort().join('+') : OUTSIDE));
}

function hasLabel(category: string, label: string): boolean {
  return category !== OUTSIDE && category.split('+').includes(label);
}

function tallyPair(tally: PairTally, a: readonly Annotation[], b: readonly Annotation[], catA: string[], catB: string[], labels: readonly string[], tokenCount: number): void {
  addSpanCounts(tally.spans, countsOnly(evaluateSpans(a, b)));
  for (let t = 0; t < tokenCount; t++) tally.cohenAll.add(catA[t], catB[t]);
  for (const label of labels) {
    const k = tally.cohenLabel.get(label) ?? new CohenTally();
    for (let t = 0; t < tokenCount; t++) k.add(hasLabel(catA[t], label) ? label : OUTSIDE, hasLabel(catB[t], label) ? label : OUTSIDE);
    tally.cohenLabel.set(label, k);
  }
  // Values: spans both tagged with the same label and extent.
  const inB = new Map<string, Annotation>();
  for (const t of b) inB.set(spanKey(t), t);
  for (const t of a) {
    const other = inB.get(spanKey(t));
    if (!other || (t.value === undefined && other.value === undefined)) continue;
    const v = tally.values.get(t.label) ?? { compared: 0, agreed: 0 };
    v.compared++;
    if (sameValueSet(t.value, other.value)) v.agreed++;
    tally.values.set(t.label, v);
  }
}

function tallyGroup(group: GroupTally, categories: string[][], labels: readonly string[], tokenCount: number): void {
  for (let t = 0; t < tokenCount; t++) group.fleissAll.add(categories.map((c) => c[t]));
  for (const label of labels) {
    const k = group.fleissLabel.get(label) ?? new FleissTally(categories.length);
    for (let t = 0; t < tokenCount; t++) k.add(categories.map((c) => (hasLabel(c[t], label) ? label : OUTSIDE)));
    group.fleissLabel.set(label, k);
  }
}

function mergePair(into: PairTally, more: PairTally): void {
  addSpanCounts(into.spans, more.spans);
  into.cohenAll.addAll(more.cohenAll);
  for (const [label, k] of more.cohenLabel) {
    const target = into.cohenLabel.get(label) ?? new CohenTally();
    target.addAll(k);
    into.cohenLabel.set(label, target);
  }
  for (const [label, v] of more.values) {
    const target = into.values.get(label) ?? { compared: 0, agreed: 0 };
    target.compared += v.compared;
    target.agreed += v.agreed;
    into.values.set(label, target);
  }
}

function mergeGroup(into: GroupTally, more: GroupTally): void {
  into.fleissAll.addAll(more.fleissAll);
  for (const [label, k] of more.fleissLabel) {
    const target = into.fleissLabel.get(label) ?? new FleissTally(k.raters);
    target.addAll(k);
    into.fleissLabel.set(label, target);
  }
}

function countsOnly(scores: ReturnType<typeof evaluateSpans>): SpanCountsByLabel {
  const out: SpanCountsByLabel = {};
  for (const [label, s] of Object.entries(scores)) out[label] = { exact: pick(s.exact), overlap: pick(s.overlap) };
  return out;
}

function pick(c: Counts): Counts {
  return { truePositives: c.truePositives, falsePositives: c.falsePositives, falseNegatives: c.falseNegatives };
}

function pairResult(a: string, b: string, tally: PairTally, labels: readonly string[], tokens: number): PairAgreement {
  const perLabel: Record<string, SpanAgreement> = {};
  const byLabel = spanScores(tally.spans);
  const exactAll = emptyCounts();
  const overlapAll = emptyCounts();
  for (const label of labels) {
    const s = byLabel[label] ?? { exact: scoresOf(emptyCounts()), overlap: scoresOf(emptyCounts()) };
    perLabel[label] = s;
    addCounts(exactAll, pick(s.exact));
    addCounts(overlapAll, pick(s.overlap));
  }
  const kappaLabel: Record<string, number | null> = {};
  for (const label of labels) kappaLabel[label] = tally.cohenLabel.get(label)?.kappa() ?? null;
  return {
    a,
    b,
    spans: { all: { exact: scoresOf(exactAll), overlap: scoresOf(overlapAll) }, perLabel },
    kappa: { method: 'cohen', all: tally.cohenAll.kappa(), perLabel: kappaLabel, tokens },
    values: valueResults(tally.values),
  };
}

function valueResults(values: ReadonlyMap<string, { compared: number; agreed: number }>): Record<string, ValueAgreement> {
  const out: Record<string, ValueAgreement> = {};
  for (const [label, v] of [...values].sort(([x], [y]) => (x < y ? -1 : 1))) {
    out[label] = { ...v, rate: v.compared === 0 ? null : v.agreed / v.compared };
  }
  return out;
}

function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

function averaged(annotators: readonly string[], pairs: ReadonlyArray<[number, number]>, tallies: readonly PairTally[], group: GroupTally, labels: readonly string[], tokens: number): AveragedAgreement {
  const results = pairs.map(([i, j], k) => pairResult(annotators[i], annotators[j], tallies[k], labels, tokens));
  const perLabel: Record<string, { exact: number; overlap: number }> = {};
  for (const label of labels) {
    perLabel[label] = {
      exact: mean(results.map((r) => r.spans.perLabel[label].exact.f1)),
      overlap: mean(results.map((r) => r.spans.perLabel[label].overlap.f1)),
    };
  }
  const values = new Map<string, { compared: number; agreed: number }>();
  for (const t of tallies) {
    for (const [label, v] of t.values) {
      const target = values.get(label) ?? { compared: 0, agreed: 0 };
      target.compared += v.compared;
      target.agreed += v.agreed;
      values.set(label, target);
    }
  }
  const kappa: KappaResult = annotators.length === 2
    ? results[0].kappa
    : {
      method: 'fleiss',
      all: group.fleissAll.kappa(),
      perLabel: Object.fromEntries(labels.map((label) => [label, group.fleissLabel.get(label)?.kappa() ?? null])),
      tokens,
    };
  return {
    spans: {
      all: { exact: mean(results.map((r) => r.spans.all.exact.f1)), overlap: mean(results.map((r) => r.spans.all.overlap.f1)) },
      perLabel,
    },
    kappa,
    values: valueResults(values),
  };
}

function spanKey(t: Annotation): string {
  return `${t.label}\u0000${t.start}\u0000${t.end}`;
}

/** Values compared as sets: alternatives may be listed in any order. */
function sameValueSet(a: string | string[] | undefined, b: string | string[] | undefined): boolean {
  const norm = (v: string | string[] | undefined) => (Array.isArray(v) ? [...v].sort() : v === undefined ? undefined : [v]);
  return sameValue(norm(a), norm(b));
}

function overlaps(x: Annotation, y: Annotation): boolean {
  return x.start < y.end && y.start < x.end;
}

/** Where A and B differ on one page: each span of one side without an identical span on the other. */
export function pageDisagreements(page: Pick<AgreementPage, 'path' | 'text'>, a: string, b: string, tagsA: readonly Annotation[], tagsB: readonly Annotation[]): Disagreement[] {
  const lines = lineSpans(page.text);
  const position = (offset: number) => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (lines[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - (lines[lo]?.start ?? 0) + 1 };
  };
  const keysB = new Map(tagsB.map((t) => [spanKey(t), t]));
  const keysA = new Set(tagsA.map(spanKey));
  const explainedB = new Set<Annotation>();
  const out: Disagreement[] = [];
  const push = (d: Omit<Disagreement, 'path' | 'line' | 'col' | 'a' | 'b'>) => out.push({ path: page.path, ...position(d.start), a, b, ...d });

  for (const t of tagsA) {
    const same = keysB.get(spanKey(t));
    if (same) {
      explainedB.add(same);
      if ((t.value !== undefined || same.value !== undefined) && !sameValueSet(t.value, same.value)) {
        push({ kind: 'value', label: t.label, textA: t.text, textB: same.text, valueA: t.value, valueB: same.value, start: t.start });
      }
      continue;
    }
    const relabelled = tagsB.find((o) => o.start === t.start && o.end === t.end && o.label !== t.label && !keysA.has(spanKey(o)));
    if (relabelled) {
      explainedB.add(relabelled);
      push({ kind: 'label', label: t.label, textA: t.text, textB: relabelled.text, otherLabel: relabelled.label, start: t.start });
      continue;
    }
    const shifted = tagsB.filter((o) => o.label === t.label && overlaps(o, t) && !keysA.has(spanKey(o)));
    if (shifted.length > 0) {
      for (const o of shifted) explainedB.add(o);
      push({ kind: 'boundary', label: t.label, textA: t.text, textB: shifted.map((o) => o.text).join(' | '), start: Math.min(t.start, shifted[0].start) });
      continue;
    }
    push({ kind: 'missing', label: t.label, textA: t.text, start: t.start });
  }
  for (const o of tagsB) {
    if (explainedB.has(o) || keysA.has(spanKey(o))) continue;
    // Overlapping A spans of this label were already reported from A's side.
    push({ kind: 'missing', label: o.label, textB: o.text, start: o.start });
  }
  return out.sort((x, y) => x.start - y.start);
}

function patternKey(d: Disagreement): string {
  const squash = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  return JSON.stringify([d.kind, d.label, d.a, d.b, squash(d.textA), squash(d.textB), d.otherLabel ?? '', String(d.valueA ?? ''), String(d.valueB ?? '')]);
}

/** Disagreements grouped by pattern, most frequent first (ties: first seen first), each group in page order. */
function byPattern(all: readonly Disagreement[]): Disagreement[] {
  const groups = new Map<string, Disagreement[]>();
  for (const d of all) {
    const key = patternKey(d);
    const list = groups.get(key);
    if (list) list.push(d);
    else groups.set(key, [d]);
  }
  return [...groups.values()].sort((x, y) => y.length - x.length).flat();
}

const CLIP = 60;

function quoted(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > CLIP ? `${flat.slice(0, CLIP)}…` : flat);
}

function valueText(v: string | string[] | undefined): string {
  return v === undefined ? 'no value' : Array.isArray(v) ? v.join(' | ') : v;
}

/** `PATH:LINE:COL: label "text" A vs "other" B`, as the human output prints it. */
export function disagreementLine(d: Disagreement): string {
  const where = `${d.path}:${d.line}:${d.col}`;
  switch (d.kind) {
    case 'value':
      return `${where}: ${d.label} ${quoted(d.textA ?? '')} ${d.a} ${valueText(d.valueA)} vs ${valueText(d.valueB)} ${d.b}`;
    case 'label':
      return `${where}: ${d.label} ${quoted(d.textA ?? '')} ${d.a} vs ${d.otherLabel} ${d.b}`;
    case 'boundary':
      return `${where}: ${d.label} ${quoted(d.textA ?? '')} ${d.a} vs ${quoted(d.textB ?? '')} ${d.b}`;
    case 'missing':
      return d.textA !== undefined
        ? `${where}: ${d.label} ${quoted(d.textA)} ${d.a} vs none ${d.b}`
        : `${where}: ${d.label} none ${d.a} vs ${quoted(d.textB ?? '')} ${d.b}`;
  }
}
