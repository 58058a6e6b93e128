// Each export case is regenerated and compared file by file with test/fixtures/export/golden/<case>/.
// UPDATE_GOLDEN=1 rewrites the golden files (review the diff before committing).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { EXPORT_CASES, runCase } from './cases';

const GOLDEN_DIR = join(__dirname, '../../fixtures/export/golden');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

for (const exportCase of EXPORT_CASES) {
  test(`golden output: ${exportCase.name}`, () => {
    const { files } = runCase(exportCase);
    const dir = join(GOLDEN_DIR, exportCase.name);
    if (process.env.UPDATE_GOLDEN === '1') {
      rmSync(dir, { recursive: true, force: true });
      for (const [path, content] of files) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), content);
      }
      return;
    }
    assert.deepEqual([...files.keys()].sort(), listFiles(dir), 'the set of exported files');
    for (const [path, content] of files) {
      assert.equal(content, readFileSync(join(dir, path), 'utf8'), `content of ${path}`);
    }
  });
}
