// Shared by the in-host suites: the extension's API, the scratch corpus, waiting for what a user would see.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { NewsmarkApi } from '../../src/editor/api';

export async function api(): Promise<NewsmarkApi> {
  const ext = vscode.extensions.getExtension<NewsmarkApi>('newsmark.newsmark');
  if (!ext) throw new Error('Newsmark is not installed in this host');
  const exports = await ext.activate();
  await exports.ready;
  return exports;
}

/** The command-line tool of this build, run in the scratch corpus as a user would (Electron as plain Node). */
export function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const ext = vscode.extensions.getExtension('newsmark.newsmark')!;
  const r = spawnSync(process.execPath, [path.join(ext.extensionPath, 'dist', 'cli.js'), ...args], {
    cwd: vscode.workspace.workspaceFolders![0].uri.fsPath, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: 120_000, maxBuffer: 1 << 28,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function corpusUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the scratch corpus open as a folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function readFile(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

export async function writeFile(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/** Polls until `check` returns a truthy value (or throws the last failure after `timeoutMs`). */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 10_000, what = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw last instanceof Error ? last : new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function openEditor(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(corpusUri(name));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Selects the n-th (0-based) occurrence of `text` in the editor; returns its UTF-16 offsets. */
export function select(editor: vscode.TextEditor, text: string, nth = 0): { start: number; end: number } {
  const full = editor.document.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) at = full.indexOf(text, at + 1);
  if (at < 0) throw new Error(`"${text}" not found`);
  const range = new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + text.length));
  editor.selection = new vscode.Selection(range.start, range.end);
  return { start: at, end: at + text.length };
}
