// The corpus word profile: how each word is written across the pages, and what the span learner makes of it.

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { type AnalysisContext, analyseDocument, learningDocument } from '../../../src/core/detect/analyse';
import { CorpusModel } from '../../../src/core/detect/corpus';
import { LearnedEntities } from '../../../src/core/detect/learned';
import { NEVER_INSIDE, WordProfile } from '../../../src/core/detect/wordProfile';
import { SpanLearner, type TrainingExample } from '../../../src/core/learn';
import { shippedEntityLexicon } from '../actors/fixture';
import { loadShippedStopwords } from '../body/shippedStopwords';
import { namesAndCommonWords } from './pages';

describe('word profile', () => {
  it('tells words a corpus writes capitalised inside sentences from words it writes in lower case', () => {
    const profile = WordProfile.of([
      'We met Halvorsen and the bank.\nThe bank said Halvorsen left.',
      'Then Halvorsen went to the Bank of Ostrov, a bank.',
      'Halvorsen wrote.',
    ]);
    assert.equal(profile.code('halvorsen'), 3);
    assert.equal(profile.code('bank'), 1, 'one page of two writes "Bank" once in two uses');
    assert.equal(profile.code('we'), NEVER_INSIDE, 'only ever first in its sentence');
    assert.equal(profile.code('met'), 0);
    assert.equal(profile.code('nowhere'), NEVER_INSIDE, 'a word not in the corpus');
  });

  it('counts each page once per word, however often the page repeats it', () => {
    const profile = WordProfile.of(['a Mira b Mira c Mira d Mira e Mira', 'a mira b', 'a mira c']);
    // shares per page: 1, 0, 0 -> a third of the pages
    assert.equal(profile.code('mira'), 1);
  });

  it('after replacing and removing pages is exactly the profile of the pages left', () => {
    const pages = ['Anna met the Minister.\nThe minister left.', 'We saw Anna and anna.', 'The minister of Ostrov spoke to Anna.'];
    const profile = new WordProfile();
    profile.addPage('a', 'unrelated Text with Words that go away');
    profile.addPage('b', pages[0]);
    profile.addPage('a', pages[1]);
    profile.addPage('c', 'more Words');
    profile.addPage('d', pages[2]);
    profile.removePage('c');
    assert.equal(profile.removePage('c'), false);
    const fresh = WordProfile.of(pages);
    for (const word of ['anna', 'minister', 'the', 'words', 'text', 'ostrov', 'we']) assert.equal(profile.code(word), fresh.code(word), word);
    assert.deepEqual(sortedWords(profile), sortedWords(fresh));
    assert.equal(profile.pageCount, 3);
  });

  it('round-trips through JSON (the form sent to detection workers)', () => {
    const profile = WordProfile.of(['We met Halvorsen and the bank.', 'Then Halvorsen went to the Bank.']);
    const copy = WordProfile.fromJSON(JSON.parse(JSON.stringify(profile.toJSON())));
    for (const word of ['halvorsen', 'bank', 'we', 'then', 'absent']) assert.equal(copy.code(word), profile.code(word), word);
    assert.throws(() => WordProfile.fromJSON({ format: 2 } as never), /unsupported word profile format 2/);
  });
});

function sortedWords(profile: WordProfile): unknown[] {
  return profile.toJSON().words.sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([w, p, s, c]) => [w, p, s, Math.round(c * 1e6) / 1e6]);
}

describe('span learner with the word profile', () => {
  const entities = shippedEntityLexicon();
  const stopwords = loadShippedStopwords();
  it('learns that words the corpus writes capitalised are names, and finds them on new pages', () => {
    const { training, unseen, usage } = namesAndCommonWords();
    const profile = WordProfile.of([...[...training, ...unseen].map((p) => p.text), ...usage]);
    const run = (words: WordProfile | undefined): { f1: number; found: string[][] } => {
      const ctx: AnalysisContext = { corpus: new CorpusModel(), stopwords, entities, learned: new LearnedEntities(), options: { language: 'en' } };
      if (words) ctx.words = words;
      const examples: TrainingExample[] = training.map((p) => ({ doc: learningDocument(p.text, ctx), tags: p.spans, done: true }));
      const learner = SpanLearner.empty().train(examples, { context: ctx });
      const found = unseen.map((p) => analyseDocument(p.text, { ...ctx, learner }).suggestions.filter((s) => s.label === 'actor').map((s) => s.text));
      return { f1: learner.quality.labels.actor.learned.f1, found };
    };
    const withProfile = run(profile);
    const without = run(undefined);
    assert.deepEqual(withProfile.found, unseen.map((p) => p.spans.map((s) => p.text.slice(s.start, s.end))));
    assert.notDeepEqual(without.found, withProfile.found, 'without the profile the names and the common words look alike');
    assert.ok(withProfile.f1 > without.f1, `held-out F1 ${withProfile.f1} with the profile, ${without.f1} without`);
  });
});
