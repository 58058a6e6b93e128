// The bundled command-line tool (dist/cli.js), run as a user would on temporary copies of the sample pages
// and small fixture corpora.

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCli, CLI, removeCli } from '../cliRun';

const ROOT = path.join(__dirname, '..', '..', '..');
const SAMPLES = path.join(ROOT, 'samples');
const SAMPLE = '003_6f51ad4c3a314f5b.txt';

let tmp: string;

before(() => {
  buildCli();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-cli-'));
});

after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  removeCli();
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: tmp, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh copy of samples/ (plus extra files) under tmp. */
function corpus(name: string, extra: Record<string, string> = {}): string {
  const dir = path.join(tmp, name);
  fs.cpSync(SAMPLES, dir, { recursive: true });
  for (const [rel, text] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

interface DetectRecord {
  path: string;
  lines: { line: number; label: string; score: number; reasons: string[] }[];
  suggestions: { start: number; end: number; label: string; text: string; value?: string | string[]; score: number; reasons: string[]; line: number }[];
}

function jsonLines<T>(text: string): T[] {
  return text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as T);
}

/** A minimal canonical sidecar. */
function sidecar(document: string, tags: { id: string; label: string; start: number; end: number; text: string }[], status = 'in-progress'): string {
  const lines = ['newsmark: 1', `document: ${document}`, `status: ${status}`, tags.length ? 'annotations:' : 'annotations: []'];
  for (const t of tags) {
    lines.push(`  - id: ${t.id}`, `    label: ${t.label}`, `    start: ${t.start}`, `    end: ${t.end}`, `    text: ${JSON.stringify(t.text)}`, '    source: manual');
  }
  lines.push('dismissed: []');
  return `${lines.join('\n')}\n`;
}

const EMOJI_PAGE = '😀😀 Trang tin 😀\n\nHà Nội 😀 ngày 12/3/2021: Thủ tướng Phạm Minh Chính gặp đại diện Reuters tại Hà Nội 😀 và nói về hợp tác.\n';

describe('newsmark detect', () => {
  it('does not suggest again an accepted name that pages marked done leave untagged, with one thread or several', () => {
    const name = 'Sông Ngọc Lam';
    const tagged = `Tin làng\n\nHôm qua đoàn ${name} biểu diễn ở nhà văn hóa xã.\n`;
    const plain = (k: number): string => `Ghi chép ${k}\n\nNước ${name} mùa này trong xanh, thuyền về bến lúc chiều.\n`;
    const pages = (status: string): Record<string, string> => ({
      'river/tagged.txt': tagged,
      'river/tagged.txt.ann.yaml': sidecar('tagged.txt', [{ id: 't1', label: 'actor', start: tagged.indexOf(name), end: tagged.indexOf(name) + name.length, text: name }], 'done'),
      ...Object.fromEntries([1, 2, 3].flatMap((k) => [[`river/plain-${k}.txt`, plain(k)], [`river/plain-${k}.txt.ann.yaml`, sidecar(`plain-${k}.txt`, [], status)]])),
      'river/shown.txt': `Hội diễn\n\nTối nay đoàn ${name} lại biểu diễn cho bà con trong huyện.\n`,
    });
    const propagated = (dir: string, jobs: string): string[] => {
      const r = cli('detect', path.join(dir, 'river'), '--json', '--jobs', jobs);
      assert.equal(r.status, 0, r.stderr);
      const shown = jsonLines<DetectRecord>(r.stdout).find((record) => record.path.endsWith('shown.txt'))!;
      return shown.suggestions.filter((x) => x.reasons.some((reason) => reason.startsWith('accepted'))).map((x) => x.text);
    };
    const notDone = corpus('untagged-not-done', pages('in-progress'));
    assert.deepEqual(propagated(notDone, '1'), [name]);
    const done = corpus('untagged-done', pages('done'));
    assert.deepEqual(propagated(done, '1'), []);
    assert.deepEqual(propagated(done, '2'), []);
  });

  it('prints one JSON record per document with every non-empty line and UTF-16 offsets', () => {
    const dir = corpus('detect-json', { 'extra/emoji.txt': EMOJI_PAGE });
    const r = cli('detect', dir, '--json', '--jobs', '1');
    assert.equal(r.status, 0, r.stderr);
    const records = jsonLines<DetectRecord>(r.stdout);
    assert.equal(records.length, 6);
    assert.deepEqual(records.map((rec) => rec.path), [...records.map((rec) => rec.path)].sort());
    for (const record of records) {
      const text = fs.readFileSync(record.path, 'utf8');
      const nonEmpty = text.split('\n').map((l, i) => [l, i] as const).filter(([l]) => l.trim() !== '').map(([, i]) => i);
      assert.deepEqual(record.lines.map((l) => l.line), nonEmpty, record.path);
      for (const line of record.lines) {
        assert.ok(line.label === 'body' || line.label === 'boilerplate');
        assert.ok(line.score >= 0 && line.score <= 1);
        assert.ok(Array.isArray(line.reasons));
      }
      for (const s of record.suggestions) assert.equal(text.slice(s.start, s.end), s.text, `${record.path} ${JSON.stringify(s)}`);
    }
    const emoji = records.find((rec) => rec.path.endsWith('emoji.txt'));
    assert.ok(emoji);
    const date = emoji.suggestions.find((s) => s.label === 'date');
    assert.ok(date, 'the date after the emoji is suggested');
    // UTF-16: each emoji before it counts 2 (4 emoji before "12/3/2021").
    assert.equal(date.start, EMOJI_PAGE.indexOf('12/3/2021'));
    assert.equal(date.line, 2);
  });

  it('splits the documents into disjoint shards that cover the corpus, with corpus-wide statistics', () => {
    const dir = corpus('detect-shard');
    const whole = jsonLines<DetectRecord>(cli('detect', dir, '--json', '--jobs', '1').stdout);
    const shards = [1, 2, 3].map((i) => jsonLines<DetectRecord>(cli('detect', dir, '--json', '--jobs', '1', '--shard', `${i}/3`).stdout));
    const paths = shards.flat().map((rec) => rec.path);
    assert.equal(new Set(paths).size, paths.length, 'disjoint');
    assert.deepEqual([...paths].sort(), whole.map((rec) => rec.path));
    assert.deepEqual(shards[0].map((rec) => rec.path), [whole[0].path, whole[3].path]);
    // Same analysis as in the whole run: repeats are counted over every document, not just the shard's.
    assert.deepEqual(shards[1][0], whole[1]);
  });

  it('gives the same output with two worker threads as with one', () => {
    const dir = corpus('detect-jobs', { 'extra/emoji.txt': EMOJI_PAGE });
    const one = cli('detect', dir, '--json', '--jobs', '1');
    const two = cli('detect', dir, '--json', '--jobs', '2');
    assert.equal(two.status, 0, two.stderr);
    assert.ok(one.stdout.length > 1000);
    assert.equal(two.stdout, one.stdout);
    assert.equal(cli('detect', dir, '--jobs', '2').stdout, cli('detect', dir, '--jobs', '1').stdout);
  });

  it('refuses bad arguments with exit status 2', () => {
    assert.equal(cli('detect').status, 2);
    assert.equal(cli('detect', '.', '--shard', '4/3').status, 2);
    assert.equal(cli('detect', '.', '--glob', '../*.txt').status, 2);
    assert.equal(cli('detect', '.', '--no-such-option').status, 2);
    assert.equal(cli('frobnicate').status, 2);
    const help = cli('detect', '--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--shard I\/N/);
  });
});

describe('newsmark export', () => {
  it('exports re-anchored tags and documents without sidecars', () => {
    const text = fs.readFileSync(path.join(SAMPLES, SAMPLE), 'utf8');
    const peskov = text.indexOf('Dmitri Peskov');
    const lavrov = text.indexOf('Sergei Lavrov');
    const dir = corpus('export-ok', {
      [`${SAMPLE}.ann.yaml`]: sidecar(SAMPLE, [
        { id: 'a1', label: 'actor', start: peskov, end: peskov + 13, text: 'Dmitri Peskov' },
        // stale offsets: the text is found again (it occurs once)
        { id: 'a2', label: 'actor', start: lavrov + 7, end: lavrov + 20, text: 'Sergei Lavrov' },
      ]),
    });
    const out = path.join(tmp, 'export-ok-out');
    const r = cli('export', dir, '--format', 'jsonl', '--out', out, '--offsets', 'utf16');
    assert.equal(r.status, 0, r.stderr);
    const records = jsonLines<{ text: string; spans: { start: number; end: number; label: string; text: string }[]; meta: { document: string } }>(
      fs.readFileSync(path.join(out, 'corpus.jsonl'), 'utf8'));
    assert.equal(records.length, 5);
    const tagged = records.find((rec) => rec.meta.document === SAMPLE);
    assert.ok(tagged);
    assert.deepEqual(tagged.spans.map(({ start, end, label, text: t }) => ({ start, end, label, text: t })), [
      { start: peskov, end: peskov + 13, label: 'actor', text: 'Dmitri Peskov' },
      { start: lavrov, end: lavrov + 13, label: 'actor', text: 'Sergei Lavrov' },
    ]);
    for (const rec of records.filter((x) => x.meta.document !== SAMPLE)) assert.deepEqual(rec.spans, []);
    assert.ok(fs.existsSync(path.join(out, 'manifest.json')));
  });

  it('reports a broken sidecar as PATH:LINE:COL, skips its document, exports the rest and fails', () => {
    const dir = corpus('export-broken', { [`${SAMPLE}.ann.yaml`]: 'newsmark: 1\ndocument: x.txt\nannotations: [\n  - id: {\n' });
    const out = path.join(tmp, 'export-broken-out');
    const r = cli('export', dir, '--format', 'jsonl', '--out', out);
    assert.equal(r.status, 1);
    const sidecarPath = path.join(dir, `${SAMPLE}.ann.yaml`);
    assert.match(r.stderr, new RegExp(`^${escape(sidecarPath)}:\\d+:\\d+: `, 'm'));
    const records = jsonLines<{ meta: { document: string } }>(fs.readFileSync(path.join(out, 'corpus.jsonl'), 'utf8'));
    assert.deepEqual(records.map((rec) => rec.meta.document).sort(), fs.readdirSync(SAMPLES).filter((f) => f !== SAMPLE).sort());
  });

  it('refuses a sidecar whose document lies outside its folder', () => {
    const dir = corpus('export-escape', { [`${SAMPLE}.ann.yaml`]: sidecar('../outside.txt', []) });
    fs.writeFileSync(path.join(tmp, 'outside.txt'), 'secret\n');
    const out = path.join(tmp, 'export-escape-out');
    const r = cli('export', dir, '--format', 'jsonl', '--out', out);
    assert.equal(r.status, 1);
    assert.match(r.stderr, new RegExp(`^${escape(path.join(dir, `${SAMPLE}.ann.yaml`))}:2:1: .*not name a file inside`, 'm'));
    const exported = fs.readFileSync(path.join(out, 'corpus.jsonl'), 'utf8');
    assert.equal(jsonLines(exported).length, 4);
    assert.doesNotMatch(exported, /secret/);
  });
});

describe('files outside the corpus folder', () => {
  it('are not followed through symbolic links', () => {
    const outside = path.join(tmp, 'outside-dir');
    fs.mkdirSync(outside, { recursive: true });
    fs.writeFileSync(path.join(outside, 'leak.txt'), 'secret line\n');
    const dir = corpus('escape-link');
    fs.symlinkSync(path.join(outside, 'leak.txt'), path.join(dir, 'leak.txt'));
    const r = cli('detect', dir, '--json', '--jobs', '1');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`^${escape(path.join(dir, 'leak.txt'))}:1:1: warning: skipped: the link leads outside`, 'm'));
    assert.equal(jsonLines(r.stdout).length, 5);
  });
});

describe('newsmark import', () => {
  it('writes imported tags into sidecars once; a second import adds nothing', () => {
    const text = fs.readFileSync(path.join(SAMPLES, SAMPLE), 'utf8');
    const peskov = text.indexOf('Dmitri Peskov');
    const source = corpus('import-src', {
      [`${SAMPLE}.ann.yaml`]: sidecar(SAMPLE, [{ id: 'a1', label: 'actor', start: peskov, end: peskov + 13, text: 'Dmitri Peskov' }]),
    });
    const brat = path.join(tmp, 'import-brat');
    assert.equal(cli('export', source, '--format', 'brat', '--out', brat).status, 0);
    const target = corpus('import-target');
    const first = cli('import', brat, '--into', target, '--by', 'tester');
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /1 tags added/);
    const sidecarFile = path.join(target, `${SAMPLE}.ann.yaml`);
    const written = fs.readFileSync(sidecarFile, 'utf8');
    assert.match(written, /source: imported/);
    assert.match(written, /by: tester/);
    assert.match(written, new RegExp(`start: ${peskov}\\b`));
    assert.deepEqual(fs.readdirSync(target).filter((f) => f.endsWith('.ann.yaml')), [`${SAMPLE}.ann.yaml`]);

    const second = cli('import', brat, '--into', target, '--by', 'tester');
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /0 tags added, 1 already there/);
    assert.equal(fs.readFileSync(sidecarFile, 'utf8'), written);
    assert.deepEqual(fs.readdirSync(target).filter((f) => f.endsWith('.tmp')), []);
  });

  it('never overwrites a sidecar it cannot read', () => {
    const text = fs.readFileSync(path.join(SAMPLES, SAMPLE), 'utf8');
    const record = { text, spans: [{ start: 0, end: 4, label: 'actor', text: text.slice(0, 4) }], meta: { document: SAMPLE } };
    const jsonl = path.join(tmp, 'import-broken.jsonl');
    fs.writeFileSync(jsonl, `${JSON.stringify(record)}\n`);
    const broken = 'newsmark: 1\n# hand notes\nannotations: [oops\n';
    const target = corpus('import-broken', { [`${SAMPLE}.ann.yaml`]: broken });
    const r = cli('import', jsonl, '--into', target);
    assert.equal(r.status, 1);
    assert.match(r.stderr, new RegExp(`^${escape(path.join(target, `${SAMPLE}.ann.yaml`))}:\\d+:\\d+: `, 'm'));
    assert.equal(fs.readFileSync(path.join(target, `${SAMPLE}.ann.yaml`), 'utf8'), broken);
  });
});

describe('newsmark stats', () => {
  it('counts documents, tags, actors, orphans and broken sidecars', () => {
    const text = fs.readFileSync(path.join(SAMPLES, SAMPLE), 'utf8');
    const peskov = text.indexOf('Peskov');
    const dir = corpus('stats', {
      [`${SAMPLE}.ann.yaml`]: sidecar(SAMPLE, [
        { id: 'a1', label: 'actor', start: peskov, end: peskov + 6, text: 'Peskov' },
        { id: 'a2', label: 'actor', start: text.indexOf('Peskov', peskov + 1), end: text.indexOf('Peskov', peskov + 1) + 6, text: 'Peskov' },
        { id: 'gone', label: 'date', start: 0, end: 9, text: 'nowhere!!' },
      ], 'done'),
      '000_a01ac1149689500e.txt.ann.yaml': 'newsmark: [\n',
    });
    const r = cli('stats', dir, '--json');
    assert.equal(r.status, 1);
    const stats = JSON.parse(r.stdout);
    assert.equal(stats.documents, 5);
    assert.deepEqual(stats.status, { done: 1, todo: 3 });
    assert.deepEqual(stats.tags.byLabel, { actor: 2, date: 1 });
    assert.deepEqual(stats.topActors, [{ name: 'Peskov', count: 2 }]);
    assert.deepEqual(stats.orphaned.map((o: { id: string }) => o.id), ['gone']);
    assert.deepEqual(stats.brokenSidecars, [path.join(dir, '000_a01ac1149689500e.txt.ann.yaml')]);
    assert.match(r.stderr, /000_a01ac1149689500e\.txt\.ann\.yaml:\d+:\d+: /);
  });
});

describe('newsmark stats: suggestion quality', () => {
  it('counts accepted, dismissed and corrected suggestions per source and rule, as the Suggestion quality view does', () => {
    const page = 'Chiều nay ông Lê Văn Tám và bà Hoa gặp nhau.\n';
    const at = (s: string) => page.indexOf(s);
    const sidecarText = [
      'newsmark: 1', 'document: q.txt', 'status: done', 'annotations:',
      '  - id: a1', '    label: actor', `    start: ${at('Lê Văn Tám')}`, `    end: ${at('Lê Văn Tám') + 10}`, '    text: Lê Văn Tám', '    source: accepted',
      '    suggested:', '      source: rules', '      rule: honorific', '      score: 0.9',
      '  - id: a2', '    label: date', `    start: ${at('Chiều nay')}`, `    end: ${at('Chiều nay') + 9}`, '    text: Chiều nay', '    source: accepted',
      '    suggested:', '      source: rules', '      rule: capitalised', '      score: 0.5', '      label: actor',
      'dismissed:',
      '  - label: actor', `    start: ${at('Hoa')}`, `    end: ${at('Hoa') + 3}`, '    text: Hoa', '    at: 2026-12-01T10:00:00Z',
      '    suggested:', '      source: propagation', '      rule: accepted', '      score: 0.8',
    ].join('\n');
    const dir = path.join(tmp, 'stats-quality');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'q.txt'), page);
    fs.writeFileSync(path.join(dir, 'q.txt.ann.yaml'), `${sidecarText}\n`);
    const r = cli('stats', dir, '--json');
    assert.equal(r.status, 0, r.stderr);
    const quality = JSON.parse(r.stdout).suggestions;
    assert.deepEqual(quality.total, { accepted: 1, dismissed: 1, corrected: 1, precision: 1 / 3 });
    const rules = quality.sources.find((s: { source: string }) => s.source === 'rules');
    assert.deepEqual(rules.rules.map((x: { rule: string; tally: { accepted: number; corrected: number } }) => [x.rule, x.tally.accepted, x.tally.corrected]), [['capitalised', 0, 1], ['honorific', 1, 0]]);
    const text = cli('stats', dir);
    assert.match(text.stdout, /suggestions decided: 1 accepted, 1 dismissed, 1 corrected \(precision 0\.33\)/);
    assert.match(text.stdout, /  propagation: 0 accepted, 1 dismissed/);
  });
});

describe('newsmark eval', () => {
  // Line 0 "Tin nhanh", 1 "", 2 "Ông An gặp bà Bình hôm 3/4.", 3 "Liên hệ".
  const TEXT = 'Tin nhanh\n\nÔng An gặp bà Bình hôm 3/4.\nLiên hệ\n';
  const at = (s: string): number => TEXT.indexOf(s);

  it('scores saved predictions with hand-computed numbers', () => {
    const gold = path.join(tmp, 'gold.jsonl');
    fs.writeFileSync(gold, `${JSON.stringify({
      id: 'doc.txt',
      text: TEXT,
      body_lines: [2, 3],
      spans: [
        { start: at('An'), end: at('An') + 2, label: 'actor' },
        { start: at('Bình'), end: at('Bình') + 4, label: 'actor' },
        { start: at('3/4'), end: at('3/4') + 3, label: 'date' },
      ],
    })}\n`);
    const predictions = path.join(tmp, 'predictions.jsonl');
    fs.writeFileSync(predictions, `${JSON.stringify({
      path: 'corpus/doc.txt',
      lines: [{ line: 0, label: 'body' }, { line: 2, label: 'body' }, { line: 3, label: 'boilerplate' }],
      suggestions: [
        { start: at('Ông An'), end: at('An') + 2, label: 'actor' }, // overlaps "An" only
        { start: at('Bình'), end: at('Bình') + 4, label: 'actor' }, // exact
        { start: at('hôm 3/4'), end: at('3/4') + 3, label: 'date' }, // overlap
        { start: at('Tin'), end: at('Tin') + 3, label: 'actor' }, // not on a body line: out of scope
      ],
    })}\n`);
    const r = cli('eval', '--gold', gold, '--predictions', predictions, '--json');
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.documents, 1);
    // body: predicted {0, 2}, gold {2, 3}: tp 1, fp 1, fn 1
    assert.deepEqual(pick(report.body), { tp: 1, fp: 1, fn: 1, p: 0.5, r: 0.5, f1: 0.5 });
    assert.deepEqual(pick(report.spans.actor.exact), { tp: 1, fp: 1, fn: 1, p: 0.5, r: 0.5, f1: 0.5 });
    assert.deepEqual(pick(report.spans.actor.overlap), { tp: 2, fp: 0, fn: 0, p: 1, r: 1, f1: 1 });
    assert.deepEqual(pick(report.spans.date.exact), { tp: 0, fp: 1, fn: 1, p: 0, r: 0, f1: 0 });
    assert.deepEqual(pick(report.spans.date.overlap), { tp: 1, fp: 0, fn: 0, p: 1, r: 1, f1: 1 });

    const table = cli('eval', '--gold', gold, '--predictions', predictions);
    assert.match(table.stdout, /^body lines\s+line\s+0\.500\s+0\.500\s+0\.500\s+1\s+1\s+1$/m);
  });

  it('runs the detectors over a gold folder of annotated documents', () => {
    const text = fs.readFileSync(path.join(SAMPLES, SAMPLE), 'utf8');
    const peskov = text.indexOf('Dmitri Peskov');
    const dir = corpus('eval-dir', {
      [`${SAMPLE}.ann.yaml`]: sidecar(SAMPLE, [{ id: 'a1', label: 'actor', start: peskov, end: peskov + 13, text: 'Dmitri Peskov' }]),
    });
    const r = cli('eval', '--gold', dir, '--json');
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.documents, 1);
    assert.equal(report.body, null);
    assert.equal(report.spans.actor.exact.truePositives + report.spans.actor.exact.falseNegatives, 1);
  });
});

function pick(s: { truePositives: number; falsePositives: number; falseNegatives: number; precision: number; recall: number; f1: number }) {
  return { tp: s.truePositives, fp: s.falsePositives, fn: s.falseNegatives, p: s.precision, r: s.recall, f1: s.f1 };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
