// Wiring only: build the services, register the adapters, return the small API that tests read state through.
import { execFile } from 'node:child_process';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { normaliseSettings, type NewsmarkSettings } from './core/settings';
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
import { createLog } from './editor/log';
import { AnnotationStore } from './editor/store';
import { SuggesterService } from './editor/suggesters';
import { register as registerExportImport } from './editor/exportImport';
import { register as registerGuidelines } from './editor/guidelines';
import { register as registerLanguage } from './editor/language';
import { register as registerStatusBar } from './editor/statusBar';
import { register as registerViews } from './editor/views';
import { registerReview } from './editor/review';

/** Documents Newsmark works on: the news-text language, and plain .txt pages. */
const SELECTOR: vscode.DocumentSelector = [{ language: LANGUAGE_ID }, { pattern: '**/*.txt' }];

function readSettings(): NewsmarkSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const settings = normaliseSettings((key) => {
    const inspected = config.inspect(key);
    return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue ?? inspected?.defaultValue;
  });
  // The shipped labels speak the UI's language; names the user chose are kept as written.
  const shippedNames: Record<string, [string, string]> = {
    body: ['Body', vscode.l10n.t('Body')],
    actor: ['Actor', vscode.l10n.t('Actor')],
    date: ['Date', vscode.l10n.t('Date')],
  };
  for (const label of settings.labels) {
    const shipped = shippedNames[label.id];
    if (shipped && label.name === shipped[0]) label.name = shipped[1];
  }
  return settings;
}

/** Who tags: the setting, else git's user.name, else the OS user. */
function gitUserName(): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.name'], { timeout: 2000 }, (err, stdout) => resolve(err ? undefined : stdout.trim() || undefined));
  });
}

export function activate(context: vscode.ExtensionContext): NewsmarkApi {
  const started = Date.now();
  const log = createLog();
  let settings = readSettings();
  let gitName: string | undefined;
  void gitUserName().then((name) => (gitName = name));
  const annotator = () => settings.annotator || gitName || safeOsUser();

  const store = new AnnotationStore(() => settings, log, annotator, () => vscode.workspace.isTrusted);
  const analysis = new AnalysisService(context.extensionUri, store, () => settings, log);
  const ctx: EditorContext = { extension: context, log, settings: () => settings, store, analysis, trusted: () => vscode.workspace.isTrusted };
  const decorations = new Decorations(ctx);
  context.subscriptions.push(log, store, analysis, decorations);

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
    vscode.workspace.onDidGrantWorkspaceTrust(() => decorations.redrawAll()),
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => analysis.visibleRangesChanged(e.textEditor.document)),
    vscode.window.tabGroups.onDidChangeTabs((e) => void Promise.all(e.opened.map((tab) => warnIfTooLarge(tab)))),
  );

  const activationMs = Date.now() - started;
  log.info(`Newsmark activated in ${activationMs} ms`);
  return createApi(ctx, decorations, views, ready.then(() => undefined), activationMs, compare, suggesters);
}

/** VS Code does not hand files over 50 MB to extensions: say so instead of showing a page without Newsmark. */
const EXTENSION_SYNC_LIMIT = 50 * 1024 * 1024;
async function warnIfTooLarge(tab: vscode.Tab): Promise<void> {
  if (!(tab.input instanceof vscode.TabInputText) || !tab.input.uri.path.endsWith('.txt')) return;
  const uri = tab.input.uri;
  try {
    const { size } = await vscode.workspace.fs.stat(uri);
    if (size <= EXTENSION_SYNC_LIMIT) return;
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Newsmark: {0} is {1} MB; VS Code does not pass files over 50 MB to extensions, so it cannot be annotated in the editor. Split it, or use the newsmark command line.', vscode.workspace.asRelativePath(uri), Math.round(size / 1024 / 1024)),
    );
  } catch {
    // not on a file system we can stat: nothing to say
  }
}

function safeOsUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

export function deactivate(): void {}
