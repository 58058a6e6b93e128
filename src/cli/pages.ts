// Reading a corpus page on the command line: decoded like the editor decodes it (src/core/text/decode), and
// a page that cannot be read is reported once per run however many passes ask for it.

import { pageReadProblem, readPage } from '../node/files';
import type { Reporter } from './report';

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
