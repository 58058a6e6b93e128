// External suggesters and `eval --pred` through the bundled command-line tool, run as a user would, with the
// example suggester of examples/ (Python 3, standard library) and one that misbehaves on purpose.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCli, CLI, removeCli } from '../cliRun';

const ROOT = path.join(__dirname, '..', '..', '..');
const EXAMPLE = path.join(ROOT, 'examples', 'suggester', 'capitalised_names.py');
const MISBEHAVING = path.join(ROOT, 'test', 'fixtures', 'suggesters', 'misbehaving.py');

// Invented pages; the first has emoji (two UTF-16 units, one code point each) before the names.
const PAGES: Record<string, string> = {
  'world/emoji.txt': '📰📰 Morning brief 🌅\n\nOn 12/3/2021 🚀 the envoy Maria Helena Costa met Jonas Lindqvist in Geneva.\n',
  'world/plain.txt': 'Evening brief\n\nThe minister Ana Sofia Reyes spoke on 2020-11-05 about the harbour.\n',
  'local/tin.txt': 'Tin vắn\n\nSáng nay ông Trần Quốc Bảo đến thăm trường ở Cần Thơ.\n',
};

let tmp: string;
let corpus: string;

before(() => {
  buildCli();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-suggesters-'));
  corpus = path.join(tmp, 'corpus');
  for (const [rel, text] of Object.entries(PAGES)) {
    fs.mkdirSync(path.dirname(path.join(corpus, rel)), { recursive: true });
    fs.writeFileSync(path.join(corpus, rel), text);
  }
});

after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  removeCli();
});

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: tmp, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface DetectRecord {
  path: string;
  suggestions: Array<{ start: number; end: number; label: string; text: string; source?: string; suggester?: string; score: number; reasons: string[] }>;
  suggesters?: Array<{ name: string; answered: boolean; body_lines?: number[] }>;
}

const records = (stdout: string): DetectRecord[] => stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as DetectRecord);
const fromSuggester = (record: DetectRecord, name: string) => record.suggestions.filter((s) => s.suggester === name);
const byName = (rs: DetectRecord[], rel: string) => rs.find((r) => r.path.endsWith(rel))!;

describe('newsmark detect --suggester', () => {
  for (const jobs of ['1', '2']) {
    it(`places a Python model's code-point spans on the right text after emoji and names the suggester (--jobs ${jobs})`, () => {
      const r = cli('detect', corpus, '--json', '--jobs', jobs, '--suggester', `python3 ${EXAMPLE}`);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
      const rs = records(r.stdout);
      assert.equal(rs.length, 3);
      const emoji = byName(rs, 'emoji.txt');
      const text = PAGES['world/emoji.txt'];
      const mine = fromSuggester(emoji, 'capitalised_names');
      assert.deepEqual(mine.map((s) => [s.label, s.text]), [['date', '12/3/2021'], ['actor', 'Maria Helena Costa'], ['actor', 'Jonas Lindqvist']]);
      for (const s of mine) {
        assert.equal(text.slice(s.start, s.end), s.text, 'UTF-16 offsets in the output, like every other suggestion');
        assert.equal(s.source, 'suggester:capitalised_names');
        assert.ok(s.reasons.includes('suggested by capitalised_names'));
      }
      assert.equal(mine[1].start, text.indexOf('Maria Helena Costa'));
      assert.deepEqual(emoji.suggesters, [{ name: 'capitalised_names', answered: true }]);
      // the detectors' own suggestions are still there, without a suggester
      assert.ok(emoji.suggestions.some((s) => s.suggester === undefined));
      assert.deepEqual(fromSuggester(byName(rs, 'tin.txt'), 'capitalised_names').map((s) => s.text), ['Trần Quốc Bảo', 'Cần Thơ']);
    });
  }

  it('with a suggester that exits after its first answer, every page is still reported and stderr names it once', () => {
    const r = cli('detect', corpus, '--json', '--jobs', '1', '--suggester', `python3 ${MISBEHAVING} exit-after-first`);
    const rs = records(r.stdout);
    assert.equal(rs.length, 3);
    for (const record of rs) assert.ok(record.suggestions.some((s) => s.suggester === undefined), `${record.path} has the detectors' suggestions`);
    // restarted after each exit: it answers every page in the end
    assert.deepEqual(rs.map((record) => record.suggesters?.[0].answered), [true, true, true]);
    const mentions = r.stderr.split('\n').filter((line) => line.includes('suggester "misbehaving"'));
    assert.equal(mentions.length, 1, r.stderr);
    assert.match(mentions[0], /: suggester "misbehaving" exited with code 0 after answering 1 page; trying again in 250 ms$/);
    assert.equal(r.status, 1);
  });

  it('a crashing suggester costs only its own suggestions; it is reported with its last words and stopped', () => {
    const r = cli('detect', corpus, '--json', '--suggester', `python3 ${MISBEHAVING} crash`, '--suggester', `python3 ${EXAMPLE}`);
    assert.equal(r.status, 1);
    const rs = records(r.stdout);
    assert.equal(rs.length, 3);
    for (const record of rs) {
      assert.deepEqual(record.suggesters?.map((s) => [s.name, s.answered]), [['misbehaving', false], ['capitalised_names', true]]);
      assert.ok(fromSuggester(record, 'capitalised_names').length > 0);
    }
    assert.match(r.stderr, /suggester "misbehaving" exited with code 3; its last words on stderr: .*RuntimeError: the model file is missing; trying again/);
    assert.match(r.stderr, /suggester "misbehaving" stopped after 5 failures in a row/);
    assert.match(r.stderr, /warning: suggester "misbehaving" answered 0 of 3 pages/);
    assert.doesNotMatch(r.stderr, /capitalised_names/);
  });

  it('garbage on stdout, an answer for another page, or no answer in time fail the page and restart the program', () => {
    const garbage = cli('detect', corpus, '--json', '--suggester', `python3 ${MISBEHAVING} garbage`);
    assert.equal(records(garbage.stdout).length, 3);
    assert.match(garbage.stderr, /suggester "misbehaving" printed a line that is not JSON: <html>not json<\/html> \(only answers may go to stdout/);

    const wrongId = cli('detect', corpus, '--json', '--suggester', `python3 ${MISBEHAVING} wrong-id`);
    assert.equal(records(wrongId.stdout).length, 3);
    assert.match(wrongId.stderr, /suggester "misbehaving" answered for "some\/other\/page.txt" when asked about "local\/tin.txt"/);

    const slow = cli('detect', corpus, '--json', '--suggester', JSON.stringify({ name: 'sleepy', command: `python3 ${MISBEHAVING} slow-after-first`, timeout: 300 }));
    const rs = records(slow.stdout);
    assert.equal(rs.length, 3);
    assert.match(slow.stderr, /local\/tin.txt|world\/emoji.txt|world\/plain.txt/);
    assert.match(slow.stderr, /suggester "sleepy" gave no answer within 0.3 s; trying again/);
    // the first page after each start is answered
    assert.ok(rs.filter((record) => record.suggesters?.[0].answered).length >= 2, slow.stdout);
  });

  it('spans that do not fit the text are dropped and reported once, with the total at the end', () => {
    const r = cli('detect', corpus, '--json', '--suggester', `python3 ${MISBEHAVING} bad-spans`);
    const rs = records(r.stdout);
    assert.deepEqual(rs.map((record) => fromSuggester(record, 'misbehaving').length), [1, 1, 1]);
    const dropped = r.stderr.split('\n').filter((line) => line.includes('dropped a span'));
    assert.equal(dropped.length, 1, r.stderr);
    assert.match(dropped[0], /did not fit the text: offsets must satisfy 0 <= start < end <= \d+ \(code points\)/);
    assert.match(r.stderr, /warning: suggester "misbehaving" answered 3 of 3 pages; 3 spans dropped/);
  });

  it('a program that cannot be started, or a bad --suggester value, is said plainly', () => {
    const missing = cli('detect', corpus, '--json', '--suggester', 'no-such-program-anywhere --x');
    assert.equal(records(missing.stdout).length, 3);
    assert.match(missing.stderr, /suggester "no-such-program-anywhere" cannot start "no-such-program-anywhere": no such program/);
    const usage = cli('detect', corpus, '--suggester', 'python3 "unclosed');
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /--suggester "python3 \\"unclosed": unclosed double quote/);
  });
});

describe('newsmark detect --suggester-url', () => {
  it('asks an HTTP endpoint (the example in --http mode) and reports one that cannot be reached', async () => {
    const server = spawn('python3', [EXAMPLE, '--http', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let seen = '';
        server.stderr.on('data', (chunk: Buffer) => {
          seen += chunk.toString();
          const match = /listening on (\S+)/.exec(seen);
          if (match) resolve(match[1]);
        });
        server.on('exit', (code) => reject(new Error(`the example server ended (${code}): ${seen}`)));
      });
      const r = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [CLI, 'detect', corpus, '--json', '--suggester-url', url], { cwd: tmp });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.on('exit', (status) => resolve({ status, stdout, stderr }));
      });
      assert.equal(r.status, 0, r.stderr);
      const emoji = byName(records(r.stdout), 'emoji.txt');
      const name = new URL(url).host;
      assert.deepEqual(fromSuggester(emoji, name).map((s) => s.text), ['12/3/2021', 'Maria Helena Costa', 'Jonas Lindqvist']);
      for (const s of fromSuggester(emoji, name)) assert.equal(PAGES['world/emoji.txt'].slice(s.start, s.end), s.text);
    } finally {
      server.kill();
    }
    const down = cli('detect', corpus, '--json', '--suggester-url', JSON.stringify({ name: 'gpu', url: 'http://127.0.0.1:9/suggest' }));
    assert.equal(records(down.stdout).length, 3);
    assert.match(down.stderr, /suggester "gpu" cannot be reached at http:\/\/127.0.0.1:9\/suggest/);
  });
});

describe('newsmark eval --pred', () => {
  const gold = () => {
    const file = path.join(tmp, 'gold.jsonl');
    const lines = Object.entries(PAGES).map(([id, text]) => {
      const at = (needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });
      const names = id === 'world/emoji.txt' ? ['Maria Helena Costa', 'Jonas Lindqvist'] : id === 'world/plain.txt' ? ['Ana Sofia Reyes'] : ['Trần Quốc Bảo'];
      return JSON.stringify({ id, text, body_lines: [2], spans: names.map((n) => ({ ...at(n), label: 'actor' })) });
    });
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    return { file, records: lines.map((line) => JSON.parse(line) as { id: string; text: string; body_lines: number[]; spans: Array<{ start: number; end: number; label: string }> }) };
  };
  const writePred = (name: string, rows: unknown[]) => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, rows.map((row) => JSON.stringify(row)).join('\n'));
    return file;
  };
  interface Report { documents: number; body: { f1: number } | null; spans: Record<string, { exact: { f1: number; truePositives: number; falseNegatives: number }; overlap: { f1: number } }> }

  it('perfect predictions score F1 1, empty ones 0, with the same table and JSON as eval', () => {
    const g = gold();
    const perfect = writePred('perfect.jsonl', g.records.map((r) => ({ id: r.id, spans: r.spans, body_lines: r.body_lines })));
    const empty = writePred('empty.jsonl', g.records.map((r) => ({ id: r.id, spans: [], body_lines: [] })));
    const good = cli('eval', '--gold', g.file, '--pred', perfect, '--json');
    assert.equal(good.status, 0, good.stderr);
    const report = JSON.parse(good.stdout) as Report;
    assert.equal(report.documents, 3);
    assert.equal(report.body?.f1, 1);
    assert.equal(report.spans.actor.exact.f1, 1);
    assert.equal(report.spans.actor.overlap.f1, 1);
    const bad = JSON.parse(cli('eval', '--gold', g.file, '--pred', empty, '--json').stdout) as Report;
    assert.equal(bad.body?.f1, 0);
    assert.equal(bad.spans.actor.exact.f1, 0);
    assert.equal(bad.spans.actor.exact.falseNegatives, 4);
    const table = cli('eval', '--gold', g.file, '--pred', perfect).stdout;
    assert.match(table, /^3 documents\n.*\nbody lines +line +1\.000 +1\.000 +1\.000/);
    assert.match(table, /actor +exact +1\.000 +1\.000 +1\.000 +4 +0 +0/);
  });

  it('code-point predictions with --offsets codepoint; a missing page counts as nothing predicted; no body lines, no body score', () => {
    const g = gold();
    const cpSpans = g.records.map((r) => ({
      id: r.id,
      spans: r.spans.map((s) => ({ start: [...r.text.slice(0, s.start)].length, end: [...r.text.slice(0, s.end)].length, label: s.label })),
    }));
    const file = writePred('cp.jsonl', cpSpans);
    const asCodePoints = JSON.parse(cli('eval', '--gold', g.file, '--pred', file, '--offsets', 'codepoint', '--json').stdout) as Report;
    assert.equal(asCodePoints.spans.actor.exact.f1, 1);
    assert.equal(asCodePoints.body, null);
    const asUtf16 = JSON.parse(cli('eval', '--gold', g.file, '--pred', file, '--json').stdout) as Report;
    assert.ok(asUtf16.spans.actor.exact.f1 < 1, 'read as UTF-16 the emoji page is off');

    const partial = writePred('partial.jsonl', [...cpSpans.slice(1), { id: 'not/in/gold.txt', spans: [] }, 'garbage']);
    const r = cli('eval', '--gold', g.file, '--pred', partial, '--offsets', 'codepoint', '--json');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /no prediction for "world\/emoji.txt": scored as predicting nothing/);
    assert.match(r.stderr, /partial.jsonl:3:1: warning: "not\/in\/gold.txt" is not in the gold: not scored/);
    assert.match(r.stderr, /partial.jsonl:4:1: not a prediction record/);
    const report = JSON.parse(r.stdout) as Report;
    assert.equal(report.documents, 3);
    assert.equal(report.spans.actor.exact.truePositives, 2);
    assert.equal(report.spans.actor.exact.falseNegatives, 2);
  });
});
