// `newsmark train`, `eval --model`, `eval --learning-curve` and `detect --model`, run as a user would on
// synthetic gold pages.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCli, CLI, removeCli } from '../cliRun';
import { namesAndCommonWords, syntheticPage } from '../learn/pages';

let tmp: string;

before(() => {
  buildCli();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-learn-'));
  const gold = (from: number, to: number): string =>
    Array.from({ length: to - from }, (_, i) => JSON.stringify({ id: `page-${from + i}.txt`, ...syntheticPage(from + i) })).join('\n') + '\n';
  fs.writeFileSync(path.join(tmp, 'train.jsonl'), gold(0, 24));
  fs.writeFileSync(path.join(tmp, 'test.jsonl'), gold(100, 110));
});

after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  removeCli();
});

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: tmp, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function actorExact(stdout: string): number {
  return (JSON.parse(stdout) as { spans: Record<string, { exact: { f1: number } }> }).spans.actor.exact.f1;
}

describe('newsmark train and --model', () => {
  it('trains a model that detect and eval then use, better than the rules on what they miss', () => {
    const trained = cli('train', '--gold', 'train.jsonl', '--out', 'model.json');
    assert.equal(trained.status, 0, trained.stderr);
    assert.match(trained.stdout, /trained on 24 pages \(24 done\), 72 tags/);
    assert.match(trained.stdout, /actor: held-out exact F1 .* ahead by at least 0\.\d{3} in 9 of 10 redraws of those pages: the model replaces the rules/);
    const rules = cli('eval', '--gold', 'test.jsonl', '--json');
    const learned = cli('eval', '--gold', 'test.jsonl', '--json', '--model', 'model.json');
    assert.equal(learned.status, 0, learned.stderr);
    assert.ok(actorExact(learned.stdout) > actorExact(rules.stdout), `${actorExact(learned.stdout)} vs ${actorExact(rules.stdout)}`);
    fs.mkdirSync(path.join(tmp, 'corpus'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'corpus', 'new.txt'), syntheticPage(300).text);
    const detected = cli('detect', 'corpus', '--json', '--jobs', '1', '--model', 'model.json');
    assert.equal(detected.status, 0, detected.stderr);
    const texts = JSON.parse(detected.stdout).suggestions.filter((s: { label: string }) => s.label === 'actor').map((s: { text: string }) => s.text);
    const page = syntheticPage(300);
    assert.deepEqual(texts, page.spans.map((s) => page.text.slice(s.start, s.end)));
  });

  it('learns from a corpus how it writes its words, the same with worker threads, in one thread and in export --include pending', () => {
    // names and common words only the corpus's other pages tell apart (the worker threads need its word profile)
    const { training, unseen, usage } = namesAndCommonWords();
    const dir = path.join(tmp, 'profiled');
    fs.mkdirSync(dir, { recursive: true });
    training.forEach((page, i) => {
      fs.writeFileSync(path.join(dir, `t${i}.txt`), page.text);
      const tags = page.spans.flatMap((span, k) => [`  - id: a${k}`, '    label: actor', `    start: ${span.start}`, `    end: ${span.end}`, `    text: ${page.text.slice(span.start, span.end)}`, '    source: manual']);
      fs.writeFileSync(path.join(dir, `t${i}.txt.ann.yaml`), [`newsmark: 1`, `document: t${i}.txt`, 'status: done', 'annotations:', ...tags, ''].join('\n'));
    });
    unseen.forEach((page, i) => fs.writeFileSync(path.join(dir, `u${i}.txt`), page.text));
    for (let i = 0; i < usage.length; i += 3) fs.writeFileSync(path.join(dir, `w${i}.txt`), usage[i]);
    const found = (stdout: string): string[][] => stdout.trim().split('\n').map((line) => JSON.parse(line))
      .filter((r: { path: string }) => /\/u\d\.txt$/.test(r.path))
      .map((r: { suggestions: { label: string; text: string }[] }) => r.suggestions.filter((s) => s.label === 'actor').map((s) => s.text));
    const one = cli('detect', 'profiled', '--json', '--jobs', '1');
    assert.equal(one.status, 0, one.stderr);
    assert.deepEqual(found(one.stdout), unseen.map((page) => page.spans.map((s) => page.text.slice(s.start, s.end))));
    const two = cli('detect', 'profiled', '--json', '--jobs', '2');
    assert.equal(two.status, 0, two.stderr);
    assert.equal(two.stdout, one.stdout);
    // export --include pending exports the same learned suggestions as predictions
    const exported = cli('export', 'profiled', '--format', 'jsonl', '--include', 'pending', '--out', 'profiled-export');
    assert.equal(exported.status, 0, exported.stderr);
    const records = fs.readFileSync(path.join(tmp, 'profiled-export', 'corpus.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    const predicted = records.filter((r: { meta: { document: string } }) => /^u\d\.txt$/.test(r.meta.document))
      .map((r: { predictions: { label: string; text: string }[] }) => r.predictions.filter((s) => s.label === 'actor').map((s) => s.text));
    assert.deepEqual(predicted, found(one.stdout));
  });

  it('refuses a model file of another version with a clear message', () => {
    const model = JSON.parse(fs.readFileSync(path.join(tmp, 'model.json'), 'utf8'));
    fs.writeFileSync(path.join(tmp, 'old.json'), JSON.stringify({ ...model, version: 0 }));
    const r = cli('eval', '--gold', 'test.jsonl', '--model', 'old.json');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /old\.json:1:1: .*model file version 0.*train the model again with `newsmark train`/);
    const d = cli('detect', 'corpus', '--model', 'old.json');
    assert.equal(d.status, 1);
    assert.match(d.stderr, /model file version 0/);
  });

  it('export says --model needs --include pending instead of reading a model it would not use', () => {
    const r = cli('export', 'corpus', '--format', 'jsonl', '--model', 'model.json', '--out', 'unused-export');
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /--model only applies with --include pending/);
    assert.equal(fs.existsSync(path.join(tmp, 'unused-export')), false);
  });

  it('simulates an annotator batch by batch, the learning arm never below the control', () => {
    const r = cli('eval', '--gold', 'train.jsonl', '--learning-curve', '3', '--out', 'curve.json');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /control exact\s+learning exact/);
    // the last batch's row says the tagger was used, with its sure lead over the rules
    assert.match(r.stdout.trimEnd().split('\n').at(-1)!, /\byes\s+0\.\d{3}$/);
    const file = JSON.parse(fs.readFileSync(path.join(tmp, 'curve.json'), 'utf8'));
    assert.equal(file.results.length, 3);
    assert.deepEqual(file.results.map((b: { trainedOn: number }) => b.trainedOn), [0, 8, 16]);
    assert.ok(typeof file.commit === 'string' && file.machine.cores >= 1);
    for (const batch of file.results) {
      assert.ok(batch.learning.spans.actor.exact.f1 >= batch.control.spans.actor.exact.f1);
      assert.ok(batch.learning.effort.ratio <= batch.control.effort.ratio);
    }
    // the first batch is a cold start: the same as the control; later ones learn the code names
    assert.deepEqual(file.results[0].learning, file.results[0].control);
    assert.ok(file.results[2].learning.spans.actor.exact.f1 > file.results[2].control.spans.actor.exact.f1);
    assert.equal(cli('eval', '--gold', 'train.jsonl', '--learning-curve', '1').status, 2);
  });

  it('runs the simulation with another training order when given a seed, and says so in the result file', () => {
    const run = (...extra: string[]): { status: number | null; file: { seed?: number; results: unknown[] } } => {
      const r = cli('eval', '--gold', 'train.jsonl', '--learning-curve', '3', '--out', 'seeded.json', ...extra);
      return { status: r.status, file: JSON.parse(fs.readFileSync(path.join(tmp, 'seeded.json'), 'utf8')) };
    };
    const plain = run();
    assert.equal(plain.status, 0);
    assert.equal(plain.file.seed, undefined, 'the default order is not named');
    assert.deepEqual(run('--seed', '0').file.results, plain.file.results);
    const seeded = run('--seed', '5');
    assert.equal(seeded.status, 0);
    assert.equal(seeded.file.seed, 5);
    assert.deepEqual(run('--seed', '5').file.results, seeded.file.results, 'one seed, one result');
    for (const bad of ['-1', 'x', '1.5']) assert.equal(cli('eval', '--gold', 'train.jsonl', '--learning-curve', '3', '--seed', bad).status, 2, bad);
    const alone = cli('eval', '--gold', 'train.jsonl', '--seed', '2');
    assert.equal(alone.status, 2);
    assert.match(alone.stderr, /--seed .*--learning-curve/);
  });

  it('also learns inside each batch with --retrain-every, as the editor retrains after each page, and says so', () => {
    const run = (...extra: string[]): { status: number | null; file: { retrainEvery?: number; results: { learning: { spans: { actor: { exact: { f1: number } } } } }[] } } => {
      const r = cli('eval', '--gold', 'train.jsonl', '--learning-curve', '3', '--out', 'retrained.json', ...extra);
      return { status: r.status, file: JSON.parse(fs.readFileSync(path.join(tmp, 'retrained.json'), 'utf8')) };
    };
    const between = run();
    assert.equal(between.file.retrainEvery, undefined);
    const inside = run('--retrain-every', '2');
    assert.equal(inside.status, 0);
    assert.equal(inside.file.retrainEvery, 2);
    // learned between batches, the tagger first takes over in the third; retrained inside them, in the second
    const exact = (file: typeof inside.file, batch: number): number => file.results[batch].learning.spans.actor.exact.f1;
    assert.ok(exact(inside.file, 1) > exact(between.file, 1), `${exact(inside.file, 1)} vs ${exact(between.file, 1)}`);
    assert.deepEqual(inside.file.results[0].learning, between.file.results[0].learning, 'too few tags in the first batch for the tagger to take over');
    for (const bad of ['0', 'x', '1.5']) assert.equal(cli('eval', '--gold', 'train.jsonl', '--learning-curve', '3', '--retrain-every', bad).status, 2, bad);
    const alone = cli('eval', '--gold', 'train.jsonl', '--retrain-every', '2');
    assert.equal(alone.status, 2);
    assert.match(alone.stderr, /--retrain-every .*--learning-curve/);
  });
});
