import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addTag, mergeById, mergeDismissals, newAnnotationId, sameAnnotation, sortAnnotations, tagsAt,
} from '../../../src/core/model/annotations';
import { Annotation, Dismissal } from '../../../src/core/model/types';

function tag(id: string, start: number, end: number, label = 'actor', extra: Partial<Annotation> = {}): Annotation {
  return { id, label, start, end, text: 'x'.repeat(end - start), source: 'manual', ...extra };
}

test('newAnnotationId gives short hex ids not already used', () => {
  const existing = new Set<string>();
  for (let i = 0; i < 5000; i++) {
    const id = newAnnotationId(existing);
    assert.match(id, /^[0-9a-f]{4,}$/);
    assert.ok(!existing.has(id));
    existing.add(id);
  }
  assert.equal(newAnnotationId(new Set()).length, 4);
  // With every 4-digit id taken, longer ids appear.
  const full = new Set(Array.from({ length: 0x10000 }, (_, i) => i.toString(16).padStart(4, '0')));
  const id = newAnnotationId(full);
  assert.ok(id.length > 4 && !full.has(id));
});

test('sortAnnotations orders by start, end, label, then id, without changing the input', () => {
  const list = [tag('b', 5, 9), tag('a', 0, 4, 'date'), tag('c', 0, 4, 'actor'), tag('d', 0, 2), tag('a2', 0, 4, 'actor')];
  const sorted = sortAnnotations(list);
  assert.deepEqual(sorted.map((t) => t.id), ['d', 'a2', 'c', 'a', 'b']);
  assert.equal(list[0].id, 'b');
});

test('addTag inserts in order and refuses an exact duplicate (same label, start, end)', () => {
  let list: Annotation[] = [tag('a', 0, 4), tag('c', 10, 14)];
  const added = addTag(list, tag('b', 5, 9));
  assert.equal(added.added, true);
  assert.deepEqual(added.list.map((t) => t.id), ['a', 'b', 'c']);
  list = added.list;
  const dup = addTag(list, tag('z', 5, 9));
  assert.equal(dup.added, false);
  assert.equal(dup.tag.id, 'b');
  assert.deepEqual(dup.list, list);
  // Same span, other label: a different tag.
  assert.equal(addTag(list, tag('y', 5, 9, 'date')).added, true);
  // A clashing id is replaced.
  const clash = addTag(list, tag('a', 20, 22));
  assert.equal(clash.added, true);
  assert.notEqual(clash.tag.id, 'a');
  assert.equal(new Set(clash.list.map((t) => t.id)).size, 4);
});

test('tagsAt finds the tags covering an offset', () => {
  const list = [tag('outer', 0, 10), tag('inner', 3, 5, 'date'), tag('later', 10, 12)];
  assert.deepEqual(tagsAt(list, 4).map((t) => t.id), ['outer', 'inner']);
  assert.deepEqual(tagsAt(list, 5).map((t) => t.id), ['outer']);
  assert.deepEqual(tagsAt(list, 10).map((t) => t.id), ['later']);
  assert.deepEqual(tagsAt(list, 10, { inclusiveEnd: true }).map((t) => t.id), ['outer', 'later']);
  assert.deepEqual(tagsAt(list, 12), []);
});

test('sameAnnotation compares every stored field', () => {
  const a = tag('a', 0, 4, 'actor', { value: ['x', 'y'] });
  assert.ok(sameAnnotation(a, { ...a, value: ['x', 'y'] }));
  assert.ok(sameAnnotation(a, { ...a, orphaned: false }));
  assert.ok(!sameAnnotation(a, { ...a, value: ['x'] }));
  assert.ok(!sameAnnotation(a, { ...a, at: '2026-01-01' }));
});

test('mergeById: a change made on one side wins', () => {
  const base = [tag('a', 0, 4), tag('b', 5, 9), tag('c', 10, 14)];
  const mine = [tag('a', 0, 4, 'date'), tag('b', 5, 9), tag('d', 20, 24)]; // edit a, delete c, add d
  const theirs = [tag('a', 0, 4), tag('b', 6, 10), tag('c', 10, 14), tag('e', 30, 34)]; // move b, add e
  const { merged, conflicts } = mergeById(base, mine, theirs);
  assert.deepEqual(conflicts, []);
  assert.deepEqual(merged, [tag('a', 0, 4, 'date'), tag('b', 6, 10), tag('d', 20, 24), tag('e', 30, 34)]);
});

test('mergeById: edits to different fields of one tag combine', () => {
  const base = [tag('a', 0, 4)];
  const mine = [tag('a', 0, 4, 'actor', { value: 'Vladimir Putin' })];
  const theirs = [tag('a', 2, 6, 'actor', { source: 'accepted' })];
  const { merged, conflicts } = mergeById(base, mine, theirs);
  assert.deepEqual(conflicts, []);
  assert.deepEqual(merged, [tag('a', 2, 6, 'actor', { value: 'Vladimir Putin', source: 'accepted' })]);
});

test('mergeById: deletion against edit keeps the edit and reports it', () => {
  const base = [tag('a', 0, 4)];
  const { merged, conflicts } = mergeById(base, [], [tag('a', 0, 4, 'date')]);
  assert.deepEqual(merged, [tag('a', 0, 4, 'date')]);
  assert.deepEqual(conflicts, [{ id: 'a', mine: undefined, theirs: tag('a', 0, 4, 'date') }]);
  const other = mergeById(base, [tag('a', 0, 4, 'person')], []);
  assert.deepEqual(other.merged, [tag('a', 0, 4, 'person')]);
  assert.equal(other.conflicts.length, 1);
});

test('mergeById: two different edits keep both, theirs under a new id', () => {
  const base = [tag('a', 0, 4)];
  const mine = [tag('a', 0, 4, 'date')];
  const theirs = [tag('a', 0, 4, 'person')];
  const { merged, conflicts } = mergeById(base, mine, theirs);
  assert.equal(merged.length, 2);
  assert.deepEqual(merged.find((t) => t.id === 'a'), mine[0]);
  const renamed = merged.find((t) => t.id !== 'a');
  assert.ok(renamed);
  assert.deepEqual({ ...renamed, id: 'a' }, theirs[0]);
  assert.deepEqual(conflicts, [{ id: 'a', mine: mine[0], theirs: theirs[0] }]);
  // The same tag added on both sides differently: also both kept.
  const added = mergeById([], [tag('n', 0, 2)], [tag('n', 5, 7)]);
  assert.equal(added.merged.length, 2);
  assert.equal(added.conflicts.length, 1);
  // Identical changes are no conflict.
  assert.deepEqual(mergeById(base, mine, mine), { merged: mine, conflicts: [] });
});

test('mergeById: offsets moved differently on both sides conflict as a whole (no mixed spans)', () => {
  const base = [tag('a', 10, 14)];
  const { merged, conflicts } = mergeById(base, [tag('a', 12, 16)], [tag('a', 10, 20)]);
  assert.equal(conflicts.length, 1);
  assert.equal(merged.length, 2);
  assert.ok(merged.every((t) => t.text.length === t.end - t.start));
});

test('mergeDismissals applies the additions and removals of both sides', () => {
  const d = (start: number, label = 'actor'): Dismissal => ({ label, start, end: start + 2, text: 'ab' });
  const base = [d(0), d(10), d(20)];
  const mine = [d(0), d(20), d(30)]; // removed 10, added 30
  const theirs = [d(0), d(10), d(40, 'date')]; // removed 20, added 40
  assert.deepEqual(mergeDismissals(base, mine, theirs), [d(0), d(30), d(40, 'date')]);
});
