import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endsSentence, tokenize } from '../../../src/core/text/tokenize';

const texts = (text: string) => tokenize(text).map((t) => t.text);

test('Vietnamese syllables are tokens and punctuation is split off', () => {
  assert.deepEqual(texts('Tuy nhiên, Bộ Ngoại giao Nga thông báo.'), ['Tuy', 'nhiên', ',', 'Bộ', 'Ngoại', 'giao', 'Nga', 'thông', 'báo', '.']);
});

test('dates and numbers joined by / - . : stay one token', () => {
  assert.deepEqual(texts('ngày 22/3, 23/03/2021 lúc 06:16 (2020-2021) 1.000 người'), [
    'ngày', '22/3', ',', '23/03/2021', 'lúc', '06:16', '(', '2020-2021', ')', '1.000', 'người',
  ]);
  assert.deepEqual(texts('Mỹ-Nga 22/'), ['Mỹ', '-', 'Nga', '22', '/']);
});

test('NFD syllables keep their combining marks, an emoji is one token', () => {
  const nfd = 'Phạm Minh Chính 😀!'.normalize('NFD');
  assert.deepEqual(texts(nfd), ['Phạm', 'Minh', 'Chính', '😀', '!'].map((t) => t.normalize('NFD')));
});

test('tokens carry offsets into the whole text, also for a sub-range', () => {
  const text = 'ab cd\nef gh';
  assert.deepEqual(tokenize(text, 6, 11), [
    { start: 6, end: 8, text: 'ef' },
    { start: 9, end: 11, text: 'gh' },
  ]);
  for (const token of tokenize('Hà Nội, 4/12: “Tôi rất tiếc.”')) assert.ok(!/\s/.test(token.text));
});

test('a sentence ends after final punctuation and the closing quotes that follow it', () => {
  const tokens = tokenize('Ông nói: “Tôi rất tiếc.” Cuộc gọi.');
  const ends = tokens.map((_, i) => endsSentence(tokens, i));
  assert.deepEqual(tokens.filter((_, i) => ends[i]).map((t) => t.text), ['”', '.']);
  assert.equal(ends[tokens.findIndex((t) => t.text === ':')], false);
});
