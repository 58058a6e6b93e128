// Words and sentences of text in any script, from Intl.Segmenter (ICU's dictionary-based word breaks for
// Chinese, Japanese, Thai, Lao, Khmer and Burmese; Unicode's rules elsewhere). Node 20 and VS Code's
// extension host both have it. Segmenters are made once per locale and reused.

export interface Segment {
  /** UTF-16 offsets into the text given, half-open. */
  start: number;
  end: number;
  text: string;
}

const wordSegmenters = new Map<string, Intl.Segmenter>();
const sentenceSegmenters = new Map<string, Intl.Segmenter>();

function segmenter(cache: Map<string, Intl.Segmenter>, locale: string | undefined, granularity: 'word' | 'sentence'): Intl.Segmenter {
  const key = locale ?? '';
  let made = cache.get(key);
  if (made === undefined) {
    made = new Intl.Segmenter(locale, { granularity });
    cache.set(key, made);
  }
  return made;
}

/**
 * The words of text[start, end) (segments ICU calls word-like: letters, digits, ideographs; no spaces or
 * punctuation), with offsets into the whole text.
 */
export function segmentWords(text: string, start = 0, end = text.length, locale?: string): Segment[] {
  const part = start === 0 && end === text.length ? text : text.slice(start, end);
  const words: Segment[] = [];
  for (const piece of segmenter(wordSegmenters, locale, 'word').segment(part)) {
    if (!piece.isWordLike) continue;
    words.push({ start: start + piece.index, end: start + piece.index + piece.segment.length, text: piece.segment });
  }
  return words;
}

/** Calls visit with each word-like segment's text, without offsets (for counting and hashing). */
export function forEachWord(text: string, visit: (word: string) => void, locale?: string): void {
  for (const piece of segmenter(wordSegmenters, locale, 'word').segment(text)) if (piece.isWordLike) visit(piece.segment);
}

/** The sentences of text[start, end), surrounding spaces included, with offsets into the whole text. */
export function segmentSentences(text: string, start = 0, end = text.length, locale?: string): Segment[] {
  const part = start === 0 && end === text.length ? text : text.slice(start, end);
  const sentences: Segment[] = [];
  for (const piece of segmenter(sentenceSegmenters, locale, 'sentence').segment(part)) {
    sentences.push({ start: start + piece.index, end: start + piece.index + piece.segment.length, text: piece.segment });
  }
  return sentences;
}
