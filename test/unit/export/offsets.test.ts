import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { codePointLength, convertSpan, offsetConverter } from '../../../src/core/text/offsets';

test('offsets after an emoji differ by one per emoji, and convert back', () => {
  const text = 'Xin chào 😀 Hà Nội 👍🏽 ngày 22/3';
  const converter = offsetConverter(text);
  assert.equal(converter.identity, false);
  const start = text.indexOf('Hà Nội');
  assert.equal(converter.toCodePoint(start), start - 1);
  assert.equal([...text].slice(converter.toCodePoint(start), converter.toCodePoint(start + 6)).join(''), 'Hà Nội');
  const date = text.indexOf('22/3');
  assert.equal(converter.toCodePoint(date), date - 3); // 😀, 👍 and the skin-tone modifier are astral
  assert.equal(converter.toUtf16(converter.toCodePoint(date)), date);
  assert.deepEqual(convertSpan(converter, { start: date, end: date + 4, label: 'date' }, 'utf16', 'codepoint'), {
    start: date - 3,
    end: date + 1,
    label: 'date',
  });
});

test('texts without surrogate pairs convert as identity', () => {
  const converter = offsetConverter('Tiếng Việt có dấu, NFD: ' + 'Việt'.normalize('NFD'));
  assert.equal(converter.identity, true);
  assert.equal(converter.toCodePoint(17), 17);
});

test('code point offsets agree with Array.from slicing for any text and offset (property)', () => {
  const char = fc.oneof(fc.constantFrom('a', 'ệ', ' ', '\n', '😀', '𝄞', 'e\u0301'), fc.string({ maxLength: 1, unit: 'grapheme' }));
  fc.assert(
    fc.property(fc.array(char, { maxLength: 40 }), fc.nat(), (parts, seed) => {
      const text = parts.join('');
      const converter = offsetConverter(text);
      const codePoints = Array.from(text);
      assert.equal(codePointLength(text), codePoints.length);
      const cp = codePoints.length === 0 ? 0 : seed % (codePoints.length + 1);
      const utf16 = converter.toUtf16(cp);
      assert.equal(text.slice(0, utf16), codePoints.slice(0, cp).join(''));
      assert.equal(converter.toCodePoint(utf16), cp);
    }),
  );
});
