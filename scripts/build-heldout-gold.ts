// Builds the held-out actor/date gold set from a hand-written spec:
//   eval/heldout/spec.json   { source, pages: [{ id, language, publication_date?, spans: [SpecSpan],
//                             considered_not_tagged?: [text] }] }
// where a SpecSpan is { label, text, line (0-based), occurrence? (n-th match of `text` in that line,
// default 0), value?, optional? }. Offsets are computed here, never typed by hand, and every span is
// checked: it slices exactly its text, lies inside one gold body line, overlaps no other span, and each
// word-bounded occurrence of an annotated text inside the body is annotated too (so "every occurrence"
// is enforced). Page texts and body lines come from the read-only boilerplate-dev set.
// Writes eval/heldout.gold.jsonl (all pages) plus eval/heldout-<language>.gold.jsonl per language.
// Run: npx tsx scripts/build-heldout-gold.ts
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GoldRecord, GoldSpan } from '../src/core/eval/gold';

const ROOT = path.join(__dirname, '..');
const SPEC_FILE = path.join(ROOT, 'eval/heldout/spec.json');
const OUT_DIR = path.join(ROOT, 'eval');

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
  language: string;
  publication_date?: string;
  spans: SpecSpan[];
  /** Names looked at and deliberately left untagged (places, titles...); checked to be untagged. */
  considered_not_tagged?: string[];
}
interface Spec {
  source: string;
  pages: SpecPage[];
}
type HeldoutSpan = GoldSpan & { text: string; value?: string | string[] };
interface Line {
  start: number;
  text: string;
}

function splitLines(text: string): Line[] {
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

const WORD_CHAR = /[\p{L}\p{N}_@]/u;

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

function buildPage(page: SpecPage, sourceDir: string, problems: string[]): GoldRecord {
  const hash = page.id.replace(/\.txt$/, '');
  const text = fs.readFileSync(path.join(sourceDir, page.id), 'utf8');
  const gold = JSON.parse(fs.readFileSync(path.join(sourceDir, `${hash}.gold.json`), 'utf8')) as { body_lines: number[] };
  const body = new Set(gold.body_lines);
  const lines = splitLines(text);
  const report = (message: string): void => void problems.push(`${page.id.slice(0, 10)}: ${message}`);

  const spans: HeldoutSpan[] = [];
  for (const spec of page.spans) {
    const where = `${spec.label} "${spec.text}" line ${spec.line}#${spec.occurrence ?? 0}`;
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
  // Phrases deliberately left untagged ("Austria's interior minister": a country inside a title) excuse
  // the names inside them from the every-occurrence check below.
  const untaggedRanges = (page.considered_not_tagged ?? []).flatMap((name) =>
    gold.body_lines.flatMap((lineNo) => wordMatches(lines[lineNo].text, name).map((at) => {
      const start = lines[lineNo].start + at;
      return { start, end: start + name.length };
    })));
  const excused = (start: number, end: number): boolean => untaggedRanges.some((r) => r.start <= start && end <= r.end);
  // Every occurrence: each annotated text must be annotated wherever it stands as a word in the body.
  const annotated = new Map(spans.map((s) => [`${s.label}\u0000${s.text}`, s] as const));
  for (const { label, text: needle } of annotated.values()) {
    for (const lineNo of gold.body_lines) {
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
  return { id: page.id, text, body_lines: gold.body_lines, spans };
}

function main(): void {
  const spec = JSON.parse(fs.readFileSync(SPEC_FILE, 'utf8')) as Spec;
  const problems: string[] = [];
  const byLanguage = new Map<string, GoldRecord[]>();
  const all: GoldRecord[] = [];
  for (const page of spec.pages) {
    const record = buildPage(page, spec.source, problems);
    all.push(record);
    byLanguage.set(page.language, [...(byLanguage.get(page.language) ?? []), record]);
  }
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  const toJsonl = (records: GoldRecord[]): string => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
  fs.writeFileSync(path.join(OUT_DIR, 'heldout.gold.jsonl'), toJsonl(all));
  for (const [language, records] of byLanguage) fs.writeFileSync(path.join(OUT_DIR, `heldout-${language}.gold.jsonl`), toJsonl(records));
  for (const record of all) {
    const count = (label: string, optional: boolean): number =>
      record.spans.filter((s) => s.label === label && Boolean(s.optional) === optional).length;
    console.log(`${record.id.slice(0, 10)}  actor ${count('actor', false)} (+${count('actor', true)} optional)  date ${count('date', false)} (+${count('date', true)} optional)`);
  }
  console.log(`wrote eval/heldout.gold.jsonl (${all.length} pages) and ${[...byLanguage.keys()].map((l) => `heldout-${l}.gold.jsonl`).join(', ')}`);
}

main();
