// `newsmark agree`, `newsmark export --review` and the review line of `newsmark stats`, run as a user would
// (dist/cli.js) on small corpora written here: two annotators' mirrored folders with a known difference.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCli, CLI, removeCli } from '../cliRun';

let tmp: string;

before(() => {
  buildCli();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-agree-'));
});
after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  removeCli();
});

function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Tag = { id: string; label: string; start: number; end: number; value?: string; review?: string };

function sidecar(document: string, text: string, tags: Tag[]): string {
  const lines = ['newsmark: 1', `document: ${document}`, 'status: in-progress', tags.length ? 'annotations:' : 'annotations: []'];
  for (const t of tags) {
    lines.push(`  - id: ${t.id}`, `    label: ${t.label}`, `    start: ${t.start}`, `    end: ${t.end}`, `    text: ${JSON.stringify(text.slice(t.start, t.end))}`);
    if (t.value) lines.push(`    value: ${JSON.stringify(t.value)}`);
    lines.push('    source: manual');
    if (t.review) lines.push('    review:', `      verdict: ${t.review}`, '      by: Lan', '      at: "2026-12-01T10:00:00Z"');
  }
  lines.push('dismissed: []');
  return `${lines.join('\n')}\n`;
}

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

// Page one: tokens aa bb cc dd ee ff. Page two: a second line, so the line and column are not 1:1.
const ONE = 'aa bb cc dd ee ff';
const TWO = 'Intro line.\nMinister Lan met Bo on 3 May.';

function team(name: string): string {
  const root = path.join(tmp, name);
  write(path.join(root, 'news', 'one.txt'), ONE);
  write(path.join(root, 'news', 'two.txt'), TWO);
  write(path.join(root, 'only-alice.txt'), 'x');
  const alice = path.join(root, '.newsmark', 'tags', 'alice');
  const bob = path.join(root, '.newsmark', 'tags', 'bob');
  write(path.join(alice, 'news', 'one.txt.ann.yaml'), sidecar('one.txt', ONE, [{ id: 'a1', label: 'actor', start: 0, end: 5 }, { id: 'a2', label: 'actor', start: 9, end: 11 }]));
  write(path.join(bob, 'news', 'one.txt.ann.yaml'), sidecar('one.txt', ONE, [{ id: 'b1', label: 'actor', start: 3, end: 5 }, { id: 'b2', label: 'actor', start: 9, end: 11 }, { id: 'b3', label: 'actor', start: 15, end: 17 }]));
  // "Lan" 21-24, "Bo" 29-31, "3 May" 35-40
  write(path.join(alice, 'news', 'two.txt.ann.yaml'), sidecar('two.txt', TWO, [{ id: 'a3', label: 'actor', start: 21, end: 24 }, { id: 'a4', label: 'date', start: 35, end: 40, value: '--05-03' }]));
  write(path.join(bob, 'news', 'two.txt.ann.yaml'), sidecar('two.txt', TWO, [{ id: 'b4', label: 'actor', start: 21, end: 24 }, { id: 'b5', label: 'actor', start: 29, end: 31 }, { id: 'b6', label: 'date', start: 35, end: 40, value: '--05-03' }]));
  write(path.join(alice, 'only-alice.txt.ann.yaml'), sidecar('only-alice.txt', 'x', []));
  return root;
}

describe('newsmark agree', () => {
  it('gives the hand-computed span F1 and kappa as JSON, over the pages both folders have', () => {
    const root = team('json');
    const r = cli(root, 'agree', '.newsmark/tags/alice', '.newsmark/tags/bob', '--json');
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(report.annotators, ['alice', 'bob']);
    assert.equal(report.pages, 2);
    assert.deepEqual(report.notCompared.notInEveryFolder, ['only-alice.txt']);
    // actor exact: page one tp 1 fp 2 fn 1, page two tp 1 fp 1 -> tp 2, fp 3, fn 1 -> 4/8
    const actor = report.pairs[0].spans.perLabel.actor;
    assert.deepEqual([actor.exact.truePositives, actor.exact.falsePositives, actor.exact.falseNegatives], [2, 3, 1]);
    assert.equal(actor.exact.f1, 0.5);
    // date: identical, values agree
    assert.equal(report.pairs[0].spans.perLabel.date.exact.f1, 1);
    assert.deepEqual(report.overall.values.date, { compared: 1, agreed: 1, rate: 1 });
    // page one alone: Cohen's kappa 1/3 (tokens A A O A O O vs O A O A O A)
    const one = report.perPage.find((p: { path: string }) => p.path === 'news/one.txt');
    assert.ok(Math.abs(one.kappa.all - 1 / 3) < 1e-9, String(one.kappa.all));
    assert.equal(report.overall.kappa.method, 'cohen');
  });

  it('ends its human output with the disagreements as PATH:LINE:COL', () => {
    const root = team('text');
    const r = cli(root, 'agree', '.newsmark/tags/alice', '.newsmark/tags/bob');
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(r.stdout, /^pages compared: 2 \(left out: 1 not in every folder\)$/m);
    assert.match(r.stdout, /^Cohen's kappa over \d+ tokens: /m);
    assert.deepEqual(lines.slice(-4), [
      'disagreements (3, most frequent first):',
      'news/one.txt:1:1: actor "aa bb" alice vs "bb" bob',
      'news/one.txt:1:16: actor none alice vs "ff" bob',
      'news/two.txt:2:18: actor none alice vs "Bo" bob',
    ]);
  });

  it('also compares copies of the corpus with the sidecars beside their pages, and three annotators with Fleiss\' kappa', () => {
    const root = path.join(tmp, 'copies');
    for (const [name, tags] of [
      ['ann', [{ id: 'a1', label: 'actor', start: 0, end: 5 }, { id: 'a2', label: 'actor', start: 9, end: 11 }]],
      ['bob', [{ id: 'b1', label: 'actor', start: 3, end: 5 }, { id: 'b2', label: 'actor', start: 9, end: 11 }, { id: 'b3', label: 'actor', start: 15, end: 17 }]],
      ['cat', [{ id: 'c1', label: 'actor', start: 0, end: 5 }, { id: 'c2', label: 'actor', start: 9, end: 11 }]],
    ] as const) {
      write(path.join(root, name, 'one.txt'), ONE);
      write(path.join(root, name, 'one.txt.ann.yaml'), sidecar('one.txt', ONE, [...tags]));
    }
    const r = cli(root, 'agree', 'ann', 'bob', 'cat', '--json', '--corpus', 'ann');
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.pages, 1);
    assert.equal(report.overall.kappa.method, 'fleiss');
    // per token n_ij(n_ij - 1) summed: 2, 6, 6, 6, 6, 2 = 28 of 36; actor and outside 9 of 18 each
    assert.ok(Math.abs(report.overall.kappa.all - (28 / 36 - 0.5) / 0.5) < 1e-9, String(report.overall.kappa.all));
    assert.ok(Math.abs(report.overall.spans.all.exact - 0.6) < 1e-9, 'mean of 0.4, 1 and 0.4');
  });

  it('refuses fewer than two folders, and folders that do not exist', () => {
    const root = team('usage');
    assert.equal(cli(root, 'agree', '.newsmark/tags/alice').status, 2);
    const r = cli(root, 'agree', '.newsmark/tags/alice', '.newsmark/tags/nobody');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /nobody" is not a folder/);
  });
});

describe('review in export and stats', () => {
  function reviewed(): string {
    const dir = path.join(tmp, `reviewed-${Math.random().toString(36).slice(2)}`);
    write(path.join(dir, 'two.txt'), TWO);
    write(path.join(dir, 'two.txt.ann.yaml'), sidecar('two.txt', TWO, [
      { id: 'a3', label: 'actor', start: 21, end: 24, review: 'approved' },
      { id: 'b5', label: 'actor', start: 29, end: 31, review: 'rejected' },
      { id: 'a4', label: 'date', start: 35, end: 40 },
    ]));
    write(path.join(dir, 'one.txt'), ONE);
    write(path.join(dir, 'one.txt.ann.yaml'), sidecar('one.txt', ONE, [{ id: 'c1', label: 'actor', start: 0, end: 2, review: 'approved' }]));
    return dir;
  }

  it('export --review approved leaves rejected and unreviewed tags out and says how many', () => {
    const dir = reviewed();
    const out = path.join(dir, '..', `${path.basename(dir)}-out`);
    const r = cli(tmp, 'export', dir, '--format', 'jsonl', '--out', out, '--review', 'approved');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^left out by --review approved: 2 tags \(1 rejected, 1 not reviewed\)$/m);
    const spans = fs.readFileSync(path.join(out, 'corpus.jsonl'), 'utf8').trim().split('\n').flatMap((l) => JSON.parse(l).spans.map((s: { text: string }) => s.text));
    assert.deepEqual(spans.sort(), ['Lan', 'aa']);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    assert.deepEqual(manifest.review, { approved: 2, rejected: 1, unreviewed: 1, leftOut: 2 });
    assert.equal(cli(tmp, 'export', dir, '--format', 'jsonl', '--out', out, '--review', 'maybe').status, 2);
  });

  it('stats prints review progress', () => {
    const dir = reviewed();
    const r = cli(tmp, 'stats', dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^review: 2 approved, 1 rejected, 1 not reviewed \(75% reviewed\); pages reviewed: 1 of 2 with tags$/m);
    const json = JSON.parse(cli(tmp, 'stats', dir, '--json').stdout);
    assert.deepEqual(json.review, { tags: 4, approved: 2, rejected: 1, unreviewed: 1, pagesReviewed: 1, pagesWithTags: 2 });
  });
});
