// Reads the lexicon data files from disk (core takes only strings): the shipped lists under
// `<root>/lexicons/` and any extra files or folders the user names. The file texts are kept so a worker
// thread can rebuild the same lexicons without touching the disk again.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { entityLexiconFileKind, EntityLexicon } from '../core/detect/lexicons';
import { parseStopwords, SHIPPED_STOPWORD_FOLDERS, StopwordLexicon } from '../core/detect/stopwords';
import type { Problem } from '../core/model/types';

/** One lexicon file: `kind` says which parser reads it. */
export interface LexiconFile {
  kind: 'stopwords' | 'entities';
  /** Stop words: the language name; entities: the file name (`<kind>.<lang>.txt`). */
  name: string;
  /** Where it was read from, for messages. */
  path: string;
  text: string;
}

export interface LoadedLexicons {
  stopwords: StopwordLexicon;
  entities: EntityLexicon;
  files: LexiconFile[];
  /** Problems of the files, with the file they belong to. */
  problems: { path: string; problem: Problem }[];
}

const SHIPPED_ENTITIES = path.join('lexicons', 'entities');

/**
 * The shipped lexicons of `extensionRoot` plus `userPaths`. A user path is a file or a folder: files named
 * `<kind>.<lang>.txt` (kinds of ENTITY_LEXICON_KINDS) are entity lexicons, other `.txt` files are stop-word
 * lists named after their file ("Vietnamese.txt" adds to the language "Vietnamese"). Folders are read
 * recursively. A missing user path is a problem, not an exception.
 */
export function loadLexiconsFromDisk(extensionRoot: string, userPaths: readonly string[] = []): LoadedLexicons {
  const files: LexiconFile[] = [];
  const problems: LoadedLexicons['problems'] = [];
  for (const folder of SHIPPED_STOPWORD_FOLDERS) collect(path.join(extensionRoot, 'lexicons', 'stopwords', folder), files, problems);
  collect(path.join(extensionRoot, SHIPPED_ENTITIES), files, problems);
  for (const userPath of userPaths) collect(userPath, files, problems);
  const built = lexiconsFromFiles(files);
  return { ...built, files, problems: [...problems, ...built.problems] };
}

/** Builds the lexicons from file texts (what a worker receives). */
export function lexiconsFromFiles(files: readonly LexiconFile[]): Omit<LoadedLexicons, 'files'> {
  const stopwords = new StopwordLexicon();
  const entities = new EntityLexicon();
  const problems: LoadedLexicons['problems'] = [];
  for (const file of files) {
    if (file.kind === 'stopwords') {
      stopwords.add(file.name, parseStopwords(file.text));
      continue;
    }
    for (const problem of entities.addFile(file.name, file.text)) problems.push({ path: file.path, problem });
  }
  return { stopwords, entities, problems };
}

function collect(target: string, files: LexiconFile[], problems: LoadedLexicons['problems']): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    problems.push({ path: target, problem: { line: 1, col: 1, message: 'lexicon file or folder not found', severity: 'error' } });
    return;
  }
  if (stat.isDirectory()) {
    for (const entry of fs.readdirSync(target).sort()) {
      const child = path.join(target, entry);
      if (fs.statSync(child).isDirectory() || entry.endsWith('.txt')) collect(child, files, problems);
    }
    return;
  }
  const base = path.basename(target);
  const text = fs.readFileSync(target, 'utf8');
  if (entityLexiconFileKind(base)) files.push({ kind: 'entities', name: base, path: target, text });
  else files.push({ kind: 'stopwords', name: base.replace(/\.txt$/i, ''), path: target, text });
}

/**
 * The folder holding `lexicons/` for code running from `startDir` (dist/ when bundled, src/... under tsx):
 * the nearest ancestor that has one.
 */
export function findExtensionRoot(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'lexicons', 'stopwords'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
