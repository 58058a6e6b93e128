// What the model shown right after a decision costs and how good it is, past the quick fit's budget: a
// corpus of annotated pages (the first M of a gold file, all done, actor tags) gets its measured training,
// then 1 or 20 more pages are annotated and the quick model is fitted (SpanLearner.train with measuredBy,
// as the editor does first); beside it, the measured training on the bigger corpus. Each model's actor
// exact F1 (Newsmark's suggestions with that learner) on a test gold file, and the CPU time of each fit.
// Writes the numbers with the commit and machine; the gold stays on this machine.
//
//   npx tsx research/quick-fit-quality.ts --train GOLD --test GOLD --pages M --out FILE
//
// Development pairs used: $NEWSMARK_DATA/vlsp2018/rest.gold.jsonl (M 470) tested on train-slice.gold.jsonl,
// and train.gold.jsonl (M 700) tested on phoner-dev.gold.jsonl.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyseDocument } from '../src/core/detect/analyse';
import { CorpusModel } from '../src/core/detect/corpus';
import { LearnedEntities } from '../src/core/detect/learned';
import { WordProfile } from '../src/core/detect/wordProfile';
import { type DecidedPage, LearningDocuments, type SpanLearner, trainOnPages } from '../src/core/learn';
import { shippedEntityLexicon } from '../test/unit/actors/fixture';
import { loadShippedStopwords } from '../test/unit/body/shippedStopwords';

const ROOT = path.join(__dirname, '..');

function option(name: string): string {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0 || at + 1 >= process.argv.length) {
    process.stderr.write('usage: npx tsx research/quick-fit-quality.ts --train GOLD --test GOLD --pages M --out FILE\n');
    process.exit(2);
  }
  return process.argv[at + 1];
}

interface Gold {
  id: string;
  text: string;
  spans: { start: number; end: number; label: string }[];
}

/** A data file's path as the result file names it: under $NEWSMARK_DATA, written <data>/... */
const dataPath = (file: string): string => {
  const data = process.env.NEWSMARK_DATA;
  const rel = data ? path.relative(data, path.resolve(file)) : '';
  return rel && !rel.startsWith('..') ? `<data>/${rel}` : path.basename(file);
};

const readGold = (file: string): Gold[] =>
  fs.readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Gold);

function main(): void {
  const trainFile = option('train');
  const testFile = option('test');
  const pagesCount = Number(option('pages'));
  const out = option('out');
  const train = readGold(trainFile);
  const test = readGold(testFile);
  const ctx = {
    corpus: new CorpusModel(),
    stopwords: loadShippedStopwords({ largeVietnamese: true }),
    entities: shippedEntityLexicon(),
    learned: new LearnedEntities(),
    words: WordProfile.of([...train, ...test].map((g) => g.text)),
    options: { language: 'vi' },
  };
  const pages: DecidedPage[] = train.map((g) => ({
    id: g.id,
    text: g.text,
    decisions: {
      annotations: g.spans
        .filter((s) => s.label === 'actor')
        .map((s, i) => ({ id: String(i), start: s.start, end: s.end, label: 'actor', text: g.text.slice(s.start, s.end), source: 'manual' as const })),
      dismissed: [],
      status: 'done' as const,
    },
  }));
  const exactF1 = (learner: SpanLearner | undefined): number => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const g of test) {
      const gold = new Set(g.spans.filter((s) => s.label === 'actor').map((s) => `${s.start}:${s.end}`));
      const shown = new Set(analyseDocument(g.text, { ...ctx, learner }).suggestions.filter((s) => s.label === 'actor').map((s) => `${s.start}:${s.end}`));
      for (const key of shown) if (gold.has(key)) tp++;
      else fp++;
      for (const key of gold) if (!shown.has(key)) fn++;
    }
    return Math.round((2 * tp / (2 * tp + fp + fn)) * 1000) / 1000;
  };
  const timed = (run: () => SpanLearner | undefined): { learner: SpanLearner | undefined; ms: number } => {
    const started = process.cpuUsage();
    const learner = run();
    const used = process.cpuUsage(started);
    return { learner, ms: Math.round((used.user + used.system) / 1000) };
  };
  const documents = new LearningDocuments();
  const measured = timed(() => trainOnPages(pages.slice(0, pagesCount), ctx, undefined, undefined, documents));
  const rows: Record<string, unknown>[] = [{ model: `measured training on ${pagesCount} pages`, ms: measured.ms, actorExactF1: exactF1(measured.learner) }];
  for (const added of [1, 20]) {
    const corpus = pages.slice(0, pagesCount + added);
    const quick = timed(() => trainOnPages(corpus, ctx, undefined, measured.learner, documents));
    const full = timed(() => trainOnPages(corpus, ctx, undefined, undefined, new LearningDocuments()));
    rows.push({ model: `${added} more annotated: quick model (shown first)`, ms: quick.ms, actorExactF1: exactF1(quick.learner) });
    rows.push({ model: `${added} more annotated: measured training (shown after it)`, ms: full.ms, actorExactF1: exactF1(full.learner) });
  }
  const git = (args: string[]): string => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  const result = {
    kind: 'quick-fit-quality',
    heldOut: false,
    commit: git(['rev-parse', '--short', 'HEAD']),
    dirty: git(['status', '--porcelain', '--untracked-files=no', '--', 'src']) !== '',
    machine: { host: os.hostname(), cores: os.cpus().length, load: os.loadavg().map((l) => Math.round(l * 100) / 100) },
    measuredAt: new Date().toISOString(),
    command: `npx tsx research/quick-fit-quality.ts --train ${dataPath(trainFile)} --test ${dataPath(testFile)} --pages ${pagesCount}`,
    rows,
  };
  fs.writeFileSync(path.isAbsolute(out) ? out : path.join(ROOT, out), `${JSON.stringify(result, null, 2)}\n`);
  for (const row of rows) process.stdout.write(`${JSON.stringify(row)}\n`);
}

main();
