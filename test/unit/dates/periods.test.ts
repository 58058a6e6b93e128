// Quarters, months with a year named relative to the publication year, ranges and alternatives of full
// dates, cumulative periods (docs/annotation-guidelines.md and eval/dev-vi/README.md conventions).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectDates, findPublicationDate, type PartialDate } from '../../../src/core/detect/dates';
import { shippedEntityLexicon } from '../actors/fixture';

const lexicon = shippedEntityLexicon();
const PUB: PartialDate = { year: 2024, month: 11, day: 5 };

function dates(text: string, lang: string, publicationDate: PartialDate | null = PUB) {
  return detectDates(text, { publicationDate: publicationDate ?? undefined, lang }, lexicon).map((s) => ({ text: s.text, value: s.value }));
}

test('Vietnamese quarters: numeral after "quý", year glued or written, "cuối" picks the last month', () => {
  assert.deepEqual(dates('Doanh thu quý II/2023 tăng, trong quý IV dự kiến giảm và cuối quý III tồn kho cao.', 'vi'), [
    { text: 'quý II/2023', value: '2023-04/2023-06' },
    { text: 'quý IV', value: '2024-10/2024-12' },
    { text: 'cuối quý III', value: '2024-09' },
  ]);
  assert.deepEqual(dates('Kết quả quý 1/2022 và quý III năm 2021, đầu quý I năm sau.', 'vi'), [
    { text: 'quý 1/2022', value: '2022-01/2022-03' },
    { text: 'quý III năm 2021', value: '2021-07/2021-09' },
    { text: 'đầu quý I năm sau', value: '2025-01' },
  ]);
});

test('"quý" without a quarter numeral is another word (precious, dear)', () => {
  assert.deepEqual(dates('Kính chào quý khách, cảm ơn những đóng góp quý báu cho loài chim quý hiếm; quý V, quý vị, quý 5.', 'vi'), []);
});

test('a quarter without a year resolves as a whole, not month by month', () => {
  // published in February: September alone would be last year's, but the quarter's end follows its start
  assert.deepEqual(dates('Lợi nhuận quý III tăng mạnh.', 'vi', { year: 2025, month: 2, day: 10 }), [{ text: 'quý III', value: '2025-07/2025-09' }]);
  // published in January: the fourth quarter is last year's, both its ends
  assert.deepEqual(dates('Lợi nhuận quý IV tăng mạnh.', 'vi', { year: 2025, month: 1, day: 10 }), [{ text: 'quý IV', value: '2024-10/2024-12' }]);
});

test('English quarters: Q3 2025, the third quarter of 2025, 3rd quarter, end of Q4', () => {
  assert.deepEqual(dates('Profits rose in Q3 2023 and in the second quarter of 2022; 3rd quarter sales and the end of Q4 were weak.', 'en'), [
    { text: 'Q3 2023', value: '2023-07/2023-09' },
    { text: 'second quarter of 2022', value: '2022-04/2022-06' },
    { text: '3rd quarter', value: '2024-07/2024-09' },
    { text: 'end of Q4', value: '2024-12' },
  ]);
  assert.deepEqual(dates('She was the first to arrive and won a quarter of the votes; Q5 and q3 are codes.', 'en'), []);
});

test('a month with a year named relative to the publication year', () => {
  assert.deepEqual(dates('Tuyến tàu khai thác từ tháng 10 năm ngoái, kéo dài tới tháng 1 năm sau; tháng 12 này và tháng 3 năm nay.', 'vi'), [
    { text: 'tháng 10 năm ngoái', value: '2023-10' },
    { text: 'tháng 1 năm sau', value: '2025-01' },
    { text: 'tháng 12', value: '2024-12' },
    { text: 'tháng 3 năm nay', value: '2024-03' },
  ]);
  assert.deepEqual(dates('Talks resume in January next year after a pause in October last year.', 'en'), [
    { text: 'January next year', value: '2025-01' },
    { text: 'October last year', value: '2023-10' },
  ]);
  // without a publication date the year stays unknown
  assert.deepEqual(dates('tới tháng 1 năm sau', 'vi', null), [{ text: 'tháng 1 năm sau', value: '--01' }]);
});

test('"năm sau" alone and "thứ năm" ordinals are no dates', () => {
  assert.deepEqual(dates('Năm sau giá sẽ tăng, tuần thứ năm liên tiếp chỉ số giảm.', 'vi'), []);
});

test('ranges of full dates are one span; alternatives with a relative year give both dates', () => {
  assert.deepEqual(dates('Thu ngân sách từ 1/1 đến 30/4/2023 đạt 50%, lãi suất có thể tăng vào tháng 12 hoặc tháng 1 năm sau.', 'vi'), [
    { text: '1/1 đến 30/4/2023', value: '2023-01-01/2023-04-30' },
    { text: 'tháng 12 hoặc tháng 1 năm sau', value: ['2024-12', '2025-01'] },
  ]);
  // across the new year the start belongs to the year before its end
  assert.deepEqual(dates('Lễ hội kéo dài từ 20/12 đến 5/1/2025.', 'vi'), [{ text: '20/12 đến 5/1/2025', value: '2024-12-20/2025-01-05' }]);
  // a list of months without any year stays separate dates
  assert.deepEqual(dates('Mưa nhiều vào tháng 3 và tháng 4.', 'vi'), [
    { text: 'tháng 3', value: '2024-03' },
    { text: 'tháng 4', value: '2024-04' },
  ]);
});

test('cumulative periods and halves keep their count or half in the span', () => {
  assert.deepEqual(dates('Trong 9 tháng đầu năm 2023, 3 tháng cuối năm 2022 và nửa đầu năm 2026.', 'vi'), [
    { text: '9 tháng đầu năm 2023', value: '2023-01/2023-09' },
    { text: '3 tháng cuối năm 2022', value: '2022-10/2022-12' },
    { text: 'nửa đầu năm 2026', value: '2026' },
  ]);
});

test('a page timestamp keeps its weekday out of the span; a weekday in running text joins the date', () => {
  assert.deepEqual(dates('Chủ nhật, 26/10/2025 15:42 (GMT+7)', 'vi'), [{ text: '26/10/2025', value: '2025-10-26' }]);
  assert.deepEqual(dates('Hạn chót là thứ Sáu, 8/11, theo thông báo.', 'vi'), [{ text: 'thứ Sáu, 8/11', value: '2024-11-08' }]);
  assert.deepEqual(dates('Tickets go on sale Friday, Dec. 6.', 'en'), [{ text: 'Friday, Dec. 6', value: '2024-12-06' }]);
  // the timestamp still gives the page's publication date
  assert.deepEqual(findPublicationDate('Tin tức\nChủ nhật, 26/10/2025 15:42 (GMT+7) | TBQT\nBài viết', lexicon), { year: 2025, month: 10, day: 26 });
});
