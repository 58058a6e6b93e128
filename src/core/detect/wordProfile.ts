// How each word is written across the corpus: on how many pages it occurs and, where it stands inside a
// sentence, how often it is capitalised. A word nearly always capitalised mid-sentence is a name's word
// ("Hà", "Reuters"), one never capitalised is a common word, one in between is both ("Bình", "Bank"): what
// a span tagger cannot learn from the few pages annotated so far, every page of the corpus shows, tagged or
// not. No label is read.
//
// Each page counts once per word (its own share of capitalised uses), so one page repeating a word does not
// decide how the corpus writes it. Pages can be replaced and removed; the profile then is exactly what
// adding the remaining pages would give.
//
// The profile also keeps each page's words in order, to class them by their neighbours (wordClasses.ts).

import { forEachLine, isBlank } from '../text/lines';
import { LINE_EDGE_ID, NUMBER_ID, OTHER_ID, WordClasses } from './wordClasses';
import { tokenize, Vocabulary } from './words';

/** Plain, JSON- and structured-clone-safe form of a WordProfile: per word, lower-cased, [pages, pages
 * with the word inside a sentence, summed share of capitalised uses inside sentences]. */
export interface WordProfileData {
  format: 1;
  words: [string, number, number, number][];
}

/** What one page added, so that it can be taken away again: its words (ids) and, per word, the share of its
 * uses inside sentences that are capitalised (NaN: never inside a sentence on this page), 8 bytes a word;
 * and its tokens in order (word ids, NUMBER_ID, OTHER_ID, LINE_EDGE_ID between lines), 4 bytes a token. */
interface PageWords {
  ids: Int32Array;
  shares: Float32Array;
  sequence: Int32Array;
}

/** Codes: how often the corpus capitalises the word inside sentences, 0 (under 5 % of its pages' uses),
 * 1 (under half), 2 (under 95 %), 3 (more), NEVER_INSIDE (not in the corpus, or only first in a sentence).
 * How many pages hold the word is not part of it: it depends on the corpus's size, and a model trained on
 * a large corpus must read a small one the same way. */
export const NEVER_INSIDE = 4;
export const PROFILE_CODES = 5;

export class WordProfile {
  /** Lower-cased words and their ids; the tokenizer finds a known word's id without making its string. */
  private readonly vocabulary = new Vocabulary();
  /** Per word id: pages it is on, pages where it stands inside a sentence, summed capitalised share there. */
  private pagesOf = new Int32Array(1024);
  private inSentencePagesOf = new Int32Array(1024);
  private capitalisedShareOf = new Float64Array(1024);
  private readonly pages = new Map<string, PageWords>();
  private changes = 0;
  // addPage's counts per word id, valid where pageOf holds the number of the page being added
  private pageOf = new Int32Array(1024);
  private usesOf = new Int32Array(1024);
  private capitalisedUsesOf = new Int32Array(1024);
  private pagesAdded = 0;
  private classes: { version: number; classes: WordClasses | undefined } | undefined;

  /** A profile of `texts` (ids are their indexes). */
  static of(texts: Iterable<string>): WordProfile {
    const profile = new WordProfile();
    let index = 0;
    for (const text of texts) profile.addPage(String(index++), text);
    return profile;
  }

  /** Changes whenever a page is added or removed (caches of codes key on it). */
  get version(): number {
    return this.changes;
  }

  get pageCount(): number {
    return this.pages.size;
  }

  /** Adds (or replaces) page `id`. */
  addPage(id: string, text: string): void {
    this.removePage(id);
    const page = ++this.pagesAdded;
    const seen: number[] = [];
    const sequence: number[] = [];
    forEachLine(text, (_line, start, end) => {
      if (isBlank(text, start, end)) return;
      const tokens = tokenize(text, this.vocabulary, start, end);
      if (sequence.length > 0) sequence.push(LINE_EDGE_ID);
      for (let k = 0; k < tokens.count; k++) {
        if (!tokens.isWord(k)) {
          sequence.push(tokens.isNumber(k) ? NUMBER_ID : OTHER_ID);
          continue;
        }
        let word = tokens.word(k);
        if (word < 0) word = this.idOf(tokens.lower(k));
        sequence.push(word);
        if (this.pageOf[word] !== page) {
          this.pageOf[word] = page;
          this.usesOf[word] = 0;
          this.capitalisedUsesOf[word] = 0;
          seen.push(word);
        }
        // the first word of a line or sentence is capitalised whatever it is
        if (k === 0 || tokens.sentenceStart(k)) continue;
        this.usesOf[word]++;
        if (tokens.capitalised(k)) this.capitalisedUsesOf[word]++;
      }
    });
    const ids = Int32Array.from(seen);
    const shares = new Float32Array(ids.length);
    ids.forEach((word, i) => {
      const uses = this.usesOf[word];
      shares[i] = uses > 0 ? this.capitalisedUsesOf[word] / uses : NaN;
      this.count(word, shares[i], 1);
    });
    this.pages.set(id, { ids, shares, sequence: Int32Array.from(sequence) });
    this.changes++;
  }

  /** Forgets page `id`; false when it was not in the profile. */
  removePage(id: string): boolean {
    const page = this.pages.get(id);
    if (!page) return false;
    page.ids.forEach((word, i) => this.count(word, page.shares[i], -1));
    this.pages.delete(id);
    this.changes++;
    return true;
  }

  /** The code of a lower-cased word (see PROFILE_CODES). */
  code(word: string): number {
    let id = this.vocabulary.id(word);
    // the tokenizer finds words in NFC (composed accents): a page written decomposed counts with them
    if (id < 0) id = this.vocabulary.id(word.normalize('NFC'));
    const inSentencePages = id < 0 ? 0 : this.inSentencePagesOf[id];
    if (inSentencePages === 0) return NEVER_INSIDE;
    const share = this.capitalisedShareOf[id] / inSentencePages;
    return share < 0.05 ? 0 : share < 0.5 ? 1 : share < 0.95 ? 2 : 3;
  }

  /** The classes of the words of the profile's pages (made again only when a page changed); undefined
   * for a profile read from JSON (it has no pages) or too few words. */
  wordClasses(): WordClasses | undefined {
    if (this.classes?.version !== this.changes) {
      const sequences = [...this.pages.values()].map((page) => page.sequence);
      this.classes = { version: this.changes, classes: WordClasses.of(sequences, (id) => this.vocabulary.word(id)) };
    }
    return this.classes.classes;
  }

  toJSON(): WordProfileData {
    const words: [string, number, number, number][] = [];
    for (let id = 0; id < this.vocabulary.size; id++) {
      if (this.pagesOf[id] > 0) words.push([this.vocabulary.word(id), this.pagesOf[id], this.inSentencePagesOf[id], this.capitalisedShareOf[id]]);
    }
    return { format: 1, words };
  }

  /** A profile with the counts of `data` (its pages cannot be removed one by one). */
  static fromJSON(data: WordProfileData): WordProfile {
    if (data.format !== 1) throw new Error(`unsupported word profile format ${String(data.format)}`);
    const profile = new WordProfile();
    for (const [word, pages, inSentencePages, capitalisedShare] of data.words) {
      const id = profile.idOf(word);
      profile.pagesOf[id] = pages;
      profile.inSentencePagesOf[id] = inSentencePages;
      profile.capitalisedShareOf[id] = capitalisedShare;
    }
    return profile;
  }

  private idOf(word: string): number {
    const id = this.vocabulary.intern(word);
    if (id >= this.pagesOf.length) {
      const size = Math.max(id + 1, this.pagesOf.length * 2);
      const grow = <T extends Int32Array | Float64Array>(from: T, to: T): T => (to.set(from), to);
      this.pagesOf = grow(this.pagesOf, new Int32Array(size));
      this.inSentencePagesOf = grow(this.inSentencePagesOf, new Int32Array(size));
      this.capitalisedShareOf = grow(this.capitalisedShareOf, new Float64Array(size));
      this.pageOf = grow(this.pageOf, new Int32Array(size));
      this.usesOf = grow(this.usesOf, new Int32Array(size));
      this.capitalisedUsesOf = grow(this.capitalisedUsesOf, new Int32Array(size));
    }
    return id;
  }

  private count(id: number, share: number, sign: 1 | -1): void {
    this.pagesOf[id] += sign;
    if (Number.isNaN(share)) return;
    this.inSentencePagesOf[id] += sign;
    // back to exactly 0 with the last page (sums of shares are not exact)
    this.capitalisedShareOf[id] = this.inSentencePagesOf[id] === 0 ? 0 : this.capitalisedShareOf[id] + sign * share;
  }
}
