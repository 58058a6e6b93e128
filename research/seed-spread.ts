// How much a learning curve owes to the order training takes the annotated lines in: result files of
// `newsmark eval --learning-curve K --seed N` for one gold set and several seeds, summed up per batch as the
// learning arm's exact and overlap F1 per label and effort, for each seed, with their mean, minimum and
// maximum (the control learns nothing, so its figures are the same for every seed and given once).
//
//   npx tsx research/seed-spread.ts --out eval/results/NAME.json FILE...
//
// Every FILE must name the same gold set, batch count and commit; the first seed listed is the one the
// editor uses (0), whose file is the committed curve when that was measured at the same commit.
import * as fs from 'node:fs';
import * as os from 'node:os';

interface Scores {
  f1: number;
}
interface Arm {
  spans: Record<string, { exact: Scores; overlap: Scores }>;
  effort: { ratio: number };
}
interface CurveFile {
  kind: string;
  gold: string;
  batches: number;
  documents: number;
  commit: string;
  seed?: number;
  retrainEvery?: number;
  results: { batch: number; control: Arm; learning: Arm }[];
}

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
if (outAt < 0 || outAt + 1 >= args.length) {
  process.stderr.write('usage: npx tsx research/seed-spread.ts --out FILE CURVE.json...\n');
  process.exit(2);
}
const out = args[outAt + 1];
const inputs = args.filter((_, i) => i !== outAt && i !== outAt + 1);
const curves = inputs.map((file) => JSON.parse(fs.readFileSync(file, 'utf8')) as CurveFile);
if (curves.length < 2) {
  process.stderr.write('give two or more result files (one per seed)\n');
  process.exit(2);
}
const first = curves[0];
for (const [i, curve] of curves.entries()) {
  if (curve.kind !== 'learning-curve') throw new Error(`${inputs[i]}: not a learning-curve result file`);
  if (curve.gold !== first.gold || curve.batches !== first.batches || curve.commit !== first.commit || curve.retrainEvery !== first.retrainEvery) {
    throw new Error(`${inputs[i]}: gold, batches, commit or --retrain-every differ from ${inputs[0]}`);
  }
}
const seeds = curves.map((c) => c.seed ?? 0);
if (new Set(seeds).size !== seeds.length) throw new Error(`a seed is given twice: ${seeds.join(', ')}`);

const round = (value: number): number => Math.round(value * 1000) / 1000;
function spread(values: number[]): { bySeed: number[]; mean: number; min: number; max: number } {
  return { bySeed: values.map(round), mean: round(values.reduce((a, b) => a + b, 0) / values.length), min: round(Math.min(...values)), max: round(Math.max(...values)) };
}

const batches = first.results.map((batch, b) => {
  const labels = Object.keys(batch.learning.spans).sort();
  const learning: Record<string, unknown> = {};
  for (const label of labels) {
    learning[label] = {
      exact: spread(curves.map((c) => c.results[b].learning.spans[label]?.exact.f1 ?? 0)),
      overlap: spread(curves.map((c) => c.results[b].learning.spans[label]?.overlap.f1 ?? 0)),
    };
  }
  const control: Record<string, unknown> = {};
  for (const label of Object.keys(batch.control.spans).sort()) {
    control[label] = { exact: round(batch.control.spans[label].exact.f1), overlap: round(batch.control.spans[label].overlap.f1) };
  }
  return {
    batch: batch.batch,
    control: { spans: control, effort: round(batch.control.effort.ratio) },
    learning: { spans: learning, effort: spread(curves.map((c) => c.results[b].learning.effort.ratio)) },
  };
});

const result = {
  what: 'learning curve per training order (seed): the learning arm per batch for each seed, with mean, min and max; the control once',
  gold: first.gold,
  documents: first.documents,
  batches: first.batches,
  commit: first.commit,
  machine: { host: os.hostname(), cores: os.availableParallelism?.() ?? os.cpus().length },
  seeds,
  ...(first.retrainEvery !== undefined ? { retrainEvery: first.retrainEvery } : {}),
  commands: [
    ...seeds.map((seed) => `node dist/cli.js eval --learning-curve ${first.batches}${first.retrainEvery !== undefined ? ` --retrain-every ${first.retrainEvery}` : ''} --gold ${first.gold} --seed ${seed} --out FILE`),
    'npx tsx research/seed-spread.ts --out OUT FILE...',
  ],
  results: batches,
};
fs.writeFileSync(`${out}.tmp`, `${JSON.stringify(result, null, 2)}\n`);
fs.renameSync(`${out}.tmp`, out);
for (const batch of batches) {
  const actor = batch.learning.spans.actor as { exact: { bySeed: number[]; mean: number } } | undefined;
  process.stdout.write(
    `b${batch.batch} control ${JSON.stringify(batch.control.spans.actor ?? {})} ${batch.control.effort}  learning actor exact ${actor ? `${actor.exact.bySeed.join(' ')} (mean ${actor.exact.mean})` : '-'} effort ${batch.learning.effort.bySeed.join(' ')} (mean ${batch.learning.effort.mean})\n`,
  );
}
