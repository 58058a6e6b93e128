// Shared by the held-out gold builders (research/build-dev-*-gold.ts): spans written by hand as
// { label, text, line, occurrence? } become offsets, and the checks every gold set must pass.
import type { GoldSpan } from '../src/core/eval/gold';

export interface SpecSpan {
  label: string;
  text: string;
  /** 0-based line. */
  line: number;
  /** The n-th match of `text` in that line (default 0). */
  occurrence?: number;
  value?: string | string[];
  optional?: boolean;
}

export type HeldoutSpan = GoldSpan & { text: string; value?: string | string[] };

export interface Line {
  start: number;
  text: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const piece of text.split('\n')) {
    lines.push({ start, text: piece.endsWith('\r') ? piece.slice(0, -1) : piece });
    start += piece.length + 1;
  }
  return lines;
}

function nthIndexOf(haystack: string, needle: string, n: number): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = haystack.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

// Combining marks count as word characters, so a decomposed Vietnamese letter never looks like a boundary.
const WORD_CHAR = /[\p{L}\p{M}\p{N}_@]/u;

/** Offsets (within `line`) of matches of `needle` not glued to letters or digits on either side. */
export function wordMatches(line: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = line.indexOf(needle); at >= 0; at = line.indexOf(needle, at + 1)) {
    const before = at > 0 ? line[at - 1] : ' ';
    const after = line[at + needle.length] ?? ' ';
    if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) found.push(at);
  }
  return found;
}

export interface PageSpans {
  text: string;
  lines: Line[];
  bodyLines: number[];
  spans: SpecSpan[];
  /** Phrases looked at and deliberately left untagged (a country inside a title...). */
  consideredNotTagged?: string[];
  report: (message: string) => void;
  /** Further checks of one span (its label, its value). */
  checkSpan?: (spec: SpecSpan, where: string) => void;
}

/**
 * The spans with their offsets, sorted. Reported: a span that does not slice its text or lies outside a
 * body line, overlapping spans, and an annotated text left untagged somewhere else in the body (unless
 * inside a phrase of `consideredNotTagged`, which must itself occur and stay untagged).
 */
export function resolveSpans(page: PageSpans): HeldoutSpan[] {
  const { text, lines, report } = page;
  const body = new Set(page.bodyLines);
  const spans: HeldoutSpan[] = [];
  for (const spec of page.spans) {
    const where = `${spec.label} "${spec.text}" line ${spec.line}#${spec.occurrence ?? 0}`;
    page.checkSpan?.(spec, where);
    const line = lines[spec.line];
    if (!line) { report(`${where}: no such line`); continue; }
    if (!body.has(spec.line)) report(`${where}: line is not a gold body line`);
    const at = nthIndexOf(line.text, spec.text, spec.occurrence ?? 0);
    if (at < 0) { report(`${where}: text not found in the line`); continue; }
    const span: HeldoutSpan = { start: line.start + at, end: line.start + at + spec.text.length, label: spec.label, text: spec.text };
    if (spec.value !== undefined) span.value = spec.value;
    if (spec.optional) span.optional = true;
    if (text.slice(span.start, span.end) !== spec.text) report(`${where}: offsets do not slice the text`);
    spans.push(span);
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);

  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start < spans[i - 1].end) report(`"${spans[i - 1].text}" and "${spans[i].text}" overlap at ${spans[i].start}`);
  }
  const covered = (start: number, end: number, label?: string): boolean =>
    spans.some((s) => s.start <= start && end <= s.end && (label === undefined || s.label === label));
  const untaggedRanges = (page.consideredNotTagged ?? []).flatMap((name) =>
    page.bodyLines.flatMap((lineNo) => wordMatches(lines[lineNo].text, name).map((at) => {
      const start = lines[lineNo].start + at;
      return { start, end: start + name.length };
    })));
  const excused = (start: number, end: number): boolean => untaggedRanges.some((r) => r.start <= start && end <= r.end);
  // Every occurrence: each annotated text must be annotated wherever it stands as a word in the body.
  const annotated = new Map(spans.map((s) => [`${s.label}\u0000${s.text}`, s] as const));
  for (const { label, text: needle } of annotated.values()) {
    for (const lineNo of page.bodyLines) {
      const line = lines[lineNo];
      for (const at of wordMatches(line.text, needle)) {
        const start = line.start + at;
        if (!covered(start, start + needle.length, label) && !excused(start, start + needle.length)) report(`untagged ${label} occurrence of "${needle}" in line ${lineNo}`);
      }
    }
  }
  for (const name of page.consideredNotTagged ?? []) {
    const hits = untaggedRanges.filter((r) => text.slice(r.start, r.end) === name);
    if (hits.length === 0) report(`considered_not_tagged "${name}" does not occur in the body`);
    for (const { start, end } of hits) if (covered(start, end)) report(`"${name}" is both tagged and listed as not tagged`);
  }
  return spans;
}
