// Which plain-text files are news documents. A file matching the `newsmark.corpus` globs becomes `news-text`
// when it is opened if its folder holds a sidecar, or the folder is listed in `newsmark.corpusFolders`
// ("Treat Folder as Corpus"), or the file itself was marked ("Treat File as News Text"). Any other text
// file stays plaintext, and a document the user switched back to another language is left alone.
import * as vscode from 'vscode';
import { isSidecarPath } from '../core/sidecar/paths';
import type { EditorContext } from './context';
import { exists } from './fsio';
import { Cmd, LANGUAGE_ID, SECTION } from './ids';

const CORPUS_FOLDERS = 'corpusFolders';
const MARKED_FILES_KEY = 'newsmark.newsTextFiles';
/** setTextDocumentLanguage closes and reopens a document at once; a user's switch does the same. */
const REOPEN_WINDOW_MS = 1500;

export interface NewsTextRule {
  /** Whether the document should be news-text now (its language aside). */
  isNewsText(uri: vscode.Uri): Promise<boolean>;
}

export function register(ctx: EditorContext): NewsTextRule {
  const folderHasSidecar = new Map<string, Promise<boolean>>();
  const userChoice = new Set<string>();
  const recentlyClosed = new Map<string, { at: number; languageId: string }>();

  const markedFiles = (): string[] => ctx.extension.workspaceState.get<string[]>(MARKED_FILES_KEY, []);

  const corpusFolders = (): vscode.Uri[] => {
    // Read here, not from ctx.settings(): this module's configuration listener may run before it is renewed.
    const raw = vscode.workspace.getConfiguration(SECTION).get<unknown>(CORPUS_FOLDERS);
    const folder = vscode.workspace.workspaceFolders?.[0];
    return (Array.isArray(raw) ? raw : [])
      .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
      .map((p) => (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || !folder ? vscode.Uri.file(p) : vscode.Uri.joinPath(folder.uri, p)));
  };

  const parentOf = (uri: vscode.Uri) => vscode.Uri.joinPath(uri, '..');
  const sameFolder = (a: vscode.Uri, b: vscode.Uri) => a.with({ path: a.path.replace(/\/+$/, '') }).toString() === b.with({ path: b.path.replace(/\/+$/, '') }).toString();

  const hasSidecarIn = (folder: vscode.Uri): Promise<boolean> => {
    const key = folder.toString();
    let known = folderHasSidecar.get(key);
    if (!known) {
      known = Promise.resolve(vscode.workspace.fs.readDirectory(folder)).then(
        (entries) => entries.some(([name, type]) => type === vscode.FileType.File && isSidecarPath(name)),
        () => false,
      );
      folderHasSidecar.set(key, known);
    }
    return known;
  };

  const rule: NewsTextRule = {
    async isNewsText(uri) {
      if (isSidecarPath(uri.path)) return false;
      if (markedFiles().includes(uri.toString())) return true;
      if (!ctx.store.isPage(uri)) return false;
      const folder = parentOf(uri);
      if (corpusFolders().some((f) => sameFolder(f, folder))) return true;
      // Its own sidecar first (also where a sidecar folder mirrors the corpus), then any in its folder.
      return (await exists(ctx.store.sidecarUriFor(uri))) || (await hasSidecarIn(folder));
    },
  };

  const apply = async (doc: vscode.TextDocument): Promise<void> => {
    const key = doc.uri.toString();
    if (doc.languageId !== 'plaintext' || doc.isClosed || userChoice.has(key)) return;
    if (!(await rule.isNewsText(doc.uri))) return;
    // The document may have been closed or changed language while we looked.
    const current = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (!current || current.languageId !== 'plaintext') return;
    try {
      await vscode.languages.setTextDocumentLanguage(current, LANGUAGE_ID);
    } catch (err) {
      ctx.log.warn(`cannot make ${vscode.workspace.asRelativePath(doc.uri)} news-text: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  const applyToOpen = (filter: (uri: vscode.Uri) => boolean = () => true) => {
    for (const doc of vscode.workspace.textDocuments) if (filter(doc.uri)) void apply(doc);
  };

  const onOpen = (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    const closed = recentlyClosed.get(key);
    recentlyClosed.delete(key);
    // A news document reopened at once as plaintext: the user changed its language mode; respect that.
    if (closed && closed.languageId === LANGUAGE_ID && doc.languageId !== LANGUAGE_ID && Date.now() - closed.at < REOPEN_WINDOW_MS) {
      userChoice.add(key);
      return;
    }
    void apply(doc);
  };

  // Open documents keep their language: switching reopens them under the annotator's hands. The next
  // document opened in the folder sees the new answer.
  const forgetFolder = (sidecar: vscode.Uri) => folderHasSidecar.delete(parentOf(sidecar).toString());

  ctx.extension.subscriptions.push(
    ctx.sidecars.onDidChange(({ uri, change }) => change !== 'changed' && forgetFolder(uri)),
    vscode.workspace.onDidOpenTextDocument(onOpen),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      recentlyClosed.set(doc.uri.toString(), { at: Date.now(), languageId: doc.languageId });
      if (recentlyClosed.size > 200) recentlyClosed.delete(recentlyClosed.keys().next().value as string);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.${CORPUS_FOLDERS}`) || e.affectsConfiguration(`${SECTION}.corpus`)) applyToOpen();
    }),

    vscode.commands.registerCommand(Cmd.treatFolderAsCorpus, async (arg?: vscode.Uri | string) => {
      const folder = await folderArgument(arg);
      if (!folder) return undefined;
      const wsFolder = vscode.workspace.getWorkspaceFolder(folder);
      const entry = wsFolder ? relativeTo(wsFolder.uri, folder) : folder.fsPath;
      const config = vscode.workspace.getConfiguration(SECTION);
      const current = config.get<string[]>(CORPUS_FOLDERS, []);
      if (!corpusFolders().some((f) => sameFolder(f, folder))) {
        await config.update(CORPUS_FOLDERS, [...current, entry], wsFolder ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
      }
      for (const doc of vscode.workspace.textDocuments) if (sameFolder(parentOf(doc.uri), folder)) userChoice.delete(doc.uri.toString());
      applyToOpen((uri) => sameFolder(parentOf(uri), folder));
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Newsmark: text files in {0} now open as news documents (setting newsmark.corpusFolders).', vscode.workspace.asRelativePath(folder)),
      );
      return entry;
    }),

    vscode.commands.registerCommand(Cmd.treatFileAsNewsText, async (arg?: vscode.Uri | string) => {
      const uri = typeof arg === 'string' ? vscode.Uri.parse(arg) : (arg ?? vscode.window.activeTextEditor?.document.uri);
      if (!uri) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Newsmark: open the text file to treat as a news document first.'));
        return false;
      }
      const key = uri.toString();
      if (!markedFiles().includes(key)) await ctx.extension.workspaceState.update(MARKED_FILES_KEY, [...markedFiles(), key]);
      userChoice.delete(key);
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (doc && doc.languageId !== LANGUAGE_ID) {
        await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
      }
      return true;
    }),
  );
  applyToOpen();
  return rule;
}

async function folderArgument(arg: vscode.Uri | string | undefined): Promise<vscode.Uri | undefined> {
  if (typeof arg === 'string') return vscode.Uri.parse(arg);
  if (arg) {
    // The explorer passes the clicked resource: a file means its folder.
    const stat = await vscode.workspace.fs.stat(arg).then((s) => s, () => undefined);
    return stat && stat.type & vscode.FileType.Directory ? arg : vscode.Uri.joinPath(arg, '..');
  }
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: vscode.l10n.t('Treat as Corpus'),
  });
  return picked?.[0];
}

function relativeTo(root: vscode.Uri, uri: vscode.Uri): string {
  const rel = uri.path.slice(root.path.replace(/\/+$/, '').length).replace(/^\/+/, '');
  return rel === '' ? '.' : rel;
}
