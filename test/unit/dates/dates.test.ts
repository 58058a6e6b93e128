import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { detectDates, findPublicationDate, isoDate } from '../../../src/core/detect/dates';
import { EntityLexicon, parseLexicon } from '../../../src/core/detect/lexicons';
import { shippedEntityLexicon } from '../actors/fixture';

const lexicon = shippedEntityLexicon();
const pub2021 = { year: 2021, month: 3, day: 23 };

function dates(text: string, opts: Parameters<typeof detectDates>[1] = { publicationDate: pub2021, lang: 'vi' }) {
  return detectDates(text, opts, lexicon).map((s) => ({ text: s.text, value: s.value }));
}

test('Vietnamese day/month forms drop the leading "ngày"/"hôm" and take the publication year', () => {
  assert.deepEqual(dates('Bộ Ngoại giao ngày 22/3 thông báo, hôm 13/4 và vào ngày 23/03/2021.'), [
    { text: '22/3', value: '2021-03-22' },
    { text: '13/4', value: '2021-04-13' },
    { text: '23/03/2021', value: '2021-03-23' },
  ]);
});

test('written-out dates, months, years and modifiers', () => {
  assert.deepEqual(dates('Ngày 4 tháng 12 năm 2018, trong năm 2020 và cuối tháng 10, tháng 12/2025.'), [
    { text: '4 tháng 12 năm 2018', value: '2018-12-04' },
    { text: 'năm 2020', value: '2020' },
    { text: 'cuối tháng 10', value: '2020-10' }, // seven months after March 2021: the year before
    { text: 'tháng 12/2025', value: '2025-12' },
  ]);
});

test('alternatives are one span with both dates; ranges give an ISO interval', () => {
  assert.deepEqual(dates('vào ngày 19 hoặc 22/3 dưới hình thức trực tuyến'), [{ text: '19 hoặc 22/3', value: ['2021-03-19', '2021-03-22'] }]);
  assert.deepEqual(dates('diễn ra từ 19 đến 22/3 và từ ngày 16 - 17/4'), [
    { text: '19 đến 22/3', value: '2021-03-19/2021-03-22' },
    { text: '16 - 17/4', value: '2021-04-16/2021-04-17' },
  ]);
  // a range of months is one span, its start taking the year of its end (docs/annotation-guidelines.md)
  assert.deepEqual(dates('từ tháng 3 đến tháng 12/2025'), [{ text: 'tháng 3 đến tháng 12/2025', value: '2025-03/2025-12' }]);
});

test('without a publication date the year stays unknown (--MM-DD)', () => {
  assert.deepEqual(dates('Ngày 4/12, Điện Kremlin cho biết', { lang: 'vi' }), [{ text: '4/12', value: '--12-04' }]);
  assert.deepEqual(dates('đầu tháng 5', { lang: 'vi' }), [{ text: 'đầu tháng 5', value: '--05' }]);
});

test('a day/month far after the publication month belongs to the year before', () => {
  assert.deepEqual(dates('Ngày 29/11, ông Trump hủy cuộc gặp', { publicationDate: { year: 2019, month: 2, day: 1 }, lang: 'vi' }), [
    { text: '29/11', value: '2018-11-29' },
  ]);
});

test('English dates', () => {
  const opts = { publicationDate: { year: 2019, month: 11, day: 20 }, lang: 'en' };
  assert.deepEqual(dates('On Nov 18, 2019 and 18 November 2019, in November 2019, on Dec. 9, in early 2019 and 2019-11-18.', opts), [
    { text: 'Nov 18, 2019', value: '2019-11-18' },
    { text: '18 November 2019', value: '2019-11-18' },
    { text: 'November 2019', value: '2019-11' },
    { text: 'Dec. 9', value: '2019-12-09' },
    { text: 'early 2019', value: '2019' },
    { text: '2019-11-18', value: '2019-11-18' },
  ]);
});

test('no dates in fractions, times, codes, scores, versions, phone numbers and money', () => {
  const text = 'Khoảng 1/3 dân số và 2/3 số ghế; lúc 06:16; G20, COVID-19, G-20; tỷ số 3-1; phiên bản 2.0; ' +
    'gọi 0912.345.678; giá 3,7 tỷ đồng, 140.000 đồng/kg; Quyết định số 2020/QĐ-TTg, Nghị định 93/2021/NĐ-CP; 32/13; 31/2.';
  assert.deepEqual(dates(text), []);
});

test('"15-3" counts only after a date word', () => {
  assert.deepEqual(dates('hôm 15-3 đội thắng 2-1'), [{ text: '15-3', value: '2021-03-15' }]);
});

test('relative dates only on request, resolved from the publication date', () => {
  const text = 'Tuần trước, hôm qua và trước đó';
  assert.deepEqual(dates(text), []);
  assert.deepEqual(dates(text, { publicationDate: pub2021, relative: true, lang: 'vi' }), [
    { text: 'Tuần trước', value: '2021-W11' },
    { text: 'hôm qua', value: '2021-03-22' },
    { text: 'trước đó', value: undefined },
  ]);
});

test('suggestions carry reasons, scores and 0-based lines', () => {
  const [suggestion] = detectDates('dòng một\nngày 22/3', { publicationDate: pub2021, lang: 'vi' }, lexicon);
  assert.equal(suggestion.line, 1);
  assert.equal(suggestion.label, 'date');
  assert.ok(suggestion.score > 0.5);
  assert.match(suggestion.reasons[0], /year from publication date 2021/);
});

test('findPublicationDate reads a timestamp line near the top, in generic forms', () => {
  assert.deepEqual(findPublicationDate('Trang chủ Quốc tế\n06:16 | 23/03/2021 GMT+7\n\nTiêu đề ngày 1/1/2020 dài'), pub2021);
  assert.deepEqual(findPublicationDate('Thời sự\nThứ hai, 22/3/2021, 10:05 (GMT+7)\nBài viết'), { year: 2021, month: 3, day: 22 });
  assert.deepEqual(findPublicationDate('World\nPublished Nov 18, 2019 10:02am\nText', lexicon), { year: 2019, month: 11, day: 18 });
  assert.equal(findPublicationDate('Nga lấy làm tiếc\n\nNgày 4/12, Điện Kremlin ...'), undefined);
});

test('isoDate formats partial dates', () => {
  assert.equal(isoDate({ year: 2021, month: 3, day: 2 }), '2021-03-02');
  assert.equal(isoDate({ year: 2021 }), '2021');
  assert.equal(isoDate({ month: 3 }), '--03');
});

test('property: every valid d/m/yyyy after "ngày" is found with its exact value and span', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1900, max: 2099 }), (d, m, y) => {
      const date = `${d}/${m}/${y}`;
      const found = dates(`Sự kiện diễn ra ngày ${date} tại đây.`);
      assert.deepEqual(found, [{ text: date, value: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` }]);
    }),
  );
});

test('property: invalid day/month never becomes a date', () => {
  fc.assert(
    fc.property(fc.integer({ min: 32, max: 99 }), fc.integer({ min: 13, max: 99 }), (d, m) => {
      assert.deepEqual(dates(`ngày ${d}/${m} và ${d}/3 và 3/${m}`), []);
    }),
  );
});

test('lexicon format: comments, sections, values, problems', () => {
  const parsed = parseLexicon('# c\nđầu  # note\n[months]\nnov = 11\n\n[bad\n= x\n');
  assert.deepEqual(parsed.sections.get('')?.map((e) => e.text), ['đầu']);
  assert.deepEqual(parsed.sections.get('months')?.map((e) => [e.text, e.value]), [['nov', '11']]);
  assert.equal(parsed.problems.length, 2);
  const user = new EntityLexicon();
  assert.equal(user.addFile('notes.txt', 'x').length, 1);
  user.addFile('dates.vi.txt', '[month-words]\ntháng\n[context]\nngày');
  user.addFile('dates.vi.txt', '[modifiers]\nhạ tuần');
  assert.deepEqual(detectDates('ngày 3 hạ tuần tháng 4', { lang: 'vi' }, user).map((s) => s.text), ['hạ tuần tháng 4']);
});
