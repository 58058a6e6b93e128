// A fast tokenizer for the entity detectors. One pass over a line with per-code-unit tables and no object
// per token: tokens are four integers (start, end, flags, word id) in large shared Int32Array chunks, so a
// 1 MB page tokenizes in milliseconds and leaves one small object per line to collect. Tokens are words (letter runs, digits allowed inside: "G20"), numbers
// (digit runs joined by / . , : - to further digits: "22/3", "06:16", "3,7", "2019-11-18") and single
// punctuation characters. Vietnamese syllables are separate words, as in the CoNLL tokenizer.
//
// Lexicon words are interned in a Vocabulary; every token carries the id of its lower-cased text (-1 when
// no lexicon knows it), so the detectors test words and match phrases with integer lookups instead of
// building strings.

import { ownString } from '../text/ownString';

export const TOKEN_WORD = 1;
export const TOKEN_NUMBER = 2;
export const TOKEN_PUNCT = 3;

const KIND_MASK = 3;
const FLAG_CAPITALISED = 4; // first letter upper case
const FLAG_ACRONYM = 8; // two or more letters, all upper case ("TASS")
const FLAG_SENTENCE_START = 16; // first word of a sentence
const FLAG_SPACE_BEFORE = 32; // whitespace (or the range start) directly before
const FLAG_HAS_UPPER = 64; // some letter is upper case
const FLAG_WORD_AS_WRITTEN = 128; // the word id's text is exactly the token's text (no case or accent folded)

// Per code unit, one integer: its class in bits 0-2, CHAR_SENTENCE_END and CHAR_JOINER flags, and in the
// high 16 bits the code unit a word lower-cases it to (0 where lower-casing the character alone would not
// give what String#toLowerCase gives inside a word: İ, final sigma, one-to-many mappings).
// Class 0: anything else (punctuation, symbols, surrogates). Word characters are classes 1 to 5.
const CLASS_MASK = 7;
const CLASS_LOWER = 1;
const CLASS_UPPER = 2;
const CLASS_DIGIT = 3;
const CLASS_MARK = 4;
const CLASS_LETTER = 5; // letters without case (CJK, Thai...)
const CLASS_SPACE = 6;
/** Punctuation after which a new sentence starts (other punctuation, such as opening quotes, keeps the state). */
const CHAR_SENTENCE_END = 8;
/** Joins digit groups into one number. */
const CHAR_JOINER = 16;
// Word characters carry these bits too, so the tokenizer's inner loop tests and accumulates them with one
// AND / OR instead of comparing classes.
const CHAR_WORD = 32;
const CHAR_UPPER = 64;
const CHAR_LOWER = 128;
/** A word character that does not lower-case on its own (fold 0). */
const CHAR_NO_FOLD = 256;
const UPPER_SHIFT = 6;
const FOLD_SHIFT = 16;

let charTable: Int32Array | undefined;

function charInfo(): Int32Array {
  if (charTable) return charTable;
  const table = new Int32Array(65536);
  const upper = /\p{Lu}|\p{Lt}/u;
  const letter = /\p{L}/u;
  const mark = /\p{M}/u;
  const digit = /\p{Nd}/u;
  const space = /[\s\p{Cc}]/u;
  for (let code = 0; code < 65536; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue; // surrogates: treated as other
    const char = String.fromCharCode(code);
    let cls = 0;
    if (code < 128) {
      if (code >= 97 && code <= 122) cls = CLASS_LOWER;
      else if (code >= 65 && code <= 90) cls = CLASS_UPPER;
      else if (code >= 48 && code <= 57) cls = CLASS_DIGIT;
      else if (code <= 32 || code === 127) cls = CLASS_SPACE;
    } else if (space.test(char)) cls = CLASS_SPACE;
    else if (upper.test(char)) cls = CLASS_UPPER;
    else if (letter.test(char)) cls = char.toUpperCase() !== char ? CLASS_LOWER : CLASS_LETTER;
    else if (mark.test(char)) cls = CLASS_MARK;
    else if (digit.test(char)) cls = CLASS_DIGIT;
    let fold = 0;
    if (isWordClass(cls)) {
      const lower = char.toLowerCase();
      // A word is lower-cased only when it has an upper-case letter, so other characters must stay as they are.
      if (cls === CLASS_UPPER) fold = lower.length === 1 && code !== 0x3a3 ? lower.charCodeAt(0) : 0;
      // a combining accent ("a" + U+0300, as some keyboards write "à"): the word is looked up composed (NFC)
      else if (code >= 0x300 && code <= 0x36f) fold = 0;
      else fold = lower === char ? code : 0;
    }
    let bits = 0;
    if (isWordClass(cls)) {
      bits = CHAR_WORD;
      if (cls === CLASS_UPPER) bits |= CHAR_UPPER;
      else if (cls === CLASS_LOWER) bits |= CHAR_LOWER;
      if (fold === 0) bits |= CHAR_NO_FOLD;
    }
    table[code] = cls | bits | (fold << FOLD_SHIFT);
  }
  for (const char of '.!?…:;|') table[char.charCodeAt(0)] |= CHAR_SENTENCE_END;
  for (const char of '/.,:-') table[char.charCodeAt(0)] |= CHAR_JOINER;
  charTable = table;
  return table;
}

function isWordClass(cls: number): boolean {
  return cls >= CLASS_LOWER && cls <= CLASS_LETTER;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/**
 * Interned words with dense integer ids. With `folded` lookups a word token's text is lower-cased on the
 * fly (as String#toLowerCase would), without building a string.
 */
export class Vocabulary {
  private readonly byText = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly hashes: number[] = [];
  /** Open addressing: id + 1, 0 for an empty slot; beside it the word's hash, so a probe reads one array. */
  private slots = new Int32Array(64);
  private slotHashes = new Int32Array(64);
  /** Id of each one-character ASCII word (punctuation mostly), -1 for none: a token's lookup is one read. */
  private readonly asciiIds = new Int32Array(128).fill(-1);

  get size(): number {
    return this.words.length;
  }

  /** The id of `word`, adding it when new. */
  intern(word: string): number {
    const known = this.byText.get(word);
    if (known !== undefined) return known;
    const id = this.words.length;
    // a vocabulary lives as long as its lexicon or corpus: a word of its own, not a slice of a page
    word = ownString(word);
    this.words.push(word);
    let hash = FNV_OFFSET;
    for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
    this.hashes.push(hash);
    this.byText.set(word, id);
    if (word.length === 1 && word.charCodeAt(0) < 128) this.asciiIds[word.charCodeAt(0)] = id;
    if (this.words.length * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(id);
    return id;
  }

  /** The id of `word`, or -1. */
  id(word: string): number {
    return this.byText.get(word) ?? -1;
  }

  word(id: number): string {
    return this.words[id];
  }

  /** The id of source[start, end) as it is (case kept), or -1. */
  idOfRange(source: string, start: number, end: number): number {
    if (end - start === 1) {
      const code = source.charCodeAt(start);
      if (code < 128) return this.asciiIds[code];
    }
    let hash = FNV_OFFSET;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ source.charCodeAt(i), FNV_PRIME);
    const mask = this.slots.length - 1;
    const slots = this.slots;
    const slotHashes = this.slotHashes;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot];
      if (entry === 0) return -1;
      if (slotHashes[slot] === hash) {
        const word = this.words[entry - 1];
        if (word.length === end - start && source.startsWith(word, start)) return entry - 1;
      }
    }
  }

  /** The id of the lower-cased text of the word source[start, end), or -1. */
  idOfWord(source: string, start: number, end: number): number {
    const table = charInfo();
    let hash = FNV_OFFSET;
    for (let i = start; i < end; i++) {
      const lower = table[source.charCodeAt(i)] >>> FOLD_SHIFT;
      if (lower === 0) return this.id(lowerWord(source.slice(start, end)).normalize('NFC'));
      hash = Math.imul(hash ^ lower, FNV_PRIME);
    }
    return this.idOfFolded(hash, source, start, end);
  }

  /** The id of the word source[start, end) whose lower-cased code units hash to `hash`, or -1. */
  idOfFolded(hash: number, source: string, start: number, end: number): number {
    const slots = this.slots;
    const slotHashes = this.slotHashes;
    const mask = slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot];
      if (entry === 0) return -1;
      if (slotHashes[slot] === hash && foldedEquals(this.words[entry - 1], source, start, end)) return entry - 1;
    }
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes[id] & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = id + 1;
    this.slotHashes[slot] = this.hashes[id];
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    this.slotHashes = new Int32Array(size);
    for (let id = 0; id < this.words.length; id++) this.place(id);
  }
}

function foldedEquals(word: string, source: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  const table = charTable ?? charInfo();
  for (let i = 0; i < word.length; i++) if (table[source.charCodeAt(start + i)] >>> FOLD_SHIFT !== word.charCodeAt(i)) return false;
  return true;
}

/** A word lower-cased the way tokens are: only when it has an upper-case letter. */
function lowerWord(word: string): string {
  const table = charInfo();
  for (let i = 0; i < word.length; i++) if ((table[word.charCodeAt(i)] & CLASS_MASK) === CLASS_UPPER) return word.toLowerCase();
  return word;
}

const FIELDS = 4; // start, end, flags, word id

/** The tokens of one range of a source text, offsets into the source. Indexes outside [0, count) are none. */
export class Tokens {
  /** What a later stage derived from these tokens (the span tagger's line features), kept with them: a
   * field is cheaper than a weak map entry per line. */
  derived: unknown = undefined;

  constructor(
    readonly source: string,
    readonly count: number,
    /** A chunk shared with other lines' tokens; this line's start at `base`. */
    private readonly chunk: Int32Array,
    private readonly base: number,
    /** How many tokens start with a digit (numbers, "18th"): none means no written number on the line. */
    readonly digitTokens = 0,
    /** The vocabulary the word ids are of. */
    readonly vocabulary?: Vocabulary,
  ) {}

  start(index: number): number {
    return this.chunk[this.base + index * FIELDS];
  }

  end(index: number): number {
    return this.chunk[this.base + index * FIELDS + 1];
  }

  kind(index: number): number {
    return this.chunk[this.base + index * FIELDS + 2] & KIND_MASK;
  }

  /** Id of the lower-cased text in the vocabulary the tokens were made with, or -1. */
  word(index: number): number {
    return this.chunk[this.base + index * FIELDS + 3];
  }

  isWord(index: number): boolean {
    return index >= 0 && index < this.count && (this.chunk[this.base + index * FIELDS + 2] & KIND_MASK) === TOKEN_WORD;
  }

  isNumber(index: number): boolean {
    return index >= 0 && index < this.count && (this.chunk[this.base + index * FIELDS + 2] & KIND_MASK) === TOKEN_NUMBER;
  }

  /** A word whose first letter is upper case. */
  isNameWord(index: number): boolean {
    return index >= 0 && index < this.count && (this.chunk[this.base + index * FIELDS + 2] & (KIND_MASK | FLAG_CAPITALISED)) === (TOKEN_WORD | FLAG_CAPITALISED);
  }

  capitalised(index: number): boolean {
    return (this.chunk[this.base + index * FIELDS + 2] & FLAG_CAPITALISED) !== 0;
  }

  acronym(index: number): boolean {
    return (this.chunk[this.base + index * FIELDS + 2] & FLAG_ACRONYM) !== 0;
  }

  /** Whether the token is a word written exactly as its vocabulary word (when it has one): no letter
   * lower-cased, no accent composed to find it. */
  writtenAsWord(index: number): boolean {
    return (this.chunk[this.base + index * FIELDS + 2] & FLAG_WORD_AS_WRITTEN) !== 0;
  }

  hasUpper(index: number): boolean {
    return (this.chunk[this.base + index * FIELDS + 2] & FLAG_HAS_UPPER) !== 0;
  }

  sentenceStart(index: number): boolean {
    return (this.chunk[this.base + index * FIELDS + 2] & FLAG_SENTENCE_START) !== 0;
  }

  spaceBefore(index: number): boolean {
    return (this.chunk[this.base + index * FIELDS + 2] & FLAG_SPACE_BEFORE) !== 0;
  }

  /** Whether the token is the one character `code` (punctuation such as "-" or "."). */
  isChar(index: number, code: number): boolean {
    if (index < 0 || index >= this.count) return false;
    const start = this.chunk[this.base + index * FIELDS];
    return this.chunk[this.base + index * FIELDS + 1] === start + 1 && this.source.charCodeAt(start) === code;
  }

  text(index: number): string {
    return this.source.slice(this.chunk[this.base + index * FIELDS], this.chunk[this.base + index * FIELDS + 1]);
  }

  /** Lower-cased text of a word (numbers and punctuation keep their text). */
  lower(index: number): string {
    const text = this.text(index);
    return this.hasUpper(index) ? text.toLowerCase() : text;
  }

  /** Whether the token's text is `text`, case kept. */
  textIs(index: number, text: string): boolean {
    const start = this.chunk[this.base + index * FIELDS];
    return this.chunk[this.base + index * FIELDS + 1] - start === text.length && this.source.startsWith(text, start);
  }

  /** Source text from the start of token `from` to the end of token `to - 1`. */
  textOf(from: number, to: number): string {
    return this.source.slice(this.chunk[this.base + from * FIELDS], this.chunk[this.base + (to - 1) * FIELDS + 1]);
  }

  /** Texts of tokens [from, to). */
  texts(from = 0, to = this.count): string[] {
    const result: string[] = [];
    for (let index = from; index < to; index++) result.push(this.text(index));
    return result;
  }
}

// Tokens are appended to the current chunk; a full chunk is left to the lines that use it.
const CHUNK_INTS = 1 << 16;
let chunk = new Int32Array(CHUNK_INTS);
let chunkUsed = 0;

/** Tokens of source[start, end), offsets into `source`, word ids from `vocabulary`. */
export function tokenize(source: string, vocabulary: Vocabulary, start = 0, end = source.length): Tokens {
  const table = charTable ?? charInfo();
  if (chunkUsed + (end - start) * FIELDS > chunk.length) {
    // a new chunk with room for the whole range (at most one token per code unit); the full one is left to
    // the lines that use it
    chunk = new Int32Array(Math.max(CHUNK_INTS, (end - start) * FIELDS));
    chunkUsed = 0;
  }
  const data = chunk;
  const base = chunkUsed;
  let at = base;
  let position = start;
  let sentenceStart = true;
  let spaceBefore = true;
  let digitTokens = 0;
  while (position < end) {
    const code = source.charCodeAt(position);
    const info = table[code];
    const cls = info & CLASS_MASK;
    if (cls === CLASS_SPACE) {
      position++;
      spaceBefore = true;
      continue;
    }
    const tokenStart = position;
    let flags: number;
    let word: number;
    if ((info & CHAR_WORD) !== 0 && cls !== CLASS_DIGIT) {
      // one pass: extent, letter cases and the hash of the lower-cased text
      let upperCount = 0;
      let seen = 0;
      let hash = FNV_OFFSET;
      let charInfo = info;
      for (;;) {
        seen |= charInfo;
        upperCount += (charInfo >>> UPPER_SHIFT) & 1;
        hash = Math.imul(hash ^ (charInfo >>> FOLD_SHIFT), FNV_PRIME);
        if (++position >= end) break;
        charInfo = table[source.charCodeAt(position)];
        if ((charInfo & CHAR_WORD) === 0) break;
      }
      flags = TOKEN_WORD;
      if (cls === CLASS_UPPER) flags |= FLAG_CAPITALISED;
      if (upperCount > 0) flags |= FLAG_HAS_UPPER;
      if (upperCount >= 2 && (seen & CHAR_LOWER) === 0) flags |= FLAG_ACRONYM;
      if (sentenceStart) flags |= FLAG_SENTENCE_START;
      word = (seen & CHAR_NO_FOLD) === 0 ? vocabulary.idOfFolded(hash, source, tokenStart, position) : vocabulary.idOfWord(source, tokenStart, position);
      if (upperCount === 0 && (seen & CHAR_NO_FOLD) === 0) flags |= FLAG_WORD_AS_WRITTEN;
    } else if (cls === CLASS_DIGIT) {
      digitTokens++;
      position++;
      while (position < end) {
        const next = table[source.charCodeAt(position)];
        if ((next & CLASS_MASK) === CLASS_DIGIT) position++;
        else if ((next & CHAR_JOINER) !== 0 && position + 1 < end && (table[source.charCodeAt(position + 1)] & CLASS_MASK) === CLASS_DIGIT) position += 2;
        else break;
      }
      if (position < end && (table[source.charCodeAt(position)] & CHAR_WORD) !== 0) {
        // "18th", "3D": digits run on into letters -> a word.
        while (position < end && (table[source.charCodeAt(position)] & CHAR_WORD) !== 0) position++;
        flags = wordFlags(source, tokenStart, position, sentenceStart);
        word = vocabulary.idOfWord(source, tokenStart, position);
      } else {
        flags = TOKEN_NUMBER;
        word = vocabulary.idOfRange(source, tokenStart, position);
      }
    } else {
      position++;
      // keep a surrogate pair together
      if (code >= 0xd800 && code <= 0xdbff && position < end) position++;
      flags = TOKEN_PUNCT;
      word = vocabulary.idOfRange(source, tokenStart, position);
      if (position === tokenStart + 1 && (info & CHAR_SENTENCE_END) !== 0) sentenceStart = true;
    }
    if (spaceBefore) flags |= FLAG_SPACE_BEFORE;
    data[at] = tokenStart;
    data[at + 1] = position;
    data[at + 2] = flags;
    data[at + 3] = word;
    at += FIELDS;
    spaceBefore = false;
    if ((flags & KIND_MASK) !== TOKEN_PUNCT) sentenceStart = false;
  }
  chunkUsed = at;
  return new Tokens(source, (at - base) / FIELDS, data, base, digitTokens, vocabulary);
}

/** Flags of a word token that starts with a digit ("18th"). */
function wordFlags(source: string, start: number, end: number, sentenceStart: boolean): number {
  const table = charInfo();
  let upperCount = 0;
  let lowerCount = 0;
  for (let i = start; i < end; i++) {
    const cls = table[source.charCodeAt(i)] & CLASS_MASK;
    if (cls === CLASS_UPPER) upperCount++;
    else if (cls === CLASS_LOWER) lowerCount++;
  }
  let flags = TOKEN_WORD;
  if (upperCount > 0) flags |= FLAG_HAS_UPPER;
  if (upperCount >= 2 && lowerCount === 0) flags |= FLAG_ACRONYM;
  if (sentenceStart) flags |= FLAG_SENTENCE_START;
  return flags;
}

/** Tokenizes a lexicon phrase the way the detectors tokenize text: its lower-cased words. */
export function phraseWords(phrase: string, vocabulary: Vocabulary): string[] {
  const tokens = tokenize(phrase, vocabulary);
  const words: string[] = [];
  for (let index = 0; index < tokens.count; index++) words.push(tokens.lower(index));
  return words;
}

/**
 * Vocabulary id -> a small positive integer (0: none), one array slot per id: the per-token tests are an
 * array read instead of a hash lookup.
 */
export class IdTable {
  private values = new Int32Array(64);

  set(id: number, value: number): void {
    if (id >= this.values.length) {
      const larger = new Int32Array(Math.max(id + 1, this.values.length * 2));
      larger.set(this.values);
      this.values = larger;
    }
    this.values[id] = value;
  }

  /** The value of `id` (-1 for a word outside the vocabulary gives 0). */
  get(id: number): number {
    return id >= 0 && id < this.values.length ? this.values[id] : 0;
  }

  has(id: number): boolean {
    return this.get(id) !== 0;
  }
}

/** Single words (and two-word phrases) of a lexicon section, compared with lower-cased token texts. */
export class WordSet {
  private readonly singles = new IdTable();
  private readonly pairs = new Set<number>();
  private readonly texts = new Set<string>();

  constructor(
    private readonly vocabulary: Vocabulary,
    entries: Iterable<string> = [],
  ) {
    for (const entry of entries) this.add(entry);
  }

  add(entry: string): void {
    const lower = entry.toLowerCase();
    this.texts.add(lower);
    const space = lower.indexOf(' ');
    if (space < 0) this.singles.set(this.vocabulary.intern(lower), 1);
    else if (lower.indexOf(' ', space + 1) < 0) {
      this.pairs.add(pairKey(this.vocabulary.intern(lower.slice(0, space)), this.vocabulary.intern(lower.slice(space + 1))));
    }
  }

  /** Whether the lower-cased text of tokens[index] is an entry. */
  has(tokens: Tokens, index: number): boolean {
    return index >= 0 && index < tokens.count && this.singles.has(tokens.word(index));
  }

  /** Whether the text of tokens[index], case kept, is an entry (upper case never matches a lower-case entry). */
  hasExact(tokens: Tokens, index: number): boolean {
    if (index < 0 || index >= tokens.count) return false;
    return tokens.hasUpper(index) ? this.texts.has(tokens.text(index)) : this.singles.has(tokens.word(index));
  }

  /** Whether tokens[index] and tokens[index + 1], joined by a space, are an entry. */
  hasPair(tokens: Tokens, index: number): boolean {
    if (index < 0 || index + 1 >= tokens.count || this.pairs.size === 0) return false;
    const first = tokens.word(index);
    const second = tokens.word(index + 1);
    return first >= 0 && second >= 0 && this.pairs.has(pairKey(first, second));
  }
}

function pairKey(first: number, second: number): number {
  return first * 0x4000000 + second;
}

export interface PhraseMatch<V> {
  /** Token count. */
  length: number;
  value: V;
  /** The phrase as written in the lexicon. */
  text: string;
}

/**
 * A set of phrases matched token by token, case-insensitively, longest first: a trie over word ids, so
 * matching costs one map lookup per matched token.
 */
export class PhraseMatcher<V = string | undefined> {
  /** First word id -> its trie node (most tokens start no phrase: one array read tells). */
  private readonly roots = new IdTable();
  /** Children of the nodes below the roots; node 0 is unused. */
  private readonly children: Map<number, number>[] = [new Map()];
  private readonly terminals: (PhraseMatch<V> | undefined)[] = [undefined];
  private readonly firstWordIds = new Set<number>();
  size = 0;

  constructor(private readonly vocabulary: Vocabulary) {}

  add(phrase: string, value: V): void {
    const words = phraseWords(phrase, this.vocabulary);
    if (words.length === 0) return;
    let node = 0;
    for (const word of words) {
      const id = this.vocabulary.intern(word);
      let next = node === 0 ? this.roots.get(id) || undefined : this.children[node].get(id);
      if (next === undefined) {
        next = this.children.length;
        this.children.push(new Map());
        this.terminals.push(undefined);
        if (node === 0) this.roots.set(id, next);
        else this.children[node].set(id, next);
      }
      node = next;
    }
    if (this.terminals[node] !== undefined) return; // the first entry of a phrase wins
    this.terminals[node] = { length: words.length, value, text: phrase };
    this.firstWordIds.add(this.vocabulary.intern(words[0]));
    this.size++;
  }

  /** The longest phrase starting at tokens[index] and ending before `limit`, or undefined. */
  matchAt(tokens: Tokens, index: number, limit = tokens.count): PhraseMatch<V> | undefined {
    if (index < 0 || index >= limit) return undefined;
    let node = this.roots.get(tokens.word(index));
    if (node === 0) return undefined;
    let best = this.terminals[node];
    for (let next = index + 1; next < limit; next++) {
      const child: number | undefined = this.children[node].get(tokens.word(next));
      if (child === undefined) break;
      node = child;
      best = this.terminals[node] ?? best;
    }
    return best;
  }

  /** Vocabulary ids of the first words of all phrases, for a quick test before matchAt. */
  firstWords(): ReadonlySet<number> {
    return this.firstWordIds;
  }
}

/** 0-based line containing `offset`, by binary search over line spans in order. */
export function lineIndexOf(lines: readonly { line: number; start: number }[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (lines[middle].start <= offset) low = middle;
    else high = middle - 1;
  }
  return lines[low]?.line ?? 0;
}
