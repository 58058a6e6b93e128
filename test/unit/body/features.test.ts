import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineFeatureCache } from '../../../src/core/detect/body/features';
import { detectLines } from '../../../src/core/detect/body/index';
import { lineKeyHash, splitLine } from '../../../src/core/text/normalize';
import { CorpusModel } from '../../../src/core/detect/corpus';
import { WordTable } from '../../../src/core/detect/wordTable';
import { forEachLine, lineSpans } from '../../../src/core/text/lines';
import { loadShippedStopwords } from './shippedStopwords';

const stopwords = loadShippedStopwords();

/** A made-up page: a menu, a headline, paragraphs of an article, a list of other titles, a footer. */
function page(seed: number): string {
  const paragraphs = [
    'The regional council voted on Monday to rebuild the old harbour wall, which was damaged by storms last winter.',
    'Fishermen said that the work was overdue and that several boats had been lost because of the broken wall.',
    'The project is expected to take two years, and the council will ask the national government for half of the cost.',
    'Engineers will first inspect the foundations, which date from the nineteenth century, before any stone is moved.',
    'Residents can see the plans at the town hall until the end of the month and send their comments by letter.',
  ];
  return [
    'Home | Region | Sport | Weather',
    `Updated 0${seed % 10}:30`,
    'Council votes to rebuild the harbour wall',
    ...paragraphs.map((paragraph, index) => (index === seed % 5 ? `${paragraph} (${seed})` : paragraph)),
    'More stories',
    'Storm warning for the weekend',
    'New ferry timetable published',
    'School choir wins national prize',
    'Contact | Privacy | Advertise',
  ].join('\n');
}

function corpusOf(count: number): CorpusModel {
  const corpus = new CorpusModel();
  for (let n = 0; n < count; n++) corpus.addDocument(`p${n}`, page(n));
  return corpus;
}

test('with a feature cache, detectLines gives the same decisions over a series of edits (property)', () => {
  const corpus = corpusOf(4);
  const edit = fc.record({ at: fc.nat(), insert: fc.constantFrom('x', '\n', 'Also. ', '\nNew line here\n', ''), remove: fc.nat(12) });
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
      const cache = new LineFeatureCache();
      let text = page(7);
      for (const { at, insert, remove } of edits) {
        const position = at % (text.length + 1);
        text = text.slice(0, position) + insert + text.slice(Math.min(text.length, position + remove));
        const cached = detectLines(text, corpus, stopwords, { documentId: 'edited', cache });
        const fresh = detectLines(text, corpus, stopwords, { documentId: 'edited' });
        assert.deepEqual(cached, fresh);
      }
    }),
    { numRuns: 60 },
  );
});

test('the cache recounts stop words when the language changes and forgets lines no longer used', () => {
  const corpus = corpusOf(3);
  const cache = new LineFeatureCache();
  const text = page(1);
  const english = detectLines(text, corpus, stopwords, { cache });
  const forcedOther = detectLines(text, corpus, stopwords, { cache, language: 'German' });
  assert.deepEqual(forcedOther, detectLines(text, corpus, stopwords, { language: 'German' }));
  assert.notDeepEqual(forcedOther, english);
  assert.deepEqual(detectLines(text, corpus, stopwords, { cache }), english);
  // Many different documents through one cache: it keeps about the latest ones only.
  for (let n = 0; n < 400; n++) detectLines(`${page(n)}\nline ${n} of a long series of unique text`, corpus, stopwords, { cache });
  assert.ok(cache.size < 2_000, `cache holds ${cache.size} lines`);
});

test('a combining mark with no precomposed form does not break line hashing', () => {
  const text = 'x\u0301 marks and q\u0323\u0301 too';
  assert.equal(splitLine(text).hashes.length, 5);
  assert.equal(lineKeyHash(text), lineKeyHash(text.normalize('NFC')));
  const decisions = detectLines(`${text}\nA second line of ordinary prose that is long enough to be read.`, new CorpusModel(), stopwords);
  assert.equal(decisions.length, 2);
});

test('forEachLine visits the spans lineSpans lists (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', 'bc', ' ', '\n', '\r', '\r\n'), { maxLength: 40 }), (pieces) => {
      const text = pieces.join('');
      const visited: { line: number; start: number; end: number }[] = [];
      forEachLine(text, (line, start, end) => visited.push({ line, start, end }));
      assert.deepEqual(visited, lineSpans(text));
    }),
  );
});

test('WordTable stores and finds word hashes like a Map, through growth (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 0x3fffffff }), fc.integer({ min: 1, max: 1000 })), { maxLength: 300 }), (pairs) => {
      const table = new WordTable();
      const reference = new Map<number, number>();
      for (const [key, value] of pairs) {
        table.set(key, value);
        reference.set(key, value);
      }
      assert.equal(table.size, reference.size);
      for (const [key, value] of reference) assert.equal(table.get(key), value);
      for (const [key] of pairs) assert.equal(table.has(key ^ 1), reference.has(key ^ 1));
    }),
  );
  assert.throws(() => new WordTable().set(-1, 1), RangeError);
  assert.throws(() => new WordTable().set(5, 0), RangeError);
});
