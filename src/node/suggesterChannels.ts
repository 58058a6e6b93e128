// The two transports of the suggester protocol: a long-running program (one JSON line per request on its
// stdin, one per answer on its stdout) and an HTTP endpoint (the request as a POST body). Both only move
// JSON; what an answer means is read in src/core/suggesters.

import { type ChildProcess, spawn } from 'node:child_process';
import type { FailureKind } from '../core/suggesters/health';
import { parseAnswerLine, ProtocolError, requestLine, type SuggesterRequest } from '../core/suggesters/protocol';

export class ChannelError extends Error {
  constructor(readonly kind: FailureKind, message: string) {
    super(message);
  }
}

export interface Channel {
  /** The answer to `request` as parsed JSON; rejects with ChannelError. */
  ask(request: SuggesterRequest, timeoutMs: number): Promise<unknown>;
  /** False once a program has ended (it is started again by a new channel). */
  readonly alive: boolean;
  close(): Promise<void>;
}

export interface ProcessEvents {
  /** A line on stdout that came when no page was asked: skipped. */
  stray(message: string): void;
  /** The program ended while no page was waiting for it. */
  exitedIdle(message: string): void;
}

const STDERR_TAIL_LINES = 5;
const CLOSE_GRACE_MS = 1000;

/** A program started once and asked one page at a time. */
export class ProcessChannel implements Channel {
  private readonly child: ChildProcess;
  private buffer = '';
  private pending: { id: string; resolve(value: unknown): void; reject(error: ChannelError): void; timer: ReturnType<typeof setTimeout> } | undefined;
  private readonly stderrTail: string[] = [];
  private ended = false;
  private closing = false;
  private readonly exited: Promise<void>;
  answered = 0;

  constructor(argv: readonly string[], cwd: string | undefined, private readonly events: ProcessEvents) {
    this.child = spawn(argv[0], argv.slice(1), { cwd, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    let markExited: () => void;
    this.exited = new Promise<void>((resolve) => (markExited = resolve));
    this.child.stdout!.setEncoding('utf8');
    this.child.stdout!.on('data', (chunk: string) => this.onData(chunk));
    this.child.stderr!.setEncoding('utf8');
    let partial = '';
    this.child.stderr!.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '') this.keepStderr(line);
      if (partial.length > 2000) {
        this.keepStderr(partial);
        partial = '';
      }
    });
    this.child.stdin!.on('error', () => undefined); // EPIPE when it ended: the exit event says what happened
    this.child.on('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'ENOENT' ? `cannot start "${argv[0]}": no such program` : `cannot start "${argv[0]}": ${error.message}`;
      this.end(new ChannelError('start', why));
      markExited();
    });
    this.child.on('exit', (code, signal) => {
      if (partial.trim() !== '') this.keepStderr(partial);
      const how = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
      const after = this.answered > 0 ? ` after answering ${this.answered} page${this.answered === 1 ? '' : 's'}` : '';
      this.end(new ChannelError('exit', `${how}${after}${this.stderrSummary()}`));
      markExited();
    });
  }

  get alive(): boolean {
    return !this.ended;
  }

  ask(request: SuggesterRequest, timeoutMs: number): Promise<unknown> {
    if (this.ended) return Promise.reject(new ChannelError('exit', 'had ended'));
    if (this.pending) return Promise.reject(new Error('one page at a time'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        reject(new ChannelError('slow', `gave no answer within ${seconds(timeoutMs)}`));
        this.kill();
      }, timeoutMs);
      this.pending = { id: request.id, resolve, reject, timer };
      this.child.stdin!.write(requestLine(request));
    });
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    for (let newline = this.buffer.indexOf('\n'); newline >= 0; newline = this.buffer.indexOf('\n')) {
      const line = this.buffer.slice(0, newline).replace(/\r$/, '');
      this.buffer = this.buffer.slice(newline + 1);
      if (line.trim() !== '') this.onLine(line);
    }
  }

  private onLine(line: string): void {
    const pending = this.pending;
    let answer: Record<string, unknown>;
    try {
      answer = parseAnswerLine(line);
    } catch (error) {
      const message = `${(error as ProtocolError).message} (only answers may go to stdout, one JSON object a line; write logs to stderr)`;
      if (!pending) {
        this.events.stray(`${message}; skipped`);
        return;
      }
      // The stream cannot be trusted any more: this page fails and the program is started afresh.
      clearTimeout(pending.timer);
      this.pending = undefined;
      pending.reject(new ChannelError('garbage', message));
      this.kill();
      return;
    }
    if (!pending) {
      this.events.stray(`printed an answer when no page was asked (for ${JSON.stringify(answer.id ?? null)}); skipped`);
      return;
    }
    clearTimeout(pending.timer);
    this.pending = undefined;
    this.answered++;
    pending.resolve(answer);
  }

  private keepStderr(line: string): void {
    this.stderrTail.push(line.length > 300 ? `${line.slice(0, 300)}…` : line);
    if (this.stderrTail.length > STDERR_TAIL_LINES) this.stderrTail.shift();
  }

  private stderrSummary(): string {
    return this.stderrTail.length > 0 ? `; its last words on stderr: ${this.stderrTail.join(' | ')}` : '';
  }

  private end(error: ChannelError): void {
    if (this.ended) return;
    this.ended = true;
    const pending = this.pending;
    this.pending = undefined;
    if (pending) {
      clearTimeout(pending.timer);
      pending.reject(error);
    } else if (!this.closing) {
      this.events.exitedIdle(error.message);
    }
  }

  /** Stops a program that does not answer (or answers for other pages). */
  kill(): void {
    this.closing = true;
    if (!this.ended) this.child.kill('SIGKILL');
  }

  /** Closes its stdin (a well-behaved program ends then), and stops it if it has not ended soon after. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.ended) return;
    this.child.stdin!.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), CLOSE_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
  }
}

/** An HTTP endpoint: each request is a POST with the request as its JSON body. */
export class HttpChannel implements Channel {
  readonly alive = true;

  constructor(private readonly url: string) {}

  async ask(request: SuggesterRequest, timeoutMs: number): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' },
        body: JSON.stringify({ id: request.id, text: request.text }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw fetchError(error, timeoutMs, this.url);
    }
    let body: string;
    try {
      body = await response.text();
    } catch (error) {
      throw fetchError(error, timeoutMs, this.url);
    }
    if (!response.ok) throw new ChannelError('http', `answered HTTP ${response.status}${body.trim() ? `: ${clip(body)}` : ''}`);
    try {
      return parseAnswerLine(body);
    } catch (error) {
      throw new ChannelError('garbage', (error as Error).message.replace('printed a line', 'answered with a body'));
    }
  }

  async close(): Promise<void> {}
}

function fetchError(error: unknown, timeoutMs: number, url: string): ChannelError {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return new ChannelError('slow', `gave no answer within ${seconds(timeoutMs)}`);
  const cause = e.cause?.code ?? e.cause?.message ?? e.message;
  return new ChannelError('start', `cannot be reached at ${url} (${cause})`);
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function clip(text: string, max = 160): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max)}…` : one;
}
