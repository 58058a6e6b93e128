// Reading a corpus page on the command line: decoded like the editor decodes it (src/core/text/decode), and
// a page that cannot be read is reported once per run however many passes ask for it.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { ghostSidecarMessage, sidecarsWithoutPage } from '../core/sidecar/ghosts';
import { SIDECAR_SUFFIX } from '../core/sidecar/paths';
import { pageReadProblem, readPage, walkCorpus } from '../node/files';
import type { Reporter } from './report';
import { fromPosix, toPosix, type Workspace } from './workspace';

export interface PageRead {
  text?: string;
  /** Why the page is not read ("the page is not read: it is not a text file (...)"), when it is not. */
  problem?: string;
}

const reported = new WeakMap<Reporter, Set<string>>();

/** The page's text; when it cannot be read, one error line (the first time in this run) and `problem`. */
export function readPageReported(file: string, reporter: Reporter, consequence = 'it is skipped'): PageRead {
  try {
    return { text: readPage(file) };
  } catch (error) {
    const problem = pageReadProblem(error);
    let seen = reported.get(reporter);
    if (!seen) reported.set(reporter, (seen = new Set()));
    if (!seen.has(file)) {
      seen.add(file);
      reporter.error(file, 1, 1, `${problem}; ${consequence}`);
    }
    return { problem };
  }
}

/**
 * Warns about every sidecar of the pages under `dir` (beside them, or in the workspace's mirrored sidecar
 * folder) whose page does not exist; returns their paths as shown.
 */
export function reportSidecarsWithoutPage(dir: string, ws: Workspace, reporter: Reporter): string[] {
  const { locator } = ws;
  const absDir = toPosix(path.resolve(dir));
  // The folder holding the sidecars of dir's pages: dir itself, or its mirror in the sidecar folder.
  const rel = path.posix.relative(locator.workspaceRoot, absDir);
  const sidecarDir = locator.sidecarRoot !== undefined && !rel.startsWith('..') ? path.posix.join(locator.sidecarRoot, rel) : absDir;
  if (!fs.existsSync(fromPosix(sidecarDir))) return [];
  const shown = new Map<string, string>();
  for (const file of walkCorpus([fromPosix(sidecarDir)], { glob: `*${SIDECAR_SUFFIX}` })) {
    shown.set(toPosix(path.resolve(file.path)), locator.mirrored ? shownPath(file.path) : path.join(dir, file.rel));
  }
  const ghosts = sidecarsWithoutPage([...shown.keys()], (sidecar) => locator.pageFor(sidecar), (page) => fs.existsSync(fromPosix(page)));
  for (const ghost of ghosts) reporter.warning(shown.get(ghost.sidecar)!, 1, 1, ghostSidecarMessage(ghost));
  return ghosts.map((ghost) => shown.get(ghost.sidecar)!);
}

function shownPath(file: string): string {
  const rel = path.relative(process.cwd(), path.resolve(file));
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? path.resolve(file) : rel;
}
