// What the detector computes from a line's text alone (its words, hashes, punctuation, the text-only
// signals), kept apart from everything that depends on the page or the corpus. A LineFeatureCache keeps
// these per line text, so re-running detectLines after an edit recomputes only the edited lines; the
// page-level passes that follow are linear in the number of lines and cheap.

import type { StopwordLexicon } from '../stopwords';
import { splitLine, wordHash } from '../../text/normalize';
import { looksLikeCredit } from './signals/credit';
import { isWrittenTwiceLine } from './signals/doubled';
import { isOneLineMenu } from './signals/linkList';
import { lineShape } from '../../text/script';
import { forEachWord } from '../../text/segment';
import { countInnerSentenceEnds, endsLikeSentence } from '../../text/sentences';
import { itemNumber, speakerLabel } from './signals/structure';
import { isTimestampCandidate } from './signals/timestamp';
import type { LineFeatures } from './types';

export function computeLineFeatures(text: string): LineFeatures {
  const split = splitLine(text);
  const shape = lineShape(text);
  const words = shape.unspaced ? segmentedWords(text) : split;
  return {
    hash: split.lineHash,
    wordHashes: words.hashes,
    numberWords: words.numbers,
    width: shape.width,
    unspaced: shape.unspaced,
    unpunctuated: shape.unpunctuated,
    endsSentence: endsLikeSentence(text),
    innerSentenceEnds: countInnerSentenceEnds(text),
    writtenTwice: isWrittenTwiceLine(text),
    timestampLike: isTimestampCandidate(text, words.hashes.length),
    creditLike: looksLikeCredit(text),
    oneLineMenu: isOneLineMenu(text),
    itemNumber: itemNumber(text),
    speakerLabel: speakerLabel(text),
    // Filled later (slug.ts, structure.ts); present from the start so that all features objects share one shape.
    firstWord: undefined,
    firstWordSlug: undefined,
    slugPrefix: undefined,
    slugComplete: undefined,
    leadingAscii: undefined,
    pattern: undefined,
  };
}

const DIGITS = /^\p{Nd}+$/u;

/**
 * The words of a line in a script written without spaces (Chinese, Japanese, Thai...), from the word
 * segmenter, as word hashes; the line hash stays splitLine's, so the corpus sees the same line either way.
 */
function segmentedWords(text: string): { hashes: number[]; numbers: number } {
  const hashes: number[] = [];
  let numbers = 0;
  forEachWord(text, (word) => {
    hashes.push(wordHash(word));
    if (DIGITS.test(word)) numbers++;
  });
  return { hashes, numbers };
}

export interface LineFeatureCacheEntry {
  features: LineFeatures;
  /** Stop words among the words, for stopwordLanguage (-1: not counted yet). */
  stopwords: number;
  /** The run that last used the entry, and its position among that run's lines. */
  lastUsed: number;
  position: number;
}

/** Entries unused in the latest run are dropped once the cache holds this many times the run's lines. */
const PRUNE_FACTOR = 2;
const PRUNE_MIN_ENTRIES = 1_000;

/**
 * Line text -> features, for one document that is analysed again and again (as it is edited). Pass the
 * same cache to every detectLines call for that document (DetectOptions.cache); a cache shared by several
 * documents also works, but keeps only the lines of the latest documents once it grows.
 */
export class LineFeatureCache {
  private readonly entries = new Map<string, LineFeatureCacheEntry>();
  /**
   * The line texts and entries of the previous run in order, and the position in them where the current
   * run's next line is expected: after an edit most lines are where they were, and comparing a line with
   * the one expected there is cheaper than hashing it for the map.
   */
  private previousTexts: string[] = [];
  private previousEntries: LineFeatureCacheEntry[] = [];
  private currentTexts: string[] = [];
  private currentEntries: LineFeatureCacheEntry[] = [];
  private cursor = 0;
  private run = 0;
  private usedInRun = 0;
  private lexicon: StopwordLexicon | undefined;
  private lexiconVersion = -1;
  private stopwordLanguage: string | undefined;

  get size(): number {
    return this.entries.size;
  }

  /** Starts a detectLines run. */
  beginRun(): void {
    this.run++;
    this.usedInRun = 0;
    this.cursor = 0;
    this.currentTexts = [];
    this.currentEntries = [];
  }

  /** The stop-word list of the run: stop-word counts are dropped when the lexicon or the language changed. */
  useStopwords(lexicon: StopwordLexicon, language: string | undefined): void {
    if (lexicon !== this.lexicon || lexicon.version !== this.lexiconVersion || language !== this.stopwordLanguage) {
      for (const entry of this.entries.values()) entry.stopwords = -1;
      this.lexicon = lexicon;
      this.lexiconVersion = lexicon.version;
      this.stopwordLanguage = language;
    }
  }

  /** The features of a line text, computed on a miss. */
  entry(text: string): LineFeatureCacheEntry {
    const previous = this.previousTexts;
    const at = this.cursor;
    let entry: LineFeatureCacheEntry | undefined;
    if (at < previous.length && previous[at] === text) {
      entry = this.previousEntries[at];
      this.cursor = at + 1;
    } else if (at + 1 < previous.length && previous[at + 1] === text) {
      // The expected line was changed or removed.
      entry = this.previousEntries[at + 1];
      this.cursor = at + 2;
    } else {
      entry = this.entries.get(text);
      if (entry === undefined) {
        entry = { features: computeLineFeatures(text), stopwords: -1, lastUsed: this.run, position: -1 };
        this.entries.set(text, entry);
      } else if (entry.lastUsed === this.run - 1 && entry.position >= at) {
        // Lines were inserted or removed before this one: continue from where it was.
        this.cursor = entry.position + 1;
      }
    }
    entry.lastUsed = this.run;
    entry.position = this.currentTexts.length;
    this.currentTexts.push(text);
    this.currentEntries.push(entry);
    this.usedInRun++;
    return entry;
  }

  /** Ends a run: forgets lines the latest run did not use when they have piled up. */
  endRun(): void {
    this.previousTexts = this.currentTexts;
    this.previousEntries = this.currentEntries;
    this.currentTexts = [];
    this.currentEntries = [];
    if (this.entries.size <= Math.max(PRUNE_MIN_ENTRIES, PRUNE_FACTOR * this.usedInRun)) return;
    for (const [text, entry] of this.entries) if (entry.lastUsed !== this.run) this.entries.delete(text);
  }
}
