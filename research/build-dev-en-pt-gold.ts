// Builds the held-out actor/date gold set from a hand-written spec:
//   eval/dev-en-pt/spec.json   { source, pages: [{ id, language, publication_date?, spans: [SpecSpan],
//                             considered_not_tagged?: [text] }] }
// where a SpecSpan is { label, text, line (0-based), occurrence? (n-th match of `text` in that line,
// default 0), value?, optional? }. Offsets are computed here, never typed by hand, and every span is
// checked: it slices exactly its text, lies inside one gold body line, overlaps no other span, and each
// word-bounded occurrence of an annotated text inside the body is annotated too (so "every occurrence"
// is enforced). Page texts and body lines come from the read-only boilerplate-dev set.
// Writes eval/dev-en-pt.gold.jsonl (all pages) plus eval/dev-<language>.gold.jsonl per language.
// Run: npx tsx research/build-dev-en-pt-gold.ts
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GoldRecord } from '../src/core/eval/gold';
import { resolveSpans, type SpecSpan, splitLines } from './goldSpec';

const ROOT = path.join(__dirname, '..');
const SPEC_FILE = path.join(ROOT, 'eval/dev-en-pt/spec.json');
const OUT_DIR = path.join(ROOT, 'eval');

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

function buildPage(page: SpecPage, sourceDir: string, problems: string[]): GoldRecord {
  const hash = page.id.replace(/\.txt$/, '');
  const text = fs.readFileSync(path.join(sourceDir, page.id), 'utf8');
  const gold = JSON.parse(fs.readFileSync(path.join(sourceDir, `${hash}.gold.json`), 'utf8')) as { body_lines: number[] };
  const report = (message: string): void => void problems.push(`${page.id.slice(0, 10)}: ${message}`);
  const spans = resolveSpans({ text, lines: splitLines(text), bodyLines: gold.body_lines, spans: page.spans, consideredNotTagged: page.considered_not_tagged, report });
  return { id: page.id, text, body_lines: gold.body_lines, spans };
}

function main(): void {
  const spec = JSON.parse(fs.readFileSync(SPEC_FILE, 'utf8')) as Spec;
  const problems: string[] = [];
  const byLanguage = new Map<string, GoldRecord[]>();
  const all: GoldRecord[] = [];
  for (const page of spec.pages) {
    const record = buildPage(page, path.resolve(ROOT, spec.source), problems);
    all.push(record);
    byLanguage.set(page.language, [...(byLanguage.get(page.language) ?? []), record]);
  }
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  const toJsonl = (records: GoldRecord[]): string => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
  fs.writeFileSync(path.join(OUT_DIR, 'dev-en-pt.gold.jsonl'), toJsonl(all));
  for (const [language, records] of byLanguage) fs.writeFileSync(path.join(OUT_DIR, `dev-${language}.gold.jsonl`), toJsonl(records));
  for (const record of all) {
    const count = (label: string, optional: boolean): number =>
      record.spans.filter((s) => s.label === label && Boolean(s.optional) === optional).length;
    console.log(`${record.id.slice(0, 10)}  actor ${count('actor', false)} (+${count('actor', true)} optional)  date ${count('date', false)} (+${count('date', true)} optional)`);
  }
  console.log(`wrote eval/dev-en-pt.gold.jsonl (${all.length} pages) and ${[...byLanguage.keys()].map((l) => `dev-${l}.gold.jsonl`).join(', ')}`);
}

main();
