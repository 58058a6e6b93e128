// Date forms across languages and sites: each sentence with the spans and ISO values a careful annotator
// would accept (docs/annotation-guidelines.md), and sentences whose numbers are not dates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectDates, findPublicationDate, type PartialDate } from '../../../src/core/detect/dates';
import { shippedEntityLexicon } from '../actors/fixture';

const lexicon = shippedEntityLexicon();

interface Case {
  text: string;
  lang: string;
  publication?: PartialDate;
  relative?: boolean;
  expected: { text: string; value?: string | string[] }[];
}

const PUB_VI: PartialDate = { year: 2021, month: 3, day: 23 };
const PUB_EN: PartialDate = { year: 2019, month: 11, day: 20 }; // a Wednesday

const cases: Case[] = [
  // Vietnamese: day/month, full dates, written-out forms
  { lang: 'vi', publication: PUB_VI, text: 'Hội nghị khai mạc ngày 22/3 tại Hà Nội.', expected: [{ text: '22/3', value: '2021-03-22' }] },
  { lang: 'vi', publication: PUB_VI, text: 'Văn bản ký ngày 23/03/2021 có hiệu lực ngay.', expected: [{ text: '23/03/2021', value: '2021-03-23' }] },
  { lang: 'vi', publication: PUB_VI, text: 'Trận đấu diễn ra hôm 15-3 trên sân nhà.', expected: [{ text: '15-3', value: '2021-03-15' }] },
  { lang: 'vi', publication: PUB_VI, text: 'Ngày 4 tháng 12 năm 2018, hai bên ký hiệp định.', expected: [{ text: '4 tháng 12 năm 2018', value: '2018-12-04' }] },
  { lang: 'vi', publication: PUB_VI, text: 'Kinh tế tăng trưởng mạnh trong năm 2020.', expected: [{ text: 'năm 2020', value: '2020' }] },
  { lang: 'vi', publication: PUB_VI, text: 'Dự án sẽ hoàn thành vào tháng 10.', expected: [{ text: 'tháng 10', value: '2020-10' }] },
  { lang: 'vi', publication: PUB_VI, text: 'Hội nghị thượng đỉnh dự kiến diễn ra cuối tháng 10.', expected: [{ text: 'cuối tháng 10', value: '2020-10' }] },
  { lang: 'vi', publication: PUB_VI, text: 'Tin nhắn đầu tháng 3 năm 2021 cho biết', expected: [{ text: 'đầu tháng 3 năm 2021', value: '2021-03' }] },
  { lang: 'vi', publication: PUB_VI, text: 'Cuộc gặp có thể diễn ra ngày 19 hoặc 22/3.', expected: [{ text: '19 hoặc 22/3', value: ['2021-03-19', '2021-03-22'] }] },
  { lang: 'vi', publication: PUB_VI, text: 'Sáng 5/3, đoàn công tác lên đường.', expected: [{ text: '5/3', value: '2021-03-05' }] },
  { lang: 'vi', publication: PUB_VI, text: 'Tổng thống phát biểu hôm 3/3 tại Nhà Trắng.', expected: [{ text: '3/3', value: '2021-03-03' }] },
  { lang: 'vi', publication: PUB_VI, text: 'Triển lãm mở cửa từ 1 đến 5/3 tại Hà Nội.', expected: [{ text: '1 đến 5/3', value: '2021-03-01/2021-03-05' }] },
  { lang: 'vi', publication: PUB_VI, text: 'Giải đấu mùa 2019-2020 bị hủy vì dịch.', expected: [{ text: '2019-2020', value: '2019/2020' }] },
  { lang: 'vi', publication: PUB_VI, text: 'Kế hoạch giai đoạn năm 2021-2025 đã được thông qua.', expected: [{ text: 'năm 2021-2025', value: '2021/2025' }] },
  { lang: 'vi', publication: PUB_VI, text: 'Lễ hội diễn ra vào tháng Giêng hằng năm.', expected: [{ text: 'tháng Giêng', value: '2021-01' }] },
  { lang: 'vi', publication: PUB_VI, text: 'Hạn chót là thứ Sáu, 26/3, theo thông báo.', expected: [{ text: 'thứ Sáu, 26/3', value: '2021-03-26' }] },
  { lang: 'vi', publication: PUB_VI, text: 'Những thay đổi lớn của đầu thế kỷ 20 và thế kỷ XXI.', expected: [{ text: 'đầu thế kỷ 20', value: '19' }, { text: 'thế kỷ XXI', value: '20' }] },
  { lang: 'vi', publication: PUB_VI, text: 'Chiến dịch kéo dài từ ngày 8-25/11/2020.', expected: [{ text: '8-25/11/2020', value: '2020-11-08/2020-11-25' }] },
  { lang: 'vi', text: 'Đêm 14/4, lực lượng cứu hộ đã tiếp cận hiện trường.', expected: [{ text: '14/4', value: '--04-14' }] },
  // English
  { lang: 'en', publication: PUB_EN, text: 'The company said on Nov 18, 2019 that it would cut jobs.', expected: [{ text: 'Nov 18, 2019', value: '2019-11-18' }] },
  { lang: 'en', publication: PUB_EN, text: 'The report was released on 18 November 2019.', expected: [{ text: '18 November 2019', value: '2019-11-18' }] },
  { lang: 'en', publication: PUB_EN, text: 'Sales fell sharply in November 2019, the data showed.', expected: [{ text: 'November 2019', value: '2019-11' }] },
  { lang: 'en', publication: PUB_EN, text: 'The filing, dated 2019-11-18, was made public.', expected: [{ text: '2019-11-18', value: '2019-11-18' }] },
  { lang: 'en', publication: PUB_EN, text: 'Tickets go on sale at 10 a.m. Friday, Dec. 6.', expected: [{ text: 'Friday, Dec. 6', value: '2019-12-06' }] },
  { lang: 'en', publication: PUB_EN, text: 'The plague killed millions in Europe in the 14th Century.', expected: [{ text: '14th Century', value: '13' }] },
  { lang: 'en', publication: PUB_EN, text: 'They will be honoured as the Class of 2020, organisers said.', expected: [{ text: '2020', value: '2020' }] },
  { lang: 'en', publication: PUB_EN, text: 'The war lasted from 1939 to 1945 in Europe.', expected: [{ text: '1939 to 1945', value: '1939/1945' }] },
  { lang: 'en', publication: PUB_EN, text: 'The meeting is planned for the 18th of November.', expected: [{ text: '18th of November', value: '2019-11-18' }] },
  { lang: 'en', publication: PUB_EN, text: 'Construction begins in early 2020 and ends in 2021-2022.', expected: [{ text: 'early 2020', value: '2020' }, { text: '2021-2022', value: '2021/2022' }] },
  { lang: 'en', publication: PUB_EN, text: 'The log entry 2019-11-18T10:00:00Z shows the outage.', expected: [{ text: '2019-11-18', value: '2019-11-18' }] },
  { lang: 'en', publication: PUB_EN, text: 'Votes will be counted by December 9th, officials said.', expected: [{ text: 'December 9th', value: '2019-12-09' }] },
  // relative dates: only when switched on, weekdays resolved to the last such day
  { lang: 'en', publication: PUB_EN, text: 'The minister said on Monday that talks would resume.', expected: [] },
  { lang: 'en', publication: PUB_EN, relative: true, text: 'The minister said on Monday that talks would resume.', expected: [{ text: 'Monday', value: '2019-11-18' }] },
  { lang: 'vi', publication: PUB_VI, relative: true, text: 'Đây là lần thứ hai ông tới thăm, sau chuyến đi hôm thứ Hai.', expected: [{ text: 'thứ Hai', value: '2021-03-22' }] },
  // Portuguese, Spanish, French
  { lang: 'pt', publication: PUB_EN, text: 'O decreto foi publicado em 18 de novembro de 2019.', expected: [{ text: '18 de novembro de 2019', value: '2019-11-18' }] },
  { lang: 'pt', publication: PUB_EN, text: 'As aulas recomeçam em março de 2020 em todo o país.', expected: [{ text: 'março de 2020', value: '2020-03' }] },
  { lang: 'pt', publication: PUB_EN, text: 'O feriado de 1º de maio foi mantido, disse o governo em 2019.', expected: [{ text: '1º de maio', value: '2019-05-01' }, { text: '2019', value: '2019' }] },
  { lang: 'pt', publication: PUB_EN, text: 'A igreja foi construída no século XIV.', expected: [{ text: 'século XIV', value: '13' }] },
  { lang: 'es', publication: PUB_EN, text: 'El acuerdo se firmó el 3 de diciembre de 2018 en Madrid.', expected: [{ text: '3 de diciembre de 2018', value: '2018-12-03' }] },
  { lang: 'fr', publication: PUB_EN, text: 'Le sommet aura lieu le 18 novembre 2019 à Paris.', expected: [{ text: '18 novembre 2019', value: '2019-11-18' }] },
  { lang: 'fr', publication: PUB_EN, text: 'La fête du 1er mai et le château du XVIe siècle.', expected: [{ text: '1er mai', value: '2019-05-01' }, { text: 'XVIe siècle', value: '15' }] },
];

const notDates: { text: string; lang: string }[] = [
  { lang: 'vi', text: 'Đội nhà thắng 3-1 và hòa 2-2 trong hai trận gần nhất.' },
  { lang: 'vi', text: 'Ứng dụng phiên bản 2.0 ra mắt lúc 10:30 sáng nay.' },
  { lang: 'vi', text: 'Giá vé là 1.000 đồng, 25.000 đồng và 1.000.000 đồng.' },
  { lang: 'vi', text: 'Liên hệ đường dây nóng 0912.345.678 hoặc 028-3822-1234.' },
  { lang: 'vi', text: 'Khoảng 1/3 dân số và 3/4 diện tích bị ảnh hưởng.' },
  { lang: 'vi', text: 'Xem chi tiết ở trang 12/40 của báo cáo.' },
  { lang: 'vi', text: 'Theo Quyết định số 12/2021 và Nghị định 93/2021/NĐ-CP.' },
  { lang: 'vi', text: 'Khoảng 1500-2000 người tham gia, nhiệt độ 30°C.' },
  { lang: 'en', text: 'The French pair served at 5-4 and won the tie-break 7-6.' },
  { lang: 'en', text: 'The song has a 6/8 feel and runs 3:45 minutes.' },
  { lang: 'en', text: 'A total of 2000 people attended, up from 1500 the year before.' },
  { lang: 'en', text: 'May I ask what you will march for?' },
  { lang: 'en', text: 'Read the rules on page 3/10 and call 555-0123.' },
  { lang: 'en', text: 'The second chapter of his life began.' },
];

for (const item of cases) {
  test(`[${item.lang}] ${item.text}`, () => {
    const found = detectDates(item.text, { publicationDate: item.publication, lang: item.lang, relative: item.relative }, lexicon);
    assert.deepEqual(
      found.map((s) => ({ text: s.text, value: s.value })),
      item.expected,
    );
    for (const s of found) assert.equal(item.text.slice(s.start, s.end), s.text, 'offsets slice the text');
  });
}

test('numbers that are not dates give no suggestion', () => {
  for (const item of notDates) {
    assert.deepEqual(detectDates(item.text, { lang: item.lang }, lexicon).map((s) => s.text), [], item.text);
  }
});

test('publication date: timestamp lines below a long menu, bylines and timestamp words', () => {
  const menu = Array.from({ length: 80 }, (_, i) => `Section ${String.fromCharCode(65 + (i % 26))}`).join('\n');
  assert.deepEqual(findPublicationDate(`${menu}\nNovember 18, 2019 | 4:10pm\nText`, lexicon), { year: 2019, month: 11, day: 18 });
  assert.deepEqual(findPublicationDate(`${menu}\nNov. 20, 2019, 9:28 AM UTC\nBody`, lexicon), { year: 2019, month: 11, day: 20 });
  assert.deepEqual(findPublicationDate('Home\nUpdated: 2019-11-18 10:00\nBody', lexicon), { year: 2019, month: 11, day: 18 });
  assert.deepEqual(
    findPublicationDate('News\nBy Jane Smith and John Doe, Reuters staff writers | Published November 18, 2019\nBody', lexicon),
    { year: 2019, month: 11, day: 18 },
  );
  assert.deepEqual(findPublicationDate('Início\nCarlos Souza 27/09/2018 Comente! Educação, Música\nTexto', lexicon), { year: 2018, month: 9, day: 27 });
  assert.deepEqual(findPublicationDate('Thời sự\nCập nhật: Thứ Ba, 23/03/2021 06:16 GMT+7\nBài', lexicon), PUB_VI);
  assert.deepEqual(findPublicationDate('Portal\nPublicado em 18 de novembro de 2019\nTexto', lexicon), { year: 2019, month: 11, day: 18 });
  // a date inside a long sentence is the article's, not the page's
  assert.equal(
    findPublicationDate('Home\nThe committee, which met on November 18, 2019 in Geneva, agreed to publish its long report next spring\n', lexicon),
    undefined,
  );
  // a header without a year gives no publication date: the year stays unknown
  assert.equal(findPublicationDate('Menu\nUpdated Nov 19, 6:55 AM\nBody', lexicon), undefined);
});
