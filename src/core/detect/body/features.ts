// What the detector computes from a line's text alone (its words, hashes, punctuation, the text-only
// signals), kept apart from everything that depends on the page or the corpus. A LineFeatureCache keeps
// these per line text, so re-running detectLines after an edit recomputes only the edited lines; the
// page-level passes that follow are linear in the number of lines and cheap.

import { isWrittenTwiceLine } from './doubled';
import { countInnerSentenceEnds, endsLikeSentence } from './lineInfo';
import { splitLine } from './normalize';
import { isTimestampCandidate } from './timestamp';
import type { StopwordLexicon } from '../stopwords';

export interface LineFeatures {
  /** Hash of the normalised line (lineKeyHash). */
  readonly hash: number;
  /** wordHash of each case-folded word; shared, never mutated. */
  readonly wordHashes: readonly number[];
  /** Words made only of digits. */
  readonly numberWords: number;
  readonly endsSentence: boolean;
  readonly innerSentenceEnds: number;
  /** A title rendered twice on one line (doubled.ts). */
  readonly writtenTwice: boolean;
  /** Short and built around a time or date (timestamp.ts). */
  readonly timestampLike: boolean;
}

export function computeLineFeatures(text: string): LineFeatures {
  const split = splitLine(text);
  return {
    hash: split.lineHash,
    wordHashes: split.hashes,
    numberWords: split.numbers,
    endsSentence: endsLikeSentence(text),
    innerSentenceEnds: countInnerSentenceEnds(text),
    writtenTwice: isWrittenTwiceLine(text),
    timestampLike: isTimestampCandidate(text, split.hashes.length),
  };
}

export interface LineFeatureCacheEntry {
  features: LineFeatures;
  /** Stop words among the words, for stopwordLanguage (-1: not counted yet). */
  stopwords: number;
  /** The run that last used the entry. */
  lastUsed: number;
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
  private run = 0;
  private usedInRun = 0;
  private lexicon: StopwordLexicon | undefined;
  private lexiconVersion = -1;
  private stopwordLanguage: string | undefined;

  get size(): number {
    return this.entries.size;
  }

  /** Starts a detectLines run; stop-word counts are dropped when the lexicon or the language changed. */
  beginRun(lexicon: StopwordLexicon, language: string | undefined): void {
    this.run++;
    this.usedInRun = 0;
    if (lexicon !== this.lexicon || lexicon.version !== this.lexiconVersion || language !== this.stopwordLanguage) {
      for (const entry of this.entries.values()) entry.stopwords = -1;
      this.lexicon = lexicon;
      this.lexiconVersion = lexicon.version;
      this.stopwordLanguage = language;
    }
  }

  /** The features of a line text, computed on a miss. */
  entry(text: string): LineFeatureCacheEntry {
    let entry = this.entries.get(text);
    if (entry === undefined) {
      entry = { features: computeLineFeatures(text), stopwords: -1, lastUsed: this.run };
      this.entries.set(text, entry);
    }
    if (entry.lastUsed !== this.run) entry.lastUsed = this.run;
    this.usedInRun++;
    return entry;
  }

  /** Ends a run: forgets lines the latest run did not use when they have piled up. */
  endRun(): void {
    if (this.entries.size <= Math.max(PRUNE_MIN_ENTRIES, PRUNE_FACTOR * this.usedInRun)) return;
    for (const [text, entry] of this.entries) if (entry.lastUsed !== this.run) this.entries.delete(text);
  }
}
