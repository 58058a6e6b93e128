// Python reads the exports as its NER tools would: every span must slice its own text by code point, and
// the CoNLL file must be two-column, well-formed BIO. Runs the stdlib-only script check_exports.py.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { EXPORT_CASES, runCase } from './cases';

const CHECKED = ['jsonl', 'doccano', 'brat', 'labelstudio', 'conll'];

test('python3 slices every exported span to its text and reads the CoNLL output as valid BIO', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsmark-export-'));
  try {
    for (const name of CHECKED) {
      const exportCase = EXPORT_CASES.find((c) => c.name === name);
      assert.ok(exportCase, name);
      for (const [path, content] of runCase(exportCase).files) {
        const file = join(dir, name, path);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, content);
      }
    }
    const output = execFileSync('python3', [join(__dirname, 'check_exports.py'), dir], { encoding: 'utf8' });
    const counts = JSON.parse(output) as Record<string, number>;
    // Counts prove the checks ran over the whole fixture corpus, emoji and NFD documents included.
    assert.deepEqual(counts, {
      'brat annotations': 15,
      'conll tokens': counts['conll tokens'],
      'doccano spans': 15,
      'jsonl spans': 15,
      'labelstudio results': 17,
    });
    assert.ok(counts['conll tokens'] > 100);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the python check fails on a span that slices the wrong text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsmark-export-'));
  try {
    for (const name of CHECKED) {
      const exportCase = EXPORT_CASES.find((c) => c.name === name);
      assert.ok(exportCase, name);
      for (const [path, content] of runCase(exportCase).files) {
        const file = join(dir, name, path);
        mkdirSync(dirname(file), { recursive: true });
        // UTF-16 offsets where Python expects code points: wrong after the emoji.
        writeFileSync(file, name === 'doccano' ? content.replace('[38,42,"date"]', '[40,44,"date"]') : content);
      }
    }
    assert.throws(
      () => execFileSync('python3', [join(__dirname, 'check_exports.py'), dir], { encoding: 'utf8', stdio: 'pipe' }),
      (error: { stdout?: string }) => /FAIL: doccano record 1/.test(error.stdout ?? ''),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
