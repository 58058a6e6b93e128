// Builds the Vietnamese held-out gold set (synthetic pages imitating other news-site layouts) from its
// hand-written spec:
//   eval/heldout-vi/pages/<id>        the page texts (UTF-8, LF)
//   eval/heldout-vi/spec.json         { pages: [{ id, site_style, publication_date, body_lines, ignore_lines?,
//                                       spans: [SpecSpan], considered_not_tagged?: [text] }] }
// where a SpecSpan is { label, text, line (0-based), occurrence? (n-th match of `text` in that line,
// default 0), value?, optional? }. Offsets are computed here, never typed by hand. The script refuses to
// write when a page is malformed (CR, replacement characters, outside 60-200 lines, publication date
// missing from the text), when line lists are out of range, overlapping or point at blank lines, or when
// a span does not slice its text, lies outside a body line, overlaps another span, carries a malformed
// date value, or leaves a word-bounded occurrence of an annotated text in the body untagged (unless
// inside a phrase listed in `considered_not_tagged`).
// Writes eval/heldout-vi.gold.jsonl.
// Run: npx tsx scripts/build-heldout-vi-gold.ts
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GoldRecord, GoldSpan } from '../src/core/eval/gold';

const ROOT = path.join(__dirname, '..');
const SET_DIR = path.join(ROOT, 'eval/heldout-vi');
const PAGES_DIR = path.join(SET_DIR, 'pages');
const SPEC_FILE = path.join(SET_DIR, 'spec.json');
const OUT_FILE = path.join(ROOT, 'eval/heldout-vi.gold.jsonl');
const MIN_LINES = 60;
const MAX_LINES = 200;

interface SpecSpan {
  label: string;
  text: string;
  line: number;
  occurrence?: number;
  value?: string | string[];
  optional?: boolean;
}
interface SpecPage {
  id: string;
  site_style: string;
  publication_date: string;
  body_lines: number[];
  /** Lines left to the annotator by the guidelines (captions, bylines, source notes). */
  ignore_lines?: number[];
  spans: SpecSpan[];
  /** Phrases looked at and deliberately left untagged (places, titles...); checked to be untagged. */
  considered_not_tagged?: string[];
}
interface Spec {
  pages: SpecPage[];
}
type HeldoutSpan = GoldSpan & { text: string; value?: string | string[] };
interface Line {
  start: number;
  text: string;
}

const LABELS = new Set(['actor', 'date']);
// ISO 8601 forms used as date values: year, year-month, full date, a date without year (--MM-DD), and
// intervals of two of those joined by "/".
const ISO_POINT = /^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2})$/;

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const piece of text.split('\n')) {
    lines.push({ start, text: piece });
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

// Combining marks count as word characters so that a decomposed Vietnamese letter never looks like a
// word boundary.
const WORD_CHAR = /[\p{L}\p{M}\p{N}_@]/u;

/** Offsets (within `line`) of matches of `needle` not glued to letters or digits on either side. */
function wordMatches(line: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = line.indexOf(needle); at >= 0; at = line.indexOf(needle, at + 1)) {
    const before = at > 0 ? line[at - 1] : ' ';
    const after = line[at + needle.length] ?? ' ';
    if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) found.push(at);
  }
  return found;
}

/** A calendar-valid ISO point (checked through Date, so 2025-02-30 or month 13 fail) or an interval of two. */
function isDateValue(value: string): boolean {
  const parts = value.split('/');
  return parts.length <= 2 && parts.every((part) => {
    if (!ISO_POINT.test(part)) return false;
    const full = part.startsWith('--') ? `2000${part.slice(1)}` : part.length === 4 ? `${part}-01-01` : part.length === 7 ? `${part}-01` : part;
    const parsed = new Date(`${full}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(full);
  });
}

/** The publication date (YYYY-MM-DD) as the page header writes it: d/m/yyyy with or without zero padding. */
function publicationDateAppears(text: string, isoDate: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return false;
  const [, year, month, day] = match;
  const days = new Set([day, String(Number(day))]);
  const months = new Set([month, String(Number(month))]);
  return [...days].some((d) => [...months].some((m) => new RegExp(`(^|\\D)${d}/${m}/${year}(\\D|$)`).test(text)));
}

function checkLineList(name: string, list: number[], lines: Line[], report: (message: string) => void): void {
  for (let i = 0; i < list.length; i++) {
    const lineNo = list[i];
    if (!Number.isInteger(lineNo) || lineNo < 0 || lineNo >= lines.length) report(`${name}: line ${lineNo} is outside the page`);
    else if (lines[lineNo].text.trim() === '') report(`${name}: line ${lineNo} is blank`);
    if (i > 0 && list[i - 1] >= lineNo) report(`${name}: not strictly increasing at ${lineNo}`);
  }
}

function buildPage(page: SpecPage, problems: string[]): GoldRecord {
  const report = (message: string): void => void problems.push(`${page.id}: ${message}`);
  const text = fs.readFileSync(path.join(PAGES_DIR, page.id), 'utf8');
  if (text.includes('\r')) report('contains CR; pages are stored with LF line endings');
  if (text.includes('\uFFFD')) report('contains U+FFFD (not valid UTF-8)');
  const lines = splitLines(text);
  const lineCount = text.endsWith('\n') ? lines.length - 1 : lines.length;
  if (lineCount < MIN_LINES || lineCount > MAX_LINES) report(`${lineCount} lines, expected ${MIN_LINES}-${MAX_LINES}`);
  if (!publicationDateAppears(text, page.publication_date)) report(`publication date ${page.publication_date} not found in the page`);

  const ignoreLines = page.ignore_lines ?? [];
  checkLineList('body_lines', page.body_lines, lines, report);
  checkLineList('ignore_lines', ignoreLines, lines, report);
  const body = new Set(page.body_lines);
  for (const lineNo of ignoreLines) if (body.has(lineNo)) report(`line ${lineNo} is both body and ignored`);

  const spans: HeldoutSpan[] = [];
  for (const spec of page.spans) {
    const where = `${spec.label} "${spec.text}" line ${spec.line}#${spec.occurrence ?? 0}`;
    if (!LABELS.has(spec.label)) report(`${where}: unknown label`);
    const line = lines[spec.line];
    if (!line) { report(`${where}: no such line`); continue; }
    if (!body.has(spec.line)) report(`${where}: line is not a gold body line`);
    const at = nthIndexOf(line.text, spec.text, spec.occurrence ?? 0);
    if (at < 0) { report(`${where}: text not found in the line`); continue; }
    if (spec.text.trim() !== spec.text || spec.text === '') report(`${where}: span has surrounding spaces`);
    const values = spec.value === undefined ? [] : Array.isArray(spec.value) ? spec.value : [spec.value];
    if (spec.label === 'date') for (const v of values) if (!isDateValue(v)) report(`${where}: date value "${v}" is not ISO 8601`);
    if (spec.label === 'actor' && values.some((v) => v.trim() === '')) report(`${where}: empty actor value`);
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
  // Phrases deliberately left untagged ("Tổng thống Mỹ": a country inside a title) excuse the names
  // inside them from the every-occurrence check below.
  const untaggedRanges = (page.considered_not_tagged ?? []).flatMap((name) =>
    page.body_lines.flatMap((lineNo) => wordMatches(lines[lineNo].text, name).map((at) => {
      const start = lines[lineNo].start + at;
      return { start, end: start + name.length };
    })));
  const excused = (start: number, end: number): boolean => untaggedRanges.some((r) => r.start <= start && end <= r.end);
  // Every occurrence: each annotated text must be annotated wherever it stands as a word in the body.
  const annotated = new Map(spans.map((s) => [`${s.label}\u0000${s.text}`, s] as const));
  for (const { label, text: needle } of annotated.values()) {
    for (const lineNo of page.body_lines) {
      const line = lines[lineNo];
      for (const at of wordMatches(line.text, needle)) {
        const start = line.start + at;
        if (!covered(start, start + needle.length, label) && !excused(start, start + needle.length)) report(`untagged ${label} occurrence of "${needle}" in line ${lineNo}`);
      }
    }
  }
  for (const name of page.considered_not_tagged ?? []) {
    const hits = untaggedRanges.filter((r) => text.slice(r.start, r.end) === name);
    if (hits.length === 0) report(`considered_not_tagged "${name}" does not occur in the body`);
    for (const { start, end } of hits) if (covered(start, end)) report(`"${name}" is both tagged and listed as not tagged`);
  }
  const record: GoldRecord = { id: page.id, text, body_lines: page.body_lines, spans };
  if (ignoreLines.length > 0) record.ignore_lines = ignoreLines;
  return record;
}

function main(): void {
  const spec = JSON.parse(fs.readFileSync(SPEC_FILE, 'utf8')) as Spec;
  const problems: string[] = [];
  const listed = new Set(spec.pages.map((p) => p.id));
  if (listed.size !== spec.pages.length) problems.push('spec lists a page twice');
  for (const file of fs.readdirSync(PAGES_DIR)) if (!listed.has(file)) problems.push(`${file}: page file not in spec.json`);
  const records = spec.pages.map((page) => buildPage(page, problems));
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  fs.writeFileSync(OUT_FILE, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log('| page | site style | lines | body | ignored | actor (+opt) | date (+opt) |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [i, record] of records.entries()) {
    const count = (label: string, optional: boolean): number =>
      record.spans.filter((s) => s.label === label && Boolean(s.optional) === optional).length;
    const lineCount = record.text.split('\n').length - (record.text.endsWith('\n') ? 1 : 0);
    const style = spec.pages[i].site_style.split(':')[0];
    console.log(`| ${record.id} | ${style} | ${lineCount} | ${record.body_lines?.length ?? 0} | ${record.ignore_lines?.length ?? 0} | ${count('actor', false)} (+${count('actor', true)}) | ${count('date', false)} (+${count('date', true)}) |`);
  }
  console.log(`wrote ${path.relative(ROOT, OUT_FILE)} (${records.length} pages)`);
}

main();
