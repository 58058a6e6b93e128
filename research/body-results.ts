// Body line P/R/F1 of the body detector on the sample corpus, the development pages in other scripts
// (eval/dev-scripts, per language too) and the boilerplate development pages, each set one corpus as
// `newsmark eval --gold` makes it, with a development/test split of each set's pages reported apart.
// Writes eval/results/body-scripts.json with the commit and machine it was measured on.
//
//   npx tsx research/body-results.ts --dev DIR [--out FILE]
//   (or NEWSMARK_BOILERPLATE_DEV in the environment instead of --dev: the folder of *.txt + *.gold.json)
//
// The split: eval/dev-scripts pages "<lang>-1" are development, "<lang>-2" test; a boilerplate page is
// test when the last hex digit of its id is 8-f. Both halves were seen while the rules were written, so
// the test half is a check of the split, not a held-out measurement.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { detectLines } from '../src/core/detect/body/index';
import { CorpusModel } from '../src/core/detect/corpus';
import { evaluateBody, microAverage, type Counts, type GoldRecord } from '../src/core/eval/index';
import { loadShippedStopwords } from '../test/unit/body/shippedStopwords';
import { readGoldDir, readGoldJsonl } from './gold-sets';

const ROOT = path.join(__dirname, '..');

function option(name: string, env?: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  if (at > 0 && at + 1 < process.argv.length) return process.argv[at + 1];
  return env === undefined ? undefined : process.env[env];
}

const stopwords = loadShippedStopwords();

/** Counts per page, every page of the set in one corpus. */
function measure(records: readonly GoldRecord[]): Map<string, Counts> {
  const corpus = new CorpusModel();
  for (const record of records) corpus.addDocument(record.id, record.text);
  const counts = new Map<string, Counts>();
  for (const record of records) counts.set(record.id, evaluateBody(record, detectLines(record.text, corpus, stopwords, { documentId: record.id })));
  return counts;
}

function scores(counts: Counts[]): Record<string, number> {
  const s = microAverage(counts);
  const round = (value: number): number => Math.round(value * 1000) / 1000;
  return { pages: counts.length, p: round(s.precision), r: round(s.recall), f1: round(s.f1), tp: s.truePositives, fp: s.falsePositives, fn: s.falseNegatives };
}

function report(records: readonly GoldRecord[], isTest: (id: string) => boolean, groupOf?: (id: string) => string): Record<string, unknown> {
  const counts = measure(records);
  const all = [...counts.entries()];
  const result: Record<string, unknown> = {
    all: scores(all.map(([, c]) => c)),
    dev: scores(all.filter(([id]) => !isTest(id)).map(([, c]) => c)),
    test: scores(all.filter(([id]) => isTest(id)).map(([, c]) => c)),
  };
  if (groupOf) {
    const groups: Record<string, unknown> = {};
    for (const group of [...new Set(all.map(([id]) => groupOf(id)))].sort()) {
      groups[group] = scores(all.filter(([id]) => groupOf(id) === group).map(([, c]) => c));
    }
    result.byLanguage = groups;
  }
  return result;
}

const sets: Record<string, unknown> = {};
sets['eval/baoquocte.gold.jsonl'] = { all: report(readGoldJsonl(path.join(ROOT, 'eval', 'baoquocte.gold.jsonl')), () => false).all };
sets['eval/dev-scripts'] = report(
  readGoldDir(path.join(ROOT, 'eval', 'dev-scripts')),
  (id) => id.endsWith('-2'),
  (id) => id.replace(/-\d+$/, ''),
);
const devDir = option('dev', 'NEWSMARK_BOILERPLATE_DEV');
if (devDir) sets['boilerplate-dev'] = report(readGoldDir(devDir), (id) => /[89a-f]$/.test(id));
else process.stderr.write('no --dev DIR (or NEWSMARK_BOILERPLATE_DEV): the boilerplate development pages are left out\n');

const git = (args: string[]): string => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
const result = {
  what: 'body line P/R/F1 (line level, micro-averaged), each set one corpus; dev/test split as in research/body-results.ts',
  commit: git(['rev-parse', '--short', 'HEAD']),
  dirty: git(['status', '--porcelain', '--untracked-files=no']) !== '',
  machine: os.hostname(),
  cpus: os.cpus().length,
  sets,
};
const out = option('out') ?? path.join(ROOT, 'eval', 'results', 'body-scripts.json');
fs.writeFileSync(`${out}.tmp`, `${JSON.stringify(result, null, 2)}\n`);
fs.renameSync(`${out}.tmp`, out);
process.stdout.write(`${JSON.stringify(sets, null, 1).replace(/\n\s*/g, ' ').slice(0, 2000)}\n`);
