// Training examples from what the annotator did on a page (its sidecar data), the same way for the editor
// and the command line.

import { type AnalysisContext, learningDocument, learningInputs, type LearningInputs, sameLearningInputs } from '../detect/analyse';
import type { Annotation, Dismissal, DocStatus } from '../model/types';
import { codeUnitOrder } from '../text/order';
import { type LearningDocument, SpanLearner, type TrainingExample } from './learner';

/** Labels of line tags: the body detector learns from those, not the span learner. */
const LINE_LABELS = new Set(['body', 'boilerplate']);

/**
 * The training example of one page: its placed span tags (any source), its dismissed suggestions and
 * whether it is done. Undefined when the page teaches nothing (no span tag, no dismissal, not done).
 */
export function trainingExample(
  text: string,
  page: { annotations: readonly Annotation[]; dismissed: readonly Dismissal[]; status: DocStatus },
  ctx: AnalysisContext,
  read: (text: string, ctx: AnalysisContext) => LearningDocument = learningDocument,
): TrainingExample | undefined {
  const tags = page.annotations
    .filter((tag) => !tag.orphaned && !LINE_LABELS.has(tag.label) && tag.end <= text.length)
    .map((tag) => ({ start: tag.start, end: tag.end, label: tag.label }));
  const dismissed = page.dismissed.filter((d) => d.end <= text.length).map((d) => ({ start: d.start, end: d.end, label: d.label }));
  const done = page.status === 'done';
  if (tags.length === 0 && dismissed.length === 0 && !done) return undefined;
  return { doc: read(text, ctx), tags, dismissed, done };
}

/** A page of the corpus and the annotator's decisions on it (a sidecar's, placed in the page's text). */
export interface DecidedPage {
  /** Corpus id of the page (its lines are no repeats of themselves). */
  id: string;
  text: string;
  decisions: { annotations: readonly Annotation[]; dismissed: readonly Dismissal[]; status: DocStatus };
}

/**
 * The LearningDocuments of the pages trained on, kept between trainings so that after one decision only the
 * page whose text changed is read again. All go when what they were made with changes (learningInputs:
 * the lexicons, the language and date options).
 */
export class LearningDocuments {
  private inputs: LearningInputs | undefined;
  private readonly pages = new Map<string, { text: string; doc: LearningDocument }>();

  /** Page `id`'s document: the one made before when its text and the inputs are the same. */
  of(id: string, text: string, ctx: AnalysisContext): LearningDocument {
    const inputs = learningInputs(ctx);
    if (this.inputs === undefined || !sameLearningInputs(this.inputs, inputs)) {
      this.pages.clear();
      this.inputs = inputs;
    }
    const known = this.pages.get(id);
    if (known?.text === text) return known.doc;
    const doc = learningDocument(text, ctx);
    this.pages.set(id, { text, doc });
    return doc;
  }

  /** Forgets the pages not in `ids`. */
  keepOnly(ids: ReadonlySet<string>): void {
    for (const id of this.pages.keys()) if (!ids.has(id)) this.pages.delete(id);
  }
}

/**
 * The span learner of a corpus: `base` (a loaded model, or nothing learned) trained on the decisions of
 * `pages`, the same way for the editor and `newsmark detect`. Without a page that teaches, `base` itself.
 * `measuredBy`: keep that learner's measurement and fit the model only (see LearnerOptions). `documents`:
 * the pages' documents of the trainings before (each training keeps those of its pages).
 */
export function trainOnPages(
  pages: readonly DecidedPage[],
  ctx: AnalysisContext,
  base: SpanLearner | undefined,
  measuredBy?: SpanLearner,
  documents = new LearningDocuments(),
): SpanLearner | undefined {
  const examples: TrainingExample[] = [];
  // in the order of their texts: the editor hears of pages in whatever order their files arrive, and names
  // them by URI where the CLI names them by path; the model must depend on neither
  const ordered = [...pages].sort((a, b) => codeUnitOrder(a.text, b.text) || codeUnitOrder(a.id, b.id));
  for (const page of ordered) {
    const read = (text: string, pageCtx: AnalysisContext): LearningDocument => documents.of(page.id, text, pageCtx);
    const example = trainingExample(page.text, page.decisions, { ...ctx, options: { ...ctx.options, documentId: page.id } }, read);
    if (example) examples.push(example);
  }
  documents.keepOnly(new Set(pages.map((page) => page.id)));
  if (examples.length === 0) return base;
  return (base ?? SpanLearner.empty()).train(examples, { context: ctx, ...(measuredBy ? { measuredBy } : {}) });
}
