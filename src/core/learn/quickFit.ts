// The quick fit after a decision: which pages it reads (all of them while that stays within its budget; past
// it, the pages changed since the last measured training and a sample of the others), and the fingerprints
// that tell a changed page from a known one.

import type { LabelledSpan, LearningDocument, LearningLine, TrainingExample } from './learner';
import { tokenRange } from './prepared';
import { type Perceptron, random } from './tagger';

/** Past that budget, the passes a refinement makes over the pages it reads (see refinePages). */
const REFINE_EPOCHS = 3;

/** A page a quick fit may read: its example, its place among the examples, and the tokens it teaches. */
export interface QuickCandidate {
  index: number;
  example: TrainingExample;
  tokens: number;
}

/**
 * What a quick fit reads: while its passes over the teaching lines stay within `tokenPasses` token passes,
 * the full fit (every page, from `base`); past that (a corpus with many annotated pages), the last measured
 * model refined on the pages changed since it was fitted and a sample of the others (refinePages), so that
 * the model shown after a decision still comes within about a second, however large the corpus; the
 * measured training after it fits from the start again.
 */
export function quickFit(
  taught: readonly QuickCandidate[],
  epochs: number,
  base: Perceptron | undefined,
  last: Perceptron | undefined,
  fitted: (c: QuickCandidate) => boolean,
  bits: number,
  labels: number,
  tokenPasses: number,
  seed: number,
): { read: readonly QuickCandidate[]; epochs: number; start: Perceptron | undefined } {
  let tokens = 0;
  for (const c of taught) tokens += c.tokens;
  if (!last || last.bits !== bits || last.labels !== labels || tokens * epochs <= tokenPasses) return { read: taught, epochs, start: base };
  return { ...refinePages(taught, fitted, tokenPasses / 3, seed), start: last };
}

/**
 * The pages a refinement reads and its passes, within `tokenPasses` token passes (a third of the quick budget:
 * past it, making the examples of the corpus's pages takes its share of the second too): every page `fitted`
 * does not know, and as many of the others (a seeded sample, so that the refined model does not forget them)
 * as REFINE_EPOCHS passes allow; when the changed pages alone fill the budget, as many passes over them as it
 * holds (at least one).
 */
function refinePages(taught: readonly QuickCandidate[], fitted: (c: QuickCandidate) => boolean, tokenPasses: number, seed: number): { read: QuickCandidate[]; epochs: number } {
  const changed: QuickCandidate[] = [];
  const others: QuickCandidate[] = [];
  let tokens = 0;
  for (const c of taught) {
    if (fitted(c)) others.push(c);
    else {
      changed.push(c);
      tokens += c.tokens;
    }
  }
  const perPass = tokenPasses / REFINE_EPOCHS;
  if (tokens >= perPass) return { read: changed, epochs: Math.max(1, Math.floor(tokenPasses / Math.max(1, tokens))) };
  const next = random(0x5eed + seed);
  for (let i = others.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [others[i], others[j]] = [others[j], others[i]];
  }
  const read = [...changed];
  for (const c of others) {
    if (tokens + c.tokens > perPass) continue;
    read.push(c);
    tokens += c.tokens;
  }
  read.sort((a, b) => a.index - b.index);
  return { read, epochs: REFINE_EPOCHS };
}

/** The tokens of an example's lines that teach (those teach() gives a mask), counted without making them. */
export function teachingTokenCount(example: TrainingExample, labelIndex: ReadonlyMap<string, number>): number {
  let tokens = 0;
  for (const line of example.doc.lines) {
    const n = line.tokens.count;
    if (n > 0 && lineTeaches(line, example, labelIndex)) tokens += n;
  }
  return tokens;
}

/** Whether teach() gives a line a mask: the page is done, or a tag or dismissal of a learned label covers
 * one of its tokens (a dismissal only counts where no tag decides: on a line no tag teaches, none does). */
function lineTeaches(line: LearningLine, example: TrainingExample, labelIndex: ReadonlyMap<string, number>): boolean {
  if (example.done) return true;
  const covers = (span: LabelledSpan): boolean => {
    if (!labelIndex.has(span.label)) return false;
    const [from, to] = tokenRange(line, span.start, span.end);
    return to > from;
  };
  return example.tags.some(covers) || (example.dismissed ?? []).some(covers);
}

/** Two running 32-bit FNV-1a hashes of a sequence of strings. */
class Fingerprint {
  private a: number;
  private b: number;

  constructor(from: readonly [number, number] = [0x811c9dc5 | 0, 0x3c6ef372 | 0]) {
    [this.a, this.b] = from;
  }

  add(text: string): void {
    let { a, b } = this;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
    }
    this.a = Math.imul(a ^ 0xffff, 0x01000193);
    this.b = Math.imul(b ^ 0xffff, 0x01000193) ^ (b >>> 15);
  }

  get state(): [number, number] {
    return [this.a, this.b];
  }

  toString(): string {
    return `${(this.a >>> 0).toString(36)}.${(this.b >>> 0).toString(36)}`;
  }
}

/** The fingerprint of a document's lines (texts and places), kept while the document is (pages whose text did
 * not change keep their document between trainings, see LearningDocuments). */
const linesFingerprints = new WeakMap<LearningDocument, [number, number]>();

/**
 * What a training example teaches, as a short string: its lines' texts and places, tags, dismissals and
 * status. A quick fit tells the pages changed since the last measured training by it.
 */
export function exampleFingerprint(example: TrainingExample): string {
  let lines = linesFingerprints.get(example.doc);
  if (!lines) {
    const print = new Fingerprint();
    for (const line of example.doc.lines) {
      print.add(String(line.start));
      print.add(line.tokens.source);
    }
    linesFingerprints.set(example.doc, (lines = print.state));
  }
  const print = new Fingerprint(lines);
  for (const tag of example.tags) print.add(`t${tag.label}:${tag.start}:${tag.end}`);
  for (const dismissal of example.dismissed ?? []) print.add(`d${dismissal.label}:${dismissal.start}:${dismissal.end}`);
  print.add(example.done ? 'done' : 'open');
  return print.toString();
}
