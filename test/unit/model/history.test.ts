import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnnotationHistory, diffAnnotations } from '../../../src/core/model/history';
import { rebase } from '../../../src/core/model/rebase';
import { Annotation } from '../../../src/core/model/types';

function tag(id: string, start: number, end: number, label = 'actor'): Annotation {
  return { id, label, start, end, text: 'x'.repeat(end - start), source: 'manual' };
}

test('undo and redo step through recorded changes', () => {
  const history = new AnnotationHistory();
  const s0 = [tag('a', 0, 4)];
  const s1 = [...s0, tag('b', 5, 9)]; // add
  const s2 = [tag('a', 0, 4, 'date'), tag('b', 5, 9)]; // relabel
  const s3 = [tag('a', 0, 4, 'date')]; // delete
  assert.equal(history.record(s0, s1, 'add'), true);
  assert.equal(history.record(s1, s2, 'relabel'), true);
  assert.equal(history.record(s2, s3, 'delete'), true);
  assert.equal(history.peekUndo()?.label, 'delete');

  let current = s3;
  current = history.undo(current) as Annotation[];
  assert.deepEqual(current, s2);
  current = history.undo(current) as Annotation[];
  assert.deepEqual(current, s1);
  current = history.undo(current) as Annotation[];
  assert.deepEqual(current, s0);
  assert.equal(history.canUndo, false);
  assert.equal(history.undo(current), undefined);

  current = history.redo(current) as Annotation[];
  assert.deepEqual(current, s1);
  current = history.redo(current) as Annotation[];
  assert.deepEqual(current, s2);
  assert.equal(history.peekRedo()?.label, 'delete');
});

test('recording a new change clears redo; no change records nothing', () => {
  const history = new AnnotationHistory();
  const s0: Annotation[] = [];
  const s1 = [tag('a', 0, 4)];
  history.record(s0, s1);
  history.undo(s1);
  assert.equal(history.canRedo, true);
  assert.equal(history.record(s0, [tag('b', 1, 2)]), true);
  assert.equal(history.canRedo, false);
  assert.equal(history.record(s1, [tag('a', 0, 4)]), false);
});

test('the history is bounded', () => {
  const history = new AnnotationHistory(3);
  let current: Annotation[] = [];
  for (let i = 0; i < 5; i++) {
    const next = [...current, tag(`t${i}`, i * 10, i * 10 + 2)];
    history.record(current, next);
    current = next;
  }
  let undone = 0;
  while (history.canUndo) {
    current = history.undo(current) as Annotation[];
    undone++;
  }
  assert.equal(undone, 3);
  assert.deepEqual(current.map((t) => t.id), ['t0', 't1']);
});

test('undo works on the tags as they are now: typing since the change is not reverted', () => {
  const history = new AnnotationHistory();
  const s0 = [tag('a', 10, 14)];
  const s1 = [tag('a', 10, 14, 'date'), tag('b', 20, 24)];
  history.record(s0, s1);
  // Five characters typed at the top move both tags.
  const typed = rebase(s1, [{ start: 0, end: 0, text: 'Hello' }], 'Hello' + 'y'.repeat(40)).kept;
  const undone = history.undo(typed) as Annotation[];
  // b (added by the change) is gone; a gets its old label back at its current place.
  assert.deepEqual(undone.map((t) => [t.id, t.label, t.start, t.end]), [['a', 'actor', 15, 19]]);
});

test('records are copies: later changes to the lists do not alter history', () => {
  const history = new AnnotationHistory();
  const a = tag('a', 0, 4);
  const s1 = [a];
  history.record([], s1);
  a.label = 'mutated';
  const redoTarget = history.undo(s1);
  assert.deepEqual(redoTarget, []);
  assert.equal(history.redo([])?.[0].label, 'actor');
  assert.deepEqual(diffAnnotations([tag('x', 0, 1)], [tag('x', 0, 1)]), []);
});
