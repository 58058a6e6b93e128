// The `suggested` field (format 1 extension): which suggestion a tag or dismissal was decided on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCanonical, writeCanonical } from '../../../src/core/sidecar/canonical';
import { parseSidecar, serialiseSidecar } from '../../../src/core/sidecar/codec';
import type { SidecarData } from '../../../src/core/model/types';

function sample(): SidecarData {
  return {
    newsmark: 1,
    document: 'story.txt',
    status: 'in-progress',
    annotations: [
      { id: 'a1', label: 'actor', start: 0, end: 9, text: 'Ana Souza', source: 'accepted', suggested: { source: 'rules', rule: 'title', score: 0.85 } },
      { id: 'a2', label: 'actor', start: 20, end: 24, text: 'Lund', source: 'manual' },
    ],
    dismissed: [
      { label: 'actor', start: 30, end: 35, text: 'Norte', at: '2026-12-01T10:00:00Z', suggested: { source: 'propagation', rule: 'accepted', score: 0.8 } },
    ],
  };
}

test('suggested fields survive the canonical write and its fast reader', () => {
  const text = writeCanonical(sample());
  assert.match(text, /suggested:\n {6}source: rules\n {6}rule: title\n {6}score: 0\.85\n/);
  const read = readCanonical(text);
  assert.ok(read, 'the canonical reader accepts its own output');
  assert.deepEqual(read.data, sample());
  // the general YAML path reads the same
  assert.deepEqual(parseSidecar(text).data, sample());
});

test('a hand-edited sidecar keeps its comments and unknown keys inside suggested when a score changes', () => {
  const text = writeCanonical(sample()).replace('      rule: title\n', '      rule: title\n      note: checked by hand # why\n');
  const parsed = parseSidecar(text);
  assert.deepEqual(parsed.problems, []);
  const data = parsed.data!;
  data.annotations[0].suggested = { source: 'rules', rule: 'title', score: 0.9, label: 'date' };
  const out = serialiseSidecar(data, parsed);
  assert.match(out, /note: checked by hand # why/);
  assert.match(out, /score: 0\.9\n/);
  assert.deepEqual(parseSidecar(out).data!.annotations[0].suggested, { source: 'rules', rule: 'title', score: 0.9, label: 'date' });
});

test('a suggested mapping that cannot be read is a warning, and the tag is kept', () => {
  const text = writeCanonical(sample()).replace('score: 0.85', 'score: high');
  const parsed = parseSidecar(text);
  assert.equal(parsed.data!.annotations.length, 2);
  assert.equal(parsed.data!.annotations[0].suggested, undefined);
  assert.ok(parsed.problems.some((p) => p.severity === 'warning' && p.message.includes('"suggested"')), JSON.stringify(parsed.problems));
});

test('dismissals compare with their time and suggestion, so a changed one is saved', () => {
  const parsed = parseSidecar(writeCanonical(sample()));
  const data = parsed.data!;
  data.dismissed[0] = { ...data.dismissed[0], suggested: { source: 'rules', rule: 'capitalised', score: 0.5 } };
  assert.match(serialiseSidecar(data, parsed), /rule: capitalised/);
});
