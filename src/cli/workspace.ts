// The workspace a command works in, as the editor would see it: the settings of `.vscode/settings.json`
// (the nearest one at or above the folder given) that decide where sidecars live, which files are pages,
// the labels and the extra lexicons, overridden by flags. A settings file that cannot be read stops the
// command: guessing the layout could export pages without their tags or write sidecars in the wrong place.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { pageRule, type PageRule } from '../core/pages';
import { type NewsmarkSettings } from '../core/settings';
import { parseSettingsFile, settingsFromFile } from '../core/settingsFile';
import { SidecarLocator } from '../core/sidecar/locator';
import { type OptionSpec, type ParsedArgs, flag, listOption, stringOption } from './args';
import { type Reporter, UsageError } from './report';

/** The flags every command that reads a corpus takes. */
export const WORKSPACE_OPTIONS: OptionSpec = {
  sidecars: { type: 'string' },
  'no-settings': { type: 'boolean' },
};

export interface Workspace {
  /** The workspace folder (absolute). */
  root: string;
  /** The settings file read, when there is one. */
  settingsFile?: string;
  settings: NewsmarkSettings;
  /** Whether the settings name the labels (then tags of other labels are warned about). */
  labelsGiven: boolean;
  locator: SidecarLocator;
  pages: PageRule;
  /** Extra lexicon files and folders (absolute or as given on the command line). */
  lexicons: string[];
}

/** Problems are already reported: the command ends with status 1. */
export class SettingsError extends Error {}

/**
 * The workspace of a folder (or of a file's folder) named on the command line. Flags: --sidecars DIR (a
 * mirrored sidecar folder, relative to the current folder; empty for sidecars beside their pages), --glob
 * (a file-name pattern instead of `newsmark.corpus`), --lexicons, --no-settings.
 */
export function openWorkspace(target: string, args: ParsedArgs, reporter: Reporter): Workspace {
  const start = path.resolve(fs.existsSync(target) && !fs.statSync(target).isDirectory() ? path.dirname(target) : target);
  const settingsFile = flag(args, 'no-settings') ? undefined : findSettings(start);
  const root = settingsFile ? path.dirname(path.dirname(settingsFile)) : start;
  let values: Record<string, unknown> = {};
  const shown = settingsFile && shownPath(settingsFile);
  if (settingsFile && shown) {
    let text: string;
    try {
      text = fs.readFileSync(settingsFile, 'utf8');
    } catch (error) {
      reporter.error(shown, 1, 1, `the workspace settings cannot be read (${(error as Error).message}); nothing was done (--no-settings ignores them)`);
      throw new SettingsError();
    }
    const parsed = parseSettingsFile(text);
    if (parsed.problems.length > 0) {
      for (const p of parsed.problems) reporter.error(shown, p.line, p.col, `the workspace settings cannot be read: ${p.message}; nothing was done (fix the file, or run with --no-settings)`);
      throw new SettingsError();
    }
    values = parsed.values;
  }
  const settings = settingsFromFile(values);

  let sidecarFolder = settings.sidecarFolder;
  const flagFolder = stringOption(args, 'sidecars');
  if (flagFolder !== undefined) sidecarFolder = flagFolder.trim() === '' ? '' : path.resolve(flagFolder);
  else if (sidecarFolder !== '' && !insideWorkspace(root, sidecarFolder)) {
    reporter.error(shown ?? root, 1, 1, `"newsmark.sidecars.folder": "${sidecarFolder}" is not a folder inside the workspace; nothing was done (name the folder with --sidecars to use it)`);
    throw new SettingsError();
  }
  const locator = new SidecarLocator(toPosix(root), toPosix(sidecarFolder));
  const relSidecars = locator.sidecarRoot ? path.posix.relative(toPosix(root), locator.sidecarRoot) : '';

  let pages: PageRule;
  try {
    pages = pageRule({ corpusGlobs: settings.corpusGlobs, fileName: stringOption(args, 'glob'), sidecarFolder: relSidecars.startsWith('..') ? '' : relSidecars });
  } catch (error) {
    if (stringOption(args, 'glob') !== undefined) throw new UsageError((error as Error).message);
    reporter.error(shown ?? root, 1, 1, `"newsmark.corpus": ${(error as Error).message}; nothing was done (give a --glob instead)`);
    throw new SettingsError();
  }
  const lexicons = listOption(args, 'lexicons') ?? settings.lexicons.map((p) => path.resolve(root, p));
  return { root, ...(settingsFile ? { settingsFile } : {}), settings, labelsGiven: values['newsmark.labels'] !== undefined, locator, pages, lexicons };
}

/** A folder read without settings: sidecars beside their pages, `*.txt` pages (benchmarks, tests). */
export function plainWorkspace(dir: string): Workspace {
  const settings = settingsFromFile({});
  const root = path.resolve(dir);
  return { root, settings, labelsGiven: false, locator: new SidecarLocator(toPosix(root)), pages: pageRule({ corpusGlobs: settings.corpusGlobs }), lexicons: [] };
}

/** The nearest `.vscode/settings.json` at or above `dir`. */
function findSettings(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    const file = path.join(current, '.vscode', 'settings.json');
    if (fs.existsSync(file)) return file;
    if (path.dirname(current) === current) return undefined;
  }
}

function insideWorkspace(root: string, folder: string): boolean {
  if (path.isAbsolute(folder) || /^[A-Za-z]:/.test(folder)) return false;
  const rel = path.relative(root, path.resolve(root, folder));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

export function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

export function fromPosix(p: string): string {
  return path.sep === '/' ? p : p.split('/').join(path.sep);
}

/** The sidecar of a page (a path as the command line shows it), shown relative to the current folder when inside it. */
export function sidecarPathOf(ws: Workspace, pagePath: string): string {
  if (!ws.locator.mirrored) return `${pagePath}.ann.yaml`;
  return shownPath(fromPosix(ws.locator.sidecarFor(toPosix(path.resolve(pagePath)))));
}

/** An absolute path as messages show it: relative to the current folder when inside it. */
function shownPath(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
}

/** Whether a page found under a command-line folder is a page by the workspace's rule. */
export function isWorkspacePage(ws: Workspace, pagePath: string): boolean {
  const rel = path.relative(ws.root, path.resolve(pagePath));
  if (rel.startsWith('..') || path.isAbsolute(rel)) return ws.pages.isPage(path.basename(pagePath));
  return ws.pages.isPage(toPosix(rel));
}
