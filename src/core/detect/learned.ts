// Entities the annotator accepted, suggested again wherever the same text occurs (a string-matching
// recommender: counts per label and text, whole-word matches only). Short forms link to the longest
// accepted name that ends with them ("Macron" -> "Emmanuel Macron"), which becomes the suggestion's value.

import { TOKEN_NUMBER, TOKEN_WORD, type Tokens, tokenize, Vocabulary } from './words';

export interface LearnedEntry {
  label: string;
  text: string;
  /** Canonical value the annotator gave (or the text itself). */
  value?: string;
  /** How many times it was accepted. */
  count: number;
  /** The text as word tokens (case kept). */
  words: string[];
}

export interface LearnedMatch {
  /** Offsets relative to the matched tokens' text. */
  start: number;
  end: number;
  entry: LearnedEntry;
}

function key(label: string, text: string): string {
  return `${label}\u0000${text}`;
}

// Read once into module constants: a CommonJS build (tsx, tests) turns every use of an imported binding into
// a getter call, and these are compared for every token of a line.
const WORD = TOKEN_WORD;
const NUMBER = TOKEN_NUMBER;

/** Splits an entity's text into word texts (case kept), as the detectors tokenize lines. */
const SPLITTING = new Vocabulary();
function wordsOf(text: string): string[] {
  return tokenize(text, SPLITTING).texts();
}

export class LearnedEntities {
  private readonly entriesByKey = new Map<string, LearnedEntry>();
  /** First words (case kept), so a token finds its entries without building a string. */
  private readonly firstWords = new Vocabulary();
  /** First word id -> entries starting with it, longest first. */
  private readonly byFirstWord: LearnedEntry[][] = [];
  private versionCounter = 0;
  /** Matches per line's tokens (line scans are cached and reused across analyses), valid for one version. */
  private readonly matchCache = new WeakMap<Tokens, { version: number; matches: readonly LearnedMatch[] }>();

  /** Changes whenever the set of entries changes (callers cache on it). */
  get version(): number {
    return this.versionCounter;
  }

  get size(): number {
    return this.entriesByKey.size;
  }

  /** Records one acceptance of `text` as `label` (trimmed; empty texts are ignored). */
  accept(label: string, text: string, value?: string): void {
    const trimmed = text.trim();
    if (trimmed === '') return;
    const existing = this.entriesByKey.get(key(label, trimmed));
    if (existing) {
      existing.count++;
      if (value !== undefined) existing.value = value;
      this.versionCounter++;
      return;
    }
    const words = wordsOf(trimmed);
    if (words.length === 0) return;
    const entry: LearnedEntry = { label, text: trimmed, count: 1, words };
    if (value !== undefined) entry.value = value;
    this.entriesByKey.set(key(label, trimmed), entry);
    const list = (this.byFirstWord[this.firstWords.intern(words[0])] ??= []);
    list.push(entry);
    list.sort((a, b) => b.words.length - a.words.length);
    this.versionCounter++;
  }

  /** Undoes acceptances: `times` of them (all when omitted). Returns whether the entry is gone. */
  forget(label: string, text: string, times?: number): boolean {
    const trimmed = text.trim();
    const entry = this.entriesByKey.get(key(label, trimmed));
    if (!entry) return true;
    entry.count -= times ?? entry.count;
    this.versionCounter++;
    if (entry.count > 0) return false;
    this.entriesByKey.delete(key(label, trimmed));
    const first = this.firstWords.id(entry.words[0]);
    this.byFirstWord[first] = this.byFirstWord[first].filter((other) => other !== entry);
    return true;
  }

  get(label: string, text: string): LearnedEntry | undefined {
    return this.entriesByKey.get(key(label, text.trim()));
  }

  entries(label?: string): LearnedEntry[] {
    const all = [...this.entriesByKey.values()];
    return label === undefined ? all : all.filter((entry) => entry.label === label);
  }

  /** How many times `text` was accepted as `label`. */
  occurrences(label: string, text: string): number {
    return this.get(label, text)?.count ?? 0;
  }

  /**
   * Whole-word occurrences of accepted entries among `tokens` (one line), longest first and not
   * overlapping each other. Words must follow each other with at most spacing between them.
   */
  matchTokens(tokens: Tokens): readonly LearnedMatch[] {
    const cached = this.matchCache.get(tokens);
    if (cached !== undefined && cached.version === this.versionCounter) return cached.matches;
    const matches = this.findMatches(tokens);
    this.matchCache.set(tokens, { version: this.versionCounter, matches });
    return matches;
  }

  private findMatches(tokens: Tokens): LearnedMatch[] {
    const matches: LearnedMatch[] = [];
    let index = 0;
    while (index < tokens.count) {
      const kind = tokens.kind(index);
      const first = kind === WORD || kind === NUMBER ? this.firstWords.idOfRange(tokens.source, tokens.start(index), tokens.end(index)) : -1;
      let matched = 0;
      if (first >= 0) {
        for (const entry of this.byFirstWord[first]) {
          if (!wordsMatchAt(tokens, index, entry.words)) continue;
          const next = index + entry.words.length;
          // whole words: not glued to a letter on either side
          if (tokens.isWord(next) && !tokens.spaceBefore(next)) continue;
          if (tokens.isWord(index - 1) && !tokens.spaceBefore(index)) continue;
          matches.push({ start: tokens.start(index), end: tokens.end(next - 1), entry });
          matched = entry.words.length;
          break;
        }
      }
      index += matched > 0 ? matched : 1;
    }
    return matches;
  }

  /**
   * The canonical name for `text` among accepted `label` entries: an accepted value for the same text, or
   * the longest accepted entry whose words end with (or contain) the words of `text`.
   */
  canonical(label: string, text: string): string | undefined {
    const own = this.get(label, text);
    if (own?.value !== undefined) return own.value;
    const words = wordsOf(text.trim());
    let best: LearnedEntry | undefined;
    for (const entry of this.entriesByKey.values()) {
      if (entry.label !== label || entry.words.length <= words.length) continue;
      if (!containsWords(entry.words, words)) continue;
      if (!best || entry.words.length > best.words.length || (entry.words.length === best.words.length && entry.count > best.count)) best = entry;
    }
    if (best) return best.value ?? best.text;
    return own ? own.text : undefined;
  }
}

function wordsMatchAt(tokens: Tokens, index: number, words: readonly string[]): boolean {
  if (index + words.length > tokens.count) return false;
  for (let k = 0; k < words.length; k++) {
    if (!tokens.textIs(index + k, words[k])) return false;
  }
  return true;
}

/** Whether `words` occur as a contiguous part of `longer`, preferring a suffix (family names). */
export function containsWords(longer: readonly string[], words: readonly string[]): boolean {
  outer: for (let start = longer.length - words.length; start >= 0; start--) {
    for (let k = 0; k < words.length; k++) {
      if (longer[start + k] !== words[k]) continue outer;
    }
    return true;
  }
  return false;
}
