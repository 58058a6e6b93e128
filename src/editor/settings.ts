// The extension's settings as core reads them, and who the annotator is.
import { execFile } from 'node:child_process';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { normaliseSettings, type NewsmarkSettings } from '../core/settings';
import { SECTION } from './ids';

export function readSettings(): NewsmarkSettings {
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

/** Who tags: the `newsmark.annotator` setting, else git's user.name (looked up once), else the OS user. */
export function annotatorName(settings: () => NewsmarkSettings): () => string {
  let gitName: string | undefined;
  execFile('git', ['config', 'user.name'], { timeout: 2000 }, (err, stdout) => {
    if (!err) gitName = stdout.trim() || undefined;
  });
  return () => settings().annotator || gitName || osUser();
}

function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
