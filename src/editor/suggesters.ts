// External suggesters in the editor (the `newsmark.suggesters` setting): each open page is sent to every
// suggester when it opens and once typing pauses; the answers become suggestions of their own source
// (`suggester:NAME`), kept in place while the page is edited, and shown through the same view as the
// detectors' (so tags, dismissals and boilerplate lines hide them alike).
//
// Safety: the setting is read from user (or remote machine) settings only; a value in a workspace's settings
// is ignored and logged, because a repository must not be able to start programs. A suggester that runs a
// command starts only in a trusted workspace. A failing suggester is reported once per kind with its name
// (a warning and the log) and restarted with backoff; the page keeps the other suggestions.
import * as vscode from 'vscode';
import { rebase } from '../core/model/rebase';
import type { Suggestion } from '../core/model/types';
import { normaliseSuggesters, type SuggesterConfig } from '../core/suggesters/config';
import { Suggester } from '../node/suggesters';
import { toEdits } from './convert';
import { SECTION } from './ids';
import type { Log } from './log';

/** Pages are sent again this long after the last keystroke (a model is slower than the detectors). */
const TYPING_PAUSE_MS = 1000;

interface Answer {
  version: number;
  suggestions: Suggestion[];
}

export interface SuggesterServiceDeps {
  log: Log;
  trusted(): boolean;
  /** Label ids suggestions may have. */
  labels(): readonly string[];
  /** Documents Newsmark works on. */
  isNewsDocument(doc: vscode.TextDocument): boolean;
  /** More suggestions arrived for a document: show them. */
  changed(uri: vscode.Uri): void;
}

export class SuggesterService implements vscode.Disposable {
  private suggesters: Suggester[] = [];
  /** uri -> suggester name -> its last answer, moved along with edits. */
  private readonly answers = new Map<string, Map<string, Answer>>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Messages shown to the user, for the tests (the notifications cannot be read back). */
  readonly reports: string[] = [];
  private told = new Set<string>();

  constructor(private readonly deps: SuggesterServiceDeps) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.edited(e)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(`${SECTION}.suggesters`) && this.configure()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.configure()),
    );
    this.configure();
  }

  /** The suggesters' suggestions for a version of a document (none when their answers are for another). */
  suggestionsFor(uri: vscode.Uri, version: number): Suggestion[] {
    const out: Suggestion[] = [];
    for (const answer of this.answers.get(uri.toString())?.values() ?? []) if (answer.version === version) out.push(...answer.suggestions);
    return out;
  }

  get active(): readonly string[] {
    return this.suggesters.map((s) => s.name);
  }

  /** Reads the setting (user and machine values only) and starts afresh: old programs are ended. */
  private configure(): void {
    const old = this.suggesters;
    this.suggesters = [];
    for (const s of old) void s.dispose();
    this.answers.clear();
    const inspected = vscode.workspace.getConfiguration(SECTION).inspect<unknown>('suggesters');
    if (inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined) {
      this.deps.log.warn('newsmark.suggesters in workspace settings is ignored: suggesters start programs and receive your pages, so they are read from user settings only');
    }
    const { suggesters, problems } = normaliseSuggesters(inspected?.globalValue);
    for (const problem of problems) this.tell(vscode.l10n.t('Newsmark: the setting newsmark.suggesters has a problem: {0}', problem));
    const configs: SuggesterConfig[] = [];
    for (const config of suggesters) {
      if (config.transport.kind === 'command' && !this.deps.trusted()) {
        this.deps.log.info(`suggester "${config.name}" runs a program, so it starts only once the workspace is trusted`);
        this.tell(vscode.l10n.t('Newsmark: suggester "{0}" runs a program, so it starts only in a trusted workspace.', config.name), 'info');
        continue;
      }
      configs.push(config);
    }
    const cwd = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath;
    this.suggesters = configs.map((config) => new Suggester(config, { patient: false, cwd, acceptLabel: (label) => label !== 'body' && this.deps.labels().includes(label) }, {
      problem: (message) => this.tell(vscode.l10n.t('Newsmark: suggester "{0}" {1}', config.name, message)),
      log: (message) => this.deps.log.info(`suggester ${message}`),
    }));
    if (configs.length > 0) this.deps.log.info(`suggesters: ${configs.map((c) => `${c.name} (${c.transport.kind === 'command' ? c.transport.command : c.transport.url})`).join(', ')}`);
    for (const doc of vscode.workspace.textDocuments) if (this.deps.isNewsDocument(doc)) this.request(doc);
  }

  /** Asks every suggester about the document's current text. */
  request(doc: vscode.TextDocument): void {
    if (this.suggesters.length === 0 || !this.deps.isNewsDocument(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const version = doc.version;
    const request = { id: vscode.workspace.asRelativePath(doc.uri, false), text: doc.getText() };
    for (const suggester of this.suggesters) {
      void suggester.suggest(request).then((outcome) => {
        if (!this.suggesters.includes(suggester)) return; // the setting changed meanwhile
        const current = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
        if (!current) return;
        if (!outcome.ok) {
          // tried again once it may answer (a stopped suggester is not)
          if (!suggester.health.stopped) this.later(current, Math.max(TYPING_PAUSE_MS, suggester.health.downUntil - Date.now()));
          return;
        }
        if (current.version !== version) return; // edited meanwhile: asked again after the pause
        let byName = this.answers.get(key);
        if (!byName) this.answers.set(key, (byName = new Map()));
        byName.set(suggester.name, { version, suggestions: outcome.answer.suggestions });
        this.deps.changed(current.uri);
      });
    }
  }

  private later(doc: vscode.TextDocument, ms: number): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      const current = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (current) this.request(current);
    }, ms));
  }

  /** Answers move with the text (like tags) until the page is asked about again after the typing pause. */
  private edited(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0 || this.suggesters.length === 0) return;
    const byName = this.answers.get(e.document.uri.toString());
    if (byName) {
      const edits = toEdits(e.contentChanges);
      const text = e.document.getText();
      for (const answer of byName.values()) {
        answer.suggestions = rebase(answer.suggestions, edits, text).kept.map((s) => ({ ...s, line: e.document.positionAt(s.start).line }));
        answer.version = e.document.version;
      }
    }
    this.later(e.document, TYPING_PAUSE_MS);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.answers.delete(key);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  /** A warning (or information) for the user, once per text, and the log. */
  private tell(message: string, severity: 'warning' | 'info' = 'warning'): void {
    this.deps.log[severity === 'warning' ? 'warn' : 'info'](message);
    if (this.told.has(message)) return;
    this.told.add(message);
    this.reports.push(message);
    if (severity === 'warning') void vscode.window.showWarningMessage(message);
    else void vscode.window.showInformationMessage(message);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const s of this.suggesters) void s.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
