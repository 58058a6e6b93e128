// Retraining after a decision reuses what the learner read of the pages that did not change, and never a
// page read with other lexicons or options: the model is the one trained on every page read afresh.

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { type AnalysisContext, analyseDocument, learningDocument } from '../../../src/core/detect/analyse';
import { CorpusModel } from '../../../src/core/detect/corpus';
import { LearnedEntities } from '../../../src/core/detect/learned';
import { type DecidedPage, LearningDocuments, type SpanLearner, trainOnPages } from '../../../src/core/learn';
import { shippedEntityLexicon } from '../actors/fixture';
import { loadShippedStopwords } from '../body/shippedStopwords';
import { syntheticPage } from './pages';

const stopwords = loadShippedStopwords();

function context(): AnalysisContext {
  return { corpus: new CorpusModel(), stopwords, entities: shippedEntityLexicon(), learned: new LearnedEntities(), options: { language: 'en' } };
}

function decided(n: number, text = syntheticPage(n).text): DecidedPage {
  const page = syntheticPage(n);
  const annotations = page.spans.map((s, i) => ({ id: `${n}.${i}`, ...s, text: page.text.slice(s.start, s.end), source: 'manual' as const }));
  return { id: `page-${n}`, text, decisions: { annotations, dismissed: [], status: 'done' } };
}

const corpusPages = (): DecidedPage[] => Array.from({ length: 24 }, (_, n) => decided(n));

/** What a user sees of a learner: the model file and its suggestions on a page it was not trained on. */
function seen(learner: SpanLearner | undefined, ctx: AnalysisContext): unknown {
  const { text } = syntheticPage(300);
  return { model: learner?.toJSON(), suggestions: analyseDocument(text, { ...ctx, learner }).suggestions };
}

describe('learning documents kept between trainings', () => {
  it('after a decision, the quick refit from kept documents is the model trained on every page read afresh', () => {
    const ctx = context();
    const documents = new LearningDocuments();
    const measured = trainOnPages(corpusPages(), ctx, undefined, undefined, documents);
    assert.ok(measured?.active('actor'), 'the measured learner took over actors');
    // the decision: page 5 got a line more
    const after = corpusPages().map((page, n) => (n === 5 ? { ...page, text: `${page.text}The envoy left on Tuesday.\n` } : page));
    const kept = trainOnPages(after, ctx, undefined, measured, documents);
    const fresh = trainOnPages(after, ctx, undefined, measured);
    assert.deepEqual(seen(kept, ctx), seen(fresh, ctx));
  });

  it('the model does not depend on the order the pages arrive in (the editor hears of files as they come), nor on their names', () => {
    const ctx = context();
    const pages = corpusPages();
    const shuffled = pages.map((_, n) => pages[(n * 7) % pages.length]);
    assert.deepEqual(seen(trainOnPages(shuffled, ctx, undefined), ctx), seen(trainOnPages(pages, ctx, undefined), ctx));
    assert.deepEqual(seen(trainOnPages([...pages].reverse(), ctx, undefined), ctx), seen(trainOnPages(pages, ctx, undefined), ctx));
    // nor on how pages are named (the editor by URI, the CLI by path): here the names sort the other way round
    const renamed = pages.map((page, n) => ({ ...page, id: `file:///corpus/${String(pages.length - n).padStart(2, '0')}.txt` }));
    assert.deepEqual(seen(trainOnPages(renamed, ctx, undefined), ctx), seen(trainOnPages(pages, ctx, undefined), ctx));
  });

  it('reads again only the page whose text changed', () => {
    const ctx = context();
    const documents = new LearningDocuments();
    const first = decided(1);
    const second = decided(2);
    const kept = documents.of(first.id, first.text, ctx);
    const before = documents.of(second.id, second.text, ctx);
    const changed = `${second.text}A later line.\n`;
    assert.equal(documents.of(first.id, first.text, ctx), kept);
    const reread = documents.of(second.id, changed, ctx);
    assert.notEqual(reread, before);
    assert.deepEqual(reread, learningDocument(changed, ctx));
  });

  it('reads every page again when the lexicons or the options change, not when the corpus does', () => {
    const ctx = context();
    const documents = new LearningDocuments();
    const text = 'The envoy Zarvik Tolmen left yesterday.\n';
    const read = (c: AnalysisContext) => documents.of('page', text, c);
    const first = read(ctx);
    // repeated lines of the corpus are the body detector's evidence, not the learner's
    ctx.corpus.addDocument('other', text);
    assert.equal(read(ctx), first);
    assert.equal(read({ ...ctx, corpus: new CorpusModel(), options: { ...ctx.options, documentId: 'page' } }), first);

    const relative = { ...ctx, options: { ...ctx.options, relativeDates: true } };
    const withRelative = read(relative);
    assert.ok(withRelative.suggestions.some((s) => s.label === 'date' && text.slice(s.start, s.end) === 'yesterday'));
    assert.ok(!first.suggestions.some((s) => s.label === 'date'));

    ctx.entities.add('titles', 'en', '[honorifics]\nenvoy\n');
    const withTitle = read(relative);
    assert.notEqual(withTitle, withRelative);
    assert.deepEqual(withTitle, learningDocument(text, relative));
    assert.notEqual(read({ ...relative, stopwords: loadShippedStopwords() }), withTitle);
  });

  it('forgets the pages a training no longer has', () => {
    const ctx = context();
    const documents = new LearningDocuments();
    const pages = corpusPages();
    trainOnPages(pages, ctx, undefined, undefined, documents);
    const kept = documents.of(pages[3].id, pages[3].text, ctx);
    trainOnPages(pages.filter((_, n) => n !== 3), ctx, undefined, undefined, documents);
    assert.notEqual(documents.of(pages[3].id, pages[3].text, ctx), kept);
  });
});
