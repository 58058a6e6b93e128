// Word classes: the corpus's words grouped by the words that stand beside them, read from every page,
// tagged or not. A word the annotator has never tagged ("Quảng", "Ltd") still shares a class with words
// that were, and a class of verbs of saying or of prepositions before names tells the span tagger what the
// next word may be. No label is read, so the classes are as good on the first page as on the last.
//
// Each word of 3 uses or more (the most frequent MAX_WORDS) gets a vector of its left and right neighbours
// among the CONTEXTS most frequent tokens of 3 uses or more (positive pointwise mutual information, unit length); spherical
// k-means with a fixed seed makes CLASS_COUNT classes. The same pages give the same classes.

import { codeUnitOrder } from '../text/order';

/** Token ids in a page's sequence: words are their profile ids (>= 0). */
export const LINE_EDGE_ID = -1;
export const NUMBER_ID = -2;
export const OTHER_ID = -3;

export const CLASS_COUNT = 64;
const CONTEXTS = 300;
const MIN_USES = 3;
const MAX_WORDS = 10000;
const ROUNDS = 20;

/** Plain, JSON-safe form: per class, its words (lower-cased) separated by spaces. */
export interface WordClassesData {
  classes: string[];
}

export class WordClasses {
  private constructor(private readonly classOfWord: ReadonlyMap<string, number>, readonly count: number) {}

  /** The class of a word as written (the classes hold lower-cased words), -1 when it has none. */
  classOf(word: string): number {
    return this.classOfWord.get(word) ?? this.classOfWord.get(word.normalize('NFC')) ?? -1;
  }

  toJSON(): WordClassesData {
    const classes: string[][] = Array.from({ length: this.count }, () => []);
    for (const [word, c] of this.classOfWord) classes[c].push(word);
    return { classes: classes.map((words) => words.join(' ')) };
  }

  static fromJSON(data: WordClassesData): WordClasses {
    if (!Array.isArray(data.classes)) throw new Error('word classes missing');
    const classOfWord = new Map<string, number>();
    data.classes.forEach((words, c) => {
      if (typeof words !== 'string') throw new Error('word classes damaged');
      for (const word of words.split(' ')) if (word) classOfWord.set(word, c);
    });
    return new WordClasses(classOfWord, data.classes.length);
  }

  /**
   * The classes of the words of `sequences` (per page, token ids with LINE_EDGE_ID between lines), where
   * `wordOf` names a word id. Undefined when the pages hold too few words to class.
   */
  static of(sequences: Iterable<Int32Array>, wordOf: (id: number) => string): WordClasses | undefined {
    const uses = new Map<number, number>();
    for (const sequence of sequences) for (const id of sequence) uses.set(id, (uses.get(id) ?? 0) + 1);
    // ties in the order of the words, not of their ids: the editor reads pages in another order than the CLI
    const name = (id: number): string => (id < 0 ? String(id) : wordOf(id));
    const byUses = [...uses.entries()].sort((a, b) => b[1] - a[1] || codeUnitOrder(name(a[0]), name(b[0])));
    const contextOf = new Map<number, number>();
    // a rare neighbour says nothing shared: it counts as "another token"
    for (const [id] of byUses.filter(([, n]) => n >= MIN_USES).slice(0, CONTEXTS)) contextOf.set(id, contextOf.size);
    const targets = byUses.filter(([id, n]) => id >= 0 && n >= MIN_USES).slice(0, MAX_WORDS).map(([id]) => id);
    if (targets.length < CLASS_COUNT * 2) return undefined;
    const targetOf = new Map(targets.map((id, i) => [id, i]));
    const vectors = neighbourVectors(sequences, targetOf, contextOf);
    const assignment = sphericalKMeans(vectors, CLASS_COUNT, 2 * (CONTEXTS + 1));
    return new WordClasses(new Map(targets.map((id, i) => [wordOf(id), assignment[i]])), CLASS_COUNT);
  }
}

interface SparseVector {
  dims: Int32Array;
  values: Float64Array;
}

/** Per target word: PPMI of its left neighbour (dims 0..CONTEXTS) and right neighbour (the rest), the
 * last dim of each side standing for every other token. */
function neighbourVectors(sequences: Iterable<Int32Array>, targetOf: ReadonlyMap<number, number>, contextOf: ReadonlyMap<number, number>): SparseVector[] {
  const counts = Array.from({ length: targetOf.size }, () => new Map<number, number>());
  const dimTotals = new Float64Array(2 * (CONTEXTS + 1));
  let total = 0;
  const add = (target: number, dim: number): void => {
    counts[target].set(dim, (counts[target].get(dim) ?? 0) + 1);
    dimTotals[dim]++;
    total++;
  };
  for (const sequence of sequences) {
    for (let i = 0; i < sequence.length; i++) {
      const target = targetOf.get(sequence[i]);
      if (target === undefined) continue;
      const left = i > 0 ? sequence[i - 1] : LINE_EDGE_ID;
      const right = i + 1 < sequence.length ? sequence[i + 1] : LINE_EDGE_ID;
      add(target, contextOf.get(left) ?? CONTEXTS);
      add(target, CONTEXTS + 1 + (contextOf.get(right) ?? CONTEXTS));
    }
  }
  return counts.map((row) => {
    let rowTotal = 0;
    for (const n of row.values()) rowTotal += n;
    const dims: number[] = [];
    const values: number[] = [];
    for (const [dim, n] of row) {
      const pmi = Math.log((n * total) / (rowTotal * dimTotals[dim]));
      if (pmi > 0) {
        dims.push(dim);
        values.push(pmi);
      }
    }
    const norm = Math.sqrt(values.reduce((sum, v) => sum + v * v, 0)) || 1;
    return { dims: Int32Array.from(dims), values: Float64Array.from(values, (v) => v / norm) };
  });
}

/** Cosine k-means: k-means++ seeding from a fixed-seed generator, then ROUNDS rounds. */
function sphericalKMeans(vectors: readonly SparseVector[], k: number, dims: number): Int32Array {
  const n = vectors.length;
  const centroids = Array.from({ length: k }, () => new Float64Array(dims));
  let seed = 12345;
  const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
  const dot = (centroid: Float64Array, v: SparseVector): number => {
    let sum = 0;
    for (let j = 0; j < v.dims.length; j++) sum += centroid[v.dims[j]] * v.values[j];
    return sum;
  };
  const placeAt = (centroid: Float64Array, v: SparseVector): void => {
    centroid.fill(0);
    v.dims.forEach((dim, j) => (centroid[dim] = v.values[j]));
  };
  // k-means++: each next centre drawn with chance growing with its distance to the nearest centre so far
  const nearest = new Float64Array(n).fill(-Infinity);
  placeAt(centroids[0], vectors[Math.floor(random() * n)]);
  for (let c = 1; c < k; c++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      nearest[i] = Math.max(nearest[i], dot(centroids[c - 1], vectors[i]));
      sum += Math.max(0, 1 - nearest[i]);
    }
    let pick = random() * sum;
    let chosen = n - 1;
    for (let i = 0; i < n; i++) {
      pick -= Math.max(0, 1 - nearest[i]);
      if (pick <= 0) {
        chosen = i;
        break;
      }
    }
    placeAt(centroids[c], vectors[chosen]);
  }
  const assignment = new Int32Array(n);
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < n; i++) {
      let top = -Infinity;
      for (let c = 0; c < k; c++) {
        const similarity = dot(centroids[c], vectors[i]);
        if (similarity > top) {
          top = similarity;
          assignment[i] = c;
        }
      }
    }
    for (const centroid of centroids) centroid.fill(0);
    vectors.forEach((v, i) => v.dims.forEach((dim, j) => (centroids[assignment[i]][dim] += v.values[j])));
    for (const centroid of centroids) {
      const norm = Math.sqrt(centroid.reduce((sum, v) => sum + v * v, 0)) || 1;
      for (let d = 0; d < dims; d++) centroid[d] /= norm;
    }
  }
  return assignment;
}
