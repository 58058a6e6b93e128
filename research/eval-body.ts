// Line-level body P/R/F1 of detectLines on the sample corpus (eval/baoquocte gold) and the boilerplate
// development set. Each set is one corpus: all its pages are added to a CorpusModel first.
//   npx tsx research/eval-body.ts            summary
//   npx tsx research/eval-body.ts --errors   also every wrong line, with its reasons
//   npx tsx research/eval-body.ts --learn    leave-one-out: the other pages' gold lines are learned first
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorpusModel } from '../src/core/detect/corpus';
import { detectLines } from '../src/core/detect/body/index';
import { evaluateBody, microAverage, type Counts, type GoldRecord } from '../src/core/eval/index';
import { lineSpans } from '../src/core/text/lines';
import { loadShippedStopwords } from '../test/unit/body/shippedStopwords';
import { readGoldDir } from './gold-sets';

const ROOT = path.join(__dirname, '..');
// The development pages beside the checkout (../shared), or the folder --dev DIR names.
const devAt = process.argv.indexOf('--dev');
const DEV_DIR = devAt >= 0 ? path.resolve(process.argv[devAt + 1]) : path.join(ROOT, '..', 'shared', 'eval', 'boilerplate-dev');
const args = new Set(process.argv.slice(2));
const stopwords = loadShippedStopwords({ largeVietnamese: args.has('--large-vi') });

export function sampleGold(): GoldRecord[] {
  const lines = JSON.parse(fs.readFileSync(path.join(ROOT, 'eval/baoquocte/body-lines.json'), 'utf8')) as Record<
    string,
    { body_lines: number[]; ignore_lines: number[] }
  >;
  return Object.entries(lines).map(([name, gold]) => ({
    id: name,
    text: fs.readFileSync(path.join(ROOT, 'samples', name), 'utf8'),
    body_lines: gold.body_lines,
    ignore_lines: gold.ignore_lines,
    spans: [],
  }));
}

export function devGold(): GoldRecord[] {
  return fs.existsSync(DEV_DIR) ? readGoldDir(DEV_DIR) : [];
}

function learnOthers(corpus: CorpusModel, records: GoldRecord[], except: GoldRecord, sign: 1 | -1): void {
  for (const record of records) {
    if (record === except) continue;
    const body = new Set(record.body_lines);
    const ignored = new Set(record.ignore_lines ?? []);
    for (const span of lineSpans(record.text)) {
      const text = record.text.slice(span.start, span.end);
      if (text.trim() === '' || ignored.has(span.line)) continue;
      const label = body.has(span.line) ? 'body' : 'boilerplate';
      if (sign > 0) corpus.learnLine(text, label);
      else corpus.forgetLine(text, label);
    }
  }
}

function run(name: string, records: GoldRecord[]): void {
  if (records.length === 0) return;
  const corpus = new CorpusModel();
  for (const record of records) corpus.addDocument(record.id, record.text);
  const perDocument: Counts[] = [];
  for (const record of records) {
    if (args.has('--learn')) learnOthers(corpus, records, record, 1);
    const decisions = detectLines(record.text, corpus, stopwords, { documentId: record.id });
    if (args.has('--learn')) learnOthers(corpus, records, record, -1);
    const counts = evaluateBody(record, decisions);
    perDocument.push(counts);
    if (args.has('--errors') || args.has('--docs')) {
      const f = microAverage([counts]);
      console.log(`  ${record.id.slice(0, 24)} P=${f.precision.toFixed(2)} R=${f.recall.toFixed(2)} F1=${f.f1.toFixed(2)}`);
    }
    if (args.has('--errors')) {
      const body = new Set(record.body_lines);
      const ignored = new Set(record.ignore_lines ?? []);
      for (const decision of decisions) {
        if (ignored.has(decision.line)) continue;
        const gold = body.has(decision.line);
        if (gold === (decision.label === 'body')) continue;
        const text = record.text.slice(decision.start, decision.end).slice(0, 90);
        console.log(`    ${gold ? 'MISS' : 'FP  '} ${decision.line} ${decision.score.toFixed(2)} ${text} | ${decision.reasons.join('; ')}`);
      }
    }
  }
  const scores = microAverage(perDocument);
  console.log(
    `${name}: ${records.length} pages  P=${scores.precision.toFixed(4)} R=${scores.recall.toFixed(4)} F1=${scores.f1.toFixed(4)}` +
      `  (tp=${scores.truePositives} fp=${scores.falsePositives} fn=${scores.falseNegatives})`,
  );
}

// Also the gold loader of research/fit-body-model.ts, which imports this file.
if (require.main === module) {
  run('samples (baoquocte)', sampleGold());
  run('boilerplate-dev', devGold());
}
