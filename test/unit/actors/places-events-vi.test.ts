// Places told by their context words (stadiums, routes, lists of places), events and holidays, and
// organisation names holding a head word as a syllable ("Môi trường", "Nhà nước").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectActors } from '../../../src/core/detect/actors';
import { LearnedEntities } from '../../../src/core/detect/learned';
import { lineSpans } from '../../../src/core/text/lines';
import { loadShippedStopwords } from '../body/shippedStopwords';
import { shippedEntityLexicon } from './fixture';

const lexicon = shippedEntityLexicon();
const stopwords = loadShippedStopwords({ largeVietnamese: true });
const LISTS: Record<string, string> = { vi: 'Vietnamese', en: 'English' };

const texts = (lang: string, text: string): string[] =>
  detectActors(text, lineSpans(text), lexicon, new LearnedEntities(), {
    lang,
    isStopword: (word) => stopwords.stats(word, LISTS[lang]).stopwords > 0,
  }).map((s) => s.text);

test('a capitalised run after a stadium, a flight route or a facility word is a place', () => {
  assert.deepEqual(texts('vi', 'Đội khách thắng 3-0 trên sân Cẩm Hưng tối thứ bảy.'), []);
  assert.deepEqual(texts('vi', 'Trận đấu diễn ra tại sân vận động Lạc Thành trước 20.000 khán giả.'), []);
  // a head word inside the stadium's name does not make it an organisation
  assert.deepEqual(texts('vi', 'Hai đội gặp nhau trên sân Hòa Trường vào cuối tuần.'), []);
  assert.deepEqual(texts('vi', 'Hãng mở lại đường bay Phú Lâm từ tháng sau.'), []);
  assert.deepEqual(texts('vi', 'Bệnh nhân được chuyển tới cơ sở Đông Hòa của bệnh viện.'), []);
});

test('a capitalised run joined to a place in a list or a route is a place', () => {
  assert.deepEqual(texts('vi', 'Tuyến đường mới nối Đà Nẵng với Phù Ninh dự kiến thông xe cuối năm.'), []);
  assert.deepEqual(texts('vi', 'Du khách đổ về ở Sa Pa, Bản Lác trong dịp nghỉ lễ.'), []);
  assert.deepEqual(texts('vi', 'Hãng tăng chuyến trên chặng Hà Nội - Cát Lâm mỗi tuần.'), []);
  assert.deepEqual(texts('vi', 'Đường bay Cát Lâm - Bangkok được khai thác trở lại.'), []);
  // a person's name by a family name after a place and a comma stays a name
  assert.deepEqual(texts('vi', 'Tại Hà Nội, Nguyễn Văn Bình cho biết giá đã tăng.'), ['Nguyễn Văn Bình']);
});

test('events, competitions and holidays are not actors', () => {
  assert.deepEqual(texts('vi', 'Đội tuyển quốc gia chuẩn bị cho vòng loại World Cup 2030.'), []);
  assert.deepEqual(texts('vi', 'Sức mua tăng mạnh trước Tết Nguyên đán như mọi năm.'), []);
  assert.deepEqual(texts('vi', 'Câu lạc bộ bị loại ở bán kết AFC Champions Cup mùa trước.'), []);
  assert.deepEqual(texts('vi', 'Thành phố chuẩn bị cho Lễ hội Hoa Đào vào tháng tới.'), []);
  assert.deepEqual(texts('en', 'Tickets for the Commonwealth Games sold out within hours.'), []);
});

test('an organisation head written as a syllable of a name stays inside the name', () => {
  assert.deepEqual(texts('vi', 'Bộ Tài nguyên và Môi trường hôm qua đã công bố kết quả.'), ['Bộ Tài nguyên và Môi trường']);
  assert.deepEqual(texts('vi', 'Thứ hai, Kho bạc Nhà nước bảo đảm nguồn chi cho các địa phương.'), ['Kho bạc Nhà nước']);
  assert.deepEqual(texts('vi', 'Sáng nay, Ủy ban Giám sát Nhà nước cho biết đã nhận hồ sơ.'), ['Ủy ban Giám sát Nhà nước']);
  assert.deepEqual(texts('vi', 'Theo Ban Quản lý vịnh Lan Hạ, lượng khách tăng 20%.'), ['Ban Quản lý vịnh Lan Hạ']);
});

test('a capitalised compound after "theo" is a thing, and a name may end with a word that is also a place', () => {
  assert.deepEqual(texts('vi', 'Doanh nghiệp được gia hạn thuế theo Thông tư số 12/2025.'), []);
  assert.deepEqual(texts('vi', 'Theo Reuters, giá dầu tăng nhẹ.'), ['Reuters']);
  assert.deepEqual(texts('vi', 'Phó chủ tịch UBND tỉnh Nam Sơn Lê Thị Thu Anh ký quyết định hôm qua.'), ['UBND tỉnh Nam Sơn', 'Lê Thị Thu Anh']);
  // a one-word name after a title and before a content syllable is the start of a compound
  assert.deepEqual(texts('vi', 'Ông Trần Văn Lộc, Giám đốc Phân tích khối doanh nghiệp, nhận định thị trường ổn định.'), ['Trần Văn Lộc']);
});
