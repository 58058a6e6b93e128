import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, rebase } from '../../../src/core/model/rebase';
import { Annotation, Span, TextEdit } from '../../../src/core/model/types';

const TEXT = 'Tổng thống Nga Vladimir Putin đã đề nghị.';
const NAME_START = TEXT.indexOf('Vladimir Putin');
const NAME_END = NAME_START + 'Vladimir Putin'.length;

function putin(): Annotation {
  return { id: 'p', label: 'actor', start: NAME_START, end: NAME_END, text: 'Vladimir Putin', source: 'manual' };
}

/** Rebases the Putin tag through one batch and returns the result with the new text. */
function through(edits: TextEdit[]): { text: string; kept: Annotation[]; removed: Annotation[] } {
  const text = applyEdits(TEXT, edits);
  return { text, ...rebase([putin()], edits, text) };
}

function keptText(r: { text: string; kept: Annotation[] }): string | undefined {
  const tag = r.kept[0];
  if (!tag) return undefined;
  assert.equal(tag.text, r.text.slice(tag.start, tag.end));
  return tag.text;
}

test('an edit entirely before a tag shifts it; one entirely after leaves it', () => {
  const before = through([{ start: 0, end: 5, text: 'Ông' }]);
  assert.equal(before.kept[0].start, NAME_START - 2);
  assert.equal(keptText(before), 'Vladimir Putin');
  const after = through([{ start: NAME_END + 1, end: NAME_END + 3, text: 'vừa' }]);
  assert.equal(after.kept[0].start, NAME_START);
  assert.equal(keptText(after), 'Vladimir Putin');
});

test('a replacement ending exactly at the start shifts the tag without touching it', () => {
  const r = through([{ start: NAME_START - 4, end: NAME_START, text: 'Mỹ ' }]);
  assert.equal(keptText(r), 'Vladimir Putin');
});

test('typing right next to a name does not grow the tag', () => {
  assert.equal(keptText(through([{ start: NAME_START, end: NAME_START, text: 'ông ' }])), 'Vladimir Putin');
  assert.equal(keptText(through([{ start: NAME_END, end: NAME_END, text: ' Jr.' }])), 'Vladimir Putin');
  const both = through([{ start: NAME_END, end: NAME_END, text: '!' }, { start: NAME_START, end: NAME_START, text: '"' }]);
  assert.equal(both.text.includes('"Vladimir Putin!'), true);
  assert.equal(keptText(both), 'Vladimir Putin');
});

test('an edit inside a tag grows or shrinks it', () => {
  assert.equal(keptText(through([{ start: NAME_START + 8, end: NAME_START + 8, text: ' V.' }])), 'Vladimir V. Putin');
  assert.equal(keptText(through([{ start: NAME_START + 1, end: NAME_START + 8, text: '.' }])), 'V. Putin');
  // Replacing a part that begins at the start or ends at the end is still inside.
  assert.equal(keptText(through([{ start: NAME_START, end: NAME_START + 8, text: 'V.' }])), 'V. Putin');
  assert.equal(keptText(through([{ start: NAME_START + 9, end: NAME_END, text: 'Poutine' }])), 'Vladimir Poutine');
});

test('an edit across a boundary clips the tag to what remains', () => {
  // "Nga Vladimir" replaced: the tag keeps "Putin"'s side of it.
  const left = through([{ start: NAME_START - 4, end: NAME_START + 9, text: 'X ' }]);
  assert.equal(keptText(left), 'Putin');
  const right = through([{ start: NAME_START + 8, end: NAME_END + 3, text: '...' }]);
  assert.equal(keptText(right), 'Vladimir');
});

test('a tag whose whole text was deleted is removed, and returned', () => {
  const exact = through([{ start: NAME_START, end: NAME_END, text: '' }]);
  assert.deepEqual([exact.kept.length, exact.removed], [0, [putin()]]);
  const wider = through([{ start: NAME_START - 2, end: NAME_END + 2, text: 'ông ấy' }]);
  assert.deepEqual([wider.kept.length, wider.removed.length], [0, 1]);
  const retyped = through([{ start: NAME_START, end: NAME_END, text: 'Joe Biden' }]);
  assert.deepEqual([retyped.kept.length, retyped.removed.length], [0, 1]);
  // Deleted in two pieces by one multi-cursor batch.
  const pieces = through([{ start: NAME_START, end: NAME_START + 9, text: '' }, { start: NAME_START + 9, end: NAME_END, text: '' }]);
  assert.deepEqual([pieces.kept.length, pieces.removed.length], [0, 1]);
});

test('edits of one batch are in pre-batch offsets and may come in any order', () => {
  const tags: Annotation[] = [
    { id: 'a', label: 'actor', start: 11, end: 14, text: 'Nga', source: 'manual' },
    putin(),
  ];
  const edits: TextEdit[] = [
    { start: NAME_END, end: NAME_END, text: ' (Nga)' },
    { start: 0, end: 10, text: 'TT' },
    { start: NAME_START + 8, end: NAME_START + 9, text: ' V. ' },
  ];
  const text = applyEdits(TEXT, edits);
  assert.equal(text, 'TT Nga Vladimir V. Putin (Nga) đã đề nghị.');
  const { kept, removed } = rebase(tags, edits, text);
  assert.deepEqual(removed, []);
  assert.deepEqual(kept.map((t) => t.text), ['Nga', 'Vladimir V. Putin']);
  assert.deepEqual(kept.map((t) => text.slice(t.start, t.end)), ['Nga', 'Vladimir V. Putin']);
});

test('overlapping edits are refused', () => {
  assert.throws(() => rebase([putin()], [{ start: 0, end: 5, text: '' }, { start: 3, end: 8, text: '' }], ''), /overlap/);
});

test('untouched tags are returned as the same objects; no edits returns all', () => {
  const tag = putin();
  assert.equal(rebase([tag], [{ start: NAME_END + 2, end: NAME_END + 2, text: 'x' }], '').kept[0], tag);
  assert.deepEqual(rebase([tag], [], TEXT), { kept: [tag], removed: [] });
});

const rawEdit = fc.record({
  at: fc.nat(),
  length: fc.nat({ max: 6 }),
  text: fc.constantFrom('', 'x', 'ab', ' ', 'ệ', '😀', 'Putin '),
  order: fc.nat(),
});
type RawEdit = typeof rawEdit extends fc.Arbitrary<infer R> ? R : never;

/** One VS Code-like batch for a text of `length`: non-overlapping edits, in the generated (random) order. */
function batchFor(length: number, raw: RawEdit[]): TextEdit[] {
  const candidates = raw
    .map((r) => {
      const start = r.at % (length + 1);
      return { start, end: Math.min(length, start + r.length), text: r.text, order: r.order };
    })
    .sort((a, b) => a.start - b.start);
  const batch: (TextEdit & { order: number })[] = [];
  let free = 0;
  for (const e of candidates) {
    if (e.start < free || (e.start === e.end && e.text === '')) continue;
    batch.push(e);
    free = e.start === e.end ? e.end + 1 : e.end; // no two edits at one point
  }
  return batch.sort((a, b) => a.order - b.order).map(({ start, end, text }) => ({ start, end, text }));
}

/**
 * What rebase should give for one tag, worked out character by character: the tag spans its surviving
 * characters plus the replacement text of edits lying within it (not insertions at its ends); undefined when
 * no character survives.
 */
function expectedSpan(tag: Span, edits: TextEdit[]): Span | undefined {
  const shiftBefore = (pos: number, except?: TextEdit): number =>
    edits.filter((e) => e !== except && e.end <= pos).reduce((n, e) => n + e.text.length - (e.end - e.start), 0);
  let start = Infinity;
  let end = -Infinity;
  for (let i = tag.start; i < tag.end; i++) {
    if (edits.some((e) => e.start <= i && i < e.end)) continue; // deleted
    const at = i + shiftBefore(i);
    start = Math.min(start, at);
    end = Math.max(end, at + 1);
  }
  if (start === Infinity) return undefined;
  for (const e of edits) {
    const within = tag.start <= e.start && e.end <= tag.end && !(e.start === e.end && (e.start === tag.start || e.start === tag.end));
    if (!within) continue;
    const at = e.start + shiftBefore(e.start, e);
    start = Math.min(start, at);
    end = Math.max(end, at + e.text.length);
  }
  return { start, end };
}

test('through random edit sequences, tags stay consistent with the text (property)', () => {
  const scenario = fc.string({ minLength: 1, maxLength: 60 }).chain((t) => fc.tuple(
    fc.constant(t),
    fc.array(fc.tuple(fc.nat({ max: t.length - 1 }), fc.integer({ min: 1, max: 10 })), { maxLength: 10 }),
    fc.array(fc.array(rawEdit, { maxLength: 4 }), { minLength: 1, maxLength: 5 }),
  ));
  fc.assert(fc.property(scenario, ([initial, spans, batches]) => {
    let current = initial;
    let tags: Annotation[] = spans.map(([start, len], i) => {
      const end = Math.min(current.length, start + len);
      return { id: `t${i}`, label: 'actor', start, end, text: current.slice(start, end), source: 'manual' };
    });
    let removedCount = 0;
    for (const raw of batches) {
      const edits = batchFor(current.length, raw);
      const next = applyEdits(current, edits);
      const { kept, removed } = rebase(tags, edits, next);
      // Every tag is in kept or removed, exactly once.
      assert.deepEqual([...kept, ...removed].map((t) => t.id).sort(), tags.map((t) => t.id).sort());
      for (const tag of [...kept, ...removed]) {
        const old = tags.find((t) => t.id === tag.id) as Annotation;
        const expected = expectedSpan(old, edits);
        if (kept.includes(tag)) assert.deepEqual({ start: tag.start, end: tag.end }, expected);
        else assert.equal(expected, undefined);
      }
      for (const tag of kept) {
        assert.equal(tag.text, next.slice(tag.start, tag.end));
        assert.ok(tag.start < tag.end && tag.end <= next.length);
        const old = tags.find((t) => t.id === tag.id) as Annotation;
        // A tag that no edit reached into keeps its text (insertions at its ends do not reach into it).
        const touched = edits.some((e) => e.start < old.end && e.end > old.start);
        if (!touched) assert.equal(tag.text, old.text);
      }
      for (const tag of removed) {
        // Removed only when every character of it was deleted.
        const covered = edits.reduce((n, e) => n + Math.max(0, Math.min(tag.end, e.end) - Math.max(tag.start, e.start)), 0);
        assert.equal(covered, tag.end - tag.start);
      }
      removedCount += removed.length;
      tags = kept;
      current = next;
    }
    assert.equal(tags.length + removedCount, spans.length);
  }), { numRuns: 400 });
});
