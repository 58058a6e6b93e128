// Crash safety: a process killed at any moment while saving leaves the old or the new sidecar, never a part.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { buildSync } from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseSidecar, serialiseSidecar } from '../../../src/core/sidecar/codec';
import type { Annotation, SidecarData } from '../../../src/core/model/types';
import { writeFileAtomic } from '../../../src/node/files';

function sidecarWith(tags: number, label: string): string {
  const annotations: Annotation[] = [];
  for (let i = 0; i < tags; i++) annotations.push({ id: `t${i}`, label, start: i * 10, end: i * 10 + 5, text: 'Nguyễn', source: 'manual' });
  const data: SidecarData = { newsmark: 1, document: 'page.txt', status: 'todo', annotations, dismissed: [] };
  return serialiseSidecar(data);
}

test('a writer killed mid-save leaves a whole sidecar, old or new (8 kills at random moments)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-crash-'));
  const a = path.join(dir, 'a.yaml');
  const b = path.join(dir, 'b.yaml');
  fs.writeFileSync(a, sidecarWith(4_000, 'actor')); // about 400 KB: long enough a write to be interrupted part-way
  fs.writeFileSync(b, sidecarWith(3_000, 'date'));
  const versions = new Set([fs.readFileSync(a, 'utf8'), fs.readFileSync(b, 'utf8')]);
  const target = path.join(dir, 'page.txt.ann.yaml');
  fs.copyFileSync(a, target);
  // Bundled once so each child starts in milliseconds (a TypeScript loader per child would dominate the test).
  const child = path.join(dir, 'writer.js');
  buildSync({ entryPoints: [path.join(__dirname, 'atomic-writer.child.ts')], bundle: true, platform: 'node', outfile: child, logLevel: 'error' });
  try {
    for (let round = 0; round < 8; round++) {
      const proc = spawn(process.execPath, [child, target, a, b], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => proc.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 100));
      proc.kill('SIGKILL');
      await new Promise((r) => proc.once('exit', r));
      const text = fs.readFileSync(target, 'utf8');
      assert.ok(versions.has(text), `round ${round}: the sidecar is a partial write (${text.length} chars)`);
      assert.ok(parseSidecar(text).data, 'and it parses');
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a save into a folder that cannot be written fails with a clear error and changes nothing', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-rofs-'));
  try {
    // A file where the folder should be: fails for every user, root included (permissions do not stop root).
    const notAFolder = path.join(dir, 'corpus');
    fs.writeFileSync(notAFolder, 'x');
    assert.throws(() => writeFileAtomic(path.join(notAFolder, 'page.txt.ann.yaml'), 'newsmark: 1\n'), /ENOTDIR/);
    assert.equal(fs.readFileSync(notAFolder, 'utf8'), 'x');
    assert.deepEqual(fs.readdirSync(dir), ['corpus'], 'no temporary file is left behind');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
