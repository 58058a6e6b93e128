// The body line model learned from the annotator, per site. The pages of one site share a template, and
// what a model learns from body gold is mostly site-specific (research/fit-body-model.ts: fitted on other
// sites it does not beat the hand-set decision, fitted on the site's own pages it does), so each site gets
// its own: a logistic regression over the line features of model.ts, fitted on the site's annotated pages.
// Its prior is the hand-set decision (weight 1 on the hand-set log-odds, 0 on everything else) and an L2
// penalty pulls every weight back towards it, so a few pages move it only where they agree.
//
// Self-gating, as the span learner does it: each annotated page of the site is held out in turn, a model
// fitted on the others decides its lines, and the site uses the model only when it made fewer line errors
// there than the hand-set decision. A site with one annotated page cannot measure itself: it uses its
// model when, on the corpus's sites with several annotated pages, a model of one page decided the next
// page better (in all, and on at least two more of those pages than not). With fewer than two annotated
// pages in the corpus nothing is measured and the hand-set decision stands, so a corpus without body tags
// is decided exactly as before.
//
// This file is pure arithmetic and bookkeeping; decision.ts computes the rows (it owns the page analysis).

import { lineKeyHash } from '../../text/normalize';
import { isBlank, lineSpans } from '../../text/lines';
import type { BodyPageLesson, CorpusModel } from '../corpus';
import { FEATURE_COUNT } from './model';

/** One line of an annotated page as the model learns it. */
export interface BodyRow {
  readonly features: Float64Array;
  readonly label: 0 | 1;
  /** Physical lines it stands for (a wrapped paragraph counts once per line), as the evaluation counts. */
  readonly weight: number;
}

/** The model of one site: the weights of the features, then the bias. */
export interface SiteModel {
  readonly weights: Float64Array;
  /** The pull towards the prior it was fitted with (the one that measured best). */
  readonly strength: number;
  /** Annotated pages it was fitted on. */
  readonly pages: number;
  /** Line errors on held-out annotated pages: the model's and the hand-set decision's. */
  readonly errors: number;
  readonly handErrors: number;
  /** Whether the site uses it (it measured better than the hand-set decision). */
  readonly active: boolean;
  /** The longest run of lines it decided otherwise than the hand-set decision on a held-out page (changedRunLimit). */
  readonly longestChangedRun: number;
}

export interface BodyLearnerOptions {
  /**
   * The L2 pulls towards the prior tried, in summed line weights: the held-out pages choose among them (a
   * pattern of one line a page needs a weak pull, a pattern of many lines is learned more safely with a
   * strong one).
   */
  strengths: readonly number[];
  /** Line errors fewer than the hand-set decision's the model must make on held-out pages to be used. */
  margin: number;
  /** The latest annotated pages of a site that are learned from (older ones are left out). */
  maxPages: number;
  /** The model also decides the lines before the main block (not the headline): keepsHandSetDecision. */
  learnBlockStart: boolean;
}

export const DEFAULT_BODY_LEARNER: BodyLearnerOptions = { strengths: [0.5, 4, 32], margin: 1, maxPages: 8, learnBlockStart: false };

const N = FEATURE_COUNT + 1;
const BIAS = FEATURE_COUNT;
const ADJUSTED = 0;
const NEWTON_STEPS = 12;

/** The prior: the hand-set log-odds as they are. */
function priorWeights(): Float64Array {
  const weights = new Float64Array(N);
  weights[ADJUSTED] = 1;
  return weights;
}

export function siteLogit(weights: Float64Array, features: Float64Array): number {
  let sum = weights[BIAS];
  for (let i = 0; i < FEATURE_COUNT; i++) sum += weights[i] * features[i];
  return sum;
}

/** Newton's method on the weighted log-loss plus strength/2 * |w - prior|^2, from the prior. */
export function fitSite(rows: readonly BodyRow[], strength: number): Float64Array {
  const prior = priorWeights();
  const beta = priorWeights();
  const gradient = new Float64Array(N);
  const hessian = new Float64Array(N * N);
  const trial = new Float64Array(N);
  for (let step = 0; step < NEWTON_STEPS; step++) {
    gradient.fill(0);
    hessian.fill(0);
    for (const row of rows) {
      const x = row.features;
      const p = 1 / (1 + Math.exp(-siteLogit(beta, x)));
      const residual = (p - row.label) * row.weight;
      const curvature = p * (1 - p) * row.weight;
      for (let i = 0; i < N; i++) {
        const xi = i === BIAS ? 1 : x[i];
        if (xi === 0) continue;
        gradient[i] += residual * xi;
        const c = curvature * xi;
        // the lower triangle; mirrored below
        for (let j = 0; j <= i; j++) {
          const xj = j === BIAS ? 1 : x[j];
          if (xj !== 0) hessian[i * N + j] += c * xj;
        }
      }
    }
    for (let i = 0; i < N; i++) {
      gradient[i] += strength * (beta[i] - prior[i]);
      hessian[i * N + i] += strength;
      for (let j = 0; j < i; j++) hessian[j * N + i] = hessian[i * N + j];
    }
    const delta = solve(hessian, gradient);
    // Damped: far from the optimum (lines the prior is sure of and wrong about) a full step overshoots, so
    // it is halved until the objective falls.
    const before = objective(rows, beta, prior, strength);
    let scale = 1;
    for (let halving = 0; halving < MAX_HALVINGS; halving++, scale /= 2) {
      for (let i = 0; i < N; i++) trial[i] = beta[i] - scale * delta[i];
      if (objective(rows, trial, prior, strength) <= before) break;
    }
    let change = 0;
    for (let i = 0; i < N; i++) {
      change = Math.max(change, Math.abs(trial[i] - beta[i]));
      beta[i] = trial[i];
    }
    if (change < 1e-6) break;
  }
  return beta;
}

const MAX_HALVINGS = 20;

/** The penalised weighted log-loss fitSite minimises. */
function objective(rows: readonly BodyRow[], beta: Float64Array, prior: Float64Array, strength: number): number {
  let sum = 0;
  for (const row of rows) {
    const z = siteLogit(beta, row.features);
    // log(1 + e^-z) for body, log(1 + e^z) otherwise, without overflow
    const margin = row.label === 1 ? z : -z;
    sum += row.weight * (margin > 0 ? Math.log1p(Math.exp(-margin)) : -margin + Math.log1p(Math.exp(margin)));
  }
  let penalty = 0;
  for (let i = 0; i < N; i++) penalty += (beta[i] - prior[i]) ** 2;
  return sum + (strength / 2) * penalty;
}

/** Weighted line errors of a model (or of the hand-set decision: the sign of the adjusted feature). */
function errorsOf(rows: readonly BodyRow[], weights: Float64Array | undefined): number {
  let errors = 0;
  for (const row of rows) {
    const logit = weights ? siteLogit(weights, row.features) : row.features[ADJUSTED];
    if ((logit >= 0 ? 1 : 0) !== row.label) errors += row.weight;
  }
  return errors;
}

/**
 * The longest run of consecutive lines a site's model may decide otherwise than the hand-set decision:
 * twice the longest it changed on the held-out pages it was measured on, and at least 3. A longer run is a
 * part of the page unlike anything the measurement saw (a list of names inside the article, where the
 * annotated pages had a line or two of related links): it keeps the hand-set decision.
 */
export function changedRunLimit(site: SiteModel): number {
  return Math.max(MIN_CHANGED_RUN_LIMIT, CHANGED_RUN_MULTIPLE * site.longestChangedRun);
}
const MIN_CHANGED_RUN_LIMIT = 3;
const CHANGED_RUN_MULTIPLE = 2;

/**
 * The runs of consecutive items a model decides otherwise than the hand-set decision, in one direction
 * (all to body or all to boilerplate): [first, last] index pairs. `changesTo(i)` is true (to body), false
 * (to boilerplate) or undefined (item i keeps its decision).
 */
export function changedRuns(count: number, changesTo: (index: number) => boolean | undefined): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start = -1;
  let direction: boolean | undefined;
  for (let index = 0; index <= count; index++) {
    const to = index < count ? changesTo(index) : undefined;
    if (start >= 0 && to !== direction) {
      runs.push([start, index - 1]);
      start = -1;
    }
    if (to !== undefined && start < 0) {
      start = index;
      direction = to;
    }
  }
  return runs;
}

/** The longest run of lines (summed row weights) a model decides otherwise than the hand-set decision. */
function longestChangedRun(rows: readonly BodyRow[], weights: Float64Array): number {
  let longest = 0;
  const changesTo = (index: number): boolean | undefined => {
    const body = siteLogit(weights, rows[index].features) >= 0;
    return body === rows[index].features[ADJUSTED] >= 0 ? undefined : body;
  };
  for (const [first, last] of changedRuns(rows.length, changesTo)) {
    let lines = 0;
    for (let index = first; index <= last; index++) lines += rows[index].weight;
    longest = Math.max(longest, lines);
  }
  return longest;
}

/** A site's model from its annotated pages' rows (oldest first), measured page by page held out. */
export function trainSite(pages: readonly (readonly BodyRow[])[], options: BodyLearnerOptions = DEFAULT_BODY_LEARNER): SiteModel | undefined {
  const used = pages.slice(-options.maxPages).filter((rows) => rows.length > 0);
  if (used.length < 2) return undefined;
  let handErrors = 0;
  for (const rows of used) handErrors += errorsOf(rows, undefined);
  let best: { strength: number; errors: number; longestChangedRun: number } | undefined;
  for (const strength of options.strengths) {
    let errors = 0;
    let longest = 0;
    for (let held = 0; held < used.length; held++) {
      const weights = fitSite(used.filter((_, index) => index !== held).flat(), strength);
      errors += errorsOf(used[held], weights);
      longest = Math.max(longest, longestChangedRun(used[held], weights));
    }
    if (!best || errors < best.errors) best = { strength, errors, longestChangedRun: longest };
  }
  const { strength, errors, longestChangedRun: longest } = best as { strength: number; errors: number; longestChangedRun: number };
  const active = errors + options.margin <= handErrors;
  const weights = active ? fitSite(used.flat(), strength) : priorWeights();
  return { weights, strength, pages: used.length, errors, handErrors, active, longestChangedRun: longest };
}

/**
 * Pages sharing this many distinct substantial lines, and this share of the smaller page's, come from one
 * site: a few lines ("Skip to main content", "Privacy Policy") are common to many sites, a template is a
 * good part of a page (on the development pages, pages of one site share 10-75% of their lines, pages of
 * different sites at most 8%).
 */
export const SAME_SITE_LINES = 3;
export const SAME_SITE_SHARE = 0.1;

/** Whether two pages' substantial line hashes say they come from one site. */
export function sameSite(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  return sharedLines(a, b) >= Math.max(SAME_SITE_LINES, SAME_SITE_SHARE * Math.min(a.size, b.size));
}
/** Lines shorter than this (trimmed) are too common to tell sites apart ("Home", a date). */
export const SUBSTANTIAL_CHARS = 12;

/** The distinct hashes of a text's substantial lines. */
export function substantialHashes(text: string): Set<number> {
  const hashes = new Set<number>();
  for (const span of lineSpans(text)) {
    if (isBlank(text, span.start, span.end)) continue;
    const line = text.slice(span.start, span.end);
    if (line.trim().length >= SUBSTANTIAL_CHARS) hashes.add(lineKeyHash(line));
  }
  return hashes;
}

function sharedLines(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const hash of small) if (large.has(hash)) shared++;
  return shared;
}

/** The annotated pages of a corpus grouped into sites: connected components of pages sharing a template. */
interface SiteGroups {
  readonly ids: readonly string[];
  readonly hashes: readonly Set<number>[];
  /** Site number of each page. */
  readonly site: readonly number[];
}

function groupSites(corpus: CorpusModel): SiteGroups {
  const ids = [...corpus.bodyPageLessons.keys()];
  const hashes = ids.map((id) => substantialHashes((corpus.bodyPageLessons.get(id) as BodyPageLesson).text));
  const parent = ids.map((_, index) => index);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let a = 0; a < ids.length; a++) {
    for (let b = a + 1; b < ids.length; b++) if (sameSite(hashes[a], hashes[b])) parent[find(b)] = find(a);
  }
  return { ids, hashes, site: ids.map((_, index) => find(index)) };
}

/** The rows an annotated page teaches (decision.ts analyses it as it would be without its own tags). */
export type RowsOf = (id: string, lesson: BodyPageLesson) => BodyRow[];

/** What was learned from a corpus's body lessons, valid while they, its pages and the settings stay. */
interface Learned {
  readonly version: number;
  readonly documents: number;
  readonly key: unknown;
  readonly options: BodyLearnerOptions;
  readonly groups: SiteGroups;
  readonly rows: Map<string, BodyRow[]>;
  /** Per site (its pages' ids joined). */
  readonly sites: Map<string, SiteModel | undefined>;
  /** Whether a model fitted on one annotated page beat the hand-set decision on the next page of its site. */
  onePage?: { errors: number; handErrors: number; strength: number; active: boolean; longestChangedRun: number };
}

const learnedOf = new WeakMap<CorpusModel, Learned>();

function learnedFor(corpus: CorpusModel, key: unknown, options: BodyLearnerOptions): Learned {
  const known = learnedOf.get(corpus);
  if (known && known.version === corpus.bodyPageVersion && known.documents === corpus.documentCount && known.key === key && known.options === options) return known;
  const learned: Learned = {
    version: corpus.bodyPageVersion,
    documents: corpus.documentCount,
    key,
    options,
    groups: groupSites(corpus),
    rows: new Map(),
    sites: new Map(),
  };
  learnedOf.set(corpus, learned);
  return learned;
}

function rowsOfPage(learned: Learned, corpus: CorpusModel, id: string, rowsOf: RowsOf): BodyRow[] {
  let rows = learned.rows.get(id);
  if (!rows) learned.rows.set(id, (rows = rowsOf(id, corpus.bodyPageLessons.get(id) as BodyPageLesson)));
  return rows;
}

/** The annotated pages of each site, oldest first, the latest maxPages of them. */
function sitesOf(learned: Learned): string[][] {
  const sites = new Map<number, string[]>();
  learned.groups.ids.forEach((id, index) => {
    const site = learned.groups.site[index];
    sites.set(site, [...(sites.get(site) ?? []), id]);
  });
  return [...sites.values()].map((ids) => ids.slice(-learned.options.maxPages));
}

/**
 * How many more of those next pages a one-page model must decide better than worse than the hand-set
 * decision: one pair of pages cannot show that one page teaches every other site's next page.
 */
const MIN_ONE_PAGE_LEAD = 2;

/**
 * The corpus's own measure of learning from a single page: on every site with several annotated pages, a
 * model fitted on each page decides the site's next one. A site with one annotated page uses its model
 * only when that made fewer line errors in all than the hand-set decision and decided at least
 * MIN_ONE_PAGE_LEAD more of those pages better than worse: a total a line better can hide a page it ruins
 * (on the development pages such a gate, passed by one line on one page, turned another site's share
 * buttons and related links into body).
 */
function onePageGate(learned: Learned, corpus: CorpusModel, rowsOf: RowsOf): NonNullable<Learned['onePage']> {
  if (!learned.onePage) {
    const pairs: Array<[BodyRow[], BodyRow[]]> = [];
    for (const ids of sitesOf(learned)) {
      for (let k = 0; k + 1 < ids.length; k++) pairs.push([rowsOfPage(learned, corpus, ids[k], rowsOf), rowsOfPage(learned, corpus, ids[k + 1], rowsOf)]);
    }
    const hand = pairs.map(([, next]) => errorsOf(next, undefined));
    const handErrors = hand.reduce((sum, e) => sum + e, 0);
    let best: { strength: number; errors: number; better: number; worse: number; longestChangedRun: number } | undefined;
    for (const strength of learned.options.strengths) {
      let errors = 0;
      let better = 0;
      let worse = 0;
      let longest = 0;
      pairs.forEach(([rows, next], i) => {
        const weights = fitSite(rows, strength);
        const e = errorsOf(next, weights);
        errors += e;
        longest = Math.max(longest, longestChangedRun(next, weights));
        if (e < hand[i]) better++;
        else if (e > hand[i]) worse++;
      });
      if (!best || errors < best.errors) best = { strength, errors, better, worse, longestChangedRun: longest };
    }
    const errors = best?.errors ?? 0;
    const active = best !== undefined && errors + learned.options.margin <= handErrors && best.better - best.worse >= MIN_ONE_PAGE_LEAD;
    learned.onePage = { errors, handErrors, strength: best?.strength ?? 0, active, longestChangedRun: best?.longestChangedRun ?? 0 };
  }
  return learned.onePage;
}

/**
 * The model of the site of a page whose substantial line hashes are `page`: the site of the annotated
 * page of its site it shares the most template lines with. Undefined when the page belongs to no site with
 * annotated pages, or its site's model did not measure better than the hand-set decision (with one
 * annotated page: models of one page did not, on the corpus's other sites). Trained when first needed and
 * kept until a body lesson changes or the corpus grows. `key` identifies what rowsOf depends on besides
 * the corpus and the options (the stop-word lexicon).
 */
export function activeSiteModel(corpus: CorpusModel, page: ReadonlySet<number>, rowsOf: RowsOf, key: unknown, options = DEFAULT_BODY_LEARNER): SiteModel | undefined {
  if (corpus.bodyPageLessons.size < 2) return undefined;
  const learned = learnedFor(corpus, key, options);
  const groups = learned.groups;
  let best = -1;
  let bestShared = 0;
  for (let index = 0; index < groups.ids.length; index++) {
    if (!sameSite(page, groups.hashes[index])) continue;
    const shared = sharedLines(page, groups.hashes[index]);
    if (shared > bestShared) {
      bestShared = shared;
      best = index;
    }
  }
  if (best < 0) return undefined;
  const members = groups.ids.filter((_, index) => groups.site[index] === groups.site[best]).slice(-options.maxPages);
  const model = siteModelOf(learned, corpus, members, rowsOf);
  return model?.active ? model : undefined;
}

/** The model of the site whose latest annotated pages are `members` (trained when first asked, then kept). */
function siteModelOf(learned: Learned, corpus: CorpusModel, members: readonly string[], rowsOf: RowsOf): SiteModel | undefined {
  const siteKey = members.join('\u0000');
  if (!learned.sites.has(siteKey)) {
    const rows = members.map((id) => rowsOfPage(learned, corpus, id, rowsOf));
    let model: SiteModel | undefined;
    if (members.length >= 2) model = trainSite(rows, learned.options);
    else if (rows[0].length > 0) {
      const gate = onePageGate(learned, corpus, rowsOf);
      if (gate.active) model = { weights: fitSite(rows[0], gate.strength), strength: gate.strength, pages: 1, errors: gate.errors, handErrors: gate.handErrors, active: true, longestChangedRun: gate.longestChangedRun };
    }
    learned.sites.set(siteKey, model);
  }
  return learned.sites.get(siteKey);
}

/** What the body line model measured for one site, for the Suggestion quality view. */
export interface SiteReport {
  /** The site's annotated pages learned from (ids, oldest first). */
  readonly pages: readonly string[];
  /** Whether its pages follow the site's model. */
  readonly active: boolean;
  /** Line errors on its held-out annotated pages: the model's and the hand-set decision's (with one
   * annotated page: those of one-page models on the next pages of other sites); undefined when not measured. */
  readonly errors?: number;
  readonly handErrors?: number;
}

/** Every site with annotated pages and what its model measured; empty with fewer than two annotated pages. */
export function siteReports(corpus: CorpusModel, rowsOf: RowsOf, key: unknown, options = DEFAULT_BODY_LEARNER): SiteReport[] {
  if (corpus.bodyPageLessons.size < 2) return [];
  const learned = learnedFor(corpus, key, options);
  return sitesOf(learned).map((members) => {
    const model = siteModelOf(learned, corpus, members, rowsOf);
    const measured = model ?? (members.length === 1 ? onePageGate(learned, corpus, rowsOf) : undefined);
    return { pages: members, active: model?.active ?? false, ...(measured ? { errors: measured.errors, handErrors: measured.handErrors } : {}) };
  });
}

/** Gaussian elimination with partial pivoting on a dense n x n system (row-major). */
function solve(matrix: Float64Array, vector: Float64Array): Float64Array {
  const n = vector.length;
  const a = new Float64Array(n * (n + 1));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) a[i * (n + 1) + j] = matrix[i * n + j];
    a[i * (n + 1) + n] = vector[i];
  }
  const w = n + 1;
  for (let column = 0; column < n; column++) {
    let pivot = column;
    for (let row = column + 1; row < n; row++) if (Math.abs(a[row * w + column]) > Math.abs(a[pivot * w + column])) pivot = row;
    if (pivot !== column) {
      for (let k = 0; k < w; k++) {
        const t = a[column * w + k];
        a[column * w + k] = a[pivot * w + k];
        a[pivot * w + k] = t;
      }
    }
    const diagonal = a[column * w + column];
    for (let row = column + 1; row < n; row++) {
      const factor = a[row * w + column] / diagonal;
      if (factor === 0) continue;
      for (let k = column; k < w; k++) a[row * w + k] -= factor * a[column * w + k];
    }
  }
  const result = new Float64Array(n);
  for (let row = n - 1; row >= 0; row--) {
    let sum = a[row * w + n];
    for (let k = row + 1; k < n; k++) sum -= a[row * w + k] * result[k];
    result[row] = sum / a[row * w + row];
  }
  return result;
}
