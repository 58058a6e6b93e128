// Vietnamese (and general) organisation names: a name's last syllable, abbreviations in brackets, abbreviated
// titles, a head and a place, heads inside places.
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
const LISTS: Record<string, string> = { vi: 'Vietnamese', en: 'English', pt: 'Portuguese' };

function actors(lang: string, text: string): Suggestion[] {
  return detectActors(text, lineSpans(text), lexicon, new LearnedEntities(), {
    lang,
    isStopword: (word) => stopwords.stats(word, LISTS[lang]).stopwords > 0,
  });
}

const texts = (lang: string, text: string): string[] => actors(lang, text).map((s) => s.text);

test('a Vietnamese name\'s last word takes its content syllable, not a function word', () => {
  assert.deepEqual(texts('vi', 'Sáng nay, Bộ Tài chính tổ chức hội nghị trực tuyến.'), ['Bộ Tài chính']);
  assert.deepEqual(texts('vi', 'Bộ Y tế cũng yêu cầu các tỉnh tăng cường giám sát.'), ['Bộ Y tế']);
  assert.deepEqual(texts('vi', 'Số liệu Cục Thống kê công bố sáng nay cho thấy xuất khẩu tăng.'), ['Cục Thống kê']);
  assert.deepEqual(texts('vi', 'Các ngân hàng chờ Ngân hàng Nhà nước chỉ đạo cụ thể.'), ['Ngân hàng Nhà nước']);
  // a function word right after the name is not part of it
  assert.deepEqual(texts('vi', 'Người phát ngôn nói Nhà Trắng đã nhận được thư.'), ['Nhà Trắng']);
  assert.deepEqual(texts('vi', 'Hôm qua Bộ Xây dựng sẽ họp với các địa phương.'), ['Bộ Xây dựng']);
});

test('a foreign or brand word ending a name takes no lower-case syllable', () => {
  assert.deepEqual(texts('vi', 'Tỉnh đề nghị Công ty CP Tập đoàn Zenko sớm hoàn thành dự án.'), ['Công ty CP Tập đoàn Zenko']);
  assert.deepEqual(texts('vi', 'Sau cuộc gọi, Điện Kremlin cho biết hai bên sẽ tiếp tục đàm phán.'), ['Điện Kremlin']);
});

test('an abbreviation in brackets after an organisation is an actor, and so is each later mention of it', () => {
  const found = actors('vi', 'Tổ chức Nông lương Liên hợp quốc (FAO) công bố báo cáo mới.\nTheo báo cáo, FAO dự báo giá lương thực tăng.');
  assert.deepEqual(found.map((s) => s.text), ['Tổ chức Nông lương Liên hợp quốc', 'FAO', 'FAO']);
  assert.equal(found[1].value, 'Tổ chức Nông lương Liên hợp quốc');
  assert.equal(found[2].value, 'Tổ chức Nông lương Liên hợp quốc');
  assert.ok(found[2].reasons.some((reason) => reason.startsWith("abbreviation of 'Tổ chức Nông lương Liên hợp quốc' (line 1)")));
});

test('the bracket ends an organisation name that runs through lower-case words', () => {
  const found = actors('vi', 'Biên bản của Cục Dự trữ liên bang Mỹ (Fed) cho thấy nhiều ý kiến trái chiều.\nChủ tịch Fed Jerome Powell giữ quan điểm thận trọng.');
  assert.deepEqual(found.map((s) => s.text), ['Cục Dự trữ liên bang Mỹ', 'Fed', 'Fed', 'Jerome Powell']);
  assert.equal(found[2].value, 'Cục Dự trữ liên bang Mỹ');
  assert.deepEqual(texts('vi', 'Quy định mới của Liên minh châu Âu (EU) có hiệu lực từ năm sau.'), ['Liên minh châu Âu', 'EU']);
});

test('English: an abbreviation in brackets after a name, and its later mentions', () => {
  const found = actors('en', 'On Thursday the European Central Bank (ECB) kept rates on hold.\nAnalysts expect the ECB to cut in March.');
  assert.deepEqual(found.map((s) => s.text), ['European Central Bank', 'ECB', 'ECB']);
  assert.equal(found[2].value, 'European Central Bank');
});

test('places, numbers, photo credits and source notes in brackets are no abbreviations', () => {
  assert.deepEqual(texts('vi', 'Gia đình sống ở Hải Phòng (Hà Nội) từ năm (2019), số (+84) 912.'), []);
  assert.deepEqual(texts('vi', 'Khách tham quan chụp ảnh lưu niệm (Ảnh: Reuters).'), []);
  assert.deepEqual(texts('vi', 'Mưa lớn kéo dài đến cuối tuần. (TTXVN)'), []);
  assert.deepEqual(texts('vi', 'Doanh nghiệp chuyển thành công ty cổ phần (CP) trong năm nay.'), []);
});

test('abbreviated titles are not part of the name', () => {
  assert.deepEqual(texts('vi', 'Sau trận đấu, HLV Lê Văn Bình thừa nhận đội chơi kém.'), ['Lê Văn Bình']);
  assert.deepEqual(texts('vi', 'Hội thảo có PGS.TS Trần Thị Hoa và ThS. Phạm Văn Long tham dự.'), ['Trần Thị Hoa', 'Phạm Văn Long']);
  assert.deepEqual(texts('vi', 'Buổi diễn có sự góp mặt của NSND Lê Thu Hà.'), ['Lê Thu Hà']);
});

test('an organisation named by a head and a known place is complete', () => {
  assert.deepEqual(texts('vi', 'Công an Hải Phòng thắng ngược Bình Dương ở vòng 5.'), ['Công an Hải Phòng']);
});

test('an organisation head inside a known place is no head', () => {
  assert.deepEqual(texts('vi', 'Hàng xuất sang Đức, Tây Ban Nha tăng mạnh.'), []);
});

test('a lower-case head after a verb marker is a verb', () => {
  assert.deepEqual(texts('vi', 'Tháng tới, tỉnh sẽ tổ chức Hội chợ Du lịch tại Hạ Long.'), []);
  assert.deepEqual(texts('vi', 'Ông Nam là thành viên của tổ chức Ân xá Quốc tế.'), ['Nam', 'tổ chức Ân xá Quốc tế']);
});

test('after a title, an official named after an organisation\'s acronym or short name is a name of their own', () => {
  // the guidelines' two actors: the organisation and the official
  assert.deepEqual(texts('vi', 'Thứ trưởng Bộ GTVT Nguyễn Văn Nhật đã đồng ý với đề xuất.'), ['Bộ GTVT', 'Nguyễn Văn Nhật']);
  assert.deepEqual(texts('vi', 'Chủ tịch Ủy ban MTTQVN Trần Thanh Mẫn tiếp nhận ủng hộ.'), ['Ủy ban MTTQVN', 'Trần Thanh Mẫn']);
  // "Nhật" is also a place (Japan): after a family name it ends the official's name, not the organisation's
  assert.deepEqual(texts('vi', 'Thứ trưởng Bộ GTVT Nguyễn Nhật phát biểu tại hội nghị.'), ['Bộ GTVT', 'Nguyễn Nhật']);
  // schools and companies take people's names: there the run is the organisation's name
  assert.deepEqual(texts('vi', 'Hiệu trưởng Trường THPT Chu Văn An cho biết như vậy.'), ['Trường THPT Chu Văn An']);
  // without a title, the run after the acronym stays the name
  assert.deepEqual(texts('vi', 'Trường THPT Nguyễn Tất Thành đã tổ chức lễ khai giảng.'), ['Trường THPT Nguyễn Tất Thành']);
});
