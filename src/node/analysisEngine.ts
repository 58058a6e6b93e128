// Detection off the editor's thread. The engine owns the corpus statistics, lexicons and what the annotator
// taught; the editor sends it documents and gets analyses back. It runs in a worker thread where the host
// has them (Node extension hosts) and in the calling thread otherwise: both go through the same messages,
// processed in order, so a "learn" sent before an "analyse" is always seen by it.
//
// The span learner trains in an engine of its own (the editor runs two): it holds the annotator's decisions
// per page, the loaded model and how the corpus writes each word (the word profile: only this engine reads
// it from the pages), trains on 'train' and answers with the model file and, when it changed, the profile,
// which the analysing engine then uses ('useModel'). Training never delays an analysis, and an engine that
// fails costs only the learned suggestions.
import { Worker } from 'node:worker_threads';
import { type AnalysisBase, type AnalysisDelta, analyseFrom, type AnalysisOptions, type DocumentAnalysis, reanalyseEdit } from '../core/detect/analyse';
import { type BodyLearningReport, bodyLearningReport } from '../core/detect/body/index';
import { type BodyPageLesson, CorpusModel } from '../core/detect/corpus';
import { LearnedEntities } from '../core/detect/learned';
import { WordProfile, type WordProfileData } from '../core/detect/wordProfile';
import { donePages, untaggedCounts } from '../core/detect/untagged';
import { type DecidedPage, LearningDocuments, trainOnPages } from '../core/learn/examples';
import { type ModelFile, SpanLearner } from '../core/learn/learner';
import type { LineLabel, Problem } from '../core/model/types';
import { lexiconsFromFiles, type LexiconFile } from './lexicons';

export type EngineRequest =
  | { type: 'lexicons'; files: LexiconFile[] }
  /** `words`: also read how the pages write their words (the training engine's word profile). */
  | { type: 'addDocuments'; docs: Array<{ id: string; text: string }>; words?: boolean }
  | { type: 'resetCorpus' }
  | { type: 'forget'; key: string }
  | { type: 'learnLine'; text: string; label: LineLabel; forget: boolean }
  /** A page's body lesson for the body line model (none: the page teaches it nothing any more). */
  | { type: 'learnBodyPage'; id: string; page?: BodyPageLesson }
  /** What the body line model measured per site (the Suggestion quality view). */
  | { type: 'bodyReport' }
  | { type: 'learnEntity'; label: string; text: string; value?: string; forget: boolean }
  /** A suggestion of `text` as `label` was dismissed (`forget`: the dismissal was undone). */
  | { type: 'dismissEntity'; label: string; text: string; forget: boolean }
  /** The annotator's decisions on a page (none: it teaches nothing any more), for the next training. */
  | { type: 'page'; id: string; text?: string; decisions?: DecidedPage['decisions'] }
  /** The model file to start training from (the newsmark.model setting); none: start from nothing. */
  | { type: 'model'; model?: unknown }
  /**
   * Trains on the pages' decisions when they changed; answers with the model file (null: nothing learned).
   * `quick`: fit the model only, keeping the last measurement's gate and calibration (a full training, which
   * measures, is still due; without a measurement yet it measures anyway).
   */
  | { type: 'train'; options: AnalysisOptions; quick?: boolean }
  /** The model analyses use from now on (none: the rules alone), and the word profile it was trained with
   * when that changed. */
  | { type: 'useModel'; model?: ModelFile; words?: WordProfileData }
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
      /** After 'train': the model file, null when nothing was learned; undefined when nothing changed. */
      model?: ModelFile | null;
      /** With a model: the word profile it was trained with, when it is not the one sent last. */
      words?: WordProfileData;
      /** After 'train': what the training read and how long it took. */
      trained?: { pages: number; ms: number; active: string[]; measured: boolean };
      /** After 'bodyReport'. */
      bodyReport?: BodyLearningReport;
    }
  | { ok: false; error: string };

/** The state behind the messages; the worker and the in-thread engine both run one. */
export class EngineState {
  private corpus = new CorpusModel();
  /** Training side: how the corpus writes each word (the span learner's features), read from the pages
   * added with `words`, and the version of it last sent with a model. */
  private words = new WordProfile();
  private wordsSent: number | undefined;
  private readonly learned = new LearnedEntities();
  private lexicons = lexiconsFromFiles([]);
  /** The last analysis of each recently analysed document and its number, most recent last. */
  private readonly bases = new Map<string, { base: AnalysisBase; generation: number }>();
  private generations = 0;
  /** Decisions per page (the analysing side reads the done ones), the loaded model, and whether anything
   * changed since the last training. */
  private readonly pages = new Map<string, DecidedPage>();
  /** What the learner read of each page at the last training, reused where nothing it depends on changed. */
  private readonly documents = new LearningDocuments();
  private base: SpanLearner | undefined;
  private untrained = true;
  /** The last learner trained with its held-out measurement, and whether decisions came in since. */
  private measured: SpanLearner | undefined;
  private unmeasured = true;
  /** Analysing side: the learner in use, and the word profile it was trained with (it belongs to the
   * model, not to the corpus statistics here: a rebuild of those keeps it). */
  private learner: SpanLearner | undefined;
  private learnerWords: WordProfile | undefined;
  /** Whether accepted texts or done pages changed since their untagged occurrences were counted. */
  private untaggedStale = false;

  handle(req: EngineRequest): EngineReply {
    switch (req.type) {
      case 'lexicons':
        this.lexicons = lexiconsFromFiles(req.files);
        return { ok: true, problems: this.lexicons.problems };
      case 'addDocuments':
        for (const d of req.docs) {
          this.corpus.addDocument(d.id, d.text);
          if (req.words) this.words.addPage(d.id, d.text);
        }
        // the word profile is a feature of the model: a model fitted before these pages must be fitted again
        if (req.words && req.docs.length > 0) this.untrained = true;
        return { ok: true };
      case 'resetCorpus':
        this.corpus = new CorpusModel();
        this.words = new WordProfile();
        this.wordsSent = undefined;
        this.untrained = true;
        return { ok: true };
      case 'forget':
        this.bases.delete(req.key);
        return { ok: true };
      case 'learnLine':
        if (req.forget) this.corpus.forgetLine(req.text, req.label);
        else this.corpus.learnLine(req.text, req.label);
        return { ok: true };
      case 'learnBodyPage':
        if (req.page) this.corpus.learnBodyPage(req.id, req.page);
        else this.corpus.forgetBodyPage(req.id);
        return { ok: true };
      case 'bodyReport':
        return { ok: true, bodyReport: bodyLearningReport(this.corpus, this.lexicons.stopwords) };
      case 'learnEntity':
        if (req.forget) this.learned.forget(req.label, req.text, 1);
        else this.learned.accept(req.label, req.text, req.value);
        this.untaggedStale = true;
        return { ok: true };
      case 'dismissEntity':
        this.learned.dismiss(req.label, req.text, req.forget);
        return { ok: true };
      case 'page': {
        const d = req.decisions;
        const teaches = req.text !== undefined && d !== undefined && (d.annotations.length > 0 || d.dismissed.length > 0 || d.status === 'done');
        const known = this.pages.get(req.id);
        if (known?.decisions.status === 'done' || d?.status === 'done') this.untaggedStale = true;
        if (!teaches) {
          if (known) this.untrained = true;
          this.pages.delete(req.id);
        } else if (!known || known.text !== req.text || JSON.stringify(known.decisions) !== JSON.stringify(d)) {
          this.pages.set(req.id, { id: req.id, text: req.text!, decisions: d });
          this.untrained = true;
        }
        return { ok: true };
      }
      case 'model':
        this.untrained = true;
        this.measured = undefined;
        this.base = undefined;
        if (req.model !== undefined) this.base = SpanLearner.fromJSON(req.model);
        return { ok: true };
      case 'train': {
        if (this.untrained) this.unmeasured = true;
        const quick = req.quick === true && this.measured !== undefined;
        if (!this.untrained && (quick || !this.unmeasured)) return { ok: true };
        const started = performance.now();
        this.untrained = false;
        const ctx = { corpus: this.corpus, stopwords: this.lexicons.stopwords, entities: this.lexicons.entities, learned: new LearnedEntities(), words: this.words, options: req.options };
        const learner = trainOnPages([...this.pages.values()], ctx, this.base, quick ? this.measured : undefined, this.documents);
        if (!quick) {
          this.measured = learner;
          this.unmeasured = false;
        }
        const model = learner?.changesSuggestions ? learner.toJSON() : null;
        const active = learner ? learner.labels.filter((label) => learner.active(label)) : [];
        const reply: EngineReply = { ok: true, model, trained: { pages: this.pages.size, ms: Math.round(performance.now() - started), active, measured: !quick } };
        if (model && this.wordsSent !== this.words.version) {
          reply.words = this.words.toJSON();
          this.wordsSent = this.words.version;
        }
        return reply;
      }
      case 'useModel':
        this.learner = req.model ? SpanLearner.fromJSON(req.model) : undefined;
        // sent only when it changed: a model without it was trained with the one received before
        if (req.words) this.learnerWords = WordProfile.fromJSON(req.words);
        this.bases.clear(); // a quick re-analysis would keep suggestions of the model before
        return { ok: true };
      case 'analyse': {
        const started = performance.now();
        // a quick re-analysis while typing keeps the last counts: the full one once typing pauses recounts
        if (this.untaggedStale && !req.quick) {
          this.learned.setUntagged(untaggedCounts(this.learned, donePages(this.pages.values())));
          this.untaggedStale = false;
        }
        const ctx = { corpus: this.corpus, stopwords: this.lexicons.stopwords, entities: this.lexicons.entities, learned: this.learned, learner: this.learner, words: this.learnerWords, options: req.options };
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
  /** Why the worker stopped: later requests fail at once instead of waiting forever. */
  private stopped: string | undefined;

  constructor(private readonly worker: Worker) {
    worker.on('message', (m: { seq: number; reply: EngineReply }) => {
      this.pending.get(m.seq)?.(m.reply);
      this.pending.delete(m.seq);
    });
    const fail = (error: string) => {
      this.stopped ??= error;
      for (const resolve of this.pending.values()) resolve({ ok: false, error });
      this.pending.clear();
    };
    worker.on('error', (err) => fail(err.message));
    worker.on('exit', (code) => fail(`the analysis worker stopped (${code})`));
  }

  request(req: EngineRequest): Promise<EngineReply> {
    const seq = this.next++;
    if (this.stopped !== undefined) return Promise.resolve({ ok: false, error: this.stopped });
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
