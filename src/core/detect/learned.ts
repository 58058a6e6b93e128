// Entities the annotator accepted, suggested again wherever the same text occurs (a string-matching
// recommender: counts per label and text, whole-word matches only). A match must be the whole name there: an
// accepted "An" is not suggested inside "Nghệ An". Each propagated suggestion carries a score estimated from
// the annotator's decisions on that text (accepted vs dismissed), and texts dismissed more often than
// accepted are not propagated at all.
//
// Short forms: a text links to a longer accepted name (which becomes its value) only when the corpus shows the
// form used for that name — an accepted short mention with that value, or the form beside the full name on
// the same page — or, across pages, when the form is a Western person's family name (the last word:
// "Macron" -> "Emmanuel Macron"). An organisation never shortens to a word of its name ("An" is no short form
// of "Bệnh viện Đa khoa Nghệ An"), and a Vietnamese person's given name (the last syllable) stands for the
// full name only with evidence.

import { TOKEN_NUMBER, TOKEN_WORD, type Tokens, tokenize, Vocabulary } from './words';
import { ownString } from '../text/ownString';

export interface LearnedEntry {
  label: string;
  text: string;
  /** Canonical value the annotator gave (or the text itself). */
  value?: string;
  /** How many times it was accepted. */
  count: number;
  /** How many times a suggestion of this text and label was dismissed. */
  dismissed: number;
  /** Occurrences left without this label on pages marked done (see untagged.ts). */
  untagged?: number;
  /** The text as word tokens (case kept). */
  words: string[];
}

export interface LearnedMatch {
  /** Offsets relative to the matched tokens' text. */
  start: number;
  end: number;
  entry: LearnedEntry;
}

/** What the caller's grammar knows about a name (the lexicons live with the actor detector). */
export interface NameFacts {
  /** An organisation's name (a head or tail word, lower-case words, an acronym, digits...). */
  organisation: boolean;
  /** Written in Vietnamese name order: family name first, given name last. */
  vietnamese: boolean;
}

/**
 * Whether `short` may stand for the name `full` (both as words). `samePage`: the short form occurs on the
 * page of the full name, which shows it used for that entity. Across pages only a Western person's family
 * name (the last words) may; an organisation never shortens to part of its name.
 */
export function shortFormAllowed(full: readonly string[], short: readonly string[], facts: NameFacts, samePage: boolean): boolean {
  if (facts.organisation || short.length >= full.length) return false;
  if (samePage) return containsWords(full, short);
  if (facts.vietnamese) return false;
  return endsWithWords(full, short);
}

/** Prior of the propagation score: an accepted text is right at its other occurrences about this often. */
const PRIOR_PRECISION = 0.7;
const PRIOR_WEIGHT = 2;
const MAX_SCORE = 0.95;

/**
 * A count-based estimate of how often a propagated suggestion is right: acceptances and dismissals of the
 * same text and label, smoothed towards a prior (one acceptance: 0.8; as many dismissals as acceptances: 0.6
 * and falling).
 */
export function propagationScore(accepted: number, dismissed: number): number {
  return Math.min(MAX_SCORE, (accepted + PRIOR_PRECISION * PRIOR_WEIGHT) / (accepted + dismissed + PRIOR_WEIGHT));
}

/** Why an accepted text is suggested again: the annotator's decisions on it. */
export function propagationReasons(entry: LearnedEntry): string[] {
  const times = (n: number): string => `${n} time${n === 1 ? '' : 's'}`;
  const reasons = [`accepted ${times(entry.count)} elsewhere`];
  if (entry.dismissed > 0) reasons.push(`dismissed ${times(entry.dismissed)}`);
  if ((entry.untagged ?? 0) > 0) reasons.push(`left untagged ${times(entry.untagged ?? 0)} on pages marked done`);
  return reasons;
}

/** Propagated suggestions scoring lower than this are not made (the text is dismissed more than accepted). */
export const MIN_PROPAGATION_SCORE = 0.5;

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
  /** Per label, last word -> entries ending with it (endingWith), valid for one version. */
  private byLastWord: { version: number; index: Map<string, Map<string, LearnedEntry[]>> } | undefined;
  /** Dismissals per label and text, also of texts never accepted (so a later acceptance starts from them). */
  private readonly dismissals = new Map<string, number>();
  /** Matches per line's tokens (line scans are cached and reused across analyses), valid for one version. */
  private readonly matchCache = new WeakMap<Tokens, { version: number; titles: TitleTest | undefined; matches: readonly LearnedMatch[] }>();

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
    // kept for the session: a copy of its own, not a slice of the page (or of an older text of it) it came from
    const own = ownString(trimmed);
    const words = wordsOf(own);
    if (words.length === 0) return;
    const entry: LearnedEntry = { label, text: own, count: 1, dismissed: this.dismissals.get(key(label, trimmed)) ?? 0, words };
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

  /** Records one dismissal of a suggestion of `text` as `label` (`forget`: undoes one). */
  dismiss(label: string, text: string, forget = false): void {
    const k = key(label, text.trim());
    const count = Math.max(0, (this.dismissals.get(k) ?? 0) + (forget ? -1 : 1));
    if (count === 0) this.dismissals.delete(k);
    else this.dismissals.set(k, count);
    const entry = this.entriesByKey.get(k);
    if (entry) entry.dismissed = count;
    this.versionCounter++;
  }

  /** How many times a suggestion of `text` as `label` was dismissed. */
  dismissedCount(label: string, text: string): number {
    return this.dismissals.get(key(label, text.trim())) ?? 0;
  }

  /** The estimated precision of suggesting `entry` at another occurrence. */
  score(entry: LearnedEntry): number {
    return propagationScore(entry.count, entry.dismissed + (entry.untagged ?? 0));
  }

  /** Sets how often each entry was left untagged on pages marked done (entries not named: never). */
  setUntagged(counts: readonly { label: string; text: string; count: number }[]): void {
    const byKey = new Map(counts.map((c) => [key(c.label, c.text), c.count]));
    for (const [k, entry] of this.entriesByKey) {
      const count = byKey.get(k) ?? 0;
      if ((entry.untagged ?? 0) === count) continue;
      entry.untagged = count;
      this.versionCounter++;
    }
  }


  get(label: string, text: string): LearnedEntry | undefined {
    return this.entriesByKey.get(key(label, text.trim()));
  }

  /**
   * Entries of `label` longer than `words` that end with them, in the order they were first accepted: the
   * long names a short form may stand for across pages, found by its last word instead of a scan of every
   * accepted name (a corpus holds thousands).
   */
  endingWith(label: string, words: readonly string[]): LearnedEntry[] {
    if (words.length === 0) return [];
    if (this.byLastWord?.version !== this.versionCounter) this.byLastWord = { version: this.versionCounter, index: new Map() };
    const index = this.byLastWord.index;
    let byLabel = index.get(label);
    if (!byLabel) {
      index.set(label, (byLabel = new Map()));
      for (const entry of this.entriesByKey.values()) {
        if (entry.label !== label) continue;
        const last = entry.words[entry.words.length - 1];
        const list = byLabel.get(last);
        if (list) list.push(entry);
        else byLabel.set(last, [entry]);
      }
    }
    const out: LearnedEntry[] = [];
    for (const entry of byLabel.get(words[words.length - 1]) ?? []) {
      if (entry.words.length > words.length && endsWithWords(entry.words, words)) out.push(entry);
    }
    return out;
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
   * overlapping each other. Words must follow each other with at most spacing between them. A one-word
   * entry must be a name of its own there, not a word of a longer capitalised run ("An" in "Nghệ An"), and
   * entries dismissed more often than accepted are left out.
   */
  matchTokens(tokens: Tokens, titles?: TitleTest): readonly LearnedMatch[] {
    const cached = this.matchCache.get(tokens);
    if (cached !== undefined && cached.version === this.versionCounter && cached.titles === titles) return cached.matches;
    const matches = this.findMatches(tokens, titles, false);
    this.matchCache.set(tokens, { version: this.versionCounter, titles, matches });
    return matches;
  }

  /** Every whole-word occurrence of an accepted entry among `tokens` (one line), whatever its score. */
  occurrencesIn(tokens: Tokens): LearnedMatch[] {
    return this.findMatches(tokens, undefined, true);
  }

  private findMatches(tokens: Tokens, titles: TitleTest | undefined, every: boolean): LearnedMatch[] {
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
          if ((entry.words.length === 1 && continuesRun(tokens, index - 1, index, titles)) || (entry.words.length === 1 && continuesRun(tokens, next, next, titles))) continue;
          if (!every && this.score(entry) < MIN_PROPAGATION_SCORE) continue;
          // a bare number means what its context says (a day in "các ngày 19, 20", a case number, a
          // count): accepted once, it is no reason to suggest every other occurrence of that number
          if (!every && entry.words.length === 1 && kind === NUMBER) continue;
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
   * the longest accepted entry that `text` may stand for (shortFormAllowed; `facts` tells what each entry
   * is, by default a Western person's name).
   */
  canonical(label: string, text: string, facts: (entry: LearnedEntry) => NameFacts = () => WESTERN_PERSON): string | undefined {
    const own = this.get(label, text);
    if (own?.value !== undefined) return own.value;
    const words = wordsOf(text.trim());
    let best: LearnedEntry | undefined;
    // across pages a short form is only ever a name's ending
    for (const entry of this.endingWith(label, words)) {
      if (!shortFormAllowed(entry.words, words, facts(entry), false)) continue;
      if (!best || entry.words.length > best.words.length || (entry.words.length === best.words.length && entry.count > best.count)) best = entry;
    }
    if (best) return best.value ?? best.text;
    return own ? own.text : undefined;
  }
}

const WESTERN_PERSON: NameFacts = { organisation: false, vietnamese: false };

/** Whether the word at `index` is (the end of) a title or honorific, which a name may follow ("President"). */
export type TitleTest = (tokens: Tokens, index: number) => boolean;

/**
 * Whether the word at `neighbour` continues a capitalised run across the space before `joined` (the token
 * after the neighbour, or the neighbour itself when it follows). A title before the name does not
 * ("President Lindqvist"), nor, without a title test, a capitalised lexicon word opening the sentence ("Ông An").
 */
function continuesRun(tokens: Tokens, neighbour: number, joined: number, titles: TitleTest | undefined): boolean {
  if (!tokens.isNameWord(neighbour) || !tokens.spaceBefore(joined)) return false;
  if (neighbour > joined) return true;
  return titles ? !titles(tokens, neighbour) : !(tokens.sentenceStart(neighbour) && tokens.word(neighbour) >= 0);
}

function wordsMatchAt(tokens: Tokens, index: number, words: readonly string[]): boolean {
  if (index + words.length > tokens.count) return false;
  for (let k = 0; k < words.length; k++) {
    if (!tokens.textIs(index + k, words[k])) return false;
  }
  return true;
}

/** Whether `longer` ends with `words`. */
export function endsWithWords(longer: readonly string[], words: readonly string[]): boolean {
  if (words.length > longer.length) return false;
  const from = longer.length - words.length;
  for (let k = 0; k < words.length; k++) if (longer[from + k] !== words[k]) return false;
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
