// Suggestions for open documents: the corpus statistics (built in the background, in slices, with progress),
// the lexicons, what the annotator taught (accepted tags, body/boilerplate lines), and one view model per
// document that decorations, hover, code actions and navigation all read, so they always agree.
import * as vscode from 'vscode';
import { analyseDocument, analyseRange, type DocumentAnalysis } from '../core/detect/analyse';
import { CorpusModel } from '../core/detect/corpus';
import { LearnedEntities } from '../core/detect/learned';
import { EntityLexicon, entityLexiconFileKind } from '../core/detect/lexicons';
import { parseStopwords, StopwordLexicon } from '../core/detect/stopwords';
import type { Annotation, LineDecision, SidecarData, Suggestion } from '../core/model/types';
import { parseSidecar } from '../core/sidecar/codec';
import { isSidecarPath } from '../core/sidecar/paths';
import type { NewsmarkSettings } from '../core/settings';
import { readText } from './fsio';
import type { Log } from './log';
import type { AnnotationStore, DocState } from './store';

/** What the editor shows of a document's suggestions (already filtered by tags, dismissals and settings). */
export interface DocView {
  readonly version: number;
  readonly lines: LineDecision[];
  /** Entity suggestions to show: not on boilerplate lines, not already tagged, not dismissed. */
  readonly suggestions: Suggestion[];
  /** Lines suggested as article body that are not tagged body yet. */
  readonly bodyLines: LineDecision[];
  /** Lines suggested as boilerplate (dimmed), unless tagged body. */
  readonly boilerplateLines: LineDecision[];
  /** True when only part of a very large page was analysed. */
  readonly partial: boolean;
}

/** Pages above this size are analysed only around what is visible. */
const FULL_ANALYSIS_LIMIT = 2 * 1024 * 1024;
const VISIBLE_MARGIN_LINES = 200;
const ANALYSE_DELAY_MS = 120;
const CORPUS_SLICE_MS = 30;
const READ_BATCH = 64;

export class AnalysisService implements vscode.Disposable {
  corpus = new CorpusModel();
  readonly learned = new LearnedEntities();
  stopwords = new StopwordLexicon();
  entities = new EntityLexicon();
  private readonly views = new Map<string, DocView>();
  private readonly raw = new Map<string, { version: number; analysis: DocumentAnalysis }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private corpusBuild: Promise<void> | undefined;
  private corpusIds = new Set<string>();
  /** How long the last analysis of each document took (ms), for the benchmark. */
  readonly lastDurations = new Map<string, number>();
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: AnnotationStore,
    private settings: () => NewsmarkSettings,
    private readonly log: Log,
  ) {
    this.disposables.push(
      store.onDidChange(({ state, reason }) => {
        if (reason === 'edit') this.schedule(state.uri);
        else this.refreshView(state.uri);
      }),
    );
  }

  /** The lexicons shipped in the extension plus the user's `newsmark.lexicons` files and folders. */
  async loadLexicons(): Promise<void> {
    const stopwords = new StopwordLexicon();
    const entities = new EntityLexicon();
    const shipped = vscode.Uri.joinPath(this.extensionUri, 'lexicons');
    const roots = [vscode.Uri.joinPath(shipped, 'stopwords', 'justext'), vscode.Uri.joinPath(shipped, 'entities')];
    const folder = vscode.workspace.workspaceFolders?.[0];
    for (const p of this.settings().lexicons) roots.push(p.startsWith('/') || !folder ? vscode.Uri.file(p) : vscode.Uri.joinPath(folder.uri, p));
    for (const root of roots) {
      for (const file of await listTextFiles(root)) {
        const text = await readText(file);
        if (text === undefined) continue;
        const name = file.path.slice(file.path.lastIndexOf('/') + 1);
        if (entityLexiconFileKind(name)) {
          for (const p of entities.addFile(name, text)) this.log.warn(`${file.fsPath}:${p.line}:${p.col}: ${p.message}`);
        } else {
          stopwords.add(name.replace(/\.txt$/, ''), parseStopwords(text));
        }
      }
    }
    this.stopwords = stopwords;
    this.entities = entities;
  }

  /** Every corpus document of the workspace (the `newsmark.corpus` globs). */
  async corpusFiles(): Promise<vscode.Uri[]> {
    const found = new Map<string, vscode.Uri>();
    for (const glob of this.settings().corpusGlobs) {
      // export/ is where exports go by default: its .txt copies are output, not corpus.
      for (const uri of await vscode.workspace.findFiles(glob, '**/{node_modules,.git,.vscode-test,export}/**')) {
        if (!isSidecarPath(uri.path)) found.set(uri.toString(), uri);
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
          () => this.reanalyseAll(),
          (err) => this.log.error(`corpus statistics: ${err instanceof Error ? err.message : String(err)}`),
        ),
      );
    }
    return this.corpusBuild;
  }

  /** Forgets the corpus statistics and builds them again (after many files changed; also the benchmark). */
  rebuildCorpus(): Promise<void> {
    this.corpus = new CorpusModel();
    this.corpusIds = new Set();
    this.corpusBuild = undefined;
    return this.buildCorpus();
  }

  private async readCorpus(progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<void> {
    const files = await this.corpusFiles();
    // One search for sidecars instead of a failed read per page without one.
    const sidecars = new Set((await vscode.workspace.findFiles('**/*.ann.yaml')).map((u) => u.toString()));
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
      const texts = await Promise.all(batch.map((uri) => readText(uri)));
      const sidecarTexts = await Promise.all(batch.map((uri) => {
        const sidecar = this.store.sidecarUriFor(uri);
        return sidecars.has(sidecar.toString()) ? readText(sidecar) : undefined;
      }));
      batch.forEach((uri, k) => {
        const text = texts[k];
        if (text === undefined) return;
        this.corpus.addDocument(uri.toString(), text);
        this.corpusIds.add(uri.toString());
        const data = sidecarTexts[k] !== undefined ? parseSidecar(sidecarTexts[k]!).data : undefined;
        if (data) this.learnFrom(text, data);
      });
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

  /** Accepted actors and dates become suggestions elsewhere; body tags and dismissed body lines teach the template. */
  learnFrom(text: string, data: Pick<SidecarData, 'annotations' | 'dismissed'>): void {
    for (const a of data.annotations) this.learnTag(a, text);
    for (const d of data.dismissed) if (d.label === 'body') this.corpus.learnLine(d.text, 'boilerplate');
  }

  learnTag(tag: Annotation, _text?: string): void {
    if (tag.orphaned) return;
    if (tag.label === 'body') {
      for (const line of tag.text.split(/\r\n|\r|\n/)) if (line.trim()) this.corpus.learnLine(line, 'body');
    } else {
      this.learned.accept(tag.label, tag.text, typeof tag.value === 'string' ? tag.value : undefined);
    }
  }

  forgetTag(tag: Annotation): void {
    if (tag.label === 'body') {
      for (const line of tag.text.split(/\r\n|\r|\n/)) if (line.trim()) this.corpus.forgetLine(line, 'body');
    } else {
      this.learned.forget(tag.label, tag.text, 1);
    }
  }

  /** The view model of a document, computed on first use. */
  view(doc: vscode.TextDocument): DocView | undefined {
    const key = doc.uri.toString();
    if (!this.raw.has(key) || this.raw.get(key)!.version !== doc.version) this.analyseNow(doc);
    return this.views.get(key);
  }

  /** The last view computed, possibly of an older version of the document (no analysis is started). */
  current(uri: vscode.Uri): DocView | undefined {
    return this.views.get(uri.toString());
  }

  /** The detector's raw output (all suggestions, every line). */
  analysisOf(doc: vscode.TextDocument): DocumentAnalysis | undefined {
    this.view(doc);
    return this.raw.get(doc.uri.toString())?.analysis;
  }

  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
        if (doc) this.analyseNow(doc);
      }, ANALYSE_DELAY_MS),
    );
  }

  /** Analyses now (edits are debounced by the caller). Large pages: only around the visible ranges. */
  analyseNow(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const text = doc.getText();
    const ctx = {
      corpus: this.corpus,
      stopwords: this.stopwords,
      entities: this.entities,
      learned: this.learned,
      options: { relativeDates: this.settings().suggestions.relativeDates, documentId: this.corpusIds.has(key) ? key : undefined },
    };
    let analysis: DocumentAnalysis;
    let partial = false;
    const started = performance.now();
    if (text.length > FULL_ANALYSIS_LIMIT) {
      const range = this.visibleSpan(doc);
      analysis = analyseRange(text, range, ctx);
      partial = true;
    } else {
      analysis = analyseDocument(text, ctx);
    }
    this.lastDurations.set(key, performance.now() - started);
    this.raw.set(key, { version: doc.version, analysis });
    this.refreshView(doc.uri, partial);
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
    this.views.set(key, buildView(raw.version, raw.analysis, state, this.settings(), partial ?? this.views.get(key)?.partial ?? false));
    this.emitter.fire(uri);
  }

  private reanalyseAll(): void {
    for (const doc of vscode.workspace.textDocuments) if (this.raw.has(doc.uri.toString())) this.analyseNow(doc);
  }

  /** Re-reads the settings: lexicons may have changed, and what is shown certainly did. */
  async settingsChanged(): Promise<void> {
    await this.loadLexicons();
    this.reanalyseAll();
  }

  forget(uri: vscode.Uri): void {
    this.raw.delete(uri.toString());
    this.views.delete(uri.toString());
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}

function buildView(version: number, analysis: DocumentAnalysis, state: DocState | undefined, settings: NewsmarkSettings, partial: boolean): DocView {
  const tags = state?.data.annotations.filter((a) => !a.orphaned) ?? [];
  const dismissed = state?.data.dismissed ?? [];
  const isDismissed = (label: string, start: number, end: number) => dismissed.some((d) => d.label === label && d.start === start && d.end === end);
  const bodyTags = tags.filter((t) => t.label === 'body');
  const taggedBody = (line: LineDecision) => bodyTags.some((t) => t.start < line.end && t.end > line.start);
  const dismissedBody = (line: LineDecision) => isDismissed('body', line.start, line.end);
  const lineLabel = new Map<number, LineDecision>();
  for (const l of analysis.lines) lineLabel.set(l.line, l);
  const onBody = (s: Suggestion) => {
    const l = lineLabel.get(s.line);
    return !l || l.label === 'body' ? !dismissedBody(l ?? ({ start: -1, end: -1 } as LineDecision)) : bodyTags.some((t) => t.start <= s.start && t.end >= s.end);
  };
  const suggestions = settings.suggestions.entities
    ? analysis.suggestions.filter(
        (s) => onBody(s) && !isDismissed(s.label, s.start, s.end) && !tags.some((t) => t.label === s.label && t.start < s.end && t.end > s.start),
      )
    : [];
  const bodyLines = settings.suggestions.bodyBlock ? analysis.lines.filter((l) => l.label === 'body' && !taggedBody(l) && !dismissedBody(l)) : [];
  const boilerplateLines = settings.suggestions.boilerplate
    ? analysis.lines.filter((l) => (l.label === 'boilerplate' || dismissedBody(l)) && !taggedBody(l))
    : [];
  return { version, lines: analysis.lines, suggestions, bodyLines, boilerplateLines, partial };
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
