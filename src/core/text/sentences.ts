// Sentence punctuation in any script: whether a line ends like a sentence, and how many sentences end
// inside it. Latin, Cyrillic and Greek end sentences with . ! ? … before a space; Chinese and Japanese
// with 。！？ and no space; Devanagari with the danda (। ॥); Arabic and Urdu with ؟ and ۔ as well as "."; Armenian,
// Ethiopic, Myanmar, Khmer and Tibetan with marks of their own. Thai and Lao mark no sentence end: their
// sentences are told apart by spaces, which this module does not count.

import { NONE, scriptOf } from './script';

/** Marks that end a sentence, in every script that has them. */
const FINAL = '.!?…‼⁇⁈⁉。！？｡।॥؟۔።፧։՜՞။།។៕߹\u037e';
/** Marks that end a sentence without a space after them (scripts written without spaces). */
const FINAL_UNSPACED = '。！？｡';
/** Marks before the space of an inner sentence end (the ASCII ones need an upper-case letter after it). */
const FINAL_SPACED_ASCII = '.!?';
/** Closing quotes and brackets that may follow the final mark. */
const CLOSERS = '"\'”’»)]}›」』）】》〉〕］｝＂';

/** An ellipsis inside a line leaves a sentence open ("and so on… Then"). */
const ELLIPSIS = 0x2026;
/** Per BMP code unit: FINAL_BIT, CLOSER_BIT, UNSPACED_BIT, ASCII_SPACED_BIT (read for every character). */
const MARKS = new Uint8Array(0x10000);
const FINAL_BIT = 1;
const CLOSER_BIT = 2;
const UNSPACED_BIT = 4;
const ASCII_SPACED_BIT = 8;
for (const char of FINAL) MARKS[char.charCodeAt(0)] |= FINAL_BIT;
for (const char of CLOSERS) MARKS[char.charCodeAt(0)] |= CLOSER_BIT;
for (const char of FINAL_UNSPACED) MARKS[char.charCodeAt(0)] |= UNSPACED_BIT;
for (const char of FINAL_SPACED_ASCII) MARKS[char.charCodeAt(0)] |= ASCII_SPACED_BIT;

/** Whether a code unit is a closing quote or bracket, which may follow a sentence's final mark. */
export function isClosingMark(code: number): boolean {
  return (MARKS[code] & CLOSER_BIT) !== 0;
}

/** Whether a code unit ends sentences in some script. */
export function isSentenceFinal(code: number): boolean {
  return (MARKS[code] & FINAL_BIT) !== 0;
}

/**
 * Whether text ends with sentence-final punctuation, closing quotes and brackets allowed after it, and emoji
 * after those ("We hope to see you soon! 🙂"): a smiley closes the sentence, it does not leave it open.
 */
export function endsLikeSentence(text: string): boolean {
  let i = text.length - 1;
  for (;;) {
    while (i >= 0 && (MARKS[text.charCodeAt(i)] & CLOSER_BIT) !== 0) i--;
    const emoji = emojiBefore(text, i + 1);
    if (emoji === 0) break;
    i -= emoji;
    while (i >= 0 && text.charCodeAt(i) === 32) i--;
  }
  return i >= 0 && (MARKS[text.charCodeAt(i)] & FINAL_BIT) !== 0;
}

const PICTOGRAPH = /\p{Extended_Pictographic}/u;
/** Code units that join or vary emoji: zero-width joiner, variation selector 16, the keycap mark. */
const EMOJI_JOINERS = new Set([0x200d, 0xfe0f, 0x20e3]);

/** The length in code units of the emoji (with its joiners and modifiers) that ends at `end`, or 0. */
function emojiBefore(text: string, end: number): number {
  let at = end;
  for (;;) {
    let i = at - 1;
    while (i >= 0 && EMOJI_JOINERS.has(text.charCodeAt(i))) i--;
    if (i < 0) break;
    const code = text.charCodeAt(i);
    // most lines end in a letter or a mark below U+2000 (© and ® too are taken for text here)
    if (code < 0x2000 || (code >= 0x3000 && code < 0xd800)) break;
    const low = code >= 0xdc00 && code <= 0xdfff && i > 0;
    const start = low ? i - 1 : i;
    const char = text.slice(start, i + 1);
    // skin-tone modifiers (U+1F3FB..U+1F3FF) are not pictographs themselves but belong to the one before
    const modifier = low && text.charCodeAt(start) === 0xd83c && code >= 0xdffb && code <= 0xdfff;
    if (!modifier && !PICTOGRAPH.test(char)) break;
    at = start;
    if (at > 0 && text.charCodeAt(at - 1) !== 0x200d && !modifier) break;
  }
  return end - at;
}

/** A letter of a script without letter case (Arabic, Devanagari, Hangul...), which may start a sentence. */
function isCaselessLetter(char: string): boolean {
  const code = char.charCodeAt(0);
  return code >= 0x80 && scriptOf(code) !== NONE && char.toLowerCase() === char.toUpperCase();
}

/**
 * Sentence ends inside text: final punctuation followed by a space and an upper-case letter, a quote or a
 * letter of a script without case; or a final mark of a script written without spaces (。) followed by
 * more text.
 */
export function countInnerSentenceEnds(text: string): number {
  if (UNSPACED_FINAL_MARK.test(text)) return countSentenceEndsByCharacter(text);
  // Without a mark of the scripts written without spaces, a sentence ends only before a space: the
  // spaces are found natively, and only the character before each is looked at.
  let count = 0;
  for (let space = text.indexOf(' ', 2); space > 0 && space <= text.length - 2; space = text.indexOf(' ', space + 1)) {
    const code = text.charCodeAt(space - 1);
    const marks = MARKS[code];
    if ((marks & FINAL_BIT) === 0 || code === ELLIPSIS) continue;
    if (endsBefore(marks, text[space + 1])) count++;
  }
  return count;
}

/** Whether a final mark (its MARKS) and a space before `next` end a sentence. */
function endsBefore(marks: number, next: string): boolean {
  // after an ASCII mark, an opening quote starts the next sentence too
  return next !== next.toLowerCase() || isCaselessLetter(next) || ((marks & ASCII_SPACED_BIT) !== 0 && (next === '"' || next === '“'));
}

const UNSPACED_FINAL_MARK = new RegExp(`[${FINAL_UNSPACED}]`);

/** countInnerSentenceEnds for a line with a final mark of a script written without spaces. */
function countSentenceEndsByCharacter(text: string): number {
  let count = 0;
  const last = text.length - 2;
  for (let at = 1; at < text.length - 1; at++) {
    const code = text.charCodeAt(at);
    const marks = MARKS[code];
    if ((marks & FINAL_BIT) === 0 || code === ELLIPSIS) continue;
    if ((marks & UNSPACED_BIT) !== 0) {
      let next = at + 1;
      while (next < text.length && (MARKS[text.charCodeAt(next)] & CLOSER_BIT) !== 0) next++;
      if (next < text.length && text.charCodeAt(next) !== 32) {
        count++;
        at = next - 1;
      }
      continue;
    }
    if (at >= last || text.charCodeAt(at + 1) !== 32) continue;
    if (endsBefore(marks, text[at + 2])) count++;
    at++;
  }
  return count;
}
