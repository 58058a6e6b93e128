// File-system helpers shared by the command-line tool and the editor (for files on disk): walking a corpus
// folder without leaving it, reading a file only when it is a regular file inside its folder, writing files
// atomically (keeping mode and owner, never over a read-only file or a link), and a lock per file so that
// two writers never lose each other's changes.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileFileNamePattern } from '../core/fileNamePattern';
import { decodePage } from '../core/text/decode';
import { codeUnitOrder } from '../core/text/order';

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
  /** Called for every folder (or link) skipped because it cannot be read; the walk goes on without it. */
  onUnreadable?: (entryPath: string, error: unknown) => void;
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
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => codeUnitOrder(a.name, b.name));
      } catch (error) {
        options.onUnreadable?.(dir, error);
        return;
      }
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
          let targetStat: fs.Stats;
          try {
            targetStat = fs.statSync(target);
          } catch (error) {
            options.onUnreadable?.(full, error);
            continue;
          }
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
  return found.sort((a, b) => codeUnitOrder(a.path, b.path));
}


export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}


/** A file that is not read or not written, and why, in words for the user. */
export class FileRefused extends Error {
  /** What the file is, as in "it is <reason>" ("a link to /x, outside its folder"). */
  constructor(readonly action: 'not read' | 'not replaced', readonly reason: string) {
    super(`${action}: it is ${reason}`);
  }
}

/** An errno error in a few words ("permission denied"), without a stack trace or the path. */
export function errnoText(error: unknown): string {
  if (error instanceof FileRefused) return error.message;
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'ENOENT':
      return 'no such file or folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'EISDIR':
      return 'it is a folder';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** False when no process with this id runs on this machine. */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface ReadOptions {
  /** Files larger than this many bytes are refused before anything is read. */
  maxBytes?: number;
}

/**
 * The bytes of a file, or undefined when it does not exist. The file is read only when it is a regular file
 * (never a FIFO, device or folder, which are not even opened blocking) and, when it is a link, only when the
 * link leads to a file inside the same folder. Throws FileRefused (or an errno error) otherwise.
 */
export function readFileIfExists(file: string, options: ReadOptions = {}): Buffer | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let target = file;
  if (stat.isSymbolicLink()) {
    try {
      target = fs.realpathSync(file);
    } catch {
      throw new FileRefused('not read', 'a link to nothing');
    }
    if (!isInside(fs.realpathSync(path.dirname(file)), target)) throw new FileRefused('not read', `a link to ${target}, outside its folder`);
  } else if (!stat.isFile()) throw new FileRefused('not read', `${kindOf(stat)}, not a regular file`);
  const fd = fs.openSync(target, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOFOLLOW);
  try {
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) throw new FileRefused('not read', `${kindOf(opened)}, not a regular file`);
    if (options.maxBytes !== undefined && opened.size > options.maxBytes) {
      throw new FileRefused('not read', `${formatSize(opened.size)}, over the ${formatSize(options.maxBytes)} limit`);
    }
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Pages larger than this are not read: analysing one takes memory many times its size (a 60 MB page ran out
 * of it), and an annotator cannot work through such a page anyway.
 */
export const MAX_PAGE_BYTES = 20 * 1024 * 1024;

/**
 * The text of a corpus page, decoded by the rule the editor follows too (decodePage: a byte order mark is
 * dropped and says the encoding, else UTF-8). Only a regular file is opened without blocking and read; one
 * over `maxBytes` (default MAX_PAGE_BYTES) is refused before it is read. Throws FileRefused, saying why, for
 * a binary file, bytes that are not text, a size over the limit; an errno error when it cannot be read.
 */
export function readPage(file: string, options: ReadOptions = {}): string {
  const maxBytes = options.maxBytes ?? MAX_PAGE_BYTES;
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  let bytes: Buffer;
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new FileRefused('not read', `${kindOf(stat)}, not a regular file`);
    if (stat.size > maxBytes) {
      throw new FileRefused('not read', `${formatSize(stat.size)}, over the ${formatSize(maxBytes)} limit for a page (split it into smaller pages)`);
    }
    bytes = fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  const decoded = decodePage(bytes);
  if (!decoded.ok) throw new FileRefused('not read', decoded.reason);
  return decoded.text;
}

/** What went wrong reading a page (readPage's error), as "the page ..." for a problem line. */
export function pageReadProblem(error: unknown): string {
  return error instanceof FileRefused ? `the page is not read: it is ${error.reason}` : `the page cannot be read (${errnoText(error)})`;
}

/** readFileIfExists as UTF-8 text. */
export function readTextIfExists(file: string, options: ReadOptions = {}): string | undefined {
  return readFileIfExists(file, options)?.toString('utf8');
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSymbolicLink()) return 'a link';
  return 'something other than a file';
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${bytes} bytes`;
}

const TEMP_NAME = /^\.(.+)\.(\d+)\.[0-9a-z]+\.tmp$/;

/** Per folder, the temporary files found the first time this process wrote there, by target name. */
const leftoverTemps = new Map<string, Map<string, string[]>>();

/** Removes temporary files of `file` left by writers that were killed (D26: their process is gone). */
function removeLeftoverTemps(file: string): void {
  const dir = path.dirname(file);
  let byTarget = leftoverTemps.get(dir);
  if (!byTarget) {
    byTarget = new Map();
    let names: string[] = [];
    try {
      names = fs.readdirSync(dir);
    } catch {
      // an unreadable folder: nothing to clean
    }
    for (const name of names) {
      const match = TEMP_NAME.exec(name);
      if (!match || isProcessAlive(Number(match[2]))) continue;
      const list = byTarget.get(match[1]) ?? [];
      list.push(name);
      byTarget.set(match[1], list);
    }
    leftoverTemps.set(dir, byTarget);
  }
  const base = path.basename(file);
  for (const name of byTarget.get(base) ?? []) fs.rmSync(path.join(dir, name), { force: true });
  byTarget.delete(base);
}

/**
 * Replaces `file` with `text` so that a reader sees either the old or the new content, never a mix, even
 * after a crash: the text goes to a temporary file in the same folder, is flushed to disk, then renamed. The
 * new file keeps the old one's mode and (when the process may set it) owner. A file that is read-only, a
 * link or not a regular file is not replaced: FileRefused says why.
 */
export function writeFileAtomic(file: string, text: string): void {
  let previous: fs.Stats | undefined;
  try {
    previous = fs.lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (previous) {
    if (previous.isSymbolicLink()) throw new FileRefused('not replaced', 'a link');
    if (!previous.isFile()) throw new FileRefused('not replaced', `${kindOf(previous)}, not a regular file`);
    if (isReadOnly(file, previous)) throw new FileRefused('not replaced', 'read-only (make it writable to save into it)');
  }
  removeLeftoverTemps(file);
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  const mode = previous ? previous.mode & 0o7777 : undefined;
  const fd = fs.openSync(temp, 'wx', mode ?? 0o666);
  try {
    if (previous) {
      fs.fchmodSync(fd, mode as number);
      if (previous.uid !== process.getuid?.() || previous.gid !== process.getgid?.()) {
        try {
          fs.fchownSync(fd, previous.uid, previous.gid);
        } catch {
          // Only root (or the owner, for groups it is in) may keep another owner: the file becomes ours.
        }
      }
    }
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

/** No write permission bit set, or (for other users than root) no write access. */
function isReadOnly(file: string, stat: fs.Stats): boolean {
  if ((stat.mode & 0o222) === 0) return true;
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/** A lock left by a writer older than this is taken over even when its owner cannot be checked. */
const STALE_LOCK_MS = 60_000;
const LOCK_WAIT_MS = 30_000;

interface HeldLock {
  path: string;
  content: string;
}

function lockPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.lock`);
}

/** One attempt to take the lock of `file` (a lock file created exclusively); stale locks are taken over. */
function tryLock(file: string): HeldLock | undefined {
  const lockPath = lockPathFor(file);
  const content = `${process.pid} ${os.hostname()} ${new Date().toISOString()}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx', 0o644);
      try {
        fs.writeSync(fd, content);
      } finally {
        fs.closeSync(fd);
      }
      return { path: lockPath, content };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (!breakIfStale(lockPath)) return undefined;
  }
  return undefined;
}

/** Removes the lock file when its writer is gone; true when it did. Never removes a lock taken meanwhile. */
function breakIfStale(lockPath: string): boolean {
  let stat: fs.Stats;
  let owner = '';
  try {
    stat = fs.lstatSync(lockPath);
    if (stat.isFile() && stat.size < 1024) owner = fs.readFileSync(lockPath, 'utf8');
  } catch {
    return true; // gone already: try again
  }
  const [pid, host] = owner.split(' ');
  const age = Date.now() - stat.mtimeMs;
  const ownerGone = host === os.hostname() && !isProcessAlive(Number(pid));
  // A lock without content may be one being written right now.
  const stale = ownerGone || age > STALE_LOCK_MS || (owner === '' && age > 5_000);
  if (!stale) return false;
  // Move it aside first, then check that what was moved is the lock judged stale, not a new one.
  const aside = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.stale`;
  try {
    fs.renameSync(lockPath, aside);
  } catch {
    return true;
  }
  const moved = fs.lstatSync(aside);
  if (moved.ino !== stat.ino || moved.mtimeMs !== stat.mtimeMs) {
    try {
      fs.linkSync(aside, lockPath); // put the live lock back (only if no other lock took its place)
    } catch {
      // another writer already holds a new lock
    }
  }
  fs.rmSync(aside, { force: true });
  return true;
}

function releaseLock(lock: HeldLock): void {
  try {
    if (fs.readFileSync(lock.path, 'utf8') === lock.content) fs.unlinkSync(lock.path);
  } catch {
    // already gone
  }
}

function lockTimeout(file: string): FileRefused {
  let owner = '';
  try {
    owner = fs.readFileSync(lockPathFor(file), 'utf8').trim();
  } catch {
    // gone meanwhile
  }
  return new FileRefused('not replaced', `locked by another writer: ${lockPathFor(file)}${owner ? ` (${owner})` : ''} `
    + `stayed in place for ${LOCK_WAIT_MS / 1000} s; try again, or delete that file if no Newsmark is running`);
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `update` holding the lock of `file`: other Newsmark processes (command-line runs, the editor) that
 * write `file` through this lock wait until it returns, so a read-merge-write inside cannot lose theirs.
 */
export function withFileLock<T>(file: string, update: () => T): T {
  const until = Date.now() + LOCK_WAIT_MS;
  let lock = tryLock(file);
  while (!lock) {
    if (Date.now() > until) throw lockTimeout(file);
    Atomics.wait(sleeper, 0, 0, 5 + Math.random() * 20);
    lock = tryLock(file);
  }
  try {
    return update();
  } finally {
    releaseLock(lock);
  }
}

/** withFileLock for asynchronous work (the editor): waits without blocking the thread. */
export async function withFileLockAsync<T>(file: string, update: () => Promise<T>): Promise<T> {
  const until = Date.now() + LOCK_WAIT_MS;
  let lock = tryLock(file);
  while (!lock) {
    if (Date.now() > until) throw lockTimeout(file);
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
    lock = tryLock(file);
  }
  try {
    return await update();
  } finally {
    releaseLock(lock);
  }
}
