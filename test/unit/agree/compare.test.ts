// Adjudication: another annotator's tags that differ from mine (ghosts), the three resolutions, and the
// merge of what the annotators agree on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ghostKey, ghostsOf, keepBoth, mergeAgreed, takeTheirs } from '../../../src/core/agree/compare';
import type { Annotation } from '../../../src/core/model/types';

const TEXT = 'President Ana Lima met Bo Chen on 3 May.';
const t = (id: string, label: string, start: number, end: number, extra: Partial<Annotation> = {}): Annotation =>
  ({ id, label, start, end, text: TEXT.slice(start, end), source: 'manual', ...extra });

const mine = [t('m1', 'actor', 14, 18), t('m2', 'actor', 23, 30), t('m3', 'date', 34, 39, { value: '--05-03' })];
const bob = [
  t('b1', 'actor', 10, 18, { by: 'bob' }), // boundary: "Ana Lima" vs my "Lima"
  t('b2', 'date', 23, 30), // label: my actor "Bo Chen"
  t('b3', 'date', 34, 39, { value: '2026-05-03' }), // value
  t('b4', 'actor', 0, 9), // missing: I have nothing there
];

test('their tags that differ from mine are ghosts, each with how it differs', () => {
  const ghosts = ghostsOf(mine, [{ annotator: 'bob', tags: bob }]);
  assert.deepEqual(ghosts.map((g) => [g.tag.text, g.kind, g.mine.map((m) => m.id)]), [
    ['President', 'missing', []],
    ['Ana Lima', 'boundary', ['m1']],
    ['Bo Chen', 'label', ['m2']],
    ['3 May', 'value', ['m3']],
  ]);
  assert.deepEqual(ghostsOf(mine, [{ annotator: 'bob', tags: mine }]), [], 'identical tags are no ghosts');
});

test('resolved ghosts (keep mine) are not shown again', () => {
  const all = ghostsOf(mine, [{ annotator: 'bob', tags: bob }]);
  const left = ghostsOf(mine, [{ annotator: 'bob', tags: bob }], new Set([ghostKey(all[1])]));
  assert.equal(left.length, 3);
  assert.ok(!left.some((g) => g.tag.text === 'Ana Lima'));
});

test('take theirs replaces what it differs from; keep both adds it; their author stays, no review comes along', () => {
  const ghosts = ghostsOf(mine, [{ annotator: 'bob', tags: [{ ...bob[0], review: { verdict: 'approved', by: 'bob' } }] }]);
  const taken = takeTheirs(mine, ghosts[0]);
  assert.deepEqual(taken.map((x) => x.text), ['Ana Lima', 'Bo Chen', '3 May']);
  assert.equal(taken[0].by, 'bob');
  assert.equal(taken[0].review, undefined);
  const both = keepBoth(mine, ghosts[0]);
  assert.deepEqual(both.map((x) => x.text), ['Ana Lima', 'Lima', 'Bo Chen', '3 May']);
  assert.equal(new Set(both.map((x) => x.id)).size, 4);
  assert.deepEqual(ghostsOf(both, [{ annotator: 'bob', tags: [bob[0]] }]), []);
});

test('merging what two annotators agree on adds only the agreed tags and counts what is left', () => {
  const alice = [t('a1', 'actor', 10, 18), t('a2', 'actor', 23, 30), t('a3', 'date', 34, 39, { value: '--05-03' })];
  const bob2 = [t('b1', 'actor', 10, 18), t('b2', 'date', 23, 30), t('b3', 'date', 34, 39, { value: '--05-03' }), t('b4', 'actor', 0, 9)];
  const r = mergeAgreed([], [{ annotator: 'alice', tags: alice }, { annotator: 'bob', tags: bob2 }]);
  assert.deepEqual(r.tags.map((x) => x.text), ['Ana Lima', '3 May']);
  assert.equal(r.added, 2);
  // left: alice's actor "Bo Chen", bob's date "Bo Chen", bob's "President"
  assert.equal(r.conflicts, 3);
  const again = mergeAgreed(r.tags, [{ annotator: 'alice', tags: alice }, { annotator: 'bob', tags: bob2 }]);
  assert.equal(again.added, 0, 'merging twice adds nothing');
});
