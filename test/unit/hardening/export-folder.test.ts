// `newsmark export` and its output folder: never among the pages, never through a link, replaced whole or
// not at all, with every skipped document in the manifest (issue #16: D02, D03, D07, D08, D17, D25).
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCli, removeCli, CLI, cli, files, isRoot, page, scratch } from '../cliRun';

before(buildCli);
after(removeCli);

function manifestOf(out: string): { documents: { exported: number; skipped: number }; files: string[]; skipped: { items: { document: string; reason: string }[] }; invalidEntries: { items: { document: string; line: number; reason: string }[] } } {
  return JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
}

describe('export output folder', () => {
  it('refuses --out equal to or inside the corpus and leaves every page as it was (D02)', () => {
    const w = scratch('d02');
    // A UTF-16 page: the brat export would write it back decoded, so any rewrite shows.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('President Barack Obama.\n', 'utf16le')]);
    files(w, { 'corpus/u16.txt': utf16, 'corpus/a.txt': page('a') });
    for (const out of ['corpus', 'corpus/export', path.join(w, 'corpus', '.', 'sub', '..', 'export2')]) {
      const r = cli(w, 'export', 'corpus', '--format', 'brat', '--out', out);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /is inside the corpus folder/);
      assert.deepEqual(fs.readFileSync(path.join(w, 'corpus/u16.txt')), utf16);
      assert.deepEqual(fs.readdirSync(path.join(w, 'corpus')).sort(), ['a.txt', 'u16.txt'], `${out}: nothing created in the corpus`);
    }
  });

  it('never writes through a link inside --out, and says which one (D03)', () => {
    const w = scratch('d03');
    files(w, { 'corpus/sub/x.txt': page('x'), 'victim.txt': 'victim content\n' });
    fs.mkdirSync(path.join(w, 'out'));
    fs.mkdirSync(path.join(w, 'victimdir'));
    fs.symlinkSync(path.join(w, 'victim.txt'), path.join(w, 'out/manifest.json'));
    fs.symlinkSync(path.join(w, 'victimdir'), path.join(w, 'out/sub'));
    const r = cli(w, 'export', 'corpus', '--format', 'brat', '--out', 'out');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /out\/(sub|manifest\.json) is a link/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(fs.readFileSync(path.join(w, 'victim.txt'), 'utf8'), 'victim content\n');
    assert.deepEqual(fs.readdirSync(path.join(w, 'victimdir')), []);
    assert.deepEqual(fs.readdirSync(path.join(w, 'out')).sort(), ['manifest.json', 'sub'], 'no staging folder left behind');
  });

  it('a killed export leaves the earlier export whole, or no manifest at all (D07)', async () => {
    const w = scratch('d07');
    const corpus: Record<string, string> = {};
    for (let i = 0; i < 4000; i++) corpus[`corpus/f${i}.txt`] = page(i);
    files(w, corpus);
    const started = Date.now();
    assert.equal(cli(w, 'export', 'corpus', '--format', 'jsonl', '--out', 'out').status, 0);
    // How long one export runs here: the kills below land at random moments within the next one.
    const took = Date.now() - started;
    const more: Record<string, string> = {};
    for (let i = 4000; i < 8000; i++) more[`corpus/f${i}.txt`] = page(i);
    files(w, more);
    const lines = (): number => fs.readFileSync(path.join(w, 'out/corpus.jsonl'), 'utf8').split('\n').filter((l) => l !== '').length;
    for (let round = 0; round < 6; round++) {
      const child = spawn(process.execPath, [CLI, 'export', 'corpus', '--format', 'jsonl', '--out', 'out'], { cwd: w, stdio: 'ignore' });
      const exited = new Promise((r) => child.once('exit', r));
      await new Promise((r) => setTimeout(r, took * (0.3 + round * 0.25)));
      child.kill('SIGKILL');
      await exited;
      const documents = lines();
      if (fs.existsSync(path.join(w, 'out/manifest.json'))) {
        assert.equal(manifestOf(path.join(w, 'out')).documents.exported, documents, `round ${round}: the manifest describes the data beside it`);
      }
      assert.ok(documents === 4000 || documents === 8000, `round ${round}: corpus.jsonl is one whole export (${documents} documents)`);
    }
    // The next export cleans up what the killed ones left.
    assert.equal(cli(w, 'export', 'corpus', '--format', 'jsonl', '--out', 'out').status, 0);
    assert.deepEqual(fs.readdirSync(path.join(w, 'out')).sort(), ['corpus.jsonl', 'manifest.json']);
    assert.equal(manifestOf(path.join(w, 'out')).documents.exported, 8000);
  });

  it('lists every skipped document with its reason, and the sidecar entries it could not read (D08)', () => {
    const w = scratch('d08');
    files(w, {
      'corpus/a.txt': page('a'),
      'corpus/b.txt': page('b'),
      'corpus/b.txt.ann.yaml': 'newsmark: 1\ndocument: b.txt\nannotations: [\n',
      'corpus/c.txt': page('c'),
      'corpus/c.txt.ann.yaml': 'newsmark: 1\ndocument: c.txt\nannotations:\n  - {id: t1, label: actor, start: 10, end: 22, text: Barack Obama, source: manual}\n  - {id: t2, label: actor, start: nine, end: 22, text: x, source: manual}\n',
    });
    const r = cli(w, 'export', 'corpus', '--format', 'jsonl', '--out', 'out');
    assert.equal(r.status, 1);
    const manifest = manifestOf(path.join(w, 'out'));
    assert.deepEqual(manifest.documents, { exported: 2, skipped: 1 });
    assert.equal(manifest.skipped.items.length, 1);
    assert.equal(manifest.skipped.items[0].document, 'b.txt');
    assert.match(manifest.skipped.items[0].reason, /sidecar cannot be used \(line \d+: /);
    assert.equal(manifest.invalidEntries.items.length, 1);
    assert.deepEqual({ ...manifest.invalidEntries.items[0], reason: '' }, { document: 'c.txt', line: 5, reason: '' });
    assert.match(manifest.invalidEntries.items[0].reason, /start/);
  });

  it('--out naming a file or a folder it may not write: one clear line, no stack trace, nothing changed (D17)', () => {
    const w = scratch('d17');
    fs.chmodSync(w, 0o755);
    files(w, { 'corpus/a.txt': page('a'), file: 'precious\n' });
    const r = cli(w, 'export', 'corpus', '--format', 'jsonl', '--out', 'file');
    assert.equal(r.status, 2);
    assert.equal(r.stderr.split('\n')[0], 'newsmark export: --out "file" is a file, not a folder');
    assert.equal(fs.readFileSync(path.join(w, 'file'), 'utf8'), 'precious\n');

    fs.mkdirSync(path.join(w, 'ro'));
    fs.chmodSync(path.join(w, 'ro'), 0o555);
    fs.chmodSync(path.join(w, 'corpus'), 0o755);
    fs.chmodSync(path.join(w, 'corpus/a.txt'), 0o644);
    // Root ignores file modes: the read-only case runs as an unprivileged user then.
    const asUser = isRoot ? { uid: 65534, gid: 65534 } : {};
    const ro = spawnSyncAs(w, asUser, 'export', 'corpus', '--format', 'jsonl', '--out', 'ro');
    assert.equal(ro.status, 1);
    assert.deepEqual(ro.stderr.trim().split('\n'), ['ro:1:1: cannot write into ro: permission denied; nothing was exported']);
    assert.deepEqual(fs.readdirSync(path.join(w, 'ro')), []);
  });

  it('removes the files of the earlier export that the new one does not write, and nothing else (D25)', () => {
    const w = scratch('d25');
    files(w, { 'corpus/a.txt': page('a'), 'corpus/old/b.txt': page('b') });
    assert.equal(cli(w, 'export', 'corpus', '--format', 'brat', '--out', 'out').status, 0);
    files(w, { 'out/notes.md': 'my notes\n' });
    fs.rmSync(path.join(w, 'corpus/old'), { recursive: true });
    const r = cli(w, 'export', 'corpus', '--format', 'brat', '--out', 'out');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /removed 2 files of the earlier export/);
    assert.deepEqual(fs.readdirSync(path.join(w, 'out')).sort(), ['a.ann', 'a.txt', 'manifest.json', 'notes.md']);
    assert.deepEqual(manifestOf(path.join(w, 'out')).files, ['a.txt', 'a.ann', 'manifest.json']);
  });
});

function spawnSyncAs(cwd: string, as: { uid?: number; gid?: number }, ...args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', ...as });
  return { status: r.status, stderr: r.stderr };
}
