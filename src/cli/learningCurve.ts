// `newsmark eval --learning-curve K`: the simulated annotator of core/learn/simulate.ts over a gold corpus,
// printed as a table per batch (control vs learning) and, with --out, written as a result file.

import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { GoldRecord } from '../core/eval';
import type { SpanLearner } from '../core/learn/learner';
import { type BatchResult, learningCurve } from '../core/learn/simulate';
import { writeFileAtomic } from '../node/files';
import { flag, listOption, type ParsedArgs, stringOption } from './args';
import { goldCorpusContext } from './analysis';
import { type CliEnv, loadLexicons } from './env';

export { readModelOption } from './model';

export interface LearningCurveFile {
  kind: 'learning-curve';
  gold: string;
  batches: number;
  documents: number;
  commit: string;
  machine: { host: string; cores: number };
  model?: string;
  /** The training order's seed (--seed), when not the default 0. */
  seed?: number;
  /** Pages between retrainings inside a batch (--retrain-every), when given. */
  retrainEvery?: number;
  results: BatchResult[];
}

/**
 * The gold path as a result file may name it on any machine: under $NEWSMARK_DATA (where licensed data sets
 * live) by that name, else relative to the working folder; a file outside both by its name alone.
 */
export function portablePath(file: string): string {
  const full = path.resolve(file);
  const data = process.env.NEWSMARK_DATA;
  if (data && !path.relative(path.resolve(data), full).startsWith('..')) return `$NEWSMARK_DATA/${path.relative(path.resolve(data), full).split(path.sep).join('/')}`;
  const relative = path.relative(process.cwd(), full);
  return relative.startsWith('..') || path.isAbsolute(relative) ? `<data>/${path.basename(full)}` : relative.split(path.sep).join('/');
}

function commitOf(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

export async function learningCurveCommand(records: GoldRecord[], batches: number, model: SpanLearner | undefined, seed: number, retrainEvery: number | undefined, args: ParsedArgs, env: CliEnv): Promise<number> {
  if (records.length < batches) {
    env.reporter.error(stringOption(args, 'gold') ?? '', 1, 1, `${records.length} gold records cannot make ${batches} batches`);
    return 1;
  }
  const ctx = goldCorpusContext(records, loadLexicons(env, listOption(args, 'lexicons') ?? []), { relativeDates: flag(args, 'relative-dates') }, true);
  const results = learningCurve(records, ctx, batches, {
    base: model,
    seed,
    ...(retrainEvery !== undefined ? { retrainEvery } : {}),
    progress: (batch, total) => env.reporter.progress('learning curve', batch, total),
  });
  env.reporter.endProgress();
  const file: LearningCurveFile = {
    kind: 'learning-curve',
    gold: portablePath(stringOption(args, 'gold') ?? ''),
    batches,
    documents: records.length,
    commit: commitOf(),
    machine: { host: os.hostname(), cores: os.availableParallelism?.() ?? os.cpus().length },
    results,
  };
  const modelFile = stringOption(args, 'model');
  if (modelFile !== undefined) file.model = modelFile;
  if (seed !== 0) file.seed = seed;
  if (retrainEvery !== undefined) file.retrainEvery = retrainEvery;
  const out = stringOption(args, 'out');
  if (out !== undefined) writeFileAtomic(out, `${JSON.stringify(file, null, 2)}\n`);
  env.io.stdout.write(flag(args, 'json') ? `${JSON.stringify(file, null, 2)}\n` : curveTable(results));
  return env.reporter.errors > 0 ? 1 : 0;
}

/** One row per batch and label: exact and overlap F1 and effort, control beside learning; whether the tagger
 * was used, and its sure lead over the rules on held-out pages (the gate's bound, see core/learn/gate.ts). */
export function curveTable(results: readonly BatchResult[]): string {
  const labels = [...new Set(results.flatMap((r) => [...Object.keys(r.control.spans), ...Object.keys(r.learning.spans)]))].sort();
  const rows: string[][] = [['batch', 'pages before', 'label', 'control exact', 'learning exact', 'control overlap', 'learning overlap', 'control effort', 'learning effort', 'tagger used', 'sure lead']];
  for (const r of results) {
    for (const label of labels) {
      const c = r.control.spans[label];
      const l = r.learning.spans[label];
      rows.push([
        String(r.batch), String(r.trainedOn), label,
        c ? c.exact.f1.toFixed(3) : '-', l ? l.exact.f1.toFixed(3) : '-',
        c ? c.overlap.f1.toFixed(3) : '-', l ? l.overlap.f1.toFixed(3) : '-',
        r.control.effort.ratio.toFixed(3), r.learning.effort.ratio.toFixed(3),
        r.gate[label]?.active ? 'yes' : 'no',
        r.gate[label]?.advantage?.toFixed(3) ?? '-',
      ]);
    }
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return `${rows.map((row) => row.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd()).join('\n')}\n`;
}
