// The editor's two analysis engines, driven by their messages as the editor drives them: the training engine
// reads how the corpus writes its words and hands that to the analysing engine with the model.

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { EngineState, type EngineReply, type EngineRequest } from '../../../src/node/analysisEngine';
import { namesAndCommonWords } from './pages';

function send(engine: EngineState, req: EngineRequest): EngineReply & { ok: true } {
  const reply = engine.handle(req);
  assert.ok(reply.ok, reply.ok ? '' : reply.error);
  return reply as EngineReply & { ok: true };
}

describe('analysis engines', () => {
  it('the analysing engine suggests with the word profile the training engine read and sent with the model', () => {
    const { training, unseen, usage } = namesAndCommonWords();
    const docs = [
      ...training.map((page, i) => ({ id: `t${i}`, text: page.text })),
      ...unseen.map((page, i) => ({ id: `u${i}`, text: page.text })),
      ...usage.map((text, i) => ({ id: `w${i}`, text })),
    ];
    const trainer = new EngineState();
    const analyser = new EngineState();
    send(trainer, { type: 'addDocuments', docs, words: true });
    send(analyser, { type: 'addDocuments', docs });
    training.forEach((page, i) => {
      const annotations = page.spans.map((s, k) => ({ id: `a${k}`, start: s.start, end: s.end, label: s.label, text: page.text.slice(s.start, s.end), source: 'manual' as const }));
      send(trainer, { type: 'page', id: `t${i}`, text: page.text, decisions: { annotations, dismissed: [], status: 'done' } });
    });
    const options = { language: 'en' };
    const trained = send(trainer, { type: 'train', options });
    assert.ok(trained.model, 'a model');
    assert.ok(trained.words && trained.words.words.length > 0, 'the word profile comes with the first model');
    const actors = (engine: EngineState): string[][] => unseen.map((page, i) => {
      const analysis = send(engine, { type: 'analyse', text: page.text, options: { ...options, documentId: `u${i}` } }).analysis!;
      return analysis.suggestions.filter((s) => s.label === 'actor').map((s) => s.text);
    });
    const withoutProfile = new EngineState();
    send(withoutProfile, { type: 'addDocuments', docs });
    send(withoutProfile, { type: 'useModel', model: trained.model! });
    send(analyser, { type: 'useModel', model: trained.model!, words: trained.words });
    assert.deepEqual(actors(analyser), unseen.map((page) => page.spans.map((s) => page.text.slice(s.start, s.end))));
    assert.notDeepEqual(actors(withoutProfile), actors(analyser), 'the model reads the profile');
    // the corpus statistics built again (a rebuild): the model in use keeps the profile it came with
    send(analyser, { type: 'resetCorpus' });
    send(analyser, { type: 'addDocuments', docs });
    assert.deepEqual(actors(analyser), unseen.map((page) => page.spans.map((s) => page.text.slice(s.start, s.end))));
    // a training that changes nothing of the corpus sends no profile again
    const annotations = training[0].spans.slice(1).map((s, k) => ({ id: `b${k}`, start: s.start, end: s.end, label: s.label, text: training[0].text.slice(s.start, s.end), source: 'manual' as const }));
    send(trainer, { type: 'page', id: 't0', text: training[0].text, decisions: { annotations, dismissed: [], status: 'todo' } });
    const again = send(trainer, { type: 'train', options });
    assert.ok(again.model);
    assert.equal(again.words, undefined);
  });
  it('pages the corpus pass adds after a training make the next training fit again, with their words', () => {
    const { training, unseen, usage } = namesAndCommonWords();
    const pages = [...training.map((page, i) => ({ id: `t${i}`, text: page.text })), ...unseen.map((page, i) => ({ id: `u${i}`, text: page.text }))];
    const later = usage.map((text, i) => ({ id: `w${i}`, text }));
    const trainer = new EngineState();
    send(trainer, { type: 'addDocuments', docs: pages, words: true });
    training.forEach((page, i) => {
      const annotations = page.spans.map((s, k) => ({ id: `a${k}`, start: s.start, end: s.end, label: s.label, text: page.text.slice(s.start, s.end), source: 'manual' as const }));
      send(trainer, { type: 'page', id: `t${i}`, text: page.text, decisions: { annotations, dismissed: [], status: 'done' } });
    });
    const options = { language: 'en' };
    assert.ok(send(trainer, { type: 'train', options }).model, 'a model before the other pages are read');
    send(trainer, { type: 'addDocuments', docs: later, words: true });
    const again = send(trainer, { type: 'train', options });
    assert.ok(again.model && again.words, 'fitted again, with the profile of every page');
    const analyser = new EngineState();
    send(analyser, { type: 'addDocuments', docs: [...pages, ...later] });
    send(analyser, { type: 'useModel', model: again.model!, words: again.words });
    const actors = unseen.map((page, i) => send(analyser, { type: 'analyse', text: page.text, options: { ...options, documentId: `u${i}` } }).analysis!
      .suggestions.filter((s) => s.label === 'actor').map((s) => s.text));
    assert.deepEqual(actors, unseen.map((page) => page.spans.map((s) => page.text.slice(s.start, s.end))));
  });
});
