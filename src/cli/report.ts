// How the command-line tool talks to its user: results on stdout, every problem on stderr as
// `PATH:LINE:COL: message` (what editors and CI logs turn into links), and a progress line on stderr only
// when stderr is a terminal.

import type { Problem } from '../core/model/types';

export interface Output {
  /** False when the stream asks the writer to wait for 'drain'. */
  write(text: string): boolean;
}

export interface CliIo {
  stdout: Output;
  stderr: Output & { isTTY?: boolean };
}

/** A wrong command line: reported with the usage hint and exit status 2. */
export class UsageError extends Error {}

export class Reporter {
  errors = 0;
  warnings = 0;
  private progressShown = false;
  private lastProgress = 0;

  constructor(private readonly io: CliIo) {}

  out(text: string): void {
    this.io.stdout.write(text);
  }

  /** An error about a position in a file (1-based line and column). */
  error(file: string, line: number, col: number, message: string): void {
    this.errors++;
    this.line(`${file}:${line}:${col}: ${message}`);
  }

  warning(file: string, line: number, col: number, message: string): void {
    this.warnings++;
    this.line(`${file}:${line}:${col}: warning: ${message}`);
  }

  problem(file: string, problem: Problem): void {
    if (problem.severity === 'error') this.error(file, problem.line, problem.col, problem.message);
    else this.warning(file, problem.line, problem.col, problem.message);
  }

  /** "done of total" on one rewritten stderr line, at most ten times a second; nothing when not a TTY. */
  progress(label: string, done: number, total: number): void {
    if (!this.io.stderr.isTTY) return;
    const now = Date.now();
    if (done < total && now - this.lastProgress < 100) return;
    this.lastProgress = now;
    this.io.stderr.write(`\r\x1b[K${label} ${done}/${total}`);
    this.progressShown = true;
  }

  endProgress(): void {
    if (!this.progressShown) return;
    this.io.stderr.write('\r\x1b[K');
    this.progressShown = false;
  }

  private line(text: string): void {
    this.endProgress();
    this.io.stderr.write(`${text}\n`);
  }
}

/** 1-based line and column of a UTF-16 offset in text (columns count UTF-16 units, as editors do). */
export function positionOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}
