// Chance-corrected agreement over items (tokens) that every annotator put in one category: Cohen's κ for
// two annotators, Fleiss' κ for two or more. Both are kept as sums so that pages can be pooled into a
// corpus figure. A κ whose expected agreement is 1 (everyone used one and the same category throughout) is
// undefined and reported as null.

/** Cohen's κ of two annotators, accumulated item by item. */
export class CohenTally {
  items = 0;
  agreed = 0;
  readonly a = new Map<string, number>();
  readonly b = new Map<string, number>();

  add(categoryA: string, categoryB: string): void {
    this.items++;
    if (categoryA === categoryB) this.agreed++;
    this.a.set(categoryA, (this.a.get(categoryA) ?? 0) + 1);
    this.b.set(categoryB, (this.b.get(categoryB) ?? 0) + 1);
  }

  addAll(other: CohenTally): void {
    this.items += other.items;
    this.agreed += other.agreed;
    for (const [c, n] of other.a) this.a.set(c, (this.a.get(c) ?? 0) + n);
    for (const [c, n] of other.b) this.b.set(c, (this.b.get(c) ?? 0) + n);
  }

  /** κ = (p_o − p_e) / (1 − p_e); null without items or when p_e is 1. */
  kappa(): number | null {
    if (this.items === 0) return null;
    const observed = this.agreed / this.items;
    let expected = 0;
    for (const [c, n] of this.a) expected += (n / this.items) * ((this.b.get(c) ?? 0) / this.items);
    if (expected >= 1 - 1e-12) return null;
    return (observed - expected) / (1 - expected);
  }
}

/** Fleiss' κ of a fixed number of raters, accumulated item by item. */
export class FleissTally {
  items = 0;
  /** Σ over items of Σ_j n_ij (n_ij − 1): pairs of raters agreeing on item i. */
  agreeingPairs = 0;
  readonly totals = new Map<string, number>();

  constructor(readonly raters: number) {}

  /** One item: the category each rater gave it (raters.length entries). */
  add(categories: readonly string[]): void {
    if (categories.length !== this.raters) throw new Error(`Fleiss' kappa: ${categories.length} ratings for ${this.raters} raters`);
    this.items++;
    const counts = new Map<string, number>();
    for (const c of categories) counts.set(c, (counts.get(c) ?? 0) + 1);
    for (const [c, n] of counts) {
      this.agreeingPairs += n * (n - 1);
      this.totals.set(c, (this.totals.get(c) ?? 0) + n);
    }
  }

  addAll(other: FleissTally): void {
    this.items += other.items;
    this.agreeingPairs += other.agreeingPairs;
    for (const [c, n] of other.totals) this.totals.set(c, (this.totals.get(c) ?? 0) + n);
  }

  /** κ = (P̄ − P̄_e) / (1 − P̄_e) with P̄ the mean pairwise agreement per item; null when undefined. */
  kappa(): number | null {
    const n = this.raters;
    if (this.items === 0 || n < 2) return null;
    const meanAgreement = this.agreeingPairs / (this.items * n * (n - 1));
    let expected = 0;
    for (const total of this.totals.values()) expected += (total / (this.items * n)) ** 2;
    if (expected >= 1 - 1e-12) return null;
    return (meanAgreement - expected) / (1 - expected);
  }
}
