// A fast tokenizer for the entity detectors: one pass over a line with a per-code-unit class table, so a
// 1 MB page tokenizes in milliseconds. Tokens are words (letter runs, digits allowed inside: "G20"),
// numbers (digit runs joined by / . , : - to further digits: "22/3", "06:16", "3,7", "2019-11-18") and
// single punctuation characters. Vietnamese syllables are separate words, as in the CoNLL tokenizer.

export const TOKEN_WORD = 1;
export const TOKEN_NUMBER = 2;
export const TOKEN_PUNCT = 3;

export interface WordToken {
  start: number;
  end: number;
  kind: number;
  text: string;
  /** Lower-cased text (words only; numbers and punctuation keep their text). */
  lower: string;
  /** Word whose first letter is upper case. */
  capitalised: boolean;
  /** Word of two or more letters, all upper case ("TASS", "LHQ"). */
  acronym: boolean;
  /** First word of a sentence (line start, after . ! ? : … and opening quotes/brackets). */
  sentenceStart: boolean;
  /** Whitespace (or the line start) directly before the token. */
  spaceBefore: boolean;
}

// class 0: anything else (punctuation, symbols, surrogates)
const CLASS_LOWER = 1;
const CLASS_UPPER = 2;
const CLASS_DIGIT = 3;
const CLASS_MARK = 4;
const CLASS_SPACE = 5;
const CLASS_LETTER = 6; // letters without case (CJK, Thai...)

let classTable: Uint8Array | undefined;

function classes(): Uint8Array {
  if (classTable) return classTable;
  const table = new Uint8Array(65536);
  const upper = /\p{Lu}|\p{Lt}/u;
  const letter = /\p{L}/u;
  const mark = /\p{M}/u;
  const digit = /\p{Nd}/u;
  const space = /[\s\p{Cc}]/u;
  for (let code = 0; code < 65536; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue; // surrogates: treated as other
    const char = String.fromCharCode(code);
    if (code < 128) {
      if (code >= 97 && code <= 122) table[code] = CLASS_LOWER;
      else if (code >= 65 && code <= 90) table[code] = CLASS_UPPER;
      else if (code >= 48 && code <= 57) table[code] = CLASS_DIGIT;
      else if (code <= 32 || code === 127) table[code] = CLASS_SPACE;
      continue;
    }
    if (space.test(char)) table[code] = CLASS_SPACE;
    else if (upper.test(char)) table[code] = CLASS_UPPER;
    else if (letter.test(char)) table[code] = char.toUpperCase() !== char ? CLASS_LOWER : CLASS_LETTER;
    else if (mark.test(char)) table[code] = CLASS_MARK;
    else if (digit.test(char)) table[code] = CLASS_DIGIT;
  }
  classTable = table;
  return table;
}

const NUMBER_JOINERS = new Set([0x2f, 0x2e, 0x2c, 0x3a, 0x2d]); // / . , : -
const SENTENCE_END = new Set(['.', '!', '?', '…', ':', ';', '|']);
const OPENERS = new Set(['"', "'", '“', '‘', '«', '(', '[', '{', '„', '–', '—', '-', '•', '*']);

function isWordChar(cls: number): boolean {
  return cls === CLASS_LOWER || cls === CLASS_UPPER || cls === CLASS_LETTER || cls === CLASS_MARK || cls === CLASS_DIGIT;
}

/** Tokens of text[start, end), offsets into the whole text. */
export function wordTokens(text: string, start = 0, end = text.length): WordToken[] {
  const table = classes();
  const tokens: WordToken[] = [];
  let position = start;
  let sentenceStart = true;
  let spaceBefore = true;
  while (position < end) {
    const code = text.charCodeAt(position);
    const cls = table[code];
    if (cls === CLASS_SPACE) {
      position++;
      spaceBefore = true;
      continue;
    }
    const tokenStart = position;
    let kind: number;
    if (cls === CLASS_DIGIT) {
      position++;
      while (position < end) {
        const c = table[text.charCodeAt(position)];
        if (c === CLASS_DIGIT) position++;
        else if (
          NUMBER_JOINERS.has(text.charCodeAt(position)) &&
          position + 1 < end &&
          table[text.charCodeAt(position + 1)] === CLASS_DIGIT
        ) position += 2;
        else break;
      }
      kind = TOKEN_NUMBER;
      // "18th", "3D": digits run on into letters -> a word.
      if (position < end && isWordChar(table[text.charCodeAt(position)]) && table[text.charCodeAt(position)] !== CLASS_DIGIT) {
        while (position < end && isWordChar(table[text.charCodeAt(position)])) position++;
        kind = TOKEN_WORD;
      }
    } else if (isWordChar(cls)) {
      position++;
      while (position < end && isWordChar(table[text.charCodeAt(position)])) position++;
      kind = TOKEN_WORD;
    } else {
      position++;
      // keep a surrogate pair together
      if (code >= 0xd800 && code <= 0xdbff && position < end) position++;
      kind = TOKEN_PUNCT;
    }
    const tokenText = text.slice(tokenStart, position);
    let capitalised = false;
    let acronym = false;
    let lower = tokenText;
    if (kind === TOKEN_WORD) {
      capitalised = table[code] === CLASS_UPPER;
      let upperCount = 0;
      let letterCount = 0;
      for (let i = tokenStart; i < position; i++) {
        const c = table[text.charCodeAt(i)];
        if (c === CLASS_UPPER) upperCount++;
        else if (c === CLASS_LOWER) letterCount++;
      }
      // lower-casing allocates: only words with a capital need it
      if (upperCount > 0) lower = tokenText.toLowerCase();
      acronym = upperCount >= 2 && letterCount === 0;
    }
    tokens.push({ start: tokenStart, end: position, kind, text: tokenText, lower, capitalised, acronym, sentenceStart: sentenceStart && kind === TOKEN_WORD, spaceBefore });
    spaceBefore = false;
    if (kind === TOKEN_WORD || kind === TOKEN_NUMBER) sentenceStart = false;
    else if (SENTENCE_END.has(tokenText)) sentenceStart = true;
    else if (!OPENERS.has(tokenText) && !sentenceStart) sentenceStart = false;
  }
  return tokens;
}

/** Tokenizes a lexicon phrase the way the detectors tokenize text, lower-cased. */
export function phraseWords(phrase: string): string[] {
  return wordTokens(phrase).map((token) => token.lower);
}

/**
 * A set of phrases matched token by token, case-insensitively, longest first. Phrases are indexed by their
 * first token, so matching costs one map lookup per text token.
 */
export class PhraseMatcher<V = string | undefined> {
  private readonly byFirst = new Map<string, { words: string[]; value: V; text: string }[]>();
  size = 0;

  add(phrase: string, value: V): void {
    const words = phraseWords(phrase);
    if (words.length === 0) return;
    let list = this.byFirst.get(words[0]);
    if (!list) this.byFirst.set(words[0], (list = []));
    if (list.some((entry) => entry.words.join(' ') === words.join(' '))) return;
    list.push({ words, value, text: phrase });
    list.sort((a, b) => b.words.length - a.words.length);
    this.size++;
  }

  /** The longest phrase starting at tokens[index]: its token count and value, or undefined. */
  matchAt(tokens: readonly WordToken[], index: number): { length: number; value: V; text: string } | undefined {
    const first = tokens[index];
    if (first === undefined) return undefined;
    const list = this.byFirst.get(first.lower);
    if (!list) return undefined;
    for (const entry of list) {
      if (index + entry.words.length > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < entry.words.length; k++) {
        const token = tokens[index + k];
        // a phrase never runs across a gap made of spaces and punctuation other than its own
        if (token.lower !== entry.words[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return { length: entry.words.length, value: entry.value, text: entry.text };
    }
    return undefined;
  }

  /** First words of all phrases (lower case), for a quick test before matchAt. */
  firstWords(): IterableIterator<string> {
    return this.byFirst.keys();
  }

  hasWord(word: string): boolean {
    const list = this.byFirst.get(word.toLowerCase());
    return list !== undefined && list.some((entry) => entry.words.length === 1);
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
