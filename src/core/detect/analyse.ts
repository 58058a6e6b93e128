// The analysis of one document: body/boilerplate line decisions, its language and publication date, and
// actor and date suggestions on every line (editors may hide those on boilerplate lines).
//
// Entity scanning is per line and cached by line text (per lexicon version, language and options), so
// re-analysing a document after an edit only scans the lines that changed; the per-document step that
// follows (years from the publication date, qualifier words, names seen elsewhere on the page, accepted
// entities) is a cheap pass over the cached scans.

import type { LineDecision, Suggestion } from '../model/types';
import { forEachLine, isBlank } from '../text/lines';
import { ACCEPTED_RULE, actorGrammar, type LineActorScan, resolveActors, scanActorLine, type ScannedLine } from './actors';
import { detectLines, LineFeatureCache } from './body/index';
import type { CorpusModel } from './corpus';
import { type DatePage, type DateRangeSpans, dateGrammar, findPublicationDate, hasDashDates, type PartialDate, type RawDate, resolveDates, scanDateTokens } from './dates';
import { LearnedEntities, propagationReasons } from './learned';
import type { LearningDocument, SpanLearner } from '../learn/learner';
import type { EntityLexicon } from './lexicons';
import type { StopwordLexicon } from './stopwords';
import type { WordProfile } from './wordProfile';
import { tokenize } from './words';
import { ownString } from '../text/ownString';

export interface AnalysisOptions {
  /** Suggest relative dates ("hôm qua", "last week"). */
  relativeDates?: boolean;
  /** A date range as one span (default) or as its two ends ("20-22/3" -> "20", "22/3"). */
  dateRanges?: DateRangeSpans;
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
  /** A span learner trained on the annotator's decisions (core/learn): where it measured better than the
   * rules it replaces their suggestions, elsewhere it scores them by their measured precision. */
  learner?: SpanLearner;
  /** How the corpus writes each word: features of the learner (set wherever a learner is trained or used). */
  words?: WordProfile;
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

// The lines of a 6 MB page, or the template lines of a site and the pages of the last few seconds: in
// `newsmark detect` over 10,000 pages, 200,000 scans held about 400 MB and cost more in garbage collection
// than the scans they saved (25.1 against 27.4 s of CPU, 0.63 against 1.06 GB, measured alternately).
const MAX_CACHED_LINES = 50_000;
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
  return analyseFrom(text, undefined, ctx).analysis;
}

/**
 * Like analyseDocument, but line decisions and suggestions only for the lines overlapping `range` (the whole
 * document still gives evidence). Unchanged lines come from the cache, so this is cheap after an edit.
 */
export function analyseRange(text: string, range: { start: number; end: number }, ctx: AnalysisContext): DocumentAnalysis {
  return analyseFrom(text, range, ctx).analysis;
}

/** An analysis and what a later edit of the same document needs to be re-analysed quickly. */
export interface AnalysisBase {
  readonly text: string;
  readonly analysis: DocumentAnalysis;
  /** The stop-word language the analysis used (guessed once per document). */
  readonly stopwordLanguage: string | undefined;
  /** Entity scans of every non-blank line, in order, and the line cache they belong to. */
  readonly scans: readonly LineEntry[];
  readonly scanKey: string;
}

/** One non-blank line of a document and its entity scan. */
interface LineEntry {
  line: number;
  start: number;
  end: number;
  scan: LineScan;
}

/** A full (or range) analysis that a later `reanalyseEdit` can start from. */
export function analyseFrom(text: string, range: { start: number; end: number } | undefined, ctx: AnalysisContext): AnalysisBase {
  const { stopwords, options } = ctx;
  const stopwordLanguage = stopwordLanguageOf(text, ctx);
  const lines = detectLines(text, ctx.corpus, stopwords, {
    documentId: options.documentId,
    language: stopwordLanguage,
    cache: featureCache(ctx.corpus, options.documentId),
  });
  const inRange = (start: number, end: number): boolean => range === undefined || (end >= range.start && start <= range.end);
  const setup = entitySetup(ctx, stopwordLanguage);
  const scans = scanLines(text, 0, text.length, 0, setup);
  const found = findEntities(text, ctx, setup, scans, inRange);
  const analysis: DocumentAnalysis = {
    lines: range === undefined ? lines : lines.filter((decision) => inRange(decision.start, decision.end)),
    suggestions: found.suggestions,
  };
  if (found.language !== undefined) analysis.language = found.language;
  if (found.publicationDate !== undefined) analysis.publicationDate = found.publicationDate;
  return { text, analysis, stopwordLanguage, scans, scanKey: setup.key };
}

function stopwordLanguageOf(text: string, ctx: AnalysisContext): string | undefined {
  const { stopwords, options } = ctx;
  return options.language !== undefined
    ? stopwords.languages.find((name) => name === options.language || languageCode(name) === options.language)
    : stopwords.guessLanguage(text);
}

const NOTHING_LEARNED = new LearnedEntities();

/**
 * What a span learner reads of a page: its lines' tokens and the rules' suggestions, without anything
 * learned (no propagation of accepted names, no learner), so training sees the rules as they are.
 */
export function learningDocument(text: string, ctx: AnalysisContext): LearningDocument {
  const bare: AnalysisContext = { corpus: ctx.corpus, stopwords: ctx.stopwords, entities: ctx.entities, learned: NOTHING_LEARNED, options: ctx.options };
  const setup = entitySetup(bare, stopwordLanguageOf(text, bare));
  const scans = scanLines(text, 0, text.length, 0, setup);
  const found = findEntities(text, bare, setup, scans, () => true);
  const doc: LearningDocument = { lines: scans.map((entry) => ({ line: entry.line, start: entry.start, tokens: entry.scan.actors.tokens })), suggestions: found.suggestions, grammar: setup.actors, text };
  if (ctx.words) doc.words = ctx.words;
  return doc;
}

/**
 * What learningDocument reads besides the page's text, as of now: both lexicons (the objects and their
 * versions), the corpus's word profile (the object: it is read when features are made) and the language,
 * relativeDates and dateRanges options; nothing else of the corpus (repeated lines are the body detector's),
 * of documentId or of what was learned. The same text and equal inputs (sameLearningInputs) make the same
 * document.
 */
export interface LearningInputs {
  readonly stopwords: StopwordLexicon;
  readonly entities: EntityLexicon;
  readonly words: WordProfile | undefined;
  readonly key: string;
}

export function learningInputs(ctx: AnalysisContext): LearningInputs {
  const { language, relativeDates, dateRanges } = ctx.options;
  const key = [ctx.stopwords.version, ctx.entities.version, language ?? '', relativeDates === true, dateRanges ?? 'whole'].join('\u0000');
  return { stopwords: ctx.stopwords, entities: ctx.entities, words: ctx.words, key };
}

export function sameLearningInputs(a: LearningInputs, b: LearningInputs): boolean {
  return a.stopwords === b.stopwords && a.entities === b.entities && a.words === b.words && a.key === b.key;
}

/** The first reason of a changed line's decision until the whole page is analysed again. */
export const KEPT_WHILE_TYPING = 'label kept while typing (the page is read again when typing pauses)';

/** Edits larger than this (characters of changed lines) get a full analysis instead. */
const QUICK_EDIT_MAX_CHARS = 64 * 1024;

/**
 * How an analysis changed after an edit: [start, oldEnd] of the previous text now spans `shift` more
 * characters and `lineShift` more lines; `lines` and `suggestions` replace what was there. Small, so an editor
 * can receive it from a worker instead of the whole analysis of a large page.
 */
export interface AnalysisDelta {
  start: number;
  oldEnd: number;
  shift: number;
  lineShift: number;
  lines: LineDecision[];
  suggestions: Suggestion[];
  language?: string;
  publicationDate?: PartialDate;
}

/** The analysis after an edit, from the one before it and the edit's delta. */
export function applyDelta(previous: DocumentAnalysis, delta: AnalysisDelta): DocumentAnalysis {
  const { start, oldEnd, shift, lineShift } = delta;
  const suggestions: Suggestion[] = [];
  for (const s of previous.suggestions) if (s.end < start) suggestions.push(s);
  for (const s of delta.suggestions) suggestions.push(s);
  for (const s of previous.suggestions) {
    if (s.start <= oldEnd) continue;
    const moved: Suggestion = { start: s.start + shift, end: s.end + shift, label: s.label, text: s.text, score: s.score, reasons: s.reasons, line: s.line + lineShift };
    if (s.value !== undefined) moved.value = s.value;
    if (s.rules !== undefined) moved.rules = s.rules;
    suggestions.push(moved);
  }
  const lines: LineDecision[] = [];
  for (const d of previous.lines) if (d.end < start) lines.push(d);
  for (const d of delta.lines) lines.push(d);
  for (const d of previous.lines) {
    if (d.start > oldEnd) lines.push({ line: d.line + lineShift, start: d.start + shift, end: d.end + shift, label: d.label, score: d.score, reasons: d.reasons });
  }
  const analysis: DocumentAnalysis = { lines, suggestions };
  if (delta.language !== undefined) analysis.language = delta.language;
  if (delta.publicationDate !== undefined) analysis.publicationDate = delta.publicationDate;
  return analysis;
}

/**
 * After an edit, re-analyses only the changed lines, cheaply: their actor and date suggestions are found
 * again with the evidence of the whole current page, while the rest of the previous analysis is kept
 * (shifted past the edit). Line decisions are not recomputed: a changed line keeps the label of the line it
 * replaces, since the body detector weighs the whole page. Caller refreshes with a full analysis when the
 * typing pauses. Undefined when the edit is too large for this to be a good approximation.
 */
export function reanalyseEdit(base: AnalysisBase, text: string, ctx: AnalysisContext): { base: AnalysisBase; delta: AnalysisDelta } | undefined {
  const old = base.text;
  if (old === text) {
    const nothing: AnalysisDelta = { start: old.length + 1, oldEnd: old.length + 1, shift: 0, lineShift: 0, lines: [], suggestions: [] };
    if (base.analysis.language !== undefined) nothing.language = base.analysis.language;
    if (base.analysis.publicationDate !== undefined) nothing.publicationDate = base.analysis.publicationDate;
    return { base, delta: nothing };
  }
  const edit = changedLines(old, text);
  if (edit.newEnd - edit.start > QUICK_EDIT_MAX_CHARS) return undefined;
  const setup = entitySetup(ctx, base.stopwordLanguage);
  if (setup.key !== base.scanKey) return undefined; // other lexicons or options: every line must be scanned again
  const shift = text.length - old.length;
  const lineShift = edit.newLineCount - edit.oldLineCount;

  const inEdit = (start: number, end: number): boolean => end >= edit.start && start <= edit.newEnd;
  const scans: LineEntry[] = [];
  let k = 0;
  for (; k < base.scans.length && base.scans[k].end < edit.start; k++) scans.push(base.scans[k]);
  for (const entry of scanLines(text, edit.start, edit.newEnd, edit.firstLine, setup)) scans.push(entry);
  while (k < base.scans.length && base.scans[k].start <= edit.oldEnd) k++;
  for (; k < base.scans.length; k++) {
    const entry = base.scans[k];
    scans.push({ line: entry.line + lineShift, start: entry.start + shift, end: entry.end + shift, scan: entry.scan });
  }
  const found = findEntities(text, ctx, setup, scans, inEdit);

  // the changed lines keep the labels of the lines they replace (by position), else of their neighbours
  const previous = base.analysis.lines;
  const replaced = previous.filter((d) => d.end >= edit.start && d.start <= edit.oldEnd);
  let before: LineDecision | undefined;
  for (const d of previous) if (d.end < edit.start) before = d;
  const neighbour = replaced[replaced.length - 1] ?? before ?? previous.find((d) => d.start > edit.oldEnd);
  const lines: LineDecision[] = [];
  if (neighbour !== undefined) {
    forEachLine(text.slice(edit.start, edit.newEnd), (offset, start, end) => {
      if (isBlank(text, edit.start + start, edit.start + end)) return;
      const line = edit.firstLine + offset;
      const was = replaced.find((d) => d.line === line) ?? neighbour;
      lines.push({ line, start: edit.start + start, end: edit.start + end, label: was.label, score: was.score, reasons: [KEPT_WHILE_TYPING, ...was.reasons] });
    });
  }
  const delta: AnalysisDelta = { start: edit.start, oldEnd: edit.oldEnd, shift, lineShift, lines, suggestions: found.suggestions };
  if (found.language !== undefined) delta.language = found.language;
  if (found.publicationDate !== undefined) delta.publicationDate = found.publicationDate;
  return { base: { text, analysis: applyDelta(base.analysis, delta), stopwordLanguage: base.stopwordLanguage, scans, scanKey: setup.key }, delta };
}

/** The whole lines an edit touched: [start, oldEnd) of the old text became [start, newEnd) of the new. */
interface ChangedLines {
  start: number;
  oldEnd: number;
  newEnd: number;
  /** 0-based line of `start`. */
  firstLine: number;
  /** Line breaks inside the changed lines, before and after. */
  oldLineCount: number;
  newLineCount: number;
}

function changedLines(old: string, text: string): ChangedLines {
  const shorter = Math.min(old.length, text.length);
  const prefix = commonLength(shorter, (n) => old.slice(0, n) === text.slice(0, n));
  const suffix = commonLength(shorter - prefix, (n) => old.slice(old.length - n) === text.slice(text.length - n));
  // widen to whole lines; a break character next to the edit widens it to the neighbouring line too, so a
  // "\r\n" is never split
  let start = prefix;
  while (start > 0 && !isBreak(old.charCodeAt(start - 1))) start--;
  if (start > 0) {
    start--;
    while (start > 0 && !isBreak(old.charCodeAt(start - 1))) start--;
  }
  let oldEnd = old.length - suffix;
  while (oldEnd < old.length && !isBreak(old.charCodeAt(oldEnd))) oldEnd++;
  const newEnd = oldEnd + text.length - old.length;
  return {
    start,
    oldEnd,
    newEnd,
    firstLine: countLineBreaks(text, 0, start),
    oldLineCount: countLineBreaks(old, start, oldEnd),
    newLineCount: countLineBreaks(text, start, newEnd),
  };
}

/**
 * The largest n <= max for which `same(n)` holds (it holds for every smaller n too). A binary search over
 * native comparisons of flat strings: a character loop over a 1 MB page costs milliseconds.
 */
function commonLength(max: number, same: (n: number) => boolean): number {
  let low = 0;
  let high = max;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (same(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

function isBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** Line breaks in text[from, to), a "\r\n" counting once. */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) count++;
  // lone carriage returns (old Mac files) are breaks too
  for (let i = text.indexOf('\r', from); i >= 0 && i < to; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) count++;
  return count;
}

interface FoundEntities {
  language?: string;
  publicationDate?: PartialDate;
  suggestions: Suggestion[];
}

/** What scanning lines for entities depends on: the grammars, options and their line cache. */
interface EntitySetup {
  language: string | undefined;
  relative: boolean;
  dates: ReturnType<typeof dateGrammar>;
  actors: ReturnType<typeof actorGrammar>;
  actorOptions: { isStopword: (word: string) => boolean };
  vocabulary: EntityLexicon['vocabulary'];
  key: string;
  cache: Map<string, LineScan>;
}

function entitySetup(ctx: AnalysisContext, stopwordLanguage: string | undefined): EntitySetup {
  const { entities, stopwords, options } = ctx;
  const guessed = languageCode(options.language ?? stopwordLanguage);
  const language = guessed !== undefined && entities.languages().includes(guessed) ? guessed : undefined;
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
  const key = `${entities.version}\u0000${language ?? '*'}\u0000${relative}\u0000${stopwordLanguage ?? ''}`;
  return {
    language,
    relative,
    dates: dateGrammar(entities, language),
    actors: actorGrammar(entities, language),
    actorOptions: { isStopword },
    vocabulary: entities.vocabulary,
    key,
    cache: lineCache(entities, key),
  };
}

/** Entity scans of the non-blank lines of text[from, to) (whole lines; `firstLine` is the line at `from`). */
function scanLines(text: string, from: number, to: number, firstLine: number, setup: EntitySetup): LineEntry[] {
  const entries: LineEntry[] = [];
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  forEachLine(part, (offset, partStart, partEnd) => {
    const start = from + partStart;
    const end = from + partEnd;
    if (isBlank(text, start, end)) return;
    const lineText = text.slice(start, end);
    let scan = setup.cache.get(lineText);
    if (!scan) {
      // the cache outlives the page: its key and the scan's tokens hold a copy of the line, not a slice of the page
      const line = ownString(lineText);
      const tokens = tokenize(line, setup.vocabulary);
      scan = { dates: scanDateTokens(tokens, setup.dates, setup.relative), actors: scanActorLine(line, setup.actors, setup.actorOptions, tokens) };
      setup.cache.set(line, scan);
    }
    entries.push({ line: firstLine + offset, start, end, scan });
  });
  return entries;
}

/** Actor and date suggestions on the lines `report` accepts; every line of `scans` gives evidence. */
function findEntities(
  text: string,
  ctx: AnalysisContext,
  setup: EntitySetup,
  scans: readonly LineEntry[],
  report: (start: number, end: number) => boolean,
): FoundEntities {
  const publicationDate = findPublicationDate(text, ctx.entities);
  // every line is evidence of how the page writes its dates, reported or not
  let dashDates = false;
  for (let i = 0; i < scans.length && !dashDates; i++) dashDates = hasDashDates(scans[i].scan.dates);
  const datePage: DatePage = { publication: publicationDate, dashDates, ranges: ctx.options.dateRanges ?? 'whole' };
  const scanned: ScannedLine[] = new Array<ScannedLine>(scans.length);
  const suggestions: Suggestion[] = [];
  // the reported lines are consecutive: the first and last suffice (blank lines have no candidates)
  let firstReported = -1;
  let lastReported = -1;
  for (let i = 0; i < scans.length; i++) {
    const { line, start: lineStart, end: lineEnd, scan } = scans[i];
    scanned[i] = { line, start: lineStart, scan: scan.actors };
    if (!report(lineStart, lineEnd)) continue;
    if (firstReported < 0) firstReported = line;
    lastReported = line;
    const found = scan.dates; // indexed: mostly the shared empty array, for-of would allocate an iterator
    for (let k = 0; k < found.length; k++) resolveDates(found[k], text, line, datePage, lineStart, suggestions);
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
          score: ctx.learned.score(match.entry),
          reasons: propagationReasons(match.entry),
          rules: [ACCEPTED_RULE],
          line,
        };
        if (match.entry.value !== undefined) suggestion.value = match.entry.value;
        suggestions.push(suggestion);
      }
    }
  }
  const reportLine = (line: number): boolean => line >= firstReported && line <= lastReported;
  const actorSuggestions = resolveActors(scanned, setup.actors, ctx.learned, reportLine);
  for (let k = 0; k < actorSuggestions.length; k++) suggestions.push(actorSuggestions[k]);
  suggestions.sort((a, b) => a.start - b.start || a.end - b.end);
  let learnedSuggestions = suggestions;
  const learner = ctx.learner;
  if (learner !== undefined && learner.changesSuggestions) {
    const lines: LearningDocument['lines'][number][] = [];
    for (let i = 0; i < scans.length; i++) {
      const { line, start, scan } = scans[i];
      if (line >= firstReported && line <= lastReported) lines.push({ line, start, tokens: scan.actors.tokens });
    }
    // the learner's evidence is the rules alone, as in training: without the repeats of accepted names
    let evidence: Suggestion[] = suggestions;
    if (ctx.learned.size > 0) {
      evidence = suggestions.filter((s) => s.label !== 'actor' && !s.rules?.includes(ACCEPTED_RULE));
      const bare = resolveActors(scanned, setup.actors, undefined, reportLine);
      for (let k = 0; k < bare.length; k++) evidence.push(bare[k]);
      evidence.sort((a, b) => a.start - b.start || a.end - b.end);
    }
    learnedSuggestions = learner.apply({ lines, suggestions: evidence, grammar: setup.actors, words: ctx.words }, suggestions);
  }
  const result: FoundEntities = { suggestions: dropOverlapsWithDates(learnedSuggestions) };
  if (setup.language !== undefined) result.language = setup.language;
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
