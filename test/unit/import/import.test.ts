import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importBrat } from '../../../src/core/import/brat';
import { importJsonl } from '../../../src/core/import/jsonl';
import { matchDocument } from '../../../src/core/import/match';
import { mergeImported } from '../../../src/core/import/merge';
import { ImportError } from '../../../src/core/import/types';
import { CONTEXT_CHARS, type SidecarData } from '../../../src/core/model/types';

const TEXT = '😀 Ông Vladimir Putin nói ngày 22/3.';
const PUTIN = TEXT.indexOf('Vladimir Putin');

test('doccano code point offsets after an emoji come back as UTF-16', () => {
  const record = importJsonl(JSON.stringify({ text: TEXT, label: [[PUTIN - 1, PUTIN + 13, 'actor']] }));
  assert.deepEqual(record.tags, [{ label: 'actor', start: PUTIN, end: PUTIN + 14 }]);
  const entities = importJsonl(JSON.stringify({ text: TEXT, entities: [{ start_offset: PUTIN - 1, end_offset: PUTIN + 13, label: 'actor' }] }));
  assert.deepEqual(entities.tags, record.tags);
});

test('jsonl spans whose text does not match, or out of range, are reported and not imported', () => {
  const record = importJsonl(JSON.stringify({
    text: TEXT,
    spans: [
      { start: PUTIN - 1, end: PUTIN + 13, label: 'actor', text: 'Vladimir Putin' },
      { start: PUTIN, end: PUTIN + 14, label: 'actor', text: 'Vladimir Putin' },
      { start: 30, end: 300, label: 'date', text: 'x' },
    ],
  }));
  assert.equal(record.tags.length, 1);
  assert.equal(record.problems.length, 2);
  assert.match(record.problems[0], /spans\[1\]: span text "Vladimir Putin" differs/);
  assert.throws(() => importJsonl('{"spans": []}'), ImportError);
  assert.throws(() => importJsonl('not json'), ImportError);
});

test('brat: fragments join into one tag, notes become values, bad lines are reported', () => {
  const txt = 'Hà Nội\n😀 ngày 19 hoặc 22/3';
  const ann = [
    'T1\tbody 0 6;7 26\tHà Nội 😀 ngày 19 hoặc 22/3',
    'T2\tdate 14 26\t19 hoặc 22/3',
    '#1\tAnnotatorNotes T2\t2021-03-19 | 2021-03-22',
    'R1\trel Arg1:T1 Arg2:T2',
    'T3\tdate 20 99\tx',
  ].join('\n');
  const record = importBrat(txt, ann);
  assert.deepEqual(record.tags, [
    { label: 'body', start: 0, end: txt.length },
    { label: 'date', start: txt.indexOf('19'), end: txt.length, value: ['2021-03-19', '2021-03-22'] },
  ]);
  assert.equal(record.problems.length, 2);
});

test('matchDocument finds a document by content, prefers the named one among equal texts', () => {
  const corpus = [
    { path: 'a.txt', text: 'other' },
    { path: 'b.txt', text: TEXT },
    { path: 'c.txt', text: TEXT },
  ];
  assert.equal(matchDocument(TEXT, corpus), 'b.txt');
  assert.equal(matchDocument(TEXT, corpus, 'c.txt'), 'c.txt');
  assert.equal(matchDocument(TEXT.normalize('NFD'), corpus), undefined);
});

test('mergeImported adds new tags, skips duplicates, reports same-label overlaps, never changes existing tags', () => {
  const existing: SidecarData = {
    newsmark: 1,
    document: 'x.txt',
    status: 'in-progress',
    annotations: [
      { id: 'a1', label: 'actor', start: PUTIN, end: PUTIN + 14, text: 'Vladimir Putin', source: 'manual' },
      { id: 'a2', label: 'actor', start: 0, end: 2, text: '😀', source: 'manual', orphaned: true },
    ],
    dismissed: [],
  };
  const snapshot = structuredClone(existing);
  const date = TEXT.indexOf('22/3');
  const result = mergeImported(existing, TEXT, [
    { label: 'actor', start: PUTIN, end: PUTIN + 14 }, // duplicate
    { label: 'actor', start: PUTIN + 9, end: PUTIN + 14 }, // "Putin": same label, other bounds
    { label: 'date', start: date, end: date + 4, value: '2021-03-22' },
    { label: 'date', start: date, end: date + 4 }, // duplicate of the one just added
    { label: 'body', start: 0, end: TEXT.length }, // other label overlapping: fine
    { label: 'date', start: 5, end: 500 },
  ], new Date('2026-01-02T03:04:05Z'), 'importer');
  assert.deepEqual(existing, snapshot, 'the input sidecar is not mutated');
  assert.equal(result.added, 2);
  assert.equal(result.duplicates, 2);
  assert.equal(result.invalid.length, 1);
  assert.deepEqual(result.conflicts.map((c) => [c.imported.text, c.existing.id]), [['Putin', 'a1']]);
  const added = result.sidecar.annotations.filter((tag) => tag.source === 'imported');
  assert.deepEqual(added.map((tag) => [tag.label, tag.text, tag.value, tag.by, tag.at]), [
    ['body', TEXT, undefined, 'importer', '2026-01-02T03:04:05.000Z'],
    ['date', '22/3', '2021-03-22', 'importer', '2026-01-02T03:04:05.000Z'],
  ]);
  const dateTag = added[1];
  assert.equal(dateTag.before, TEXT.slice(Math.max(0, date - CONTEXT_CHARS), date));
  assert.equal(dateTag.after, '.');
  const ids = result.sidecar.annotations.map((tag) => tag.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.ok(result.sidecar.annotations.some((tag) => tag.id === 'a2' && tag.orphaned));
});

test('mergeImported creates a sidecar when there is none', () => {
  const result = mergeImported(undefined, TEXT, [{ label: 'actor', start: PUTIN, end: PUTIN + 14 }], '2026-01-01T00:00:00Z', 'me', 'x.txt');
  assert.equal(result.sidecar.document, 'x.txt');
  assert.equal(result.sidecar.status, 'todo');
  assert.equal(result.added, 1);
  assert.equal(result.sidecar.annotations[0].text, 'Vladimir Putin');
});
