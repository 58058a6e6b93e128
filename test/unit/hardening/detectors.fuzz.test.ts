// Detectors on hostile text: random Unicode (surrogate pairs, combining marks, RTL, NUL, very long lines)
// never throws, and every offset is inside the text and never splits a surrogate pair.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyseDocument } from '../../../src/core/detect/analyse';
import { CorpusModel } from '../../../src/core/detect/corpus';
import { LearnedEntities } from '../../../src/core/detect/learned';
import { lexiconsFromFiles, loadLexiconsFromDisk } from '../../../src/node/lexicons';
import { REPO_ROOT } from '../actors/fixture';

const loaded = loadLexiconsFromDisk(REPO_ROOT);
const { stopwords, entities } = lexiconsFromFiles(loaded.files);

const pieces = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }), // lone surrogates included
  fc.constantFrom('Tổng thống ', 'Nguyễn Văn A', 'ngày 22/3', '23/03/2021', 'Nov 18, 2019', '\u0000', '\r\n', '\n', '\r', ' ', 'بيروت', '\u200f', 'e\u0301\u0302', '😀', 'Ông ', 'Bộ Ngoại giao', 'tháng 10', '. '),
);
const texts = fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join(''));

function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function check(text: string, corpus: CorpusModel): void {
  const result = analyseDocument(text, { corpus, stopwords, entities, learned: new LearnedEntities(), options: {} });
  for (const l of result.lines) {
    assert.ok(l.start >= 0 && l.start <= l.end && l.end <= text.length, `line ${l.line} out of bounds`);
    assert.ok(l.score >= 0 && l.score <= 1, `line score ${l.score}`);
  }
  for (const s of result.suggestions) {
    assert.ok(s.start >= 0 && s.start < s.end && s.end <= text.length, `suggestion ${s.start}-${s.end} out of bounds`);
    assert.equal(s.text, text.slice(s.start, s.end));
    assert.ok(!splitsPair(text, s.start) && !splitsPair(text, s.end), `suggestion ${s.start}-${s.end} splits a surrogate pair`);
  }
}

test('detectors never throw and never return bad offsets on random Unicode', () => {
  const corpus = new CorpusModel();
  fc.assert(
    fc.property(fc.array(texts, { minLength: 1, maxLength: 4 }), (docs) => {
      docs.forEach((d, i) => corpus.addDocument(`doc${i}`, d));
      for (const d of docs) check(d, corpus);
      docs.forEach((_, i) => corpus.removeDocument(`doc${i}`));
    }),
    { numRuns: 300 },
  );
});

test('a very long line (2 MB without a break) and a page of NULs are analysed without error', () => {
  const corpus = new CorpusModel();
  check('Tổng thống Nguyễn Văn A ngày 22/3 '.repeat(60_000), corpus);
  check('\u0000'.repeat(100_000), corpus);
  check('😀'.repeat(50_000), corpus);
});
