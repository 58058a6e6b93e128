// Measures what propagating accepted names does, on a gold set read from --gold (e.g. VLSP-2018 training
// articles converted by the learner's research/fetch-vlsp2018.ts; its licence keeps it outside the repo).
// A simulated annotator works through the articles in file order, in K batches; after each article its gold
// actors are accepted and the wrong suggestions dismissed, so later articles get the propagated names.
// Prints actor exact / overlap F1 per batch beside a control that learns nothing, and with --out writes them
// to a result file naming the commit and machine.
//
//   npx tsx research/propagation-curve.ts --gold FILE [--limit 260] [--batches 5] [--out eval/results/X.json]

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { analyseDocument } from '../src/core/detect/analyse';
import { CorpusModel } from '../src/core/detect/corpus';
import { EntityLexicon } from '../src/core/detect/lexicons';
import { LearnedEntities } from '../src/core/detect/learned';
import { parseStopwords, StopwordLexicon } from '../src/core/detect/stopwords';
import { addSpanCounts, evaluateSpans, type GoldRecord, spanScores, type SpanCountsByLabel } from '../src/core/eval';

const { values } = parseArgs({ options: { gold: { type: 'string' }, limit: { type: 'string' }, batches: { type: 'string' }, out: { type: 'string' } } });
if (!values.gold) throw new Error('--gold FILE is required');
const root = path.join(__dirname, '..');
const limit = Number(values.limit ?? 260);
const batches = Number(values.batches ?? 5);
const records: GoldRecord[] = fs.readFileSync(values.gold, 'utf8').trim().split('\n').slice(0, limit).map((line) => JSON.parse(line) as GoldRecord);

const entities = new EntityLexicon();
for (const name of fs.readdirSync(path.join(root, 'lexicons', 'entities')).sort()) {
  if (name.endsWith('.txt')) entities.addFile(name, fs.readFileSync(path.join(root, 'lexicons', 'entities', name), 'utf8'));
}
const stopwords = new StopwordLexicon();
const justext = path.join(root, 'lexicons', 'stopwords', 'justext');
for (const file of fs.readdirSync(justext).sort()) {
  if (file.endsWith('.txt')) stopwords.add(path.basename(file, '.txt'), parseStopwords(fs.readFileSync(path.join(justext, file), 'utf8')));
}
const corpus = new CorpusModel();
for (const record of records) corpus.addDocument(record.id, record.text);

interface BatchScore {
  exact: number;
  overlap: number;
}

function run(learn: boolean): BatchScore[] {
  const learned = new LearnedEntities();
  const size = Math.ceil(records.length / batches);
  const scores: BatchScore[] = [];
  for (let k = 0; k < batches; k++) {
    let counts: SpanCountsByLabel = {};
    for (const record of records.slice(k * size, (k + 1) * size)) {
      const analysis = analyseDocument(record.text, { corpus, stopwords, entities, learned, options: { documentId: record.id, language: 'vi' } });
      const predicted = analysis.suggestions.filter((s) => s.label === 'actor');
      const gold = record.spans.filter((s) => s.label === 'actor');
      counts = addSpanCounts(counts, evaluateSpans(gold, predicted));
      if (!learn) continue;
      const right = new Set(gold.map((s) => `${s.start}:${s.end}`));
      for (const span of gold) learned.accept('actor', record.text.slice(span.start, span.end));
      for (const s of predicted) if (!right.has(`${s.start}:${s.end}`)) learned.dismiss('actor', s.text);
    }
    const actor = spanScores(counts).actor;
    scores.push({ exact: round(actor?.exact.f1 ?? 0), overlap: round(actor?.overlap.f1 ?? 0) });
  }
  return scores;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
const learning = run(true);
const control = run(false);
const show = (scores: BatchScore[]): string => scores.map((s) => `${s.exact.toFixed(3)} (${s.overlap.toFixed(3)})`).join('  ');
console.log(`actor exact (overlap) F1 per batch of ${Math.ceil(records.length / batches)} articles`);
console.log(`propagating  ${show(learning)}`);
console.log(`learning off ${show(control)}`);
if (values.out) {
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  const result = {
    what: 'propagation of accepted names: actor F1 per batch, simulated annotator (accepts gold, dismisses the rest after each article)',
    gold: path.basename(values.gold),
    articles: records.length,
    batches,
    commit,
    machine: os.hostname(),
    cpus: os.cpus().length,
    propagating: learning,
    control,
  };
  fs.writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
}
