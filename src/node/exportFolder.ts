// An export written into a folder so that a reader (or a later run) finds either the earlier export whole or
// the new one whole: every file goes to a hidden staging folder first, and commit() moves them into place with
// the old manifest removed first and the new manifest.json renamed in last. Nothing is written through a
// symbolic link or over anything but a regular file, files an earlier export listed and this one does not
// write are removed, and nothing inside a protected folder (the corpus) is ever replaced or removed.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { MANIFEST_FILE } from '../core/export/manifest';
import type { ExportSink } from '../core/export/types';
import { errnoText, isInside, isProcessAlive } from './files';

/** A problem with the output folder, in words for the user (no stack trace needed). */
export class ExportFolderError extends Error {}

const STAGING = /^\.newsmark-export\.(\d+)\.[0-9a-z]+\.tmp$/;

export interface ExportFolderOptions {
  /** Real paths of folders whose files an export must never replace or remove (the corpus). */
  protect?: readonly string[];
}

export interface CommitResult {
  /** Files of the earlier export (by its manifest) that this one did not write, now removed. */
  removed: string[];
}

export class ExportFolder implements ExportSink {
  private readonly staged = new Map<string, string>();
  private readonly fds = new Map<string, number>();
  private finished = false;

  private constructor(
    /** The folder as the user named it, for messages. */
    readonly shown: string,
    private readonly root: string,
    private readonly staging: string,
    private readonly protect: readonly string[],
  ) {}

  /** Creates `outDir` when needed and a staging folder in it; throws ExportFolderError when it cannot. */
  static open(outDir: string, options: ExportFolderOptions = {}): ExportFolder {
    try {
      const stat = fs.statSync(outDir);
      if (!stat.isDirectory()) throw new ExportFolderError(`${outDir} is not a folder`);
    } catch (error) {
      if (error instanceof ExportFolderError) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new ExportFolderError(`cannot use ${outDir}: ${errnoText(error)}`);
      try {
        fs.mkdirSync(outDir, { recursive: true });
      } catch (mkdirError) {
        throw new ExportFolderError(`cannot create the output folder ${outDir}: ${errnoText(mkdirError)}`);
      }
    }
    const root = fs.realpathSync(outDir);
    const protect = options.protect ?? [];
    const inProtected = protect.find((p) => p === root || isInside(p, root));
    if (inProtected !== undefined) throw new ExportFolderError(`${outDir} is inside the corpus: the export would be written among the pages it reads`);
    removeLeftoverStaging(root);
    const staging = path.join(root, `.newsmark-export.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
    try {
      fs.mkdirSync(staging);
    } catch (error) {
      throw new ExportFolderError(`cannot write into ${outDir}: ${errnoText(error)}`);
    }
    return new ExportFolder(outDir, root, staging, protect);
  }

  appendText(relPath: string, text: string): void {
    let fd = this.fds.get(relPath);
    if (fd === undefined) {
      fd = fs.openSync(this.stage(relPath), 'w');
      this.fds.set(relPath, fd);
    }
    fs.writeSync(fd, text);
  }

  writeText(relPath: string, text: string): void {
    this.closeFile(relPath);
    fs.writeFileSync(this.stage(relPath), text);
  }

  /** Moves the staged files into place, manifest last, and removes the earlier export's stale files. */
  commit(): CommitResult {
    this.closeAll();
    const written = [...this.staged.keys()];
    for (const rel of written) this.checkTarget(rel, true);
    const manifestPath = path.join(this.root, MANIFEST_FILE);
    const earlier = earlierFiles(manifestPath);
    // From here until the new manifest is in place the folder holds no manifest: an interrupted commit leaves
    // an export that says it is incomplete, never an old manifest beside new files.
    if (lstatOrUndefined(manifestPath)) fs.unlinkSync(manifestPath);
    for (const rel of written) {
      if (rel === MANIFEST_FILE) continue;
      const target = this.checkTarget(rel, true);
      fs.renameSync(this.staged.get(rel) as string, target);
    }
    const removed: string[] = [];
    const keep = new Set(written);
    for (const rel of earlier) {
      if (keep.has(rel) || rel === MANIFEST_FILE) continue;
      let target: string;
      try {
        target = this.checkTarget(rel, false);
      } catch {
        continue; // not a file this export may touch
      }
      if (!lstatOrUndefined(target)?.isFile()) continue;
      fs.unlinkSync(target);
      removed.push(rel);
      removeEmptyFolders(path.dirname(target), this.root);
    }
    const manifest = this.staged.get(MANIFEST_FILE);
    if (manifest) fs.renameSync(manifest, this.checkTarget(MANIFEST_FILE, true));
    this.finished = true;
    fs.rmSync(this.staging, { recursive: true, force: true });
    return { removed };
  }

  /** Drops everything staged; the folder keeps what it held before. */
  abort(): void {
    if (this.finished) return;
    this.closeAll();
    this.finished = true;
    fs.rmSync(this.staging, { recursive: true, force: true });
  }

  private stage(relPath: string): string {
    let file = this.staged.get(relPath);
    if (file === undefined) {
      this.checkTarget(relPath, false);
      file = path.join(this.staging, `${this.staged.size}.part`);
      this.staged.set(relPath, file);
    }
    return file;
  }

  /**
   * The path a file of the export goes to. Every folder on the way must be a real folder inside the output
   * folder (not a link); an existing target must be a regular file. With `create`, missing folders are made.
   */
  private checkTarget(relPath: string, create: boolean): string {
    const parts = relPath.split('/');
    const fail = (message: string): never => {
      throw new ExportFolderError(message);
    };
    if (relPath === '' || parts.some((p) => p === '' || p === '.' || p === '..') || path.isAbsolute(relPath) || relPath.includes('\\')) {
      fail(`refusing to write "${relPath}": not a plain relative path inside ${this.shown}`);
    }
    let dir = this.root;
    for (const part of parts.slice(0, -1)) {
      dir = path.join(dir, part);
      const shown = path.join(this.shown, path.relative(this.root, dir));
      const stat = lstatOrUndefined(dir);
      if (stat === undefined) {
        if (create) fs.mkdirSync(dir);
      } else if (stat.isSymbolicLink()) fail(`${shown} is a link: the export does not write through links (remove it and export again)`);
      else if (!stat.isDirectory()) fail(`${shown} is not a folder`);
    }
    const target = path.join(this.root, ...parts);
    const stat = lstatOrUndefined(target);
    const shown = path.join(this.shown, ...parts);
    if (stat?.isSymbolicLink()) fail(`${shown} is a link: the export does not write through links (remove it and export again)`);
    if (stat && !stat.isFile()) fail(`${shown} exists and is not a regular file: not replaced`);
    if (this.protect.some((p) => isInside(p, target))) fail(`${shown} is inside the corpus: not replaced`);
    return target;
  }

  private closeFile(relPath: string): void {
    const fd = this.fds.get(relPath);
    if (fd === undefined) return;
    fs.closeSync(fd);
    this.fds.delete(relPath);
  }

  private closeAll(): void {
    for (const fd of this.fds.values()) fs.closeSync(fd);
    this.fds.clear();
  }
}

function lstatOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The files an earlier Newsmark manifest in the folder lists (none when there is no readable one). */
function earlierFiles(manifestPath: string): string[] {
  const stat = lstatOrUndefined(manifestPath);
  if (!stat?.isFile() || stat.size > 256 * 1024 * 1024) return [];
  try {
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { newsmarkExport?: unknown; files?: unknown };
    if (manifest.newsmarkExport !== 1 || !Array.isArray(manifest.files)) return [];
    return manifest.files.filter((f): f is string => typeof f === 'string');
  } catch {
    return [];
  }
}

/** Staging folders of exports that were killed (their process is gone). */
function removeLeftoverStaging(root: string): void {
  for (const name of fs.readdirSync(root)) {
    const match = STAGING.exec(name);
    if (!match || isProcessAlive(Number(match[1]))) continue;
    const full = path.join(root, name);
    if (lstatOrUndefined(full)?.isDirectory()) fs.rmSync(full, { recursive: true, force: true });
  }
}

function removeEmptyFolders(dir: string, root: string): void {
  for (let current = dir; isInside(root, current); current = path.dirname(current)) {
    try {
      fs.rmdirSync(current);
    } catch {
      return; // not empty (or not ours to remove)
    }
  }
}
