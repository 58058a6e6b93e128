// Scores the actor and date suggestions against the hand-made gold of the sample pages.
//
//   npx tsx research/eval-entities.ts            per-label exact and overlap P/R/F1 inside gold body lines
//   npx tsx research/eval-entities.ts --verbose  also lists misses and false alarms
//   npx tsx research/eval-entities.ts --no-places  without the optional places gazetteer
//   npx tsx research/eval-entities.ts --build    rebuilds eval/baoquocte/entities.json from entities-spec.txt
//                                               (offsets computed and checked against the text)
//
// Scoring: only suggestions and gold spans on gold body lines (eval/baoquocte/body-lines.json) count.
// Optional gold spans count neither way: a suggestion overlapping one is ignored, and missing one is fine.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseDocument } from '../src/core/detect/analyse';
import { CorpusModel } from '../src/core/detect/corpus';
import { LearnedEntities } from '../src/core/detect/learned';
import { lineSpans } from '../src/core/text/lines';
import type { Suggestion } from '../src/core/model/types';
import { shippedEntityLexicon } from '../test/unit/actors/fixture';
import { loadShippedStopwords } from '../test/unit/body/shippedStopwords';

const ROOT = join(__dirname, '..');
const EVAL = join(ROOT, 'eval', 'baoquocte');
const SAMPLES = join(ROOT, 'samples');

export interface GoldSpan {
  start: number;
  end: number;
  label: string;
  text: string;
  value?: string | string[];
  optional?: boolean;
}

function build(): void {
  const spec = readFileSync(join(EVAL, 'entities-spec.txt'), 'utf8');
  const gold: Record<string, GoldSpan[]> = {};
  const texts = new Map<string, string>();
  let problems = 0;
  for (const raw of spec.split('\n')) {
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    const [file, lineText, spanText, nth, label, value, optional] = raw.split('|');
    let text = texts.get(file);
    if (text === undefined) texts.set(file, (text = readFileSync(join(SAMPLES, file), 'utf8')));
    const line = lineSpans(text)[Number(lineText) - 1];
    const content = text.slice(line.start, line.end);
    let at = -1;
    for (let k = 0; k < Number(nth); k++) {
      at = content.indexOf(spanText, at + 1);
      while (at >= 0 && !wholeWord(content, at, spanText.length)) at = content.indexOf(spanText, at + 1);
    }
    if (at < 0) {
      console.error(`not found: ${raw}`);
      problems++;
      continue;
    }
    const span: GoldSpan = { start: line.start + at, end: line.start + at + spanText.length, label, text: spanText };
    if (value) span.value = value.includes(';') ? value.split(';') : value;
    if (optional === 'optional') span.optional = true;
    (gold[file] ??= []).push(span);
  }
  for (const spans of Object.values(gold)) spans.sort((a, b) => a.start - b.start);
  if (problems > 0) process.exit(1);
  writeFileSync(join(EVAL, 'entities.json'), JSON.stringify(gold, null, 1) + '\n');
  console.log(`wrote ${Object.values(gold).reduce((n, spans) => n + spans.length, 0)} spans`);
}

function wholeWord(text: string, start: number, length: number): boolean {
  const letter = /[\p{L}\p{N}]/u;
  return !letter.test(text[start - 1] ?? ' ') && !letter.test(text[start + length] ?? ' ');
}

/** Fails (exit 1) when a gold span does not slice its text. */
function check(gold: Record<string, GoldSpan[]>): void {
  for (const [file, spans] of Object.entries(gold)) {
    const text = readFileSync(join(SAMPLES, file), 'utf8');
    for (const span of spans) {
      if (text.slice(span.start, span.end) !== span.text) {
        console.error(`${file}: [${span.start}, ${span.end}) is "${text.slice(span.start, span.end)}", not "${span.text}"`);
        process.exit(1);
      }
    }
  }
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function prf(counts: Counts): string {
  const p = counts.tp + counts.fp === 0 ? 1 : counts.tp / (counts.tp + counts.fp);
  const r = counts.tp + counts.fn === 0 ? 1 : counts.tp / (counts.tp + counts.fn);
  const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return `P=${p.toFixed(3)} R=${r.toFixed(3)} F1=${f.toFixed(3)} (tp ${counts.tp}, fp ${counts.fp}, fn ${counts.fn})`;
}

/** Exact or overlap counts for one label of one document. */
export function score(predicted: readonly Suggestion[], gold: readonly GoldSpan[], overlap: boolean): Counts & { misses: GoldSpan[]; alarms: Suggestion[] } {
  const required = gold.filter((span) => !span.optional);
  const optional = gold.filter((span) => span.optional);
  const matched = new Set<GoldSpan>();
  const alarms: Suggestion[] = [];
  let tp = 0;
  for (const suggestion of predicted) {
    const hit = required.find((span) => !matched.has(span) &&
      (overlap ? span.start < suggestion.end && suggestion.start < span.end : span.start === suggestion.start && span.end === suggestion.end));
    if (hit) {
      matched.add(hit);
      tp++;
      continue;
    }
    if (optional.some((span) => span.start < suggestion.end && suggestion.start < span.end)) continue;
    alarms.push(suggestion);
  }
  const misses = required.filter((span) => !matched.has(span));
  return { tp, fp: alarms.length, fn: misses.length, misses, alarms };
}

function main(): void {
  if (process.argv.includes('--build')) build();
  const verbose = process.argv.includes('--verbose');
  const gold = JSON.parse(readFileSync(join(EVAL, 'entities.json'), 'utf8')) as Record<string, GoldSpan[]>;
  check(gold);
  const bodyLines = JSON.parse(readFileSync(join(EVAL, 'body-lines.json'), 'utf8')) as Record<string, { body_lines: number[] }>;
  const entities = shippedEntityLexicon(process.argv.includes('--no-places') ? ['places'] : []);
  const stopwords = loadShippedStopwords({ largeVietnamese: !process.argv.includes('--small-stopwords') });
  const corpus = new CorpusModel();
  const files = Object.keys(gold).sort();
  const texts = new Map(files.map((file) => [file, readFileSync(join(SAMPLES, file), 'utf8')]));
  for (const [file, text] of texts) corpus.addDocument(file, text);
  const totals: Record<string, { exact: Counts; overlap: Counts }> = {};
  for (const file of files) {
    const text = texts.get(file) ?? '';
    const body = new Set(bodyLines[file].body_lines);
    const spans = lineSpans(text);
    const onBody = (start: number): boolean => {
      const line = spans.find((span) => span.start <= start && start <= span.end);
      return line !== undefined && body.has(line.line);
    };
    const analysis = analyseDocument(text, { corpus, stopwords, entities, learned: new LearnedEntities(), options: { documentId: file } });
    for (const label of ['actor', 'date']) {
      const predicted = analysis.suggestions.filter((s) => s.label === label && onBody(s.start));
      const wanted = gold[file].filter((span) => span.label === label && onBody(span.start));
      const total = (totals[label] ??= { exact: { tp: 0, fp: 0, fn: 0 }, overlap: { tp: 0, fp: 0, fn: 0 } });
      for (const mode of ['exact', 'overlap'] as const) {
        const result = score(predicted, wanted, mode === 'overlap');
        total[mode].tp += result.tp;
        total[mode].fp += result.fp;
        total[mode].fn += result.fn;
        if (verbose && mode === 'exact') {
          for (const miss of result.misses) console.log(`${file} ${label} MISS  "${miss.text}" @${miss.start}`);
          for (const alarm of result.alarms) console.log(`${file} ${label} FALSE "${alarm.text}" @${alarm.start} (${alarm.reasons.join('; ')})`);
        }
      }
    }
  }
  for (const [label, total] of Object.entries(totals)) {
    console.log(`${label.padEnd(5)} exact   ${prf(total.exact)}`);
    console.log(`${label.padEnd(5)} overlap ${prf(total.overlap)}`);
  }
}

main();
