// The generated bench corpus (.bench/corpus-10000, made once by research/bench/generate.ts and reused), and the
// cost of pass 1 of `newsmark detect`: the time to build the corpus statistics (CorpusModel, plus reading
// sidecars) and the peak memory (maxRSS of a child process that does only that) for 1,000 and 10,000 pages.
//
//   node --import tsx research/bench/corpus.ts --measure DIR   (the child: prints {seconds, maxRssMb, ...})

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateCorpus, PAGES_PER_FOLDER } from './generate';
import { buildCorpus } from '../../src/cli/analysis';
import { Reporter } from '../../src/cli/report';
import { plainWorkspace } from '../../src/cli/workspace';
import { walkCorpus } from '../../src/node/files';
import type { BenchRow } from './types';

const ROOT = path.join(__dirname, '..', '..');
export const BENCH_DIR = path.join(ROOT, '.bench');
export const BENCH_PAGES = 10_000;
const SEED = 1;
const MARKER = '.complete';
const MB = 1024 * 1024;

/** The folder of the generated corpus, generated first if missing or made with other settings. */
export function ensureBenchCorpus(pages = BENCH_PAGES): string {
  const dir = path.join(BENCH_DIR, `corpus-${pages}`);
  const marker = path.join(dir, MARKER);
  const wanted = JSON.stringify({ pages, seed: SEED });
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === wanted) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  process.stderr.write(`generating ${pages} pages in ${path.relative(ROOT, dir)} (once)...\n`);
  generateCorpus(dir, pages, { seed: SEED });
  fs.writeFileSync(marker, wanted);
  return dir;
}

export interface CorpusMeasure {
  documents: number;
  megabytes: number;
  seconds: number;
  maxRssMb: number;
  /** RSS before the corpus was read: the runtime's own share of maxRssMb. */
  startRssMb: number;
}

/** Runs in the child: builds the statistics of `dir` and reports time and peak memory. */
function measure(dir: string): CorpusMeasure {
  const startRssMb = process.memoryUsage().rss / MB;
  const silent = { write: () => true };
  const reporter = new Reporter({ stdout: silent, stderr: silent });
  const started = process.hrtime.bigint();
  const files = walkCorpus([dir], { glob: '*.txt' });
  const { corpus, bytes } = buildCorpus(files, plainWorkspace(dir), reporter, true);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (corpus.documentCount !== files.length) throw new Error(`read ${corpus.documentCount} of ${files.length} documents`);
  return { documents: files.length, megabytes: bytes / MB, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, startRssMb };
}

function measureInChild(dir: string): CorpusMeasure {
  const child = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--measure', dir], { cwd: ROOT, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`corpus measurement failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as CorpusMeasure;
}

const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

export async function benchCorpusStats(): Promise<BenchRow[]> {
  const dir = ensureBenchCorpus();
  const rows: BenchRow[] = [];
  // The first folder holds the first 1,000 pages.
  for (const [label, target, limitSeconds] of [[`${PAGES_PER_FOLDER}`, path.join(dir, '0000'), Infinity], [`${BENCH_PAGES}`, dir, 10]] as const) {
    const m = measureInChild(target);
    const pages = Number(label).toLocaleString('en');
    rows.push({
      name: `detect pass 1: corpus statistics, ${pages} pages (${round(m.megabytes, 0)} MB)`,
      value: round(m.seconds),
      unit: 's',
      target: Number.isFinite(limitSeconds) ? `< ${limitSeconds} s` : undefined,
      ok: Number.isFinite(limitSeconds) ? m.seconds < limitSeconds : undefined,
      baseline: `${round(m.megabytes / m.seconds, 1)} MB/s`,
    });
    rows.push({
      name: `detect pass 1: peak RSS, ${pages} pages`,
      value: round(m.maxRssMb, 0),
      unit: 'MB',
      target: Number.isFinite(limitSeconds) ? '< 1536 MB' : undefined,
      ok: Number.isFinite(limitSeconds) ? m.maxRssMb < 1536 : undefined,
      baseline: `${round(m.startRssMb, 0)} MB at start (runtime + tsx)`,
    });
  }
  return rows;
}

if (require.main === module) {
  const at = process.argv.indexOf('--measure');
  if (at > 0) process.stdout.write(`${JSON.stringify(measure(process.argv[at + 1]))}\n`);
  else benchCorpusStats().then((rows) => console.table(rows));
}
