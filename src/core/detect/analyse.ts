// The analysis of one document: body/boilerplate line decisions, its language and publication date, and
// actor and date suggestions on every line (editors may hide those on boilerplate lines).
//
// Entity scanning is per line and cached by line text (per lexicon version, language and options), so
// re-analysing a document after an edit only scans the lines that changed; the per-document step that
// follows (years from the publication date, qualifier words, names seen elsewhere on the page, accepted
// entities) is a cheap pass over the cached scans.

import type { LineDecision, Suggestion } from '../model/types';
import { forEachLine, isBlank } from '../text/lines';
import { actorGrammar, type LineActorScan, resolveActors, scanActorLine, type ScannedLine } from './actors';
import { detectLines, LineFeatureCache } from './body/index';
import type { CorpusModel } from './corpus';
import { dateGrammar, findPublicationDate, type PartialDate, type RawDate, resolveDate, scanDateTokens } from './dates';
import type { LearnedEntities } from './learned';
import type { EntityLexicon } from './lexicons';
import type { StopwordLexicon } from './stopwords';
import { tokenize } from './words';

export interface AnalysisOptions {
  /** Suggest relative dates ("hôm qua", "last week"). */
  relativeDates?: boolean;
  /** Language to use instead of guessing it (a code of the entity lexicons, "vi", or a stop-word list name). */
  language?: string;
  /** Corpus id of the document, so its own lines do not count as repeats. */
  documentId?: string;
}

export interface AnalysisContext {
  corpus: CorpusModel;
  stopwords: StopwordLexicon;
  entities: EntityLexicon;
  learned: LearnedEntities;
  options: AnalysisOptions;
}

export interface DocumentAnalysis {
  /** Language code of the entity lexicons used ("vi"); undefined when unknown (all lexicons merged). */
  language?: string;
  publicationDate?: PartialDate;
  lines: LineDecision[];
  suggestions: Suggestion[];
}

// ISO 639-1 codes of the stop-word list names, so a guessed stop-word language selects entity lexicons.
const LANGUAGE_CODES: Record<string, string> = {
  czech: 'cs', english: 'en', french: 'fr', german: 'de', indonesian: 'id', italian: 'it', korean: 'ko',
  portuguese: 'pt', russian: 'ru', spanish: 'es', vietnamese: 'vi',
};

function languageCode(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const lower = name.toLowerCase();
  return LANGUAGE_CODES[lower] ?? lower;
}

interface LineScan {
  dates: readonly RawDate[];
  actors: LineActorScan;
}

const MAX_CACHED_LINES = 200_000;
const caches = new WeakMap<EntityLexicon, Map<string, Map<string, LineScan>>>();

function lineCache(entities: EntityLexicon, key: string): Map<string, LineScan> {
  let byKey = caches.get(entities);
  if (!byKey) caches.set(entities, (byKey = new Map()));
  let cache = byKey.get(key);
  if (!cache) {
    // older versions of the lexicon are never asked for again
    for (const old of byKey.keys()) if (!old.startsWith(`${entities.version}\u0000`)) byKey.delete(old);
    byKey.set(key, (cache = new Map()));
  }
  if (cache.size > MAX_CACHED_LINES) cache.clear();
  return cache;
}

// Per-document line features of the body detector, so re-analysing a document after an edit recomputes
// only the changed lines there too. Keyed by corpus (the analysis session) and document id; the least
// recently analysed documents are forgotten.
const MAX_FEATURE_CACHES = 16;
const featureCaches = new WeakMap<CorpusModel, Map<string, LineFeatureCache>>();

function featureCache(corpus: CorpusModel, documentId: string | undefined): LineFeatureCache {
  let byDocument = featureCaches.get(corpus);
  if (!byDocument) featureCaches.set(corpus, (byDocument = new Map()));
  const key = documentId ?? '';
  let cache = byDocument.get(key);
  if (cache) byDocument.delete(key); // re-inserted below as the most recent
  else {
    cache = new LineFeatureCache();
    if (byDocument.size >= MAX_FEATURE_CACHES) byDocument.delete(byDocument.keys().next().value as string);
  }
  byDocument.set(key, cache);
  return cache;
}

/** Everything about one document. */
export function analyseDocument(text: string, ctx: AnalysisContext): DocumentAnalysis {
  return analyse(text, undefined, ctx);
}

/**
 * Like analyseDocument, but line decisions and suggestions only for the lines overlapping `range` (the whole
 * document still gives evidence). Unchanged lines come from the cache, so this is cheap after an edit.
 */
export function analyseRange(text: string, range: { start: number; end: number }, ctx: AnalysisContext): DocumentAnalysis {
  return analyse(text, range, ctx);
}

function analyse(text: string, range: { start: number; end: number } | undefined, ctx: AnalysisContext): DocumentAnalysis {
  const { entities, stopwords, options } = ctx;
  const stopwordLanguage = options.language !== undefined
    ? stopwords.languages.find((name) => name === options.language || languageCode(name) === options.language)
    : stopwords.guessLanguage(text);
  const guessed = languageCode(options.language ?? stopwordLanguage);
  const language = guessed !== undefined && entities.languages().includes(guessed) ? guessed : undefined;

  const lines = detectLines(text, ctx.corpus, stopwords, {
    documentId: options.documentId,
    language: stopwordLanguage,
    cache: featureCache(ctx.corpus, options.documentId),
  });
  const publicationDate = findPublicationDate(text, entities);

  const stopwordMemo = new Map<string, boolean>();
  const isStopword = (word: string): boolean => {
    let known = stopwordMemo.get(word);
    if (known === undefined) {
      known = stopwordLanguage !== undefined && stopwords.stats(word, stopwordLanguage).stopwords > 0;
      stopwordMemo.set(word, known);
    }
    return known;
  };

  const relative = options.relativeDates === true;
  const dates = dateGrammar(entities, language);
  const actors = actorGrammar(entities, language);
  const cache = lineCache(entities, `${entities.version}\u0000${language ?? '*'}\u0000${relative}\u0000${stopwordLanguage ?? ''}`);

  const inRange = (start: number, end: number): boolean => range === undefined || (end >= range.start && start <= range.end);
  const actorOptions = { isStopword };
  const scanned: ScannedLine[] = [];
  const suggestions: Suggestion[] = [];
  // the reported lines are consecutive: the first and last suffice (blank lines have no candidates)
  let firstReported = -1;
  let lastReported = -1;
  forEachLine(text, (line, lineStart, lineEnd) => {
    if (isBlank(text, lineStart, lineEnd)) return;
    const lineText = text.slice(lineStart, lineEnd);
    let scan = cache.get(lineText);
    if (!scan) {
      const tokens = tokenize(lineText, entities.vocabulary);
      scan = { dates: scanDateTokens(tokens, dates, relative), actors: scanActorLine(lineText, actors, actorOptions, tokens) };
      cache.set(lineText, scan);
    }
    scanned.push({ line, start: lineStart, scan: scan.actors });
    if (!inRange(lineStart, lineEnd)) return;
    if (firstReported < 0) firstReported = line;
    lastReported = line;
    const found = scan.dates; // indexed: mostly the shared empty array, for-of would allocate an iterator
    for (let k = 0; k < found.length; k++) suggestions.push(resolveDate(found[k], text, line, publicationDate, lineStart));
    // entities of other labels the annotator accepted (actors are handled with the actor evidence)
    if (ctx.learned.size > 0) {
      for (const match of ctx.learned.matchTokens(scan.actors.tokens)) {
        if (match.entry.label === 'actor') continue;
        const start = lineStart + match.start;
        const end = lineStart + match.end;
        const suggestion: Suggestion = {
          start,
          end,
          label: match.entry.label,
          text: text.slice(start, end),
          score: Math.min(0.95, 0.7 + 0.05 * match.entry.count),
          reasons: [`accepted ${match.entry.count} time${match.entry.count === 1 ? '' : 's'} elsewhere`],
          line,
        };
        if (match.entry.value !== undefined) suggestion.value = match.entry.value;
        suggestions.push(suggestion);
      }
    }
  });
  const report = range === undefined ? undefined : (line: number): boolean => line >= firstReported && line <= lastReported;
  const actorSuggestions = resolveActors(scanned, actors, ctx.learned, report);
  for (let k = 0; k < actorSuggestions.length; k++) suggestions.push(actorSuggestions[k]);
  suggestions.sort((a, b) => a.start - b.start || a.end - b.end);

  const result: DocumentAnalysis = {
    lines: range === undefined ? lines : lines.filter((decision) => inRange(decision.start, decision.end)),
    suggestions: dropOverlapsWithDates(suggestions),
  };
  if (language !== undefined) result.language = language;
  if (publicationDate !== undefined) result.publicationDate = publicationDate;
  return result;
}

/** An actor overlapping a date goes (dates are the more specific reading of digits and month words). */
function dropOverlapsWithDates(suggestions: Suggestion[]): Suggestion[] {
  const dates = suggestions.filter((s) => s.label === 'date'); // sorted by start, as `suggestions` is
  if (dates.length === 0) return suggestions;
  return suggestions.filter((s) => {
    if (s.label !== 'actor') return true;
    // the last date starting before the actor's end is the only one that can overlap it... or one before it
    let low = 0;
    let high = dates.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (dates[middle].start < s.end) low = middle + 1;
      else high = middle;
    }
    for (let i = low - 1; i >= 0 && i >= low - 3; i--) if (dates[i].end > s.start) return false;
    return true;
  });
}
