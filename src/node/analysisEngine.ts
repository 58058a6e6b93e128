// Detection off the editor's thread. The engine owns the corpus statistics, lexicons and what the annotator
// taught; the editor sends it documents and gets analyses back. It runs in a worker thread where the host
// has them (Node extension hosts) and in the calling thread otherwise: both go through the same messages,
// processed in order, so a "learn" sent before an "analyse" is always seen by it.
import { Worker } from 'node:worker_threads';
import { type AnalysisBase, type AnalysisDelta, analyseFrom, type AnalysisOptions, type DocumentAnalysis, reanalyseEdit } from '../core/detect/analyse';
import { CorpusModel } from '../core/detect/corpus';
import { LearnedEntities } from '../core/detect/learned';
import type { LineLabel, Problem } from '../core/model/types';
import { lexiconsFromFiles, type LexiconFile } from './lexicons';

export type EngineRequest =
  | { type: 'lexicons'; files: LexiconFile[] }
  | { type: 'addDocuments'; docs: Array<{ id: string; text: string }> }
  | { type: 'resetCorpus' }
  | { type: 'forget'; key: string }
  | { type: 'learnLine'; text: string; label: LineLabel; forget: boolean }
  | { type: 'learnEntity'; label: string; text: string; value?: string; forget: boolean }
  /** A suggestion of `text` as `label` was dismissed (`forget`: the dismissal was undone). */
  | { type: 'dismissEntity'; label: string; text: string; forget: boolean }
  | {
      type: 'analyse';
      text: string;
      options: AnalysisOptions;
      range?: { start: number; end: number };
      /** Identifies the document, so its next analysis can start from this one. */
      key?: string;
      /** After an edit: re-analyse only the changed lines when the last analysis of `key` allows it. */
      quick?: boolean;
    };

export type EngineReply =
  | {
      ok: true;
      /** A full (or range) analysis. */
      analysis?: DocumentAnalysis;
      /** After a quick re-analysis: what changed since the analysis numbered `from` (send less than a whole page). */
      delta?: AnalysisDelta;
      from?: number;
      /** Numbers the analyses of a document (`key`), so a delta is applied to the analysis it was made from. */
      generation?: number;
      ms?: number;
      problems?: Array<{ path: string; problem: Problem }>;
    }
  | { ok: false; error: string };

/** The state behind the messages; the worker and the in-thread engine both run one. */
export class EngineState {
  private corpus = new CorpusModel();
  private readonly learned = new LearnedEntities();
  private lexicons = lexiconsFromFiles([]);
  /** The last analysis of each recently analysed document and its number, most recent last. */
  private readonly bases = new Map<string, { base: AnalysisBase; generation: number }>();
  private generations = 0;

  handle(req: EngineRequest): EngineReply {
    switch (req.type) {
      case 'lexicons':
        this.lexicons = lexiconsFromFiles(req.files);
        return { ok: true, problems: this.lexicons.problems };
      case 'addDocuments':
        for (const d of req.docs) this.corpus.addDocument(d.id, d.text);
        return { ok: true };
      case 'resetCorpus':
        this.corpus = new CorpusModel();
        return { ok: true };
      case 'forget':
        this.bases.delete(req.key);
        return { ok: true };
      case 'learnLine':
        if (req.forget) this.corpus.forgetLine(req.text, req.label);
        else this.corpus.learnLine(req.text, req.label);
        return { ok: true };
      case 'learnEntity':
        if (req.forget) this.learned.forget(req.label, req.text, 1);
        else this.learned.accept(req.label, req.text, req.value);
        return { ok: true };
      case 'dismissEntity':
        this.learned.dismiss(req.label, req.text, req.forget);
        return { ok: true };
      case 'analyse': {
        const started = performance.now();
        const ctx = { corpus: this.corpus, stopwords: this.lexicons.stopwords, entities: this.lexicons.entities, learned: this.learned, options: req.options };
        const known = req.key !== undefined ? this.bases.get(req.key) : undefined;
        const quick = req.quick && known ? reanalyseEdit(known.base, req.text, ctx) : undefined;
        const base = quick?.base ?? analyseFrom(req.text, req.range, ctx);
        const generation = ++this.generations;
        if (req.key !== undefined) this.remember(req.key, base, generation);
        const ms = performance.now() - started;
        return quick && known ? { ok: true, delta: quick.delta, from: known.generation, generation, ms } : { ok: true, analysis: base.analysis, generation, ms };
      }
    }
  }

  private remember(key: string, base: AnalysisBase, generation: number): void {
    this.bases.delete(key);
    this.bases.set(key, { base, generation });
    if (this.bases.size > MAX_REMEMBERED_DOCUMENTS) this.bases.delete(this.bases.keys().next().value as string);
  }
}

/** Documents whose last analysis is kept for quick re-analysis (each holds its text and line scans). */
const MAX_REMEMBERED_DOCUMENTS = 8;

export interface AnalysisEngine {
  /** Where the work runs, for the log. */
  readonly kind: 'worker' | 'in-thread';
  request(req: EngineRequest): Promise<EngineReply>;
  dispose(): void;
}

class InThreadEngine implements AnalysisEngine {
  readonly kind = 'in-thread';
  private readonly state = new EngineState();

  request(req: EngineRequest): Promise<EngineReply> {
    try {
      return Promise.resolve(this.state.handle(req));
    } catch (err) {
      return Promise.resolve({ ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  }

  dispose(): void {}
}

class WorkerEngine implements AnalysisEngine {
  readonly kind = 'worker';
  private readonly pending = new Map<number, (reply: EngineReply) => void>();
  private next = 0;

  constructor(private readonly worker: Worker) {
    worker.on('message', (m: { seq: number; reply: EngineReply }) => {
      this.pending.get(m.seq)?.(m.reply);
      this.pending.delete(m.seq);
    });
    const fail = (error: string) => {
      for (const resolve of this.pending.values()) resolve({ ok: false, error });
      this.pending.clear();
    };
    worker.on('error', (err) => fail(err.message));
    worker.on('exit', (code) => fail(`the analysis worker stopped (${code})`));
  }

  request(req: EngineRequest): Promise<EngineReply> {
    const seq = this.next++;
    return new Promise((resolve) => {
      this.pending.set(seq, resolve);
      this.worker.postMessage({ seq, req });
    });
  }

  dispose(): void {
    void this.worker.terminate();
  }
}

/** A worker running `workerScript` when possible, else the same work in this thread. */
export function createAnalysisEngine(workerScript: string | undefined, onFallback?: (why: string) => void): AnalysisEngine {
  if (workerScript) {
    try {
      return new WorkerEngine(new Worker(workerScript));
    } catch (err) {
      onFallback?.(err instanceof Error ? err.message : String(err));
    }
  }
  return new InThreadEngine();
}
