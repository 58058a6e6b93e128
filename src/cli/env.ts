// What every command gets: the output streams, the reporter and where the shipped data files are.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadLexiconsFromDisk, type LoadedLexicons } from '../node/lexicons';
import type { CliIo, Output, Reporter } from './report';

export interface CliEnv {
  io: CliIo & { stdout: Output & { once(event: 'drain', listener: () => void): unknown } };
  reporter: Reporter;
  /** Folder holding lexicons/ (the package root). */
  extensionRoot: string;
  /** The worker bundle (dist/worker.js) when it exists; without it detection runs in one thread. */
  workerFile?: string;
}

/** Shipped and user lexicons; their problems are reported (a missing user path is an error). */
export function loadLexicons(env: CliEnv, userPaths: readonly string[]): LoadedLexicons {
  const lexicons = loadLexiconsFromDisk(env.extensionRoot, userPaths);
  for (const { path: file, problem } of lexicons.problems) env.reporter.problem(file, problem);
  return lexicons;
}

/** Writes to stdout and waits when the stream asks to (a slow pipe must not fill memory). */
export async function writeOut(env: CliEnv, text: string): Promise<void> {
  if (!env.io.stdout.write(text)) await new Promise<void>((resolve) => env.io.stdout.once('drain', () => resolve()));
}

export function workerBesides(dir: string): string | undefined {
  const file = path.join(dir, 'worker.js');
  return fs.existsSync(file) ? file : undefined;
}
