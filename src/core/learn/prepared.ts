// The training examples as the tagger reads them: each page's lines with their line and rule features and,
// for a page with decisions, the tags each token may take (its mask); and the averaged-perceptron fit over them.

import { ACCEPTED_RULE } from '../detect/actors';
import type { Tokens } from '../detect/words';
import type { Suggestion } from '../model/types';
import { ExtraFeatures, lineFeatures, ruleFeatures, spanPosition } from './features';
import type { LearningDocument, TrainingExample } from './learner';
import { Perceptron, PerceptronTrainer, random, type Sequence, TAG_O, tagOf } from './tagger';

/** The rule id of the learned tagger's suggestions. */
export const LEARNED_RULE = 'learned';
/** Rule id of a learned span's repeat elsewhere on its page (repeats.ts). */
export const REPEAT_RULE = 'learned-repeat';
/** Rule ids that are no evidence for the tagger: propagation of accepted texts and its own suggestions. */
export const IGNORED_RULES: ReadonlySet<string> = new Set([ACCEPTED_RULE, LEARNED_RULE, REPEAT_RULE]);

export interface PreparedLine {
  tokens: Tokens;
  /** Line and rule feature hashes per token. */
  offsets: Int32Array;
  feats: Int32Array;
  /** Allowed tags per token (training); undefined for lines that do not teach. */
  mask?: Uint32Array;
  full: boolean;
  start: number;
  /** The line's number in its document (where its rule suggestions are). */
  line: number;
}

export interface PreparedDoc {
  index: number;
  lines: PreparedLine[];
  example?: TrainingExample;
  doc: LearningDocument;
}

const NO_FEATURES = new Int32Array(0);

/** Line and rule features of every line of a page (`features` false: left for addFeatures to make, of the
 * lines that teach), and (for an example) the tags it teaches. */
export function prepare(doc: LearningDocument, index: number, example: TrainingExample | undefined, labelIndex: ReadonlyMap<string, number>, features = true): PreparedDoc {
  const lines: PreparedLine[] = [];
  for (const line of doc.lines) {
    const tokens = line.tokens;
    if (tokens.count === 0) continue;
    const prepared: PreparedLine = { tokens, offsets: NO_FEATURES, feats: NO_FEATURES, full: false, start: line.start, line: line.line };
    if (example) teach(prepared, example, labelIndex);
    lines.push(prepared);
  }
  const prepared = { index, lines, example, doc };
  if (features) addFeatures(prepared, true);
  return prepared;
}

/** Makes the line and rule features of a prepared page's lines that teach (`all`: of every line). */
export function addFeatures(prepared: PreparedDoc, all = false): void {
  const doc = prepared.doc;
  const byLine = suggestionsByLine(doc.suggestions);
  for (const line of prepared.lines) {
    if (!all && line.mask === undefined) continue;
    const base = lineFeatures(line.tokens, doc.grammar, doc.words, doc.classes);
    const rules = byLine.get(line.line);
    RULE_EXTRA.reset();
    if (rules) ruleFeatures(line.tokens, line.start, rules, IGNORED_RULES, RULE_EXTRA);
    const { offsets, feats } = merged(base.offsets, base.feats, RULE_EXTRA);
    line.offsets = offsets;
    line.feats = feats;
  }
}

export function suggestionsByLine(suggestions: readonly Suggestion[]): Map<number, Suggestion[]> {
  const byLine = new Map<number, Suggestion[]>();
  for (const s of suggestions) {
    let list = byLine.get(s.line);
    if (!list) byLine.set(s.line, (list = []));
    list.push(s);
  }
  return byLine;
}

export const RULE_EXTRA = new ExtraFeatures();
let placeScratch = new Int32Array(256);

/** A copy of a line's features (lineFeatures' buffers are reused) with `extra` added after each token's own
 * (in the order they were added). */
function merged(offsets: Int32Array, feats: Int32Array, extra: ExtraFeatures): { offsets: Int32Array; feats: Int32Array } {
  const added = extra.length;
  const n = offsets.length - 1;
  if (placeScratch.length < n) placeScratch = new Int32Array(n * 2);
  const place = placeScratch;
  place.fill(0, 0, n);
  const tokens = extra.tokens;
  const values = extra.feats;
  for (let i = 0; i < added; i++) place[tokens[i]]++;
  const outOffsets = new Int32Array(n + 1);
  const out = new Int32Array(offsets[n] + added);
  let at = 0;
  for (let k = 0; k < n; k++) {
    outOffsets[k] = at;
    const from = offsets[k];
    const to = offsets[k + 1];
    for (let f = from; f < to; f++) out[at++] = feats[f];
    const count = place[k];
    place[k] = at;
    at += count;
  }
  outOffsets[n] = at;
  for (let i = 0; i < added; i++) out[place[tokens[i]]++] = values[i];
  return { offsets: outOffsets, feats: out };
}

/** Token range [from, to) covered by a span of document offsets on a line, or an empty range. */
export function tokenRange(line: { tokens: Tokens; start: number }, start: number, end: number): [number, number] {
  const tokens = line.tokens;
  let from = 0;
  while (from < tokens.count && line.start + tokens.end(from) <= start) from++;
  let to = from;
  while (to < tokens.count && line.start + tokens.start(to) < end) to++;
  return [from, to];
}

/** The allowed tags of a line's tokens from a page's decisions; lines that teach nothing get no mask. */
function teach(line: PreparedLine, example: TrainingExample, labelIndex: ReadonlyMap<string, number>): void {
  const n = line.tokens.count;
  const lineEnd = line.start + line.tokens.end(n - 1);
  const labels = labelIndex.size;
  const all = (1 << (1 + 4 * labels)) - 1;
  const mask = new Uint32Array(n).fill(example.done ? 1 << TAG_O : all);
  let teaches = example.done;
  for (const tag of example.tags) {
    const label = labelIndex.get(tag.label);
    if (label === undefined || tag.end <= line.start || tag.start >= lineEnd) continue;
    const [from, to] = tokenRange(line, tag.start, tag.end);
    if (to <= from) continue;
    for (let k = from; k < to; k++) mask[k] = 1 << tagOf(label, spanPosition(k, from, to));
    teaches = true;
  }
  for (const dismissal of example.dismissed ?? []) {
    const label = labelIndex.get(dismissal.label);
    if (label === undefined || dismissal.end <= line.start || dismissal.start >= lineEnd) continue;
    const [from, to] = tokenRange(line, dismissal.start, dismissal.end);
    for (let k = from; k < to; k++) {
      if (mask[k] !== all) continue; // a tag decides these tokens
      // not this label here: outside or another label
      let allowed = all;
      for (let p = 0; p < 4; p++) allowed &= ~(1 << tagOf(label, p));
      mask[k] = allowed;
      teaches = true;
    }
  }
  if (!teaches) return;
  line.mask = mask;
  line.full = mask.every((m) => (m & (m - 1)) === 0);
}

export function fit(docs: readonly PreparedDoc[], labels: readonly string[], bits: number, epochs: number, base: Perceptron | undefined, seed: number): Perceptron {
  const start = base ? new Perceptron(labels.length, bits, Float32Array.from(base.weights), Float32Array.from(base.transitions)) : new Perceptron(labels.length, bits);
  const trainer = new PerceptronTrainer(start);
  const items: { seq: Sequence; mask: Uint32Array; full: boolean }[] = [];
  for (const doc of docs) {
    for (const line of doc.lines) {
      if (line.mask) items.push({ seq: { offsets: line.offsets, feats: line.feats }, mask: line.mask, full: line.full });
    }
  }
  const next = random(0x5eed + seed);
  const order = items.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) trainer.step(items[i].seq, items[i].mask, items[i].full);
  }
  return trainer.averaged();
}
