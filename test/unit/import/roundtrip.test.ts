// Export then import gives back the same tags (label, UTF-16 span, value) for brat, jsonl and doccano.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportDocuments } from '../../../src/core/export/registry';
import { MemorySink } from '../../../src/core/export/sink';
import { importBrat } from '../../../src/core/import/brat';
import { importJsonl } from '../../../src/core/import/jsonl';
import { matchDocument } from '../../../src/core/import/match';
import type { ImportedTag } from '../../../src/core/import/types';
import { fixtureCorpus } from '../../fixtures/export/corpus';

/** The tags an export should carry: valid, not orphaned, as ImportedTags, sorted. */
function expectedTags(withValues: boolean): Map<string, ImportedTag[]> {
  const byPath = new Map<string, ImportedTag[]>();
  for (const doc of fixtureCorpus()) {
    const tags = (doc.sidecar?.annotations ?? [])
      .filter((tag) => !tag.orphaned && doc.text.slice(tag.start, tag.end) === tag.text)
      .map((tag) => {
        const imported: ImportedTag = { label: tag.label, start: tag.start, end: tag.end };
        if (withValues && tag.value !== undefined) imported.value = tag.value;
        return imported;
      });
    byPath.set(doc.path, sortTags(tags));
  }
  return byPath;
}

function sortTags(tags: ImportedTag[]): ImportedTag[] {
  return [...tags].sort((a, b) => a.start - b.start || b.end - a.end || a.label.localeCompare(b.label));
}

function lines(content: string | undefined): string[] {
  return (content ?? '').split('\n').filter((line) => line !== '');
}

for (const offsets of ['codepoint', 'utf16'] as const) {
  test(`jsonl (${offsets} offsets) round trip gives the same tags and values`, () => {
    const sink = new MemorySink();
    exportDocuments('jsonl', fixtureCorpus(), sink, { offsets });
    const expected = expectedTags(true);
    const corpus = fixtureCorpus();
    const records = lines(sink.files.get('corpus.jsonl')).map(importJsonl);
    assert.equal(records.length, corpus.length);
    for (const record of records) {
      assert.deepEqual(record.problems, []);
      const path = matchDocument(record.text, corpus, record.document);
      assert.ok(path);
      assert.equal(record.document, path);
      assert.deepEqual(sortTags(record.tags), expected.get(path));
    }
  });
}

test('doccano round trip gives the same labels and spans', () => {
  const sink = new MemorySink();
  exportDocuments('doccano', fixtureCorpus(), sink);
  const expected = expectedTags(false);
  const corpus = fixtureCorpus();
  for (const record of lines(sink.files.get('doccano.jsonl')).map(importJsonl)) {
    const path = matchDocument(record.text, corpus);
    assert.ok(path);
    assert.deepEqual(sortTags(record.tags), expected.get(path));
  }
});

test('brat round trip restores multi-line spans from fragments and values from notes', () => {
  const sink = new MemorySink();
  exportDocuments('brat', fixtureCorpus(), sink);
  const expected = expectedTags(true);
  for (const doc of fixtureCorpus()) {
    const stem = doc.path.replace(/\.txt$/, '');
    const txt = sink.files.get(`${stem}.txt`);
    assert.equal(txt, doc.text);
    const record = importBrat(txt, sink.files.get(`${stem}.ann`) ?? '');
    assert.deepEqual(record.problems, []);
    assert.deepEqual(sortTags(record.tags), expected.get(doc.path), doc.path);
  }
});
