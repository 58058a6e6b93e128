import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dominantScript, hasUnspacedLetters, mainScripts, scriptCounts, textWidth, writesWithoutSentenceMarks } from '../../../src/core/text/script';
import { forEachWord, segmentSentences, segmentWords } from '../../../src/core/text/segment';
import { countInnerSentenceEnds, endsLikeSentence } from '../../../src/core/text/sentences';
import { tokenize } from '../../../src/core/text/tokenize';

test('the script of a text is the one most of its letters are written in', () => {
  assert.equal(dominantScript('Доброе утро, Москва'), 'Cyrillic');
  assert.equal(dominantScript('市政府今天宣布新的计划'), 'Han');
  assert.equal(dominantScript('สวัสดีตอนเช้า'), 'Thai');
  assert.equal(dominantScript('नमस्ते दुनिया'), 'Devanagari');
  assert.equal(dominantScript('مرحبا بالعالم'), 'Arabic');
  assert.equal(dominantScript('안녕하세요 여러분'), 'Hangul');
  assert.equal(dominantScript('123 — !!'), undefined);
  // Japanese mixes kana and Han: both are main scripts.
  assert.deepEqual(new Set(mainScripts(scriptCounts('東京都は新しい計画を発表しました'))), new Set(['Han', 'Hiragana']));
});

test('only scripts written without spaces need the word segmenter', () => {
  assert.equal(hasUnspacedLetters('Ngày 5/3, Hà Nội'), false);
  assert.equal(hasUnspacedLetters('Новый мост'), false);
  assert.equal(hasUnspacedLetters('서울시는 발표했다'), false);
  assert.equal(hasUnspacedLetters('新しい計画'), true);
  assert.equal(hasUnspacedLetters('แผนใหม่'), true);
  assert.equal(hasUnspacedLetters('Apple 发布会'), true);
});

test('a wide character counts as two letters of line length; other text keeps its length', () => {
  assert.equal(textWidth('Hà Nội'), 'Hà Nội'.length);
  assert.equal(textWidth('国际新闻'), 8);
  assert.equal(textWidth('東京（５日）'), 12);
  assert.equal(textWidth('서울 5일'), 8);
});

test('Thai and Lao lines mark no sentence ends; others do', () => {
  assert.equal(writesWithoutSentenceMarks('เกษตรกรในหลายจังหวัดเริ่มปลูกข้าว'), true);
  assert.equal(writesWithoutSentenceMarks('Die Stadt öffnet neue Brunnen.'), false);
  assert.equal(writesWithoutSentenceMarks('他说。'), false);
});

test('sentence ends in any script: 。！？, the danda, the Arabic question mark', () => {
  assert.equal(endsLikeSentence('会议在北京举行。'), true);
  assert.equal(endsLikeSentence('「雨が強い」と話した。」'), true);
  assert.equal(endsLikeSentence('बारिश से राहत मिली।'), true);
  assert.equal(endsLikeSentence('هل تكفي هذه المشاريع؟'), true);
  assert.equal(endsLikeSentence('国际新闻'), false);
  assert.equal(endsLikeSentence('Lottozahlen vom Samstag'), false);
  // Chinese and Japanese need no space after the mark.
  assert.equal(countInnerSentenceEnds('第一句话。第二句话！第三句话？'), 2);
  // Scripts without letter case: any letter after the space starts a sentence.
  assert.equal(countInnerSentenceEnds('पहली बात। दूसरी बात। तीसरी'), 2);
  assert.equal(countInnerSentenceEnds('الجملة الأولى. الجملة الثانية'), 1);
  // Latin as before: an upper-case letter or a quote after ". ", not a lower-case one, not an ellipsis.
  assert.equal(countInnerSentenceEnds('It rained. Then it stopped. and so… Then'), 1);
});

test('a sentence ends before the emoji after its final mark, not at a line that ends with an emoji alone', () => {
  assert.equal(endsLikeSentence('We hope to see you soon! 🙂'), true);
  assert.equal(endsLikeSentence('Super fun! 👍🏽'), true);
  assert.equal(endsLikeSentence('The whole family came along. 👨‍👩‍👧 ❤️'), true);
  assert.equal(endsLikeSentence('"It was worth it." 😀'), true);
  assert.equal(endsLikeSentence('Check them out below ⬇️'), false);
  assert.equal(endsLikeSentence('Our favourite places 🌍'), false);
});

test('words of text written without spaces come from the word segmenter, with offsets', () => {
  const text = 'xx 市政府宣布新计划。';
  const words = segmentWords(text, 3);
  assert.ok(words.length >= 3, 'a clause is several words');
  for (const word of words) assert.equal(text.slice(word.start, word.end), word.text);
  assert.equal(words.map((word) => word.text).join(''), '市政府宣布新计划');
  const seen: string[] = [];
  forEachWord('แผนใหม่ของเมือง', (word) => seen.push(word));
  assert.ok(seen.length >= 3);
  assert.equal(seen.join(''), 'แผนใหม่ของเมือง');
  assert.equal(segmentSentences('第一句。第二句。').length, 2);
});

test('the CoNLL tokenizer cuts Chinese, Japanese and Thai into words and leaves other text as before', () => {
  const chinese = tokenize('市政府宣布新计划。');
  assert.ok(chinese.length >= 4);
  assert.equal(chinese[chinese.length - 1].text, '。');
  assert.equal(chinese.map((token) => token.text).join(''), '市政府宣布新计划。');
  assert.deepEqual(
    tokenize('Hà Nội, 22/3').map((token) => token.text),
    ['Hà', 'Nội', ',', '22/3'],
  );
  const thai = tokenize('แผนใหม่ 30 ไร่');
  assert.ok(thai.length >= 4);
  for (const token of thai) assert.ok(!/\s/.test(token.text));
});
