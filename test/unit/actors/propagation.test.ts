// Propagation of accepted names to their other occurrences: whole names only, scored by the annotator's
// decisions, and short forms only where the corpus or the name order supports them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectActors } from '../../../src/core/detect/actors';
import { LearnedEntities, MIN_PROPAGATION_SCORE, propagationScore, shortFormAllowed } from '../../../src/core/detect/learned';
import type { Suggestion } from '../../../src/core/model/types';
import { lineSpans } from '../../../src/core/text/lines';
import { loadShippedStopwords } from '../body/shippedStopwords';
import { shippedEntityLexicon } from './fixture';

const lexicon = shippedEntityLexicon();
const stopwords = loadShippedStopwords({ largeVietnamese: true });

function actors(text: string, learned: LearnedEntities, lang = 'vi'): Suggestion[] {
  const language = lang === 'vi' ? 'Vietnamese' : 'English';
  return detectActors(text, lineSpans(text), lexicon, learned, { lang, isStopword: (w) => stopwords.stats(w, language).stopwords > 0 });
}
const propagated = (found: Suggestion[]): Suggestion[] => found.filter((s) => s.reasons.some((r) => r.startsWith('accepted')));

test('an accepted one-word name is suggested where it stands alone, not inside a longer name', () => {
  const learned = new LearnedEntities();
  learned.accept('actor', 'Lộc');
  const found = actors('Chiều qua, Lộc về quê ở Đông Lộc. Bạn bè gọi Lộc Xuân là anh cả.', learned);
  assert.deepEqual(propagated(found).map((s) => [s.text, s.start]), [['Lộc', 11]]);
});

test('a one-word name after a title is still whole ("President Kowalczyk")', () => {
  const learned = new LearnedEntities();
  learned.accept('actor', 'Kowalczyk');
  const found = actors('The committee heard President Kowalczyk on Tuesday.', learned, 'en');
  assert.ok(propagated(found).some((s) => s.text === 'Kowalczyk'));
});

test('propagated suggestions carry a score from acceptances and dismissals of the same text', () => {
  const learned = new LearnedEntities();
  const page = 'Hôm ấy Sao Khuê không đến.';
  learned.accept('actor', 'Sao Khuê');
  const once = propagated(actors(page, learned));
  assert.equal(once.length, 1);
  assert.equal(once[0].score, propagationScore(1, 0));
  learned.accept('actor', 'Sao Khuê');
  learned.accept('actor', 'Sao Khuê');
  const thrice = propagated(actors(page, learned))[0];
  assert.ok(thrice.score > once[0].score, `${thrice.score} > ${once[0].score}`);
  learned.dismiss('actor', 'Sao Khuê');
  const dismissed = propagated(actors(page, learned))[0];
  assert.ok(dismissed.score < thrice.score);
  assert.ok(dismissed.reasons.includes('dismissed 1 time'), dismissed.reasons.join('; '));
});

test('a text dismissed more often than accepted is not propagated, and undoing the dismissals brings it back', () => {
  const learned = new LearnedEntities();
  learned.accept('actor', 'Sao Khuê');
  for (let k = 0; k < 3; k++) learned.dismiss('actor', 'Sao Khuê');
  assert.ok(propagationScore(1, 3) < MIN_PROPAGATION_SCORE);
  assert.deepEqual(propagated(actors('Hôm ấy Sao Khuê không đến.', learned)), []);
  for (let k = 0; k < 3; k++) learned.dismiss('actor', 'Sao Khuê', true);
  assert.equal(propagated(actors('Hôm ấy Sao Khuê không đến.', learned)).length, 1);
});

test('dismissals before the first acceptance count too', () => {
  const learned = new LearnedEntities();
  learned.dismiss('actor', 'Hòa');
  learned.dismiss('actor', 'Hòa');
  learned.accept('actor', 'Hòa');
  assert.equal(learned.get('actor', 'Hòa')?.dismissed, 2);
});

test('an organisation does not shorten to the last syllable of its name', () => {
  const learned = new LearnedEntities();
  learned.accept('actor', 'Bệnh viện Đa khoa tỉnh Hòa Bình');
  learned.accept('actor', 'Bình');
  const found = actors('Bình cho biết anh đã khỏe lại.', learned);
  const binh = found.find((s) => s.text === 'Bình');
  assert.ok(binh, found.map((s) => s.text).join(', '));
  assert.equal(binh.value, 'Bình');
  assert.ok(!binh.reasons.some((r) => r.includes('Bệnh viện')), binh.reasons.join('; '));
});

test('a Vietnamese given name stands for the full name only when the corpus shows it', () => {
  const learned = new LearnedEntities();
  learned.accept('actor', 'Trần Văn Khải');
  learned.accept('actor', 'Khải');
  // another page: the given name alone is someone, but not shown to be this person
  const elsewhere = actors('Khải cho biết sẽ về sớm.', learned).find((s) => s.text === 'Khải');
  assert.equal(elsewhere?.value, 'Khải');
  // the same page names him in full: the short form is his
  const samePage = actors('Ông Trần Văn Khải là kỹ sư. Khải cho biết sẽ về sớm.', learned).find((s) => s.text === 'Khải');
  assert.equal(samePage?.value, 'Trần Văn Khải');
  // an accepted short mention with the full name as its value is evidence too
  const taught = new LearnedEntities();
  taught.accept('actor', 'Trần Văn Khải');
  taught.accept('actor', 'Khải', 'Trần Văn Khải');
  assert.equal(actors('Khải cho biết sẽ về sớm.', taught).find((s) => s.text === 'Khải')?.value, 'Trần Văn Khải');
});

test('a Western family name stands for the accepted full name on other pages', () => {
  const learned = new LearnedEntities();
  learned.accept('actor', 'Margarethe Lindqvist');
  assert.equal(learned.canonical('actor', 'Lindqvist'), 'Margarethe Lindqvist');
  assert.equal(learned.canonical('actor', 'Margarethe'), undefined);
  const found = actors('Lindqvist said the talks would resume.', learned, 'en');
  assert.equal(found.find((s) => s.text === 'Lindqvist')?.value, 'Margarethe Lindqvist');
});

test('a family name follows the accepted names as they change: the longest accepted ending wins, a forgotten one no longer counts', () => {
  const learned = new LearnedEntities();
  const page = 'Lindqvist said the talks would resume.';
  learned.accept('actor', 'Margarethe Lindqvist');
  assert.equal(actors(page, learned, 'en').find((s) => s.text === 'Lindqvist')?.value, 'Margarethe Lindqvist');
  learned.accept('actor', 'Anna Margarethe Lindqvist');
  learned.accept('actor', 'Lindqvist Holding');
  assert.equal(actors(page, learned, 'en').find((s) => s.text === 'Lindqvist')?.value, 'Anna Margarethe Lindqvist');
  assert.equal(learned.canonical('actor', 'Lindqvist'), 'Anna Margarethe Lindqvist');
  learned.forget('actor', 'Anna Margarethe Lindqvist');
  assert.equal(actors(page, learned, 'en').find((s) => s.text === 'Lindqvist')?.value, 'Margarethe Lindqvist');
  assert.equal(learned.canonical('actor', 'Lindqvist'), 'Margarethe Lindqvist');
});

test('shortFormAllowed follows name order and kind', () => {
  const person = { organisation: false, vietnamese: false };
  const vietnamese = { organisation: false, vietnamese: true };
  const organisation = { organisation: true, vietnamese: true };
  assert.equal(shortFormAllowed(['Anna', 'Berg'], ['Berg'], person, false), true);
  assert.equal(shortFormAllowed(['Anna', 'Berg'], ['Anna'], person, false), false);
  assert.equal(shortFormAllowed(['Anna', 'Berg'], ['Anna'], person, true), true);
  assert.equal(shortFormAllowed(['Lê', 'Thị', 'Hồng'], ['Hồng'], vietnamese, false), false);
  assert.equal(shortFormAllowed(['Lê', 'Thị', 'Hồng'], ['Hồng'], vietnamese, true), true);
  assert.equal(shortFormAllowed(['Sở', 'Y', 'tế', 'Long', 'An'], ['An'], organisation, true), false);
});
