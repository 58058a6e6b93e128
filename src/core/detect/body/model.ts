// A learned combination of the evidence: a model (logistic regression or boosted stumps) over what the
// hand-set passes already know about a line and its neighbours (its own evidence, the context's verdict,
// block membership, position relative to the headline and the main block, the evidence and shape of the
// lines around it). research/fit-body-model.ts fits it and measures it with pages of a site held out
// together. detectLines does not use it: measured that way it did not beat the hand-set decision without
// dropping headlines, which our guidelines count as body (see the script's header for the numbers).

import type { Block, LineInfo } from './types';

/** What the hand-set passes found on a page, as the model reads it. */
export interface PageEvidence {
  readonly lines: readonly LineInfo[];
  /** Each line's own evidence (LineInfo.logit). */
  readonly logits: ArrayLike<number>;
  /** The hand-set decision's log-odds after the context step. */
  readonly adjusted: Float64Array;
  readonly blocks: readonly Block[];
  readonly headline: number | undefined;
  /** Typical stop-word density of the page's prose (undefined: language unknown). */
  readonly proseLevel: number | undefined;
  /** Pages of the corpus other than this one and its copies. */
  readonly otherPages: number;
  readonly ownCopies: number;
}

/** Names of the features, in the order of the vector (for the fitting script's report). */
export const FEATURE_NAMES = [
  'adjusted',
  'adjusted is body',
  'own evidence',
  'mean adjusted of +-2',
  'adjusted -2',
  'adjusted -1',
  'adjusted +1',
  'adjusted +2',
  'evidence -1',
  'evidence +1',
  'in main block',
  'in further block',
  'headline',
  'up to the main block start',
  'before headline',
  'between headline and block',
  'after main block (log lines)',
  'near main block end',
  'conclusive',
  'link-like',
  'structure',
  'dated',
  'credit-like',
  'log chars',
  'relative stop-word density',
  'ends sentence',
  'inner sentence ends',
  'ends with colon',
  'previous ends with colon',
  'repeated on other pages',
  'copied in page',
  'capitalised word share',
  'digit share',
  'label before a colon',
  'position in main block',
  'log lines to main block end',
  'neighbours end sentences',
  'neighbours log chars',
  'address or handle',
] as const;

export const FEATURE_COUNT = FEATURE_NAMES.length;

const CLIP = 8;
const clip = (value: number): number => (value > CLIP ? CLIP : value < -CLIP ? -CLIP : value);

/** Writes line `index`'s features into `out` (length FEATURE_COUNT). */
export function lineModelFeatures(page: PageEvidence, index: number, out: Float64Array): void {
  const { lines, logits, adjusted } = page;
  const info = lines[index];
  const adjustedAt = (at: number): number => (at >= 0 && at < lines.length ? clip(adjusted[at]) : -CLIP / 2);
  const logitAt = (at: number): number => (at >= 0 && at < lines.length ? clip(logits[at]) : -CLIP / 2);
  const main = page.blocks[0];
  let inMain = 0;
  let inFurther = 0;
  for (let b = 0; b < page.blocks.length; b++) {
    const block = page.blocks[b];
    if (index >= block.first && index <= block.last) {
      if (b === 0) inMain = 1;
      else inFurther = 1;
    }
  }
  const headline = page.headline;
  const afterMain = main !== undefined && index > main.last ? index - main.last : 0;
  const blockLength = main === undefined ? 0 : main.last - main.first + 1;
  const nearEnd = inMain && main !== undefined && blockLength >= 6 && main.last - index < 3 ? 1 : 0;
  const chars = info.text.length;
  const words = info.wordHashes.length;
  const density =
    page.proseLevel === undefined || words < 3 ? 0 : Math.min(2, info.stopwordShare / Math.max(page.proseLevel, 0.2));
  const others = info.documentFrequency - page.ownCopies;

  let k = 0;
  out[k++] = clip(adjusted[index]);
  out[k++] = adjusted[index] >= 0 ? 1 : 0;
  out[k++] = clip(logits[index]);
  out[k++] = (adjustedAt(index - 2) + adjustedAt(index - 1) + adjustedAt(index + 1) + adjustedAt(index + 2)) / 4;
  out[k++] = adjustedAt(index - 2);
  out[k++] = adjustedAt(index - 1);
  out[k++] = adjustedAt(index + 1);
  out[k++] = adjustedAt(index + 2);
  out[k++] = logitAt(index - 1);
  out[k++] = logitAt(index + 1);
  out[k++] = inMain;
  out[k++] = inFurther;
  out[k++] = index === headline ? 1 : 0;
  out[k++] = main === undefined || index <= main.first ? 1 : 0;
  out[k++] = headline !== undefined && index < headline ? 1 : 0;
  out[k++] = headline !== undefined && main !== undefined && index > headline && index < main.first ? 1 : 0;
  out[k++] = Math.log1p(afterMain);
  out[k++] = nearEnd;
  out[k++] = info.conclusive ? 1 : 0;
  out[k++] = info.linkLike ? 1 : 0;
  out[k++] = info.structure ? 1 : 0;
  out[k++] = info.dated ? 1 : 0;
  out[k++] = info.creditLike ? 1 : 0;
  out[k++] = Math.log1p(chars) / 5;
  out[k++] = density;
  out[k++] = info.endsSentence ? 1 : 0;
  out[k++] = Math.min(info.innerSentenceEnds, 3);
  out[k++] = info.text.endsWith(':') ? 1 : 0;
  out[k++] = index > 0 && lines[index - 1].text.endsWith(':') ? 1 : 0;
  out[k++] = page.otherPages > 0 && others > 0 ? Math.min(1, others / Math.max(1, Math.min(4, page.otherPages / 2))) : 0;
  out[k++] = info.copied ? 1 : 0;
  textShape(info.text, out, k);
  k += 3;
  out[k++] = inMain && main !== undefined ? (index - main.first) / blockLength : 0;
  out[k++] = inMain && main !== undefined ? Math.log1p(main.last - index) : 0;
  let sentences = 0;
  let neighbourChars = 0;
  for (const at of [index - 2, index - 1, index + 1, index + 2]) {
    if (at < 0 || at >= lines.length) continue;
    if (lines[at].endsSentence) sentences++;
    neighbourChars += Math.log1p(lines[at].text.length) / 5;
  }
  out[k++] = sentences / 4;
  out[k++] = neighbourChars / 4;
  out[k++] = ADDRESS.test(info.text) ? 1 : 0;
}

/** A web address, an e-mail address, a social-media handle or a hashtag. */
const ADDRESS = /https?:|www\.|\w@\w|(^|\s)[@#]\w/;

const LABEL_MAX_CHARS = 25;

/**
 * Capitalised words among the words (titles of other articles are in title case in many languages), digits
 * among the characters (scores, tables, dates), and whether a short label comes before a colon ("Source:").
 */
function textShape(text: string, out: Float64Array, at: number): void {
  let words = 0;
  let capitalised = 0;
  let digits = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
    const lower = char.toLowerCase();
    const isLetter = lower !== char.toUpperCase();
    if (isLetter && !inWord) {
      words++;
      if (lower !== char) capitalised++;
    }
    inWord = isLetter || (code >= 48 && code <= 57) || char === "'" || char === '’' || char === '-';
  }
  const colon = text.indexOf(':');
  out[at] = words === 0 ? 0 : capitalised / words;
  out[at + 1] = text.length === 0 ? 0 : digits / text.length;
  out[at + 2] = colon > 0 && colon < LABEL_MAX_CHARS && colon < text.length - 1 ? 1 : 0;
}

const ADJUSTED = 0;
const HEADLINE = FEATURE_NAMES.indexOf('headline');
const UP_TO_BLOCK = FEATURE_NAMES.indexOf('up to the main block start');
const CONCLUSIVE = FEATURE_NAMES.indexOf('conclusive');

/**
 * Whether a line keeps the hand-set decision: lines with conclusive evidence (a title written twice, a
 * slug, a template line), which the hand-set passes never let the context overrule either, and the
 * headline, the lead and whatever comes before the main block: the headline is body by our guidelines but
 * not in every gold set the model is fitted on, and that difference must not teach the model to drop
 * title-like lines at the start of an article (learnBlockStart lifts that last exception, to measure it).
 */
export function keepsHandSetDecision(features: Float64Array, learnBlockStart = false): boolean {
  return features[HEADLINE] === 1 || (!learnBlockStart && features[UP_TO_BLOCK] === 1) || features[CONCLUSIVE] === 1;
}

/** One split of a feature: adds `below` when the feature is under `threshold`, `above` otherwise. */
export interface Stump {
  readonly feature: number;
  readonly threshold: number;
  readonly below: number;
  readonly above: number;
}

/** A linear part (weights per feature) plus a sum of stumps (boosted), around a bias. */
export interface BodyModel {
  readonly bias: number;
  readonly weights: readonly number[];
  readonly stumps: readonly Stump[];
}

/** The model's log-odds that the line is body. */
export function modelLogit(features: Float64Array, model: BodyModel, learnBlockStart = false): number {
  if (keepsHandSetDecision(features, learnBlockStart)) return features[ADJUSTED];
  return linearLogit(features, model);
}

function linearLogit(features: Float64Array, model: BodyModel): number {
  let sum = model.bias;
  const weights = model.weights;
  for (let i = 0; i < weights.length; i++) sum += weights[i] * features[i];
  for (const stump of model.stumps) sum += features[stump.feature] < stump.threshold ? stump.below : stump.above;
  return sum;
}
