import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CorpusModel, type CorpusModelData } from '../../../src/core/detect/corpus';
import { firstWordOf, lineKeyHash, slugForm, splitLine, wordHash } from '../../../src/core/text/normalize';
import { wordsOf } from '../../../src/core/detect/stopwords';

test('lineDocumentFrequency counts documents, not occurrences, after normalisation', () => {
  const corpus = new CorpusModel();
  corpus.addDocument('a', 'Home\nHome\n06:16 | 23/03/2021\nStory A\n');
  corpus.addDocument('b', 'HOME\n07:02 | 11/11/2021\nStory B\n');
  corpus.addDocument('c', '  home!  \r\nStory C');
  assert.equal(corpus.documentCount, 3);
  assert.equal(corpus.lineDocumentFrequency('Home'), 3);
  // Digits are masked: the header timestamp is one line of the template.
  assert.equal(corpus.lineDocumentFrequency('10:00 | 01/01/2020'), 2);
  assert.equal(corpus.lineDocumentFrequency('Story A'), 1);
  assert.equal(corpus.lineDocumentFrequency('Story Z'), 0);
  assert.equal(corpus.lineDocumentFrequency(''), 0);
});

test('NFD and NFC spellings of a line are the same line', () => {
  const corpus = new CorpusModel();
  corpus.addDocument('a', 'Tin bài liên quan');
  assert.equal(corpus.lineDocumentFrequency('Tin bài liên quan'.normalize('NFD')), 1);
});

test('removeDocument and re-adding under the same id keep the counts right', () => {
  const corpus = new CorpusModel();
  corpus.addDocument('a', 'Menu\nA');
  corpus.addDocument('b', 'Menu\nB');
  corpus.addDocument('a', 'Other\nA');
  assert.equal(corpus.documentCount, 2);
  assert.equal(corpus.lineDocumentFrequency('Menu'), 1);
  assert.equal(corpus.removeDocument('b'), true);
  assert.equal(corpus.removeDocument('b'), false);
  assert.equal(corpus.lineDocumentFrequency('Menu'), 0);
  assert.equal(corpus.lineDocumentFrequency('Other'), 1);
  assert.equal(corpus.documentHasHash('a', lineKeyHash('other')), true);
  assert.equal(corpus.documentHasHash('a', lineKeyHash('Menu')), false);
});

test('learnLine / forgetLine count tags per normalised line', () => {
  const corpus = new CorpusModel();
  corpus.learnLine('Đọc nhiều', 'boilerplate');
  corpus.learnLine('ĐỌC NHIỀU', 'boilerplate');
  corpus.learnLine('Đọc nhiều', 'body');
  assert.deepEqual(corpus.learnedCounts('đọc nhiều'), { body: 1, boilerplate: 2 });
  assert.equal(corpus.forgetLine('Đọc nhiều', 'body'), true);
  assert.equal(corpus.forgetLine('Đọc nhiều', 'body'), false);
  assert.deepEqual(corpus.learnedCounts('Đọc nhiều'), { body: 0, boilerplate: 2 });
});

test('toJSON survives JSON and rebuilds the same statistics', () => {
  const corpus = new CorpusModel();
  corpus.addDocument('a', 'Menu\nFooter\nA text');
  corpus.addDocument('b', 'Menu\nB text');
  corpus.learnLine('Footer', 'boilerplate');
  const copy = CorpusModel.fromJSON(JSON.parse(JSON.stringify(corpus.toJSON())) as CorpusModelData);
  assert.equal(copy.documentCount, 2);
  assert.equal(copy.lineDocumentFrequency('menu'), 2);
  assert.equal(copy.lineDocumentFrequency('A text'), 1);
  assert.deepEqual(copy.learnedCounts('footer'), { body: 0, boilerplate: 1 });
  copy.removeDocument('a');
  assert.equal(copy.lineDocumentFrequency('Menu'), 1);
  assert.throws(() => CorpusModel.fromJSON({ format: 2 } as unknown as CorpusModelData), /format/);
});

test('splitLine agrees with lineKeyHash and with wordsOf + wordHash, in NFC and NFD (property)', () => {
  const piece = fc.constantFrom('a', 'B', 'ế', 'Ế', 'Đ', '7', ' ', '  ', '.', '|', '😀', 'e\u0301', 'đ', 'Ω', 'Я');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
      const text = pieces.join('');
      const split = splitLine(text);
      assert.equal(split.lineHash, lineKeyHash(text));
      assert.deepEqual(split.hashes, wordsOf(text).map(wordHash));
      assert.deepEqual(splitLine(text.normalize('NFD')), split);
      assert.equal(firstWordOf(text), wordsOf(text)[0]);
    }),
  );
});

test('hashes are exact integers below 2^53 and distinguish different lines', () => {
  const hashes = new Set<number>();
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i < 26 * 26 * 26; i++) {
    const word = letters[i % 26] + letters[Math.floor(i / 26) % 26] + letters[Math.floor(i / 676)];
    const hash = lineKeyHash(`line ${word} x`);
    assert.ok(Number.isSafeInteger(hash) && hash >= 0);
    hashes.add(hash);
  }
  assert.equal(hashes.size, 26 * 26 * 26);
});

test('slugForm strips diacritics and punctuation like a URL slug', () => {
  assert.equal(slugForm('Nga lấy làm tiếc vì đối thoại với Mỹ "giẫm chân tại chỗ"'), 'nga lay lam tiec vi doi thoai voi my giam chan tai cho');
  assert.equal(slugForm('Đại sứ'.normalize('NFD')), 'dai su');
});

