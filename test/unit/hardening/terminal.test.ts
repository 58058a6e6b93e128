// What the command line prints is safe for the terminal and its problem lines cannot be split or forged:
// control characters from data (labels, sidecar fields, file names) are shown as escapes (D21, D22).
// File-name patterns are matched in time bounded by name × pattern, whatever the stars (D16).

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { runCli } from '../../../src/cli/main';
import { Reporter, terminalSafe } from '../../../src/cli/report';
import { compileFileNamePattern } from '../../../src/core/fileNamePattern';

const ROOT = path.join(__dirname, '..', '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-terminal-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function capture(): { io: Parameters<typeof runCli>[1]['io']; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: { write: (t: string) => ((out += t), true), once: () => undefined },
      stderr: { write: (t: string) => ((err += t), true), isTTY: false },
    },
    out: () => out,
    err: () => err,
  };
}

async function cli(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const c = capture();
  const status = await runCli(argv, { io: c.io, reporter: new Reporter(c.io), extensionRoot: ROOT });
  return { status, stdout: c.out(), stderr: c.err() };
}

const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

test('a label with an escape sequence is printed by stats as visible text, never raw', async () => {
  const dir = path.join(tmp, 'labels');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'a.txt'), 'Ông Barack Obama nói.\n');
  fs.writeFileSync(path.join(dir, 'a.txt.ann.yaml'), [
    'newsmark: 1', 'document: a.txt', 'annotations:',
    '  - id: a1', '    label: "ac\\e[31mtor"', '    start: 4', '    end: 16', '    text: Barack Obama', '',
  ].join('\n'));
  const run = await cli('stats', dir);
  assert.doesNotMatch(run.stdout, RAW_CONTROL);
  assert.doesNotMatch(run.stderr, RAW_CONTROL);
  assert.match(run.stdout + run.stderr, /ac\\x1b\[31mtor/);
});

test('a sidecar field with a terminal title sequence reaches stderr escaped', async () => {
  const dir = path.join(tmp, 'fields');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'a.txt'), 'x\n');
  fs.writeFileSync(path.join(dir, 'a.txt.ann.yaml'), 'newsmark: 1\ndocument: "\\e]0;owned\\a\\e[2Jx/../y"\nannotations: []\n');
  const run = await cli('stats', dir);
  assert.match(run.stderr, /a\.txt\.ann\.yaml:\d+:\d+: /);
  assert.doesNotMatch(run.stderr, RAW_CONTROL);
});

test('a file name with a newline is quoted in its problem line, which stays one line', async () => {
  const dir = path.join(tmp, 'names');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'new\nline.txt'), 'x\n');
  fs.writeFileSync(path.join(dir, 'new\nline.txt.ann.yaml'), 'newsmark: 1\nannotations: [\n');
  const run = await cli('stats', dir);
  const problems = run.stderr.split('\n').filter((line) => line.includes('line.txt'));
  assert.equal(problems.length, 1, run.stderr);
  assert.match(problems[0], /^".*new\\x0aline\.txt\.ann\.yaml":\d+:\d+: /);
});

test('terminalSafe keeps line breaks, tabs and every printable script, and escapes the rest', () => {
  assert.equal(terminalSafe('Hà Nội\t東京\n'), 'Hà Nội\t東京\n');
  assert.equal(terminalSafe('a\u001b[2Jb\u009bc\u202ed'), 'a\\x1b[2Jb\\x9bc\\u{202e}d');
  assert.equal(terminalSafe('a\nb', false), 'a\\x0ab');
});

test('file-name patterns match as globs: stars, question marks and alternatives', () => {
  const txt = compileFileNamePattern('*.{txt,md}');
  assert.ok(txt.test('story.txt'));
  assert.ok(txt.test('notes.md'));
  assert.ok(!txt.test('story.txt.ann.yaml'));
  assert.ok(compileFileNamePattern('page-??.txt').test('page-07.txt'));
  assert.ok(!compileFileNamePattern('page-??.txt').test('page-7.txt'));
  assert.ok(compileFileNamePattern('a*b*c').test('aXXbYYc'));
  assert.ok(!compileFileNamePattern('a*b*c').test('aXXbYY'));
  assert.ok(compileFileNamePattern('(1)+[x].txt').test('(1)+[x].txt'), 'regular-expression characters are literal');
  assert.throws(() => compileFileNamePattern('a/*.txt'), /file name pattern/);
  assert.throws(() => compileFileNamePattern('*.{txt'), /unclosed/);
});

test('a pattern of many stars against a 200-character name answers at once (no backtracking)', { timeout: 10_000 }, async () => {
  const dir = path.join(tmp, 'stars');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, `${'a'.repeat(200)}.txt`), 'x\n');
  fs.writeFileSync(path.join(dir, `${'a'.repeat(100)}b`), 'x\n');
  const pattern = compileFileNamePattern('*a*a*a*a*a*a*a*a*a*a*b');
  assert.equal(pattern.test(`${'a'.repeat(200)}.txt`), false);
  const run = await cli('stats', dir, '--glob', '*a*a*a*a*a*a*a*a*a*a*b', '--json');
  assert.equal(JSON.parse(run.stdout).documents, 1);
});
