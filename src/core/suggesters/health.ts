// What Newsmark does when a suggester fails (it is slow, crashes, prints garbage, answers for another page):
// the page goes without its suggestions, the problem is reported once per kind, and the suggester is tried
// again after a delay that doubles with each failure in a row, until it has failed GIVE_UP_AFTER times in a
// row; then it is stopped (until the settings change, or for the rest of a command-line run).

export type FailureKind =
  | 'start' // the program cannot be started, or the endpoint cannot be reached
  | 'exit' // the program ended
  | 'slow' // no answer within the timeout
  | 'garbage' // a line that is not a JSON object
  | 'wrong-id' // an answer for another page
  | 'bad-answer' // an object that is no answer
  | 'http'; // the endpoint answered with an HTTP error

export interface BackoffPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  giveUpAfter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { firstDelayMs: 250, maxDelayMs: 30_000, giveUpAfter: 5 };

export interface FailureVerdict {
  /** The first failure of this kind: report it. Later ones of the same kind are only counted. */
  report: boolean;
  /** The suggester failed too often in a row and is stopped: report that (once). */
  stopped: boolean;
  /** When it is not stopped: wait this long before trying it again. */
  retryInMs: number;
}

export class SuggesterHealth {
  private failuresInRow = 0;
  private readonly reported = new Set<FailureKind>();
  /** Failures of each kind since the start, for the summary. */
  readonly counts = new Map<FailureKind, number>();
  stopped = false;
  /** Until this time (ms, the caller's clock) the suggester is not asked. */
  downUntil = 0;

  constructor(private readonly policy: BackoffPolicy = DEFAULT_BACKOFF) {}

  failed(kind: FailureKind, now: number): FailureVerdict {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
    this.failuresInRow++;
    const report = !this.reported.has(kind);
    this.reported.add(kind);
    const wasStopped = this.stopped;
    if (this.failuresInRow >= this.policy.giveUpAfter) this.stopped = true;
    const retryInMs = Math.min(this.policy.maxDelayMs, this.policy.firstDelayMs * 2 ** (this.failuresInRow - 1));
    this.downUntil = now + retryInMs;
    return { report, stopped: this.stopped && !wasStopped, retryInMs };
  }

  succeeded(): void {
    this.failuresInRow = 0;
    this.downUntil = 0;
  }

  /** Failures since the last answer. */
  get inRow(): number {
    return this.failuresInRow;
  }

  get failures(): number {
    let n = 0;
    for (const count of this.counts.values()) n += count;
    return n;
  }
}
