// Which files are news pages: one rule for the editor (corpus list, language of an opened file) and the
// command line (the files a command reads). A page matches one of the `newsmark.corpus` globs (relative to
// the workspace folder), is not a sidecar, and lies in no hidden folder, node_modules, export folder (where
// exports go by default: their .txt copies are output) or the mirrored sidecar folder.
import { compileFileNamePattern, compilePathPattern, type FileNamePattern } from './fileNamePattern';
import { isSidecarPath } from './sidecar/paths';

const NEVER_SEARCHED = new Set(['node_modules', 'export']);

export interface PageRuleOptions {
  /** `newsmark.corpus`: workspace-relative path globs. */
  corpusGlobs: readonly string[];
  /** A file-name pattern (`*.txt`) used instead of the globs (the command line's --glob). */
  fileName?: string;
  /** The mirrored sidecar folder, workspace-relative; empty or absent when sidecars sit beside their pages. */
  sidecarFolder?: string;
}

export interface PageRule {
  /** Whether the file at this workspace-relative path (`/`-separated) is a news page. */
  isPage(relPath: string): boolean;
}

/** Throws with a message for the user when a glob or pattern cannot be used. */
export function pageRule(options: PageRuleOptions): PageRule {
  const patterns: FileNamePattern[] = options.fileName !== undefined ? [compileFileNamePattern(options.fileName)] : options.corpusGlobs.map(compilePathPattern);
  const byName = options.fileName !== undefined;
  const sidecarParts = (options.sidecarFolder ?? '').split('/').filter((p) => p !== '' && p !== '.');
  return {
    isPage(relPath) {
      const parts = relPath.split('/').filter((p) => p !== '' && p !== '.');
      if (parts.length === 0 || parts.some((p) => p.startsWith('.') || p === '..') || isSidecarPath(relPath)) return false;
      if (parts.slice(0, -1).some((p) => NEVER_SEARCHED.has(p))) return false;
      if (sidecarParts.length > 0 && sidecarParts.every((p, i) => parts[i] === p) && parts.length > sidecarParts.length) return false;
      const subject = byName ? parts[parts.length - 1] : parts.join('/');
      return patterns.some((pattern) => pattern.test(subject));
    },
  };
}
