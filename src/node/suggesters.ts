// One external suggester kept running for a session (an editor window, a command-line run): pages are asked
// one at a time; a failure costs only that page's suggestions from it, is reported once per kind with the
// suggester's name, and the suggester is tried again with backoff (src/core/suggesters/health.ts).

import type { SuggesterConfig } from '../core/suggesters/config';
import { FIRST_PAGE_ALLOWANCE_MS } from '../core/suggesters/config';
import { type BackoffPolicy, type FailureKind, SuggesterHealth } from '../core/suggesters/health';
import { ProtocolError, readAnswer, type ReadOptions, type SuggesterAnswer, type SuggesterRequest } from '../core/suggesters/protocol';
import { type Channel, ChannelError, HttpChannel, ProcessChannel } from './suggesterChannels';

export type SuggestOutcome = { ok: true; answer: SuggesterAnswer } | { ok: false; why: string };

export interface SuggesterEvents {
  /** Something the user should hear about, already cut down to once per kind; `page` is the id asked about. */
  problem(message: string, page: string | undefined): void;
  /** Every failure and skipped line, for a log. */
  log?(message: string): void;
  /** The suggester answered again after failing (the editor asks again for pages it missed). */
  recovered?(): void;
}

export interface SuggesterOptions extends ReadOptions {
  /** Working folder of a program (relative paths in its command are taken from here). */
  cwd?: string;
  /**
   * Wait out the backoff and try the page again when a program ended under it, instead of giving up on the
   * page at once: the command line wants every page tried; the editor must not keep a page waiting.
   */
  patient: boolean;
  policy?: BackoffPolicy;
}

export class Suggester {
  readonly health: SuggesterHealth;
  private channel: Channel | undefined;
  private firstPage = true;
  private queue: Promise<unknown> = Promise.resolve();
  private lastPage: string | undefined;
  private disposed = false;
  private strayReported = false;
  /** Pages answered, and spans dropped because they did not fit (reported once, counted here). */
  answered = 0;
  asked = 0;
  droppedSpans = 0;

  constructor(readonly config: SuggesterConfig, private readonly options: SuggesterOptions, private readonly events: SuggesterEvents) {
    this.health = new SuggesterHealth(options.policy);
  }

  get name(): string {
    return this.config.name;
  }

  /** Asks about one page; never rejects. Pages are asked in the order of the calls. */
  suggest(request: SuggesterRequest): Promise<SuggestOutcome> {
    const run = this.queue.then(() => this.run(request, false));
    this.queue = run;
    return run;
  }

  private async run(request: SuggesterRequest, retry: boolean): Promise<SuggestOutcome> {
    if (this.disposed) return { ok: false, why: 'closed' };
    if (!retry) this.asked++;
    if (this.health.stopped) return { ok: false, why: 'stopped' };
    const wait = this.health.downUntil - Date.now();
    if (wait > 0) {
      if (!this.options.patient) return { ok: false, why: 'waiting to be tried again' };
      await new Promise((resolve) => setTimeout(resolve, wait));
      if (this.disposed) return { ok: false, why: 'closed' };
    }
    this.lastPage = request.id;
    let raw: unknown;
    try {
      const channel = this.open();
      const timeout = this.config.timeoutMs + (this.firstPage && this.config.transport.kind === 'command' ? FIRST_PAGE_ALLOWANCE_MS : 0);
      raw = await channel.ask(request, timeout);
      this.firstPage = false;
      const answer = readAnswer(raw, request, this.config, this.options);
      this.succeeded(answer, request.id);
      return { ok: true, answer };
    } catch (error) {
      if (this.disposed) return { ok: false, why: 'closed' };
      const kind: FailureKind = error instanceof ChannelError ? error.kind : error instanceof ProtocolError ? error.problem : 'bad-answer';
      // A program that answered for another page is out of step with us: start it afresh.
      if (kind === 'wrong-id' && this.channel instanceof ProcessChannel) this.channel.kill();
      this.failed(kind, (error as Error).message, request.id);
      if (kind === 'exit' && this.options.patient && !retry && !this.health.stopped) return this.run(request, true);
      return { ok: false, why: (error as Error).message };
    }
  }

  private open(): Channel {
    if (this.channel?.alive) return this.channel;
    const { transport } = this.config;
    if (transport.kind === 'url') return (this.channel = new HttpChannel(transport.url));
    this.firstPage = true;
    const channel: ProcessChannel = new ProcessChannel(transport.argv, this.options.cwd, {
      stray: (message) => this.stray(message),
      // An ended program is a failure even between pages: the next page waits out the backoff.
      exitedIdle: (message) => {
        if (this.channel === channel && !this.disposed) this.failed('exit', message, this.lastPage);
      },
    });
    this.channel = channel;
    return channel;
  }

  private succeeded(answer: SuggesterAnswer, page: string): void {
    const wasFailing = this.health.inRow > 0;
    this.health.succeeded();
    this.answered++;
    if (answer.dropped.length > 0) {
      if (this.droppedSpans === 0) {
        const first = answer.dropped[0];
        this.events.problem(`dropped a span that ${first.why.replace(/^does not/, 'did not')}: ${first.span}${answer.dropped.length > 1 ? ` (and ${answer.dropped.length - 1} more on this page)` : ''}`, page);
      }
      this.droppedSpans += answer.dropped.length;
      for (const d of answer.dropped) this.events.log?.(`${this.name}: ${page}: dropped ${d.span}: ${d.why}`);
    }
    if (wasFailing) this.events.recovered?.();
  }

  /** A line printed between pages: skipped and reported once, not a failure by itself. */
  private stray(message: string): void {
    this.events.log?.(`${this.name}: ${message}`);
    if (!this.strayReported) this.events.problem(message, this.lastPage);
    this.strayReported = true;
  }

  private failed(kind: FailureKind, message: string, page: string | undefined): void {
    const verdict = this.health.failed(kind, Date.now());
    this.events.log?.(`${this.name}: ${page ?? ''}: ${message}`);
    const next = verdict.stopped
      ? `stopped after ${this.health.inRow} failures in a row`
      : `trying again in ${verdict.retryInMs < 1000 ? `${verdict.retryInMs} ms` : `${Math.round(verdict.retryInMs / 1000)} s`}`;
    if (verdict.report) this.events.problem(`${message}; ${next}`, page);
    else if (verdict.stopped) this.events.problem(`${next} (last: ${message})`, page);
  }

  /** A line for the end of a run, when something went wrong; undefined when all went well. */
  summary(): string | undefined {
    const missed = this.asked - this.answered;
    if (missed === 0 && this.droppedSpans === 0) return undefined;
    const parts = [`answered ${this.answered} of ${this.asked} page${this.asked === 1 ? '' : 's'}`];
    if (this.droppedSpans > 0) parts.push(`${this.droppedSpans} span${this.droppedSpans === 1 ? '' : 's'} dropped`);
    return parts.join('; ');
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.channel?.close();
  }
}
