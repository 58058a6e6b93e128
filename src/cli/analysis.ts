// The two passes of `newsmark detect`, shared by the main thread and the worker threads: pass 1 builds the
// corpus statistics (line hashes only, so memory stays flat) and collects what the annotator confirmed;
// pass 2 analyses one document at a time and formats its result.

import { analyseDocument, type AnalysisContext, type DocumentAnalysis } from '../core/detect/analyse';
import { CorpusModel } from '../core/detect/corpus';
import type { EntityLexicon } from '../core/detect/lexicons';
import type { StopwordLexicon } from '../core/detect/stopwords';
import { WordProfile } from '../core/detect/wordProfile';
import { donePages, type UntaggedCount, untaggedCounts } from '../core/detect/untagged';
import type { SpanLearner } from '../core/learn/learner';
import { trainOnPages } from '../core/learn/examples';
import type { LineDecision, SidecarData, Suggestion } from '../core/model/types';
import { suggesterOfSource } from '../core/suggesters/config';
import { isBlank, lineSpans } from '../core/text/lines';
import type { CorpusFile } from '../node/files';
import { type Acceptance, BODY_LABEL, BOILERPLATE_LABEL, learnedFrom, learnFromTags, reanchorSidecar, readSidecar } from './documents';
import { readPageReported } from './pages';
import type { Reporter } from './report';
import type { Workspace } from './workspace';

/** Values of --date-ranges. */
export const DATE_RANGE_CHOICES = ['whole', 'ends'] as const;

export interface DetectSettings {
  relativeDates: boolean;
  /** A date range as one span (default) or its two ends. */
  dateRanges?: 'whole' | 'ends';
}

export interface CorpusBuild {
  corpus: CorpusModel;
  acceptances: Acceptance[];
  /** Pages whose sidecars teach the span learner (span tags, dismissals or status done). */
  annotated: AnnotatedPage[];
  /** Accepted texts left untagged on pages marked done (they lower those texts' propagation score). */
  untagged: UntaggedCount[];
  /** UTF-8 bytes read. */
  bytes: number;
  /** Pages that could not be read (reported): later passes leave them out. */
  unreadable: Set<string>;
}

/**
 * Pass 1: every file's distinct line hashes into a CorpusModel, and, with `learn`, the confirmed tags of
 * their sidecars (body/boilerplate lines, accepted entities). Unreadable files are reported and left out.
 */
export function buildCorpus(files: readonly CorpusFile[], ws: Workspace, reporter: Reporter, learn: boolean): CorpusBuild {
  const corpus = new CorpusModel();
  const acceptances: Acceptance[] = [];
  const annotated: AnnotatedPage[] = [];
  const unreadable = new Set<string>();
  let bytes = 0;
  files.forEach((file, index) => {
    reporter.progress('reading corpus', index, files.length);
    const { text } = readPageReported(file.path, reporter);
    if (text === undefined) {
      unreadable.add(file.path);
      return;
    }
    bytes += Buffer.byteLength(text, 'utf8');
    corpus.addDocument(file.path, text);
    if (!learn) return;
    const read = readSidecar(file.path, ws, reporter);
    if (!read.data) return;
    const data = reanchorSidecar({ ...read, data: read.data }, text).data;
    learnFromTags(text, data.annotations, corpus, acceptances, data.dismissed, { id: file.path, status: data.status });
    const teaches = data.status === 'done' || data.dismissed.length > 0 || data.annotations.some((tag) => !tag.orphaned && tag.label !== BODY_LABEL && tag.label !== BOILERPLATE_LABEL);
    if (teaches) annotated.push({ path: file.path, text, data });
  });
  reporter.endProgress();
  const untagged = learn ? untaggedCounts(learnedFrom(acceptances), donePages(annotated.map((page) => ({ text: page.text, decisions: page.data })))) : [];
  return { corpus, acceptances, annotated, untagged, bytes, unreadable };
}

/**
 * How the corpus writes each word, for the span learner: a second read of the pages, made only when a
 * learner is trained or used (pass 1 keeps no text, and a corpus without one does not pay for it).
 */
export function corpusWordProfile(files: readonly CorpusFile[], unreadable: ReadonlySet<string>, reporter: Reporter): WordProfile {
  const profile = new WordProfile();
  files.forEach((file, index) => {
    if (unreadable.has(file.path)) return;
    reporter.progress('reading words', index, files.length);
    const { text } = readPageReported(file.path, reporter);
    if (text !== undefined) profile.addPage(file.path, text);
  });
  reporter.endProgress();
  return profile;
}

/** A page and its (re-anchored) sidecar data. */
export interface AnnotatedPage {
  path: string;
  text: string;
  data: SidecarData;
}

/**
 * The span learner of a corpus: `base` (a loaded model, or nothing learned) trained on the decisions of the
 * annotated pages, through the code the editor trains with. Without annotated pages, `base` itself.
 */
export function learnerFor(pages: readonly AnnotatedPage[], ctx: AnalysisContext, base: SpanLearner | undefined): SpanLearner | undefined {
  return trainOnPages(pages.map((page) => ({ id: page.path, text: page.text, decisions: page.data })), ctx, base);
}

/**
 * Pass 1 and what Newsmark learned from it, as the editor has it: the corpus statistics and accepted texts,
 * and the span learner trained on the corpus's decisions (from `base`, a loaded model, when given) with the
 * word profile it reads. `detect` and `export --include pending` analyse with it.
 */
export function learnedCorpus(
  files: readonly CorpusFile[],
  ws: Workspace,
  reporter: Reporter,
  lexicons: { stopwords: StopwordLexicon; entities: EntityLexicon },
  settings: DetectSettings,
  base: SpanLearner | undefined,
): { ctx: AnalysisContext; build: CorpusBuild } {
  const build = buildCorpus(files, ws, reporter, true);
  const ctx = analysisContext(build.corpus, lexicons.stopwords, lexicons.entities, build.acceptances, settings, build.untagged);
  if (build.annotated.length > 0 || base) ctx.words = corpusWordProfile(files, build.unreadable, reporter);
  const learner = learnerFor(build.annotated, ctx, base);
  if (learner) ctx.learner = learner;
  return { ctx, build };
}

/**
 * The context of gold records that make one corpus (train, eval, the learning curve): their corpus
 * statistics and, for a span learner, how they write each word (every record counts, annotated or not).
 */
export function goldCorpusContext(
  records: readonly { id: string; text: string }[],
  lexicons: { stopwords: StopwordLexicon; entities: EntityLexicon },
  settings: DetectSettings,
  forLearner: boolean,
): AnalysisContext {
  const corpus = new CorpusModel();
  for (const r of records) corpus.addDocument(r.id, r.text);
  const ctx = analysisContext(corpus, lexicons.stopwords, lexicons.entities, [], settings);
  if (forLearner) ctx.words = WordProfile.of(records.map((r) => r.text));
  return ctx;
}

export function analysisContext(
  corpus: CorpusModel,
  stopwords: StopwordLexicon,
  entities: EntityLexicon,
  acceptances: readonly Acceptance[],
  settings: DetectSettings,
  untagged: readonly UntaggedCount[] = [],
): AnalysisContext {
  const learned = learnedFrom(acceptances);
  learned.setUntagged(untagged);
  return { corpus, stopwords, entities, learned, options: { relativeDates: settings.relativeDates, dateRanges: settings.dateRanges ?? 'whole' } };
}

/** Pass 2 for one document; `id` is the id it has in the corpus model, so its own lines are no repeats. */
export function analyseText(id: string, text: string, ctx: AnalysisContext): DocumentAnalysis {
  return analyseDocument(text, { ...ctx, options: { ...ctx.options, documentId: id } });
}

/**
 * One JSON Lines record: every non-empty line's decision and every suggestion (UTF-16 offsets); `extra`
 * fields (what the external suggesters said) come last.
 */
export function detectionJson(displayPath: string, analysis: DocumentAnalysis, extra?: Record<string, unknown>): string {
  const record = {
    path: displayPath,
    lines: analysis.lines.map((d: LineDecision) => ({ line: d.line, label: d.label, score: d.score, reasons: d.reasons })),
    suggestions: analysis.suggestions.map((s: Suggestion) => {
      const out: Record<string, unknown> = { start: s.start, end: s.end, label: s.label, text: s.text };
      if (s.value !== undefined) out.value = s.value;
      out.score = s.score;
      out.reasons = s.reasons;
      out.line = s.line;
      if (s.source !== undefined) out.source = s.source;
      const suggester = suggesterOfSource(s.source);
      if (suggester !== undefined) out.suggester = suggester;
      return out;
    }),
    ...extra,
  };
  return `${JSON.stringify(record)}\n`;
}

const TOP_SUGGESTIONS = 5;

/** A few readable lines per page: body line ranges, counts, the strongest suggestions. */
export function detectionSummary(displayPath: string, text: string, analysis: DocumentAnalysis): string {
  const nonEmpty = lineSpans(text).filter((span) => !isBlank(text, span.start, span.end)).length;
  const body = analysis.lines.filter((d) => d.label === 'body').map((d) => d.line);
  const perLabel = new Map<string, number>();
  for (const s of analysis.suggestions) perLabel.set(s.label, (perLabel.get(s.label) ?? 0) + 1);
  const counts = [...perLabel].sort(([a], [b]) => (a < b ? -1 : 1)).map(([label, n]) => `${label} ${n}`).join(', ');
  const out: string[] = [displayPath];
  const facts = [`${nonEmpty} non-empty lines`, `${body.length} body`];
  if (analysis.language) facts.push(`language ${analysis.language}`);
  out.push(`  ${facts.join(', ')}`);
  out.push(`  body lines: ${body.length > 0 ? bodyRanges(analysis.lines) : 'none'}`);
  out.push(`  suggestions: ${analysis.suggestions.length}${counts ? ` (${counts})` : ''}`);
  // The article's own entities first: suggestions on body lines, then by score.
  const bodyLines = new Set(body);
  const onBody = (s: Suggestion): number => (bodyLines.has(s.line) ? 0 : 1);
  const top = [...analysis.suggestions].sort((a, b) => onBody(a) - onBody(b) || b.score - a.score || a.start - b.start).slice(0, TOP_SUGGESTIONS);
  for (const s of top) {
    const value = s.value !== undefined && s.value !== s.text ? ` = ${Array.isArray(s.value) ? s.value.join(' | ') : s.value}` : '';
    const from = suggesterOfSource(s.source);
    out.push(`    ${s.label.padEnd(8)} ${s.score.toFixed(2)}  line ${s.line + 1}  "${s.text}"${value}${from !== undefined ? `  (${from})` : ''}`);
  }
  return `${out.join('\n')}\n\n`;
}

/**
 * Body lines as 1-based ranges ("4-19, 25"): a range runs over consecutive non-empty lines, so the blank
 * lines between paragraphs do not split it.
 */
export function bodyRanges(decisions: readonly LineDecision[]): string {
  const parts: string[] = [];
  let first: number | undefined;
  let last = 0;
  const close = (): void => {
    if (first !== undefined) parts.push(first === last ? `${first + 1}` : `${first + 1}-${last + 1}`);
    first = undefined;
  };
  for (const decision of decisions) {
    if (decision.label !== 'body') {
      close();
      continue;
    }
    first ??= decision.line;
    last = decision.line;
  }
  close();
  return parts.join(', ');
}
