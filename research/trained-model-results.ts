// A model trained with `newsmark train` on one VLSP-2018 gold file, scored with `newsmark eval --model` on
// another, beside the rules alone; writes the numbers with the commit and machine to a result file.
//
//   npm run build && npx tsx research/trained-model-results.ts --train DATA/vlsp2018/rest.gold.jsonl \
//     --test DATA/vlsp2018/train-slice.gold.jsonl --out eval/results/vlsp2018-slice-train521.json --note "..."
//
// Development: train on the 521 training articles outside the slice, test on the slice. Held out (measure
// once, at the end): train on all 781 training articles, test on dev.gold.jsonl. The gold and the model
// stay on this machine (their licence forbids redistribution); only the numbers are committed.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..');

function option(name: string): string {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0 || at + 1 >= process.argv.length) {
    console.error('usage: npx tsx research/trained-model-results.ts --train GOLD --test GOLD --out FILE [--note TEXT] [--held-out]');
    process.exit(2);
  }
  return process.argv[at + 1];
}

function cli(args: string[]): string {
  return execFileSync('node', ['dist/cli.js', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function main(): void {
  const train = option('train');
  const test = option('test');
  const out = option('out');
  const note = process.argv.includes('--note') ? option('note') : '';
  const model = path.join(os.tmpdir(), `newsmark-model-${process.pid}.json`);
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', 'src', 'lexicons'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
  const trainOutput = cli(['train', '--gold', train, '--out', model]).trim();
  const trained = JSON.parse(cli(['eval', '--gold', test, '--model', model, '--json'])) as { spans: Record<string, unknown> };
  const rules = JSON.parse(cli(['eval', '--gold', test, '--json'])) as { spans: Record<string, unknown> };
  fs.rmSync(model, { force: true });
  const name = (file: string): string => `<data>/vlsp2018/${path.basename(file)}`;
  const result = {
    kind: 'trained-model',
    heldOut: process.argv.includes('--held-out'),
    note,
    commit,
    dirty,
    machine: { host: os.hostname(), cores: os.availableParallelism?.() ?? os.cpus().length },
    measuredAt: new Date().toISOString(),
    commands: [
      `node dist/cli.js train --gold ${name(train)} --out MODEL`,
      `node dist/cli.js eval --gold ${name(test)} --model MODEL --json`,
      `node dist/cli.js eval --gold ${name(test)} --json`,
    ],
    training: trainOutput,
    trainedModel: { spans: { actor: trained.spans.actor } },
    rulesOnly: { spans: { actor: rules.spans.actor } },
  };
  fs.writeFileSync(path.join(ROOT, out), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`${out}: actor exact F1 ${JSON.stringify((trained.spans.actor as { exact: { f1: number } }).exact.f1)} with the model, ${JSON.stringify((rules.spans.actor as { exact: { f1: number } }).exact.f1)} rules only`);
}

main();
