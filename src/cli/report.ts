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

  /** Human-readable output: control characters from the data are shown as escapes, never sent raw. */
  out(text: string): void {
    this.io.stdout.write(terminalSafe(text));
  }

  /** An error about a position in a file (1-based line and column). */
  error(file: string, line: number, col: number, message: string): void {
    this.errors++;
    this.line(`${quotedPath(file)}:${line}:${col}: ${terminalSafe(message, false)}`);
  }

  warning(file: string, line: number, col: number, message: string): void {
    this.warnings++;
    this.line(`${quotedPath(file)}:${line}:${col}: warning: ${terminalSafe(message, false)}`);
  }

  /** An error that belongs to no file (a suggester, the run as a whole). */
  generalError(message: string): void {
    this.errors++;
    this.line(`error: ${terminalSafe(message, false)}`);
  }

  generalWarning(message: string): void {
    this.warnings++;
    this.line(`warning: ${terminalSafe(message, false)}`);
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

// C0 and C1 control characters (terminal escapes start with ESC or CSI) and the bidirectional overrides that
// can make a line read differently from what it contains.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;
const UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

function escapeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/** Text from data made safe to print: control characters become visible escapes (`\x1b`). */
export function terminalSafe(text: string, keepLineBreaks = true): string {
  const safe = text.replace(UNSAFE, escapeChar);
  return keepLineBreaks ? safe : safe.replace(/[\n\t]/g, escapeChar);
}

/**
 * A path as the first field of `PATH:LINE:COL`: as it is when printable, else quoted with its control
 * characters escaped, so a name with a newline or an escape sequence cannot split or forge a problem line.
 */
export function quotedPath(file: string): string {
  if (!UNSAFE_IN_LINE.test(file)) return file;
  return `"${file.replace(/["\\]/g, '\\$&').replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu, escapeChar)}"`;
}
