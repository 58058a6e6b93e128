// Entries the command line cannot use: an unreadable page, sidecar or folder, a folder named like a sidecar,
// a sidecar far over the size limit. Each is one clear line, counted once; the rest of the run goes on and
// the exit status is 1 (D15, D27).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCli, removeCli, cli, cliAsUser, files, page, record, scratch } from '../cliRun';

/** A scratch corpus an unprivileged user may read (and write: export and import need their folders). */
function corpus(name: string, content: Record<string, string>): string {
  const w = scratch(name);
  files(w, content);
  for (const dir of [w, path.join(w, 'corpus')]) fs.chmodSync(dir, 0o777);
  return w;
}

function lines(stderr: string): string[] {
  return stderr.trim().split('\n').filter(Boolean);
}

describe('unreadable entries', () => {
  before(buildCli);
  after(removeCli);

  it('an unreadable page: stats, detect and export say so once each, go on with the others, exit 1 (D27)', () => {
    const w = corpus('d27', { 'corpus/a.txt': page('a'), 'corpus/b.txt': page('b'), 'corpus/c.txt': page('c') });
    fs.chmodSync(path.join(w, 'corpus/b.txt'), 0o000);
    const stats = cliAsUser(w, 'stats', 'corpus');
    assert.equal(stats.status, 1);
    assert.deepEqual(lines(stats.stderr), ['corpus/b.txt:1:1: the page cannot be read (permission denied); it is not counted']);
    assert.match(stats.stdout, /^status: todo 2$/m);
    assert.match(stats.stdout, /^pages not read: 1$/m);
    for (const jobs of ['1', '2']) {
      const detect = cliAsUser(w, 'detect', 'corpus', '--json', '--jobs', jobs);
      assert.equal(detect.status, 1);
      assert.deepEqual(lines(detect.stderr), ['corpus/b.txt:1:1: the page cannot be read (permission denied); it is skipped'], `--jobs ${jobs}`);
      assert.equal(lines(detect.stdout).length, 2);
    }
    const out = path.join(w, 'out');
    const exported = cliAsUser(w, 'export', 'corpus', '--format', 'conll', '--out', out);
    assert.equal(exported.status, 1);
    assert.deepEqual(lines(exported.stderr), ['corpus/b.txt:1:1: the page cannot be read (permission denied); it is skipped']);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { skippedDocuments?: Array<{ path: string; reason: string }> };
    assert.match(JSON.stringify(manifest), /"b\.txt".*permission denied/);
  });

  it('an unreadable folder in the corpus: one line, the pages elsewhere are counted, no stack trace (D27)', () => {
    const w = corpus('d27dir', { 'corpus/a.txt': page('a'), 'corpus/sub/b.txt': page('b') });
    fs.chmodSync(path.join(w, 'corpus/sub'), 0o000);
    try {
      const stats = cliAsUser(w, 'stats', 'corpus');
      assert.equal(stats.status, 1);
      assert.deepEqual(lines(stats.stderr), ['corpus/sub:1:1: the folder cannot be read (permission denied); the pages in it are left out']);
      assert.match(stats.stdout, /^documents: 1 /m);
      const detect = cliAsUser(w, 'detect', 'corpus', '--json');
      assert.equal(detect.status, 1);
      assert.equal(lines(detect.stderr).length, 1, detect.stderr);
      assert.equal(lines(detect.stdout).length, 1);
    } finally {
      fs.chmodSync(path.join(w, 'corpus/sub'), 0o755);
    }
  });

  it('an unreadable sidecar, a folder named like one and a 1 GB sidecar: one line each, not read, the other pages go on (D15)', () => {
    const w = corpus('d15', { 'corpus/a.txt': page('a'), 'corpus/b.txt': page('b'), 'corpus/c.txt': page('c'), 'corpus/d.txt': page('d') });
    files(w, { 'corpus/a.txt.ann.yaml': 'newsmark: 1\ndocument: a.txt\nannotations: []\n' });
    fs.chmodSync(path.join(w, 'corpus/a.txt.ann.yaml'), 0o000);
    fs.mkdirSync(path.join(w, 'corpus/b.txt.ann.yaml'));
    // Sparse: a gigabyte on paper, nothing on the disk. Reading it would take a gigabyte of memory.
    fs.writeFileSync(path.join(w, 'corpus/c.txt.ann.yaml'), '');
    fs.truncateSync(path.join(w, 'corpus/c.txt.ann.yaml'), 1024 ** 3);
    const stats = cliAsUser(w, 'stats', 'corpus');
    assert.equal(stats.status, 1);
    assert.deepEqual(lines(stats.stderr), [
      'corpus/a.txt.ann.yaml:1:1: the sidecar cannot be read (permission denied); it is not used and not overwritten',
      'corpus/b.txt.ann.yaml:1:1: the sidecar is a folder, not a regular file; it is not used and not overwritten',
      'corpus/c.txt.ann.yaml:1:1: the sidecar is 1024.0 MB, over the 20.0 MB limit; it is not used and not overwritten',
    ]);
    assert.match(stats.stdout, /^broken sidecars: 3$/m);
    assert.match(stats.stdout, /^status: todo 1$/m, 'the page without a sidecar is counted');
    const exported = cli(w, 'export', 'corpus', '--format', 'jsonl', '--out', path.join(w, 'out'));
    assert.equal(exported.status, 1);
    assert.equal(lines(exported.stderr).length, process.getuid?.() === 0 ? 2 : 3, exported.stderr); // root may read a mode-000 file
    assert.equal(lines(fs.readFileSync(path.join(w, 'out/corpus.jsonl'), 'utf8')).length, process.getuid?.() === 0 ? 2 : 1);
  });

  it('an unreadable folder among the import files: one line, the other files are imported (D27)', () => {
    const text = page('a');
    const w = corpus('d27imp', { 'corpus/a.txt': text, 'in/ok/a.jsonl': `${record(text, 'a.txt', [[10, 22, 'actor']])}\n`, 'in/locked/b.jsonl': '{}\n' });
    fs.chmodSync(path.join(w, 'corpus/a.txt'), 0o666);
    fs.chmodSync(path.join(w, 'in/locked'), 0o000);
    try {
      const r = cliAsUser(w, 'import', 'in', '--into', 'corpus');
      assert.equal(r.status, 1);
      assert.deepEqual(lines(r.stderr), ['in/locked:1:1: the folder cannot be read (permission denied); nothing in it is imported']);
      assert.match(r.stdout, /1 tags added/);
    } finally {
      fs.chmodSync(path.join(w, 'in/locked'), 0o755);
    }
  });
});
