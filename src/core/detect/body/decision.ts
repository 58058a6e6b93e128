// The decision: runs the stages of the body detector over one page. The page's lines become LineInfo
// (features.ts, with the feature cache; wrap.ts joins hard-wrapped paragraphs), every signal adds its
// log-odds evidence to them in one EvidenceLog owned by this analysis (signals/), the context step picks
// the article's main block (context/blocks.ts: tables, numbered lists and dialogue inside it do not break
// it), ends it before a box that closes it (context/articleEnd.ts), finds its headline, and the evidence
// becomes a label, a score in [0, 1] and the reasons behind it.

import type { LineDecision } from '../../model/types';
import { forEachLine, isBlank } from '../../text/lines';
import { mainScripts, scriptCounts, SCRIPTS, type ScriptName } from '../../text/script';
import { type BodyPageLesson, type CorpusModel, type LearnedCounts, ownLessonCounts } from '../corpus';
import type { StopwordLexicon } from '../stopwords';
import { trimArticleTail } from './context/articleEnd';
import { threadAroundBlock, trimReaderComments } from './context/comments';
import { articleBlocks, betweenBodyLines, extendBackOverTableHead, extendOverStructure, findHeadline, HEADLINE_LOOKBACK, isPlainLine, sentencesAtEdges, TABLE_LEAD_LINES } from './context/blocks';
import { EvidenceLog, PRIOR_LOGIT } from './evidence';
import { computeLineFeatures, type LineFeatureCache, type LineFeatureCacheEntry } from './features';
import { activeSiteModel, type BodyLearnerOptions, type BodyRow, DEFAULT_BODY_LEARNER, changedRunLimit, changedRuns, siteLogit, type SiteModel, siteReports, type SiteReport, SUBSTANTIAL_CHARS } from './learner';
import { FEATURE_COUNT, keepsHandSetDecision, lineModelFeatures, type PageEvidence } from './model';
import { isWordCode } from '../../text/normalize';
import { addCreditEvidence } from './signals/credit';
import { addDoubledEvidence } from './signals/doubled';
import { addLinkListEvidence, addOneLineMenuEvidence, addTeaserEvidence, addTitleTeaserListEvidence, isTitleLikeLine, markTitlesUnderSectionHeaders } from './signals/linkList';
import { addProseEvidence, MIN_DENSITY_WORDS } from './signals/prose';
import { addCorpusRepeatEvidence, addLearnedEvidence, addPageRepeatEvidence, duplicateCount, repeatedProseRuns, type CorpusView } from './signals/repeats';
import { addSlugEvidence } from './signals/slug';
import { isDataRow, markStructuredRuns } from './signals/structure';
import { addTimestampEvidence } from './signals/timestamp';
import type { Block, LineFeatures, LineInfo, PhysicalLine } from './types';
import { mayBeHardWrapped, paragraphGroups } from './wrap';

export interface DetectOptions {
  /** Id under which the document was added to the corpus, so it does not count as its own repeat. */
  documentId?: string;
  /** Stop-word language to use instead of guessing it from the text. */
  language?: string;
  /**
   * Per-line features of earlier runs on this document: after an edit only the changed lines are analysed
   * again. The decisions are the same with or without it.
   */
  cache?: LineFeatureCache;
  /**
   * How the body line model learns from the corpus's pages annotated for body (learner.ts); false: the
   * hand-set decision alone (to measure against it).
   */
  bodyLearner?: BodyLearnerOptions | false;
  /** Learned line counts the page itself added, left out of its evidence (see lessonRows). */
  ownLessons?: ReadonlyMap<number, LearnedCounts>;
}

/** Added to lines inside an article block, subtracted outside. */
const BLOCK_PULL = 2.2;
/** Inside a block, a line without conclusive evidence against it is body above this. */
const INSIDE_BLOCK_MIN = -4;
const HEADLINE_MIN = 1;
const TAGGED_MIN = 1;
/**
 * Outside the article, a line tagged body on one other page was most often part of that page's article
 * (its headline, now a link; a place name, now a menu item); tagged on this many, it is the annotator's
 * convention for the line, and followed everywhere.
 */
const CONVENTION_PAGES = 2;
/** A line gets a handful of pieces of evidence: the log is made that large from the start. */
const EXPECTED_EVIDENCE_PER_LINE = 4;

/** The hand-set passes over a page: its lines' evidence, the context's verdict and the reason for it. */
interface HandSetAnalysis extends PageEvidence {
  /** The page's evidence, with its reasons. */
  readonly log: EvidenceLog;
  readonly contextReasons: string[];
  /** The lines made body by the annotator's tags of the same line on other pages. */
  readonly carriedBodyTags: number[];
}

function analysePage(
  text: string,
  corpus: CorpusModel,
  stopwords: StopwordLexicon,
  options: DetectOptions,
): HandSetAnalysis | undefined {
  // The non-blank lines: numbers, offsets and trimmed texts (PhysicalLine objects only for a text that may
  // be hard-wrapped, as few are).
  const lineNumbers: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const texts: string[] = [];
  forEachLine(text, (line, start, end) => {
    if (isBlank(text, start, end)) return;
    lineNumbers.push(line);
    starts.push(start);
    ends.push(end);
    texts.push(text.slice(start, end).trim());
  });
  let groups: PhysicalLine[][] | undefined;
  if (mayBeHardWrapped(texts)) {
    const physical: PhysicalLine[] = [];
    for (let i = 0; i < texts.length; i++) physical.push({ line: lineNumbers[i], start: starts[i], end: ends[i], text: texts[i] });
    groups = paragraphGroups(physical);
  }
  const cache = options.cache;
  cache?.beginRun();
  const entries: LineFeatureCacheEntry[] | undefined = cache ? [] : undefined;
  const lines: LineInfo[] = [];
  const addLine = (line: number, start: number, end: number, lineText: string, members: readonly PhysicalLine[] | undefined): void => {
    let features: LineFeatures;
    if (entries) {
      const entry = (cache as LineFeatureCache).entry(lineText);
      entries.push(entry);
      features = entry.features;
    } else {
      features = computeLineFeatures(lineText);
    }
    lines.push(lineInfo(line, start, end, lineText, members, features, corpus.hashDocumentFrequency(features.hash)));
  };
  if (groups) {
    for (const group of groups) {
      const first = group[0];
      if (group.length === 1) addLine(first.line, first.start, first.end, first.text, undefined);
      else addLine(first.line, first.start, first.end, group.map((line) => line.text).join(' '), group);
    }
  } else {
    for (let i = 0; i < texts.length; i++) addLine(lineNumbers[i], starts[i], ends[i], texts[i], undefined);
  }
  if (lines.length === 0) return undefined;
  const log = new EvidenceLog(lines.length * EXPECTED_EVIDENCE_PER_LINE);
  const language = options.language ?? stopwords.guessLanguageOfWords(proseSample(lines), pageScripts(lines));
  cache?.useStopwords(stopwords, language);
  for (let i = 0; i < lines.length; i++) {
    const info = lines[i];
    // Shorter lines are judged without their density (see prose.ts).
    if (info.wordHashes.length < MIN_DENSITY_WORDS) continue;
    const entry = entries?.[i];
    let count = entry ? entry.stopwords : -1;
    if (count < 0) {
      count = stopwords.countStopwords(info.wordHashes, language);
      if (entry) entry.stopwords = count;
    }
    info.stopwordShare = count / info.wordHashes.length;
  }
  cache?.endRun();

  const selfInCorpus = options.documentId !== undefined && corpus.hasDocument(options.documentId);
  const ownCopies = (selfInCorpus ? 1 : 0) + duplicateCount(lines, selfInCorpus);
  const proseLevel = language === undefined ? undefined : typicalProseDensity(lines);
  const corpusView: CorpusView = { corpus, ownCopies };
  const inRepeatedRun = repeatedProseRuns(lines, ownCopies);
  for (let i = 0; i < lines.length; i++) {
    const info = lines[i];
    addProseEvidence(log, info, proseLevel);
    addCorpusRepeatEvidence(log, info, corpusView, inRepeatedRun[i] === 1);
    addLearnedEvidence(log, info, corpus, options.ownLessons);
    addDoubledEvidence(log, info);
    addTimestampEvidence(log, info);
    addCreditEvidence(log, info);
    addOneLineMenuEvidence(log, info);
  }
  addPageRepeatEvidence(log, lines);
  addSlugEvidence(log, lines, () => hasDiacritics(text));
  addLinkListEvidence(log, lines);
  addTeaserEvidence(log, lines);
  addTitleTeaserListEvidence(log, lines);
  markStructuredRuns(log, lines);

  const logits = new Float64Array(lines.length);
  for (let i = 0; i < lines.length; i++) logits[i] = lines[i].logit;
  let blocks = articleBlocks(lines, logits, ownCopies);
  // The lines [commentsFrom, commentsTo] are reader comments, and [boxFrom, boxTo] a box after the article,
  // taken out of the main block. Comments that outweigh the post they follow are the heaviest block: the
  // article is then the heaviest block before them, and the comments run to the page's end.
  let commentsFrom: number | undefined;
  let commentsTo = -1;
  const threadFrom = blocks.length > 0 ? threadAroundBlock(lines, blocks[0]) : undefined;
  const beforeThread = threadFrom === undefined ? [] : articleBlocks(lines, logits, ownCopies, threadFrom);
  if (beforeThread.length > 0) {
    blocks = beforeThread;
    commentsFrom = threadFrom;
    commentsTo = lines.length - 1;
  } else if (blocks.length > 0) {
    commentsTo = blocks[0].last;
    commentsFrom = trimReaderComments(lines, blocks[0], logits);
  }
  const boxTo = blocks.length > 0 ? blocks[0].last : -1;
  const boxFrom = blocks.length > 0 ? trimArticleTail(lines, blocks[0], (word) => isStopwordOf(stopwords, language, word)) : undefined;
  const announcedFrom = blocks.length > 0 ? extendOverStructure(lines, blocks[0], ownCopies) : undefined;
  const tableHeadFrom = blocks.length > 0 ? extendBackOverTableHead(lines, blocks[0]) : undefined;
  const headline = blocks.length > 0 ? findHeadline(lines, blocks[0], ownCopies, (word) => isStopwordOf(stopwords, language, word)) : undefined;
  const blockOf = new Array<Block | undefined>(lines.length);
  for (const block of blocks) {
    blockOf.fill(block, block.first, block.last + 1);
    markTitlesUnderSectionHeaders(lines, logits, ownCopies, block.first, block.last);
  }
  // The lead (sapo) may be cut off from the block by inline links and a photo: between a headline near the
  // main block and the block, lines with evidence of their own are body. Under a headline farther up, such
  // lines are a gallery's captions.
  const leadEnd = headline === undefined || blocks[0].first - headline > HEADLINE_LOOKBACK ? -1 : blocks[0].first;
  const inComments = (index: number): boolean => commentsFrom !== undefined && index >= commentsFrom && index <= commentsTo;
  const inBox = (index: number): boolean => (boxFrom !== undefined && index >= boxFrom && index <= boxTo) || inComments(index);
  const withEdges = blocks.length > 0 ? sentencesAtEdges(lines, blocks[0], (index) => !inBox(index) && isPlainLine(lines[index], ownCopies), headline) : undefined;

  const adjustedLogits = new Float64Array(lines.length);
  const contextReasons: string[] = [];
  const carriedBodyTags: number[] = [];
  for (let index = 0; index < lines.length; index++) {
    const info = lines[index];
    const logit = logits[index];
    let adjusted: number;
    let contextReason: string;
    const tagged = info.taggedBodyPages ?? 0;
    if (tagged > 0 && (blockOf[index] || tagged >= CONVENTION_PAGES)) {
      // The annotator's own tags of this line on other pages outweigh its evidence.
      adjusted = Math.max(logit, TAGGED_MIN);
      contextReason = blockOf[index] ? 'inside the main block' : 'outside the main block';
      carriedBodyTags.push(index);
    } else if (index === headline) {
      adjusted = Math.max(logit + BLOCK_PULL, HEADLINE_MIN);
      contextReason = 'headline before the main block';
    } else if (blockOf[index]) {
      const block = blockOf[index] as Block;
      if (info.conclusive) adjusted = Math.min(logit, -1);
      else if (info.listed) adjusted = Math.min(logit, -0.2);
      else if (logit > 0) adjusted = logit + BLOCK_PULL;
      else if (
        (announcedFrom !== undefined && index >= announcedFrom) ||
        (tableHeadFrom !== undefined && index >= tableHeadFrom && index < tableHeadFrom + TABLE_LEAD_LINES) ||
        isDataRow(info) ||
        (info.structure && betweenBodyLines(lines, logits, index, block))
      ) {
        adjusted = Math.max(logit + BLOCK_PULL, 0.2);
      } else if ((logit > INSIDE_BLOCK_MIN || isPlainLine(info, ownCopies)) && betweenBodyLines(lines, logits, index, block)) {
        adjusted = Math.max(logit + BLOCK_PULL, 0.2);
      } else adjusted = Math.min(logit, -0.2);
      contextReason = block === blocks[0] ? 'inside the main block' : 'inside a further article block';
      if (info.listed) contextReason += ', title under a section header repeated on other pages';
    } else if (headline !== undefined && index > headline && index < leadEnd && logit > 0 && !info.conclusive) {
      adjusted = logit;
      contextReason = 'lead after the headline';
    } else if (withEdges !== undefined && index >= withEdges.first && index <= withEdges.last) {
      adjusted = Math.max(logit + BLOCK_PULL, 0.2);
      contextReason = 'a sentence at the edge of the main block';
    } else {
      adjusted = Math.min(logit - BLOCK_PULL, -0.2);
      contextReason =
        inComments(index)
          ? 'after the article: reader comments'
          : inBox(index)
            ? 'after the article: a box under a section header'
            : tagged > 0
              ? 'outside the main block, where a body tag on one other page is not carried'
              : 'outside the main block';
    }
    adjustedLogits[index] = adjusted;
    contextReasons.push(contextReason);
  }
  return {
    log,
    lines,
    logits,
    adjusted: adjustedLogits,
    blocks,
    headline,
    proseLevel,
    otherPages: Math.max(0, corpus.documentCount - ownCopies),
    ownCopies,
    contextReasons,
    carriedBodyTags,
  };
}

export function detectLines(
  text: string,
  corpus: CorpusModel,
  stopwords: StopwordLexicon,
  options: DetectOptions = {},
): LineDecision[] {
  const page = analysePage(text, corpus, stopwords, options);
  if (!page) return [];
  const { log, lines, contextReasons } = page;
  const learner = options.bodyLearner ?? DEFAULT_BODY_LEARNER;
  const site = learner && corpus.bodyPageLessons.size >= 2 ? activeSiteModel(corpus, pageHashes(lines), rowsFor(corpus, stopwords, learner), stopwords, learner) : undefined;
  const adjusted = site ? siteDecision(page, site, learner as BodyLearnerOptions, contextReasons) : page.adjusted;
  const decisions: LineDecision[] = [];
  for (let index = 0; index < lines.length; index++) {
    const info = lines[index];
    const label = adjusted[index] >= 0 ? 'body' : 'boilerplate';
    const score = 1 / (1 + Math.exp(-adjusted[index]));
    if (!info.members) {
      const reasons = log.reasonsOf(info, contextReasons[index], undefined);
      decisions.push({ line: info.line, start: info.start, end: info.end, label, score, reasons });
      continue;
    }
    const reasons = log.reasonsOf(info, contextReasons[index], `wrapped paragraph of ${info.members.length} lines`);
    for (const member of info.members) {
      decisions.push({ line: member.line, start: member.start, end: member.end, label, score, reasons });
    }
  }
  return decisions;
}

/** The distinct hashes of a page's substantial lines: what tells its site (learner.ts). */
function pageHashes(lines: readonly LineInfo[]): Set<number> {
  const hashes = new Set<number>();
  for (const info of lines) if (!info.members && info.text.length >= SUBSTANTIAL_CHARS) hashes.add(info.hash);
  return hashes;
}

/** Whether the body line model leaves a line's hand-set decision alone: see keepsHandSetDecision; and the
 * lines the annotator's tags of the same line elsewhere decided. */
function keptByModel(info: LineInfo, features: Float64Array, learner: BodyLearnerOptions): boolean {
  return info.learned === true || keepsHandSetDecision(features, learner.learnBlockStart);
}

/**
 * The log-odds of a page's lines where its site's learned model decides; a reason where it overrules. A run
 * of lines it would overrule, longer than the runs it changed on the pages it was measured on allow
 * (changedRunLimit), keeps the hand-set decision and says so.
 */
function siteDecision(page: HandSetAnalysis, site: SiteModel, learner: BodyLearnerOptions, contextReasons: string[]): Float64Array {
  const adjusted = Float64Array.from(page.adjusted);
  const features = new Float64Array(FEATURE_COUNT);
  const decided: number[] = [];
  for (let index = 0; index < page.lines.length; index++) {
    lineModelFeatures(page, index, features);
    if (keptByModel(page.lines[index], features, learner)) continue;
    adjusted[index] = siteLogit(site.weights, features);
    decided.push(index);
  }
  const changesTo = (k: number): boolean | undefined => {
    const index = decided[k];
    return adjusted[index] >= 0 === page.adjusted[index] >= 0 ? undefined : adjusted[index] >= 0;
  };
  const limit = changedRunLimit(site);
  for (const [first, last] of changedRuns(decided.length, changesTo)) {
    let lines = 0;
    for (let k = first; k <= last; k++) lines += page.lines[decided[k]].members?.length ?? 1;
    for (let k = first; k <= last; k++) {
      const index = decided[k];
      if (lines > limit) {
        contextReasons[index] = `${contextReasons[index]}; kept: what ${site.pages} annotated pages of this site taught would change ${lines} lines in a row here, more than on the pages it was measured on (${site.longestChangedRun})`;
        adjusted[index] = page.adjusted[index];
      } else {
        contextReasons[index] = `${adjusted[index] >= 0 ? 'body' : 'boilerplate'} by what ${site.pages} annotated pages of this site taught (the rules alone: ${contextReasons[index]})`;
      }
    }
  }
  return adjusted;
}

/** What learning body lines measured on the annotator's pages, for the Suggestion quality view. */
export interface BodyLearningReport {
  /** The body line model, per site of the corpus's annotated pages (see learner.ts); empty with fewer than two. */
  sites: SiteReport[];
  /** Body tags carried to the same line on other pages, on the pages marked done (CorpusModel.bodyMemoryRecord). */
  memory: { right: number; wrong: number };
}

export function bodyLearningReport(corpus: CorpusModel, stopwords: StopwordLexicon, learner: BodyLearnerOptions = DEFAULT_BODY_LEARNER): BodyLearningReport {
  const carried = (id: string, lesson: BodyPageLesson, own: ReadonlyMap<number, LearnedCounts>): number[] => {
    const page = analyseLesson(id, lesson, own, corpus, stopwords);
    return page ? page.carriedBodyTags.map((index) => page.lines[index].hash) : [];
  };
  return { sites: siteReports(corpus, rowsFor(corpus, stopwords, learner), stopwords, learner), memory: corpus.bodyMemoryRecord(carried) };
}

/** The rows of annotated pages, for the learner (per corpus, lexicon and options, so its cache can tell). */
function rowsFor(corpus: CorpusModel, stopwords: StopwordLexicon, learner: BodyLearnerOptions): (id: string, lesson: BodyPageLesson) => BodyRow[] {
  return (id, lesson) => lessonRows(id, lesson, corpus, stopwords, learner);
}

/** An annotated page as the hand-set passes see it without its own tags (`own`, ownLessonCounts). */
function analyseLesson(id: string, lesson: BodyPageLesson, own: ReadonlyMap<number, LearnedCounts>, corpus: CorpusModel, stopwords: StopwordLexicon): HandSetAnalysis | undefined {
  return analysePage(lesson.text, corpus, stopwords, { documentId: corpus.hasDocument(id) ? id : undefined, ownLessons: own });
}

/**
 * What an annotated page teaches the body line model: its lines as the hand-set passes see them without
 * its own tags (the other pages' tags stay: at the next page they will be there too), each labelled by
 * the tags: a tagged line by its tag; on a done page an untagged line is boilerplate, elsewhere it
 * teaches nothing. Lines the model leaves alone teach nothing either.
 */
export function lessonRows(id: string, lesson: BodyPageLesson, corpus: CorpusModel, stopwords: StopwordLexicon, learner: BodyLearnerOptions = DEFAULT_BODY_LEARNER): BodyRow[] {
  const labels = new Map<number, 'body' | 'boilerplate'>(lesson.lines.map(([line, label]) => [line, label]));
  const page = analyseLesson(id, lesson, ownLessonCounts(lesson), corpus, stopwords);
  if (!page) return [];
  const rows: BodyRow[] = [];
  for (let index = 0; index < page.lines.length; index++) {
    const info = page.lines[index];
    const features = new Float64Array(FEATURE_COUNT);
    lineModelFeatures(page, index, features);
    if (keptByModel(info, features, learner)) continue;
    let body = 0;
    let counted = 0;
    for (const line of info.members ? info.members.map((member) => member.line) : [info.line]) {
      const label = labels.get(line) ?? (lesson.done ? 'boilerplate' : undefined);
      if (label === undefined) continue;
      counted++;
      if (label === 'body') body++;
    }
    if (counted > 0) rows.push({ features, label: body * 2 >= counted ? 1 : 0, weight: counted });
  }
  return rows;
}

/**
 * One line (or wrapped paragraph) as a learned combination of the evidence would see it (model.ts): the
 * input of research/fit-body-model.ts, which measures whether such a model beats the hand-set decision.
 */
export interface LineModelRow {
  /** The document lines it stands for (several for a wrapped paragraph). */
  readonly lines: readonly number[];
  readonly features: Float64Array;
}

/** The model's input for every non-empty line of a page, in the page's order. */
export function lineModelRows(
  text: string,
  corpus: CorpusModel,
  stopwords: StopwordLexicon,
  options: DetectOptions = {},
): LineModelRow[] {
  const page = analysePage(text, corpus, stopwords, options);
  if (!page) return [];
  return page.lines.map((info, index) => {
    const features = new Float64Array(FEATURE_COUNT);
    lineModelFeatures(page, index, features);
    return { lines: info.members ? info.members.map((member) => member.line) : [info.line], features };
  });
}

/** Whether a word (its wordHash) is a single-word stop word of the language (none when it is unknown). */
function isStopwordOf(stopwords: StopwordLexicon, language: string | undefined, word: number): boolean {
  return language !== undefined && stopwords.isStopword(word, language);
}

const PROSE_MIN_WORDS = 15;
const PROSE_MIN_LINES = 3;
/** Density assumed for a page with too little prose to measure it (jusText's thresholds follow from it). */
const DEFAULT_PROSE_LEVEL = 0.4;

/**
 * The stop-word density of the page's long lines (their median): what prose looks like in this language
 * and with this list. Vietnamese lists hit even titles often, English lists much less.
 */
function typicalProseDensity(lines: readonly LineInfo[]): number {
  let count = 0;
  for (const info of lines) if (info.wordHashes.length >= PROSE_MIN_WORDS) count++;
  if (count < PROSE_MIN_LINES) return DEFAULT_PROSE_LEVEL;
  const densities = new Float64Array(count);
  count = 0;
  for (const info of lines) if (info.wordHashes.length >= PROSE_MIN_WORDS) densities[count++] = info.stopwordShare;
  densities.sort();
  return densities[Math.floor(densities.length / 2)];
}

function lineInfo(
  line: number,
  start: number,
  end: number,
  text: string,
  members: readonly PhysicalLine[] | undefined,
  features: LineFeatures,
  documentFrequency: number,
): LineInfo {
  return {
    line,
    start,
    end,
    members,
    text,
    width: features.width,
    features,
    hash: features.hash,
    wordHashes: features.wordHashes,
    numberWords: features.numberWords,
    documentFrequency,
    stopwordShare: 0,
    endsSentence: features.endsSentence,
    innerSentenceEnds: features.innerSentenceEnds,
    writtenTwice: features.writtenTwice,
    timestampLike: features.timestampLike,
    creditLike: features.creditLike,
    titleLike: isTitleLikeLine(text, features.unpunctuated, features.width, features.wordHashes.length, features.innerSentenceEnds, features.endsSentence),
    logit: PRIOR_LOGIT,
    firstEvidence: -1,
    lastEvidence: -1,
    // Every field from the start, so that all lines share one object shape.
    conclusive: undefined,
    linkLike: undefined,
    taggedBodyPages: undefined,
    learned: undefined,
    structure: undefined,
    dated: undefined,
    copied: undefined,
    listed: undefined,
  };
}

const SAMPLE_MIN_WORDS = 8;
const SAMPLE_WORDS = 250;

/** Words of the page's longer lines (prose, where stop words are), enough to guess the language. */
function proseSample(lines: readonly LineInfo[]): number[] {
  const sample: number[] = [];
  for (const info of lines) {
    if (info.wordHashes.length < SAMPLE_MIN_WORDS) continue;
    for (const word of info.wordHashes) sample.push(word);
    if (sample.length >= SAMPLE_WORDS) return sample;
  }
  // A page without prose: any words will do.
  return sample.length > 0 ? sample : lines.flatMap((info) => info.wordHashes).slice(0, SAMPLE_WORDS);
}

const SCRIPT_SAMPLE_CHARS = 1_500;

/**
 * The scripts of the page's prose (its longer lines; every line on a page without prose): the languages
 * the stop-word guess may choose from.
 */
function pageScripts(lines: readonly LineInfo[]): ScriptName[] {
  const counts = new Uint32Array(SCRIPTS.length);
  let sampled = 0;
  for (const pass of [SAMPLE_MIN_WORDS, 0]) {
    for (const info of lines) {
      if (info.wordHashes.length < pass) continue;
      const letters = scriptCounts(info.text);
      for (let i = 0; i < letters.length; i++) counts[i] += letters[i];
      sampled += info.text.length;
      if (sampled >= SCRIPT_SAMPLE_CHARS) break;
    }
    if (sampled > 0) break;
  }
  return mainScripts(counts, SCRIPT_SHARE);
}

/** A page is written in the scripts holding this share of its prose's letters. */
const SCRIPT_SHARE = 0.2;

const DIACRITICS_SAMPLE_CHARS = 2_000;
const DIACRITICS_MIN_SHARE = 0.03;

/** Whether the page's letters include a fair share of non-ASCII ones (Vietnamese, French, Czech...). */
function hasDiacritics(text: string): boolean {
  const limit = Math.min(text.length, DIACRITICS_SAMPLE_CHARS);
  let ascii = 0;
  let other = 0;
  for (let i = 0; i < limit; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) ascii++;
    else if (code > 127 && isWordCode(code)) other++;
  }
  return other > DIACRITICS_MIN_SHARE * (ascii + other);
}
