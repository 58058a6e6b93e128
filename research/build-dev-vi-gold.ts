// Builds the Vietnamese held-out gold set (synthetic pages imitating other news-site layouts) from its
// hand-written spec:
//   eval/dev-vi/pages/<id>        the page texts (UTF-8, LF)
//   eval/dev-vi/spec.json         { pages: [{ id, site_style, publication_date, body_lines, ignore_lines?,
//                                       spans: [SpecSpan], considered_not_tagged?: [text] }] }
// where a SpecSpan is { label, text, line (0-based), occurrence? (n-th match of `text` in that line,
// default 0), value?, optional? }. Offsets are computed here, never typed by hand. The script refuses to
// write when a page is malformed (CR, replacement characters, outside 60-200 lines, publication date
// missing from the text), when line lists are out of range, overlapping or point at blank lines, or when
// a span does not slice its text, lies outside a body line, overlaps another span, carries a malformed
// date value, or leaves a word-bounded occurrence of an annotated text in the body untagged (unless
// inside a phrase listed in `considered_not_tagged`).
// Writes eval/dev-vi.gold.jsonl.
// Run: npx tsx research/build-dev-vi-gold.ts
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GoldRecord } from '../src/core/eval/gold';
import { type Line, resolveSpans, type SpecSpan, splitLines } from './goldSpec';

const ROOT = path.join(__dirname, '..');
const SET_DIR = path.join(ROOT, 'eval/dev-vi');
const PAGES_DIR = path.join(SET_DIR, 'pages');
const SPEC_FILE = path.join(SET_DIR, 'spec.json');
const OUT_FILE = path.join(ROOT, 'eval/dev-vi.gold.jsonl');
const MIN_LINES = 60;
const MAX_LINES = 200;

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
const LABELS = new Set(['actor', 'date']);
// ISO 8601 forms used as date values: year, year-month, full date, a date without year (--MM-DD), and
// intervals of two of those joined by "/".
const ISO_POINT = /^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2})$/;

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

  const spans = resolveSpans({
    text,
    lines,
    bodyLines: page.body_lines,
    spans: page.spans,
    consideredNotTagged: page.considered_not_tagged,
    report,
    checkSpan: (spec, where) => {
      if (!LABELS.has(spec.label)) report(`${where}: unknown label`);
      if (spec.text.trim() !== spec.text || spec.text === '') report(`${where}: span has surrounding spaces`);
      const values = spec.value === undefined ? [] : Array.isArray(spec.value) ? spec.value : [spec.value];
      if (spec.label === 'date') for (const v of values) if (!isDateValue(v)) report(`${where}: date value "${v}" is not ISO 8601`);
      if (spec.label === 'actor' && values.some((v) => v.trim() === '')) report(`${where}: empty actor value`);
    },
  });
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
