// Conversion between the two ways of counting positions in a text: UTF-16 code units (JavaScript, VS Code,
// the sidecars) and Unicode code points (Python, brat, doccano, Label Studio exports).
//
// The two counts differ only after characters outside the Basic Multilingual Plane (emoji, rare CJK), which
// take two UTF-16 units (a surrogate pair) but one code point. A converter finds the surrogate pairs of a
// text in one pass and then converts any offset with a binary search over them, so converting all the spans
// of a document costs one scan plus O(log pairs) per offset, and nothing at all for texts without pairs.

export type OffsetUnit = 'codepoint' | 'utf16';

export interface OffsetConverter {
  /** True when the text has no surrogate pairs, so both counts are equal. */
  readonly identity: boolean;
  /** UTF-16 offset -> code point offset. An offset inside a surrogate pair maps to the pair's start. */
  toCodePoint(utf16Offset: number): number;
  /** Code point offset -> UTF-16 offset. */
  toUtf16(codePointOffset: number): number;
}

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
const ANY_SURROGATE = /[\uD800-\uDFFF]/;

const IDENTITY: OffsetConverter = {
  identity: true,
  toCodePoint: (offset) => offset,
  toUtf16: (offset) => offset,
};

export function offsetConverter(text: string): OffsetConverter {
  if (!ANY_SURROGATE.test(text)) return IDENTITY;
  // pairStarts[i]: UTF-16 offset of the i-th pair's high surrogate; pairCodePoints[i]: its code point offset.
  const pairStarts: number[] = [];
  const pairCodePoints: number[] = [];
  SURROGATE_PAIR.lastIndex = 0;
  for (let match = SURROGATE_PAIR.exec(text); match; match = SURROGATE_PAIR.exec(text)) {
    pairCodePoints.push(match.index - pairStarts.length);
    pairStarts.push(match.index);
  }
  if (pairStarts.length === 0) return IDENTITY; // lone surrogates only: each counts as one code point
  return {
    identity: false,
    // Every pair whose high surrogate lies before the offset shortens the count by one.
    toCodePoint: (offset) => offset - countBelow(pairStarts, offset),
    // Every pair whose code point lies before the offset lengthens the count by one.
    toUtf16: (offset) => offset + countBelow(pairCodePoints, offset),
  };
}

/** Number of entries of the ascending list `sorted` that are < value. */
function countBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Converts a span between units; `from` === `to` returns it unchanged. */
export function convertSpan<T extends { start: number; end: number }>(
  converter: OffsetConverter,
  span: T,
  from: OffsetUnit,
  to: OffsetUnit,
): T {
  if (from === to || converter.identity) return span;
  const convert = to === 'codepoint' ? converter.toCodePoint : converter.toUtf16;
  return { ...span, start: convert(span.start), end: convert(span.end) };
}

/** Length of a text in code points. */
export function codePointLength(text: string): number {
  return offsetConverter(text).toCodePoint(text.length);
}
