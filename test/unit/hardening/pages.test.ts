// Pages as the command line reads them: a byte order mark is dropped and says the encoding (as in the
// editor), binary and non-UTF-8 pages are reported once and skipped (D19, D20).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCli, removeCli, cli, files, page, record, scratch } from '../cliRun';

interface Detection {
  path: string;
  suggestions: Array<{ label: string; start: number; end: number; text: string }>;
}

function detections(stdout: string): Map<string, Detection['suggestions']> {
  const byName = new Map<string, Detection['suggestions']>();
  for (const line of stdout.trim().split('\n')) {
    const r = JSON.parse(line) as Detection;
    byName.set(path.basename(r.path), r.suggestions.map(({ label, start, end, text }) => ({ label, start, end, text })));
  }
  return byName;
}

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
}

describe('pages in other encodings and binary files', () => {
  before(buildCli);
  after(removeCli);

  it('reads UTF-8 with a BOM and UTF-16 LE/BE by their BOM, with the offsets of the plain UTF-8 page', () => {
    const w = scratch('d19');
    const text = page('x');
    files(w, {
      'corpus/a-plain.txt': text,
      'corpus/b-bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      'corpus/c-le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'corpus/d-be.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]),
    });
    const r = cli(w, 'detect', 'corpus', '--json');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    const found = detections(r.stdout);
    const plain = found.get('a-plain.txt')!;
    assert.ok(plain.some((s) => s.text === 'Barack Obama'), 'the plain page gets its suggestions');
    for (const name of ['b-bom.txt', 'c-le.txt', 'd-be.txt']) assert.deepEqual(found.get(name), plain, name);
  });

  it('a binary page and a page that is not UTF-8: one line each, the other pages analysed, exit 1', () => {
    const w = scratch('d19b');
    const binary = Buffer.alloc(4096);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) % 256;
    files(w, { 'corpus/a.txt': page('a'), 'corpus/bin.txt': binary, 'corpus/latin1.txt': Buffer.from('Nguy\xean V\xe0n An\n', 'latin1'), 'corpus/z.txt': page('z') });
    const r = cli(w, 'detect', 'corpus', '--json');
    assert.equal(r.status, 1);
    assert.deepEqual(r.stderr.trim().split('\n'), [
      'corpus/bin.txt:1:1: the page is not read: it is not a text file (a NUL byte at byte 0; UTF-16 pages need a byte order mark); it is skipped',
      'corpus/latin1.txt:1:1: the page is not read: it is not valid UTF-8 text (bytes that are not characters, first at byte 4; save it as UTF-8); it is skipped',
    ]);
    assert.deepEqual([...detections(r.stdout).keys()], ['a.txt', 'z.txt']);
    // the same with worker threads, and in stats
    const jobs = cli(w, 'detect', 'corpus', '--json', '--jobs', '2');
    assert.equal(jobs.status, 1);
    assert.equal(jobs.stderr.trim().split('\n').length, 2, jobs.stderr);
    const stats = cli(w, 'stats', 'corpus');
    assert.equal(stats.status, 1);
    assert.match(stats.stderr, /^corpus\/bin\.txt:1:1: the page is not read: it is not a text file .*; it is not counted$/m);
    assert.match(stats.stdout, /^pages not read: 2$/m);
  });

  it('a record with the page text as the editor shows it (no BOM) is imported into a page with a UTF-8 BOM, at the same offsets (D20)', () => {
    const w = scratch('d20');
    const text = page('bom');
    files(w, { 'corpus/bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'in.jsonl': `${record(text, 'bom.txt', [[10, 22, 'actor']])}\n` });
    const r = cli(w, 'import', 'in.jsonl', '--into', 'corpus');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /1 tags added/);
    const sidecar = fs.readFileSync(path.join(w, 'corpus/bom.txt.ann.yaml'), 'utf8');
    assert.match(sidecar, /start: 10\n\s+end: 22\n/);
    assert.match(sidecar, new RegExp(`sha256: ${createHash('sha256').update(text).digest('hex')}`), 'the sha256 of the text without the BOM');
    const out = cli(w, 'export', 'corpus', '--format', 'jsonl', '--out', 'out');
    assert.equal(out.status, 0, out.stderr);
    const exported = JSON.parse(fs.readFileSync(path.join(w, 'out/corpus.jsonl'), 'utf8').trim()) as { text: string; spans?: unknown; label?: unknown };
    assert.equal(exported.text, text);
    assert.match(JSON.stringify(exported), /\[10,22,"actor"\]|"start":10,"end":22/);
  });

  it('a page over the size limit is refused before it is read, in one line; the other pages are analysed (D13)', () => {
    const w = scratch('d13');
    files(w, { 'corpus/a.txt': page('a'), 'corpus/big.txt': '' });
    fs.truncateSync(path.join(w, 'corpus/big.txt'), 60 * 1024 * 1024); // sparse: 60 MB on paper
    const r = cli(w, 'detect', 'corpus', '--json');
    assert.equal(r.status, 1);
    assert.deepEqual(r.stderr.trim().split('\n'), ['corpus/big.txt:1:1: the page is not read: it is 60.0 MB, over the 20.0 MB limit for a page (split it into smaller pages); it is skipped']);
    assert.deepEqual([...detections(r.stdout).keys()], ['a.txt']);
  });

  it('a JSON Lines file saved with a byte order mark is imported, as the editor imports it', () => {
    const w = scratch('d20j');
    const text = page('j');
    files(w, { 'corpus/j.txt': text, 'in.jsonl': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${record(text, 'j.txt', [[10, 22, 'actor']])}\n`)]) });
    const r = cli(w, 'import', 'in.jsonl', '--into', 'corpus');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /1 tags added/);
  });
});
