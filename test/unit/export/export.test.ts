import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { exportDocuments, exporters } from '../../../src/core/export/registry';
import { MemorySink } from '../../../src/core/export/sink';
import type { ExportDocument } from '../../../src/core/export/types';
import type { Annotation } from '../../../src/core/model/types';
import { fixtureCorpus } from '../../fixtures/export/corpus';

test('the registry holds every format, each writing manifest.json equal to what end() returns', () => {
  assert.deepEqual([...exporters.keys()], ['jsonl', 'doccano', 'conll', 'brat', 'labelstudio', 'text']);
  for (const id of exporters.keys()) {
    const sink = new MemorySink();
    const manifest = exportDocuments(id, fixtureCorpus(), sink);
    assert.deepEqual(JSON.parse(sink.files.get('manifest.json') ?? ''), manifest);
    assert.deepEqual(manifest.files, [...sink.files.keys()], id);
    assert.equal(manifest.orphaned.total, 1, id);
  }
  assert.throws(() => exportDocuments('xml', [], new MemorySink()), /Unknown export format "xml"/);
});

test('labelstudio.json is a valid JSON list also when streamed with zero or many documents', () => {
  const empty = new MemorySink();
  exportDocuments('labelstudio', [], empty);
  assert.deepEqual(JSON.parse(empty.files.get('labelstudio.json') ?? ''), []);
  const sink = new MemorySink();
  exportDocuments('labelstudio', fixtureCorpus(), sink, { include: 'pending' });
  const tasks = JSON.parse(sink.files.get('labelstudio.json') ?? '') as Array<{ predictions?: Array<{ result: unknown[] }> }>;
  assert.equal(tasks.length, 4);
  assert.equal(tasks[1].predictions?.[0].result.length, 2);
  const accepted = new MemorySink();
  exportDocuments('labelstudio', fixtureCorpus(), accepted);
  assert.ok(!accepted.files.get('labelstudio.json')?.includes('"predictions"'));
});

test('onlyDone and labels filter documents and tags, with reasons in the manifest', () => {
  const sink = new MemorySink();
  const manifest = exportDocuments('jsonl', fixtureCorpus(), sink, { onlyDone: true, labels: ['date'] });
  assert.equal(manifest.documents.exported, 1);
  assert.deepEqual(manifest.skipped.items.map((s) => s.reason), ['status is todo', 'no sidecar (status todo)', 'status is in-progress']);
  assert.deepEqual(manifest.tags, { date: 2 });
  const record = JSON.parse(sink.files.get('corpus.jsonl') ?? '') as { spans: Array<{ label: string }> };
  assert.deepEqual(record.spans.map((s) => s.label), ['date', 'date']);
});

test('brat and text skip a document whose output name is taken', () => {
  const docs: ExportDocument[] = [
    { path: 'a.txt', text: 'one' },
    { path: 'a', text: 'two' },
  ];
  const manifest = exportDocuments('brat', docs, new MemorySink());
  assert.equal(manifest.documents.exported, 1);
  assert.match(manifest.skipped.items[0].reason, /taken/);
});

// Random documents of syllables, numbers and punctuation with random (possibly overlapping, mid-token) tags.
const syllable = fc.constantFrom('Hà', 'Nội', 'ông', 'Putin', '22/3', ',', '.', '😀', '“', '”', 'Việt'.normalize('NFD'));
const documentArb = fc
  .array(fc.tuple(syllable, fc.constantFrom(' ', ' ', '\n')), { minLength: 1, maxLength: 30 })
  .map((parts) => parts.map(([word, gap]) => word + gap).join(''))
  .chain((text) =>
    fc.record({
      text: fc.constant(text),
      spans: fc.array(fc.tuple(fc.nat(text.length), fc.nat(text.length), fc.constantFrom('actor', 'date', 'body')), { maxLength: 6 }),
    }),
  );

test('CoNLL output stays two-column, well-formed BIO for random overlapping and mid-token tags (property)', () => {
  fc.assert(
    fc.property(documentArb, ({ text, spans }) => {
      const annotations: Annotation[] = spans
        .map(([a, b, label], i) => ({ id: `t${i}`, label, start: Math.min(a, b), end: Math.max(a, b), text: '', source: 'manual' as const }))
        .filter((tag) => tag.start < tag.end)
        .map((tag) => ({ ...tag, text: text.slice(tag.start, tag.end) }));
      const sink = new MemorySink();
      const doc: ExportDocument = { path: 'p.txt', text, sidecar: { newsmark: 1, document: 'p.txt', status: 'done', annotations, dismissed: [] } };
      exportDocuments('conll', [doc], sink);
      let previous = 'O';
      for (const line of (sink.files.get('corpus.conll') ?? '').split('\n')) {
        if (line === '') {
          previous = 'O';
          continue;
        }
        const columns = line.split(' ');
        assert.equal(columns.length, 2, line);
        assert.match(columns[1], /^(O|[BI]-(ACTOR|DATE))$/);
        if (columns[1].startsWith('I-')) assert.equal(previous.slice(2), columns[1].slice(2), `${line} after ${previous}`);
        previous = columns[1];
      }
    }),
    { numRuns: 200 },
  );
});

test('an export where every document is skipped still writes its (empty) data file', () => {
  for (const [format, file] of [['jsonl', 'corpus.jsonl'], ['doccano', 'doccano.jsonl'], ['conll', 'corpus.conll']]) {
    const sink = new MemorySink();
    const manifest = exportDocuments(format, [{ path: 'a.txt', text: 'x' }], sink, { onlyDone: true });
    assert.equal(sink.files.get(file), '', format);
    assert.deepEqual(manifest.files, [file, 'manifest.json']);
  }
});
