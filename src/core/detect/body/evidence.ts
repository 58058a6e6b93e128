// The evidence of one page analysis. Evidence is additive log-odds that a line is body; each piece carries
// a short human-readable reason. One EvidenceLog belongs to one analysis (decision.ts makes it and hands it
// to every signal), so analyses of several pages may run side by side and a page's reasons stay readable
// for as long as its log is kept.

import type { Evidence, LineInfo } from './types';

/**
 * A reason with a number in it ("repeated on 3 of 9 pages"), written out only for the lines whose reasons
 * are returned, and then once per distinct number. Immutable to its users: it only remembers what it wrote.
 */
export class NumberedReason {
  private readonly written = new Map<number, string>();

  constructor(
    private readonly write: (value: number) => string,
    /** At most this many written reasons are kept (0: none, for numbers that rarely repeat). */
    private readonly keep = 1_000,
  ) {}

  reason(value: number): string {
    let text = this.written.get(value);
    if (text === undefined) {
      text = this.write(value);
      if (this.written.size < this.keep) this.written.set(value, text);
    }
    return text;
  }
}

/** Evidence every line starts with: a line is boilerplate until something speaks for it. */
export const PRIOR_LOGIT = -0.6;

const MIN_CAPACITY = 256;

/**
 * The pieces of evidence of one page in the order they were added, in typed arrays rather than an object
 * per piece. The pieces of one line are chained (LineInfo.firstEvidence, lastEvidence, then `next`). A
 * reason is a string, or a NumberedReason and its number (`values`), written out by reasonsOf.
 */
export class EvidenceLog {
  private weights: Float64Array;
  private values: Float64Array;
  private next: Int32Array;
  private readonly reasons: (string | NumberedReason)[] = [];
  private count = 0;
  /** Scratch space of reasonsOf: a line has a handful of pieces of evidence. */
  private sorted = new Int32Array(64);

  /** expected: about how many pieces the page will have (the log grows past it when needed). */
  constructor(expected = MIN_CAPACITY) {
    const capacity = Math.max(MIN_CAPACITY, expected);
    this.weights = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
    this.next = new Int32Array(capacity);
  }

  add(info: LineInfo, weight: number, reason: string): void {
    this.log(info, weight, reason, 0);
  }

  /** Adds an evidence item made once for many lines (items are immutable). */
  addShared(info: LineInfo, item: Evidence): void {
    this.log(info, item.weight, item.reason, 0);
  }

  /** Adds evidence whose reason has a number in it (written out only when the reasons are read). */
  addNumbered(info: LineInfo, weight: number, reason: NumberedReason, value: number): void {
    this.log(info, weight, reason, value);
  }

  /** Evidence conclusive on its own: the line stays boilerplate even inside the main block. */
  markConclusive(info: LineInfo, weight: number, reason: string): void {
    this.log(info, weight, reason, 0);
    info.conclusive = true;
  }

  markConclusiveNumbered(info: LineInfo, weight: number, reason: NumberedReason, value: number): void {
    this.log(info, weight, reason, value);
    info.conclusive = true;
  }

  /**
   * The reasons of a line's evidence, strongest first (ties in the order they were added), after `first`
   * and followed by `last` when given.
   */
  reasonsOf(info: LineInfo, first: string, last: string | undefined): string[] {
    const weights = this.weights;
    let sorted = this.sorted;
    let count = 0;
    for (let at = info.firstEvidence; at >= 0; at = this.next[at]) {
      if (count === sorted.length) {
        const grown = new Int32Array(count * 2);
        grown.set(sorted);
        sorted = this.sorted = grown;
      }
      // Insertion sort by strength, stable like Array.sort.
      const strength = Math.abs(weights[at]);
      let j = count - 1;
      while (j >= 0 && Math.abs(weights[sorted[j]]) < strength) {
        sorted[j + 1] = sorted[j];
        j--;
      }
      sorted[j + 1] = at;
      count++;
    }
    const reasons = new Array<string>(count + (last === undefined ? 1 : 2));
    reasons[0] = first;
    for (let i = 0; i < count; i++) {
      const at = sorted[i];
      const reason = this.reasons[at];
      reasons[i + 1] = typeof reason === 'string' ? reason : reason.reason(this.values[at]);
    }
    if (last !== undefined) reasons[count + 1] = last;
    return reasons;
  }

  private log(info: LineInfo, weight: number, reason: string | NumberedReason, value: number): void {
    const at = this.count++;
    if (at === this.weights.length) this.grow();
    this.weights[at] = weight;
    this.values[at] = value;
    this.next[at] = -1;
    if (at === this.reasons.length) this.reasons.push(reason);
    else this.reasons[at] = reason;
    if (info.lastEvidence < 0) info.firstEvidence = at;
    else this.next[info.lastEvidence] = at;
    info.lastEvidence = at;
    info.logit += weight;
  }

  private grow(): void {
    const size = this.weights.length * 2;
    const weights = new Float64Array(size);
    weights.set(this.weights);
    this.weights = weights;
    const values = new Float64Array(size);
    values.set(this.values);
    this.values = values;
    const next = new Int32Array(size);
    next.set(this.next);
    this.next = next;
  }
}
