// Features of the learned span tagger, as 32-bit hashes per token (the tagger maps them to weight buckets).
//
// Two groups:
// - line features, from the line's tokens and the lexicons alone (what they are made from is cached per
//   token list: line scans are cached by line text, so a re-analysed page looks words and lexicons up
//   only on changed lines): the token's form, shape and affixes, a window of two tokens either side,
//   capitalised-run and sentence-start facts, and membership in the lexicons (titles, honorifics,
//   organisation heads and tails, places, family names, cues), and, given the corpus's word profile, how
//   the token and its neighbours are written across the corpus (detect/wordProfile.ts) and, given the
//   model's word classes, the classes of the token and its neighbours (detect/wordClasses.ts);
// - rule features: every rule suggestion covering a token, by rule id and the token's place in it (begin,
//   inside, last, unit), so the hand rules are evidence whose weights are learned.
// Texts tagged elsewhere are not features: matched inside longer names ("Hải" in "Tổng cục Hải quan") they
// taught the tagger to cut names short.

import type { Suggestion } from '../model/types';
import type { ActorGrammar } from '../detect/actors';
import type { Tokens, Vocabulary } from '../detect/words';
import type { WordClasses } from '../detect/wordClasses';
import { PROFILE_CODES, type WordProfile } from '../detect/wordProfile';

/** Changes whenever a feature's meaning changes: models trained with other features are refused. */
export const FEATURE_VERSION = 5;

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
const T_PROFILE = 25;
const T_PROFILE_CASE = 26;
const T_PROFILE_PREV = 27;
const T_PROFILE_NEXT = 28;
const T_CLASS = 40;
const T_CLASS_CASE = 41;
const T_CLASS_PREV = 42;
const T_CLASS_NEXT = 43;
const T_RUN_PLACE = 44;
// Word class codes (features T_CLASS...): a word's class + 1 (0: a word without one), CLASS_NUMBER and
// CLASS_OTHER for the other tokens, CLASS_EDGE beyond the line's ends.
const CLASS_NUMBER = 1 << 20;
const CLASS_OTHER = CLASS_NUMBER + 1;
const CLASS_EDGE = CLASS_NUMBER + 2;
export const T_RULE = 30;
export const T_RULE_ANY = 31;
export const T_RULE_SCORE = 32;
export const T_RULE_SHAPE = 33;
export const T_RULE_EDGE = 34;

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

/** A small shape class of token k, for conjunctions: 0 other, 1 lower word, 2 capitalised, 3 all caps, 4 number, 5 punctuation. */
function shapeClass(tokens: Tokens, k: number): number {
  if (tokens.isNumber(k)) return 4;
  if (!tokens.isWord(k)) return 5;
  if (tokens.acronym(k)) return 3;
  return tokens.capitalised(k) ? 2 : 1;
}


// Per word text (case kept), one row of a flat table (WordTable, one per grammar): hashes of its lower case
// and shape, the features that depend on this word alone, already mixed (as the word itself, as a
// neighbour, its affixes, the first half of the pair features), its single-word lexicon classes and which
// phrase lexicons may start at it. Tagging a line then mixes only the pairs of words, and reads no string.
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
const I_PREV_WORD = 13; // mix(T_PREV_WORD, lower), as the previous word
const I_WORD_NEXT = 14; // mix(T_WORD_NEXT, lower), as the word
const I_SHAPE3 = 15; // mix(T_SHAPE3, shape), as the previous word
const I_PREV_WORD_SHAPE = 16; // mix(T_PREV_WORD_SHAPE, lower), as the previous word
const I_SHAPE_NEXT_WORD = 17; // mix(T_SHAPE_NEXT_WORD, shape), as the word
const I_LEX = 18; // single-word lexicon bits
const I_PHRASES = 19; // bit m: PHRASE_LEXICONS[m] has a phrase starting with this word
const FIELDS = 20;
const MAX_WORDS = 500_000;

/** The phrase lexicons marked on a line: the matcher, and the bits of its first and following words. */
const PHRASE_LEXICONS: readonly [keyof ActorGrammar, number, number][] = [
  ['titles', LEX_TITLE_B, LEX_TITLE_IN],
  ['honorifics', LEX_HONORIFIC_B, LEX_HONORIFIC_IN],
  ['orgHeads', LEX_ORG_HEAD_B, LEX_ORG_HEAD_IN],
  ['standalone', LEX_STANDALONE, LEX_STANDALONE],
  ['places', LEX_PLACE_B, LEX_PLACE_IN],
  ['sourceBefore', LEX_SOURCE_B, LEX_SOURCE_B],
  ['speechAfter', LEX_SPEECH_B, LEX_SPEECH_IN],
  ['placePrepositions', LEX_PLACE_PREP, LEX_PLACE_PREP],
  ['localities', LEX_LOCALITY, LEX_LOCALITY],
  ['eventWords', LEX_EVENT, LEX_EVENT],
];

/** The single-word lexicons, and their bits. */
const WORD_LEXICONS: readonly [keyof ActorGrammar, number][] = [
  ['orgTails', LEX_ORG_TAIL],
  ['familyNames', LEX_FAMILY],
  ['joiners', LEX_JOINER],
  ['functionWords', LEX_FUNCTION],
  ['placeNouns', LEX_PLACE_NOUN],
  ['articles', LEX_ARTICLE],
  ['nameParticles', LEX_PARTICLE],
];

type Matcher = { matchAt(t: Tokens, i: number): { length: number } | undefined; firstWords(): ReadonlySet<number> };
type Words = { has(t: Tokens, i: number): boolean };

function writeWord(rows: Uint32Array, at: number, low: number, shape: number, prefix2: number, suffix2: number, suffix3: number, lex: number, phrases: number): void {
  rows[at + I_LOWER] = low;
  rows[at + I_SHAPE] = shape;
  rows[at + I_WORD] = mix(T_WORD, low);
  rows[at + I_AS_PREV] = mix(T_PREV, low);
  rows[at + I_AS_NEXT] = mix(T_NEXT, low);
  rows[at + I_AS_PREV2] = mix(T_PREV2, low);
  rows[at + I_AS_NEXT2] = mix(T_NEXT2, low);
  rows[at + I_SHAPE_F] = mix(T_SHAPE, shape);
  rows[at + I_AS_PREV_SHAPE] = mix(T_PREV_SHAPE, shape);
  rows[at + I_AS_NEXT_SHAPE] = mix(T_NEXT_SHAPE, shape);
  rows[at + I_PREFIX2] = mix(T_PREFIX2, prefix2);
  rows[at + I_SUFFIX2] = mix(T_SUFFIX2, suffix2);
  rows[at + I_SUFFIX3] = mix(T_SUFFIX3, suffix3);
  rows[at + I_PREV_WORD] = mix(T_PREV_WORD, low);
  rows[at + I_WORD_NEXT] = mix(T_WORD_NEXT, low);
  rows[at + I_SHAPE3] = mix(T_SHAPE3, shape);
  rows[at + I_PREV_WORD_SHAPE] = mix(T_PREV_WORD_SHAPE, low);
  rows[at + I_SHAPE_NEXT_WORD] = mix(T_SHAPE_NEXT_WORD, shape);
  rows[at + I_LEX] = lex;
  rows[at + I_PHRASES] = phrases;
}

/** Word texts of one grammar's lines and their rows, found by a hash of the token's code units (no string made). */
class WordTable {
  /** Row 0: the line's edges (no word there). */
  rows = new Uint32Array(FIELDS * 1024);
  private words: string[] = [''];
  private slots = new Int32Array(2048);
  private slotHashes = new Int32Array(2048);
  readonly matchers: Matcher[];
  private readonly wordSets: Words[];

  /** Row offset per word id of the grammar's vocabulary, for words written in lower case (0: not seen yet). */
  private rowsById = new Int32Array(1024);
  /** Per word id, the row of the last token of that id written otherwise (capitalised, accents kept...). */
  private rowsByIdOtherwise = new Int32Array(1024);
  /** Row offset per code unit, for tokens of one code unit. */
  private readonly rowsByChar = new Int32Array(65536);
  private readonly vocabulary: Vocabulary;

  constructor(grammar: ActorGrammar) {
    this.vocabulary = grammar.vocabulary;
    this.matchers = PHRASE_LEXICONS.map(([key]) => grammar[key] as unknown as Matcher);
    this.wordSets = WORD_LEXICONS.map(([key]) => grammar[key] as unknown as Words);
    writeWord(this.rows, 0, BOUNDARY_HASH, BOUNDARY_HASH, 0, 0, 0, 0, 0);
  }

  /** The row offset of token k's text, computing the row on its first occurrence. */
  rowOf(tokens: Tokens, k: number): number {
    const start = tokens.start(k);
    if (tokens.end(k) === start + 1) {
      // one code unit (most punctuation): its row found by the code unit
      const code = tokens.source.charCodeAt(start);
      const known = this.rowsByChar[code];
      if (known !== 0) return known;
      return (this.rowsByChar[code] = this.rowByText(tokens, k));
    }
    const id = tokens.word(k);
    if (id < 0 || tokens.vocabulary !== this.vocabulary) return this.rowByText(tokens, k);
    if (id >= this.rowsById.length) {
      const size = Math.max(id + 1, this.rowsById.length * 2);
      const grown = new Int32Array(size);
      grown.set(this.rowsById);
      this.rowsById = grown;
      const otherwise = new Int32Array(size);
      otherwise.set(this.rowsByIdOtherwise);
      this.rowsByIdOtherwise = otherwise;
    }
    // a word of the grammar's vocabulary written exactly as that word: its row found by its id
    if (tokens.writtenAsWord(k)) return this.rowsById[id] || (this.rowsById[id] = this.rowByText(tokens, k));
    // written otherwise ("Hà" for "hà"): the row last found for the id, if it is this text
    const last = this.rowsByIdOtherwise[id];
    if (last !== 0 && this.isText(last / FIELDS, tokens.source, start, tokens.end(k))) return last;
    return (this.rowsByIdOtherwise[id] = this.rowByText(tokens, k));
  }

  /** Whether word `entry`'s text is source[start, end). */
  private isText(entry: number, source: string, start: number, end: number): boolean {
    const word = this.words[entry];
    if (word.length !== end - start) return false;
    let i = 0;
    while (i < word.length && word.charCodeAt(i) === source.charCodeAt(start + i)) i++;
    return i === word.length;
  }

  private rowByText(tokens: Tokens, k: number): number {
    const source = tokens.source;
    const start = tokens.start(k);
    const end = tokens.end(k);
    let hash = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ source.charCodeAt(i), 0x01000193);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const entry = this.slots[slot];
      if (entry === 0) break;
      if (this.slotHashes[slot] === hash && this.isText(entry, source, start, end)) return entry * FIELDS;
      slot = (slot + 1) & mask;
    }
    return this.add(tokens, k, hash, slot) * FIELDS;
  }

  /** Lines scanned with this table's rows since it last started again (see reserve). */
  epoch = 0;

  private profile: WordProfile | undefined;
  private profileVersion = -1;
  /** Profile code + 1 per word id (0: not looked up yet), for `profile` at `profileVersion`. */
  private profileCodes = new Uint8Array(1024);

  /** The word profile code of the word at row offset `row` (a token's word, never the edge row). */
  profileCode(row: number, profile: WordProfile): number {
    if (profile !== this.profile || profile.version !== this.profileVersion) {
      this.profile = profile;
      this.profileVersion = profile.version;
      this.profileCodes.fill(0);
    }
    const id = row / FIELDS;
    if (id >= this.profileCodes.length) {
      const codes = new Uint8Array(Math.max(id + 1, this.profileCodes.length * 2));
      codes.set(this.profileCodes);
      this.profileCodes = codes;
    }
    const known = this.profileCodes[id];
    if (known !== 0) return known - 1;
    const code = profile.code(this.words[id].toLowerCase());
    this.profileCodes[id] = code + 1;
    return code;
  }

  private classes: WordClasses | undefined;
  /** Class code per word id (see CLASS_NUMBER; -1: not looked up yet) under `classes`; the edge row's is
   * CLASS_EDGE. Read by partFeatures: a word's class is a one-word feature. */
  rowClasses = new Int32Array(1024).fill(-1);

  /** The class code of token k, whose word is at row offset `row`, under `classes` (kept in rowClasses). */
  classCode(tokens: Tokens, k: number, row: number, classes: WordClasses): number {
    if (classes !== this.classes) {
      this.classes = classes;
      this.forgetClasses();
    }
    const id = row / FIELDS;
    if (id >= this.rowClasses.length) {
      const codes = new Int32Array(Math.max(id + 1, this.rowClasses.length * 2)).fill(-1);
      codes.set(this.rowClasses);
      this.rowClasses = codes;
    }
    const known = this.rowClasses[id];
    if (known >= 0) return known;
    // as written: a capitalised word ("Bình") is not read as its lower-case twin ("bình"), whose class says
    // how common words are used; the profile features say how the corpus capitalises it
    const code = tokens.isWord(k) ? classes.classOf(this.words[id]) + 1 : tokens.isNumber(k) ? CLASS_NUMBER : CLASS_OTHER;
    this.rowClasses[id] = code;
    return code;
  }

  private forgetClasses(): void {
    this.rowClasses.fill(-1);
    this.rowClasses[0] = CLASS_EDGE;
  }

  /** Room for `count` more words: a table that has grown too large starts again (between lines only, so
   * no row of a line is given to another word), and the lines scanned before are scanned again. */
  reserve(count: number): void {
    if (this.words.length + count <= MAX_WORDS) return;
    this.words.length = 1;
    this.slots.fill(0);
    this.rowsById.fill(0);
    this.rowsByIdOtherwise.fill(0);
    this.rowsByChar.fill(0);
    this.profileCodes.fill(0);
    this.forgetClasses();
    this.epoch++;
  }

  private add(tokens: Tokens, k: number, hash: number, slot: number): number {
    const text = tokens.text(k);
    const id = this.words.length;
    this.words.push(text);
    this.slots[slot] = id;
    this.slotHashes[slot] = hash;
    if ((id + 1) * FIELDS > this.rows.length) {
      const rows = new Uint32Array(this.rows.length * 2);
      rows.set(this.rows);
      this.rows = rows;
    }
    let lex = 0;
    for (let m = 0; m < this.wordSets.length; m++) if (this.wordSets[m].has(tokens, k)) lex |= 1 << WORD_LEXICONS[m][1];
    let phrases = 0;
    const wordId = tokens.word(k);
    for (let m = 0; m < this.matchers.length; m++) if (this.matchers[m].firstWords().has(wordId)) phrases |= 1 << m;
    const low = text.toLowerCase();
    writeWord(this.rows, id * FIELDS, hashString(low), hashString(shapeOf(text)), hashString(low.slice(0, 2)), hashString(low.slice(-2)), hashString(low.slice(-3)), lex, phrases);
    if (this.words.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const size = this.slots.length * 2;
    const slots = new Int32Array(size);
    const slotHashes = new Int32Array(size);
    for (let i = 0; i < this.slots.length; i++) {
      const entry = this.slots[i];
      if (entry === 0) continue;
      let slot = this.slotHashes[i] & (size - 1);
      while (slots[slot] !== 0) slot = (slot + 1) & (size - 1);
      slots[slot] = entry;
      slotHashes[slot] = this.slotHashes[i];
    }
    this.slots = slots;
    this.slotHashes = slotHashes;
  }
}

const wordTables = new WeakMap<ActorGrammar, WordTable>();

const BIAS = mix(T_BIAS, 0);
/** mix(template, bit) of the lexicon templates, by template slot and bit. */
const LEX_TEMPLATES = [T_LEX, T_LEX_PREV, T_LEX_NEXT, T_LEX_PREV2, T_LEX_NEXT2];
const LEX_MIXED = LEX_TEMPLATES.map((template) => Uint32Array.from({ length: LEX_BITS + 1 }, (_, b) => mix(template, b)));
/** mix(T_RUN, value) and mix(T_START, value) of every value they take. */
const RUN_MIXED = Uint32Array.from({ length: 1 + 3 * 8 + 5 + 1 }, (_, v) => mix(T_RUN, v));
/** A capitalised run's place context, above its place-and-length value in a line scan's run entry. */
const RUN_VALUE = 31;
const RUN_AFTER_PLACE_WORD = 32;
const RUN_BEFORE_PLACE_NOUN = 64;
const PLACE_PREP_BIT = 1 << LEX_PLACE_PREP;
const PLACE_NOUN_BIT = 1 << LEX_PLACE_NOUN;
/** mix(T_RUN_PLACE, context * 4 + the token's place in its run) for the three contexts. */
const RUN_PLACE_MIXED = Uint32Array.from({ length: 4 * 4 }, (_, v) => mix(T_RUN_PLACE, v));
const START_MIXED = Uint32Array.from({ length: 4 * 6 }, (_, v) => mix(T_START, v));

/**
 * What the line features of a token list are made from, kept on it: per token, the row of its word, its
 * lexicon classes and its place in a capitalised run. The features themselves (about 25 per token) are
 * made again from these at each use: kept, they took some 20 bytes per byte of text, written to fresh
 * memory and copied by the collector, which cost more than making them.
 */
interface LineScan {
  readonly grammar: ActorGrammar;
  /** The word table's epoch the rows belong to. */
  readonly epoch: number;
  /** Token k of n: its row at data[base + k], lexicon bits at data[base + n + k], run at data[base + 2n + k]. */
  readonly data: Int32Array;
  readonly base: number;
}

/** The scan of `tokens` with `grammar` (cached on the token list: line scans are cached by line text, so a
 * re-analysed page looks up words and lexicons only on changed lines), and the word rows it points into. */
function scanned(tokens: Tokens, grammar: ActorGrammar): { scan: LineScan; rows: Uint32Array; table: WordTable } {
  let table = wordTables.get(grammar);
  if (!table) wordTables.set(grammar, (table = new WordTable(grammar)));
  let scan = tokens.derived as LineScan | undefined;
  if (scan === undefined || scan.grammar !== grammar || scan.epoch !== table.epoch) tokens.derived = scan = scanLine(tokens, grammar, table);
  return { scan, rows: table.rows, table };
}

/** Token k's word row at data[base + k]: one number for one text (case kept) while a page is tagged, made
 * with the line's features (so no string is made to compare two tokens' texts). */
export function wordRows(tokens: Tokens, grammar: ActorGrammar): { readonly data: Int32Array; readonly base: number } {
  return scanned(tokens, grammar).scan;
}

// Profile codes of a line's tokens (a word's code, NOT_A_WORD for numbers and punctuation), the line's
// edges beside them: token k's at [k + 1].
const NOT_A_WORD = PROFILE_CODES;
const LINE_EDGE = PROFILE_CODES + 1;
let profileScratch = new Int32Array(258);

function profileCodes(tokens: Tokens, scan: LineScan, table: WordTable, profile: WordProfile): Int32Array {
  const n = tokens.count;
  if (profileScratch.length < n + 2) profileScratch = new Int32Array((n + 2) * 2);
  const codes = profileScratch;
  codes[0] = LINE_EDGE;
  codes[n + 1] = LINE_EDGE;
  for (let k = 0; k < n; k++) codes[k + 1] = tokens.isWord(k) ? table.profileCode(scan.data[scan.base + k], profile) : NOT_A_WORD;
  return codes;
}

/** The table's class codes per word id (WordTable.rowClasses), looked up for every word of the line. */
function lineClasses(tokens: Tokens, scan: LineScan, table: WordTable, classes: WordClasses): Int32Array {
  for (let k = 0; k < tokens.count; k++) table.classCode(tokens, k, scan.data[scan.base + k], classes);
  return table.rowClasses;
}

/** mix(T_CLASS_CASE, code * 4 + case) of the word class codes below MIXED_CLASSES (the others are mixed as they come). */
const MIXED_CLASSES = 256;
const CLASS_CASE_MIXED = Uint32Array.from({ length: MIXED_CLASSES * 4 }, (_, v) => mix(T_CLASS_CASE, v));

/** mix(template, value) of the profile templates: code (with the token's case and sentence start), and the
 * neighbours' codes. */
const PROFILE_MIXED = Uint32Array.from({ length: LINE_EDGE + 1 }, (_, v) => mix(T_PROFILE, v));
const PROFILE_CASE_MIXED = Uint32Array.from({ length: (LINE_EDGE + 1) * 4 }, (_, v) => mix(T_PROFILE_CASE, v));
const PROFILE_PREV_MIXED = Uint32Array.from({ length: LINE_EDGE + 1 }, (_, v) => mix(T_PROFILE_PREV, v));
const PROFILE_NEXT_MIXED = Uint32Array.from({ length: LINE_EDGE + 1 }, (_, v) => mix(T_PROFILE_NEXT, v));

/**
 * Line features of `tokens` (made with `grammar`'s vocabulary), in buffers the next call overwrites (copy
 * them to keep them).
 */
export function lineFeatures(tokens: Tokens, grammar: ActorGrammar, profile?: WordProfile, classes?: WordClasses): LineFeatures {
  const { scan, rows, table } = scanned(tokens, grammar);
  const codes = profile ? profileCodes(tokens, scan, table, profile) : undefined;
  const rowClasses = classes ? lineClasses(tokens, scan, table, classes) : undefined;
  const n = tokens.count;
  if (offsetScratch.length < n + 1) {
    offsetScratch = new Int32Array((n + 1) * 2);
    featScratch = new Int32Array(n * 2 * TOKEN_FEATURES);
  }
  const offsets = offsetScratch;
  let used = 0;
  for (let k = 0; k < n; k++) {
    offsets[k] = used;
    used = tokenFeatures(tokens, scan, rows, k, featScratch, used, codes, rowClasses);
  }
  offsets[n] = used;
  return { offsets: offsets.subarray(0, n + 1), feats: featScratch };
}

/** The word feature of token k (the first of its line features after the bias), without making the others. */
export function wordFeature(tokens: Tokens, grammar: ActorGrammar, k: number): number {
  const { scan, rows } = scanned(tokens, grammar);
  return rows[scan.data[scan.base + k] + I_WORD] | 0;
}

/**
 * The features of token k that depend on one word alone, by part: the word itself (PART_WORD) or the word
 * as a neighbour (PART_PREV, PART_PREV2, PART_NEXT, PART_NEXT2: the previous word's "as previous"
 * features, and so on). Together with the context features (contextFeatures) they are the token's line
 * features.
 */
export const PART_WORD = 0;
export const PART_PREV = 1;
export const PART_PREV2 = 2;
export const PART_NEXT = 3;
export const PART_NEXT2 = 4;
export const WORD_PARTS = 5; // FIELDS / 4 (WordPartScores.offset)

/** Writes the features of part `part` of the word at row offset `row` to `out` from `at`; returns the new
 * length. `rowClasses`: the words' class codes (WordTable.rowClasses), when the model reads classes. */
function partFeatures(rows: Uint32Array, row: number, part: number, out: Int32Array, at: number, rowClasses: Int32Array | undefined): number {
  switch (part) {
    case PART_WORD:
      out[at] = BIAS;
      out[at + 1] = rows[row + I_WORD]; // wordFeature
      out[at + 2] = rows[row + I_SHAPE_F];
      out[at + 3] = rows[row + I_PREFIX2];
      out[at + 4] = rows[row + I_SUFFIX2];
      out[at + 5] = rows[row + I_SUFFIX3];
      if (rowClasses === undefined) return at + 6;
      out[at + 6] = mix(T_CLASS, rowClasses[row / FIELDS]);
      return at + 7;
    case PART_PREV:
      out[at] = rows[row + I_AS_PREV];
      out[at + 1] = rows[row + I_AS_PREV_SHAPE];
      if (rowClasses === undefined) return at + 2;
      out[at + 2] = mix(T_CLASS_PREV, rowClasses[row / FIELDS]);
      return at + 3;
    case PART_PREV2:
      out[at] = rows[row + I_AS_PREV2];
      return at + 1;
    case PART_NEXT:
      out[at] = rows[row + I_AS_NEXT];
      out[at + 1] = rows[row + I_AS_NEXT_SHAPE];
      if (rowClasses === undefined) return at + 2;
      out[at + 2] = mix(T_CLASS_NEXT, rowClasses[row / FIELDS]);
      return at + 3;
    default:
      out[at] = rows[row + I_AS_NEXT2];
      return at + 1;
  }
}

/** Token k's word row and its neighbours' (row 0, the line's edge, past either end), by part. */
function partRows(scan: LineScan, n: number, k: number, out: Int32Array): Int32Array {
  const { data, base } = scan;
  out[PART_WORD] = data[base + k];
  out[PART_PREV] = k > 0 ? data[base + k - 1] : 0;
  out[PART_PREV2] = k > 1 ? data[base + k - 2] : 0;
  out[PART_NEXT] = k + 1 < n ? data[base + k + 1] : 0;
  out[PART_NEXT2] = k + 2 < n ? data[base + k + 2] : 0;
  return out;
}
const partRowScratch = new Int32Array(WORD_PARTS);

/** Sums the weights of features feats[0 .. count) into out[at .. at + width) (one model's emission scores). */
export type FeatureSum = (feats: Int32Array, count: number, out: Float32Array, at: number) => void;

interface PartTable {
  epoch: number;
  /** Per word id and part, `width` scores; known[id * WORD_PARTS + part] says whether they are summed yet. */
  scores: Float32Array;
  known: Uint8Array;
}

/**
 * Per word of a grammar's word table and per part, the emission scores of its one-word features, summed
 * once by one model: tagging a token then adds five such rows instead of summing a dozen weight rows, most
 * of them read from memory, again at every occurrence of the word.
 */
export class WordPartScores {
  private readonly tables = new WeakMap<WordTable, PartTable>();
  private readonly partScratch = new Int32Array(8);

  constructor(readonly width: number, private readonly sum: FeatureSum) {}

  /** The part scores of `table`'s words (summed as they are first asked for). */
  of(table: WordTable): PartTable {
    let part = this.tables.get(table);
    if (!part || part.epoch !== table.epoch) this.tables.set(table, (part = { epoch: table.epoch, scores: new Float32Array(1024 * WORD_PARTS * this.width), known: new Uint8Array(1024 * WORD_PARTS) }));
    return part;
  }

  /** The offset in part.scores of part `which` of the word at row offset `row`, summing it on first use
   * (with the class codes `rowClasses` when the model reads classes: they are the same for every use). */
  offset(part: PartTable, rows: Uint32Array, row: number, which: number, rowClasses: Int32Array | undefined): number {
    // row = word id * FIELDS and FIELDS = 4 * WORD_PARTS: the word's first slot is row / 4
    const slot = (row >> 2) + which;
    if (slot >= part.known.length) {
      const size = Math.max(slot + 1, part.known.length * 2);
      const known = new Uint8Array(size);
      known.set(part.known);
      const scores = new Float32Array(size * this.width);
      scores.set(part.scores);
      part.known = known;
      part.scores = scores;
    }
    const at = slot * this.width;
    if (part.known[slot] === 0) {
      this.sum(this.partScratch, partFeatures(rows, row, which, this.partScratch, 0, rowClasses), part.scores, at);
      part.known[slot] = 1;
    }
    return at;
  }
}

/** Receives each token's emission scores in turn: the one-word parts already in scores[at .. at + width),
 * its context features in feats[0 .. count) (a buffer the next token overwrites) still to add. */
export interface TokenFeatureSink {
  token(k: number, feats: Int32Array, count: number): void;
}

/**
 * What tagging reads of each token, token by token: its one-word feature parts as scores summed once per
 * word by `parts`, written to `scores` (width per token), and its context features handed to `sink` to add,
 * while they are still in the CPU cache. The same features as lineFeatures, summed in another order.
 */
export function eachTokenScores(
  tokens: Tokens,
  grammar: ActorGrammar,
  parts: WordPartScores,
  scores: Float32Array,
  sink: TokenFeatureSink,
  profile?: WordProfile,
  classes?: WordClasses,
): void {
  const { scan, rows, table } = scanned(tokens, grammar);
  const codes = profile ? profileCodes(tokens, scan, table, profile) : undefined;
  const rowClasses = classes ? lineClasses(tokens, scan, table, classes) : undefined;
  const part = parts.of(table);
  const width = parts.width;
  const n = tokens.count;
  const { data, base } = scan;
  for (let k = 0; k < n; k++) {
    // the rows partRows gives, kept in locals: this loop is the tagger's hottest
    const a = parts.offset(part, rows, data[base + k], PART_WORD, rowClasses);
    const b = parts.offset(part, rows, k > 0 ? data[base + k - 1] : 0, PART_PREV, rowClasses);
    const c = parts.offset(part, rows, k > 1 ? data[base + k - 2] : 0, PART_PREV2, rowClasses);
    const d = parts.offset(part, rows, k + 1 < n ? data[base + k + 1] : 0, PART_NEXT, rowClasses);
    const e = parts.offset(part, rows, k + 2 < n ? data[base + k + 2] : 0, PART_NEXT2, rowClasses);
    const sums = part.scores;
    const row = k * width;
    if (width === 5) {
      scores[row] = sums[a] + sums[b] + sums[c] + sums[d] + sums[e];
      scores[row + 1] = sums[a + 1] + sums[b + 1] + sums[c + 1] + sums[d + 1] + sums[e + 1];
      scores[row + 2] = sums[a + 2] + sums[b + 2] + sums[c + 2] + sums[d + 2] + sums[e + 2];
      scores[row + 3] = sums[a + 3] + sums[b + 3] + sums[c + 3] + sums[d + 3] + sums[e + 3];
      scores[row + 4] = sums[a + 4] + sums[b + 4] + sums[c + 4] + sums[d + 4] + sums[e + 4];
    } else {
      for (let t = 0; t < width; t++) scores[row + t] = sums[a + t] + sums[b + t] + sums[c + t] + sums[d + t] + sums[e + t];
    }
    sink.token(k, tokenScratch, contextFeatures(tokens, scan, rows, k, tokenScratch, 0, codes, rowClasses));
  }
}

function scanLine(tokens: Tokens, grammar: ActorGrammar, table: WordTable): LineScan {
  const n = tokens.count;
  table.reserve(n);
  const data = room(3 * n);
  const base = chunkUsed;
  chunkUsed += 3 * n;
  const lex = base + n;
  const run = base + 2 * n;
  for (let k = 0; k < n; k++) data[base + k] = table.rowOf(tokens, k);
  // rows are read after every word is in (the table may grow while rows are added)
  const rows = table.rows;
  let phrases = 0;
  for (let k = 0; k < n; k++) {
    data[lex + k] = rows[data[base + k] + I_LEX];
    phrases |= rows[data[base + k] + I_PHRASES];
    data[run + k] = 0;
  }
  if (phrases !== 0) {
    // one pass over the tokens, trying at each only the phrase lexicons that have a phrase starting there
    const matchers = table.matchers;
    for (let k = 0; k < n; k++) {
      let starts = rows[data[base + k] + I_PHRASES];
      while (starts !== 0) {
        const m = 31 - Math.clz32(starts & -starts);
        starts &= starts - 1;
        const found = matchers[m].matchAt(tokens, k);
        if (!found) continue;
        data[lex + k] |= 1 << PHRASE_LEXICONS[m][1];
        const inside = 1 << PHRASE_LEXICONS[m][2];
        for (let j = k + 1; j < k + found.length && j < n; j++) data[lex + j] |= inside;
      }
    }
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
    // where the run stands: after a lower-case place word ("đường Lê Văn Lương"), before one ("Hubei province")
    const placeBefore = k > 0 && (data[lex + k - 1] & PLACE_PREP_BIT) !== 0 && !tokens.capitalised(k - 1) ? RUN_AFTER_PLACE_WORD : 0;
    const placeAfter = end < n && (data[lex + end] & PLACE_NOUN_BIT) !== 0 && !tokens.capitalised(end) ? RUN_BEFORE_PLACE_NOUN : 0;
    for (let j = k; j < end; j++) data[run + j] = 1 + spanPosition(j, k, end) * 8 + length + (placeBefore | placeAfter);
    k = end;
  }
  return { grammar, epoch: table.epoch, data, base };
}

// At most 20 fixed features, 4 profile features, 4 word class features and 5 x LEX_BITS lexicon bits per token.
const TOKEN_FEATURES = 20 + 4 + 4 + 5 * (LEX_BITS + 1);
// The features of the line last made by lineFeatures (offsets: n + 1), and of the token last made by eachTokenScores.
let offsetScratch = new Int32Array(256);
let featScratch = new Int32Array(256 * TOKEN_FEATURES);
const tokenScratch = new Int32Array(TOKEN_FEATURES);

/** Appends the line features of token k of a scanned line to `out` from `used` (its one-word parts, then
 * its context features); returns the new length. */
function tokenFeatures(
  tokens: Tokens,
  scan: LineScan,
  rows: Uint32Array,
  k: number,
  out: Int32Array,
  used: number,
  codes: Int32Array | undefined,
  rowClasses: Int32Array | undefined,
): number {
  const at = partRows(scan, tokens.count, k, partRowScratch);
  for (let part = 0; part < WORD_PARTS; part++) used = partFeatures(rows, at[part], part, out, used, rowClasses);
  return contextFeatures(tokens, scan, rows, k, out, used, codes, rowClasses);
}

/** Appends the features of token k that depend on more than one word (pairs, runs, sentence start, word
 * profile, lexicons, which phrase matches make context-dependent) to `out` from `used`; returns the new length. */
function contextFeatures(
  tokens: Tokens,
  scan: LineScan,
  rows: Uint32Array,
  k: number,
  out: Int32Array,
  used: number,
  codes: Int32Array | undefined,
  rowClasses: Int32Array | undefined,
): number {
  const n = tokens.count;
  const { data, base } = scan;
  const word = data[base + k];
  const prev = k > 0 ? data[base + k - 1] : 0;
  const next = k + 1 < n ? data[base + k + 1] : 0;
  const w = rows[word + I_LOWER];
  const shape = rows[word + I_SHAPE];
  out[used++] = mix(rows[prev + I_PREV_WORD], w);
  out[used++] = mix(rows[word + I_WORD_NEXT], rows[next + I_LOWER]);
  out[used++] = mix(mix(rows[prev + I_SHAPE3], shape), rows[next + I_SHAPE]);
  out[used++] = mix(rows[prev + I_PREV_WORD_SHAPE], shape);
  out[used++] = mix(rows[word + I_SHAPE_NEXT_WORD], rows[next + I_LOWER]);
  return tokenTail(tokens, scan, k, out, used, codes, rowClasses);
}

/** The run, sentence-start, word-profile and lexicon features of token k, appended to `out` from `used`
 * (apart from contextFeatures, which stays small enough for the compiler to inline into the tagging loop). */
function tokenTail(tokens: Tokens, scan: LineScan, k: number, out: Int32Array, used: number, codes: Int32Array | undefined, rowClasses: Int32Array | undefined): number {
  const n = tokens.count;
  const { data, base } = scan;
  const lex = base + n;
  const run = base + 2 * n;
  const noLex = 1 << LEX_BITS;
  const runEntry = data[run + k];
  out[used++] = RUN_MIXED[runEntry & RUN_VALUE];
  // the run's place context, with the token's place in the run (B, I, L, U)
  if (runEntry > RUN_VALUE) out[used++] = RUN_PLACE_MIXED[(runEntry >> 5) * 4 + (((runEntry & RUN_VALUE) - 1) >> 3)];
  out[used++] = START_MIXED[(tokens.sentenceStart(k) ? 1 : 0) + (k === 0 ? 2 : 0) + shapeClass(tokens, k) * 4];
  if (codes !== undefined) {
    const code = codes[k + 1];
    out[used++] = PROFILE_MIXED[code];
    out[used++] = PROFILE_CASE_MIXED[code * 4 + (tokens.capitalised(k) ? 1 : 0) + (k === 0 || tokens.sentenceStart(k) ? 2 : 0)];
    out[used++] = PROFILE_PREV_MIXED[codes[k]];
    out[used++] = PROFILE_NEXT_MIXED[codes[k + 2]];
  }
  // the class with the token's case and sentence start (the class alone and the neighbours' are word parts)
  if (rowClasses !== undefined) {
    const code = rowClasses[data[base + k] / FIELDS];
    const value = code * 4 + (tokens.capitalised(k) ? 1 : 0) + (k === 0 || tokens.sentenceStart(k) ? 2 : 0);
    out[used++] = code < MIXED_CLASSES ? CLASS_CASE_MIXED[value] : mix(T_CLASS_CASE, value);
  }
  used = pushBits(out, used, 0, data[lex + k]);
  used = pushBits(out, used, 1, k > 0 ? data[lex + k - 1] : noLex);
  used = pushBits(out, used, 2, k + 1 < n ? data[lex + k + 1] : noLex);
  used = pushBits(out, used, 3, k > 1 ? data[lex + k - 2] : noLex);
  return pushBits(out, used, 4, k + 2 < n ? data[lex + k + 2] : noLex);
}

// Line scans are copied into large shared chunks, as tokens are (words.ts): an array of its own per
// line costs an allocation outside the heap and its collection; a full chunk is left to the lines using it.
const CHUNK_INTS = 1 << 16;
let chunk = new Int32Array(CHUNK_INTS);
let chunkUsed = 0;

/** The current chunk, with room for `length` more values at chunkUsed. */
function room(length: number): Int32Array {
  if (chunkUsed + length > chunk.length) {
    chunk = new Int32Array(Math.max(CHUNK_INTS, length));
    chunkUsed = 0;
  }
  return chunk;
}

/** Appends the lexicon features of `bits` (template slot of LEX_TEMPLATES); returns the new length. */
function pushBits(out: Int32Array, used: number, slot: number, bits: number): number {
  const mixed = LEX_MIXED[slot];
  // lowest bit first
  while (bits !== 0) {
    const low = bits & -bits;
    out[used++] = mixed[31 - Math.clz32(low)];
    bits ^= low;
  }
  return used;
}

/** Rule id of a suggestion for features: its first rule, or its label for detectors without rule ids. */
const ruleHashes = new Map<string, number>();
function ruleHash(rule: string): number {
  let h = ruleHashes.get(rule);
  if (h === undefined) ruleHashes.set(rule, (h = hashString(rule)));
  return h;
}

/** Features added to some tokens of a line (rule features), as (token, feature) pairs in a reused buffer. */
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
 * Suggestions whose only rule is in `ignored` (propagation of accepted texts, the tagger's own output) give none.
 */
export function ruleFeatures(
  tokens: Tokens,
  lineStart: number,
  suggestions: readonly Suggestion[],
  ignored: ReadonlySet<string>,
  extra: ExtraFeatures,
): void {
  for (const s of suggestions) {
    const from = tokenAtOrAfter(tokens, s.start - lineStart);
    let to = from;
    while (to < tokens.count && tokens.start(to) < s.end - lineStart) to++;
    if (to <= from) continue;
    let used = false;
    const bucket = Math.min(9, Math.floor(s.score * 10));
    const label = ruleHash(s.label);
    const ruleCount = s.rules?.length ?? 0;
    // a suggestion without rule ids is its label's rule
    for (let i = 0; i < Math.max(1, ruleCount); i++) {
      const rule = ruleCount > 0 ? s.rules![i] : s.label;
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
      extra.add(k, mix(mix(mix(T_RULE_SHAPE, label), pos), shapeClass(tokens, k)));
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
