// External suggesters ("bring your own model"): what one is, read from the `newsmark.suggesters` setting or a
// `--suggester` / `--suggester-url` command-line value. A suggester is either a local program, started once
// and kept running, or an HTTP endpoint; both speak the protocol of ./protocol.ts.

import type { OffsetUnit } from '../text/offsets';

export type SuggesterTransport =
  | { kind: 'command'; command: string; argv: string[] }
  | { kind: 'url'; url: string };

export interface SuggesterConfig {
  /** Shown in hover, reasons and problems; the suggestions' source is `suggester:NAME`. */
  name: string;
  transport: SuggesterTransport;
  /**
   * The model's labels Newsmark keeps, and the Newsmark label each becomes. Undefined keeps every label as
   * it is. `["actor"]` in the setting is `{ actor: "actor" }`; `{"PER": "actor", "ORG": "actor"}` renames.
   */
  labels?: Record<string, string>;
  /** How the suggester counts offsets: code points (Python) by default, or UTF-16 code units (JavaScript). */
  offsets: OffsetUnit;
  /** Milliseconds one page may take (the first page after a start gets FIRST_PAGE_ALLOWANCE_MS more). */
  timeoutMs: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Extra time for the first page after a program starts: it may be loading a model. */
export const FIRST_PAGE_ALLOWANCE_MS = 60_000;

export const SUGGESTER_SOURCE_PREFIX = 'suggester:';

export function suggesterSource(name: string): string {
  return `${SUGGESTER_SOURCE_PREFIX}${name}`;
}

/** The suggester's name of a suggestion's source (`suggester:NAME`), else undefined. */
export function suggesterOfSource(source: string | undefined): string | undefined {
  return source?.startsWith(SUGGESTER_SOURCE_PREFIX) ? source.slice(SUGGESTER_SOURCE_PREFIX.length) : undefined;
}

const LABEL_ID = /^[a-z][a-z0-9_-]{0,31}$/;

/**
 * Splits a command line into words as a POSIX shell would for simple commands: blanks separate words,
 * single quotes keep everything literally, double quotes keep blanks (a backslash escapes `"`, `\`, `$` and
 * `` ` `` inside them), a backslash outside quotes escapes the next character. No variables, globs or pipes:
 * the program is started directly, not through a shell. Throws on an unclosed quote or an empty command.
 */
export function splitCommand(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (c === "'") {
      const close = command.indexOf("'", i + 1);
      if (close < 0) throw new Error('unclosed single quote');
      word += command.slice(i + 1, close);
      inWord = true;
      i = close;
    } else if (c === '"') {
      inWord = true;
      let j = i + 1;
      for (; j < command.length && command[j] !== '"'; j++) {
        if (command[j] === '\\' && j + 1 < command.length && '"\\$`'.includes(command[j + 1])) j++;
        word += command[j];
      }
      if (j >= command.length) throw new Error('unclosed double quote');
      i = j;
    } else if (c === '\\' && i + 1 < command.length) {
      word += command[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  if (words.length === 0) throw new Error('the command is empty');
  return words;
}

const INTERPRETERS = /^(python[0-9.]*|py|node|nodejs|deno|bun|ruby|perl|sh|bash|zsh|java|Rscript|julia|uv|poetry|pipenv|conda)$/i;

/**
 * A default name: the script's file name without extension ("python3 my_model.py" → "my_model"), else the
 * program's ("/opt/tagger --fast" → "tagger"); for a URL its host and port ("http://gpu1:8000/ner" → "gpu1:8000").
 */
export function defaultSuggesterName(transport: SuggesterTransport): string {
  if (transport.kind === 'url') {
    try {
      return new URL(transport.url).host || transport.url;
    } catch {
      return transport.url;
    }
  }
  const baseName = (word: string) => word.replace(/[\\/]+$/, '').split(/[\\/]/).pop()!.replace(/\.[A-Za-z0-9]+$/, '');
  const [program, ...rest] = transport.argv;
  if (INTERPRETERS.test(baseName(program))) {
    const script = rest.find((word) => !word.startsWith('-'));
    if (script) return baseName(script);
  }
  return baseName(program) || program;
}

export interface SuggesterReading {
  suggesters: SuggesterConfig[];
  /** One sentence per entry that could not be used (it is left out). */
  problems: string[];
}

/**
 * The entries of the `newsmark.suggesters` setting (or of `--suggester` values given as JSON objects):
 * `{ name?, command? | url?, labels?, offsets?, timeout? }`. Unusable entries are left out with a problem
 * each; names are made unique ("x", "x-2").
 */
export function normaliseSuggesters(raw: unknown): SuggesterReading {
  const out: SuggesterReading = { suggesters: [], problems: [] };
  if (raw === undefined || raw === null) return out;
  if (!Array.isArray(raw)) {
    out.problems.push('newsmark.suggesters must be a list of suggesters');
    return out;
  }
  raw.forEach((item, index) => {
    try {
      out.suggesters.push(readSuggester(item));
    } catch (error) {
      out.problems.push(`suggester ${index + 1}: ${(error as Error).message}`);
    }
  });
  uniqueNames(out.suggesters);
  return out;
}

/** Gives later suggesters of an already used name a number ("tagger-2"). */
export function uniqueNames(suggesters: SuggesterConfig[]): void {
  const used = new Set<string>();
  for (const s of suggesters) {
    let name = s.name;
    for (let n = 2; used.has(name); n++) name = `${s.name}-${n}`;
    s.name = name;
    used.add(name);
  }
}

/** One entry: an object as in the setting. Throws with a readable message when it cannot be used. */
export function readSuggester(item: unknown): SuggesterConfig {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new Error('must be an object with "command" or "url"');
  const r = item as Record<string, unknown>;
  const command = typeof r.command === 'string' ? r.command.trim() : undefined;
  const url = typeof r.url === 'string' ? r.url.trim() : undefined;
  if (r.command !== undefined && typeof r.command !== 'string') throw new Error('"command" must be a string');
  if (r.url !== undefined && typeof r.url !== 'string') throw new Error('"url" must be a string');
  if (command && url) throw new Error('give "command" or "url", not both');
  let transport: SuggesterTransport;
  if (command) transport = { kind: 'command', command, argv: splitCommand(command) };
  else if (url) transport = { kind: 'url', url: checkUrl(url) };
  else throw new Error('needs "command" (a program to run) or "url" (an HTTP endpoint)');

  const name = r.name === undefined ? defaultSuggesterName(transport) : typeof r.name === 'string' ? r.name.trim() : '';
  if (name === '' || /[\r\n]/.test(name) || name.length > 64) throw new Error('"name" must be a non-empty single line of at most 64 characters');

  const offsets = r.offsets ?? 'codepoint';
  if (offsets !== 'codepoint' && offsets !== 'utf16') throw new Error('"offsets" must be "codepoint" or "utf16"');

  const timeout = r.timeout ?? DEFAULT_TIMEOUT_MS;
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0) throw new Error('"timeout" must be a positive number of milliseconds');

  const config: SuggesterConfig = { name, transport, offsets, timeoutMs: timeout };
  if (r.labels !== undefined) config.labels = readLabels(r.labels);
  return config;
}

function readLabels(raw: unknown): Record<string, string> {
  const map: Record<string, string> = {};
  const target = (value: unknown, what: string): string => {
    if (typeof value !== 'string' || !LABEL_ID.test(value)) throw new Error(`"labels": ${what} must be a label id (lower case, like "actor")`);
    return value;
  };
  if (Array.isArray(raw)) {
    for (const label of raw) map[target(label, JSON.stringify(label))] = label as string;
  } else if (typeof raw === 'object' && raw !== null) {
    for (const [from, to] of Object.entries(raw)) map[from] = target(to, `the label for "${from}"`);
  } else {
    throw new Error('"labels" must be a list of labels or an object mapping the model\'s labels to Newsmark labels');
  }
  if (Object.keys(map).length === 0) throw new Error('"labels" is empty: the suggester could suggest nothing');
  return map;
}

function checkUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`"url" is not a URL: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`"url" must be http or https: ${url}`);
  return url;
}

/** A `--suggester` value: a command line, or a JSON object as in the setting. */
export function suggesterFromCommandArg(value: string): SuggesterConfig {
  const trimmed = value.trim();
  return trimmed.startsWith('{') ? readSuggester(parseJsonObject(trimmed)) : readSuggester({ command: trimmed });
}

/** A `--suggester-url` value: a URL, or a JSON object as in the setting. */
export function suggesterFromUrlArg(value: string): SuggesterConfig {
  const trimmed = value.trim();
  return trimmed.startsWith('{') ? readSuggester(parseJsonObject(trimmed)) : readSuggester({ url: trimmed });
}

function parseJsonObject(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`not valid JSON: ${(error as Error).message}`);
  }
}
