// Body vs boilerplate, line by line. Each signal adds log-odds evidence to the lines (see the modules of
// this folder); the context step then picks the article's main block and its headline, and turns the
// evidence into a label, a score in [0, 1] and the reasons behind it.

import type { LineDecision } from '../../model/types';
import { isBlank, lineSpans } from '../../text/lines';
import type { CorpusModel } from '../corpus';
import type { StopwordLexicon } from '../stopwords';
import { articleBlocks, betweenBodyLines, findHeadline, type Block } from './context';
import { addDoubledEvidence } from './doubled';
import { addEvidence, countInnerSentenceEnds, endsLikeSentence, logitOf, type LineInfo } from './lineInfo';
import { addLinkListEvidence, addTeaserEvidence, addTitleTeaserListEvidence } from './linkList';
import { foldCase, isWordCode, splitFolded } from './normalize';
import { addProseEvidence, MIN_DENSITY_WORDS } from './prose';
import { addCorpusRepeatEvidence, addLearnedEvidence, addPageRepeatEvidence } from './repeats';
import { addSlugEvidence } from './slug';
import { addTimestampEvidence } from './timestamp';

export interface DetectOptions {
  /** Id under which the document was added to the corpus, so it does not count as its own repeat. */
  documentId?: string;
  /** Stop-word language to use instead of guessing it from the text. */
  language?: string;
}

/** Evidence every line starts with: a line is boilerplate until something speaks for it. */
const PRIOR = -0.6;
/** Added to lines inside an article block, subtracted outside. */
const BLOCK_PULL = 2.2;
/** Inside a block, a line without conclusive evidence against it is body above this. */
const INSIDE_BLOCK_MIN = -4;
const HEADLINE_MIN = 1;

export function detectLines(
  text: string,
  corpus: CorpusModel,
  stopwords: StopwordLexicon,
  options: DetectOptions = {},
): LineDecision[] {
  const lines: LineInfo[] = [];
  for (const span of lineSpans(text)) {
    if (isBlank(text, span.start, span.end)) continue;
    const trimmed = text.slice(span.start, span.end).trim();
    const folded = foldCase(trimmed);
    const { words, hash } = splitFolded(folded);
    lines.push({
      line: span.line,
      start: span.start,
      end: span.end,
      text: trimmed,
      hash,
      words,
      stopwordShare: 0,
      endsSentence: endsLikeSentence(trimmed),
      innerSentenceEnds: countInnerSentenceEnds(trimmed),
      evidence: [],
    });
  }
  if (lines.length === 0) return [];
  const language = options.language ?? stopwords.guessLanguageOfWords(proseSample(lines));
  for (const info of lines) {
    // Shorter lines are judged without their density (see prose.ts).
    if (info.words.length < MIN_DENSITY_WORDS) continue;
    const stats = stopwords.statsOfWords(info.words, language);
    info.stopwordShare = stats.stopwords / stats.words;
  }

  const selfInCorpus = options.documentId !== undefined && corpus.hasDocument(options.documentId);
  const proseLevel = language === undefined ? undefined : typicalProseDensity(lines);
  for (const info of lines) {
    addEvidence(info, PRIOR, 'prior');
    addProseEvidence(info, proseLevel);
    addCorpusRepeatEvidence(info, { corpus, selfInCorpus });
    addLearnedEvidence(info, corpus);
    addDoubledEvidence(info);
    addTimestampEvidence(info);
  }
  addPageRepeatEvidence(lines);
  addSlugEvidence(lines, () => hasDiacritics(text));
  addLinkListEvidence(lines);
  addTeaserEvidence(lines);
  addTitleTeaserListEvidence(lines);

  const logits = lines.map(logitOf);
  const blocks = articleBlocks(lines, logits);
  const headline = blocks.length > 0 ? findHeadline(lines, blocks[0]) : undefined;
  const blockOf = new Array<Block | undefined>(lines.length);
  for (const block of blocks) blockOf.fill(block, block.first, block.last + 1);
  // The lead (sapo) may be cut off from the block by inline links and a photo: between the headline and
  // the main block, lines with evidence of their own are body.
  const leadEnd = headline === undefined ? -1 : blocks[0].first;

  return lines.map((info, index) => {
    const logit = logits[index];
    let adjusted: number;
    let contextReason: string;
    if (index === headline) {
      adjusted = Math.max(logit + BLOCK_PULL, HEADLINE_MIN);
      contextReason = 'headline before the main block';
    } else if (blockOf[index]) {
      const block = blockOf[index] as Block;
      if (info.conclusive) adjusted = Math.min(logit, -1);
      else if (logit > 0) adjusted = logit + BLOCK_PULL;
      else if (logit > INSIDE_BLOCK_MIN && betweenBodyLines(lines, logits, index, block)) adjusted = Math.max(logit + BLOCK_PULL, 0.2);
      else adjusted = Math.min(logit, -0.2);
      contextReason = block === blocks[0] ? 'inside the main block' : 'inside a further article block';
    } else if (headline !== undefined && index > headline && index < leadEnd && logit > 0 && !info.conclusive) {
      adjusted = logit;
      contextReason = 'lead after the headline';
    } else {
      adjusted = Math.min(logit - BLOCK_PULL, -0.2);
      contextReason = 'outside the main block';
    }
    return {
      line: info.line,
      start: info.start,
      end: info.end,
      label: adjusted >= 0 ? 'body' : 'boilerplate',
      score: 1 / (1 + Math.exp(-adjusted)),
      reasons: [contextReason, ...reasonsOf(info)],
    };
  });
}

const PROSE_MIN_CHARS = 100;

/**
 * The stop-word density of the page's long lines (their median): what prose looks like in this language
 * and with this list. Vietnamese lists hit even titles often, English lists much less.
 */
function typicalProseDensity(lines: readonly LineInfo[]): number | undefined {
  const densities = lines.filter((info) => info.text.length >= PROSE_MIN_CHARS).map((info) => info.stopwordShare);
  if (densities.length < 3) return undefined;
  densities.sort((a, b) => a - b);
  return densities[Math.floor(densities.length / 2)];
}

const SAMPLE_MIN_WORDS = 8;
const SAMPLE_WORDS = 400;

/** Words of the page's longer lines (prose, where stop words are), enough to guess the language. */
function proseSample(lines: readonly LineInfo[]): string[] {
  const sample: string[] = [];
  for (const info of lines) {
    if (info.words.length < SAMPLE_MIN_WORDS) continue;
    for (const word of info.words) sample.push(word);
    if (sample.length >= SAMPLE_WORDS) return sample;
  }
  // A page without prose: any words will do.
  return sample.length > 0 ? sample : lines.flatMap((info) => info.words).slice(0, SAMPLE_WORDS);
}

const DIACRITICS_SAMPLE_CHARS = 5_000;
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

/** The evidence's reasons, strongest first; the prior is implied and left out. */
function reasonsOf(info: LineInfo): string[] {
  return info.evidence
    .filter((item) => item.reason !== 'prior')
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .map((item) => item.reason);
}
