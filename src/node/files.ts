// File-system helpers shared by the command-line tool: walking a corpus folder without leaving it,
// writing files atomically, and an export sink that writes into a folder.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExportSink } from '../core/export/types';
import { compileFileNamePattern } from '../core/fileNamePattern';

export interface CorpusFile {
  /** The path to open and to show: the argument joined with the path below it. */
  path: string;
  /** Path relative to the folder it was found in, with `/` separators ("" parts never appear). */
  rel: string;
  /** The folder (or file) argument it came from. */
  root: string;
}

export interface WalkOptions {
  /** File-name pattern with `*` and `?` (and `{a,b}` alternatives) matched against the base name. */
  glob: string;
  /** Called for every entry skipped because it leads outside its folder (a symbolic link). */
  onEscape?: (entryPath: string, target: string) => void;
}

/**
 * Every file under the folders given (files given directly are taken as they are), sorted by path. Hidden
 * entries (".git", ".bench") and node_modules are skipped, so are symbolic links that lead outside the
 * folder being walked. Sidecars never match unless the pattern asks for them.
 */
export function walkCorpus(roots: readonly string[], options: WalkOptions): CorpusFile[] {
  const pattern = compileFileNamePattern(options.glob);
  const found: CorpusFile[] = [];
  for (const root of roots) {
    const stat = fs.statSync(root); // throws ENOENT: the caller reports a missing argument
    if (!stat.isDirectory()) {
      found.push({ path: root, rel: path.basename(root), root });
      continue;
    }
    const realRoot = fs.realpathSync(root);
    const visit = (dir: string, relDir: string): void => {
      const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareNames(a.name, b.name));
      for (const entry of entries) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const full = path.join(dir, entry.name);
        const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
        let isDir = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
          let target: string;
          try {
            target = fs.realpathSync(full);
          } catch {
            continue; // dangling link
          }
          if (!isInside(realRoot, target)) {
            options.onEscape?.(full, target);
            continue;
          }
          const targetStat = fs.statSync(target);
          isDir = targetStat.isDirectory();
          isFile = targetStat.isFile();
          // A link to a folder inside the corpus would visit that folder twice (or loop): skip it.
          if (isDir) continue;
        }
        if (isDir) visit(full, rel);
        else if (isFile && pattern.test(entry.name)) found.push({ path: full, rel, root });
      }
    };
    visit(root, '');
  }
  return found.sort((a, b) => compareNames(a.path, b.path));
}

/** Code-unit order, the same on every platform and locale (shards must agree across machines). */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Reads a text file, or undefined when it does not exist. */
export function readTextIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Replaces `file` with `text` so that a reader sees either the old or the new content, never a mix, even
 * after a crash: the text goes to a temporary file in the same folder, is flushed to disk, then renamed.
 */
export function writeFileAtomic(file: string, text: string): void {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const fd = fs.openSync(temp, 'wx');
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * An export sink writing into a folder. The first append to a file in this session truncates it (an
 * older export of the same name is replaced, not extended); appends keep the file open until close().
 */
export class FolderSink implements ExportSink {
  private readonly open = new Map<string, number>();

  constructor(private readonly folder: string) {}

  appendText(relPath: string, text: string): void {
    let fd = this.open.get(relPath);
    if (fd === undefined) {
      const target = this.target(relPath);
      fd = fs.openSync(target, 'w');
      this.open.set(relPath, fd);
    }
    fs.writeSync(fd, text);
  }

  writeText(relPath: string, text: string): void {
    const fd = this.open.get(relPath);
    if (fd !== undefined) {
      fs.closeSync(fd);
      this.open.delete(relPath);
    }
    fs.writeFileSync(this.target(relPath), text);
  }

  close(): void {
    for (const fd of this.open.values()) fs.closeSync(fd);
    this.open.clear();
  }

  private target(relPath: string): string {
    const target = path.resolve(this.folder, relPath);
    if (!isInside(path.resolve(this.folder), target)) throw new Error(`refusing to write "${relPath}" outside ${this.folder}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    return target;
  }
}
