// Line normalisation for comparing lines across and within documents. Two lines are "the same" when they
// differ only in case, Unicode composition (NFC vs NFD Vietnamese), digits (dates and counters in a page
// template change from page to page) and punctuation or spacing. Lines are compared by a 53-bit hash of
// that normal form, so the corpus model never stores line texts.

const COMBINING_MARK = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff]/;

/** Lower case and NFC, for comparing words; offsets are never taken from the result. */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  return COMBINING_MARK.test(lower) ? lower.normalize('NFC') : lower;
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

/**
 * 53-bit hash of a line's normal form: case folded, NFC, every digit read as 0, runs of non-word characters
 * read as one separator, leading and trailing ones dropped. Exact below 2^53, so it survives JSON.
 */
export function lineKeyHash(text: string): number {
  return foldedLineKeyHash(foldCase(text));
}

/** lineKeyHash of a text already passed through foldCase. */
export function foldedLineKeyHash(folded: string): number {
  // Two independent 32-bit FNV-1a style hashes; the second keeps 21 bits.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  let pendingSeparator = false;
  let any = false;
  for (let i = 0; i < folded.length; i++) {
    let code = folded.charCodeAt(i);
    if (!isWordCode(code)) {
      pendingSeparator = any;
      continue;
    }
    if (pendingSeparator) {
      h1 = Math.imul(h1 ^ 32, 0x01000193);
      h2 = Math.imul(h2 ^ 32, 0x5bd1e995);
      h2 ^= h2 >>> 15;
      pendingSeparator = false;
    }
    if (code >= 48 && code <= 57) code = 48;
    h1 = Math.imul(h1 ^ code, 0x01000193);
    h2 = Math.imul(h2 ^ code, 0x5bd1e995);
    h2 ^= h2 >>> 15;
    any = true;
  }
  return (h1 >>> 0) + (h2 & 0x1fffff) * 0x100000000;
}

/** The words of a text already passed through foldCase: maximal runs of letters, marks and digits. */
export function wordsOfFolded(folded: string): string[] {
  return splitFolded(folded, false).words;
}

/** Words and lineKeyHash of a folded text in one pass (the detector needs both for every line). */
export function splitFolded(folded: string, withHash = true): { words: string[]; hash: number } {
  const words: string[] = [];
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  let start = -1;
  for (let i = 0; i < folded.length; i++) {
    let code = folded.charCodeAt(i);
    if (!isWordCode(code)) {
      if (start >= 0) {
        words.push(folded.slice(start, i));
        start = -1;
      }
      continue;
    }
    if (start < 0) {
      start = i;
      if (withHash && words.length > 0) {
        h1 = Math.imul(h1 ^ 32, 0x01000193);
        h2 = Math.imul(h2 ^ 32, 0x5bd1e995);
        h2 ^= h2 >>> 15;
      }
    }
    if (withHash) {
      if (code >= 48 && code <= 57) code = 48;
      h1 = Math.imul(h1 ^ code, 0x01000193);
      h2 = Math.imul(h2 ^ code, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
  }
  if (start >= 0) words.push(folded.slice(start));
  return { words, hash: (h1 >>> 0) + (h2 & 0x1fffff) * 0x100000000 };
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
 */
export function slugForm(text: string): string {
  let out = '';
  let pendingSeparator = false;
  for (let i = 0; i < text.length; i++) {
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
