// The date grammar's Vietnamese news forms: day-month without "ngày", day lists, ranges, timelines and lunar
// dates, each with its span (docs/annotation-guidelines.md: no leading "ngày", "hôm", "vào", "trong", "từ")
// and its ISO 8601 value, and the rule ids each suggestion names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DATE_RULES, type DateOptions, detectDates } from '../../../src/core/detect/dates';
import { shippedEntityLexicon } from '../actors/fixture';

const lexicon = shippedEntityLexicon();
const pub = { year: 2020, month: 3, day: 30 };

function dates(text: string, opts: Partial<DateOptions> = {}) {
  return detectDates(text, { publicationDate: pub, lang: 'vi', ...opts }, lexicon).map((s) => ({ text: s.text, value: s.value }));
}

test('day-month with a dash after a time of day and "nay"/"qua" words', () => {
  assert.deepEqual(dates('Trưa nay 12-3, Bộ Y tế cho biết; tối qua 11-3 có thêm ca mới, sáng 10-3 cũng vậy.'), [
    { text: '12-3', value: '2020-03-12' },
    { text: '11-3', value: '2020-03-11' },
    { text: '10-3', value: '2020-03-10' },
  ]);
});

test('a bare day-month with a dash counts on a page that writes its dates so, and not elsewhere', () => {
  const page = 'Ngày 10-3, bệnh nhân xuất viện.\nBệnh nhân dương tính lại 17-3 sau hai lần âm tính.';
  assert.deepEqual(dates(page), [
    { text: '10-3', value: '2020-03-10' },
    { text: '17-3', value: '2020-03-17' },
  ]);
  // the same sentence on a page whose dates are written with a slash: "17-3" may be a score or a count
  assert.deepEqual(dates('Ngày 10/3, bệnh nhân xuất viện.\nBệnh nhân dương tính lại 17-3 sau hai lần âm tính.'), [
    { text: '10/3', value: '2020-03-10' },
  ]);
  // never a score after a result word, nor a count before a count word
  assert.deepEqual(dates('Ngày 10-3, đội nhà thắng 2-1. Khoảng 3-4 người và 2-3 tuần sau, 5-9 h mỗi ngày.'), [{ text: '10-3', value: '2020-03-10' }]);
});

test('a count runs upwards: an ascending pair before a count word is a count, a day at or after its month a date', () => {
  // after a preposition, which announces counts as well as dates, any count word; after a date word, units
  assert.deepEqual(dates('Ngày 10-3, có từ 1-3 kết quả âm tính, từ 1-3 bệnh nền, với 3-4 bệnh nền; ngày 2-3 tuần.'), [{ text: '10-3', value: '2020-03-10' }]);
  // a descending pair is no range of numbers, whatever word follows it
  assert.deepEqual(dates('Ngày 10-3, bệnh nhân sốt.\nĐến 23-3 trở lại Hà Nội, 24-3 bệnh nhân ăn sáng ở Hàng Bài.\nNgày 20-3 triệu chứng ho, ngày 1-3 triệu chứng sốt.'), [
    { text: '10-3', value: '2020-03-10' },
    { text: '23-3', value: '2020-03-23' },
    { text: '24-3', value: '2020-03-24' },
    { text: '20-3', value: '2020-03-20' },
    { text: '1-3', value: '2020-03-01' },
  ]);
});

test('a day-month right after a whole number is part of that number (a house number)', () => {
  assert.deepEqual(dates('Ngày 10/3 bệnh nhân đến công ty (4 5/5 A đường Tây Lân) và số nhà 12 3/4.'), [{ text: '10/3', value: '2020-03-10' }]);
});

test('a day-month takes its year word and year, or a year named relative to the publication year, into its span', () => {
  assert.deepEqual(dates('Ngày 22/3 năm 2019, ngày 20-3 năm nay và ngày 2-3 năm ngoái, bệnh nhân nhập viện.'), [
    { text: '22/3 năm 2019', value: '2019-03-22' },
    { text: '20-3 năm nay', value: '2020-03-20' },
    { text: '2-3 năm ngoái', value: '2019-03-02' },
  ]);
});

test('a weekday before a day-month with a dash announces it as a date, and joins its span', () => {
  // on a page that writes no other dash date, a bare "23-3" would be no date
  assert.deepEqual(dates('Bệnh viện cho biết thứ Hai 23-3 sẽ công bố kết quả.'), [{ text: 'thứ Hai 23-3', value: '2020-03-23' }]);
});

test('the last date of a day list is a date before a count word too', () => {
  assert.deepEqual(dates('Người này được xét nghiệm vào ngày 14, 17, 23, 26/3 kết quả dương tính.'), [
    { text: '14', value: '2020-03-14' },
    { text: '17', value: '2020-03-17' },
    { text: '23', value: '2020-03-23' },
    { text: '26/3', value: '2020-03-26' },
  ]);
});

test('a day-month heading a line before a colon is a timeline entry', () => {
  assert.deepEqual(dates('25-3: Bắt đầu thở oxy.\n- 27-3: Chuyển sang thở máy.'), [
    { text: '25-3', value: '2020-03-25' },
    { text: '27-3', value: '2020-03-27' },
  ]);
});

test('a list of days gives one date per day, the month from the last one', () => {
  assert.deepEqual(dates('xét nghiệm vào các ngày 19, 21 và 23-3 đều âm tính'), [
    { text: '19', value: '2020-03-19' },
    { text: '21', value: '2020-03-21' },
    { text: '23-3', value: '2020-03-23' },
  ]);
  assert.deepEqual(dates('vào ngày 4-3, 10-3 và 12-3'), [
    { text: '4-3', value: '2020-03-04' },
    { text: '10-3', value: '2020-03-10' },
    { text: '12-3', value: '2020-03-12' },
  ]);
});

test('days alone after a day word take the month of the date before them, else stay a bare day', () => {
  assert.deepEqual(dates('Ngày 21-3 bệnh nhân dương tính, đến ngày 24 và 27-3 vẫn dương tính.'), [
    { text: '21-3', value: '2020-03-21' },
    { text: '24', value: '2020-03-24' },
    { text: '27-3', value: '2020-03-27' },
  ]);
  assert.deepEqual(dates('Bệnh nhân 20/3 nhập viện, các ngày 22, 23, 24, 27 đều sốt.'), [
    { text: '20/3', value: '2020-03-20' },
    { text: '22', value: '2020-03-22' },
    { text: '23', value: '2020-03-23' },
    { text: '24', value: '2020-03-24' },
    { text: '27', value: '2020-03-27' },
  ]);
  assert.deepEqual(dates('các ngày 22, 23 đều sốt'), [
    { text: '22', value: '---22' },
    { text: '23', value: '---23' },
  ]);
  // counts, clock times and recurring days are not dates
  assert.deepEqual(dates('mỗi ngày 2 lần, trong ngày 24 giờ, trước ngày 25 hằng tháng'), []);
});

test('ranges of days before their month are one span with an ISO interval', () => {
  assert.deepEqual(dates('từ 20-22 tháng 3 và khoảng 25-27 tháng 7, từ 22/6-17/7, từ tháng 3-4'), [
    { text: '20-22 tháng 3', value: '2020-03-20/2020-03-22' },
    { text: '25-27 tháng 7', value: '2020-07-25/2020-07-27' },
    { text: '22/6-17/7', value: '2020-06-22/2020-07-17' },
    { text: 'tháng 3-4', value: '2020-03/2020-04' },
  ]);
  assert.deepEqual(dates('từ 16 đến ngày 20-3'), [{ text: '16 đến ngày 20-3', value: '2020-03-16/2020-03-20' }]);
  assert.deepEqual(dates('từ tối 22 đến sáng 24-3'), [{ text: '22 đến sáng 24-3', value: '2020-03-22/2020-03-24' }]);
});

test('with ranges as ends, each end of a range is its own date', () => {
  const ends = { ranges: 'ends' as const };
  assert.deepEqual(dates('từ 20-22 tháng 3, từ 16 đến 20-3, từ 1/3 đến 5/3, năm 2019-2020', ends), [
    { text: '20', value: '2020-03-20' },
    { text: '22 tháng 3', value: '2020-03-22' },
    { text: '16', value: '2020-03-16' },
    { text: '20-3', value: '2020-03-20' },
    { text: '1/3', value: '2020-03-01' },
    { text: '5/3', value: '2020-03-05' },
    { text: 'năm 2019', value: '2019' },
    { text: '2020', value: '2020' },
  ]);
  // a range across the new year keeps its years apart
  assert.deepEqual(dates('từ 28/12 đến 3/1', { ...ends, publicationDate: { year: 2021, month: 1, day: 10 } }), [
    { text: '28/12', value: '2020-12-28' },
    { text: '3/1', value: '2021-01-03' },
  ]);
});

test('lunar dates keep their lunar month and day, marked, not converted', () => {
  const pubTet = { publicationDate: { year: 2021, month: 2, day: 20 } };
  assert.deepEqual(dates('Nhập viện từ mùng 7 Tết âm lịch, ngày 29 Tết về quê, mùng 3 Tết đi chúc Tết.', pubTet), [
    { text: 'mùng 7 Tết', value: 'lunar:2021-01-07' },
    { text: '29 Tết', value: 'lunar:2020-12-29' },
    { text: 'mùng 3 Tết', value: 'lunar:2021-01-03' },
  ]);
  assert.deepEqual(dates('Lễ hội diễn ra ngày 15/8 âm lịch.', pubTet), [{ text: '15/8', value: 'lunar:2021-08-15' }]);
  assert.deepEqual(dates('Tết năm nay', pubTet), []);
});

test('a birth year is a year (the guidelines), and a street named after a date is not a date', () => {
  assert.deepEqual(dates('bệnh nhân nam, sinh năm 1956, trú tại đường 30/4 và đường 2 tháng 9'), [{ text: 'năm 1956', value: '1956' }]);
});

test('every date suggestion names its rules, in its reasons and its rules, from the one rule table', () => {
  const found = detectDates('Ngày 19, 21 và 23-3; cuối tháng 10.\n25-3: họp.', { publicationDate: pub, lang: 'vi' }, lexicon);
  assert.deepEqual(found.map((s) => [s.text, s.rules]), [
    ['19', ['dm-dash', 'list']],
    ['21', ['dm-dash', 'list']],
    ['23-3', ['dm-dash', 'list']],
    ['cuối tháng 10', ['month-word', 'modifier']],
    ['25-3', ['dm-timeline']],
  ]);
  for (const suggestion of found) {
    assert.ok(suggestion.reasons.includes(`rule ${(suggestion.rules ?? []).join(' + ')}`), suggestion.reasons.join('; '));
    for (const rule of suggestion.rules ?? []) {
      assert.ok(rule in DATE_RULES, rule);
      assert.ok(suggestion.score <= DATE_RULES[rule as keyof typeof DATE_RULES].weight);
    }
  }
});

test('date words written with combining accents (decomposed Unicode) are the same words', () => {
  const decomposed = 'Nga\u0300y 27-3 be\u0323\u0302nh nha\u0302n xuất viện';
  assert.deepEqual(dates(decomposed), [{ text: '27-3', value: '2020-03-27' }]);
});
