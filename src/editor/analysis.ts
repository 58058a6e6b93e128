// Suggestions for open documents: the corpus statistics (built in the background, in slices, with progress),
// the lexicons, what the annotator taught (accepted tags, body/boilerplate lines), and one view model per
// document that decorations, hover, code actions and navigation all read, so they always agree.
import * as vscode from 'vscode';
import { type AnalysisOptions, applyDelta, type DocumentAnalysis } from '../core/detect/analyse';
import { entityLexiconFileKind } from '../core/detect/lexicons';
import { SHIPPED_STOPWORD_FOLDERS } from '../core/detect/stopwords';
import type { Annotation, Dismissal, SidecarData, Suggestion } from '../core/model/types';
import { reanchor } from '../core/sidecar/anchor';
import { parseSidecar } from '../core/sidecar/codec';
import { ghostSidecarMessage, sidecarsWithoutPage } from '../core/sidecar/ghosts';
import type { NewsmarkSettings } from '../core/settings';
import { withSuggestions } from '../core/suggesters/index';
import { createAnalysisEngine, type AnalysisEngine, type EngineRequest } from '../node/analysisEngine';
import type { LexiconFile } from '../node/lexicons';
import type { LearnerQuality } from '../core/learn/learner';
import type { BodyLearningReport } from '../core/detect/body/index';
import { exists, readPageText, readPageTextOrSkip, readSidecarText, readText } from './fsio';
import type { Log } from './log';
import type { SidecarEvents } from './sidecarWatcher';
import type { AnnotationStore } from './store';
import { buildView, type DocView } from '../core/workflow/view';
import { type Decisions, type Lesson, lessonDiff, lessonsOf, type Taught, taughtOf } from '../core/workflow/lessons';

export type { DocView };

/** Pages above this size are analysed only around what is visible. */
const FULL_ANALYSIS_LIMIT = 2 * 1024 * 1024;
const VISIBLE_MARGIN_LINES = 200;
const ANALYSE_DELAY_MS = 120;
/**
 * Pages above this size get a quick re-analysis of the changed lines after each edit (a full analysis
 * costs tens of milliseconds there), and a full one once the typing pauses for REFRESH_DELAY_MS.
 */
const QUICK_ANALYSIS_MIN_CHARS = 100_000;
const QUICK_DELAY_MS = 20;
const REFRESH_DELAY_MS = 1000;
/** Pages on screen are analysed again this long after the last entity lesson (an accept, a dismissal), so
 * what was learned shows on them within a second; lessons in a burst cost one analysis. */
const RELEARN_DELAY_MS = 300;
/** The span learner trains this long after the last decision (accept, fix, dismiss, undo, status), so a
 * burst of decisions costs one training, and the pages on screen show its suggestions well within a second. */
const RETRAIN_DELAY_MS = 150;
const CORPUS_SLICE_MS = 30;
const READ_BATCH = 64;

export class AnalysisService implements vscode.Disposable {
  private readonly engine: AnalysisEngine;
  /** Trains the span learner off both the editor's and the analysing engine's way (its own worker). */
  private readonly trainer: AnalysisEngine;
  get engineKind(): AnalysisEngine['kind'] {
    return this.engine.kind;
  }
  private readonly views = new Map<string, DocView>();
  /**
   * The last analysis of each document; `quick` when only the lines changed by edits were analysed again;
   * `generation` is the engine's number for it (a quick analysis arrives as a delta from one generation).
   */
  private readonly raw = new Map<string, { version: number; analysis: DocumentAnalysis; quick: boolean; generation: number; model: number }>();
  /** Counts the models the analysing engine was given: an analysis made with an older one is out of date. */
  private modelGeneration = 0;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly refreshTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  /** Sidecars whose page does not exist, as problems at the sidecar (found when the corpus is read). */
  private readonly ghostSidecars = vscode.languages.createDiagnosticCollection('newsmark-sidecars');
  private readonly learnedEmitter = new vscode.EventEmitter<void>();
  /** Fires when the analyses start using another span learner (and with it another held-out measurement). */
  readonly onDidLearn = this.learnedEmitter.event;
  private learnerMeasured: LearnerQuality | undefined;
  /** What learning body lines measured, as of the last body lesson; whether one came since. */
  private bodyMeasured: BodyLearningReport | undefined;
  private bodyChanged = false;
  private readonly disposables: vscode.Disposable[] = [this.emitter, this.learnedEmitter, this.ghostSidecars];
  private corpusBuild: Promise<void> | undefined;
  /** The document version each pending analysis is for: only the newest request's answer is kept. */
  private readonly inFlight = new Map<string, { version: number; quick: boolean; model: number }>();
  private corpusIds = new Set<string>();
  /** How long the last analysis of each document took (ms) and whether it was a quick one, for the benchmark. */
  readonly lastDurations = new Map<string, { ms: number; quick: boolean }>();
  readonly onDidChange = this.emitter.event;
  /** A suggestion's calibrated score and the decisions behind it (the quality view sets it from the sidecars). */
  private calibrate: (s: Suggestion) => { score: number; decisions: number } = (s) => ({ score: s.score, decisions: 0 });

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: AnnotationStore,
    private settings: () => NewsmarkSettings,
    private readonly log: Log,
    sidecars: SidecarEvents,
  ) {
    this.engine = createAnalysisEngine(vscode.Uri.joinPath(extensionUri, 'dist', 'analysis-worker.js').fsPath, (why) =>
      log.warn(`analysis runs in the extension host's thread: ${why}`),
    );
    log.info(`detectors run ${this.engine.kind === 'worker' ? 'in a worker thread' : 'in the extension host thread'}`);
    this.trainer = createAnalysisEngine(vscode.Uri.joinPath(extensionUri, 'dist', 'analysis-worker.js').fsPath, (why) =>
      log.warn(`the span learner trains in the extension host's thread: ${why}`),
    );
    this.disposables.push(
      store.onDidChange(({ state, reason }) => {
        if (reason === 'edit') this.schedule(state.uri, 'edit');
        else {
          this.refreshView(state.uri);
          // every way tags change (a command, undo, redo, import, a merge from disk) teaches its difference
          this.teachPage(state.uri.toString(), state.text, state.data);
          // tags moved by an edit teach the same; any decision (or a page read again) retrains
          this.decided(state.uri.toString(), state.text, state.data);
        }
      }),
      // a deleted page (or sidecar, or folder) teaches nothing any more
      (() => {
        const watcher = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
        watcher.onDidDelete((uri) => this.deleted(uri));
        return watcher;
      })(),
      sidecars.onDidChange(({ uri, change }) => void this.sidecarChangedOnDisk(uri, change === 'deleted')),
      // a page brought on screen catches up with what was learned while it was in the background
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const { document } of editors) {
          const raw = this.raw.get(document.uri.toString());
          if (raw && raw.model !== this.modelGeneration) void this.analyseNow(document);
        }
      }),
    );
  }

  /** The lexicons shipped in the extension plus the user's `newsmark.lexicons` files and folders. */
  async loadLexicons(): Promise<void> {
    const shipped = vscode.Uri.joinPath(this.extensionUri, 'lexicons');
    const roots = [...SHIPPED_STOPWORD_FOLDERS.map((folder) => vscode.Uri.joinPath(shipped, 'stopwords', folder)), vscode.Uri.joinPath(shipped, 'entities')];
    const folder = vscode.workspace.workspaceFolders?.[0];
    for (const p of this.settings().lexicons) roots.push(p.startsWith('/') || !folder ? vscode.Uri.file(p) : vscode.Uri.joinPath(folder.uri, p));
    const files: LexiconFile[] = [];
    for (const root of roots) {
      for (const file of await listTextFiles(root)) {
        const text = await readText(file);
        if (text === undefined) continue;
        const name = file.path.slice(file.path.lastIndexOf('/') + 1);
        const kind = entityLexiconFileKind(name) ? 'entities' : 'stopwords';
        files.push({ kind, name: kind === 'entities' ? name : name.replace(/\.txt$/, ''), path: file.fsPath, text });
      }
    }
    const [reply, trainer] = await Promise.all([this.engine.request({ type: 'lexicons', files }), this.trainer.request({ type: 'lexicons', files })]);
    if (!reply.ok) throw new Error(reply.error);
    if (!trainer.ok) this.learningFailed(trainer.error);
    for (const { path, problem } of reply.problems ?? []) this.log.warn(`${path}:${problem.line}:${problem.col}: ${problem.message}`);
  }

  /** Every news page of the workspace (the `newsmark.corpus` globs, by core's page rule). */
  async corpusFiles(): Promise<vscode.Uri[]> {
    const found = new Map<string, vscode.Uri>();
    for (const glob of this.settings().corpusGlobs) {
      // The exclusions only spare the search; the page rule decides.
      for (const uri of await vscode.workspace.findFiles(glob, '**/{node_modules,.git,.vscode-test,export}/**')) {
        if (this.store.isPage(uri)) found.set(uri.toString(), uri);
      }
    }
    return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
  }

  /**
   * Builds the corpus statistics and what the annotator taught from every document and sidecar, in slices
   * that leave the editor responsive, with a cancellable progress notification. Open documents are analysed
   * again when it ends.
   */
  buildCorpus(): Promise<void> {
    if (!this.corpusBuild) {
      this.corpusBuild = Promise.resolve(
        vscode.window
        .withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Newsmark: learning the corpus'), cancellable: true },
          (progress, token) => this.readCorpus(progress, token),
        )
        .then(
          () => this.loadModel().then(() => this.learned()).then(() => this.reanalyseAll()),
          (err) => this.log.error(`corpus statistics: ${err instanceof Error ? err.message : String(err)}`),
        ),
      );
    }
    return this.corpusBuild;
  }

  /** Forgets the corpus statistics and builds them again (after many files changed; also the benchmark). */
  rebuildCorpus(): Promise<void> {
    void this.engine.request({ type: 'resetCorpus' });
    this.bodyMeasured = undefined;
    void this.trainer.request({ type: 'resetCorpus' });
    // the lines taught live in the corpus statistics just reset (the entities taught stay where they are)
    for (const [id, taught] of this.taught) {
      for (const { lesson, count } of taught.values()) for (let i = 0; i < count; i++) if (lesson.kind === 'line' || lesson.kind === 'page') this.apply(id, lesson, false);
    }
    this.corpusIds = new Set();
    this.corpusBuild = undefined;
    return this.buildCorpus();
  }

  private async reportGhostSidecars(files: readonly vscode.Uri[], sidecars: ReadonlySet<string>): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) return;
    const locator = this.store.locatorFor(folder.uri);
    const pageFor = (sidecar: string) => locator.pageFor(sidecar);
    const pages = new Set(files.map((uri) => uri.path));
    // Other annotators' sidecars live in hidden folders (.newsmark/tags/NAME): not ours to report.
    const ownRoot = locator.sidecarRoot;
    const uris = [...sidecars].map((s) => vscode.Uri.parse(s)).filter((uri) => (ownRoot !== undefined && uri.path.startsWith(`${ownRoot}/`))
      || !vscode.workspace.asRelativePath(uri, false).split('/').some((segment) => segment.startsWith('.')));
    // Pages outside the corpus globs still count: only a page that does not exist at all makes a ghost.
    const existing = new Set(pages);
    for (const uri of uris) {
      const page = pageFor(uri.path);
      if (page !== undefined && !pages.has(page) && (await exists(uri.with({ path: page })))) existing.add(page);
    }
    const ghosts = sidecarsWithoutPage(uris.map((uri) => uri.path), pageFor, (page) => existing.has(page));
    const byPath = new Map(uris.map((uri) => [uri.path, uri]));
    this.ghostSidecars.clear();
    for (const ghost of ghosts) {
      const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 1), ghostSidecarMessage(ghost), vscode.DiagnosticSeverity.Warning);
      d.source = 'Newsmark';
      this.ghostSidecars.set(byPath.get(ghost.sidecar)!, [d]);
    }
    if (ghosts.length > 0) this.log.warn(`${ghosts.length} sidecar(s) without their page: ${ghosts.map((g) => vscode.workspace.asRelativePath(g.sidecar)).join(', ')}`);
  }

  private async readCorpus(progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<void> {
    const files = await this.corpusFiles();
    // One search for sidecars instead of a failed read per page without one.
    const sidecars = new Set((await vscode.workspace.findFiles('**/*.ann.yaml')).map((u) => u.toString()));
    await this.reportGhostSidecars(files, sidecars);
    const started = Date.now();
    let sliceStart = Date.now();
    let reported = 0;
    for (let i = 0; i < files.length; i += READ_BATCH) {
      if (token.isCancellationRequested) {
        this.log.info(`corpus statistics cancelled after ${i} of ${files.length} documents`);
        return;
      }
      // Reads overlap (each is a round trip in a remote host); the statistics are then added in order.
      const batch = files.slice(i, i + READ_BATCH);
      const texts = await Promise.all(batch.map((uri) => readPageTextOrSkip(uri, this.log)));
      const sidecarTexts = await Promise.all(batch.map((uri) => {
        const sidecar = this.store.sidecarUriFor(uri);
        // a sidecar too large or not a file teaches nothing here; the store reports it when its page opens
        return sidecars.has(sidecar.toString()) ? readSidecarText(sidecar, this.settings().maxSidecarBytes).catch(() => undefined) : undefined;
      }));
      const docs: Array<{ id: string; text: string }> = [];
      batch.forEach((uri, k) => {
        const text = texts[k];
        if (text === undefined) return;
        docs.push({ id: uri.toString(), text });
        this.corpusIds.add(uri.toString());
        const data = sidecarTexts[k] !== undefined ? parseSidecar(sidecarTexts[k]!).data : undefined;
        if (!data) return;
        // an open page's decisions come from the store (they may be newer than the file)
        if (!this.store.get(uri)) this.learnClosedPage(uri.toString(), text, data, false);
      });
      await Promise.all([this.engine.request({ type: 'addDocuments', docs }), this.trainer.request({ type: 'addDocuments', docs, words: true })]);
      if (Date.now() - sliceStart > CORPUS_SLICE_MS) {
        const done = Math.min(files.length, i + READ_BATCH);
        progress.report({ message: `${done} / ${files.length}`, increment: (100 * (done - reported)) / Math.max(1, files.length) });
        reported = done;
        await new Promise((r) => setTimeout(r, 0));
        sliceStart = Date.now();
      }
    }
    this.log.info(`corpus statistics: ${files.length} documents in ${Date.now() - started} ms`);
  }

  /** The span learner's view of a page's decisions changed; it trains again shortly (`retrain`: unless false). */
  private decided(id: string, text: string, decisions: Pick<SidecarData, 'annotations' | 'dismissed' | 'status'>, retrain = true): void {
    this.decidedPages.set(id, this.store.sidecarUriFor(vscode.Uri.parse(id)).toString());
    const page: EngineRequest = { type: 'page', id, text, decisions: { annotations: decisions.annotations, dismissed: decisions.dismissed, status: decisions.status } };
    void this.trainer.request(page);
    // the analysing engine reads the done pages too: what they leave untagged counts against accepted texts
    // (the retraining that follows analyses the pages on screen again)
    this.send(page);
    if (retrain) this.scheduleRetrain();
  }

  /** Pages whose decisions the trainer holds, and their sidecars. */
  private readonly decidedPages = new Map<string, string>();

  private deleted(uri: vscode.Uri): void {
    const gone = uri.toString();
    const inside = (other: string) => other === gone || other.startsWith(`${gone}/`);
    let changed = false;
    for (const [id, sidecar] of this.decidedPages) {
      if (!inside(id) && !inside(sidecar)) continue;
      this.decidedPages.delete(id);
      void this.trainer.request({ type: 'page', id });
      this.send({ type: 'page', id });
      changed = true;
    }
    for (const id of [...this.taught.keys()]) if (inside(id)) this.teachPage(id, '', undefined);
    if (changed) this.scheduleRetrain();
  }

  private retrainTimer: ReturnType<typeof setTimeout> | undefined;
  /** The training under way, and whether decisions came in since it started. */
  private training: Promise<void> | undefined;
  private retrainAgain = false;
  private learningWarned = false;
  private modelSetting: string | undefined;

  private scheduleRetrain(): void {
    clearTimeout(this.retrainTimer);
    this.retrainTimer = setTimeout(() => {
      this.retrainTimer = undefined;
      void this.retrain();
    }, RETRAIN_DELAY_MS);
  }

  /**
   * Trains the span learner on every page's decisions (in its worker), hands the model to the analysing
   * engine and analyses the pages on screen again. A failure is logged once and leaves the rules' suggestions.
   */
  retrain(): Promise<void> {
    if (this.training) {
      this.retrainAgain = true;
      return this.training;
    }
    this.training = (async () => {
      do {
        this.retrainAgain = false;
        // first the model alone, with the gate measured last time (shown within moments), then the
        // measurement; decisions made meanwhile start over with a quick one
        for (const quick of [true, false]) {
          if (this.retrainAgain) break;
          const reply = await this.trainer.request({ type: 'train', options: this.options(undefined), quick });
          let use: EngineRequest;
          if (!reply.ok) {
            this.learningFailed(reply.error);
            use = { type: 'useModel' };
          } else if (reply.model === undefined) continue; // nothing changed
          else {
            use = reply.model === null ? { type: 'useModel' } : { type: 'useModel', model: reply.model, ...(reply.words ? { words: reply.words } : {}) };
            const t = reply.trained;
            if (t) this.log.info(`span learner: trained on ${t.pages} pages in ${t.ms} ms${t.measured ? ' (measured)' : ''}${t.active.length > 0 ? `, replaces the rules for ${t.active.join(', ')}` : ''}`);
          }
          const used = await this.engine.request(use);
          this.modelGeneration++;
          if (!used.ok) this.learningFailed(used.error);
          this.learnerMeasured = used.ok && use.type === 'useModel' ? use.model?.quality : undefined;
          this.learnedEmitter.fire();
          await this.reanalyseShown();
        }
      } while (this.retrainAgain);
    })().finally(() => (this.training = undefined));
    return this.training;
  }

  /** What the span learner in use measured when it was trained (undefined: the rules alone suggest). */
  get learnerQuality(): LearnerQuality | undefined {
    return this.learnerMeasured;
  }

  /** What learning body lines measured on the annotator's pages (undefined: no body lesson yet). */
  get bodyLearning(): BodyLearningReport | undefined {
    return this.bodyMeasured;
  }

  /** Resolves when the decisions made so far are learned and shown (tests, the benchmark). */
  async learned(): Promise<void> {
    if (this.retrainTimer !== undefined) {
      clearTimeout(this.retrainTimer);
      this.retrainTimer = undefined;
      await this.retrain();
    }
    while (this.training) await this.training;
  }

  private learningFailed(error: string): void {
    this.log.warn(`span learner: ${error} (suggestions come from the rules alone)`);
    if (!this.learningWarned) {
      this.learningWarned = true;
      void vscode.window.showWarningMessage(vscode.l10n.t('Newsmark could not learn from your decisions: {0}. Suggestions come from the rules alone.', error));
    }
  }

  /**
   * Reads the `newsmark.model` file (workspace-relative or absolute) as the starting point of training. A file
   * that cannot be used is reported; training then starts from nothing.
   */
  async loadModel(): Promise<void> {
    const setting = this.settings().model.trim();
    if (setting === this.modelSetting) return;
    this.modelSetting = setting;
    let model: unknown;
    if (setting !== '') {
      const folder = vscode.workspace.workspaceFolders?.[0];
      const uri = setting.startsWith('/') || !folder ? vscode.Uri.file(setting) : vscode.Uri.joinPath(folder.uri, setting);
      const text = await readText(uri);
      try {
        if (text === undefined) throw new Error('cannot read the file');
        model = JSON.parse(text);
      } catch (err) {
        this.modelProblem(setting, err instanceof Error ? err.message : String(err));
        model = undefined;
      }
    }
    const reply = await this.trainer.request(model === undefined ? { type: 'model' } : { type: 'model', model });
    if (!reply.ok) this.modelProblem(setting, reply.error);
    else if (model !== undefined) this.log.info(`span learner: starts from the model ${setting}`);
    this.scheduleRetrain();
  }

  private modelProblem(file: string, message: string): void {
    this.log.warn(`newsmark.model ${file}: ${message}`);
    void vscode.window.showWarningMessage(vscode.l10n.t('Newsmark cannot use the model {0}: {1}', file, message));
  }

  /** A page that is not open: its decisions as its sidecar has them, placed in its text, teach every learner. */
  private learnClosedPage(id: string, text: string, data: SidecarData, retrain: boolean): void {
    const place = <T extends Annotation | Dismissal>(tags: readonly T[]): T[] => {
      const placed = reanchor(text, tags);
      return [...placed.placed, ...placed.moved];
    };
    const decisions = { annotations: place(data.annotations), dismissed: place(data.dismissed), status: data.status };
    this.teachPage(id, text, decisions);
    this.decided(id, text, decisions, retrain);
  }

  /**
   * A sidecar written or deleted on disk for a page that is not open (a teammate's work pulled with git, a
   * command-line import): what the page teaches follows it at once. Open pages learn through the store.
   */
  private async sidecarChangedOnDisk(sidecarUri: vscode.Uri, deleted: boolean): Promise<void> {
    const pagePath = this.store.locatorFor(sidecarUri).pageFor(sidecarUri.path);
    if (pagePath === undefined) return;
    const page = sidecarUri.with({ path: pagePath });
    if (this.store.get(page) || !this.store.isPage(page)) return;
    if (deleted) {
      this.teachPage(page.toString(), '', undefined);
      return;
    }
    const sidecarText = await readSidecarText(sidecarUri, this.settings().maxSidecarBytes).catch(() => undefined);
    const data = sidecarText === undefined ? undefined : parseSidecar(sidecarText).data;
    const text = data ? await readPageText(page).catch(() => undefined) : undefined;
    if (!data || text === undefined || this.store.get(page)) return;
    this.learnClosedPage(page.toString(), text, data, true);
  }

  /** What each page has taught the incremental learners so far (lessons.ts). */
  private readonly taught = new Map<string, Taught>();

  /**
   * Brings what a page taught in line with its decisions now (undefined: the page is gone): accepted actors
   * and dates are suggested elsewhere, dismissed ones less, body tags and dismissed body lines teach the template.
   */
  private teachPage(id: string, text: string, decisions: Decisions | undefined): void {
    const now = decisions ? taughtOf(lessonsOf(text, decisions)) : undefined;
    const { learn, forget } = lessonDiff(this.taught.get(id), now);
    for (const lesson of forget) this.apply(id, lesson, true);
    for (const lesson of learn) this.apply(id, lesson, false);
    if (now && now.size > 0) this.taught.set(id, now);
    else this.taught.delete(id);
  }

  private apply(id: string, lesson: Lesson, forget: boolean): void {
    if (lesson.kind === 'line') this.send({ type: 'learnLine', text: lesson.text, label: lesson.label, forget });
    else if (lesson.kind === 'page') this.send({ type: 'learnBodyPage', id, page: forget ? undefined : lesson.page });
    else if (lesson.kind === 'dismissal') this.send({ type: 'dismissEntity', label: lesson.label, text: lesson.text, forget });
    else this.send({ type: 'learnEntity', label: lesson.label, text: lesson.text, value: lesson.value, forget });
  }

  /** Messages whose answer nobody waits for; the engine keeps their order relative to analyses. */
  private send(req: EngineRequest): void {
    void this.engine.request(req).then((r) => !r.ok && this.log.warn(`analysis engine: ${r.error}`));
    if (req.type === 'learnBodyPage') this.bodyChanged = true;
    if (req.type === 'learnEntity' || req.type === 'dismissEntity' || req.type === 'learnBodyPage') this.scheduleRelearn();
  }

  private relearnTimer: ReturnType<typeof setTimeout> | undefined;

  private scheduleRelearn(): void {
    clearTimeout(this.relearnTimer);
    this.relearnTimer = setTimeout(() => {
      this.relearnTimer = undefined;
      // the pages on screen (pages in background tabs catch up at their next analysis)
      void this.reanalyseShown().then(() => this.measureBody());
    }, RELEARN_DELAY_MS);
  }

  /** Asks the engine what the body line model measured, after body lessons changed (the quality view). */
  private async measureBody(): Promise<void> {
    if (!this.bodyChanged) return;
    this.bodyChanged = false;
    const reply = await this.engine.request({ type: 'bodyReport' });
    if (!reply.ok) {
      this.log.warn(`analysis engine: ${reply.error}`);
      return;
    }
    this.bodyMeasured = reply.bodyReport;
    this.learnedEmitter.fire();
  }

  /** The pages on screen analysed again (pages in background tabs catch up at their next analysis). */
  private reanalyseShown(): Promise<void> {
    const shown = new Set(vscode.window.visibleTextEditors.map((e) => e.document));
    return Promise.all([...shown].filter((doc) => this.raw.has(doc.uri.toString())).map((doc) => this.analyseNow(doc))).then(() => undefined);
  }

  /** Sets how raw scores map to calibrated ones; what is shown is filtered again (newsmark.suggestions.minScore). */
  setCalibration(calibrate: (s: Suggestion) => { score: number; decisions: number }): void {
    this.calibrate = calibrate;
    for (const key of this.raw.keys()) this.refreshView(vscode.Uri.parse(key));
  }

  /** The suggestion's calibrated score and how many of the annotator's decisions it rests on. */
  calibrated(s: Suggestion): { score: number; decisions: number } {
    return this.calibrate(s);
  }

  /** Analyses any text with the corpus statistics (export uses it for documents that are not open). */
  async analyseText(text: string, documentId?: string): Promise<DocumentAnalysis> {
    const reply = await this.engine.request({ type: 'analyse', text, options: this.options(documentId) });
    if (!reply.ok || !reply.analysis) throw new Error(reply.ok ? 'no analysis' : reply.error);
    return reply.analysis;
  }

  private options(documentId: string | undefined): AnalysisOptions {
    const { relativeDates, dateRanges } = this.settings().suggestions;
    return { relativeDates, dateRanges, documentId: documentId && this.corpusIds.has(documentId) ? documentId : undefined };
  }

  /** The view model of the document's current version, analysing it first when needed. */
  async view(doc: vscode.TextDocument): Promise<DocView | undefined> {
    const current = this.views.get(doc.uri.toString());
    if (current?.version === doc.version && this.raw.get(doc.uri.toString())?.model === this.modelGeneration) return current;
    await this.analyseNow(doc, this.quickAllowed(doc));
    return this.views.get(doc.uri.toString());
  }

  /** The view after a full analysis of the document's current version (not a quick one after an edit). */
  async completeView(doc: vscode.TextDocument): Promise<DocView | undefined> {
    const raw = this.raw.get(doc.uri.toString());
    if (!raw || raw.version !== doc.version || raw.quick || raw.model !== this.modelGeneration) await this.analyseNow(doc);
    return this.views.get(doc.uri.toString());
  }

  /** The last analysis as the detectors gave it (unfiltered by tags, dismissals and settings), for tests. */
  lastAnalysis(uri: vscode.Uri): { version: number; analysis: DocumentAnalysis; quick: boolean } | undefined {
    return this.raw.get(uri.toString());
  }

  /** Suggestions from elsewhere (external suggesters) for a version of a document, shown with the detectors'. */
  private moreSuggestions: (uri: vscode.Uri, version: number) => readonly Suggestion[] = () => [];

  setMoreSuggestions(provider: (uri: vscode.Uri, version: number) => readonly Suggestion[]): void {
    this.moreSuggestions = provider;
  }

  /** Shows the document again (more suggestions arrived); no detection. */
  refresh(uri: vscode.Uri): void {
    this.refreshView(uri);
  }

  /** The last view computed, possibly of an older version of the document (no analysis is started). */
  current(uri: vscode.Uri): DocView | undefined {
    return this.views.get(uri.toString());
  }

  /** A very large page is analysed around what is visible: scrolling asks for the new part. */
  visibleRangesChanged(doc: vscode.TextDocument): void {
    if (this.views.get(doc.uri.toString())?.partial) this.schedule(doc.uri, 'scroll');
  }

  /** After an edit: a quick analysis of the changed lines on large pages, else a full one once typing pauses. */
  private schedule(uri: vscode.Uri, why: 'edit' | 'scroll'): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    clearTimeout(this.refreshTimers.get(key));
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    const quick = why === 'edit' && doc !== undefined && this.quickAllowed(doc);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        const current = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
        if (current) void this.analyseNow(current, quick);
      }, quick ? QUICK_DELAY_MS : ANALYSE_DELAY_MS),
    );
  }

  private quickAllowed(doc: vscode.TextDocument): boolean {
    return this.raw.has(doc.uri.toString()) && doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end) > QUICK_ANALYSIS_MIN_CHARS;
  }

  private scheduleRefresh(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.refreshTimers.get(key));
    this.refreshTimers.set(
      key,
      setTimeout(() => {
        this.refreshTimers.delete(key);
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
        if (doc) void this.analyseNow(doc);
      }, REFRESH_DELAY_MS),
    );
  }

  /** Analyses the document's current version in the engine. Large pages: only around the visible ranges. */
  async analyseNow(doc: vscode.TextDocument, quick = false): Promise<void> {
    const key = doc.uri.toString();
    const version = doc.version;
    const flying = this.inFlight.get(key);
    const model = this.modelGeneration;
    // a full analysis of this version under way answers anyone; a quick one only those asking for quick
    if (flying && flying.version === version && flying.model === model && (quick || !flying.quick)) return this.waitFor(doc.uri, version, quick, model);
    this.inFlight.set(key, { version, quick, model });
    if (!quick) clearTimeout(this.refreshTimers.get(key));
    const text = doc.getText();
    const partial = text.length > FULL_ANALYSIS_LIMIT;
    const reply = await this.engine.request({ type: 'analyse', text, options: this.options(key), range: partial ? this.visibleSpan(doc) : undefined, key, quick });
    if (this.inFlight.get(key)?.version === version && this.inFlight.get(key)?.quick === quick && this.inFlight.get(key)?.model === model) this.inFlight.delete(key);
    if (!reply.ok || (!reply.analysis && !reply.delta)) {
      this.log.error(`analysis of ${vscode.workspace.asRelativePath(doc.uri)}: ${reply.ok ? 'no result' : reply.error}`);
      return;
    }
    const answeredQuick = reply.delta !== undefined;
    const known = this.raw.get(key);
    if (known && (known.version > version || known.model > model)) return; // a newer version (or model) was analysed meanwhile
    if (known && known.version === version && !known.quick && answeredQuick) return; // the full one came first
    let analysis = reply.analysis;
    if (reply.delta) {
      // made from an analysis this editor skipped (an answer that came too late): ask for the whole page
      if (!known || known.generation !== reply.from) return this.analyseNow(doc);
      analysis = applyDelta(known.analysis, reply.delta);
    }
    this.lastDurations.set(key, { ms: reply.ms ?? NaN, quick: answeredQuick });
    this.raw.set(key, { version, analysis: analysis!, quick: answeredQuick, generation: reply.generation ?? -1, model });
    if (answeredQuick) this.scheduleRefresh(doc.uri);
    this.refreshView(doc.uri, partial);
  }

  /** Resolves once the given version has been analysed (another caller started it); fully unless `quick`. */
  private waitFor(uri: vscode.Uri, version: number, quick: boolean, model: number): Promise<void> {
    return new Promise((resolve) => {
      const sub = this.onDidChange((changed) => {
        const raw = this.raw.get(uri.toString());
        if (changed.toString() === uri.toString() && raw && raw.model >= model && (raw.version > version || (raw.version === version && (quick || !raw.quick)))) {
          sub.dispose();
          resolve();
        }
      });
    });
  }

  private visibleSpan(doc: vscode.TextDocument): { start: number; end: number } {
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document === doc);
    let first = 0;
    let last = Math.min(doc.lineCount - 1, 2 * VISIBLE_MARGIN_LINES);
    if (editors.length > 0) {
      first = Math.min(...editors.flatMap((e) => e.visibleRanges.map((r) => r.start.line)));
      last = Math.max(...editors.flatMap((e) => e.visibleRanges.map((r) => r.end.line)));
    }
    first = Math.max(0, first - VISIBLE_MARGIN_LINES);
    last = Math.min(doc.lineCount - 1, last + VISIBLE_MARGIN_LINES);
    return { start: doc.offsetAt(new vscode.Position(first, 0)), end: doc.offsetAt(doc.lineAt(last).range.end) };
  }

  /** Recomputes what is shown from the last analysis and the current tags (cheap: no detection). */
  private refreshView(uri: vscode.Uri, partial?: boolean): void {
    const key = uri.toString();
    const raw = this.raw.get(key);
    if (!raw) return;
    const state = this.store.get(uri);
    const analysis = withSuggestions(raw.analysis, this.moreSuggestions(uri, raw.version));
    const minScore = this.settings().suggestions.minScore;
    const shown = minScore > 0 ? (s: Suggestion) => this.calibrate(s).score >= minScore : () => true;
    this.views.set(key, buildView(raw.version, analysis, state?.data, this.settings(), partial ?? this.views.get(key)?.partial ?? false, shown));
    this.emitter.fire(uri);
  }

  private reanalyseAll(): Promise<void> {
    return Promise.all(vscode.workspace.textDocuments.filter((doc) => this.raw.has(doc.uri.toString())).map((doc) => this.analyseNow(doc))).then(() => undefined);
  }

  /** Re-reads the settings: lexicons may have changed, and what is shown certainly did. */
  async settingsChanged(): Promise<void> {
    await this.loadLexicons();
    await this.loadModel();
    await this.reanalyseAll();
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.raw.delete(key);
    this.views.delete(key);
    clearTimeout(this.refreshTimers.get(key));
    this.send({ type: 'forget', key });
  }

  dispose(): void {
    for (const t of [...this.timers.values(), ...this.refreshTimers.values()]) clearTimeout(t);
    clearTimeout(this.relearnTimer);
    clearTimeout(this.retrainTimer);
    for (const d of this.disposables) d.dispose();
    this.engine.dispose();
    this.trainer.dispose();
  }
}

async function listTextFiles(root: vscode.Uri): Promise<vscode.Uri[]> {
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(root);
  } catch {
    return [];
  }
  if (stat.type & vscode.FileType.File) return root.path.endsWith('.txt') ? [root] : [];
  const out: vscode.Uri[] = [];
  const entries = await vscode.workspace.fs.readDirectory(root);
  for (const [name, type] of entries.sort((a, b) => a[0].localeCompare(b[0]))) {
    const child = vscode.Uri.joinPath(root, name);
    if (type & vscode.FileType.Directory) out.push(...(await listTextFiles(child)));
    else if (name.endsWith('.txt')) out.push(child);
  }
  return out;
}
