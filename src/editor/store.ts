// Per-document annotations: loaded from the sidecar, kept in step with edits of the text, saved back
// (debounced, atomic, only when something changed), and merged with changes made on disk by others.
import * as vscode from 'vscode';
import { addTag, mergeById, mergeDismissals, newAnnotationId, sortAnnotations } from '../core/model/annotations';
import { AnnotationHistory } from '../core/model/history';
import { rebase } from '../core/model/rebase';
import { dropStaleReviews } from '../core/review';
import type { Annotation, Dismissal, DocStatus, Problem, SidecarData, Span, SuggestedBy, TagSource } from '../core/model/types';
import { reanchor, withContext } from '../core/sidecar/anchor';
import { checkLabels, newSidecar, parseSidecar, serialiseSidecar, type ParsedSidecar } from '../core/sidecar/codec';
import { sha256Utf8 } from '../core/sidecar/hash';
import { SidecarLocator } from '../core/sidecar/locator';
import { pageRule, type PageRule } from '../core/pages';
import type { NewsmarkSettings } from '../core/settings';
import { toEdits } from './convert';
import { errnoText, FileRefused } from '../node/files';
import { readSidecarText, withSidecarLock, writeTextAtomic } from './fsio';
import type { Log } from './log';
import type { SidecarEvents } from './sidecarWatcher';

export interface DocState {
  readonly uri: vscode.Uri;
  readonly sidecarUri: vscode.Uri;
  /** Current tags, dismissals and status (orphaned tags included, flagged). */
  data: SidecarData;
  /** False when the sidecar could not be read safely: tags are shown but never written. */
  writable: boolean;
  /** Problems of the sidecar file (positioned in the sidecar). */
  problems: Problem[];
  history: AnnotationHistory;
  /** The text the tags refer to. */
  text: string;
  /** Last parse of the text on disk, so a save keeps its comments and unknown keys. */
  parsed?: ParsedSidecar;
  /** The data as last read from or written to disk: the base of a three-way merge. */
  base: SidecarData;
  diskText?: string;
  dirty: boolean;
}

export type ChangeReason = 'load' | 'tags' | 'edit' | 'disk' | 'status';

export interface NewTag extends Span {
  label: string;
  value?: string | string[];
  source: TagSource;
  /** The suggestion it is accepted from. */
  suggested?: SuggestedBy;
}

const SAVE_DELAY_MS = 250;
/** setTextDocumentLanguage closes a document and opens it again at once. */
const REOPEN_WINDOW_MS = 2000;

export class AnnotationStore implements vscode.Disposable {
  private readonly states = new Map<string, DocState>();
  private readonly loading = new Map<string, Promise<DocState>>();
  /** States of documents closed in the last REOPEN_WINDOW_MS, for a reopen (takeReopened). */
  private readonly recentlyClosed = new Map<string, { state: DocState; at: number }>();
  /** Documents being closed: their last save must land before the sidecar is read again. */
  private readonly closing = new Map<string, Promise<void>>();
  /** Debounced saves, by state: a document closed and reopened (a language switch) has two states for a moment. */
  private readonly saveTimers = new Map<DocState, ReturnType<typeof setTimeout>>();
  private readonly pendingSaves = new Set<Promise<void>>();
  private readonly emitter = new vscode.EventEmitter<{ state: DocState; reason: ChangeReason }>();
  private readonly disposables: vscode.Disposable[] = [];
  readonly onDidChange = this.emitter.event;
  private pages: { key: string; rule: PageRule } | undefined;
  /** How long the last text change took to handle, listeners (tag redraw) included: for the benchmark. */
  lastEditMs = 0;

  constructor(
    private settings: () => NewsmarkSettings,
    private readonly log: Log,
    private readonly annotator: () => string,
    private readonly canWrite: () => boolean,
    sidecars: SidecarEvents,
  ) {
    this.disposables.push(
      this.emitter,
      vscode.workspace.onDidChangeTextDocument((e) => this.onTextChanged(e)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.unload(doc.uri)),
    );
    this.disposables.push(sidecars.onDidChange(({ uri }) => void this.onSidecarChangedOnDisk(uri)));
  }

  get(uri: vscode.Uri): DocState | undefined {
    return this.states.get(uri.toString());
  }

  all(): DocState[] {
    return [...this.states.values()];
  }

  /** Whether a file is a news page by core's rule (outside any workspace folder: by its file name). */
  isPage(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const rel = folder ? uri.path.slice(folder.uri.path.replace(/\/+$/, '').length + 1) : uri.path.slice(uri.path.lastIndexOf('/') + 1);
    return this.pageRule().isPage(rel);
  }

  private pageRule(): PageRule {
    const { corpusGlobs, sidecarFolder } = this.settings();
    const relFolder = sidecarFolder.startsWith('/') || /^[A-Za-z]:/.test(sidecarFolder) ? '' : sidecarFolder;
    const key = JSON.stringify([corpusGlobs, relFolder]);
    if (this.pages?.key !== key) {
      let rule: PageRule;
      try {
        rule = pageRule({ corpusGlobs, sidecarFolder: relFolder });
      } catch (err) {
        this.log.warn(`newsmark.corpus: ${err instanceof Error ? err.message : String(err)}; using **/*.txt`);
        rule = pageRule({ corpusGlobs: ['**/*.txt'], sidecarFolder: relFolder });
      }
      this.pages = { key, rule };
    }
    return this.pages.rule;
  }

  /** Where the sidecars of a document's workspace folder live (beside it outside any workspace folder). */
  locatorFor(docUri: vscode.Uri): SidecarLocator {
    const folder = vscode.workspace.getWorkspaceFolder(docUri);
    return folder ? new SidecarLocator(folder.uri.path, this.settings().sidecarFolder) : new SidecarLocator(docUri.path.replace(/\/[^/]*$/, '') || '/');
  }

  sidecarUriFor(docUri: vscode.Uri): vscode.Uri {
    return docUri.with({ path: this.locatorFor(docUri).sidecarFor(docUri.path) });
  }

  /** The state of an open document, loading its sidecar on first use. */
  load(doc: vscode.TextDocument): Promise<DocState> {
    const key = doc.uri.toString();
    const known = this.states.get(key);
    if (known) return Promise.resolve(known);
    const reopened = this.takeReopened(key, doc.getText());
    if (reopened) return Promise.resolve(reopened);
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.read(doc).finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  private async read(doc: vscode.TextDocument): Promise<DocState> {
    await this.closing.get(doc.uri.toString());
    const sidecarUri = this.sidecarUriFor(doc.uri);
    const text = doc.getText();
    let diskText: string | undefined;
    let refused: string | undefined;
    try {
      diskText = await readSidecarText(sidecarUri, this.settings().maxSidecarBytes);
    } catch (err) {
      // Too large, a folder, a FIFO, a link out of its folder, unreadable: shown as the sidecar's problem.
      refused = err instanceof FileRefused ? `is ${err.reason}` : `cannot be read (${errnoText(err)})`;
    }
    const relPath = this.locatorFor(doc.uri).documentField(doc.uri.path);
    const state: DocState = {
      uri: doc.uri,
      sidecarUri,
      data: newSidecar(relPath, text),
      writable: true,
      problems: [],
      history: new AnnotationHistory(),
      text,
      base: newSidecar(relPath, text),
      diskText,
      dirty: false,
    };
    if (diskText !== undefined) this.adoptDisk(state, diskText);
    if (refused !== undefined) {
      state.writable = false;
      state.problems = [{ line: 1, col: 1, severity: 'error', message: `The sidecar ${refused}: it is not used and will not be overwritten.` }];
    }
    // A concurrent load may have finished first; keep one state per document.
    const existing = this.states.get(doc.uri.toString());
    if (existing) return existing;
    this.states.set(doc.uri.toString(), state);
    this.emitter.fire({ state, reason: 'load' });
    return state;
  }

  /** Takes the sidecar text on disk as the truth (re-anchored in the current text). */
  private adoptDisk(state: DocState, diskText: string): void {
    const parsed = parseSidecar(diskText, { maxBytes: this.settings().maxSidecarBytes });
    state.diskText = diskText;
    state.parsed = parsed;
    state.problems = [...parsed.problems];
    state.writable = parsed.writable;
    if (!parsed.data) {
      state.data = { ...state.data, annotations: [], dismissed: [] };
      state.base = state.data;
      return;
    }
    state.problems.push(...checkLabels(parsed, this.settings().labels.map((l) => l.id)));
    const data = this.placed(parsed.data, state.text);
    state.data = data;
    state.base = parsed.data;
  }

  private placed(data: SidecarData, text: string): SidecarData {
    const anns = reanchor(text, data.annotations);
    const dis = reanchor(text, data.dismissed);
    return {
      ...data,
      annotations: sortAnnotations([...anns.placed, ...anns.moved, ...anns.orphaned]),
      dismissed: [...dis.placed, ...dis.moved, ...dis.orphaned],
    };
  }

  /** Changes the tags of a document; recorded for undo, saved shortly after. False when read-only. */
  mutate(state: DocState, what: string, change: (annotations: Annotation[]) => Annotation[]): boolean {
    if (!this.ensureWritable(state)) return false;
    const before = state.data.annotations;
    const after = sortAnnotations(dropStaleReviews(before, change([...before])));
    if (!state.history.record(before, after, what)) return false;
    state.data = { ...state.data, annotations: after };
    this.changed(state, 'tags');
    return true;
  }

  /** Adds tags (duplicates of the same label and span are skipped); returns those added. */
  addTags(state: DocState, tags: NewTag[], what: string): Annotation[] {
    const added: Annotation[] = [];
    this.mutate(state, what, (list) => {
      let current = list;
      const ids = new Set(current.map((t) => t.id));
      for (const t of tags) {
        if (t.end <= t.start) continue;
        const ann: Annotation = withContext(state.text, {
          id: newAnnotationId(ids),
          label: t.label,
          start: t.start,
          end: t.end,
          text: state.text.slice(t.start, t.end),
          ...(t.value !== undefined ? { value: t.value } : {}),
          source: t.source,
          by: this.annotator(),
          at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
          ...(t.suggested !== undefined ? { suggested: t.suggested } : {}),
        });
        const r = addTag(current, ann);
        if (r.added) {
          ids.add(r.tag.id);
          added.push(r.tag);
        }
        current = r.list;
      }
      return current;
    });
    return added;
  }

  dismiss(state: DocState, dismissals: Dismissal[]): boolean {
    if (!this.ensureWritable(state)) return false;
    const fresh = dismissals
      .filter((d) => !state.data.dismissed.some((x) => x.label === d.label && x.start === d.start && x.end === d.end))
      .map((d) => withContext(state.text, d));
    if (fresh.length === 0) return false;
    state.data = { ...state.data, dismissed: [...state.data.dismissed, ...fresh] };
    this.changed(state, 'tags');
    return true;
  }

  undismiss(state: DocState, spans: Array<Span & { label: string }>): void {
    const keep = state.data.dismissed.filter((d) => !spans.some((s) => s.label === d.label && s.start === d.start && s.end === d.end));
    if (keep.length === state.data.dismissed.length) return;
    state.data = { ...state.data, dismissed: keep };
    this.changed(state, 'tags');
  }

  setStatus(state: DocState, status: DocStatus): boolean {
    if (!this.ensureWritable(state) || state.data.status === status) return false;
    state.data = { ...state.data, status };
    this.changed(state, 'status');
    return true;
  }

  /** Marks the sidecar as adjudicated from these annotators' tags (`source: curated`). */
  setCuration(state: DocState, annotators: string[]): boolean {
    if (!this.ensureWritable(state)) return false;
    state.data = { ...state.data, source: 'curated', annotators };
    this.changed(state, 'status');
    return true;
  }

  undo(state: DocState): boolean {
    if (!this.ensureWritable(state)) return false;
    const restored = state.history.undo(state.data.annotations);
    if (!restored) return false;
    state.data = { ...state.data, annotations: sortAnnotations(restored) };
    this.changed(state, 'tags');
    return true;
  }

  redo(state: DocState): boolean {
    if (!this.ensureWritable(state)) return false;
    const restored = state.history.redo(state.data.annotations);
    if (!restored) return false;
    state.data = { ...state.data, annotations: sortAnnotations(restored) };
    this.changed(state, 'tags');
    return true;
  }

  private ensureWritable(state: DocState): boolean {
    if (!this.canWrite()) {
      const manage = vscode.l10n.t('Manage Workspace Trust');
      void vscode.window
        .showWarningMessage(vscode.l10n.t('Newsmark: this workspace is not trusted, so tags are read-only. Trust the workspace to tag.'), manage)
        .then((choice) => choice === manage && vscode.commands.executeCommand('workbench.trust.manage'));
      return false;
    }
    if (state.writable) return true;
    const first = state.problems[0];
    const where = first ? `:${first.line}:${first.col}` : '';
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Newsmark: {0}{1} cannot be read safely, so its tags are read-only until it is fixed: {2}', vscode.workspace.asRelativePath(state.sidecarUri), where, first?.message ?? ''),
    );
    return false;
  }

  private changed(state: DocState, reason: ChangeReason): void {
    state.dirty = true;
    this.scheduleSave(state);
    this.emitter.fire({ state, reason });
  }

  private onTextChanged(e: vscode.TextDocumentChangeEvent): void {
    const state = this.states.get(e.document.uri.toString());
    if (!state || e.contentChanges.length === 0) return;
    const started = performance.now();
    const newText = e.document.getText();
    const edits = toEdits(e.contentChanges);
    const live = state.data.annotations.filter((a) => !a.orphaned);
    const orphans = state.data.annotations.filter((a) => a.orphaned);
    const rebased = rebase(live, edits, newText);
    // A tag whose text was edited is not what was reviewed any more.
    const anns = { ...rebased, kept: dropStaleReviews(live, rebased.kept) };
    const dis = rebase(state.data.dismissed, edits, newText);
    state.text = newText;
    if (anns.removed.length > 0) {
      this.log.info(`${vscode.workspace.asRelativePath(state.uri)}: ${anns.removed.length} tag(s) removed with the text they covered (Newsmark: Undo restores them)`);
      state.history.record(state.data.annotations, [...anns.kept, ...orphans], 'text deleted');
    }
    state.data = { ...state.data, annotations: sortAnnotations([...anns.kept, ...orphans]), dismissed: dis.kept };
    if (state.writable) {
      state.dirty = true;
      this.scheduleSave(state);
    }
    this.emitter.fire({ state, reason: 'edit' });
    this.lastEditMs = performance.now() - started;
  }

  private scheduleSave(state: DocState): void {
    clearTimeout(this.saveTimers.get(state));
    this.saveTimers.set(
      state,
      setTimeout(() => {
        this.saveTimers.delete(state);
        this.trackSave(this.save(state));
      }, SAVE_DELAY_MS),
    );
  }

  private trackSave(p: Promise<void>): void {
    this.pendingSaves.add(p);
    void p.finally(() => this.pendingSaves.delete(p));
  }

  /** Writes every pending change now. */
  async flush(): Promise<void> {
    for (const [state, timer] of this.saveTimers) {
      clearTimeout(timer);
      this.saveTimers.delete(state);
      this.trackSave(this.save(state));
    }
    while (this.pendingSaves.size > 0) await Promise.all([...this.pendingSaves]);
  }

  private async save(state: DocState): Promise<void> {
    if (!state.dirty || !state.writable || !this.canWrite()) return;
    try {
      await withSidecarLock(state.sidecarUri, () => this.saveLocked(state));
    } catch (err) {
      state.dirty = true; // kept in memory for the next try
      const message = err instanceof Error ? err.message : String(err);
      this.log.error(`could not save ${state.sidecarUri.toString(true)}: ${message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Newsmark could not save {0}: {1}. Your tags are kept in memory; Newsmark tries again on the next change.', vscode.workspace.asRelativePath(state.sidecarUri), message));
    }
  }

  /** The read-merge-write of a save, under the sidecar's lock. */
  private async saveLocked(state: DocState): Promise<void> {
    // Someone else may have written the sidecar since we read it: merge before writing over it.
    const onDisk = await readSidecarText(state.sidecarUri, this.settings().maxSidecarBytes);
    if (onDisk !== state.diskText) this.mergeDisk(state, onDisk);
    if (!state.writable) return;
    if (state.data.annotations.length === 0 && state.data.dismissed.length === 0 && state.data.status === 'todo' && state.diskText === undefined) {
      state.dirty = false; // nothing worth a file yet
      return;
    }
    const data: SidecarData = {
      ...state.data,
      // The document rule of core: a sidecar read in the old form is written in the new one.
      document: this.locatorFor(state.uri).documentField(state.uri.path),
      sha256: sha256Utf8(state.text),
      annotations: state.data.annotations.map((a) => (a.orphaned ? a : withContext(state.text, a))),
      dismissed: state.data.dismissed.map((d) => withContext(state.text, d)),
    };
    const text = serialiseSidecar(data, state.parsed);
    state.dirty = false;
    if (text === state.diskText) return;
    await writeTextAtomic(state.sidecarUri, text);
    state.diskText = text;
    state.parsed = parseSidecar(text, { maxBytes: Number.MAX_SAFE_INTEGER });
    state.base = state.parsed.data ?? data;
  }

  /** Folds the sidecar now on disk into the state: ours and theirs merged by id; conflicts reported. */
  private mergeDisk(state: DocState, diskText: string | undefined): void {
    if (diskText === undefined) {
      // Deleted on disk (a branch switch, a clean-up): unsaved tags are kept and will recreate it.
      state.diskText = undefined;
      state.parsed = undefined;
      state.writable = true;
      state.problems = [];
      if (!state.dirty) state.data = { ...state.data, annotations: [], dismissed: [] };
      return;
    }
    if (!state.dirty) {
      this.adoptDisk(state, diskText);
      return;
    }
    const parsed = parseSidecar(diskText, { maxBytes: this.settings().maxSidecarBytes });
    if (!parsed.data) {
      this.adoptDisk(state, diskText); // broken on disk: read-only until fixed, our changes stay in memory
      return;
    }
    const theirs = this.placed(parsed.data, state.text);
    const merged = mergeById(state.base.annotations, state.data.annotations, theirs.annotations);
    const dismissed = mergeDismissals(state.base.dismissed, state.data.dismissed, theirs.dismissed);
    const status = state.data.status !== state.base.status ? state.data.status : theirs.status;
    state.data = { ...state.data, annotations: sortAnnotations(merged.merged), dismissed, status };
    state.parsed = parsed;
    state.diskText = diskText;
    state.base = parsed.data;
    state.problems = [...parsed.problems];
    if (merged.conflicts.length > 0) {
      const msg = vscode.l10n.t('Newsmark: {0} tag(s) in {1} were changed both here and on disk; both versions are kept.', merged.conflicts.length, vscode.workspace.asRelativePath(state.sidecarUri));
      this.log.warn(msg);
      void vscode.window.showWarningMessage(msg);
    }
  }

  private async onSidecarChangedOnDisk(sidecarUri: vscode.Uri): Promise<void> {
    const state = this.all().find((s) => s.sidecarUri.toString() === sidecarUri.toString());
    if (!state) return;
    const diskText = await readSidecarText(sidecarUri, this.settings().maxSidecarBytes);
    if (diskText === state.diskText) return; // our own write
    this.mergeDisk(state, diskText);
    if (state.dirty) this.scheduleSave(state);
    this.emitter.fire({ state, reason: 'disk' });
  }

  /** A closed document's state goes at once (a language switch reopens it); its pending save still lands. */
  /**
   * A document closed a moment ago and opened again with the same text (a language switch closes and reopens
   * it) gets its state back: its undo history, and the changes a command made to it in between.
   */
  private takeReopened(key: string, text: string): DocState | undefined {
    const now = Date.now();
    for (const [k, r] of this.recentlyClosed) if (now - r.at > REOPEN_WINDOW_MS) this.recentlyClosed.delete(k);
    const recent = this.recentlyClosed.get(key);
    if (!recent || recent.state.text !== text) return undefined;
    this.recentlyClosed.delete(key);
    this.states.set(key, recent.state);
    this.emitter.fire({ state: recent.state, reason: 'load' });
    void this.onSidecarChangedOnDisk(recent.state.sidecarUri); // what was written while it was closed
    return recent.state;
  }

  private unload(uri: vscode.Uri): void {
    const key = uri.toString();
    const state = this.states.get(key);
    if (!state) return;
    this.states.delete(key);
    this.recentlyClosed.set(key, { state, at: Date.now() });
    clearTimeout(this.saveTimers.get(state));
    this.saveTimers.delete(state);
    const saved = this.save(state).finally(() => {
      if (this.closing.get(key) === saved) this.closing.delete(key);
    });
    this.closing.set(key, saved);
    this.trackSave(saved);
  }

  updateSettings(settings: () => NewsmarkSettings): void {
    this.settings = settings;
  }

  dispose(): void {
    // A save still waiting out its debounce is started, not dropped (deactivate has normally flushed it already).
    void this.flush();
    for (const d of this.disposables) d.dispose();
  }
}

