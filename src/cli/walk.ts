// Listing the pages under the paths named on the command line, with missing paths and escaping links reported.

import * as fs from 'node:fs';
import { type CorpusFile, errnoText, walkCorpus } from '../node/files';
import { type Reporter, UsageError } from './report';
import { isWorkspacePage, type Workspace } from './workspace';

/**
 * The pages under `paths` by the workspace's rule (files named directly are taken as they are); a path that
 * does not exist is reported and left out.
 */
export function listCorpus(paths: readonly string[], ws: Workspace, reporter: Reporter): CorpusFile[] {
  const existing = paths.filter((p) => {
    if (fs.existsSync(p)) return true;
    reporter.error(p, 1, 1, 'no such file or folder');
    return false;
  });
  return walkCorpus(existing, {
    glob: '*',
    onEscape: (entry, target) => reporter.warning(entry, 1, 1, `skipped: the link leads outside the folder (to ${target})`),
    onUnreadable: (entry, error) => reporter.error(entry, 1, 1, `the folder cannot be read (${errnoText(error)}); the pages in it are left out`),
  }).filter((file) => file.path === file.root || isWorkspacePage(ws, file.path));
}

/** One folder argument that must exist. */
export function requireFolder(dir: string, what: string): void {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`${what} "${dir}" is not a folder`);
}
