// Features of the learned span tagger, as 32-bit hashes per token (the tagger maps them to weight buckets).
//
// Three groups:
// - line features, from the line's tokens and the lexicons alone (cached per token list: line scans are
//   cached by line text, so a re-analysed page computes them only for changed lines): the token's form,
//   shape and affixes, a window of two tokens either side, capitalised-run and sentence-start facts, and
//   membership in the lexicons (titles, honorifics, organisation heads and tails, places, family names, cues);
// - rule features: every rule suggestion covering a token, by rule id and the token's place in it (begin,
//   inside, last, unit), so the hand rules are evidence whose weights are learned;
// - memory features: spans the annotator tagged elsewhere that match here, with how often that text was
//   tagged where it occurred on fully annotated pages (see memory.ts).

import type { Suggestion } from '../model/types';
import type { ActorGrammar } from '../detect/actors';
import type { Tokens } from '../detect/words';

/** Changes whenever a feature's meaning changes: models trained with other features are refused. */
export const FEATURE_VERSION = 1;

/** 32-bit FNV-1a of a string, continuing from `seed`. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Combines two 32-bit values into one (order matters). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35);
  h ^= h >>> 13;
  return h >>> 0;
}

// Template ids (first argument of mix): a feature is mix(template, value...).
const T_BIAS = 1;
const T_WORD = 2;
const T_PREV = 3;
const T_NEXT = 4;
const T_PREV2 = 5;
const T_NEXT2 = 6;
const T_PREV_WORD = 7;
const T_WORD_NEXT = 8;
const T_SHAPE = 9;
const T_SHAPE3 = 10;
const T_PREV_SHAPE = 11;
const T_NEXT_SHAPE = 12;
const T_PREFIX2 = 13;
const T_SUFFIX2 = 14;
const T_SUFFIX3 = 15;
const T_RUN = 16;
const T_START = 17;
const T_LEX = 18;
const T_LEX_PREV = 19;
const T_LEX_NEXT = 20;
const T_LEX_PREV2 = 21;
const T_PREV_WORD_SHAPE = 22;
const T_SHAPE_NEXT_WORD = 23;
const T_LEX_NEXT2 = 24;
export const T_RULE = 30;
export const T_RULE_ANY = 31;
export const T_RULE_SCORE = 32;
export const T_RULE_SHAPE = 33;
export const T_RULE_EDGE = 34;
export const T_MEMORY = 40;
export const T_MEMORY_COUNT = 41;
export const T_MEMORY_SHAPE = 42;

/** A token's place in a span: begin, inside, last, unit (one-token span). */
export const POS_B = 0;
export const POS_I = 1;
export const POS_L = 2;
export const POS_U = 3;

export function spanPosition(index: number, from: number, to: number): number {
  if (to - from === 1) return POS_U;
  if (index === from) return POS_B;
  return index === to - 1 ? POS_L : POS_I;
}

// Lexicon classes, one bit each.
const LEX_TITLE_B = 0;
const LEX_TITLE_IN = 1;
const LEX_HONORIFIC_B = 2;
const LEX_HONORIFIC_IN = 3;
const LEX_ORG_HEAD_B = 4;
const LEX_ORG_HEAD_IN = 5;
const LEX_ORG_TAIL = 6;
const LEX_STANDALONE = 7;
const LEX_PLACE_B = 8;
const LEX_PLACE_IN = 9;
const LEX_FAMILY = 10;
const LEX_SOURCE_B = 11;
const LEX_SPEECH_B = 12;
const LEX_PLACE_PREP = 13;
const LEX_LOCALITY = 14;
const LEX_EVENT = 15;
const LEX_JOINER = 16;
const LEX_FUNCTION = 17;
const LEX_PLACE_NOUN = 18;
const LEX_ARTICLE = 19;
const LEX_PARTICLE = 20;
const LEX_SPEECH_IN = 21;
const LEX_BITS = 22;

/** The line features of one token list: token k's hashes are feats[offsets[k] .. offsets[k + 1]). */
export interface LineFeatures {
  readonly offsets: Int32Array;
  readonly feats: Int32Array;
  /** Per token: a small shape class (for conjunctions with rule and memory features). */
  readonly shapes: Uint8Array;
}

const cache = new WeakMap<ActorGrammar, WeakMap<Tokens, LineFeatures>>();

/** Line features of `tokens` (made with `grammar`'s vocabulary), cached per token list. */
export function lineFeatures(tokens: Tokens, grammar: ActorGrammar): LineFeatures {
  let byTokens = cache.get(grammar);
  if (!byTokens) cache.set(grammar, (byTokens = new WeakMap()));
  let found = byTokens.get(tokens);
  if (!found) byTokens.set(tokens, (found = computeLineFeatures(tokens, grammar)));
  return found;
}

const BOUNDARY_HASH = 0x2f2f2f2f;

function shapeOf(text: string): string {
  let shape = '';
  let last = '';
  for (let i = 0; i < text.length && shape.length < 6; i++) {
    const c = text[i];
    let k: string;
    if (c >= '0' && c <= '9') k = 'd';
    else if (c !== c.toLowerCase()) k = 'X';
    else if (c !== c.toUpperCase()) k = 'x';
    else k = c;
    if (k !== last) shape += k;
    last = k;
  }
  return shape;
}

/** 0 other, 1 lower word, 2 capitalised, 3 all caps, 4 number, 5 punctuation. */
function shapeClass(tokens: Tokens, k: number): number {
  if (tokens.isNumber(k)) return 4;
  if (!tokens.isWord(k)) return 5;
  if (tokens.acronym(k)) return 3;
  return tokens.capitalised(k) ? 2 : 1;
}

function markPhrases(tokens: Tokens, lex: Uint32Array, matcher: { matchAt(t: Tokens, i: number): { length: number } | undefined }, begin: number, inside: number): void {
  for (let k = 0; k < tokens.count; k++) {
    const m = matcher.matchAt(tokens, k);
    if (!m) continue;
    lex[k] |= 1 << begin;
    for (let j = k + 1; j < k + m.length && j < tokens.count; j++) lex[j] |= 1 << inside;
  }
}

/**
 * Per word text (case kept): hashes of its lower case and shape, and the features that depend on this word
 * alone, already mixed (as the word itself, as a neighbour, its affixes): tagging a line then mixes only
 * the pairs of words.
 */
const wordInfo = new Map<string, Uint32Array>();
const MAX_WORD_INFO = 500_000;
const I_LOWER = 0;
const I_SHAPE = 1;
const I_WORD = 2;
const I_AS_PREV = 3;
const I_AS_NEXT = 4;
const I_AS_PREV2 = 5;
const I_AS_NEXT2 = 6;
const I_SHAPE_F = 7;
const I_AS_PREV_SHAPE = 8;
const I_AS_NEXT_SHAPE = 9;
const I_PREFIX2 = 10;
const I_SUFFIX2 = 11;
const I_SUFFIX3 = 12;

function wordFeatures(low: number, shape: number, prefix2: number, suffix2: number, suffix3: number): Uint32Array {
  return Uint32Array.of(
    low, shape, mix(T_WORD, low), mix(T_PREV, low), mix(T_NEXT, low), mix(T_PREV2, low), mix(T_NEXT2, low),
    mix(T_SHAPE, shape), mix(T_PREV_SHAPE, shape), mix(T_NEXT_SHAPE, shape),
    mix(T_PREFIX2, prefix2), mix(T_SUFFIX2, suffix2), mix(T_SUFFIX3, suffix3),
  );
}

function infoOf(text: string): Uint32Array {
  let info = wordInfo.get(text);
  if (info === undefined) {
    const low = text.toLowerCase();
    info = wordFeatures(hashString(low), hashString(shapeOf(text)), hashString(low.slice(0, 2)), hashString(low.slice(-2)), hashString(low.slice(-3)));
    if (wordInfo.size >= MAX_WORD_INFO) wordInfo.clear();
    wordInfo.set(text, info);
  }
  return info;
}

/** The neighbour features of the line's edges (no word there). */
const EDGE = wordFeatures(BOUNDARY_HASH, BOUNDARY_HASH, 0, 0, 0);
const BIAS = mix(T_BIAS, 0);
/** mix(template, bit) of the lexicon templates, by template slot and bit. */
const LEX_TEMPLATES = [T_LEX, T_LEX_PREV, T_LEX_NEXT, T_LEX_PREV2, T_LEX_NEXT2];
const LEX_MIXED = LEX_TEMPLATES.map((template) => Uint32Array.from({ length: LEX_BITS + 1 }, (_, b) => mix(template, b)));

let outBuffer = new Int32Array(1 << 16);

function computeLineFeatures(tokens: Tokens, grammar: ActorGrammar): LineFeatures {
  const n = tokens.count;
  const infos = new Array<Uint32Array>(n);
  const shapes = new Uint8Array(n);
  const lex = new Uint32Array(n);
  const run = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    infos[k] = infoOf(tokens.text(k));
    shapes[k] = shapeClass(tokens, k);
    let bits = 0;
    if (grammar.orgTails.has(tokens, k)) bits |= 1 << LEX_ORG_TAIL;
    if (grammar.familyNames.has(tokens, k)) bits |= 1 << LEX_FAMILY;
    if (grammar.joiners.has(tokens, k)) bits |= 1 << LEX_JOINER;
    if (grammar.functionWords.has(tokens, k)) bits |= 1 << LEX_FUNCTION;
    if (grammar.placeNouns.has(tokens, k)) bits |= 1 << LEX_PLACE_NOUN;
    if (grammar.articles.has(tokens, k)) bits |= 1 << LEX_ARTICLE;
    if (grammar.nameParticles.has(tokens, k)) bits |= 1 << LEX_PARTICLE;
    lex[k] = bits;
  }
  if (n > 0) {
    markPhrases(tokens, lex, grammar.titles, LEX_TITLE_B, LEX_TITLE_IN);
    markPhrases(tokens, lex, grammar.honorifics, LEX_HONORIFIC_B, LEX_HONORIFIC_IN);
    markPhrases(tokens, lex, grammar.orgHeads, LEX_ORG_HEAD_B, LEX_ORG_HEAD_IN);
    markPhrases(tokens, lex, grammar.standalone, LEX_STANDALONE, LEX_STANDALONE);
    markPhrases(tokens, lex, grammar.places, LEX_PLACE_B, LEX_PLACE_IN);
    markPhrases(tokens, lex, grammar.sourceBefore, LEX_SOURCE_B, LEX_SOURCE_B);
    markPhrases(tokens, lex, grammar.speechAfter, LEX_SPEECH_B, LEX_SPEECH_IN);
    markPhrases(tokens, lex, grammar.placePrepositions, LEX_PLACE_PREP, LEX_PLACE_PREP);
    markPhrases(tokens, lex, grammar.localities, LEX_LOCALITY, LEX_LOCALITY);
    markPhrases(tokens, lex, grammar.eventWords, LEX_EVENT, LEX_EVENT);
  }
  // capitalised runs (name words joined by spaces): the token's place in its run and the run's length
  for (let k = 0; k < n; ) {
    if (!tokens.isNameWord(k)) {
      k++;
      continue;
    }
    let end = k + 1;
    while (end < n && tokens.isNameWord(end) && tokens.spaceBefore(end)) end++;
    const length = Math.min(end - k, 5);
    for (let j = k; j < end; j++) run[j] = 1 + spanPosition(j, k, end) * 8 + length;
    k = end;
  }

  const offsets = new Int32Array(n + 1);
  // at most 19 fixed features and 5 x LEX_BITS lexicon bits per token
  if (outBuffer.length < n * (19 + 5 * (LEX_BITS + 1))) outBuffer = new Int32Array(n * (19 + 5 * (LEX_BITS + 1)) * 2);
  const out = outBuffer;
  let used = 0;
  const noLex = 1 << LEX_BITS;
  for (let k = 0; k < n; k++) {
    offsets[k] = used;
    const word = infos[k];
    const prev = k > 0 ? infos[k - 1] : EDGE;
    const next = k + 1 < n ? infos[k + 1] : EDGE;
    const w = word[I_LOWER];
    const shape = word[I_SHAPE];
    out[used++] = BIAS;
    out[used++] = word[I_WORD];
    out[used++] = prev[I_AS_PREV];
    out[used++] = next[I_AS_NEXT];
    out[used++] = (k > 1 ? infos[k - 2] : EDGE)[I_AS_PREV2];
    out[used++] = (k + 2 < n ? infos[k + 2] : EDGE)[I_AS_NEXT2];
    out[used++] = mix(mix(T_PREV_WORD, prev[I_LOWER]), w);
    out[used++] = mix(mix(T_WORD_NEXT, w), next[I_LOWER]);
    out[used++] = word[I_SHAPE_F];
    out[used++] = mix(mix(mix(T_SHAPE3, prev[I_SHAPE]), shape), next[I_SHAPE]);
    out[used++] = prev[I_AS_PREV_SHAPE];
    out[used++] = next[I_AS_NEXT_SHAPE];
    out[used++] = mix(mix(T_PREV_WORD_SHAPE, prev[I_LOWER]), shape);
    out[used++] = mix(mix(T_SHAPE_NEXT_WORD, shape), next[I_LOWER]);
    out[used++] = word[I_PREFIX2];
    out[used++] = word[I_SUFFIX2];
    out[used++] = word[I_SUFFIX3];
    out[used++] = mix(T_RUN, run[k]);
    out[used++] = mix(T_START, (tokens.sentenceStart(k) ? 1 : 0) + (k === 0 ? 2 : 0) + shapes[k] * 4);
    used = pushBits(out, used, 0, lex[k]);
    used = pushBits(out, used, 1, k > 0 ? lex[k - 1] : noLex);
    used = pushBits(out, used, 2, k + 1 < n ? lex[k + 1] : noLex);
    used = pushBits(out, used, 3, k > 1 ? lex[k - 2] : noLex);
    used = pushBits(out, used, 4, k + 2 < n ? lex[k + 2] : noLex);
  }
  offsets[n] = used;
  return { offsets, feats: out.slice(0, used), shapes };
}

/** Appends the lexicon features of `bits` (template slot of LEX_TEMPLATES); returns the new length. */
function pushBits(out: Int32Array, used: number, slot: number, bits: number): number {
  const mixed = LEX_MIXED[slot];
  for (let b = 0; bits !== 0; b++, bits >>>= 1) if (bits & 1) out[used++] = mixed[b];
  return used;
}

/** Rule id of a suggestion for features: its first rule, or its label for detectors without rule ids. */
const ruleHashes = new Map<string, number>();
function ruleHash(rule: string): number {
  let h = ruleHashes.get(rule);
  if (h === undefined) ruleHashes.set(rule, (h = hashString(rule)));
  return h;
}

/** Features added to some tokens of a line (rule and memory features), as (token, feature) pairs in a reused buffer. */
export class ExtraFeatures {
  tokens = new Int32Array(1024);
  feats = new Int32Array(1024);
  length = 0;

  reset(): void {
    this.length = 0;
  }

  add(token: number, feature: number): void {
    if (this.length === this.tokens.length) {
      const tokens = new Int32Array(this.length * 2);
      tokens.set(this.tokens);
      this.tokens = tokens;
      const feats = new Int32Array(this.length * 2);
      feats.set(this.feats);
      this.feats = feats;
    }
    this.tokens[this.length] = token;
    this.feats[this.length++] = feature;
  }
}

/**
 * Appends the rule features of one line's tokens to `extra`, from the rule suggestions
 * overlapping the line (`lineStart`: the line's offset in the document; suggestions in document offsets).
 * Suggestions whose only rule is in `ignored` (propagation: the learner has its own memory) give none.
 */
export function ruleFeatures(
  tokens: Tokens,
  lineStart: number,
  suggestions: readonly Suggestion[],
  shapes: Uint8Array,
  ignored: ReadonlySet<string>,
  extra: ExtraFeatures,
): void {
  for (const s of suggestions) {
    const from = tokenAtOrAfter(tokens, s.start - lineStart);
    let to = from;
    while (to < tokens.count && tokens.start(to) < s.end - lineStart) to++;
    if (to <= from) continue;
    const rules = s.rules && s.rules.length > 0 ? s.rules : [s.label];
    let used = false;
    const bucket = Math.min(9, Math.floor(s.score * 10));
    const label = ruleHash(s.label);
    for (const rule of rules) {
      if (ignored.has(rule)) continue;
      used = true;
      const r = ruleHash(rule);
      for (let k = from; k < to; k++) extra.add(k, mix(mix(T_RULE, r), spanPosition(k, from, to)));
    }
    if (!used) continue;
    for (let k = from; k < to; k++) {
      const pos = spanPosition(k, from, to);
      extra.add(k, mix(mix(T_RULE_ANY, label), pos));
      extra.add(k, mix(mix(mix(T_RULE_SCORE, label), pos), bucket));
      extra.add(k, mix(mix(mix(T_RULE_SHAPE, label), pos), shapes[k]));
    }
    // what stands right before and after a rule's span
    if (from > 0) extra.add(from - 1, mix(mix(T_RULE_EDGE, label), 0));
    if (to < tokens.count) extra.add(to, mix(mix(T_RULE_EDGE, label), 1));
  }
}

/** Index of the first token ending after `offset` (line-relative). */
export function tokenAtOrAfter(tokens: Tokens, offset: number): number {
  let low = 0;
  let high = tokens.count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (tokens.end(middle) <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
