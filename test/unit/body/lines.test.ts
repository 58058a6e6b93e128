import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isBlank, lineSpans } from '../../../src/core/text/lines';

test('lineSpans splits on \\n, \\r\\n and a lone \\r, spans excluding the break', () => {
  const text = 'a\nbb\r\ncc\rd';
  assert.deepEqual(lineSpans(text), [
    { line: 0, start: 0, end: 1 },
    { line: 1, start: 2, end: 4 },
    { line: 2, start: 6, end: 8 },
    { line: 3, start: 9, end: 10 },
  ]);
});

test('lineSpans: a trailing break leaves an empty last line; empty text is one empty line', () => {
  assert.deepEqual(lineSpans('x\n'), [
    { line: 0, start: 0, end: 1 },
    { line: 1, start: 2, end: 2 },
  ]);
  assert.deepEqual(lineSpans(''), [{ line: 0, start: 0, end: 0 }]);
  assert.deepEqual(lineSpans('\r\n\r\n').map((span) => [span.start, span.end]), [
    [0, 0],
    [2, 2],
    [4, 4],
  ]);
});

test('lineSpans agrees with splitting on /\\r\\n|\\r|\\n/ (property)', () => {
  const piece = fc.constantFrom('a', 'ă', 'ế', '😀', ' ', '\n', '\r', '\r\n', 'xyz');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const text = pieces.join('');
      const expected = text.split(/\r\n|\r|\n/);
      const spans = lineSpans(text);
      assert.equal(spans.length, expected.length);
      spans.forEach((span, index) => {
        assert.equal(span.line, index);
        assert.equal(text.slice(span.start, span.end), expected[index]);
      });
    }),
  );
});

test('isBlank treats spaces, tabs, no-break and zero-width spaces as blank', () => {
  assert.equal(isBlank(' \t\u00a0\u200b', 0, 4), true);
  assert.equal(isBlank(' a ', 0, 3), false);
  assert.equal(isBlank('a  ', 1, 3), true);
});
