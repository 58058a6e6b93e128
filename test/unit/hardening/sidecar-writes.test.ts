// What `newsmark import` (and every save, through the same code) does to the sidecars it writes: nothing
// lost to a concurrent writer, nothing it did not change rewritten, modes and owners kept, read-only files and
// links left alone, leftovers of killed writes cleaned (issue #16: D01, D04, D05, D06, D09, D10, D11, D14, D26).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { buildCli, removeCli, cli, cliAsync, files, isRoot, page, record, scratch } from '../cliRun';

before(buildCli);
after(removeCli);

function tagsIn(sidecar: string): Array<{ id: string; label: string; start: number; end: number }> {
  return (parse(fs.readFileSync(sidecar, 'utf8')) as { annotations: Array<{ id: string; label: string; start: number; end: number }> }).annotations;
}

function addedCount(stdout: string): number {
  return Number(/^(\d+) tags added/m.exec(stdout)?.[1]);
}

describe('sidecar writes', () => {
  it('three imports at once into the same sidecars lose no tag, and each reports what is on disk (D01)', async () => {
    const w = scratch('d01');
    const docs = 12;
    const corpus: Record<string, string> = {};
    for (let d = 0; d < docs; d++) corpus[`corpus/d${d}.txt`] = Array.from({ length: 60 }, (_, i) => `word${i} of page ${d}`).join('\n') + '\n';
    files(w, corpus);
    // Every run tags its own words, one record per tag: many read-merge-write rounds on each sidecar.
    const runs = ['A', 'B', 'C'];
    runs.forEach((label, r) => {
      const lines: string[] = [];
      for (let d = 0; d < docs; d++) {
        const text = corpus[`corpus/d${d}.txt`];
        let at = 0;
        for (let i = 0; i < 60; i++) {
          const start = text.indexOf(`word${i} `, at);
          at = start + 1;
          if (i % 3 === r) lines.push(record(text, `d${d}.txt`, [[start, start + `word${i}`.length, label]]));
        }
      }
      fs.writeFileSync(path.join(w, `${label}.jsonl`), lines.join('\n') + '\n');
    });
    const results = await Promise.all(runs.map((label) => cliAsync(w, 'import', `${label}.jsonl`, '--into', 'corpus')));
    const onDisk = new Map(runs.map((label) => [label, 0]));
    for (let d = 0; d < docs; d++) {
      for (const tag of tagsIn(path.join(w, `corpus/d${d}.txt.ann.yaml`))) onDisk.set(tag.label, (onDisk.get(tag.label) ?? 0) + 1);
    }
    runs.forEach((label, r) => {
      assert.equal(results[r].status, 0, results[r].stderr);
      assert.equal(addedCount(results[r].stdout), docs * 20, `${label} reports every tag added`);
      assert.equal(onDisk.get(label), docs * 20, `${label}: every reported tag is in the sidecars`);
    });
    assert.deepEqual(fs.readdirSync(path.join(w, 'corpus')).filter((n) => n.startsWith('.')), [], 'no lock or temporary file left');
  });

  it('a stale lock left by a killed writer is taken over (D01)', () => {
    const w = scratch('d01-stale');
    files(w, { 'corpus/a.txt': page('a') });
    // A process id that no process has: the writer that held this lock is gone.
    fs.writeFileSync(path.join(w, 'corpus/.a.txt.ann.yaml.lock'), `4194305 ${execFileSync('hostname').toString().trim()} 2026-01-01T00:00:00.000Z\n`);
    fs.writeFileSync(path.join(w, 'a.jsonl'), record(page('a'), 'a.txt', [[10, 22, 'actor']]) + '\n');
    const r = cli(w, 'import', 'a.jsonl', '--into', 'corpus');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(tagsIn(path.join(w, 'corpus/a.txt.ann.yaml')).length, 1);
    assert.ok(!fs.existsSync(path.join(w, 'corpus/.a.txt.ann.yaml.lock')));
  });

  it('a save keeps every value it did not change exactly as written (D06)', () => {
    const w = scratch('d06');
    const handWritten = [
      'newsmark: 1',
      'document: a.txt',
      'project_id: 12345678901234567890',
      'zip: 01234',
      'z: !custom 5',
      'flag: yes',
      'annotations:',
      '  - id: ok1',
      '    label: actor',
      '    start: 0x0A',
      '    end: 22',
      '    text: Barack Obama',
      '    weight: 1e3',
      '  - {id: h1, label: actor, start: 9007199254740993, end: 9007199254740995, text: x}',
      '  - {id: h2, label: actor, start: +5, end: 1e3, text: x}',
      '',
    ];
    files(w, { 'corpus/a.txt': page('a'), 'corpus/a.txt.ann.yaml': handWritten.join('\n') });
    const hanoi = page('a').indexOf('Hanoi');
    fs.writeFileSync(path.join(w, 'a.jsonl'), record(page('a'), 'a.txt', [[hanoi, hanoi + 5, 'place']]) + '\n');
    const r = cli(w, 'import', 'a.jsonl', '--into', 'corpus');
    assert.equal(addedCount(r.stdout), 1, r.stderr);
    const after = fs.readFileSync(path.join(w, 'corpus/a.txt.ann.yaml'), 'utf8').split('\n');
    for (const line of handWritten) assert.ok(after.includes(line), `kept as written: ${JSON.stringify(line)}\n${after.join('\n')}`);
    assert.ok(after.includes('    label: place'));
  });

  it('brat tags whose text differs from the page are refused, like jsonl ones (D09)', () => {
    const w = scratch('d09');
    files(w, { 'corpus/a.txt': page('a'), 'src/a.txt': page('a'), 'src/a.ann': 'T1\tactor 10 22\tSomebody Else\nT2\tactor 27 40\tNguyen Van An\n' });
    const r = cli(w, 'import', 'src', '--into', 'corpus');
    assert.match(r.stderr, /src\/a\.ann:1:1: warning: T1 text "Somebody Else" differs from the document's "Barack Obama"; not imported/);
    assert.deepEqual(tagsIn(path.join(w, 'corpus/a.txt.ann.yaml')).map((t) => [t.start, t.end]), [[27, 40]]);
  });

  it('a rewritten sidecar keeps its mode and owner; a read-only one is reported and left as it is (D10)', () => {
    const w = scratch('d10');
    const sidecar = path.join(w, 'corpus/a.txt.ann.yaml');
    files(w, { 'corpus/a.txt': page('a'), 'corpus/a.txt.ann.yaml': 'newsmark: 1\ndocument: a.txt\nannotations: []\n' });
    fs.chmodSync(sidecar, 0o640);
    if (isRoot) fs.chownSync(sidecar, 65534, 65534);
    const before = fs.statSync(sidecar);
    fs.writeFileSync(path.join(w, 'a.jsonl'), record(page('a'), 'a.txt', [[10, 22, 'actor']]) + '\n');
    assert.equal(addedCount(cli(w, 'import', 'a.jsonl', '--into', 'corpus').stdout), 1);
    const after = fs.statSync(sidecar);
    assert.deepEqual([after.mode & 0o7777, after.uid, after.gid], [0o640, before.uid, before.gid]);

    fs.chmodSync(sidecar, 0o444);
    const text = fs.readFileSync(sidecar, 'utf8');
    const ino = fs.statSync(sidecar).ino;
    fs.writeFileSync(path.join(w, 'b.jsonl'), record(page('a'), 'a.txt', [[27, 40, 'actor']]) + '\n');
    const r = cli(w, 'import', 'b.jsonl', '--into', 'corpus');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /a\.txt\.ann\.yaml:1:1: the sidecar is read-only .*: the imported tags for its document were not added/);
    assert.equal(addedCount(r.stdout), 0, 'the report matches the file');
    assert.equal(fs.readFileSync(sidecar, 'utf8'), text);
    assert.equal(fs.statSync(sidecar).ino, ino, 'not replaced');
  });

  it('import never changes a tag already there, even one not found in the page any more (D11)', () => {
    const w = scratch('d11');
    const existing = 'newsmark: 1\ndocument: a.txt\nannotations:\n  - {id: t1, label: actor, start: 27, end: 40, text: Somebody Else}\n  - {id: t2, label: actor, start: 0, end: 9, text: Barack Obama}\n';
    files(w, { 'corpus/a.txt': page('a'), 'corpus/a.txt.ann.yaml': existing });
    const hanoi = page('a').indexOf('Hanoi');
    fs.writeFileSync(path.join(w, 'a.jsonl'), record(page('a'), 'a.txt', [[hanoi, hanoi + 5, 'place']]) + '\n');
    assert.equal(addedCount(cli(w, 'import', 'a.jsonl', '--into', 'corpus').stdout), 1);
    const after = fs.readFileSync(path.join(w, 'corpus/a.txt.ann.yaml'), 'utf8');
    assert.ok(after.includes('  - {id: t1, label: actor, start: 27, end: 40, text: Somebody Else}\n'), after);
    assert.ok(after.includes('  - {id: t2, label: actor, start: 0, end: 9, text: Barack Obama}\n'), after);
    assert.doesNotMatch(after, /orphaned/);
  });

  it('a sidecar that is a link out of its folder is never read, and never replaced (D04)', () => {
    const w = scratch('d04');
    files(w, { 'corpus/a.txt': page('a'), 'outside.yaml': 'newsmark: 1\ndocument: a.txt\nstatus: done\n# SECRET outside the corpus\nannotations: []\n' });
    fs.symlinkSync(path.join(w, 'outside.yaml'), path.join(w, 'corpus/a.txt.ann.yaml'));
    const stats = cli(w, 'stats', 'corpus', '--json');
    assert.equal(stats.status, 1);
    assert.match(stats.stderr, /a\.txt\.ann\.yaml:1:1: the sidecar is a link to .*outside\.yaml, outside its folder; it is not used/);
    assert.deepEqual(JSON.parse(stats.stdout).status, {}, 'its status (done) was not read');
    fs.writeFileSync(path.join(w, 'a.jsonl'), record(page('a'), 'a.txt', [[10, 22, 'actor']]) + '\n');
    const r = cli(w, 'import', 'a.jsonl', '--into', 'corpus');
    assert.equal(r.status, 1);
    assert.ok(fs.lstatSync(path.join(w, 'corpus/a.txt.ann.yaml')).isSymbolicLink(), 'the link is still a link');
    assert.match(fs.readFileSync(path.join(w, 'outside.yaml'), 'utf8'), /SECRET/);
    assert.doesNotMatch(r.stdout + r.stderr, /SECRET/);
  });

  it('the .txt of a brat file that is a link out of its folder is never read (D05)', () => {
    const w = scratch('d05');
    files(w, { 'corpus/a.txt': page('a'), 'secret.txt': 'SECRET password line that is long enough\n', 'src/leak.ann': 'T1\tactor 0 30\tx\n' });
    fs.symlinkSync(path.join(w, 'secret.txt'), path.join(w, 'src/leak.txt'));
    const r = cli(w, 'import', 'src', '--into', 'corpus');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /src\/leak\.ann:1:1: not imported: its text leak\.txt is a link to .*secret\.txt, outside its folder/);
    assert.doesNotMatch(r.stdout + r.stderr, /password/);
  });

  it('a FIFO named like a sidecar is reported, never opened: the command ends (D14)', () => {
    const w = scratch('d14');
    files(w, { 'corpus/a.txt': page('a'), 'corpus/b.txt': page('b') });
    execFileSync('mkfifo', [path.join(w, 'corpus/a.txt.ann.yaml')]);
    const r = cli(w, 'stats', 'corpus');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /a\.txt\.ann\.yaml:1:1: the sidecar is a named pipe \(FIFO\), not a regular file; it is not used and not overwritten/);
    assert.match(r.stdout, /^documents: 2 /);
  });

  it('temporary files left by a killed write are removed by the next write of that sidecar (D26)', () => {
    const w = scratch('d26');
    files(w, {
      'corpus/a.txt': page('a'),
      // Left by a writer killed mid-save (no process has this id) and one of a writer still running (this one).
      'corpus/.a.txt.ann.yaml.4194305.k1ll3d.tmp': 'newsmark: 1\ndocu',
      [`corpus/.a.txt.ann.yaml.${process.pid}.l1ve.tmp`]: 'newsmark: 1\n',
    });
    fs.writeFileSync(path.join(w, 'a.jsonl'), record(page('a'), 'a.txt', [[10, 22, 'actor']]) + '\n');
    assert.equal(cli(w, 'import', 'a.jsonl', '--into', 'corpus').status, 0);
    assert.deepEqual(fs.readdirSync(path.join(w, 'corpus')).sort(), [`.a.txt.ann.yaml.${process.pid}.l1ve.tmp`, 'a.txt', 'a.txt.ann.yaml']);
  });
});
