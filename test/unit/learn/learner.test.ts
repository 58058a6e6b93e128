// The span learner as the analysis uses it: cold start equals the rules, it learns what the rules miss
// from done pages, it keeps the rules where it does not measure better, and its model file round-trips.

import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type AnalysisContext, analyseDocument, learningDocument } from '../../../src/core/detect/analyse';
import { CorpusModel } from '../../../src/core/detect/corpus';
import { WordProfile } from '../../../src/core/detect/wordProfile';
import { LearnedEntities } from '../../../src/core/detect/learned';
import { tokenize } from '../../../src/core/detect/words';
import { LEARNED_RULE, ModelFileError, SpanLearner, type TrainingExample, UNKNOWN_WORD_REASON } from '../../../src/core/learn';
import { exampleFingerprint } from '../../../src/core/learn/quickFit';
import { FEATURE_VERSION, hashString } from '../../../src/core/learn/features';
import { pageEffort } from '../../../src/core/learn/simulate';
import { shippedEntityLexicon } from '../actors/fixture';
import { loadShippedStopwords } from '../body/shippedStopwords';
import { informantPage, pageWithNewName, syntheticPage } from './pages';

const entities = shippedEntityLexicon();
const stopwords = loadShippedStopwords();

function context(): AnalysisContext {
  return { corpus: new CorpusModel(), stopwords, entities, learned: new LearnedEntities(), options: { language: 'en' } };
}

function examples(from: number, to: number, ctx: AnalysisContext): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (let n = from; n < to; n++) {
    const page = syntheticPage(n);
    out.push({ doc: learningDocument(page.text, ctx), tags: page.spans, done: true });
  }
  return out;
}

/** Eight done pages that teach a cue the synthetic pages do not have (informantPage). */
function informantExamples(ctx: AnalysisContext): TrainingExample[] {
  return Array.from({ length: 8 }, (_, n) => {
    const page = informantPage(n);
    return { doc: learningDocument(page.text, ctx), tags: page.spans, done: true };
  });
}

const actors = (ctx: AnalysisContext, text: string): string[] =>
  analyseDocument(text, ctx).suggestions.filter((s) => s.label === 'actor').map((s) => text.slice(s.start, s.end));

/** The page the recorded-suggestions tests tag. */
const RECORDED_PAGE = 'Files seen by reporters describe codename velkamor as the buyer, and the codename list as long.\n'
  + 'A second contact, Anna Novak, was paid in cash by codename tinrux of Ostrov Bank.\n'
  + 'The ministry said that codename zenfen and Boris had resigned.\nMinister Clara Delan met codename dra in Ostrov.\n';

/** The learner of the recorded-suggestions tests: 24 synthetic pages, every third one partly tagged (its
 * first tag left out, a dismissal) and not done. */
function recordedLearner(ctx: AnalysisContext): SpanLearner {
  const training: TrainingExample[] = [];
  for (let n = 0; n < 24; n++) {
    const page = syntheticPage(n);
    const partial = n % 3 === 0;
    training.push({
      doc: learningDocument(page.text, ctx),
      tags: partial ? page.spans.slice(1) : page.spans,
      dismissed: partial ? [{ start: 0, end: 3, label: 'actor' }] : [],
      done: !partial,
    });
  }
  return SpanLearner.empty().train(training);
}

describe('span learner', () => {
  it('with nothing learned, leaves the rules\' suggestions exactly as they are', () => {
    const ctx = context();
    const { text } = syntheticPage(100);
    assert.deepEqual(analyseDocument(text, { ...ctx, learner: SpanLearner.empty() }), analyseDocument(text, ctx));
    assert.deepEqual(analyseDocument(text, { ...ctx, learner: SpanLearner.empty().train([]) }), analyseDocument(text, ctx));
  });

  it('learns from done pages what the rules miss, and suggests it on a new page with a calibrated score', () => {
    const ctx = context();
    const page = syntheticPage(200);
    const rules = actors(ctx, page.text);
    assert.ok(!rules.some((name) => /^[a-z]+$/.test(name)), `the rules find no code name: ${rules.join(', ')}`);
    const learner = SpanLearner.empty().train(examples(0, 24, ctx));
    assert.equal(learner.active('actor'), true, JSON.stringify(learner.quality.labels.actor));
    assert.ok(learner.quality.labels.actor.learned.f1 > learner.quality.labels.actor.control.f1);
    assert.ok(learner.quality.labels.actor.advantage! > 0, 'its lead holds in 9 of 10 redraws of the held-out pages');
    const suggestions = analyseDocument(page.text, { ...ctx, learner }).suggestions.filter((s) => s.label === 'actor');
    const expected = page.spans.map((s) => page.text.slice(s.start, s.end));
    assert.deepEqual(suggestions.map((s) => s.text), expected);
    for (const s of suggestions) {
      assert.ok(s.rules?.includes(LEARNED_RULE));
      assert.ok(s.score > 0 && s.score < 1, `score ${s.score}`);
    }
  });

  it("keeps the rules' suggestions of names it never learned where it suggests nothing there (a new section)", () => {
    const ctx = context();
    const learner = SpanLearner.empty().train(examples(0, 24, ctx));
    assert.equal(learner.active('actor'), true);
    const text = 'Match report\n\nPresident Lindqvist of Nordhavn Rovers praised coach Mateo Salas after the game. Captain Ilse Varga and striker Tomas Reyes scored, and goalkeeper Bruno Castell saved a penalty from Oskar Lund.\n';
    const doc = learningDocument(text, ctx);
    const learned = learner.tag(doc);
    const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;
    const dropped = doc.suggestions.filter((s) => s.label === 'actor' && !learned.some((l) => overlaps(l, s)));
    assert.ok(dropped.length > 0, `the tagger leaves out one of ${actors(ctx, text).join(', ')}`);
    const shown = analyseDocument(text, { ...ctx, learner }).suggestions.filter((s) => s.label === 'actor');
    for (const rule of dropped) {
      assert.ok(shown.some((s) => s.start === rule.start && s.end === rule.end && !s.rules?.includes(LEARNED_RULE) && s.reasons.includes(UNKNOWN_WORD_REASON)), `${rule.text} is still suggested, saying why`);
    }
    for (const span of learned) assert.ok(shown.some((s) => s.start === span.start && s.end === span.end && s.rules?.includes(LEARNED_RULE)), span.text);
  });

  it("shows the rules' suggestions of words it never learned only as often as held-out pages found them right", () => {
    const ctx = context();
    const newName = (learner: SpanLearner, tagged: boolean): { text: string; shown: ReturnType<typeof analyseDocument>['suggestions'] } => {
      const page = pageWithNewName(500, tagged);
      const name = page.text.slice(page.text.lastIndexOf('reached ') + 8, page.text.lastIndexOf(' at dawn'));
      return { text: name, shown: analyseDocument(page.text, { ...ctx, learner }).suggestions.filter((s) => s.text === name) };
    };
    const train = (tagged: boolean, folds?: number): SpanLearner =>
      SpanLearner.empty().train(
        Array.from({ length: 24 }, (_, n) => {
          const page = pageWithNewName(n, tagged);
          return { doc: learningDocument(page.text, ctx), tags: page.spans, done: true };
        }),
        folds === undefined ? {} : { folds },
      );
    assert.deepEqual(actors(ctx, pageWithNewName(500, false).text).slice(-1), [newName(SpanLearner.empty(), false).text], 'the rules suggest the new name');
    // never tagged on the annotated pages: measured wrong there, so no longer suggested
    const wrong = train(false);
    assert.equal(wrong.active('actor'), true);
    assert.equal(wrong.quality.labels.actor.unknown?.correct, 0, JSON.stringify(wrong.quality.labels.actor.unknown));
    assert.deepEqual(newName(wrong, false).shown, []);
    // the same pages without a held-out measurement keep it
    const unmeasured = train(false, 0);
    assert.equal(unmeasured.active('actor'), true);
    assert.ok(newName(unmeasured, false).shown.some((s) => s.reasons.includes(UNKNOWN_WORD_REASON)));
    // tagged on every annotated page: suggested, with a score that says how likely it is right
    const right = newName(train(true), true);
    assert.equal(right.shown.length, 1, right.text);
    assert.ok(right.shown[0].score > 0.5, `score ${right.shown[0].score}`);
  });

  it('after a decision, fits the model alone within its budget; past it, refines the last measured model, which still learns the new tags', () => {
    const ctx = context();
    const taught = examples(0, 24, ctx);
    const measured = SpanLearner.empty().train(taught);
    const informants = informantExamples(ctx);
    const unseen = informantPage(100);
    const agent = unseen.text.slice(unseen.spans[0].start, unseen.spans[0].end);
    const suggests = (learner: SpanLearner): boolean => analyseDocument(unseen.text, { ...ctx, learner }).suggestions.some((s) => s.text === agent);
    assert.equal(suggests(measured), false, 'nothing taught the new cue before');
    // within the budget: the model a full training fits last
    const full = SpanLearner.empty().train([...taught, ...informants]);
    const quick = SpanLearner.empty().train([...taught, ...informants], { measuredBy: measured });
    assert.deepEqual(quick.toJSON().weightValues, full.toJSON().weightValues);
    // past it: fewer passes from the last measured model, and the new decisions are learned
    const refined = SpanLearner.empty().train([...taught, ...informants], { measuredBy: measured, quickTokenPasses: 1 });
    assert.notDeepEqual(refined.toJSON().weightValues, full.toJSON().weightValues);
    assert.equal(suggests(refined), true, `${agent} suggested after the refinement`);
  });

  it('past the budget, refines on the pages changed since the last measured training, so its time follows the change and not the corpus', () => {
    const ctx = context();
    const taught = examples(0, 24, ctx);
    const measured = SpanLearner.empty().train(taught);
    const informants = informantExamples(ctx);
    // with no room for other pages, the pages the measured model was fitted on are not read again
    const corpus = SpanLearner.empty().train([...taught, ...informants], { measuredBy: measured, quickTokenPasses: 1 });
    const changedOnly = SpanLearner.empty().train(informants, { measuredBy: measured, quickTokenPasses: 1 });
    assert.deepEqual(corpus.toJSON().weightValues, changedOnly.toJSON().weightValues);
    assert.equal(corpus.quality.documents, 32);
    // a page whose tags changed is read again: here the first page with its tags taken back
    const untagged = SpanLearner.empty().train([{ ...taught[0], tags: [] }, ...taught.slice(1)], { measuredBy: measured, quickTokenPasses: 1 });
    assert.notDeepEqual(untagged.toJSON().weightValues, measured.toJSON().weightValues);
  });

  it('counts what pages in progress teach as the full training does: their tagged and dismissed lines only', () => {
    const ctx = context();
    const measured = SpanLearner.empty().train(examples(0, 24, ctx));
    const pages = examples(0, 30, ctx).map((example, n): TrainingExample => {
      if (n < 24) return example;
      // in progress: the first tag only, its first dismissal-like span, or nothing at all
      const first = example.tags[0];
      if (n % 3 === 0) return { ...example, done: false, tags: [first] };
      if (n % 3 === 1) return { ...example, done: false, tags: [], dismissed: [{ start: first.start, end: first.end, label: first.label }] };
      return { ...example, done: false, tags: [] };
    });
    const quick = SpanLearner.empty().train(pages, { measuredBy: measured });
    const full = SpanLearner.empty().train(pages);
    assert.equal(quick.quality.documents, full.quality.documents);
    assert.equal(quick.quality.documents, 28, 'the two pages with neither a tag nor a dismissal teach nothing');
    assert.equal(quick.toJSON().weightValues, full.toJSON().weightValues);
  });

  it('tells a changed page by what it teaches: its text, tags, dismissals and status', () => {
    const ctx = context();
    const [example] = examples(0, 1, ctx);
    const same = { ...example, doc: learningDocument(syntheticPage(0).text, ctx) };
    assert.equal(exampleFingerprint(same), exampleFingerprint(example));
    const variants: TrainingExample[] = [
      { ...example, doc: learningDocument(`${syntheticPage(0).text}One more line.\n`, ctx) },
      { ...example, tags: example.tags.slice(1) },
      { ...example, dismissed: [{ start: 0, end: 3, label: 'actor' }] },
      { ...example, done: false },
    ];
    for (const variant of variants) assert.notEqual(exampleFingerprint(variant), exampleFingerprint(example));
  });

  it('keeps an organisation and the official named after it apart, as the rules read them, however the tagger joins them', () => {
    const ctx: AnalysisContext = { ...context(), options: { language: 'vi' } };
    const syllable = (n: number): string => ['Kavel', 'Mortin', 'Zenlor', 'Brisen', 'Qualo', 'Fenrux', 'Palnim', 'Gorhes'][n % 8];
    const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm'];
    // schools named after people teach the tagger that a name may run on into a person's name
    const taught: TrainingExample[] = Array.from({ length: 24 }, (_, n) => {
      const school = `Trường ${syllable(n)} ${family[n % 4]} Văn ${syllable(n + 3)}`;
      const text = `Lễ khai giảng của ${school} diễn ra sáng nay.\n`;
      const start = text.indexOf(school);
      return { doc: learningDocument(text, ctx), tags: [{ start, end: start + school.length, label: 'actor' }], done: true };
    });
    const learner = SpanLearner.empty().train(taught, { folds: 0 });
    const text = 'Thứ trưởng Bộ Kavel Nguyễn Văn Mortin phát biểu tại hội nghị.\n';
    // the rules: the ministry, and the official after the title (the guidelines' two actors)
    assert.deepEqual(actors(ctx, text), ['Bộ Kavel', 'Nguyễn Văn Mortin']);
    assert.deepEqual(actors({ ...ctx, learner }, text), ['Bộ Kavel', 'Nguyễn Văn Mortin']);
  });

  it('trains in a fixed order: the same decisions give the same model, and another seed another order', () => {
    const ctx = context();
    const taught = examples(0, 24, ctx);
    const weights = (options: { seed?: number }): unknown => SpanLearner.empty().train(taught, options).toJSON().weightValues;
    const editor = weights({});
    assert.deepEqual(weights({ seed: 0 }), editor, 'seed 0 is the default order');
    assert.deepEqual(weights({ seed: 3 }), weights({ seed: 3 }), 'one seed, one model');
    assert.notDeepEqual(weights({ seed: 3 }), editor, 'another seed shuffles the lines otherwise');
  });

  it('keeps the rules where it cannot measure better than them', () => {
    const ctx = context();
    // pages whose gold is exactly what the rules suggest: learning cannot win
    const rulePages: TrainingExample[] = [];
    for (let n = 0; n < 12; n++) {
      const doc = learningDocument(syntheticPage(n).text, ctx);
      rulePages.push({ doc, tags: doc.suggestions.filter((s) => s.label === 'actor'), done: true });
    }
    const learner = SpanLearner.empty().train(rulePages);
    assert.equal(learner.active('actor'), false);
    assert.ok(learner.quality.labels.actor.advantage! <= 0, `no sure lead: ${learner.quality.labels.actor.advantage}`);
    const { text } = syntheticPage(300);
    const spans = (analysis: ReturnType<typeof analyseDocument>): string[] => analysis.suggestions.map((s) => `${s.label} ${s.start}-${s.end}`);
    assert.deepEqual(spans(analyseDocument(text, { ...ctx, learner })), spans(analyseDocument(text, ctx)));
  });

  it('learns from tags on pages that are not done without calling their other words negatives', () => {
    const ctx = context();
    const partial = examples(0, 24, ctx).map((e) => ({ ...e, tags: e.tags.filter((_, i) => i > 0), done: false }));
    const learner = SpanLearner.empty().train([...partial, ...examples(24, 28, ctx)]);
    const page = syntheticPage(400);
    const tagged = learner.tag(learningDocument(page.text, ctx)).map((s) => s.text);
    assert.ok(tagged.includes(page.text.slice(page.spans[1].start, page.spans[1].end)), tagged.join(', '));
  });

  it('writes a model file that gives the same suggestions when read back, and refuses other versions', () => {
    const ctx = context();
    const learner = SpanLearner.empty().train(examples(0, 16, ctx));
    const file = JSON.parse(JSON.stringify(learner.toJSON()));
    const again = SpanLearner.fromJSON(file);
    const { text } = syntheticPage(500);
    assert.deepEqual(analyseDocument(text, { ...ctx, learner: again }), analyseDocument(text, { ...ctx, learner }));
    assert.throws(() => SpanLearner.fromJSON({ ...file, version: 99 }), (error: Error) => error instanceof ModelFileError && /version 99.*train the model again/.test(error.message));
    assert.throws(() => SpanLearner.fromJSON({ hello: 1 }), /not a Newsmark model file/);
    assert.throws(() => SpanLearner.fromJSON({ ...file, weightValues: 'AAAA' }), ModelFileError);
  });

  it('tags a page as it did when these suggestions were recorded (a faster tagger predicts the same)', () => {
    // recorded at FEATURE_VERSION 5 (15 training passes) with calibrated scores (the wrong spans score lowest); a change of what
    // the features mean bumps FEATURE_VERSION and records them again, one that only makes tagging faster
    // must keep them
    assert.equal(FEATURE_VERSION, 5, 'features changed: record the expected suggestions again');
    const text = RECORDED_PAGE;
    const ctx = context();
    // the corpus: the training pages and the page tagged
    ctx.words = WordProfile.of([...Array.from({ length: 24 }, (_, n) => syntheticPage(n).text), text]);
    const learner = recordedLearner(ctx);
    assert.deepEqual(learner.tag(learningDocument(text, ctx)).map((s) => `${s.text} ${s.start}-${s.end} ${s.score}`), [
      'velkamor 42-50 0.99', 'Anna Novak 114-124 0.99', 'Ostrov Bank 165-176 0.523', 'Clara Delan 250-261 0.973',
    ]);
  });

  it('tags with word classes as it did when these suggestions were recorded (a faster tagger predicts the same)', () => {
    // as the test above, with a corpus large enough to have word classes (the synthetic pages alone have too
    // few words): the sample pages beside the training pages
    assert.equal(FEATURE_VERSION, 5, 'features changed: record the expected suggestions again');
    const text = RECORDED_PAGE;
    const folder = join(__dirname, '..', '..', '..', 'samples');
    const samples = readdirSync(folder).filter((name) => name.endsWith('.txt')).sort().map((name) => readFileSync(join(folder, name), 'utf8'));
    const ctx = context();
    ctx.words = WordProfile.of([...Array.from({ length: 24 }, (_, n) => syntheticPage(n).text), ...samples, text]);
    const learner = recordedLearner(ctx);
    assert.ok(learner.toJSON().classes, 'the corpus should have word classes');
    assert.deepEqual(learner.tag(learningDocument(text, ctx)).map((s) => `${s.text} ${s.start}-${s.end} ${s.score}`), [
      'velkamor 42-50 0.967', 'Anna Novak 114-124 0.99', 'Ostrov Bank 165-176 0.99', 'and Boris 217-226 0.955', 'Clara Delan 250-261 0.99',
    ]);
    // and a whole sample page: how many spans, and a hash of their offsets and scores
    const page = learner.tag(learningDocument(samples[0], ctx));
    assert.deepEqual([page.length, hashString(page.map((s) => `${s.start}-${s.end} ${s.score}`).join(';'))], [224, 1692363068]);
  });

  it('fits the model alone when given a measured learner, keeping its gate and scores (shown first in the editor)', () => {
    const ctx = context();
    const measured = SpanLearner.empty().train(examples(0, 24, ctx));
    const more = examples(0, 27, ctx);
    const quick = SpanLearner.empty().train(more, { measuredBy: measured });
    const full = SpanLearner.empty().train(more);
    assert.equal(quick.active('actor'), measured.active('actor'));
    assert.deepEqual(quick.quality.labels, measured.quality.labels);
    assert.equal(quick.quality.documents, 27);
    // the model is the one the measured training fits last
    assert.equal(quick.toJSON().weightValues, full.toJSON().weightValues);
    assert.notEqual(quick.toJSON().weightValues, measured.toJSON().weightValues);
  });

  it('trains the same model from the same pages', () => {
    const ctx = context();
    const a = SpanLearner.empty().train(examples(0, 10, ctx)).toJSON();
    const b = SpanLearner.empty().train(examples(0, 10, ctx)).toJSON();
    assert.deepEqual(a, b);
  });

  it('suggests the same on a page it tagged before, after it has read more different words than it keeps', () => {
    const ctx = context();
    const learner = SpanLearner.empty().train(examples(0, 20, ctx), { folds: 0 });
    const page = learningDocument(syntheticPage(100).text, ctx);
    const before = learner.tag(page);
    assert.ok(before.length > 0);
    // 600,000 different words (more than the learner's table of words holds), 20 a line
    const lines = Array.from({ length: 30_000 }, (_, line) => {
      const text = Array.from({ length: 20 }, (_, k) => (line * 20 + k).toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26)))).join(' ');
      return { line, start: 0, tokens: tokenize(text, page.grammar.vocabulary) };
    });
    learner.tag({ lines, suggestions: [], grammar: page.grammar });
    assert.deepEqual(learner.tag(page), before);
  });
});

describe('simulated effort', () => {
  const gold = [{ start: 0, end: 5, label: 'actor' }, { start: 10, end: 15, label: 'actor' }, { start: 20, end: 25, label: 'actor' }];
  const labels = new Set(['actor']);
  it('counts accepts, boundary fixes, additions and dismissals', () => {
    const effort = pageEffort(gold, [{ start: 0, end: 5, label: 'actor' }, { start: 10, end: 13, label: 'actor' }, { start: 30, end: 33, label: 'actor' }], labels);
    assert.deepEqual({ ...effort }, { accepts: 1, dismissals: 1, fixes: 1, additions: 1, bulkAccepts: 0, actions: 6, byHand: 6 });
  });
  it('takes a bulk accept when it is cheaper', () => {
    const effort = pageEffort(gold, gold, labels);
    assert.equal(effort.bulkAccepts, 1);
    assert.equal(effort.actions, 1);
  });
});
