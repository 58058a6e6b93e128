// Running the bundled command-line tool on scratch corpora, as a user would, for the tests of the CLI.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
/** A bundle of its own per test process: test files run side by side, and one file's build must never leave
 * another running a half-written dist/cli.js. */
const BUILD = path.join(ROOT, 'dist', `test-cli-${process.pid}`);
export const CLI = path.join(BUILD, 'cli.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Bundles the command-line tool and its detection worker for this test file (remove them with removeCli). */
export function buildCli(): void {
  const result = buildSync({
    entryPoints: { cli: path.join(ROOT, 'src', 'cli.ts'), worker: path.join(ROOT, 'src', 'cli', 'worker.ts') },
    bundle: true, platform: 'node', target: 'node20', mainFields: ['module', 'main'], outdir: BUILD, logLevel: 'error',
  });
  assert.deepEqual(result.errors, []);
}

export function removeCli(): void {
  fs.rmSync(BUILD, { recursive: true, force: true });
}

export function cli(cwd: string, ...args: string[]): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The tool run in the background; resolves when it exits. */
export function cliAsync(cwd: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

export function scratch(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `newsmark-${prefix}-`));
}

/** Writes files (relative path -> content) under dir. */
export function files(dir: string, content: Record<string, string | Buffer>): void {
  for (const [rel, text] of Object.entries(content)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
}

/** A two-line news page naming people and a date, different for each `n`. */
export function page(n: number | string): string {
  return `President Barack Obama met Nguyen Van An on 22/3/2021 in Hanoi (page ${n}).\nSecond line of page ${n}.\n`;
}

/** One jsonl import record tagging the spans [start, end) of `text` with `label`. */
export function record(text: string, document: string, spans: Array<[number, number, string]>): string {
  return JSON.stringify({ text, meta: { document, offsets: 'utf16' }, spans: spans.map(([start, end, label]) => ({ start, end, label })) });
}

/** Whether the current user ignores file modes (root): permission cases then need another way. */
export const isRoot = process.getuid?.() === 0;

/** The tool run as an unprivileged user when the tests run as root (root ignores file modes). */
export function cliAsUser(cwd: string, ...args: string[]): Run {
  const as = isRoot ? { uid: 65534, gid: 65534 } : {};
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000, ...as });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
