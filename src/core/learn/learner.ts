// The span learner: a sequence tagger trained on the annotator's decisions, gated by its measured quality.
//
// Training input (TrainingExample): a page's rule analysis (LearningDocument, from learningDocument() in
// detect/analyse.ts), its tags (any source), its dismissed suggestions, and whether it is done. On a done
// page every untagged token is a negative; elsewhere only the tagged tokens (and the dismissed ones) teach.
//
// Self-gating: the done pages are split into folds; for each fold a tagger trained on everything else
// tags it, beside the control (what Newsmark suggests without learning: the rules plus exact repeats of
// tagged texts). The learned tagger replaces the rules for a label only when its exact F1 on those
// held-out pages is higher, and surely so: in 9 of 10 redraws of the pages (a bootstrap), not by chance of
// which few pages were measured. The same held-out predictions calibrate its scores (Platt scaling of the
// Viterbi margin) and measure each rule's precision, which becomes the score of that rule's suggestions.
// With no done page nothing is measured and the rules' output is left exactly as it is.
//
// Where the tagger took over, a rule suggestion it leaves out stays when the span holds a word the tagger
// has no weight for: it never saw that word, so its silence there says nothing (a new section's names).
//
// Its parts: prepared.ts (the examples as the tagger reads them, and the fit), decode.ts (tagging a page),
// heldOut.ts (the held-out measurement behind the gate) and quickFit.ts (the model shown right after a
// decision).

import type { ActorGrammar } from '../detect/actors';
import type { Tokens } from '../detect/words';
import { WordClasses, type WordClassesData } from '../detect/wordClasses';
import type { WordProfile } from '../detect/wordProfile';
import { firstStartingAt } from '../model/annotations';
import type { Suggestion } from '../model/types';
import type { AnalysisContext } from '../detect/analyse';
import { LearnedEntities } from '../detect/learned';
import { countUntagged } from '../detect/untagged';
import { plattFit, plattScaling, sigmoid } from './calibration';
import { fallbackGaps, splitAtRuleSeams, tagDocument, type TaggedSpan } from './decode';
import { FEATURE_VERSION } from './features';
import { GATE_CONFIDENCE } from './gate';
import { advantageBound, emptyScores, finish, measureDoc, type PageCounts, unknownFallbacks } from './heldOut';
import { addFeatures, fit, LEARNED_RULE, prepare, REPEAT_RULE } from './prepared';
import { exampleFingerprint, type QuickCandidate, quickFit, teachingTokenCount } from './quickFit';
import { Perceptron } from './tagger';

export { LEARNED_RULE } from './prepared';

/** One non-blank line of a page: its 0-based number, its offset in the page and its tokens (line-relative). */
export interface LearningLine {
  line: number;
  start: number;
  tokens: Tokens;
}

/** What the learner reads of a page: its lines' tokens and the rules' suggestions on it. */
export interface LearningDocument {
  lines: readonly LearningLine[];
  /** Rule suggestions (document offsets), any label; propagation (rule 'accepted') is not used as evidence. */
  suggestions: readonly Suggestion[];
  /** The grammar the tokens were made with (lexicon features). */
  grammar: ActorGrammar;
  /** How the corpus writes each word (word profile features); the same profile in training and tagging. */
  words?: WordProfile;
  /** The word classes of the model that reads the page (the learner sets them: they belong to the model,
   * which may come from another corpus, not to the page). */
  classes?: WordClasses;
  /** The page's text (learningDocument sets it): with LearnerOptions.context, the control is measured by
   * analysing it as Newsmark does without learning. */
  text?: string;
}

export interface LabelledSpan {
  start: number;
  end: number;
  label: string;
}

export interface TrainingExample {
  doc: LearningDocument;
  /** Confirmed tags of the page (document offsets); labels the learner does not learn are ignored. */
  tags: readonly LabelledSpan[];
  /** Suggestions the annotator dismissed there. */
  dismissed?: readonly LabelledSpan[];
  /** Status done: the page is fully annotated. */
  done: boolean;
}

export interface LearnerOptions {
  /** Labels to learn; default: 'actor' and every label tagged in the examples except body, boilerplate and
   * date (date suggestions carry ISO values a tagger cannot make). */
  labels?: readonly string[];
  /** Passes over the training data (default 15). */
  epochs?: number;
  /** Folds of the done pages for gating and calibration (default 4; 0: no gating, trust the model). */
  folds?: number;
  /** Weight buckets, as a power of two (default 19). */
  bits?: number;
  /** The analysis context: with it, the held-out control is Newsmark's own analysis without the learner
   * (the rules and the repeats of the other folds' tags, exactly as suggested); without it, an estimate. */
  context?: AnalysisContext;
  /** A learner trained and measured on (nearly) the same decisions: its gate, calibration and rule scores
   * are kept and nothing is measured, so only the final model is fitted (about a fifth of the time). The
   * editor shows that model within moments of a decision, then measures again in the background. */
  measuredBy?: SpanLearner;
  /** With measuredBy: the token passes the full fit may make (default QUICK_FIT_TOKEN_PASSES, about a second);
   * past them, the last measured model is refined with a third as many (see quickFit.ts). */
  quickTokenPasses?: number;
  /**
   * Which order the training passes take the lines in (default 0, the editor's). The order is fixed so that
   * the same decisions give the same model; an evaluation varies it to show how much a result owes to it.
   */
  seed?: number;
}

export interface SpanScores {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

/** What the last training measured, for the Suggestion quality view and the model file. */
export interface LearnerQuality {
  /** Pages trained on, done pages among them, tags learned from. */
  documents: number;
  done: number;
  tags: number;
  /** Folds of the held-out measurement (0: not measured). */
  folds: number;
  /** Per label: the learned tagger and the control on held-out done pages, how much better the tagger surely
   * is (`advantage`: the exact-F1 difference that 9 in 10 bootstrap redraws of those pages exceed; the
   * tagger is used only above 0), whether it is used, and the rules' suggestions it left out that hold a
   * word it never learned (how many, how many right, and how their rightness follows the tagger's gap, see
   * SpanLearner.fallback). */
  labels: Record<string, { active: boolean; learned: SpanScores; control: SpanScores; advantage?: number; unknown?: UnknownWordFallbacks }>;
  /** Per "label:rule id": suggestions on held-out done pages and how many were exactly right. */
  rules: Record<string, { suggested: number; correct: number }>;
}

/** Measured rule suggestions holding a word the tagger never learned, left out by the tagger. */
export interface UnknownWordFallbacks {
  suggested: number;
  correct: number;
  /** Platt scaling of minus the tagger's gap (Perceptron.spanGap) to the chance the suggestion is right. */
  calibration?: { a: number; b: number };
}

export const MODEL_FORMAT = 'newsmark-model';
export const MODEL_VERSION = 2;

/** A model file (JSON). */
export interface ModelFile {
  format: typeof MODEL_FORMAT;
  version: number;
  features: number;
  labels: string[];
  bits: number;
  /** Non-zero emission weights: base64 of little-endian Int32 indexes and Float32 values. */
  weightIndexes: string;
  weightValues: string;
  transitions: number[];
  calibration: { a: number; b: number };
  quality: LearnerQuality;
  /** The word classes the model's features read (detect/wordClasses.ts), made from its training corpus. */
  classes?: WordClassesData;
}

/** A model file that cannot be used, with a message that says why and what to do. */
export class ModelFileError extends Error {}

// Averaged perceptron passes: on the development curves exact F1 rose up to 15 passes (about +0.01 to +0.03
// a batch over 6) and hardly after.
const DEFAULT_EPOCHS = 15;
const DEFAULT_FOLDS = 4;
/** Token passes of a quick fit (see quickFit.ts): 15 passes over 200 annotated pages of 5 kB, which take about
 * 0.8 s of CPU in `npm run bench`. */
const QUICK_FIT_TOKEN_PASSES = 3_000_000;
const DEFAULT_BITS = 19;
/** Held-out tags of a label the tagger must have been measured on before it may replace the rules: a few
 * small pages cannot show it better. */
const MIN_GATE_TAGS = 30;
/**
 * The chance of being right below which a rule suggestion the tagger left out is not shown: a page's right
 * suggestions are taken by one bulk accept, so a right one saves adding the tag by hand (2 actions) and a
 * wrong one costs a dismissal (1); showing pays above 1 in 3. (On the development curves, also keeping
 * them above half the tagger's measured F1, where they would raise F1, gave the same within 0.003.)
 */
const FALLBACK_PRECISION = 1 / 3;
/** The reason shown on a rule suggestion kept where the learned tagger took over. */
export const UNKNOWN_WORD_REASON = 'kept beside the learned model: it holds a word the model has not learned';
export const REPEAT_REASON = 'the same text the learned model found elsewhere on this page';
const NOT_LEARNED = new Set(['body', 'boilerplate', 'date']);



export class SpanLearner {
  private constructor(
    readonly labels: readonly string[],
    private readonly bits: number,
    private model: Perceptron | undefined,
    private calibration: { a: number; b: number },
    private measured: LearnerQuality,
    private readonly base?: Perceptron,
    /** Fingerprints of the pages the last measured training fitted its model on (see exampleFingerprint, quickFit.ts). */
    private readonly fittedOn: ReadonlySet<string> = new Set(),
    /** The word classes of the model's features: those of the corpus it was first trained on. */
    readonly classes?: WordClasses,
  ) {}

  /** A learner that has learned nothing: it leaves the rules' suggestions as they are. */
  static empty(): SpanLearner {
    return new SpanLearner([], DEFAULT_BITS, undefined, { a: 1, b: 0 }, emptyQuality(), undefined);
  }

  /** What the last training measured. */
  get quality(): LearnerQuality {
    return this.measured;
  }

  /** Whether the learned tagger replaces the rules for `label`. */
  active(label: string): boolean {
    return this.model !== undefined && this.measured.labels[label]?.active === true;
  }

  /** Whether the learner changes anything about suggestions (a tagger in use, or rule scores measured). */
  get changesSuggestions(): boolean {
    return this.model !== undefined && (this.labels.some((l) => this.active(l)) || Object.keys(this.measured.rules).length > 0);
  }

  /**
   * A new learner trained on `examples` (this one's model, if any, is the starting point: a model loaded
   * from a file is refined by the corpus's own decisions). Deterministic: the same examples give the same
   * model.
   */
  train(given: readonly TrainingExample[], options: LearnerOptions = {}): SpanLearner {
    const labels = chooseLabels(given, options.labels ?? (this.model ? this.labels : undefined));
    const base = this.model && sameLabels(this.labels, labels) ? this.model : this.base;
    const measured = options.measuredBy;
    // a model trained before keeps the classes its weights were learned with; a new one classes this corpus
    const classes = measured ? measured.classes : base ? this.classes : given.find((e) => e.doc.words)?.doc.words?.wordClasses();
    const examples = given.map((e) => {
      const doc = withClasses(e.doc, classes);
      return doc === e.doc ? e : { ...e, doc };
    });
    const epochs = options.epochs ?? DEFAULT_EPOCHS;
    const bits = base?.bits ?? options.bits ?? DEFAULT_BITS;
    const labelIndex = new Map(labels.map((l, i) => [l, i]));
    if (measured && measured.measured.folds > 0 && sameLabels(measured.labels, labels) && labels.length > 0) {
      const quick = this.quickTrain(examples, labels, labelIndex, bits, epochs, base, measured, options);
      if (quick) return quick;
    }
    const docs = examples.map((example, index) => prepare(example.doc, index, example, labelIndex));
    const taught = docs.filter((d) => d.lines.some((l) => l.mask !== undefined));
    const tagCount = examples.reduce((n, e) => n + e.tags.filter((t) => labelIndex.has(t.label)).length, 0);
    const doneDocs = taught.filter((d) => d.example!.done);
    if (taught.length === 0 || labels.length === 0) {
      // nothing to learn from: a loaded model stays as it was
      return base ? new SpanLearner(labels, bits, base, this.calibration, this.measured, this.base, undefined, this.classes) : SpanLearner.empty();
    }
    const quality: LearnerQuality = { documents: taught.length, done: doneDocs.length, tags: tagCount, folds: 0, labels: {}, rules: {} };
    for (const label of labels) quality.labels[label] = { active: false, learned: emptyScores(), control: emptyScores() };
    const folds = Math.min(options.folds ?? DEFAULT_FOLDS, doneDocs.length >= 2 ? doneDocs.length : 0);
    const points: { margin: number; correct: boolean }[] = [];
    const fallbackPoints: Record<string, { margin: number; correct: boolean }[]> = {};
    const pageCounts: Record<string, PageCounts[]> = {};
    // one object per done page, so that its line tokens are made once for all folds (untagged.ts)
    const donePage = new Map(doneDocs.flatMap((d) => (d.example!.doc.text !== undefined ? [[d.index, { text: d.example!.doc.text, tags: d.example!.tags }] as const] : [])));
    for (let fold = 0; fold < folds; fold++) {
      const heldOut = new Set(doneDocs.filter((_, i) => i % folds === fold).map((d) => d.index));
      const trainingDocs = taught.filter((d) => !heldOut.has(d.index));
      const fitted = fit(trainingDocs, labels, bits, epochs, base, shuffleSeed(options, fold + 1));
      let controlContext: AnalysisContext | undefined;
      if (options.context) {
        const accepted = new LearnedEntities();
        for (const d of trainingDocs) {
          const text = d.example!.doc.text;
          if (text !== undefined) for (const t of d.example!.tags) accepted.accept(t.label, text.slice(t.start, t.end));
        }
        countUntagged(accepted, trainingDocs.flatMap((d) => donePage.get(d.index) ?? []));
        controlContext = { ...options.context, learned: accepted, learner: undefined };
      }
      for (const doc of taught) {
        if (!heldOut.has(doc.index)) continue;
        measureDoc(doc, fitted, labels, quality, points, fallbackPoints, controlContext, pageCounts);
      }
    }
    quality.folds = folds;
    for (const label of labels) {
      const entry = quality.labels[label];
      finish(entry.learned);
      finish(entry.control);
      // the tagger takes over only where it measured surely better than the rules; a label the held-out
      // pages say nothing about (no tag, nothing suggested) keeps the loaded model's verdict
      const unmeasured = entry.learned.tp + entry.learned.fp + entry.learned.fn + entry.control.fp === 0;
      if (folds > 0 && !unmeasured) {
        entry.advantage = advantageBound(pageCounts[label] ?? [], 1 - GATE_CONFIDENCE);
        entry.active = entry.learned.tp + entry.learned.fn >= MIN_GATE_TAGS && entry.advantage > 0;
      } else {
        entry.active = options.folds === 0 || (this.measured.labels[label]?.active ?? false);
      }
    }
    const calibration = points.length >= 10 ? plattScaling(points) : this.calibration;
    for (const [label, measuredPoints] of Object.entries(fallbackPoints)) {
      const fitted = measuredPoints.length >= 10 ? plattFit(measuredPoints) : undefined;
      if (fitted) quality.labels[label].unknown!.calibration = fitted;
    }
    const model = fit(taught, labels, bits, epochs, base, shuffleSeed(options, 0));
    return new SpanLearner(labels, bits, model, calibration, quality, base, new Set(taught.map((d) => exampleFingerprint(d.example!))), classes);
  }

  /**
   * The model fitted alone after a decision, keeping `measured`'s gate, calibration and counts (see
   * quickFit); undefined when no page teaches. Only the lines the fit reads get their features made, so
   * that past the budget the time follows the pages changed, not the corpus.
   */
  private quickTrain(
    examples: readonly TrainingExample[],
    labels: readonly string[],
    labelIndex: ReadonlyMap<string, number>,
    bits: number,
    epochs: number,
    base: Perceptron | undefined,
    measured: SpanLearner,
    options: LearnerOptions,
  ): SpanLearner | undefined {
    // what each page teaches, counted without making its masks or features (only the pages read need them)
    const taught: QuickCandidate[] = [];
    for (let index = 0; index < examples.length; index++) {
      const tokens = teachingTokenCount(examples[index], labelIndex);
      if (tokens > 0) taught.push({ index, example: examples[index], tokens });
    }
    if (taught.length === 0) return undefined;
    const tagCount = examples.reduce((n, e) => n + e.tags.filter((t) => labelIndex.has(t.label)).length, 0);
    const done = taught.filter((c) => c.example.done).length;
    const quality = { ...measured.measured, documents: taught.length, done, tags: tagCount };
    const seed = shuffleSeed(options, 0);
    const known = measured.fittedOn;
    const fitted = (c: QuickCandidate): boolean => known.has(exampleFingerprint(c.example));
    const budget = options.quickTokenPasses ?? QUICK_FIT_TOKEN_PASSES;
    const { read, epochs: passes, start } = quickFit(taught, epochs, base, measured.model, fitted, bits, labels.length, budget, seed);
    const docs = read.map((c) => prepare(c.example.doc, c.index, c.example, labelIndex, false));
    for (const doc of docs) addFeatures(doc);
    const model = fit(docs, labels, bits, passes, start, seed);
    return new SpanLearner(labels, bits, model, measured.calibration, quality, base, measured.fittedOn, measured.classes);
  }

  /** The learned spans of a page (all labels learned), with calibrated scores. */
  tag(page: LearningDocument): Suggestion[] {
    if (!this.model) return [];
    const doc = withClasses(page, this.classes);
    const spans = splitAtRuleSeams(tagDocument(doc, this.model), doc, this.labels, (index) => doc.lines[index]);
    if (spans.length === 0) return [];
    // rule suggestions in start order, to find one of the same span (the last of them, if several)
    const byStart = sortedByStart(doc.suggestions);
    const learned = `learned from ${this.measured.documents} annotated page${this.measured.documents === 1 ? '' : 's'}`;
    return spans.map((span) => this.suggestion(span, doc, byStart, learned));
  }

  /**
   * The suggestions of a page after learning: for each label the tagger took over, the rules' suggestions
   * of that label give way to the tagger's (keeping the value and reasons of a rule suggestion of the same
   * span), except those that hold a word the tagger never learned and that no learned span overlaps; other
   * suggestions keep their place, scored by the measured precision of their rules. `doc` holds the rule
   * suggestions the tagger reads (as learningDocument makes them); `shown` what would be suggested without
   * the learner (default: the same). Returns `shown` unchanged when nothing was learned.
   */
  apply(page: LearningDocument, shown: readonly Suggestion[] = page.suggestions): Suggestion[] {
    const suggestions = shown as Suggestion[];
    if (!this.changesSuggestions) return suggestions;
    const doc = withClasses(page, this.classes);
    const taken = this.labels.filter((l) => this.active(l));
    const learned = taken.length > 0 ? this.tag(doc) : [];
    const candidates = unknownFallbacks(this.model!, suggestions, learned, doc, taken);
    const scored = candidates.some((s) => this.measured.labels[s.label]?.unknown?.calibration !== undefined);
    const gaps = scored ? fallbackGaps(this.model!, doc, candidates, this.labels) : [];
    const kept = new Map<Suggestion, Suggestion>();
    candidates.forEach((s, i) => {
      const shown = this.fallback(s, gaps[i] ?? Infinity);
      if (shown) kept.set(s, shown);
    });
    const out: Suggestion[] = [];
    for (const s of suggestions) {
      if (!taken.includes(s.label)) out.push(this.rescored(s));
      else {
        const shown = kept.get(s);
        if (shown) out.push(shown);
      }
    }
    for (const s of learned) if (taken.includes(s.label)) out.push(s);
    out.sort((a, b) => a.start - b.start || a.end - b.end);
    return out;
  }

  /**
   * A rule suggestion the tagger left out that holds a word it never learned, as shown beside the tagger,
   * or undefined where such suggestions are not worth showing. Once measured on held-out pages, its score
   * is the chance it is right given the tagger's gap (how much better the tagger's own reading of the line
   * scored), and it is shown only above FALLBACK_PRECISION; while unmeasured it is kept, scored by its rules.
   */
  private fallback(s: Suggestion, gap: number): Suggestion | undefined {
    const measured = this.measured.labels[s.label]?.unknown;
    const reasons = [...s.reasons, UNKNOWN_WORD_REASON];
    if (!measured || measured.suggested === 0) return { ...this.rescored(s), reasons };
    const p = measured.calibration
      ? sigmoid(measured.calibration.b - measured.calibration.a * gap)
      : (measured.correct + 1) / (measured.suggested + 2);
    return p > FALLBACK_PRECISION ? { ...s, score: Math.min(0.99, Math.max(0.01, Math.round(p * 1000) / 1000)), reasons } : undefined;
  }

  private rescored(s: Suggestion): Suggestion {
    const rules = s.rules;
    if (!rules || rules.length === 0) return s;
    let suggested = 0;
    let correct = 0;
    for (const rule of rules) {
      const measured = this.measured.rules[`${s.label}:${rule}`];
      if (measured) {
        suggested += measured.suggested;
        correct += measured.correct;
      }
    }
    if (suggested === 0) return s;
    // the measured precision, pulled towards the rule's own score while there are few measurements
    const score = (correct + 2 * s.score) / (suggested + 2);
    return { ...s, score: Math.round(score * 1000) / 1000 };
  }

  private suggestion(span: TaggedSpan, doc: LearningDocument, byStart: readonly Suggestion[], learned: string): Suggestion {
    const label = this.labels[span.label];
    // a probability, never certainty: a few held-out pages cannot prove a span right
    const score = Math.min(0.99, Math.max(0.01, Math.round(sigmoid(this.calibration.a * span.margin + this.calibration.b) * 1000) / 1000));
    let same: Suggestion | undefined;
    for (let i = firstStartingAt(byStart, span.start); i < byStart.length && byStart[i].start === span.start; i++) {
      const s = byStart[i];
      if (s.end === span.end && s.label === label) same = s;
    }
    const line = doc.lines[span.lineIndex];
    const text = line.tokens.source.slice(span.start - line.start, span.end - line.start);
    const reasons = span.repeat ? [learned, REPEAT_REASON] : [learned];
    // a repeat is measured as a rule of its own (the first rule id is what a decision records)
    const rules = span.repeat ? [REPEAT_RULE, LEARNED_RULE] : [LEARNED_RULE];
    if (same) {
      for (const reason of same.reasons) reasons.push(reason);
      for (const rule of same.rules ?? []) if (!rules.includes(rule)) rules.push(rule);
    }
    const out: Suggestion = { start: span.start, end: span.end, label, text, score, reasons, rules, line: line.line };
    if (same?.value !== undefined) out.value = same.value;
    return out;
  }

  /** The model file of this learner. */
  toJSON(): ModelFile {
    if (!this.model) throw new ModelFileError('nothing learned yet: train on annotated pages first');
    const weights = this.model.weights;
    const indexes: number[] = [];
    for (let i = 0; i < weights.length; i++) if (weights[i] !== 0) indexes.push(i);
    const values = new Float32Array(indexes.length);
    indexes.forEach((index, k) => (values[k] = weights[index]));
    return {
      format: MODEL_FORMAT,
      version: MODEL_VERSION,
      features: FEATURE_VERSION,
      labels: [...this.labels],
      bits: this.bits,
      weightIndexes: toBase64(new Uint8Array(Int32Array.from(indexes).buffer)),
      weightValues: toBase64(new Uint8Array(values.buffer)),
      transitions: Array.from(this.model.transitions),
      calibration: this.calibration,
      quality: this.measured,
      ...(this.classes ? { classes: this.classes.toJSON() } : {}),
    };
  }

  /** A learner from a model file's JSON; throws ModelFileError when it is not one this version reads. */
  static fromJSON(raw: unknown): SpanLearner {
    if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== MODEL_FORMAT) {
      throw new ModelFileError('not a Newsmark model file (make one with `newsmark train`)');
    }
    const file = raw as ModelFile;
    if (file.version !== MODEL_VERSION || file.features !== FEATURE_VERSION) {
      throw new ModelFileError(
        `model file version ${String(file.version)} (features ${String(file.features)}); this Newsmark reads version ${MODEL_VERSION} (features ${FEATURE_VERSION}): train the model again with \`newsmark train\``,
      );
    }
    if (!Array.isArray(file.labels) || !Number.isInteger(file.bits) || file.bits < 8 || file.bits > 24 || !Array.isArray(file.transitions)) {
      throw new ModelFileError('damaged model file: labels, bits or transitions missing');
    }
    const model = new Perceptron(file.labels.length, file.bits);
    const indexes = new Int32Array(fromBase64(file.weightIndexes).buffer);
    const values = new Float32Array(fromBase64(file.weightValues).buffer);
    if (indexes.length !== values.length || file.transitions.length !== model.tags * model.tags) throw new ModelFileError('damaged model file: weights do not fit its labels');
    for (let k = 0; k < indexes.length; k++) {
      if (indexes[k] < 0 || indexes[k] >= model.weights.length) throw new ModelFileError('damaged model file: weight index out of range');
      model.weights[indexes[k]] = values[k];
    }
    model.transitions.set(file.transitions);
    let classes: WordClasses | undefined;
    try {
      classes = file.classes === undefined ? undefined : WordClasses.fromJSON(file.classes);
    } catch {
      throw new ModelFileError('damaged model file: its word classes do not read');
    }
    return new SpanLearner(file.labels, file.bits, model, file.calibration ?? { a: 1, b: 0 }, file.quality ?? emptyQuality(), undefined, undefined, classes);
  }
}

/** `doc` as the model with word classes `classes` reads it: the same object for the same page and classes,
 * so that what is cached per document (quickFit's fingerprints) stays found. */
/** `suggestions` in start order (the same array when it is already; a sorted copy otherwise, ties kept in order). */
function sortedByStart(suggestions: readonly Suggestion[]): readonly Suggestion[] {
  for (let i = 1; i < suggestions.length; i++) if (suggestions[i].start < suggestions[i - 1].start) return [...suggestions].sort((a, b) => a.start - b.start);
  return suggestions;
}

function withClasses(doc: LearningDocument, classes: WordClasses | undefined): LearningDocument {
  if (doc.classes === classes) return doc;
  const known = classedDocs.get(doc);
  if (known && known.classes === classes) return known;
  const classed = { ...doc, classes };
  classedDocs.set(doc, classed);
  return classed;
}

const classedDocs = new WeakMap<LearningDocument, LearningDocument>();

function emptyQuality(): LearnerQuality {
  return { documents: 0, done: 0, tags: 0, folds: 0, labels: {}, rules: {} };
}

function sameLabels(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((l, i) => l === b[i]);
}

function chooseLabels(examples: readonly TrainingExample[], wanted: readonly string[] | undefined): string[] {
  if (wanted) return [...wanted];
  const labels = ['actor'];
  for (const e of examples) for (const t of e.tags) if (!NOT_LEARNED.has(t.label) && !labels.includes(t.label)) labels.push(t.label);
  return labels;
}



/** The shuffling seed of one fit: the final model's (0) or a fold's (its number), apart for each run seed. */
function shuffleSeed(options: LearnerOptions, fit: number): number {
  return fit + (options.seed ?? 0) * 0x10000;
}



const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const n = (a << 16) | (b << 8) | c;
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}

function fromBase64(text: string): Uint8Array {
  if (typeof text !== 'string' || text.length % 4 !== 0) throw new ModelFileError('damaged model file: weights are not base64');
  const lookup = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) lookup[ALPHABET.charCodeAt(i)] = i;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let at = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const ch = text.charCodeAt(i + j);
      const v = ch === 61 ? 0 : ch < 128 ? lookup[ch] : -1;
      if (v < 0) throw new ModelFileError('damaged model file: weights are not base64');
      n = (n << 6) | v;
    }
    if (at < bytes.length) bytes[at++] = (n >> 16) & 255;
    if (at < bytes.length) bytes[at++] = (n >> 8) & 255;
    if (at < bytes.length) bytes[at++] = n & 255;
  }
  if (bytes.length % 4 !== 0) throw new ModelFileError('damaged model file: weights are cut short');
  return bytes;
}
