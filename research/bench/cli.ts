// Throughput of `newsmark detect --json` (the bundled CLI, both passes, output to /dev/null) over the
// generated 10,000-page corpus with two worker threads and with one, against the baseline of only reading
// the same files and splitting them into lines.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lineSpans } from '../../src/core/text/lines';
import { walkCorpus } from '../../src/node/files';
import { BENCH_PAGES, ensureBenchCorpus } from './corpus';
import type { BenchRow } from './types';

const ROOT = path.join(__dirname, '..', '..');
const MB = 1024 * 1024;
const TARGET_MB_PER_S = 20;
/** Detection may be at most this many times slower than reading and splitting. */
const MAX_RATIO = 12;

/** Reads and splits every file; returns MB/s (best of two runs, so both see a warm page cache). */
function readAndSplit(files: readonly string[]): { mbPerS: number; megabytes: number } {
  let best = 0;
  let bytes = 0;
  for (let run = 0; run < 2; run++) {
    bytes = 0;
    const started = process.hrtime.bigint();
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      bytes += Buffer.byteLength(text, 'utf8');
      lineSpans(text);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    best = Math.max(best, bytes / MB / seconds);
  }
  return { mbPerS: best, megabytes: bytes / MB };
}

/** Seconds of one `detect --json` run with `jobs` threads, its output discarded. */
function detectSeconds(dir: string, jobs: number): number {
  const devNull = fs.openSync('/dev/null', 'w');
  try {
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'detect', dir, '--json', '--jobs', String(jobs)], {
      stdio: ['ignore', devNull, 'pipe'],
      encoding: 'utf8',
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (run.status !== 0) throw new Error(`detect --jobs ${jobs} failed (${run.status}): ${run.stderr.slice(0, 500)}`);
    return seconds;
  } finally {
    fs.closeSync(devNull);
  }
}

const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

export async function benchCli(): Promise<BenchRow[]> {
  const dir = ensureBenchCorpus();
  const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  const files = walkCorpus([dir], { glob: '*.txt' }).map((f) => f.path);
  const baseline = readAndSplit(files);
  const pages = BENCH_PAGES.toLocaleString('en');
  const rows: BenchRow[] = [];
  let twoJobs = 0;
  for (const jobs of [2, 1]) {
    const mbPerS = baseline.megabytes / detectSeconds(dir, jobs);
    const ratio = baseline.mbPerS / mbPerS;
    if (jobs === 2) twoJobs = mbPerS;
    rows.push({
      name: `CLI detect --json, ${pages} pages (${round(baseline.megabytes, 0)} MB), --jobs ${jobs}`,
      value: round(mbPerS),
      unit: 'MB/s',
      target: jobs === 2 ? `>= ${TARGET_MB_PER_S} MB/s, <= ${MAX_RATIO}x baseline` : undefined,
      ok: jobs === 2 ? mbPerS >= TARGET_MB_PER_S && ratio <= MAX_RATIO : undefined,
      baseline: jobs === 2
        ? `read + split lines ${round(baseline.mbPerS)} MB/s (detect ${round(ratio)}x slower)`
        : `--jobs 2 is ${round(twoJobs / mbPerS, 2)}x faster`,
    });
  }
  return rows;
}

if (require.main === module) benchCli().then((rows) => console.table(rows));
