// Line normalisation for comparing lines across and within documents. Two lines are "the same" when they
// differ only in case, Unicode composition (NFC vs NFD Vietnamese), digits (dates and counters in a page
// template change from page to page) and punctuation or spacing. Lines are compared by a 53-bit hash of
// that normal form, so the corpus model never stores line texts.

/** Lower case and NFC, for comparing words; offsets are never taken from the result. */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  return hasCombiningMark(lower) ? lower.normalize('NFC') : lower;
}

/** ASCII_WORD[code] is 1 for ASCII letters and digits. */
const ASCII_WORD = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  ASCII_WORD[code] = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 1 : 0;
}

/** Whether a UTF-16 code unit is part of a word (letter, digit or mark) rather than punctuation or space. */
export function isWordCode(code: number): boolean {
  if (code < 0x80) return ASCII_WORD[code] === 1;
  // Outside ASCII, punctuation, spaces and symbols live in a few blocks; everything else counts as letters.
  if (code <= 0xbf) return code === 0xaa || code === 0xb5 || code === 0xba;
  if (code === 0xd7 || code === 0xf7) return false;
  if (code >= 0x2000 && code <= 0x2bff) return false; // punctuation, arrows, math, boxes, dingbats
  if (code >= 0x3000 && code <= 0x303f) return false; // CJK punctuation
  if (code >= 0xd800 && code <= 0xdfff) return false; // surrogates: emoji and other astral symbols
  if (code >= 0xfe30 && code <= 0xfe4f) return false;
  if (code >= 0xff00 && code <= 0xff0f) return false;
  return code !== 0xfeff && code !== 0xfffd;
}

/** Lower case of one UTF-16 code unit (0 in the table: not computed yet). */
const lowerTable = new Uint16Array(0x10000);

function lowerCode(code: number): number {
  if (code < 0x80) return code >= 65 && code <= 90 ? code + 32 : code;
  let lower = lowerTable[code];
  if (lower === 0) {
    const lowered = String.fromCharCode(code).toLowerCase();
    // A few letters lower-case to two units ("İ"): keep the first, as the whole-string fold would start.
    lower = lowered.length === 1 ? lowered.charCodeAt(0) : code;
    lowerTable[code] = lower;
  }
  return lower;
}

function isCombiningMark(code: number): boolean {
  return (code >= 0x300 && code <= 0x36f) || (code >= 0x1dc0 && code <= 0x1dff) || (code >= 0x20d0 && code <= 0x20ff);
}

/** The words of a text already passed through foldCase: maximal runs of letters, marks and digits. */
export function wordsOfFolded(folded: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < folded.length; i++) {
    if (isWordCode(folded.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(folded.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) words.push(folded.slice(start));
  return words;
}

const WORD_HASH_SEED = 0x811c9dc5;
const WORD_HASH_PRIME = 0x01000193;
/** Word hashes keep 30 bits: small integers, the fastest Map and Set keys in V8. */
const WORD_HASH_BITS = 0x3fffffff;

/**
 * Hash of one word (case folded on the way), as splitLine computes it for every word of a line. Stop-word
 * lists are looked up by these hashes so that the detector never cuts a line into word strings.
 */
export function wordHash(word: string): number {
  const text = hasCombiningMark(word) ? word.normalize('NFC') : word;
  let hash = WORD_HASH_SEED;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ lowerCode(text.charCodeAt(i)), WORD_HASH_PRIME);
  return (hash >>> 0) & WORD_HASH_BITS;
}

function hasCombiningMark(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isCombiningMark(text.charCodeAt(i))) return true;
  return false;
}

/** Hash of a run of words from their word hashes (multi-word stop-word entries). */
export function extendPhraseHash(phraseHash: number, nextWordHash: number): number {
  return (Math.imul(phraseHash ^ nextWordHash, 0x5bd1e995) >>> 0) & WORD_HASH_BITS;
}

/** What the detector needs of a line's words, computed in one pass over the line. */
export interface LineWords {
  /** wordHash of every word, in order. */
  hashes: number[];
  /** Words made only of digits. */
  numbers: number;
  /** lineKeyHash of the line. */
  lineHash: number;
}

/**
 * 53-bit hash of a line's normal form: case folded, NFC, every digit read as 0, runs of non-word characters
 * read as one separator, leading and trailing ones dropped. Exact below 2^53, so it survives JSON.
 */
export function lineKeyHash(text: string): number {
  return scanLine(text, false).lineHash;
}

/** The line's word hashes and lineKeyHash in one pass, case folded and composed (NFC) on the way. */
export function splitLine(text: string): LineWords {
  return scanLine(text, true);
}

/** charClass values besides a lower-case code unit: not computed yet, not part of a word, combining mark. */
const UNKNOWN_CLASS = 0;
const NON_WORD_CLASS = 1;
const COMBINING_CLASS = 2;

/**
 * Per UTF-16 code unit, what scanLine needs in one lookup: NON_WORD_CLASS, COMBINING_CLASS, or the lower
 * case of a word character (never 0, 1 or 2: those are control characters). Filled on demand.
 */
const charClass = new Uint16Array(0x10000);

function computeClass(code: number): number {
  const computed = !isWordCode(code) ? NON_WORD_CLASS : isCombiningMark(code) ? COMBINING_CLASS : lowerCode(code);
  charClass[code] = computed;
  return computed;
}

/**
 * composed: the text is already in NFC, so a combining mark left in it (one without a precomposed form)
 * is an ordinary word character.
 */
/** scanLine's word hashes before they are copied into an array of the right size. */
let wordScratch = new Int32Array(256);

function scanLine(text: string, collectWords: boolean, composed = false): LineWords {
  let wordCount = 0;
  let numbers = 0;
  // Two independent 32-bit FNV-1a style hashes for the line; the second keeps 21 bits.
  // int32 from the start (0x811c9dc5 as written is a double), so that the loop never converts.
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  let anyWord = false;
  const length = text.length;
  let i = 0;
  while (i < length) {
    let raw = text.charCodeAt(i);
    let code = charClass[raw];
    if (code === UNKNOWN_CLASS) code = computeClass(raw);
    if (code === NON_WORD_CLASS) {
      i++;
      continue;
    }
    // A word starts: the line hashes see one separator before it.
    if (anyWord) {
      h1 = Math.imul(h1 ^ 32, 0x01000193);
      h2 = Math.imul(h2 ^ 32, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    anyWord = true;
    let word = WORD_HASH_SEED | 0;
    let allDigits = true;
    for (;;) {
      if (code === COMBINING_CLASS) {
        // NFD text (separate combining marks) is composed first, so it hashes like its NFC spelling.
        if (!composed) return scanLine(text.normalize('NFC'), collectWords, true);
        code = raw;
      }
      word = Math.imul(word ^ code, WORD_HASH_PRIME);
      if (code >= 48 && code <= 57) code = 48;
      else allDigits = false;
      h1 = Math.imul(h1 ^ code, 0x01000193);
      h2 = Math.imul(h2 ^ code, 0x5bd1e995);
      h2 ^= h2 >>> 15;
      if (++i === length) break;
      raw = text.charCodeAt(i);
      code = charClass[raw];
      if (code === UNKNOWN_CLASS) code = computeClass(raw);
      if (code === NON_WORD_CLASS) break;
    }
    if (collectWords) {
      if (wordCount === wordScratch.length) {
        const grown = new Int32Array(wordCount * 2);
        grown.set(wordScratch);
        wordScratch = grown;
      }
      wordScratch[wordCount++] = (word >>> 0) & WORD_HASH_BITS;
    }
    if (allDigits) numbers++;
  }
  // Exactly as long as needed: the hashes are kept with the line for the whole analysis.
  const hashes = new Array<number>(wordCount);
  for (let k = 0; k < wordCount; k++) hashes[k] = wordScratch[k];
  return { hashes, numbers, lineHash: (h1 >>> 0) + (h2 & 0x1fffff) * 0x100000000 };
}

/** The first word of text, case-folded and in NFC (as wordsOf would give it); undefined when there is none. */
export function firstWordOf(text: string): string | undefined {
  let start = 0;
  while (start < text.length && !isWordCode(text.charCodeAt(start))) start++;
  if (start === text.length) return undefined;
  let end = start + 1;
  while (end < text.length && isWordCode(text.charCodeAt(end))) end++;
  return foldCase(text.slice(start, end));
}

/** Code unit -> its letter without diacritics, lower case ("" for a combining mark); filled on demand. */
const baseLetters = new Map<number, string>();

function baseLetter(code: number): string {
  let base = baseLetters.get(code);
  if (base === undefined) {
    base = String.fromCharCode(code)
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase();
    baseLetters.set(code, base);
  }
  return base;
}

/**
 * A line as an ASCII URL slug would spell it: diacritics removed (đ -> d), lower case, words separated by
 * single spaces. "Nga lấy làm tiếc vì đối thoại" -> "nga lay lam tiec vi doi thoai". Works on NFC and NFD.
 * With maxLength, stops once the slug is longer than that (the result is then a prefix of the slug,
 * longer than maxLength).
 */
export function slugForm(text: string, maxLength = Infinity): string {
  let out = '';
  let pendingSeparator = false;
  for (let i = 0; i < text.length && out.length <= maxLength; i++) {
    const code = text.charCodeAt(i);
    if (!isWordCode(code)) {
      pendingSeparator = out.length > 0;
      continue;
    }
    const letter = code < 0x80 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i]) : baseLetter(code);
    if (letter === '') continue;
    if (pendingSeparator) {
      out += ' ';
      pendingSeparator = false;
    }
    out += letter;
  }
  return out;
}
