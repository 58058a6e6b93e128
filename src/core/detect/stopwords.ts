// Stop-word lexicons and the per-document language guess. The share of a line's words that are stop words
// is one of the strongest signs of running prose (jusText); page furniture is mostly names and nouns.
//
// Words are compared case-folded and in NFC, so NFD Vietnamese matches the NFC lists. A lexicon entry may
// hold several space-separated (or "_"-joined) syllables, as Vietnamese words do ("bởi vì"); such entries
// match that run of syllables in a line.

import { hasUnspacedLetters, mainScripts, scriptCounts, type ScriptName } from '../text/script';
import { forEachWord } from '../text/segment';
import { extendPhraseHash, foldCase, wordHash, wordsOfFolded } from '../text/normalize';
import { WordTable } from './wordTable';

/**
 * The folders under lexicons/stopwords/ whose lists are loaded by default, one `<Language>.txt` a language:
 * jusText's lists (BSD-2) and, for languages jusText has none for, stopwords-iso's (MIT).
 */
export const SHIPPED_STOPWORD_FOLDERS: readonly string[] = ['justext', 'stopwords-iso'];

/**
 * Parses a stop-word list: one entry a line; blank lines and lines starting with "#" are skipped; "_"
 * inside an entry joins syllables like a space. Entries are returned case-folded, in NFC.
 */
export function parseStopwords(fileText: string): Set<string> {
  const words = new Set<string>();
  for (const rawLine of fileText.split(/\r\n|\r|\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const entry = wordsOf(line.replace(/_/g, ' ')).join(' ');
    if (entry !== '') words.add(entry);
  }
  return words;
}

/**
 * The words of text, case-folded: maximal runs of letters, marks and digits; in text of a script written
 * without spaces (Chinese, Japanese, Thai...), the words of the word segmenter, as the body detector reads
 * its lines.
 */
export function wordsOf(text: string): string[] {
  const folded = foldCase(text);
  if (!hasUnspacedLetters(folded)) return wordsOfFolded(folded);
  const words: string[] = [];
  forEachWord(folded, (word) => words.push(word));
  return words;
}

export interface StopwordStats {
  /** Words in the text. */
  words: number;
  /** Words that belong to a stop-word entry. */
  stopwords: number;
}

interface LanguageList {
  /** wordHash of the single-word entries (value 1). */
  words: WordTable;
  /** Phrase hashes (extendPhraseHash over the word hashes) of the multi-word entries (value 1). */
  phrases: WordTable;
  /** wordHash of the first words of the multi-word entries (value 1). */
  phraseStarts: WordTable;
  longestPhrase: number;
  /** Letters of the entries per script (scriptCounts), to tell which scripts the language is written in. */
  scriptLetters: Uint32Array;
  /** mainScripts of scriptLetters, as of the lexicon's version scriptsVersion. */
  scripts?: ScriptName[];
  scriptsVersion?: number;
}

/** How many words of a document the language guess looks at; the start of a page is enough. */
const GUESS_WORD_LIMIT = 4000;
/** Below these, no language is guessed (a page of names and numbers). */
const GUESS_MIN_HITS = 3;
const GUESS_MIN_SHARE = 0.04;
const MAX_LANGUAGES = 31;
/** A list is written in the scripts holding this share of its entries' letters. */
const LIST_SCRIPT_SHARE = 0.2;
const SCRIPT_SAMPLE_ENTRIES = 300;

export class StopwordLexicon {
  private readonly lists = new Map<string, LanguageList>();
  /** Word hash -> bit set of the languages (in `lists` order) listing the word; for the language guess. */
  private readonly languagesOfWord = new WordTable();
  private changes = 0;

  /** Grows with every add, so caches of stop-word counts know when to recount. */
  get version(): number {
    return this.changes;
  }

  /** Adds words (entries as parseStopwords returns them, or raw words) to a language's list. */
  add(lang: string, words: Iterable<string>): void {
    this.changes++;
    let list = this.lists.get(lang);
    if (!list) {
      if (this.lists.size >= MAX_LANGUAGES) throw new Error(`at most ${MAX_LANGUAGES} stop-word languages`);
      list = { words: new WordTable(), phrases: new WordTable(), phraseStarts: new WordTable(), longestPhrase: 1, scriptLetters: new Uint32Array(0) };
      this.lists.set(lang, list);
    }
    const languageBit = 1 << [...this.lists.keys()].indexOf(lang);
    let sampled = 0;
    for (const raw of words) {
      // The first entries tell the list's scripts (lists are long; the most frequent words come first).
      if (sampled++ < SCRIPT_SAMPLE_ENTRIES) {
        const letters = scriptCounts(raw);
        if (list.scriptLetters.length === 0) list.scriptLetters = letters;
        else for (let i = 0; i < letters.length; i++) list.scriptLetters[i] += letters[i];
      }
      const parts = wordsOf(raw.replace(/_/g, ' ')).map(wordHash);
      if (parts.length === 0) continue;
      if (parts.length === 1) {
        list.words.set(parts[0], 1);
        this.languagesOfWord.set(parts[0], this.languagesOfWord.get(parts[0]) | languageBit);
        continue;
      }
      list.phrases.set(parts.slice(1).reduce(extendPhraseHash, parts[0]), 1);
      list.phraseStarts.set(parts[0], 1);
      list.longestPhrase = Math.max(list.longestPhrase, parts.length);
    }
  }

  get languages(): string[] {
    return [...this.lists.keys()];
  }

  private writtenIn(lang: string, scripts: readonly ScriptName[]): boolean {
    const list = this.lists.get(lang);
    if (list === undefined) return false;
    if (list.scripts === undefined || list.scriptsVersion !== this.changes) {
      list.scripts = mainScripts(list.scriptLetters, LIST_SCRIPT_SHARE);
      list.scriptsVersion = this.changes;
    }
    return list.scripts.some((script) => scripts.includes(script));
  }

  /** The scripts a language's list is written in (most letters first). */
  scriptsOf(lang: string): ScriptName[] {
    const list = this.lists.get(lang);
    return list ? mainScripts(list.scriptLetters, LIST_SCRIPT_SHARE) : [];
  }

  /**
   * The language whose single-word stop words cover the largest share of the text's words; undefined when
   * no list covers enough of it.
   */
  guessLanguage(text: string): string | undefined {
    const head = text.length > GUESS_WORD_LIMIT * 12 ? text.slice(0, GUESS_WORD_LIMIT * 12) : text;
    return this.guessLanguageOfWords(wordsOf(head).map(wordHash), mainScripts(scriptCounts(head), LIST_SCRIPT_SHARE));
  }

  /**
   * guessLanguage for word hashes (wordHash of the words; the first GUESS_WORD_LIMIT are looked at). With
   * the scripts of the text (mainScripts of its letters), only languages whose list is written in one of
   * them are candidates: a Chinese page is not taken for Japanese for the Han characters both write.
   */
  guessLanguageOfWords(wordHashes: readonly number[], scripts?: readonly ScriptName[]): string | undefined {
    const names = [...this.lists.keys()];
    const hits = new Array<number>(names.length).fill(0);
    const candidate = names.map((name) => scripts === undefined || this.writtenIn(name, scripts));
    const limit = Math.min(wordHashes.length, GUESS_WORD_LIMIT);
    for (let i = 0; i < limit; i++) {
      let bits = this.languagesOfWord.get(wordHashes[i]);
      while (bits !== 0) {
        const bit = 31 - Math.clz32(bits);
        hits[bit]++;
        bits &= ~(1 << bit);
      }
    }
    let best = -1;
    for (let i = 0; i < hits.length; i++) if (candidate[i] && (best < 0 || hits[i] > hits[best])) best = i;
    if (best < 0 || hits[best] < GUESS_MIN_HITS || hits[best] < GUESS_MIN_SHARE * limit) return undefined;
    return names[best];
  }

  /** Share of the line's words that are stop words of `lang` (0 for an unknown language or no words). */
  density(lineText: string, lang: string | undefined): number {
    const { words, stopwords } = this.stats(lineText, lang);
    return words === 0 ? 0 : stopwords / words;
  }

  stats(lineText: string, lang: string | undefined): StopwordStats {
    return this.statsOfWords(wordsOf(lineText).map(wordHash), lang);
  }

  /** The stop words among the word hashes of a line (statsOfWords(...).stopwords). */
  countStopwords(wordHashes: readonly number[], lang: string | undefined): number {
    const list = lang === undefined ? undefined : this.lists.get(lang);
    return list ? countStopwords(wordHashes, list) : 0;
  }

  /** Whether a word hash is a single-word stop word of the language. */
  isStopword(word: number, lang: string): boolean {
    const list = this.lists.get(lang);
    return list !== undefined && list.words.has(word);
  }

  /** Like stats, for the word hashes of a line (wordHash, or splitLine's hashes). */
  statsOfWords(wordHashes: readonly number[], lang: string | undefined): StopwordStats {
    const list = lang === undefined ? undefined : this.lists.get(lang);
    return { words: wordHashes.length, stopwords: list ? countStopwords(wordHashes, list) : 0 };
  }
}

/** Stop-word count, matching the longest multi-word entry first at each position. */
function countStopwords(words: readonly number[], list: LanguageList): number {
  let count = 0;
  let i = 0;
  while (i < words.length) {
    const word = words[i];
    let matched = 0;
    if (list.longestPhrase > 1 && list.phraseStarts.has(word)) {
      let phrase = word;
      const limit = Math.min(list.longestPhrase, words.length - i);
      for (let n = 2; n <= limit; n++) {
        phrase = extendPhraseHash(phrase, words[i + n - 1]);
        if (list.phrases.has(phrase)) matched = n;
      }
    }
    if (matched === 0 && list.words.has(word)) matched = 1;
    if (matched > 0) {
      count += matched;
      i += matched;
    } else {
      i++;
    }
  }
  return count;
}
