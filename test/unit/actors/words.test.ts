import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PhraseMatcher, TOKEN_WORD, tokenize, Vocabulary, WordSet } from '../../../src/core/detect/words';

/** A token's lower-cased text as String#toLowerCase gives it (words with an upper-case letter only). */
function referenceLower(text: string, isWord: boolean): string {
  return isWord && /\p{Lu}|\p{Lt}/u.test(text) ? text.toLowerCase() : text;
}

test('word ids are those of the lower-cased token texts, special cases included', () => {
  const vocabulary = new Vocabulary();
  for (const word of ['ngày', 'đảng', 'i̇stanbul', 'οδος', 'σοφια', 'g20', '18th', '.', '-']) vocabulary.intern(word);
  const tokens = tokenize('NGÀY Đảng İstanbul ΟΔΟΣ ΣΟΦΙΑ G20 18TH. - Ngàyx', vocabulary);
  const words = [];
  for (let index = 0; index < tokens.count; index++) words.push(tokens.word(index) >= 0 ? vocabulary.word(tokens.word(index)) : tokens.text(index));
  assert.deepEqual(words, ['ngày', 'đảng', 'i̇stanbul', 'οδος', 'σοφια', 'g20', '18th', '.', '-', 'Ngàyx']);
});

/** The vocabulary form of a lower-cased word: composed (NFC) when it holds a combining accent ("e" + U+0301). */
function composed(lower: string): string {
  return /[\u0300-\u036f]/.test(lower) ? lower.normalize('NFC') : lower;
}

test('property: every token finds the id of its lower-cased text (composed), and only that', () => {
  const alphabet = fc.constantFrom(...'aĂđĐẠạộỘİıΣσς KkK 0123-/.,:!?“"\'()'.split(''), 'e\u0301', 'ǅ', '😀');
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join('')), (text) => {
      const plain = tokenize(text, new Vocabulary());
      const vocabulary = new Vocabulary();
      const expected: string[] = [];
      for (let index = 0; index < plain.count; index++) {
        const lower = referenceLower(plain.text(index), plain.kind(index) === TOKEN_WORD);
        expected.push(lower);
        if (index % 2 === 0) vocabulary.intern(composed(lower)); // half the words known
      }
      const tokens = tokenize(text, vocabulary);
      assert.equal(tokens.count, plain.count);
      for (let index = 0; index < tokens.count; index++) {
        assert.equal(tokens.lower(index), expected[index]);
        assert.equal(tokens.word(index), vocabulary.id(composed(expected[index])));
      }
    }),
    { numRuns: 300 },
  );
});

test('tokens of earlier lines stay valid when the shared storage fills up', () => {
  const vocabulary = new Vocabulary();
  const line = Array.from({ length: 3000 }, (_, k) => `Từ${k}`).join(' ');
  const all = Array.from({ length: 12 }, () => tokenize(line, vocabulary));
  const long = tokenize(Array.from({ length: 40_000 }, () => 'a').join(' '), vocabulary);
  assert.equal(long.count, 40_000);
  for (const tokens of all) {
    assert.equal(tokens.count, 3000);
    assert.equal(tokens.text(2999), 'Từ2999');
    assert.ok(tokens.isNameWord(0));
  }
});

test('phrases match longest first, case-insensitively, within a limit; word sets match singles and pairs', () => {
  const vocabulary = new Vocabulary();
  const titles = new PhraseMatcher(vocabulary);
  titles.add('Bộ trưởng', undefined);
  titles.add('bộ trưởng ngoại giao', 'long');
  titles.add('BỘ TRƯỞNG', 'duplicate is ignored');
  const modifiers = new WordSet(vocabulary, ['cuối', 'Hạ tuần']);
  const tokens = tokenize('BỘ TRƯỞNG Ngoại giao hạ tuần tháng 5', vocabulary);
  assert.equal(titles.matchAt(tokens, 0)?.text, 'bộ trưởng ngoại giao');
  assert.equal(titles.matchAt(tokens, 0, 3)?.text, 'Bộ trưởng');
  assert.equal(titles.matchAt(tokens, 0, 3)?.value, undefined);
  assert.equal(titles.matchAt(tokens, 1), undefined);
  assert.ok(modifiers.hasPair(tokens, 4));
  assert.ok(!modifiers.has(tokens, 4));
  assert.ok(!modifiers.hasPair(tokens, 5));
});
