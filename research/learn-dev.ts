// Development measurements of the span learner on gold JSONL (development data only, never held-out sets):
// train on the first part of FILE, tag the rest, print exact P/R/F1 of the learned tagger and the rules.
//   npx tsx research/learn-dev.ts --gold FILE [--split 0.8] [--train-gold FILE2] [--epochs N]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analysisContext } from '../src/cli/analysis';
import { learningDocument } from '../src/core/detect/analyse';
import { CorpusModel } from '../src/core/detect/corpus';
import { WordProfile } from '../src/core/detect/wordProfile';
import { SpanLearner } from '../src/core/learn/learner';
import { loadLexiconsFromDisk } from '../src/node/lexicons';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}
type Rec = { id: string; text: string; spans: { start: number; end: number; label: string }[] };
const read = (f: string): Rec[] => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const records = read(option('gold')!);
const split = Math.floor(records.length * Number(option('split') ?? 0.8));
const train = option('train-gold') ? read(option('train-gold')!) : records.slice(0, split);
const test = option('train-gold') ? records : records.slice(split);
const lex = loadLexiconsFromDisk(join(__dirname, '..'), []);
const corpus = new CorpusModel();
for (const r of [...train, ...test]) corpus.addDocument(r.id, r.text);
const ctx = analysisContext(corpus, lex.stopwords, lex.entities, [], { relativeDates: false });
ctx.words = WordProfile.of([...train, ...test].map((r) => r.text));
let t = Date.now();
const docs = new Map<Rec, ReturnType<typeof learningDocument>>();
for (const r of [...train, ...test]) docs.set(r, learningDocument(r.text, ctx));
console.log(`encoded in ${Date.now() - t} ms`);
t = Date.now();
const learner = SpanLearner.empty().train(train.map((r) => ({ doc: docs.get(r)!, tags: r.spans, done: true })), {
  epochs: Number(option('epochs') ?? 6), folds: Number(option('folds') ?? 4), bits: Number(option('bits') ?? 19),
});
console.log(`trained in ${Date.now() - t} ms`, JSON.stringify(learner.quality.labels));
const count = (pred: { start: number; end: number; label: string }[], gold: Rec['spans']) => {
  const g = new Set(gold.map((s) => `${s.start}:${s.end}`));
  const p = pred.filter((s) => s.label === 'actor');
  const tp = p.filter((s) => g.has(`${s.start}:${s.end}`)).length;
  return [tp, p.length - tp, gold.length - tp];
};
const sum = { learned: [0, 0, 0], rules: [0, 0, 0] };
t = Date.now();
for (const r of test) {
  const doc = docs.get(r)!;
  const a = count(learner.tag(doc), r.spans);
  const b = count(doc.suggestions as never, r.spans);
  for (let i = 0; i < 3; i++) { sum.learned[i] += a[i]; sum.rules[i] += b[i]; }
}
console.log(`tagged in ${Date.now() - t} ms`);
for (const [name, [tp, fp, fn]] of Object.entries(sum)) {
  const p = tp / (tp + fp); const rc = tp / (tp + fn);
  console.log(name, `P ${p.toFixed(3)} R ${rc.toFixed(3)} F1 ${(2 * p * rc / (p + rc)).toFixed(3)}`);
}
if (process.argv.includes('--errors')) {
  const fpCount = new Map<string, number>();
  const fnCount = new Map<string, number>();
  for (const r of test) {
    const pred = learner.tag(docs.get(r)!);
    const g = new Set(r.spans.map((s) => `${s.start}:${s.end}`));
    const p = new Set(pred.map((s) => `${s.start}:${s.end}`));
    for (const s of pred) if (!g.has(`${s.start}:${s.end}`)) fpCount.set(s.text, (fpCount.get(s.text) ?? 0) + 1);
    for (const s of r.spans) if (!p.has(`${s.start}:${s.end}`)) fnCount.set(r.text.slice(s.start, s.end), (fnCount.get(r.text.slice(s.start, s.end)) ?? 0) + 1);
  }
  console.log('FP', [...fpCount].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${k}×${v}`).join(' | '));
  console.log('FN', [...fnCount].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${k}×${v}`).join(' | '));
}
if (process.argv.includes('--boundaries')) {
  const pairs = new Map<string, number>();
  for (const r of test) {
    const pred = learner.tag(docs.get(r)!);
    for (const g of r.spans) {
      const p = pred.find((s) => s.start < g.end && g.start < s.end);
      if (!p || (p.start === g.start && p.end === g.end)) continue;
      const key = `${r.text.slice(g.start, g.end)} ⇒ ${p.text}`;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
  }
  console.log([...pairs].sort((a, b) => b[1] - a[1]).slice(0, 60).map(([k, v]) => `${k}×${v}`).join('\n'));
}
if (process.argv.includes('--trainfit')) {
  let tp = 0, np = 0, ng = 0;
  for (const r of train.slice(0, 40)) {
    const pred = learner.tag(docs.get(r)!);
    const g = new Set(r.spans.map((s) => `${s.start}:${s.end}`));
    tp += pred.filter((s) => g.has(`${s.start}:${s.end}`)).length; np += pred.length; ng += r.spans.length;
  }
  console.log('train fit P', (tp / np).toFixed(3), 'R', (tp / ng).toFixed(3));
  const r = test.find((x) => x.text.includes('Khúc Thị Hoa Phượng'));
  if (r) {
    const at = r.text.indexOf('Khúc Thị Hoa Phượng');
    console.log(learner.tag(docs.get(r)!).filter((s) => Math.abs(s.start - at) < 60).map((s) => `${s.text} ${s.score}`));
  }
}
