// Re-importing tags that are already there costs what adding them costs (D18): the work per imported tag
// does not grow with the number of tags in the sidecar. Counted, not timed: how often the merge looks at an
// imported tag's offsets.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mergeImported } from '../../../src/core/import/merge';
import type { ImportedTag } from '../../../src/core/import/types';

/** A page of n names, the n tags on them, and a counter of reads of the tags' offsets. */
function names(n: number): { text: string; tags: ImportedTag[]; reads: () => number } {
  let text = '';
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) {
    const name = `Name${String(i).padStart(5, '0')}`;
    spans.push([text.length, text.length + name.length]);
    text += name + (i % 10 === 9 ? '.\n' : ' ');
  }
  let count = 0;
  const tags = spans.map(([start, end]) => {
    const tag = { label: 'actor' } as ImportedTag;
    Object.defineProperty(tag, 'start', { get: () => (count++, start), enumerable: true });
    Object.defineProperty(tag, 'end', { get: () => (count++, end), enumerable: true });
    return tag;
  });
  return { text, tags, reads: () => count };
}

/** Offset reads per imported tag when importing all n tags a second time. */
function readsPerTagOnReimport(n: number): number {
  const { text, tags, reads } = names(n);
  const first = mergeImported(undefined, text, tags, '2026-12-02T00:00:00Z', 'test', 'page.txt');
  assert.equal(first.added, n);
  const before = reads();
  const again = mergeImported(first.sidecar, text, tags, '2026-12-02T00:00:00Z', 'test', 'page.txt');
  assert.equal(again.duplicates, n, 'every tag is already there');
  assert.equal(again.added, 0);
  return (reads() - before) / n;
}

describe('re-importing tags that are already there', () => {
  it('looks at each imported tag a bounded number of times, however many tags the sidecar holds', () => {
    const small = readsPerTagOnReimport(1_000);
    const large = readsPerTagOnReimport(8_000);
    // Comparing each tag with every tag in the sidecar read the offsets thousands of times per tag.
    assert.ok(large < 50, `${large} reads per tag with 8,000 tags`);
    assert.ok(large / small < 2, `per-tag work grew ${large / small}x from 1,000 to 8,000 tags`);
  });

  it('still finds the conflicts: a tag overlapping one already there, even a long one far before it', () => {
    const text = `${'word '.repeat(200)}Barack Obama met Nguyen Van An.\n`;
    const at = text.indexOf('Barack');
    const existing = mergeImported(undefined, text, [{ label: 'body', start: 0, end: text.length - 1 }, { label: 'actor', start: at, end: at + 12 }], '2026-12-02T00:00:00Z', 'test', 'p.txt');
    const result = mergeImported(existing.sidecar, text, [
      { label: 'actor', start: at + 7, end: at + 12 },
      { label: 'body', start: text.length - 10, end: text.length - 1 },
      { label: 'actor', start: at, end: at + 12 },
    ], '2026-12-02T00:00:00Z', 'test', 'p.txt');
    assert.deepEqual(result.conflicts.map((c) => [c.imported.label, c.existing.text.slice(0, 12)]), [['actor', 'Barack Obama'], ['body', 'word word wo']]);
    assert.equal(result.duplicates, 1);
  });
});
