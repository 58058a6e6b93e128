// User-editable entity lexicons: titles, organisation head words, date words, gazetteers.
//
// File format (documented in lexicons/README.md): UTF-8 plain text, one entry per line. `#` starts a comment
// (to the end of the line), blank lines are ignored, `[name]` starts a section, and `key = value` gives an
// entry a value (a month number, a relative offset). Entries before the first section belong to the
// section named after the file's kind. A file is named `<kind>.<lang>.txt` ("titles.vi.txt"); several files
// of one kind and language (shipped + the user's) are merged.

import type { Problem } from '../model/types';
import { Vocabulary } from './words';

export interface LexiconEntry {
  text: string;
  value?: string;
  /** 1-based line in its file. */
  line: number;
}

export interface ParsedLexicon {
  /** Entries by section name; entries before any header are under "". */
  sections: Map<string, LexiconEntry[]>;
  problems: Problem[];
}

const SECTION = /^\[([^\]]+)\]$/;

export function parseLexicon(text: string): ParsedLexicon {
  const sections = new Map<string, LexiconEntry[]>();
  const problems: Problem[] = [];
  let current = '';
  const lines = text.split(/\r\n|\n|\r/);
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index];
    const hash = line.indexOf('#');
    if (hash >= 0) line = line.slice(0, hash);
    line = line.trim();
    if (line === '') continue;
    if (line.startsWith('[')) {
      const header = SECTION.exec(line);
      if (header) {
        current = header[1].trim().toLowerCase();
        continue;
      }
      problems.push({ line: index + 1, col: 1, message: `Malformed section header "${line}"`, severity: 'warning' });
      continue;
    }
    const equals = line.indexOf('=');
    const entry: LexiconEntry = { text: line, line: index + 1 };
    if (equals >= 0) {
      entry.text = line.slice(0, equals).trim();
      entry.value = line.slice(equals + 1).trim();
      if (entry.text === '') {
        problems.push({ line: index + 1, col: 1, message: 'Entry without text before "="', severity: 'warning' });
        continue;
      }
    }
    let list = sections.get(current);
    if (!list) sections.set(current, (list = []));
    list.push(entry);
  }
  return { sections, problems };
}

/** The kinds of entity lexicon files Newsmark reads. */
export const ENTITY_LEXICON_KINDS = ['titles', 'org-heads', 'dates', 'relative-dates', 'places', 'cues', 'names'] as const;
export type EntityLexiconKind = (typeof ENTITY_LEXICON_KINDS)[number];

/** Splits "titles.vi.txt" (or a path ending in it) into kind and language; undefined for other names. */
export function entityLexiconFileKind(fileName: string): { kind: EntityLexiconKind; lang: string } | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const match = /^([a-z-]+)\.([a-z]{2,3}(?:-[a-z0-9]+)?)\.txt$/i.exec(base);
  if (!match) return undefined;
  const kind = match[1].toLowerCase() as EntityLexiconKind;
  if (!ENTITY_LEXICON_KINDS.includes(kind)) return undefined;
  return { kind, lang: match[2].toLowerCase() };
}

/** Section -> entries, for one kind in one language (or merged over languages). */
export type SectionMap = ReadonlyMap<string, readonly LexiconEntry[]>;

/**
 * Entity lexicons of several files merged by kind and language. Detectors ask for `sections(kind, lang)`;
 * without a language (unknown page language) the files of every language are merged. `version` changes on
 * every addition so callers can invalidate caches.
 */
export class EntityLexicon {
  private readonly files: { kind: EntityLexiconKind; lang: string; sections: Map<string, LexiconEntry[]> }[] = [];
  private readonly mergedCache = new Map<string, SectionMap>();
  private readonly compiledCache = new Map<string, unknown>();
  private versionCounter = 0;
  private words: Vocabulary | undefined;

  get version(): number {
    return this.versionCounter;
  }

  /**
   * The words of the compiled matchers (every language's), shared by the detectors so a line is tokenized
   * once for all of them. Replaced when the lexicon changes, like the compiled matchers.
   */
  get vocabulary(): Vocabulary {
    return (this.words ??= new Vocabulary());
  }

  /** Adds one file's text; returns its problems (malformed lines), and a problem for an unknown file name. */
  addFile(fileName: string, text: string): Problem[] {
    const kind = entityLexiconFileKind(fileName);
    if (!kind) {
      return [{ line: 1, col: 1, message: `Not an entity lexicon name (<kind>.<lang>.txt): ${fileName}`, severity: 'warning' }];
    }
    return this.add(kind.kind, kind.lang, text);
  }

  add(kind: EntityLexiconKind, lang: string, text: string): Problem[] {
    const parsed = parseLexicon(text);
    const sections = new Map<string, LexiconEntry[]>();
    for (const [name, entries] of parsed.sections) sections.set(name === '' ? kind : name, entries);
    this.files.push({ kind, lang: lang.toLowerCase(), sections });
    this.mergedCache.clear();
    this.compiledCache.clear();
    this.words = undefined;
    this.versionCounter++;
    return parsed.problems;
  }

  /** Languages that have at least one file. */
  languages(): string[] {
    return [...new Set(this.files.map((file) => file.lang))].sort();
  }

  sections(kind: EntityLexiconKind, lang?: string): SectionMap {
    const key = `${kind}\u0000${lang ?? '*'}`;
    const cached = this.mergedCache.get(key);
    if (cached) return cached;
    const merged = new Map<string, LexiconEntry[]>();
    const base = lang?.split('-')[0];
    for (const file of this.files) {
      if (file.kind !== kind) continue;
      if (base !== undefined && file.lang.split('-')[0] !== base) continue;
      for (const [name, entries] of file.sections) {
        let list = merged.get(name);
        if (!list) merged.set(name, (list = []));
        list.push(...entries);
      }
    }
    this.mergedCache.set(key, merged);
    return merged;
  }

  /** Entry texts of one section. */
  entries(kind: EntityLexiconKind, section: string, lang?: string): readonly LexiconEntry[] {
    return this.sections(kind, lang).get(section) ?? [];
  }

  /**
   * A value derived from this lexicon, computed once per language until the lexicon changes (detectors
   * compile their matchers through this).
   */
  compiled<T>(name: string, lang: string | undefined, build: () => T): T {
    const key = `${name}\u0000${lang ?? '*'}`;
    if (this.compiledCache.has(key)) return this.compiledCache.get(key) as T;
    const value = build();
    this.compiledCache.set(key, value);
    return value;
  }
}
