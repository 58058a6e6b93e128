import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStopwords, StopwordLexicon, wordsOf } from '../../../src/core/detect/stopwords';
import { loadShippedStopwords } from './shippedStopwords';

test('parseStopwords: one entry a line, comments and blanks skipped, "_" joins syllables, case folded', () => {
  const words = parseStopwords('# a comment\nThe\n\n  of  \r\nbởi_vì\nà này\n');
  assert.deepEqual([...words].sort(), ['bởi vì', 'of', 'the', 'à này']);
});

test('wordsOf splits on punctuation and spaces, lower-cases and composes NFD text', () => {
  assert.deepEqual(wordsOf('Ông Putin: "Tôi chỉ chúc..."'), ['ông', 'putin', 'tôi', 'chỉ', 'chúc']);
  assert.deepEqual(wordsOf('Việt Nam'.normalize('NFD')), ['việt', 'nam']);
  assert.deepEqual(wordsOf('Привет, мир'), ['привет', 'мир']);
});

test('density counts multi-syllable entries as all their syllables, longest match first', () => {
  const lexicon = new StopwordLexicon();
  lexicon.add('vi', ['và', 'bởi vì', 'vì']);
  // "bởi vì" (2) + "và" (1) of 6 words.
  assert.equal(lexicon.density('Bởi vì trời mưa và gió', 'vi'), 3 / 6);
  assert.deepEqual(lexicon.stats('bởi vì', 'vi'), { words: 2, stopwords: 2 });
  assert.equal(lexicon.density('trời mưa', 'vi'), 0);
  assert.equal(lexicon.density('và và', undefined), 0);
  assert.equal(lexicon.density('', 'vi'), 0);
});

test('density matches NFD text against NFC lists', () => {
  const lexicon = new StopwordLexicon();
  lexicon.add('vi', parseStopwords('của\nđã\n'));
  assert.equal(lexicon.density('Chính phủ của Việt Nam đã nói'.normalize('NFD'), 'vi'), 2 / 7);
});

test('guessLanguage picks the language whose stop words cover the text, none for a bare list', () => {
  const lexicon = loadShippedStopwords();
  assert.equal(
    lexicon.guessLanguage('Tổng thống Nga đã đề nghị đối thoại trực tiếp với người đồng cấp Mỹ về nhiều vấn đề của hai nước.'),
    'Vietnamese',
  );
  assert.equal(lexicon.guessLanguage('The president said that he would meet his counterpart in the spring of next year.'), 'English');
  assert.equal(lexicon.guessLanguage('Die Regierung hat mit der Opposition über die Reform des Gesetzes gesprochen, und sie ist nicht zufrieden.'), 'German');
  assert.equal(lexicon.guessLanguage('Putin Biden Kremlin 2021 NATO'), undefined);
});
