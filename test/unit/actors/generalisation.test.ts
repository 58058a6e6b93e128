// Actor suggestions on news sentences written for these tests (none from samples/ or eval/): names after
// titles and honorifics, organisations from head, tail and joiner words, short later mentions, and places
// that must not be suggested. Each case lists every actor span the guidelines ask for, in order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectActors } from '../../../src/core/detect/actors';
import { LearnedEntities } from '../../../src/core/detect/learned';
import { lineSpans } from '../../../src/core/text/lines';
import type { Suggestion } from '../../../src/core/model/types';
import { loadShippedStopwords } from '../body/shippedStopwords';
import { shippedEntityLexicon } from './fixture';

const lexicon = shippedEntityLexicon();
const stopwords = loadShippedStopwords({ largeVietnamese: true });
const STOPWORD_LISTS: Record<string, string> = { vi: 'Vietnamese', en: 'English', pt: 'Portuguese', fr: 'French', es: 'Spanish' };

function actors(lang: string, text: string): Suggestion[] {
  const list = STOPWORD_LISTS[lang];
  return detectActors(text, lineSpans(text), lexicon, new LearnedEntities(), {
    lang,
    isStopword: (word) => stopwords.stats(word, list).stopwords > 0,
  });
}

type Case = [lang: string, text: string, expected: string[]];

const CASES: Case[] = [
  // Vietnamese: names after titles and honorifics, with a country or an organisation in between
  ['vi', 'Thủ tướng Phạm Minh Chính đã tiếp Đại sứ Nhật Bản tại Việt Nam Yamada Takio tại Hà Nội.', ['Phạm Minh Chính', 'Yamada Takio']],
  ['vi', 'Chủ tịch UBND TP.HCM Phan Văn Mãi cho biết thành phố sẽ đầu tư thêm.', ['UBND TP.HCM', 'Phan Văn Mãi']],
  ['vi', 'Ông Nguyễn Văn Thắng, Bộ trưởng Bộ Tài chính, phát biểu tại hội nghị.', ['Nguyễn Văn Thắng', 'Bộ Tài chính']],
  ['vi', 'Bà Trần Thị Lan, giám đốc Công ty Cổ phần Sữa Việt Nam, nói doanh thu tăng.', ['Trần Thị Lan', 'Công ty Cổ phần Sữa Việt Nam']],
  ['vi', 'Ngoại trưởng Mỹ Antony Blinken gặp người đồng cấp Trung Quốc Vương Nghị ở Bắc Kinh.', ['Antony Blinken', 'Vương Nghị']],
  ['vi', 'Viện trưởng Viện Kiểm sát Nhân dân Tối cao Lê Minh Trí ký quyết định.', ['Viện Kiểm sát Nhân dân Tối cao', 'Lê Minh Trí']],
  ['vi', 'Cuộc họp có sự tham dự của Phó Thủ tướng Trần Hồng Hà và lãnh đạo các bộ, ngành.', ['Trần Hồng Hà']],
  // Vietnamese organisations: heads, localities, acronyms, a trailing place
  ['vi', 'Ủy ban Nhân dân tỉnh Quảng Ninh vừa ban hành quyết định mới.', ['Ủy ban Nhân dân tỉnh Quảng Ninh']],
  ['vi', 'Sở Y tế Đà Nẵng ghi nhận thêm 20 ca bệnh.', ['Sở Y tế Đà Nẵng']],
  ['vi', 'Công an tỉnh Nghệ An đã bắt giữ nghi phạm.', ['Công an tỉnh Nghệ An']],
  ['vi', 'Trường THPT Chu Văn An tổ chức lễ khai giảng.', ['Trường THPT Chu Văn An']],
  ['vi', 'Ngân hàng Nhà nước Việt Nam điều chỉnh lãi suất điều hành.', ['Ngân hàng Nhà nước Việt Nam']],
  ['vi', 'Tập đoàn Điện lực Việt Nam (EVN) cho biết đã khắc phục sự cố.', ['Tập đoàn Điện lực Việt Nam', 'EVN']],
  ['vi', 'Đại học Quốc gia Hà Nội công bố điểm chuẩn năm nay.', ['Đại học Quốc gia Hà Nội']],
  ['vi', 'Tại Đà Nẵng, Thành ủy đã họp khẩn.', ['Thành ủy']],
  // Vietnamese names without a title: family names, speech verbs, foreign names
  ['vi', 'Nguyễn Thị Hồng Nhung, sinh viên năm ba, chia sẻ cảm xúc.', ['Nguyễn Thị Hồng Nhung']],
  ['vi', 'Elon Musk cho biết Tesla sẽ mở nhà máy mới ở Indonesia.', ['Elon Musk']],
  // Vietnamese places and sentence-initial capitals are not actors
  ['vi', 'Hôm qua, Hà Nội đón đợt không khí lạnh đầu tiên.', []],
  ['vi', 'Trên đường Nguyễn Huệ, hàng nghìn người đổ về xem pháo hoa ở TP.HCM.', []],
  ['vi', 'Mưa lớn kéo dài ở Quảng Bình và Hà Tĩnh khiến nhiều tuyến đường bị ngập.', []],
  // English: honorifics, titles, initials
  ['en', 'Mr. Johnson told the House of Commons that the plan would work. Johnson later left.', ['Johnson', 'House of Commons', 'Johnson']],
  ['en', 'Rt. Hon. J. K. Smith spoke after Sen. Elizabeth Warren.', ['J. K. Smith', 'Elizabeth Warren']],
  ['en', 'Dr. Maria Lopez, a virologist, said the outbreak was under control.', ['Maria Lopez']],
  ['en', 'The Bank of England raised interest rates, Governor Andrew Bailey said on Thursday.', ['Bank of England', 'Andrew Bailey']],
  // English organisations: joiners, tail words, leading articles, capitalised descriptors
  ['en', 'The Food and Drug Administration approved the vaccine, according to the Department of Health and Human Services.', ['Food and Drug Administration', 'Department of Health and Human Services']],
  ['en', 'The Associated Press reported that the Liberal Democratic Party would lose seats.', ['Associated Press', 'Liberal Democratic Party']],
  ['en', 'The figures were released by the state-run Kyodo News Agency on Friday.', ['Kyodo News Agency']],
  ['en', 'The Hollow Pines Brothers will tour again next summer, the band said.', ['Hollow Pines Brothers']],
  ['en', 'After the vote, the Kenyan Senate adjourned until next week.', ['Kenyan Senate']],
  // English places, events and pronouns are not actors
  ['en', 'Officials in Hubei province and the northern Inner Mongolia Autonomous Region reported new cases.', []],
  ['en', 'The Black Death killed millions in Europe during the Middle Ages.', []],
  ['en', 'He said the concert at Riverside Stadium had been cancelled.', []],
  // English short later mentions, also at a sentence start
  ['en', 'Nobel laureate Wangari Maathai planted trees. Although Maathai was arrested, she went on.\nMaathai died in 2011.', ['Wangari Maathai', 'Maathai', 'Maathai']],
  // Portuguese and French
  ['pt', 'O presidente Luiz Inácio Lula da Silva visitou o Ministério da Saúde em Brasília.', ['Luiz Inácio Lula da Silva', 'Ministério da Saúde']],
  ['pt', 'Segundo a professora Ana Ribeiro, a Universidade Federal de Goiás abriu vagas.', ['Ana Ribeiro', 'Universidade Federal de Goiás']],
  ['pt', 'O Banco Central do Brasil manteve a taxa, disse o diretor Paulo Mendes.', ['Banco Central do Brasil', 'Paulo Mendes']],
  ['fr', 'Le président Emmanuel Macron a reçu le Premier ministre Justin Trudeau.', ['Emmanuel Macron', 'Justin Trudeau']],
  ['fr', 'Selon la Banque de France, la croissance ralentit.', ['Banque de France']],
];

for (const [lang, text, expected] of CASES) {
  test(`${lang}: ${text.length > 70 ? `${text.slice(0, 67)}...` : text}`, () => {
    const found = actors(lang, text);
    assert.deepEqual(found.map((s) => s.text), expected);
    for (const s of found) assert.equal(text.slice(s.start, s.end), s.text, 'offsets slice the text');
  });
}

test('a short later mention carries the full name as its value', () => {
  const found = actors('en', 'Nobel laureate Wangari Maathai planted trees. Although Maathai was arrested, she went on.');
  assert.deepEqual(found.map((s) => [s.text, s.value]), [['Wangari Maathai', 'Wangari Maathai'], ['Maathai', 'Wangari Maathai']]);
});

test('a short form is not suggested inside another name or where the page uses it as a common word', () => {
  // "Chính" opening a sentence is the word "chính" (the page writes it in lower case too); after "ông" it is the name
  const text = 'Thủ tướng Phạm Minh Chính thăm tỉnh Thái Bình.\nChính sách mới của chính quyền có hiệu lực, theo ông Chính.';
  const vi = actors('vi', text);
  assert.deepEqual(vi.map((s) => [s.text, s.start]), [['Phạm Minh Chính', 10], ['Chính', text.length - 'Chính.'.length]]);
  assert.equal(vi[1].value, 'Phạm Minh Chính');
  // "Lan" of a name is not suggested inside "Hà Lan"
  const inside = actors('vi', 'Bà Trần Thị Lan dẫn đoàn sang Hà Lan. Đoàn của Lan gặp đối tác.');
  assert.deepEqual(inside.map((s) => s.text), ['Trần Thị Lan', 'Lan']);
  assert.equal(inside[1].start, 'Bà Trần Thị Lan dẫn đoàn sang Hà Lan. Đoàn của '.length);
});

test('speaker labels of a transcript are actors when the page has them twice', () => {
  const text = 'Helena Prado: Bom dia a todos.\nRui: Bom dia, Helena.\nHelena Prado: Vamos começar.\nNota: uma linha só.';
  assert.deepEqual(actors('pt', text).map((s) => s.text), ['Helena Prado', 'Helena', 'Helena Prado']);
});
