// A pool of detection worker threads that keeps the output in input order: tasks go to the least busy
// worker, results wait in a small reorder buffer until every earlier one has been written. At most a few
// tasks per worker are in flight, so memory does not grow with the corpus.

import type { ModelFile } from '../core/learn/learner';
import { Worker } from 'node:worker_threads';
import type { DocumentAnalysis } from '../core/detect/analyse';
import type { CorpusModelData } from '../core/detect/corpus';
import type { UntaggedCount } from '../core/detect/untagged';
import type { WordProfileData } from '../core/detect/wordProfile';
import type { LexiconFile } from '../node/lexicons';
import type { DetectSettings } from './analysis';
import type { Acceptance } from './documents';

export interface DetectWorkerInit {
  corpus: CorpusModelData;
  lexicons: LexiconFile[];
  acceptances: Acceptance[];
  /** Accepted texts left untagged on pages marked done. */
  untagged: UntaggedCount[];
  settings: DetectSettings;
  json: boolean;
  /** Send back the analysis instead of formatted output (the main thread adds the suggesters' suggestions). */
  raw?: boolean;
  /** The learner trained in pass 1 (a model file's JSON), when there is one. */
  model?: ModelFile;
  /** With `model`: how the corpus writes each word (the model's word profile features). */
  words?: WordProfileData;
}

export interface DetectTask {
  seq: number;
  path: string;
}

export interface DetectResult {
  seq: number;
  output?: string;
  /** With `raw`. */
  analysis?: DocumentAnalysis;
  error?: string;
}

const TASKS_PER_WORKER = 4;

/**
 * Runs `paths` through `jobs` workers started from `workerFile`; `emit` is called once per path, in order,
 * and may return a promise (output backpressure) that delays further results.
 */
export async function runInWorkers(
  workerFile: string,
  init: DetectWorkerInit,
  jobs: number,
  paths: readonly string[],
  emit: (index: number, result: DetectResult) => void | Promise<void>,
): Promise<void> {
  if (paths.length === 0) return;
  const workers = Array.from({ length: Math.min(jobs, paths.length) }, () => new Worker(workerFile, { workerData: init }));
  const busy = workers.map(() => 0);
  const waiting = new Map<number, DetectResult>();
  let next = 0;
  let written = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let flushing = false;
      const dispatch = (): void => {
        while (next < paths.length && next - written < workers.length * TASKS_PER_WORKER) {
          let target = 0;
          for (let w = 1; w < workers.length; w++) if (busy[w] < busy[target]) target = w;
          busy[target]++;
          workers[target].postMessage({ seq: next, path: paths[next] } satisfies DetectTask);
          next++;
        }
      };
      const flush = async (): Promise<void> => {
        if (flushing) return;
        flushing = true;
        try {
          while (waiting.has(written)) {
            const result = waiting.get(written) as DetectResult;
            waiting.delete(written);
            await emit(written, result);
            written++;
            dispatch();
          }
        } finally {
          flushing = false;
        }
        if (written === paths.length) resolve();
      };
      workers.forEach((worker, w) => {
        worker.on('message', (result: DetectResult) => {
          busy[w]--;
          waiting.set(result.seq, result);
          flush().catch(reject);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0 && written < paths.length) reject(new Error(`detection worker stopped with exit code ${code}`));
        });
      });
      dispatch();
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
