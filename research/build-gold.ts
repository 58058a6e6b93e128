// Builds eval/baoquocte.gold.jsonl, one gold record per sample page, from
//   samples/*.txt                      the page texts,
//   eval/baoquocte/body-lines.json     { "<file>": { "body_lines": [...], "ignore_lines": [...] } },
//   eval/baoquocte/entities.json       { "<file>": [spans] } or { "<file>": { "spans": [spans] } }, where a
//                                      span is { start, end, label, optional?, text?, value? } in UTF-16
//                                      offsets; `text`, when given, must be what the offsets cover
//                                      (optional file: without it every record has spans: []).
// Run: npx tsx research/build-gold.ts
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GoldRecord, GoldSpan } from '../src/core/eval/gold';

const ROOT = path.join(__dirname, '..');
const SAMPLES = path.join(ROOT, 'samples');
const BODY_FILE = path.join(ROOT, 'eval/baoquocte/body-lines.json');
const ENTITY_FILE = path.join(ROOT, 'eval/baoquocte/entities.json');
const OUT_FILE = path.join(ROOT, 'eval/baoquocte.gold.jsonl');

type BodyLines = Record<string, { body_lines: number[]; ignore_lines?: number[] }>;
/** A gold span as written by hand: it may repeat its text (checked) and carry a normalised value. */
type EntitySpan = GoldSpan & { text?: string; value?: string | string[] };
type Entities = Record<string, EntitySpan[] | { spans: EntitySpan[] }>;

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

function spansOf(entry: EntitySpan[] | { spans: EntitySpan[] } | undefined): EntitySpan[] {
  if (!entry) return [];
  return Array.isArray(entry) ? entry : entry.spans;
}

const bodyLines = readJson<BodyLines>(BODY_FILE);
const entities: Entities = fs.existsSync(ENTITY_FILE) ? readJson<Entities>(ENTITY_FILE) : {};
const files = fs.readdirSync(SAMPLES).filter((file) => file.endsWith('.txt')).sort();
const records: GoldRecord[] = [];
for (const file of files) {
  const body = bodyLines[file];
  if (!body) throw new Error(`${file}: no entry in ${path.relative(ROOT, BODY_FILE)}`);
  const text = fs.readFileSync(path.join(SAMPLES, file), 'utf8');
  const spans = spansOf(entities[file]);
  for (const span of spans) {
    if (!(span.start >= 0 && span.end > span.start && span.end <= text.length)) {
      throw new Error(`${file}: span ${JSON.stringify(span)} is outside the text`);
    }
    if (span.text !== undefined && text.slice(span.start, span.end) !== span.text) {
      throw new Error(`${file}: span ${JSON.stringify(span)} covers "${text.slice(span.start, span.end)}"`);
    }
  }
  records.push({
    id: file,
    text,
    body_lines: body.body_lines,
    ignore_lines: body.ignore_lines ?? [],
    spans: [...spans].sort((a, b) => a.start - b.start || a.end - b.end),
  });
}
for (const name of [...Object.keys(bodyLines), ...Object.keys(entities)]) {
  if (!files.includes(name)) throw new Error(`${name}: gold for a file that is not in samples/`);
}
fs.writeFileSync(OUT_FILE, records.map((record) => JSON.stringify(record)).join('\n') + '\n');
const spanCount = records.reduce((sum, record) => sum + record.spans.length, 0);
console.log(`${path.relative(ROOT, OUT_FILE)}: ${records.length} records, ${spanCount} spans`);
