// Text files through vscode.workspace.fs (local, remote and virtual workspaces alike). Writes are atomic:
// a temporary file beside the target, then a rename over it. Sidecars on disk go through src/node/files, the
// code the command-line tool uses: a lock per sidecar, mode and owner kept, read-only files and links never
// replaced, FIFOs and links out of the folder never read.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { decodePage } from '../core/text/decode';
import { FileRefused, MAX_PAGE_BYTES, readFileIfExists, withFileLockAsync, writeFileAtomic } from '../node/files';

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch (err) {
    if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return undefined;
    throw err;
  }
}

/** A corpus page that is not text (binary, not UTF-8, too large): `message` says why, in the user's words. */
export class PageNotRead extends Error {}

/**
 * A corpus page's text, decoded by the rule the command-line tool follows (decodePage: a byte order mark is
 * dropped and says the encoding, as in the editor's own documents, else UTF-8), so offsets and sha256 agree.
 * Undefined when it does not exist; throws PageNotRead when it is not text or over MAX_PAGE_BYTES.
 */
export async function readPageText(uri: vscode.Uri): Promise<string | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (err) {
    if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return undefined;
    throw err;
  }
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  if (bytes.length > MAX_PAGE_BYTES) {
    throw new PageNotRead(`${name} is not read: it is over the ${MAX_PAGE_BYTES / (1024 * 1024)} MB limit for a page (split it into smaller pages)`);
  }
  const decoded = decodePage(bytes);
  if (!decoded.ok) throw new PageNotRead(`${name} is not read: it is ${decoded.reason}`);
  return decoded.text;
}

/** readPageText, with a page that is not text logged and taken as missing. */
export async function readPageTextOrSkip(uri: vscode.Uri, log: { warn(message: string): void }): Promise<string | undefined> {
  try {
    return await readPageText(uri);
  } catch (err) {
    if (!(err instanceof PageNotRead)) throw err;
    log.warn(err.message);
    return undefined;
  }
}

/**
 * A sidecar's text; on disk, only a regular file inside its folder is read (else it throws, saying why). One
 * over `maxBytes` (the newsmark.sidecars.maxSizeMB setting) throws FileRefused before anything is read.
 */
export async function readSidecarText(uri: vscode.Uri, maxBytes: number): Promise<string | undefined> {
  if (uri.scheme !== 'file') {
    let size: number;
    try {
      size = (await vscode.workspace.fs.stat(uri)).size;
    } catch (err) {
      if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return undefined;
      throw err;
    }
    if (size > maxBytes) throw new FileRefused('not read', `${(size / (1024 * 1024)).toFixed(1)} MB, over the ${(maxBytes / (1024 * 1024)).toFixed(1)} MB limit`);
    return readText(uri);
  }
  const bytes = readFileIfExists(uri.fsPath, { maxBytes });
  return bytes === undefined ? undefined : decoder.decode(bytes);
}

/**
 * Runs a read-merge-write of a sidecar holding its lock, shared with command-line imports (on disk; other
 * file systems have no lock and rely on the merge with what is on disk).
 */
export async function withSidecarLock<T>(uri: vscode.Uri, update: () => Promise<T>): Promise<T> {
  if (uri.scheme !== 'file') return update();
  fs.mkdirSync(path.dirname(uri.fsPath), { recursive: true }); // a mirrored sidecar folder may not exist yet
  return withFileLockAsync(uri.fsPath, update);
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function writeTextAtomic(uri: vscode.Uri, text: string): Promise<void> {
  if (uri.scheme === 'file') {
    fs.mkdirSync(path.dirname(uri.fsPath), { recursive: true });
    writeFileAtomic(uri.fsPath, text);
    return;
  }
  const dir = vscode.Uri.joinPath(uri, '..');
  const base = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const temp = vscode.Uri.joinPath(dir, `.${base}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.tmp`);
  await vscode.workspace.fs.createDirectory(dir); // a mirrored sidecar folder may not exist yet (no-op when it does)
  await vscode.workspace.fs.writeFile(temp, encoder.encode(text));
  try {
    await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
  } catch (err) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw err;
  }
}
