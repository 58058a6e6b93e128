// Tagging with a fitted model: Viterbi over each line's emission scores (line and rule features), the spans
// it reads and their repeats on the page, split where the rules see two names, and the tagger's gap for a
// rule suggestion it left out.

import type { ActorGrammar } from '../detect/actors';
import type { Tokens } from '../detect/words';
import type { Suggestion } from '../model/types';
import { eachTokenScores, ruleFeatures, WordPartScores } from './features';
import type { LearningDocument, LearningLine } from './learner';
import { IGNORED_RULES, type PreparedDoc, RULE_EXTRA, suggestionsByLine, tokenRange } from './prepared';
import { PageRepeats, type TaggedSpan } from './repeats';
import { type Perceptron, tagLabel, tagPosition } from './tagger';

export type { TaggedSpan } from './repeats';

let emissionScratch = new Float32Array(4096);
let marginScratch = new Float32Array(256);
let pathScratch = new Int32Array(256);
let laterPath = new Int32Array(256);

/** The best path of a line read again after the page was tagged (PageRepeats.finish). */
function bestPath(model: Perceptron, scores: Float32Array, n: number): Int32Array {
  if (laterPath.length < n) laterPath = new Int32Array(n * 2);
  return model.viterbi(scores, n, undefined, undefined, laterPath);
}

/** Emission scores of a line of n tokens, in a buffer the next line overwrites. */
function scoreRoom(n: number, model: Perceptron): Float32Array {
  if (emissionScratch.length < n * model.tags) emissionScratch = new Float32Array(n * model.tags * 2);
  return emissionScratch;
}

/** Adds each token's context weights to its scores as its features are made (see eachTokenScores). */
const EMISSION_SINK = {
  model: undefined as unknown as Perceptron,
  scores: emissionScratch as Float32Array,
  token(k: number, feats: Int32Array, count: number): void {
    this.model.addTokenEmissions(feats, count, this.scores, k * this.model.tags);
  },
};

/** Per model, the sums of the one-word feature parts of its weights (made again if the weights are replaced). */
const wordParts = new WeakMap<Perceptron, { weights: Float32Array; parts: WordPartScores }>();
function wordPartsOf(model: Perceptron): WordPartScores {
  const known = wordParts.get(model);
  if (known && known.weights === model.weights) return known.parts;
  const parts = new WordPartScores(model.tags, (feats, count, out, at) => model.tokenEmissions(feats, 0, count, out, at));
  wordParts.set(model, { weights: model.weights, parts });
  return parts;
}

/**
 * Tags one line from its emission scores (those of its line features, then of its rule features: the order
 * training's merged sequence adds them in), by Viterbi; appends its spans.
 */
function tagLine(line: { tokens: Tokens; start: number }, lineIndex: number, scores: Float32Array, model: Perceptron, spans: TaggedSpan[], repeats: PageRepeats): void {
  const n = line.tokens.count;
  if (n === 0) return;
  const first = spans.length;
  if (marginScratch.length < n) {
    marginScratch = new Float32Array(n * 2);
    pathScratch = new Int32Array(n * 2);
  }
  const margins = marginScratch;
  const path = model.viterbi(scores, n, undefined, margins, pathScratch);
  let open = -1;
  for (let k = 0; k < n; k++) {
    const p = tagPosition(path[k]);
    if (p === 0) open = k;
    if (p === 3) open = k;
    if (p === 2 || p === 3) {
      let margin = Infinity;
      for (let j = open; j <= k; j++) margin = Math.min(margin, margins[j]);
      spans.push({ start: line.start + line.tokens.start(open), end: line.start + line.tokens.end(k), label: tagLabel(path[k]), margin, lineIndex });
      open = -1;
    }
  }
  repeats.afterLine(lineIndex, first, scores, path);
}

/** Spans of a page's lines (training's held-out pages: their rule features are merged already), with their
 * repeats on the page (repeats.ts). */
export function tagPrepared(doc: PreparedDoc, model: Perceptron): TaggedSpan[] {
  const spans: TaggedSpan[] = [];
  const repeats = new PageRepeats(doc.lines, spans, model, doc.doc.grammar);
  const emissionsOf = (lineIndex: number): Float32Array => model.emissions(doc.lines[lineIndex], scoreRoom(doc.lines[lineIndex].tokens.count, model));
  doc.lines.forEach((line, lineIndex) => tagLine(line, lineIndex, emissionsOf(lineIndex), model, spans, repeats));
  return repeats.finish(emissionsOf, (lineIndex, scores) => bestPath(model, scores, doc.lines[lineIndex].tokens.count));
}

/**
 * The tagger's spans, each one that the rules read as an organisation (rule `org`) and, right after it, a
 * name after a title (rule `title`) starting with a family name split where the rules split it: "Thứ trưởng
 * [Bộ Y tế] [Nguyễn Thanh Long]" are two names however the tagger reads the capitalised run.
 */
export function splitAtRuleSeams(spans: TaggedSpan[], doc: LearningDocument, labels: readonly string[], lineOf: (index: number) => { tokens: Tokens; start: number }): TaggedSpan[] {
  const suggestions = doc.suggestions;
  if (spans.length === 0 || suggestions.length === 0) return spans;
  const out: TaggedSpan[] = [];
  let first = 0;
  for (const span of spans) {
    while (first < suggestions.length && suggestions[first].end <= span.start) first++;
    const label = labels[span.label];
    let organisation: Suggestion | undefined;
    let official: Suggestion | undefined;
    let whole = false;
    for (let i = first; i < suggestions.length && suggestions[i].start < span.end; i++) {
      const s = suggestions[i];
      if (s.label !== label) continue;
      if (s.start === span.start && s.end === span.end) whole = true;
      else if (s.start === span.start && s.rules?.includes('org')) organisation = s;
      else if (s.end === span.end && s.start > span.start && s.rules?.includes('title')) official = s;
    }
    const line = lineOf(span.lineIndex);
    if (!whole && organisation && official && onlySpacesBetween(line, organisation.end, official.start) && startsWithFamilyName(line, official.start, doc.grammar)) {
      out.push({ ...span, end: organisation.end }, { ...span, start: official.start });
    } else {
      out.push(span);
    }
  }
  return out;
}

/** Whether document offsets [from, to) of `line` hold one or more spaces and nothing else. */
function onlySpacesBetween(line: { tokens: Tokens; start: number }, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let at = from; at < to; at++) if (line.tokens.source.charCodeAt(at - line.start) !== 32) return false;
  return true;
}

/** Whether the word at document offset `start` of `line` is a family name (the grammar's names lexicon). */
function startsWithFamilyName(line: { tokens: Tokens; start: number }, start: number, grammar: ActorGrammar): boolean {
  const tokens = line.tokens;
  for (let k = 0; k < tokens.count; k++) if (line.start + tokens.start(k) === start) return grammar.familyNames.has(tokens, k);
  return false;
}

/** Spans of a page to suggest: line features (cached per token list) and rule features, added as they are
 * made; with their repeats on the page (repeats.ts). */
export function tagDocument(doc: LearningDocument, model: Perceptron): TaggedSpan[] {
  const spans: TaggedSpan[] = [];
  const byLine = suggestionsByLine(doc.suggestions);
  const repeats = new PageRepeats(doc.lines, spans, model, doc.grammar);
  const emissionsOf = (lineIndex: number): Float32Array => lineEmissions(doc.lines[lineIndex], byLine.get(doc.lines[lineIndex].line), doc, model);
  doc.lines.forEach((line, lineIndex) => {
    if (line.tokens.count > 0) tagLine(line, lineIndex, emissionsOf(lineIndex), model, spans, repeats);
  });
  return repeats.finish(emissionsOf, (lineIndex, scores) => bestPath(model, scores, doc.lines[lineIndex].tokens.count));
}

/** Emission scores of a line's tokens (line features and the features of its rule suggestions `rules`),
 * in a buffer the next line overwrites. */
function lineEmissions(line: LearningLine, rules: readonly Suggestion[] | undefined, doc: LearningDocument, model: Perceptron): Float32Array {
  const tokens = line.tokens;
  RULE_EXTRA.reset();
  if (rules) ruleFeatures(tokens, line.start, rules, IGNORED_RULES, RULE_EXTRA);
  const scores = (EMISSION_SINK.scores = scoreRoom(tokens.count, model));
  EMISSION_SINK.model = model;
  eachTokenScores(tokens, doc.grammar, wordPartsOf(model), scores, EMISSION_SINK, doc.words, doc.classes);
  model.addEmissions(scores, RULE_EXTRA.tokens, RULE_EXTRA.feats, RULE_EXTRA.length);
  return scores;
}

/** Per rule suggestion of `candidates` (in page order), the tagger's gap for it (Perceptron.spanGap). */
export function fallbackGaps(model: Perceptron, doc: LearningDocument, candidates: readonly Suggestion[], labels: readonly string[]): number[] {
  if (candidates.length === 0) return [];
  const byLine = suggestionsByLine(doc.suggestions);
  const lines = new Map(doc.lines.map((line) => [line.line, line]));
  let scored: LearningLine | undefined;
  let scores: Float32Array | undefined;
  return candidates.map((s) => {
    const line = lines.get(s.line);
    const label = labels.indexOf(s.label);
    if (!line || label < 0) return Infinity;
    if (line !== scored) {
      scores = lineEmissions(line, byLine.get(line.line), doc, model);
      scored = line;
    }
    const [from, to] = tokenRange(line, s.start, s.end);
    return to > from ? model.spanGap(scores!, line.tokens.count, from, to, label) : Infinity;
  });
}
