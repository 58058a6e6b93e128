// VS Code does not hand files over 50 MB to extensions: say so instead of showing a page without Newsmark.
import * as vscode from 'vscode';

const EXTENSION_SYNC_LIMIT = 50 * 1024 * 1024;

export function registerLargeFileWarning(): vscode.Disposable {
  return vscode.window.tabGroups.onDidChangeTabs((e) => void Promise.all(e.opened.map((tab) => warnIfTooLarge(tab))));
}

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
