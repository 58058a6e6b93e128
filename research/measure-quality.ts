// Measures the detectors on every committed development set (and the boilerplate pages beside the checkout)
// with the command users run, `newsmark eval --json`, and writes eval/results/quality.json naming the commit and
// machine. README's quality table is generated from that file (tools/readme-tables.ts).
//   npm run build && npx tsx research/measure-quality.ts [--shared DIR]   (DIR: ../shared by default)
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const at = process.argv.indexOf('--shared');
const SHARED = at >= 0 ? path.resolve(process.argv[at + 1]) : path.resolve(ROOT, '..', 'shared');

interface QualitySet {
  id: string;
  gold: string;
  what: string;
}

const SETS: QualitySet[] = [
  { id: 'sample', gold: 'eval/baoquocte.gold.jsonl', what: 'the sample corpus, 5 pages, tagged by the team' },
  { id: 'boilerplate-dev', gold: '<shared>/eval/boilerplate-dev', what: '60 pages of other sites and languages (body gold only)' },
  { id: 'dev-en-pt', gold: 'eval/dev-en-pt.gold.jsonl', what: '6 English/Portuguese pages of that set, entities annotated blind' },
  { id: 'dev-vi', gold: 'eval/dev-vi.gold.jsonl', what: '8 Vietnamese pages of 6 other site layouts, written and annotated blind' },
  { id: 'dev-scripts', gold: 'eval/dev-scripts', what: '18 pages written in zh, ja, ko, ru, ar, th, hi, cs, de (body gold only)' },
];

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
}

const results = [];
for (const set of SETS) {
  const gold = set.gold.replace('<shared>', SHARED);
  if (!existsSync(path.resolve(ROOT, gold))) {
    process.stderr.write(`${set.id}: ${gold} not found, left out\n`);
    continue;
  }
  const command = ['dist/cli.js', 'eval', '--gold', gold, '--json'];
  const scores = JSON.parse(execFileSync(process.execPath, command, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  results.push({ ...set, command: `node ${command.join(' ').replace(SHARED, '<shared>')}`, ...scores });
  process.stderr.write(`${set.id}: done\n`);
}
const out = {
  kind: 'quality',
  commit: git('rev-parse', '--short', 'HEAD'),
  dirty: git('status', '--porcelain', '--untracked-files=no', '--', 'src') !== '',
  machine: { host: os.hostname(), cores: os.cpus().length },
  measured_at: new Date().toISOString(),
  sets: results,
};
writeFileSync(path.join(ROOT, 'eval/results/quality.json'), `${JSON.stringify(out, null, 2)}\n`);
process.stderr.write('wrote eval/results/quality.json\n');
