// Accepted texts are suggested again elsewhere only while the annotator's decisions support it: a text left
// untagged on pages marked done counts against it, and a bare number is never suggested by its text alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type AnalysisContext, analyseDocument } from '../../../src/core/detect/analyse';
import { CorpusModel } from '../../../src/core/detect/corpus';
import { LearnedEntities } from '../../../src/core/detect/learned';
import { countUntagged, donePages } from '../../../src/core/detect/untagged';
import type { Annotation } from '../../../src/core/model/types';
import { shippedEntityLexicon } from './fixture';
import { loadShippedStopwords } from '../body/shippedStopwords';

const stopwords = loadShippedStopwords({ largeVietnamese: true });
const entities = shippedEntityLexicon();

function context(learned: LearnedEntities): AnalysisContext {
  return { corpus: new CorpusModel(), stopwords, entities, learned, options: { language: 'vi' } };
}

const propagated = (text: string, ctx: AnalysisContext, label: string): string[] =>
  analyseDocument(text, ctx)
    .suggestions.filter((s) => s.label === label && s.rules?.includes('accepted'))
    .map((s) => s.text);

function tag(text: string, what: string, label: string): Annotation {
  const start = text.indexOf(what);
  return { id: `${label}-${start}`, label, start, end: start + what.length, text: what, source: 'manual' } as Annotation;
}

const NEW_PAGE = 'Bệnh nhân bị ho và sốt từ chiều qua, bác sĩ Lò Văn Tỉnh cho biết.';

test('a text tagged once by mistake stops being suggested once pages marked done leave it untagged', () => {
  const mistaken = 'Ngày 3-4, bệnh nhân bị ho nhẹ.';
  const learned = new LearnedEntities();
  learned.accept('date', 'ho');
  const ctx = context(learned);
  assert.deepEqual(propagated(NEW_PAGE, ctx, 'date'), ['ho'], 'accepted once, it is suggested at first');

  const done = ['Cô ấy ho nhiều về đêm.', 'Trẻ bị ho kéo dài cần đi khám.', 'Người nhà nói ông vẫn còn ho.'];
  const pages = [
    { text: mistaken, decisions: { annotations: [tag(mistaken, 'ho', 'date')], status: 'done' as const } },
    ...done.map((text) => ({ text, decisions: { annotations: [] as Annotation[], status: 'done' as const } })),
  ];
  countUntagged(learned, donePages(pages));
  assert.deepEqual(propagated(NEW_PAGE, ctx, 'date'), []);
  assert.equal(learned.get('date', 'ho')?.untagged, 3);
});

test('pages not marked done teach nothing about what was left untagged', () => {
  const learned = new LearnedEntities();
  learned.accept('date', 'ho');
  const pages = ['Cô ấy ho nhiều về đêm.', 'Trẻ bị ho kéo dài.', 'Ông vẫn còn ho.'].map((text) => ({ text, decisions: { annotations: [] as Annotation[], status: 'in-progress' as const } }));
  countUntagged(learned, donePages(pages));
  assert.deepEqual(propagated(NEW_PAGE, context(learned), 'date'), ['ho']);
});

test('a name tagged on a done page and untagged on one other keeps being suggested, saying why', () => {
  const learned = new LearnedEntities();
  learned.accept('actor', 'Lò Văn Tỉnh');
  learned.accept('actor', 'Lò Văn Tỉnh');
  const tagged = 'Bác sĩ Lò Văn Tỉnh khám cho bệnh nhân.';
  const untagged = 'Phố Lò Văn Tỉnh rất đông.';
  countUntagged(learned, donePages([
    { text: tagged, decisions: { annotations: [tag(tagged, 'Lò Văn Tỉnh', 'actor')], status: 'done' as const } },
    { text: untagged, decisions: { annotations: [], status: 'done' as const } },
  ]));
  const found = analyseDocument(NEW_PAGE, context(learned)).suggestions.find((s) => s.text === 'Lò Văn Tỉnh' && s.rules?.includes('accepted'));
  assert.ok(found, 'still suggested');
  assert.ok(found.reasons.includes('left untagged 1 time on pages marked done'), found.reasons.join('; '));
});

test('a bare number accepted as a date is not suggested at its other occurrences; a written date is', () => {
  const learned = new LearnedEntities();
  learned.accept('date', '19');
  learned.accept('date', 'mùng 3 Tết');
  const page = 'Ca bệnh COVID-19 thứ 19 được ghi nhận hôm mùng 3 Tết.';
  assert.deepEqual(propagated(page, context(learned), 'date'), ['mùng 3 Tết']);
});
