// The tokenizer of the CoNLL export (documented in docs/formats.md).
//
// A token is, in order of preference:
//  1. a number joined by / - . , : to further digits — "22/3", "23/03/2021", "1.000", "06:16", "2020-2021"
//     stay one token, because a date or a quantity is one value and tags must not split it;
//  2. a run of letters, combining marks, digits and "_" — so each space-separated Vietnamese syllable is
//     one token, also in NFD text where the tone marks are separate combining characters;
//     in a script written without spaces (Chinese, Japanese, Thai, Lao, Khmer, Burmese) such a run is cut
//     into the words of the word segmenter (segment.ts: "国务院总理李强" -> 国务院 | 总理 | 李 | 强), as
//     tokenised corpora of those languages are;
//  3. any other single character (one code point): punctuation, symbols, an emoji.
// Whitespace and control characters separate tokens and are never part of one. Tokens never cross a line
// break. Vietnamese multi-syllable words ("Ngoại giao") are deliberately not merged: syllable tokens are
// what Vietnamese NER corpora (VLSP) use, and merging would need a dictionary.

import { hasUnspacedLetters } from './script';
import { segmentWords } from './segment';
import { isClosingMark, isSentenceFinal } from './sentences';

export interface Token {
  /** UTF-16 offsets into the text given to tokenize, half-open. */
  start: number;
  end: number;
  text: string;
}

// A hand-written scanner rather than one regular expression: classifying characters through a cached table
// is about three times faster, which keeps the CoNLL export well above its throughput target.
const SEPARATOR = 1;
const WORD = 2;
const DIGIT = 3;
const OTHER = 4;

const WORD_CHAR = /^[\p{L}\p{M}_]$/u;
const DIGIT_CHAR = /^\p{N}$/u;
const SEPARATOR_CHAR = /^[\s\p{Cc}]$/u;
const JOINERS = new Set(['/', '.', ',', ':', '-'].map((c) => c.charCodeAt(0)));
/** Class of each BMP code unit, filled on first use (0 = not yet classified). */
const bmpClass = new Uint8Array(0x10000);

function classify(codePoint: number): number {
  if (codePoint < 0x10000 && bmpClass[codePoint] !== 0) return bmpClass[codePoint];
  const char = String.fromCodePoint(codePoint);
  const kind = SEPARATOR_CHAR.test(char) ? SEPARATOR : DIGIT_CHAR.test(char) ? DIGIT : WORD_CHAR.test(char) ? WORD : OTHER;
  if (codePoint < 0x10000) bmpClass[codePoint] = kind;
  return kind;
}

/** Tokens of text[start, end), with offsets into the whole text. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    const codePoint = text.codePointAt(i) as number;
    const width = codePoint > 0xffff ? 2 : 1;
    const kind = classify(codePoint);
    if (kind === SEPARATOR) {
      i += width;
      continue;
    }
    let tokenEnd = i + width;
    if (kind === DIGIT) tokenEnd = joinedNumberEnd(text, i, end);
    if (tokenEnd === i + width && (kind === WORD || kind === DIGIT)) {
      while (tokenEnd < end) {
        const next = text.codePointAt(tokenEnd) as number;
        const nextKind = classify(next);
        if (nextKind !== WORD && nextKind !== DIGIT) break;
        tokenEnd += next > 0xffff ? 2 : 1;
      }
    }
    const tokenText = text.slice(i, tokenEnd);
    if (kind !== OTHER && hasUnspacedLetters(tokenText)) pushSegmentedRun(text, i, tokenEnd, tokens);
    else tokens.push({ start: i, end: tokenEnd, text: tokenText });
    i = tokenEnd;
  }
  return tokens;
}

/** A run of letters cut into the segmenter's words; what lies between two words is a token of its own. */
function pushSegmentedRun(text: string, start: number, end: number, tokens: Token[]): void {
  let at = start;
  for (const word of segmentWords(text, start, end)) {
    if (word.start > at) tokens.push({ start: at, end: word.start, text: text.slice(at, word.start) });
    tokens.push(word);
    at = word.end;
  }
  if (at < end) tokens.push({ start: at, end, text: text.slice(at, end) });
}

/** End of "digits (joiner digits)+" starting at i, or i + 1 when no joiner follows the first digits. */
function joinedNumberEnd(text: string, i: number, end: number): number {
  let position = digitsEnd(text, i, end);
  let joined = false;
  while (position + 1 < end && JOINERS.has(text.charCodeAt(position)) && isDigitAt(text, position + 1)) {
    position = digitsEnd(text, position + 1, end);
    joined = true;
  }
  return joined ? position : i + 1;
}

function digitsEnd(text: string, from: number, end: number): number {
  let j = from;
  while (j < end && isDigitAt(text, j)) j++;
  return j;
}

function isDigitAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code < 0xd800 || code > 0xdfff ? classify(code) === DIGIT : false;
}


/**
 * Whether a sentence may end after tokens[index]: after final punctuation of any script (. ! ? … 。 ！ ？ ।
 * ؟ ..., see sentences.ts), or after the closing
 * quotes and brackets that directly follow it ("… tốt.”"). Line ends are handled by the caller.
 */
export function endsSentence(tokens: readonly Token[], index: number): boolean {
  const next = tokens[index + 1];
  if (next !== undefined && isClosing(next.text)) return false;
  let last = index;
  while (last > 0 && isClosing(tokens[last].text)) last--;
  const text = tokens[last].text;
  return text.length === 1 && isSentenceFinal(text.charCodeAt(0));
}

function isClosing(text: string): boolean {
  return text.length === 1 && isClosingMark(text.charCodeAt(0));
}
