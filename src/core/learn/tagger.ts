// An averaged structured perceptron over BILOU tags with Viterbi decoding (Collins 2002), on hashed
// features. Tags: 0 = outside; for label l, 1 + 4l + (B, I, L, U). Transitions that make no span (I after
// O, B of one label then L of another) are impossible, so every decoded path is a list of whole spans.
// Training sequences may be partly labelled: a mask lists the allowed tags of each token, and the "gold"
// path is the best path the mask allows (a latent-variable perceptron), so a tag on a page not marked done
// teaches its own tokens without calling the rest of the line outside.

export const TAG_O = 0;

export function tagCount(labels: number): number {
  return 1 + 4 * labels;
}

/** 0 B, 1 I, 2 L, 3 U; -1 for O. */
export function tagPosition(tag: number): number {
  return tag === 0 ? -1 : (tag - 1) & 3;
}

export function tagLabel(tag: number): number {
  return tag === 0 ? -1 : (tag - 1) >> 2;
}

export function tagOf(label: number, position: number): number {
  return 1 + 4 * label + position;
}

/** One sequence: token k's feature hashes are feats[offsets[k] .. offsets[k + 1]) (bucket: hash & mask). */
export interface Sequence {
  offsets: Int32Array;
  feats: Int32Array;
}

let combinedScratch = new Float64Array(64);
let alphaScratch = new Float64Array(1024);
let betaScratch = new Float64Array(1024);
let backScratch = new Int32Array(1024);
/** Features of a line whose weight rows are read, and the score row of their token. */
let hitBuckets = new Int32Array(4096);
let hitRows = new Int32Array(4096);

const NEG = -1e30;

function allowedTransition(from: number, to: number): boolean {
  const fp = tagPosition(from);
  const tp = tagPosition(to);
  const open = fp === 0 || fp === 1; // B or I: the span goes on
  if (open) return (tp === 1 || tp === 2) && tagLabel(from) === tagLabel(to);
  return tp === -1 || tp === 0 || tp === 3;
}

/** Per tag t, the tags `other` with linked(t, other), in increasing order: list[start[t] .. start[t + 1]). */
function neighbours(T: number, linked: (t: number, other: number) => boolean): [Int32Array, Int32Array] {
  const list: number[] = [];
  const start = new Int32Array(T + 1);
  for (let t = 0; t < T; t++) {
    start[t] = list.length;
    for (let other = 0; other < T; other++) if (linked(t, other)) list.push(other);
  }
  start[T] = list.length;
  return [start, Int32Array.from(list)];
}

function allowedStart(tag: number): boolean {
  const p = tagPosition(tag);
  return p === -1 || p === 0 || p === 3;
}

function allowedEnd(tag: number): boolean {
  const p = tagPosition(tag);
  return p === -1 || p === 2 || p === 3;
}

/**
 * scores[row + t] = the sum of w[bases[i] + t] over i < hits (added to scores[row + t] when `onto`), for each
 * tag t < T, added in order and rounded
 * to float32 at each step as adding into the score array would: the same sums, kept in locals instead of a
 * load and store per feature. Tag O alone, then a label's four tags side by side (four independent sums
 * run in parallel where one waits on the last add).
 */
function sumRows(w: Float32Array, bases: Int32Array, hits: number, scores: Float32Array, row: number, T: number, onto: boolean): void {
  if (T === 5) {
    // one label: the five sums in one pass over the rows
    let o = onto ? scores[row] : 0;
    let b = onto ? scores[row + 1] : 0;
    let inside = onto ? scores[row + 2] : 0;
    let last = onto ? scores[row + 3] : 0;
    let unit = onto ? scores[row + 4] : 0;
    for (let i = 0; i < hits; i++) {
      const at = bases[i];
      o = Math.fround(o + w[at]);
      b = Math.fround(b + w[at + 1]);
      inside = Math.fround(inside + w[at + 2]);
      last = Math.fround(last + w[at + 3]);
      unit = Math.fround(unit + w[at + 4]);
    }
    scores[row] = o;
    scores[row + 1] = b;
    scores[row + 2] = inside;
    scores[row + 3] = last;
    scores[row + 4] = unit;
    return;
  }
  let o = onto ? scores[row] : 0;
  for (let i = 0; i < hits; i++) o = Math.fround(o + w[bases[i]]);
  scores[row] = o;
  for (let t = 1; t < T; t += 4) {
    let b = onto ? scores[row + t] : 0;
    let inside = onto ? scores[row + t + 1] : 0;
    let last = onto ? scores[row + t + 2] : 0;
    let unit = onto ? scores[row + t + 3] : 0;
    for (let i = 0; i < hits; i++) {
      const at = bases[i] + t;
      b = Math.fround(b + w[at]);
      inside = Math.fround(inside + w[at + 1]);
      last = Math.fround(last + w[at + 2]);
      unit = Math.fround(unit + w[at + 3]);
    }
    scores[row + t] = b;
    scores[row + t + 1] = inside;
    scores[row + t + 2] = last;
    scores[row + t + 3] = unit;
  }
}

// Viterbi's loops for one label (tags O, B, I, L, U), unrolled: what viterbi does with the lists of allowed
// predecessors and successors, in the same order and with the same float64 sums, with the previous token's
// five scores and the transition weights held in locals. O, B and U follow O, L or U; I and L follow B or I.

/** The forward pass of viterbi without a mask, for one label (predWeights: preds of O, B, I, L, U in turn). */
function forwardOneLabel(alpha: Float64Array, back: Int32Array, emissions: Float32Array, n: number, pw: Float64Array): void {
  const oo = pw[0], lo = pw[1], uo = pw[2];
  const ob = pw[3], lb = pw[4], ub = pw[5];
  const bi = pw[6], ii = pw[7];
  const bl = pw[8], il = pw[9];
  const ou = pw[10], lu = pw[11], uu = pw[12];
  for (let row = 5; row < n * 5; row += 5) {
    const o = alpha[row - 5];
    const b = alpha[row - 4];
    const i = alpha[row - 3];
    const l = alpha[row - 2];
    const u = alpha[row - 1];
    fromClosed(alpha, back, emissions, row, o + oo, l + lo, u + uo);
    fromClosed(alpha, back, emissions, row + 1, o + ob, l + lb, u + ub);
    fromOpen(alpha, back, emissions, row + 2, b + bi, i + ii);
    fromOpen(alpha, back, emissions, row + 3, b + bl, i + il);
    fromClosed(alpha, back, emissions, row + 4, o + ou, l + lu, u + uu);
  }
}

/** alpha and back at `at` from the scores through O, L and U (viterbi's order: the first best is kept). */
function fromClosed(alpha: Float64Array, back: Int32Array, emissions: Float32Array, at: number, o: number, l: number, u: number): void {
  let best = NEG * 2;
  let arg = 0;
  if (o > best) best = o;
  if (l > best) {
    best = l;
    arg = 3;
  }
  if (u > best) {
    best = u;
    arg = 4;
  }
  alpha[at] = best + emissions[at];
  back[at] = arg;
}

/** alpha and back at `at` from the scores through B and I. */
function fromOpen(alpha: Float64Array, back: Int32Array, emissions: Float32Array, at: number, b: number, i: number): void {
  let best = NEG * 2;
  let arg = 0;
  if (b > best) {
    best = b;
    arg = 1;
  }
  if (i > best) {
    best = i;
    arg = 2;
  }
  alpha[at] = best + emissions[at];
  back[at] = arg;
}

/** The backward pass of viterbi's margins, for one label (succWeights: succs of O, B, I, L, U in turn; beta's last row set). */
function backwardOneLabel(beta: Float64Array, emissions: Float32Array, n: number, sw: Float64Array): void {
  const oo = sw[0], ob = sw[1], ou = sw[2];
  const bi = sw[3], bl = sw[4];
  const ii = sw[5], il = sw[6];
  const lo = sw[7], lb = sw[8], lu = sw[9];
  const uo = sw[10], ub = sw[11], uu = sw[12];
  for (let row = (n - 2) * 5; row >= 0; row -= 5) {
    const next = row + 5;
    const eo = emissions[next], eb = emissions[next + 1], ei = emissions[next + 2], el = emissions[next + 3], eu = emissions[next + 4];
    const zo = beta[next], zb = beta[next + 1], zi = beta[next + 2], zl = beta[next + 3], zu = beta[next + 4];
    beta[row] = max3(oo + eo + zo, ob + eb + zb, ou + eu + zu);
    beta[row + 1] = max2(bi + ei + zi, bl + el + zl);
    beta[row + 2] = max2(ii + ei + zi, il + el + zl);
    beta[row + 3] = max3(lo + eo + zo, lb + eb + zb, lu + eu + zu);
    beta[row + 4] = max3(uo + eo + zo, ub + eb + zb, uu + eu + zu);
  }
}

/** The running maximum viterbi's backward loop takes, from NEG * 2, of two or three values. */
function max2(a: number, b: number): number {
  let m = NEG * 2;
  if (a > m) m = a;
  if (b > m) m = b;
  return m;
}

function max3(a: number, b: number, c: number): number {
  return max2(max2(a, b), c);
}

export class Perceptron {
  readonly tags: number;
  readonly bucketMask: number;
  /** Emission weights: bucket * tags + tag. */
  weights: Float32Array;
  /** Transition weights: from * tags + to. */
  transitions: Float32Array;
  private readonly structure: Float32Array;
  /** One bit per bucket with a non-zero weight (see liveRows), and the weights it was made from. */
  private live: Uint32Array | undefined;
  private liveOf: Float32Array | undefined;

  constructor(readonly labels: number, readonly bits: number, weights?: Float32Array, transitions?: Float32Array) {
    this.tags = tagCount(labels);
    this.bucketMask = (1 << bits) - 1;
    this.weights = weights ?? new Float32Array((1 << bits) * this.tags);
    this.transitions = transitions ?? new Float32Array(this.tags * this.tags);
    // hard structure: 0 where allowed, NEG elsewhere; row `tags` is the start, column-wise end in endRow
    const T = this.tags;
    this.structure = new Float32Array((T + 2) * T);
    for (let a = 0; a < T; a++) for (let b = 0; b < T; b++) this.structure[a * T + b] = allowedTransition(a, b) ? 0 : NEG;
    for (let b = 0; b < T; b++) {
      this.structure[T * T + b] = allowedStart(b) ? 0 : NEG;
      this.structure[(T + 1) * T + b] = allowedEnd(b) ? 0 : NEG;
    }
    [this.predStart, this.preds] = neighbours(T, (t, other) => allowedTransition(other, t));
    [this.succStart, this.succs] = neighbours(T, (t, other) => allowedTransition(t, other));
    this.predWeights = new Float64Array(this.preds.length);
    this.succWeights = new Float64Array(this.succs.length);
  }

  /** Per tag, the tags that may come before it (preds[predStart[t] .. predStart[t + 1]), in order). */
  private readonly predStart: Int32Array;
  private readonly preds: Int32Array;
  /** Per tag, the tags that may follow it, likewise. */
  private readonly succStart: Int32Array;
  private readonly succs: Int32Array;
  /** Per call of viterbi, the transition weight of each entry of preds and succs: read in the order the
   * loops go, instead of gathered from the T x T table. */
  private readonly predWeights: Float64Array;
  private readonly succWeights: Float64Array;

  /**
   * A filter of the buckets whose weights are not all zero: bit (bucket & filterMask) is set for each of
   * them (made once per weight array: weights are not changed in place after tagging starts, except
   * through markLive). Most features of a page have no weight; this filter is small enough to stay in the
   * CPU cache where the weight table does not, and skipping a zero row changes no score (x + 0 === x). A
   * bucket sharing a bit with a live one is read as before.
   */
  liveRows(): Uint32Array {
    if (this.live !== undefined && this.liveOf === this.weights) return this.live;
    const T = this.tags;
    const w = this.weights;
    const rows: number[] = [];
    for (let b = 0, i = 0; b <= this.bucketMask; b++) {
      for (let t = 0; t < T; t++, i++) {
        if (w[i] !== 0) {
          rows.push(b);
          i += T - t;
          break;
        }
      }
    }
    // about 64 bits per live bucket (few false hits), at least 2^15 (training adds live buckets), at most one per bucket
    let bits = 15;
    while (bits < this.bits && 1 << bits < rows.length * 64) bits++;
    this.filterMask = (1 << bits) - 1;
    const live = new Uint32Array((1 << bits) >>> 5 || 1);
    for (const b of rows) live[(b & this.filterMask) >>> 5] |= 1 << (b & 31);
    this.live = live;
    this.liveOf = w;
    return live;
  }

  /** Bits of a bucket kept in the live-row filter. */
  private filterMask = 0;

  /** Records that bucket's weights may have become non-zero (training changes weights in place). */
  markLive(bucket: number): void {
    const live = this.liveRows();
    const b = bucket & this.filterMask;
    live[b >>> 5] |= 1 << (b & 31);
  }

  /** Whether feature `hash` has a non-zero weight for some tag (the model learned something of it). */
  knows(hash: number): boolean {
    const base = (hash & this.bucketMask) * this.tags;
    for (let t = 0; t < this.tags; t++) if (this.weights[base + t] !== 0) return true;
    return false;
  }

  /** Emission scores of every token and tag. */
  emissions(seq: Sequence, out?: Float32Array): Float32Array {
    const T = this.tags;
    const n = seq.offsets.length - 1;
    const scores = out && out.length >= n * T ? out : new Float32Array(n * T);
    const { offsets, feats } = seq;
    for (let k = 0; k < n; k++) this.tokenEmissions(feats, offsets[k], offsets[k + 1], scores, k * T);
    return scores;
  }

  /** scores[row + t] = the emission score of tag t from the features feats[from .. to) of one token. */
  tokenEmissions(feats: Int32Array, from: number, to: number, scores: Float32Array, row: number): void {
    this.sumFeatures(feats, from, to, scores, row, false);
  }

  /** Adds the emission scores of features feats[0 .. count) of one token to scores[row + t]. */
  addTokenEmissions(feats: Int32Array, count: number, scores: Float32Array, row: number): void {
    this.sumFeatures(feats, 0, count, scores, row, true);
  }

  private sumFeatures(feats: Int32Array, from: number, to: number, scores: Float32Array, row: number, onto: boolean): void {
    if (hitBuckets.length < to - from) {
      hitBuckets = new Int32Array((to - from) * 2);
      hitRows = new Int32Array((to - from) * 2);
    }
    const bases = hitBuckets;
    const T = this.tags;
    const mask = this.bucketMask;
    const live = this.liveRows();
    const filter = this.filterMask;
    // first the token's features whose rows may have weights, in order and without a branch (a
    // mispredicted branch per feature would stall the reads of the weight table)
    let hits = 0;
    for (let f = from; f < to; f++) {
      const bucket = feats[f] & mask;
      bases[hits] = bucket * T;
      hits += (live[(bucket & filter) >>> 5] >>> (bucket & 31)) & 1;
    }
    sumRows(this.weights, bases, hits, scores, row, T, onto);
  }

  /**
   * Adds features to the emission scores of some tokens: feature i belongs to token tokens[i]. Per token,
   * the sum is the one `emissions` makes when they follow the token's own features in that order.
   */
  addEmissions(scores: Float32Array, tokens: Int32Array, feats: Int32Array, length: number): void {
    if (hitBuckets.length < length) {
      hitBuckets = new Int32Array(length * 2);
      hitRows = new Int32Array(length * 2);
    }
    const buckets = hitBuckets;
    const rows = hitRows;
    const T = this.tags;
    const mask = this.bucketMask;
    const live = this.liveRows();
    const filter = this.filterMask;
    let hits = 0;
    for (let i = 0; i < length; i++) {
      const bucket = feats[i] & mask;
      buckets[hits] = bucket;
      rows[hits] = tokens[i] * T;
      hits += (live[(bucket & filter) >>> 5] >>> (bucket & 31)) & 1;
    }
    this.addRows(scores, buckets, rows, hits);
  }

  /** scores[rows[i] + t] += weights of buckets[i], for i < count in order. */
  private addRows(scores: Float32Array, buckets: Int32Array, rows: Int32Array, count: number): void {
    const T = this.tags;
    const w = this.weights;
    for (let i = 0; i < count; i++) {
      const base = buckets[i] * T;
      const row = rows[i];
      for (let t = 0; t < T; t++) scores[row + t] += w[base + t];
    }
  }

  /**
   * The best tag path given emission scores; `mask` (bits of allowed tags per token) constrains it.
   * With `marginOut`, also the margin of each token on a span of the best path: that path's score minus
   * the best score of a path giving the token another tag (margins of spans are what is read; the other
   * tokens' entries are left as they were). `pathOut` (at least n long) is filled and returned instead of a new array.
   */
  viterbi(emissions: Float32Array, n: number, mask?: Uint32Array, marginOut?: Float32Array, pathOut?: Int32Array): Int32Array {
    const T = this.tags;
    const path = pathOut ?? new Int32Array(n);
    if (n === 0) return path;
    const st = this.structure;
    // transitions with the hard structure added, once per call instead of in the innermost loop
    const tr = combinedScratch.length >= T * T ? combinedScratch : (combinedScratch = new Float64Array(T * T));
    for (let i = 0; i < T * T; i++) tr[i] = this.transitions[i] + st[i];
    const { preds, predStart, succs, succStart, predWeights, succWeights } = this;
    for (let t = 0; t < T; t++) {
      for (let i = predStart[t]; i < predStart[t + 1]; i++) predWeights[i] = tr[preds[i] * T + t];
      for (let i = succStart[t]; i < succStart[t + 1]; i++) succWeights[i] = tr[t * T + succs[i]];
    }
    if (alphaScratch.length < n * T) {
      alphaScratch = new Float64Array(n * T * 2);
      betaScratch = new Float64Array(n * T * 2);
      backScratch = new Int32Array(n * T * 2);
    }
    const alpha = alphaScratch;
    const back = backScratch;
    for (let t = 0; t < T; t++) {
      const ok = mask === undefined || (mask[0] >>> t) & 1;
      alpha[t] = ok ? emissions[t] + st[T * T + t] : NEG;
    }
    if (mask === undefined && T === 5) forwardOneLabel(alpha, back, emissions, n, predWeights);
    else if (mask === undefined) {
      // every tag is reachable from one that may come before it, with a score far above any path through a
      // forbidden transition: the best predecessor is among the allowed ones, found in the same order
      for (let k = 1; k < n; k++) {
        const row = k * T;
        const prev = row - T;
        for (let t = 0; t < T; t++) {
          let best = NEG * 2;
          let arg = 0;
          for (let i = predStart[t], end = predStart[t + 1]; i < end; i++) {
            const p = preds[i];
            const s = alpha[prev + p] + predWeights[i];
            if (s > best) {
              best = s;
              arg = p;
            }
          }
          alpha[row + t] = best + emissions[row + t];
          back[row + t] = arg;
        }
      }
    }
    for (let k = mask === undefined ? n : 1; k < n; k++) {
      const row = k * T;
      const prev = row - T;
      const allowed = mask === undefined ? -1 : mask[k];
      for (let t = 0; t < T; t++) {
        if (((allowed >>> t) & 1) === 0) {
          alpha[row + t] = NEG;
          continue;
        }
        let best = NEG * 2;
        let arg = 0;
        for (let p = 0, at = t; p < T; p++, at += T) {
          const s = alpha[prev + p] + tr[at];
          if (s > best) {
            best = s;
            arg = p;
          }
        }
        alpha[row + t] = best + emissions[row + t];
        back[row + t] = arg;
      }
    }
    let best = NEG * 2;
    let arg = 0;
    const last = (n - 1) * T;
    for (let t = 0; t < T; t++) {
      const s = alpha[last + t] + st[(T + 1) * T + t];
      if (s > best) {
        best = s;
        arg = t;
      }
    }
    path[n - 1] = arg;
    let spans = arg !== TAG_O;
    for (let k = n - 1; k > 0; k--) {
      const tag = back[k * T + path[k]];
      path[k - 1] = tag;
      if (tag !== TAG_O) spans = true;
    }
    if (marginOut && spans) {
      // backward max scores (emission of the token itself excluded); before the last token every tag can
      // end a path through allowed transitions, far above any through a forbidden one: the allowed
      // successors give the same maximum
      const beta = betaScratch;
      for (let t = 0; t < T; t++) beta[last + t] = st[(T + 1) * T + t];
      if (T === 5) backwardOneLabel(beta, emissions, n, succWeights);
      for (let k = T === 5 ? -1 : n - 2; k >= 0; k--) {
        const row = k * T;
        const next = row + T;
        for (let t = 0; t < T; t++) {
          let b = NEG * 2;
          for (let i = succStart[t], end = succStart[t + 1]; i < end; i++) {
            const q = succs[i];
            const s = succWeights[i] + emissions[next + q] + beta[next + q];
            if (s > b) b = s;
          }
          beta[row + t] = b;
        }
      }
      for (let k = 0; k < n; k++) {
        if (path[k] === TAG_O) continue;
        const row = k * T;
        let other = NEG * 2;
        for (let t = 0; t < T; t++) if (t !== path[k]) other = Math.max(other, alpha[row + t] + beta[row + t]);
        marginOut[k] = best - other;
      }
    }
    return path;
  }

  /** The score of a tag path: its emissions, transitions, start and end. */
  pathScore(emissions: Float32Array, n: number, path: Int32Array): number {
    const T = this.tags;
    const st = this.structure;
    let score = st[T * T + path[0]] + st[(T + 1) * T + path[n - 1]];
    for (let k = 0; k < n; k++) {
      score += emissions[k * T + path[k]];
      if (k > 0) score += this.transitions[path[k - 1] * T + path[k]] + st[path[k - 1] * T + path[k]];
    }
    return score;
  }

  /**
   * How far the best path's score is above that of the best path tagging tokens from .. to - 1 as one span
   * of `label`: 0 where the best path has that span, larger the less the model believes it.
   */
  spanGap(emissions: Float32Array, n: number, from: number, to: number, label: number): number {
    if (gapBest.length < n) {
      gapBest = new Int32Array(n * 2);
      gapSpan = new Int32Array(n * 2);
      gapMask = new Uint32Array(n * 2);
    }
    const best = this.pathScore(emissions, n, this.viterbi(emissions, n, undefined, undefined, gapBest));
    const mask = gapMask;
    mask.fill(0xffffffff, 0, n);
    for (let k = from; k < to; k++) mask[k] = 1 << tagOf(label, to - from === 1 ? 3 : k === from ? 0 : k === to - 1 ? 2 : 1);
    return Math.max(0, best - this.pathScore(emissions, n, this.viterbi(emissions, n, mask, undefined, gapSpan)));
  }

  /**
   * spanGap read near the span only: the best path `path` (of `emissions`) is kept outside `window` tokens on
   * either side of the span, and only those tokens may change. A path of that kind is one of the paths
   * spanGap compares, so this gap is never below spanGap's; it is what spanGap says wherever the best reading
   * with the span rejoins the best path within the window, as it does but for long names. A few tokens'
   * work instead of the line's.
   */
  spanGapNear(emissions: Float32Array, n: number, path: ArrayLike<number>, from: number, to: number, label: number, window: number): number {
    const T = this.tags;
    const st = this.structure;
    // transitions with the hard structure added, then two rows of Viterbi scores (no closures: this runs
    // at every occurrence of a found name)
    if (nearScratch.length < T * T + 2 * T) nearScratch = new Float64Array(T * T + 2 * T);
    const tr = nearScratch;
    for (let i = 0; i < T * T; i++) tr[i] = this.transitions[i] + st[i];
    const a = from - window > 0 ? from - window : 0;
    const b = to - 1 + window < n - 1 ? to - 1 + window : n - 1;
    // the ways into the window and out of it: from the best path's tag before it, or the line's start
    const inA = a === 0 ? -1 : path[a - 1];
    const outB = b === n - 1 ? -1 : path[b + 1];
    const startRow = T * T;
    const endRow = (T + 1) * T;
    // the best path's score over the window, with its ways in and out
    let kept = (inA < 0 ? st[startRow + path[a]] : tr[inA * T + path[a]]) + (outB < 0 ? st[endRow + path[b]] : tr[path[b] * T + outB]);
    for (let k = a; k <= b; k++) {
      kept += emissions[k * T + path[k]];
      if (k > a) kept += tr[path[k - 1] * T + path[k]];
    }
    const first = tagOf(label, 0);
    const single = to - from === 1;
    let prev = T * T;
    let next = T * T + T;
    for (let k = a; k <= b; k++) {
      // the tag the span forces at k, or -1 outside it
      const forced = k < from || k >= to ? -1 : single ? first + 3 : k === from ? first : k === to - 1 ? first + 2 : first + 1;
      for (let t = 0; t < T; t++) {
        if (forced >= 0 && t !== forced) {
          tr[next + t] = NEG;
          continue;
        }
        let bestIn: number;
        if (k === a) bestIn = inA < 0 ? st[startRow + t] : tr[inA * T + t];
        else {
          bestIn = NEG * 2;
          for (let p = 0; p < T; p++) {
            const v = tr[prev + p] + tr[p * T + t];
            if (v > bestIn) bestIn = v;
          }
        }
        tr[next + t] = bestIn + emissions[k * T + t];
      }
      const swap = prev;
      prev = next;
      next = swap;
    }
    let withSpan = NEG * 2;
    for (let t = 0; t < T; t++) {
      const v = tr[prev + t] + (outB < 0 ? st[endRow + t] : tr[t * T + outB]);
      if (v > withSpan) withSpan = v;
    }
    return kept - withSpan > 0 ? kept - withSpan : 0;
  }
}

let nearScratch = new Float64Array(16);
let gapBest = new Int32Array(256);
let gapSpan = new Int32Array(256);
let gapMask = new Uint32Array(256);

/** Training state of a perceptron: running sums for the averaged weights (Daumé's trick: w - u / c). */
export class PerceptronTrainer {
  private readonly w: Float64Array;
  private readonly u: Float64Array;
  private readonly tw: Float64Array;
  private readonly tu: Float64Array;
  private c = 1;
  private scratch = new Float32Array(1024);

  constructor(readonly model: Perceptron) {
    this.w = Float64Array.from(model.weights);
    this.u = new Float64Array(model.weights.length);
    this.tw = Float64Array.from(model.transitions);
    this.tu = new Float64Array(model.transitions.length);
  }

  /** One perceptron step on a sequence whose allowed tags are `mask`; returns whether it erred. */
  step(seq: Sequence, mask: Uint32Array, fullyLabelled: boolean): boolean {
    const model = this.model;
    const T = model.tags;
    const n = seq.offsets.length - 1;
    if (n === 0) return false;
    // current (not averaged) weights drive training
    model.weights = this.current ??= new Float32Array(this.w);
    model.transitions = this.currentTransitions ??= new Float32Array(this.tw);
    if (this.scratch.length < n * T) this.scratch = new Float32Array(n * T * 2);
    const emissions = model.emissions(seq, this.scratch);
    const predicted = model.viterbi(emissions, n);
    let gold: Int32Array;
    if (fullyLabelled) {
      gold = new Int32Array(n);
      for (let k = 0; k < n; k++) gold[k] = 31 - Math.clz32(mask[k]);
    } else gold = model.viterbi(emissions, n, mask);
    let erred = false;
    for (let k = 0; k < n; k++) {
      const g = gold[k];
      const p = predicted[k];
      if (g !== p) {
        erred = true;
        for (let f = seq.offsets[k]; f < seq.offsets[k + 1]; f++) {
          const bucket = seq.feats[f] & model.bucketMask;
          model.markLive(bucket);
          const base = bucket * T;
          this.update(base + g, 1);
          this.update(base + p, -1);
        }
      }
      if (k > 0 && (g !== p || gold[k - 1] !== predicted[k - 1])) {
        this.updateTransition(gold[k - 1] * T + g, 1);
        this.updateTransition(predicted[k - 1] * T + p, -1);
      }
    }
    this.c++;
    return erred;
  }

  private current: Float32Array | undefined;
  private currentTransitions: Float32Array | undefined;

  private update(index: number, delta: number): void {
    this.w[index] += delta;
    this.u[index] += this.c * delta;
    this.current![index] = this.w[index];
  }

  private updateTransition(index: number, delta: number): void {
    this.tw[index] += delta;
    this.tu[index] += this.c * delta;
    this.currentTransitions![index] = this.tw[index];
  }

  /** The averaged model (the trainer's own state stays as it is). */
  averaged(): Perceptron {
    const weights = new Float32Array(this.w.length);
    const c = this.c;
    for (let i = 0; i < weights.length; i++) if (this.u[i] !== 0 || this.w[i] !== 0) weights[i] = this.w[i] - this.u[i] / c;
    const transitions = new Float32Array(this.tw.length);
    for (let i = 0; i < transitions.length; i++) transitions[i] = this.tw[i] - this.tu[i] / c;
    return new Perceptron(this.model.labels, this.model.bits, weights, transitions);
  }
}

/** A small deterministic random generator (mulberry32), for shuffling training sequences. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
