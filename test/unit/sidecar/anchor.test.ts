import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { reanchor, withContext } from '../../../src/core/sidecar/anchor';
import { Annotation, CONTEXT_CHARS, Dismissal } from '../../../src/core/model/types';

const STORY = 'Moscow, 22/3. Tổng thống Nga Vladimir Putin đã đề nghị đối thoại với người đồng cấp Mỹ. '
  + 'Phát ngôn viên Điện Kremlin Dmitri Peskov cho biết ông Putin sẵn sàng.\n';

/** A tag on the `nth` occurrence (0-based) of `text` in `doc`, with its context. */
function tagOn(doc: string, text: string, nth = 0, label = 'actor'): Annotation {
  let start = doc.indexOf(text);
  for (let i = 0; i < nth; i++) start = doc.indexOf(text, start + 1);
  assert.ok(start >= 0, `"${text}" is in the document`);
  return withContext(doc, { id: `t${start}`, label, start, end: start + text.length, text, source: 'manual' });
}

test('withContext takes up to CONTEXT_CHARS units on each side', () => {
  const tag = tagOn(STORY, 'Dmitri Peskov');
  assert.ok(tag.start > CONTEXT_CHARS);
  assert.equal(tag.before, STORY.slice(tag.start - CONTEXT_CHARS, tag.start));
  assert.equal(tag.after, STORY.slice(tag.end, tag.end + CONTEXT_CHARS));
  const first = tagOn(STORY, 'Moscow');
  assert.equal(first.before, '');
  const early = tagOn(STORY, 'Vladimir Putin');
  const near = withContext(STORY, { ...early, start: 5, end: 10, text: STORY.slice(5, 10) });
  assert.equal(near.before, STORY.slice(0, 5));
  const last = withContext(STORY, { label: 'x', start: STORY.length - 3, end: STORY.length - 1, text: STORY.slice(-3, -1) });
  assert.equal(last.after, '\n');
});

test('withContext never splits a surrogate pair', () => {
  const emoji = '😀';
  // Exactly CONTEXT_CHARS units before the tag would start in the middle of the emoji.
  const doc = `${emoji}${'a'.repeat(CONTEXT_CHARS - 1)}NAME${'b'.repeat(CONTEXT_CHARS - 1)}${emoji}tail`;
  const start = doc.indexOf('NAME');
  const tag = withContext(doc, { label: 'actor', start, end: start + 4, text: 'NAME' });
  assert.equal(tag.before, 'a'.repeat(CONTEXT_CHARS - 1));
  assert.equal(tag.after, 'b'.repeat(CONTEXT_CHARS - 1));
  // When the pair fits, it is kept whole.
  const fits = withContext(doc, { label: 'actor', start: start + 1, end: start + 4, text: 'AME' });
  assert.equal(fits.before, `${'a'.repeat(CONTEXT_CHARS - 1)}N`);
  assert.ok(!/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(tag.before ?? '') && !/[\ud800-\udbff]$/.test(tag.after ?? ''));
});

test('a tag whose text is still at its offsets stays; a stale orphaned flag is cleared', () => {
  const tag = tagOn(STORY, 'Vladimir Putin');
  const orphan = { ...tagOn(STORY, 'Dmitri Peskov'), orphaned: true };
  const result = reanchor(STORY, [tag, orphan]);
  assert.deepEqual(result.moved, []);
  assert.deepEqual(result.orphaned, []);
  assert.equal(result.placed[0], tag, 'unchanged tags are returned as they are');
  assert.equal(result.placed[1].orphaned, undefined);
  assert.equal(result.placed[1].start, orphan.start);
});

test('text inserted before the tags moves them all', () => {
  const tags = [tagOn(STORY, 'Vladimir Putin'), tagOn(STORY, '22/3', 0, 'date'), tagOn(STORY, 'Dmitri Peskov'), tagOn(STORY, 'Putin', 1)];
  const inserted = 'TIN MỚI\nCập nhật 08:00\n';
  const doc = inserted + STORY;
  const { placed, moved, orphaned } = reanchor(doc, tags);
  assert.deepEqual([placed.length, orphaned.length], [0, 0]);
  assert.equal(moved.length, 4);
  for (const [i, tag] of moved.entries()) {
    assert.equal(tag.start, tags[i].start + inserted.length);
    assert.equal(doc.slice(tag.start, tag.end), tags[i].text);
  }
  // Context is refreshed from the current text.
  assert.equal(moved[1].before, doc.slice(Math.max(0, moved[1].start - CONTEXT_CHARS), moved[1].start));
});

test("the span's own line edited around it: found by the context that is left", () => {
  const tag = tagOn(STORY, 'Vladimir Putin');
  const doc = STORY.replace('Moscow, 22/3. ', 'Moscow (Nga), ngày 22/3/2021 - ').replace(' đã đề nghị đối thoại', ' hôm qua đã đề nghị đối thoại');
  const { moved } = reanchor(doc, [tag]);
  assert.equal(moved.length, 1);
  assert.equal(doc.slice(moved[0].start, moved[0].end), 'Vladimir Putin');
  assert.equal(moved[0].start, doc.indexOf('Vladimir Putin'));
});

test('duplicate strings: the context decides, not the old offset', () => {
  const doc = 'Ông Putin nói rằng hòa bình là cần thiết. '.repeat(1) + 'x'.repeat(200) + ' Tổng thống Putin cho biết sẽ đến thăm. ';
  const second = tagOn(doc, 'Putin', 1);
  // The text moved so that the tag's old offset is now right at the other "Putin".
  const edited = doc.replace('x'.repeat(200), 'x'.repeat(20));
  const misleading = { ...second, start: edited.indexOf('Putin') - 1, end: edited.indexOf('Putin') - 1 + 5 };
  const { moved } = reanchor(edited, [misleading]);
  assert.equal(moved.length, 1);
  assert.equal(moved[0].start, edited.lastIndexOf('Putin'));
});

test('duplicate strings with the same context: the nearest to where the neighbours moved wins; a true tie orphans', () => {
  const line = 'Ông Putin nói.\n';
  const doc = line.repeat(3);
  const middle = tagOn(doc, 'Putin', 1);
  // One character inserted at the top: all three still have identical context; distance decides.
  const { moved } = reanchor('\n' + doc, [middle]);
  assert.equal(moved[0].start, middle.start + 1);
  // Two occurrences with identical context, and stale offsets exactly between them: no unique best.
  const unit = 'x'.repeat(40) + 'Ông Putin nói.' + 'y'.repeat(40);
  const twin = unit + unit;
  const first = twin.indexOf('Putin');
  const second = twin.indexOf('Putin', first + 1);
  const stale = { ...tagOn(twin, 'Putin'), start: (first + second) / 2, end: (first + second) / 2 + 5 };
  assert.ok(Number.isInteger(stale.start) && twin.slice(stale.start, stale.end) !== 'Putin');
  const result = reanchor(twin, [stale]);
  assert.equal(result.orphaned.length, 1);
  assert.equal(result.orphaned[0].orphaned, true);
  assert.equal(result.orphaned[0].start, stale.start);
  // One unit nearer the second: it wins.
  const nearer = { ...stale, start: stale.start + 1, end: stale.end + 1 };
  assert.equal(reanchor(twin, [nearer]).moved[0]?.start, second);
});

test('NFC and NFD: a page re-saved in the other normalisation still places its tags, in current offsets', () => {
  const nfc = STORY.normalize('NFC');
  const nfd = STORY.normalize('NFD');
  assert.notEqual(nfc.length, nfd.length);
  const tags = [tagOn(nfc, 'Phát ngôn viên'), tagOn(nfc, 'Dmitri Peskov'), tagOn(nfc, 'Tổng thống Nga')];
  const { moved, orphaned } = reanchor(nfd, tags);
  assert.equal(orphaned.length, 0);
  assert.equal(moved.length, 3);
  for (const [i, tag] of moved.entries()) {
    assert.equal(tag.text, nfd.slice(tag.start, tag.end), 'text is the current one');
    assert.equal(tag.text.normalize('NFC'), tags[i].text);
  }
  assert.equal(moved[0].start, nfd.indexOf('Phát ngôn viên'.normalize('NFD')));
  // And back.
  const back = reanchor(nfc, moved);
  assert.deepEqual(back.moved.map((t) => [t.start, t.end, t.text]), tags.map((t) => [t.start, t.end, t.text]));
});

test('a match must cover whole characters: "e" is not found inside a decomposed "é"', () => {
  const nfd = 'Café Nga ' + 'cafe\u0301 '; // no plain "e" followed by a space... except inside NFD é
  const tag: Annotation = { id: 'x', label: 'actor', start: 100, end: 105, text: 'Cafe ', source: 'manual' };
  assert.equal(reanchor(nfd, [tag]).orphaned.length, 1);
});

test('deleted text: the tag is orphaned, keeping its offsets', () => {
  const tag = tagOn(STORY, 'Dmitri Peskov');
  const doc = STORY.replace('Phát ngôn viên Điện Kremlin Dmitri Peskov cho biết ông Putin sẵn sàng.', '');
  const { orphaned, placed, moved } = reanchor(doc, [tag]);
  assert.deepEqual([placed.length, moved.length], [0, 0]);
  assert.deepEqual(orphaned, [{ ...tag, orphaned: true }]);
});

test('another mention elsewhere with unrelated context does not capture a deleted tag', () => {
  const tag = tagOn(STORY, 'Putin', 1); // "ông Putin sẵn sàng"
  const doc = STORY.replace(' Phát ngôn viên Điện Kremlin Dmitri Peskov cho biết ông Putin sẵn sàng.', '');
  assert.ok(doc.includes('Putin'));
  assert.equal(reanchor(doc, [tag]).orphaned.length, 1);
});

test('dismissed suggestions are re-anchored too', () => {
  const d: Dismissal = withContext(STORY, { label: 'actor', start: STORY.indexOf('Nga'), end: STORY.indexOf('Nga') + 3, text: 'Nga' });
  const { moved } = reanchor('Mới: ' + STORY, [d]);
  assert.equal(moved[0].start, d.start + 5);
  assert.equal('orphaned' in moved[0], false);
});

test('every tag comes back exactly once; placed and moved tags cover their text (property)', () => {
  const docText = fc.array(fc.constantFrom('Putin', 'Nga', ' ', '\n', 'ông ', 'ệ', 'e\u0301', '😀', '22/3', 'a', 'b'), { minLength: 1, maxLength: 60 })
    .map((parts) => parts.join(''));
  fc.assert(fc.property(docText, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 })), { maxLength: 8 }), docText, fc.nat(), (doc, spans, inserted, where) => {
    const tags = spans
      .map(([s, len], i): Annotation => {
        const start = s % doc.length;
        const end = Math.min(doc.length, start + len + 1);
        return withContext(doc, { id: `t${i}`, label: 'actor', start, end, text: doc.slice(start, end), source: 'manual' });
      });
    // Unchanged text: everything stays.
    assert.equal(reanchor(doc, tags).placed.length, tags.length);
    const at = where % (doc.length + 1);
    const edited = doc.slice(0, at) + inserted + doc.slice(at);
    const { placed, moved, orphaned } = reanchor(edited, tags);
    assert.equal(placed.length + moved.length + orphaned.length, tags.length);
    assert.deepEqual(new Set([...placed, ...moved, ...orphaned].map((t) => t.id)), new Set(tags.map((t) => t.id)));
    for (const t of [...placed, ...moved]) {
      assert.equal(edited.slice(t.start, t.end), t.text);
      assert.equal(t.orphaned, undefined);
    }
    for (const t of orphaned) {
      const original = tags.find((o) => o.id === t.id);
      assert.deepEqual([t.start, t.end, t.text, t.orphaned], [original?.start, original?.end, original?.text, true]);
    }
  }), { numRuns: 300 });
});
