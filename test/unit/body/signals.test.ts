import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isWrittenTwice } from '../../../src/core/detect/body/signals/doubled';
import { looksLikeTimestamp } from '../../../src/core/detect/body/signals/timestamp';
import { isCutShort } from '../../../src/core/detect/body/signals/linkList';
import { countInnerSentenceEnds, endsLikeSentence } from '../../../src/core/text/sentences';

test('isWrittenTwice: "X X" and "X\' X" (first copy cut short), not ordinary repetition', () => {
  assert.equal(isWrittenTwice('Nhà báo bị hành hung khi chất vấn Nhà báo bị hành hung khi chất vấn'), true);
  assert.equal(isWrittenTwice('Kremlin says it is used to it Kremlin says it is used to it "and more"'), true);
  assert.equal(isWrittenTwice('Ông Biden nói ông Biden sẽ gặp ông Putin vào tuần tới tại Geneva.'), false);
  assert.equal(isWrittenTwice('The the'), false);
});

test('looksLikeTimestamp: times, numeric dates, day + year', () => {
  assert.equal(looksLikeTimestamp('06:16 | 23/03/2021 GMT+7'), true);
  assert.equal(looksLikeTimestamp('Nov 18, 2019 at 9:24 pm ET'), true);
  assert.equal(looksLikeTimestamp('23 Nov 2017'), true);
  assert.equal(looksLikeTimestamp('2019-11-20'), true);
  assert.equal(looksLikeTimestamp('Top 10 phones of 2019'), true);
  assert.equal(looksLikeTimestamp('Top ten phones'), false);
  assert.equal(looksLikeTimestamp('Chapter 12'), false);
});

test('isCutShort: ellipsis, broken character, long line ending mid-word', () => {
  assert.equal(isCutShort('Ngoại trưởng Đức ngày 3/12 đã lên tiếng ...'), true);
  assert.equal(isCutShort('A teaser cut…'), true);
  assert.equal(isCutShort('Broken \ufffd'), true);
  assert.equal(isCutShort('x'.repeat(60) + ' and the story goes on and on until it stops right in the midd'), true);
  assert.equal(isCutShort('A complete sentence that ends properly with a full stop at the very end of it all.'), false);
  assert.equal(isCutShort('Short title'), false);
});

test('sentence punctuation', () => {
  assert.equal(endsLikeSentence('He said: “it is done.”'), true);
  assert.equal(endsLikeSentence('Is it?'), true);
  assert.equal(endsLikeSentence('A title'), false);
  assert.equal(countInnerSentenceEnds('One. Two! "Three?" four. five'), 2);
});
