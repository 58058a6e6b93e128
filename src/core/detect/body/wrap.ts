// Hard-wrapped texts: some corpora store each paragraph as several lines of at most ~80 characters. Line
// by line, such a paragraph looks like a run of short title-like lines without stop-word density of
// its own, so the detector first joins the physical lines of each wrapped paragraph and judges them
// together. Texts with one paragraph a line (lines longer than any wrap width) are left alone.

import type { PhysicalLine } from './types';

/** A text whose longest line is longer than this is not hard-wrapped. */
const MAX_WRAP_WIDTH = 100;
/** A line this close to the wrap width was broken by the wrapping, so the paragraph goes on. */
const FULL_LINE_SHARE = 0.8;
/** So many of the lines must be full lines for the text to count as wrapped. */
const MIN_FULL_LINES_SHARE = 0.3;
const MIN_LINES = 8;

/** Whether lines with these (trimmed) texts may be hard-wrapped: enough of them, none too long. */
export function mayBeHardWrapped(texts: readonly string[]): boolean {
  if (texts.length < MIN_LINES) return false;
  for (const text of texts) if (text.length > MAX_WRAP_WIDTH) return false;
  return true;
}

/**
 * The lines grouped into paragraphs when the text is hard-wrapped (a full-width line continues on the next
 * physical line; every other line is a group of its own); undefined when it is not.
 */
export function paragraphGroups(lines: readonly PhysicalLine[]): PhysicalLine[][] | undefined {
  if (lines.length < MIN_LINES) return undefined;
  let width = 0;
  for (const line of lines) {
    if (line.text.length > MAX_WRAP_WIDTH) return undefined;
    width = Math.max(width, line.text.length);
  }
  const full = (line: PhysicalLine) => line.text.length >= FULL_LINE_SHARE * width;
  if (lines.filter(full).length < MIN_FULL_LINES_SHARE * lines.length) return undefined;
  const groups: PhysicalLine[][] = [];
  let current: PhysicalLine[] = [];
  lines.forEach((line, index) => {
    current.push(line);
    const next = lines[index + 1];
    if (!(next && next.line === line.line + 1 && full(line))) {
      groups.push(current);
      current = [];
    }
  });
  return groups;
}
