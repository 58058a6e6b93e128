// Wiring only: build the services, register the adapters, return the small API that tests read state through.
import * as vscode from 'vscode';
import { AnalysisService } from './editor/analysis';
import { createApi, type NewsmarkApi } from './editor/api';
import { registerCodeActions } from './editor/codeActions';
import { registerCommands } from './editor/commands';
import { registerCompare } from './editor/compare';
import type { EditorContext } from './editor/context';
import { Decorations } from './editor/decorations';
import { registerDiagnostics } from './editor/diagnostics';
import { registerHover } from './editor/hover';
import { LANGUAGE_ID, SECTION } from './editor/ids';
import { registerLargeFileWarning } from './editor/largeFiles';
import { createLog } from './editor/log';
import { AnnotationStore } from './editor/store';
import { SuggesterService } from './editor/suggesters';
import { register as registerExportImport } from './editor/exportImport';
import { register as registerGuidelines } from './editor/guidelines';
import { register as registerLanguage } from './editor/language';
import { register as registerStatusBar } from './editor/statusBar';
import { register as registerViews } from './editor/views';
import { registerReview } from './editor/review';
import { annotatorName, readSettings } from './editor/settings';
import { watchSidecars } from './editor/sidecarWatcher';

/** Documents Newsmark works on: the news-text language, and plain .txt pages. */
const SELECTOR: vscode.DocumentSelector = [{ language: LANGUAGE_ID }, { pattern: '**/*.txt' }];

export function activate(context: vscode.ExtensionContext): NewsmarkApi {
  const started = Date.now();
  const log = createLog();
  let settings = readSettings();
  const annotator = annotatorName(() => settings);

  const sidecars = watchSidecars();
  const store = new AnnotationStore(() => settings, log, annotator, () => vscode.workspace.isTrusted, sidecars);
  flushOnDeactivate = () => store.flush();
  const analysis = new AnalysisService(context.extensionUri, store, () => settings, log, sidecars);
  const ctx: EditorContext = { extension: context, log, settings: () => settings, store, sidecars, analysis, trusted: () => vscode.workspace.isTrusted };
  const decorations = new Decorations(ctx);
  context.subscriptions.push(log, sidecars, store, analysis, decorations);

  registerCommands(ctx);
  registerHover(ctx, SELECTOR);
  registerCodeActions(ctx, SELECTOR);
  registerReview(ctx, annotator);
  const compare = registerCompare(ctx, SELECTOR);
  registerDiagnostics(ctx);
  registerLanguage(ctx);
  const views = registerViews(ctx);
  registerStatusBar(ctx);
  registerExportImport(ctx);
  registerGuidelines(ctx);

  const isNewsDocument = (doc: vscode.TextDocument) => vscode.languages.match(SELECTOR, doc) > 0 && !doc.uri.path.endsWith('.ann.yaml');
  const suggesters = new SuggesterService({
    log,
    trusted: () => vscode.workspace.isTrusted,
    labels: () => settings.labels.map((l) => l.id),
    isNewsDocument: (doc) => isNewsDocument(doc) && store.get(doc.uri) !== undefined,
    changed: (uri) => analysis.refresh(uri),
  });
  analysis.setMoreSuggestions((uri, version) => suggesters.suggestionsFor(uri, version));
  context.subscriptions.push(suggesters);
  const open = async (doc: vscode.TextDocument) => {
    if (!isNewsDocument(doc)) return;
    await store.load(doc);
    suggesters.request(doc);
    await analysis.analyseNow(doc);
  };

  // Lexicons load off the activation path; open documents are analysed once they are in, then the corpus
  // statistics build in the background and open documents are analysed again with them.
  const ready = analysis
    .loadLexicons()
    .then(() => Promise.all(vscode.workspace.textDocuments.map(open)))
    .then(() => analysis.buildCorpus())
    .catch((err) => log.error(`start-up: ${err instanceof Error ? err.stack : String(err)}`));

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => void ready.then(() => open(doc))),
    vscode.workspace.onDidCloseTextDocument((doc) => analysis.forget(doc.uri)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      settings = readSettings();
      decorations.recreate();
      void analysis.settingsChanged();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      settings = readSettings(); // the workspace's restricted settings count from now on
      decorations.recreate();
      void analysis.settingsChanged();
    }),
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => analysis.visibleRangesChanged(e.textEditor.document)),
    registerLargeFileWarning(),
  );

  const activationMs = Date.now() - started;
  log.info(`Newsmark activated in ${activationMs} ms`);
  return createApi(ctx, decorations, views, ready.then(() => undefined), activationMs, compare, suggesters);
}

/** Saves still waiting out the store's debounce; VS Code awaits deactivate before it disposes anything. */
let flushOnDeactivate: (() => Promise<void>) | undefined;

/** A window reload or shutdown: every tag made so far is written first. */
export async function deactivate(): Promise<void> {
  await flushOnDeactivate?.();
}
