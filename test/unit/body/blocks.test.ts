import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLines } from '../../../src/core/detect/body/index';
import { CorpusModel } from '../../../src/core/detect/corpus';
import type { LineDecision } from '../../../src/core/model/types';
import { loadShippedStopwords } from './shippedStopwords';

// Which block is the article: an earlier block nearly as heavy as a later one is the article (a reader
// comment thread far below it is not), and a further block counts only close to the article.

const stopwords = loadShippedStopwords();

function decide(text: string): LineDecision[] {
  const corpus = new CorpusModel();
  corpus.addDocument('page', text);
  return detectLines(text, corpus, stopwords, { documentId: 'page' });
}

function labelsOf(decisions: LineDecision[], from: number, to: number): string[] {
  const result: string[] = [];
  for (let line = from; line < to; line++) result.push(decisions.find((decision) => decision.line === line)?.label ?? 'none');
  return result;
}

interface Fixture {
  readonly menu: string[];
  readonly headline: string;
  readonly article: string[];
  /** Short lines between the article and the comments: more than an insert inside an article. */
  readonly between: string[];
  readonly comments: string[];
}

const ENGLISH: Fixture = {
  menu: ['Home', 'News', 'Sport'],
  headline: 'Council approves the new bridge over the river',
  article: [
    'The city council approved on Tuesday the construction of a new bridge over the river, after two years of debate about its cost and its place in the old town.',
    'The project will cost about 40 million euros, and the work on the bridge should start in the spring of next year if the river authority gives its permit in time.',
    'Residents of the northern district have asked for a new bridge for a long time, because the old one has been closed to trucks since a flood damaged its pillars.',
    'Several members of the council said that the cost of the bridge was too high, and they asked the mayor to look for money from the region and from the state.',
    'The mayor answered that the bridge would pay for itself within ten years, since trucks would no longer have to drive around the old town to reach the port.',
  ],
  between: [
    'Tags: bridge',
    'Top comments',
    'Show all',
    'Sam K',
    'Rating: 36',
    'Lee B',
    'Rating: 25',
    'Jo P',
    'Rating: 17',
    'Max T',
    'Rating: 12',
    'Ann W',
    'Rating: 10',
    'Pat R',
    'Rating: 9',
    'Kim D',
    'Rating: 7',
    'Dan F',
  ],
  comments: [
    'I have to say that I do not understand why they keep talking about this for years when everyone in the town knows that the old bridge is falling apart.',
    'My brother drives a truck for one of the shops and he has told me many times that the trip through the centre takes him twice as long as it should.',
    'Again, this is only my opinion and I have no inside knowledge, but I think the money would be better spent on the schools and the roads we already have.',
    'These kinds of projects always cost more than they say at the start, and in the end it is the people who live here who will have to pay for all of it.',
    'I also wonder who will be in charge of the work, because the last time they built something here it took them five years and it was never really finished.',
    'Anyway, that is just my experience of living in this town for thirty years, and thanks for letting me go on about it for so long in the comments here.',
  ],
};

const VIETNAMESE: Fixture = {
  menu: ['Trang nhất', 'Thời sự', 'Thể thao'],
  headline: 'Hội đồng thành phố thông qua dự án cầu mới bắc qua sông',
  article: [
    'Hội đồng thành phố hôm thứ Ba đã thông qua dự án xây dựng cây cầu mới bắc qua sông, sau hai năm tranh luận về chi phí và vị trí của công trình trong khu phố cổ.',
    'Dự án có tổng vốn khoảng 40 triệu euro và việc thi công cây cầu dự kiến sẽ bắt đầu vào mùa xuân năm sau nếu cơ quan quản lý sông cấp phép đúng hạn.',
    'Người dân quận phía bắc đã đề nghị xây cầu mới từ lâu, vì cây cầu cũ bị cấm xe tải kể từ khi trận lũ làm hư hại các trụ cầu của nó.',
    'Một số thành viên hội đồng cho rằng chi phí của cây cầu quá cao và đề nghị thị trưởng tìm thêm nguồn vốn từ tỉnh và từ ngân sách nhà nước.',
    'Thị trưởng trả lời rằng cây cầu sẽ hoàn vốn trong vòng mười năm, vì xe tải sẽ không còn phải đi vòng qua khu phố cổ để đến cảng.',
  ],
  between: [
    'Từ khóa: cầu',
    'Bình luận nổi bật',
    'Xem tất cả',
    'Minh Anh',
    'Thích: 36',
    'Quốc Bảo',
    'Thích: 25',
    'Thu Hà',
    'Thích: 17',
    'Văn Long',
    'Thích: 12',
    'Ngọc Lan',
    'Thích: 10',
    'Hữu Phúc',
    'Thích: 9',
    'Thanh Tâm',
    'Thích: 7',
    'Đức Huy',
  ],
  comments: [
    'Tôi thật sự không hiểu tại sao người ta cứ bàn mãi chuyện này trong nhiều năm khi ai ở đây cũng biết cây cầu cũ đã xuống cấp lắm rồi.',
    'Anh trai tôi lái xe tải cho một cửa hàng và anh ấy đã nói với tôi nhiều lần rằng đi qua trung tâm mất gấp đôi thời gian so với bình thường.',
    'Đây chỉ là ý kiến của tôi thôi, nhưng tôi nghĩ số tiền đó nên dành cho trường học và những con đường mà chúng ta đang có thì tốt hơn.',
    'Những dự án kiểu này lúc nào cũng tốn kém hơn so với lúc đầu người ta nói, và cuối cùng người dân ở đây lại phải gánh hết mọi chi phí.',
    'Tôi cũng muốn biết ai sẽ chịu trách nhiệm thi công, vì lần trước họ xây một công trình ở đây mất năm năm mà đến giờ vẫn chưa xong hẳn.',
    'Dù sao đó cũng chỉ là trải nghiệm của tôi sau ba mươi năm sống ở thị xã này, cảm ơn mọi người đã đọc những dòng bình luận dài của tôi.',
  ],
};

for (const [language, fixture] of [
  ['English', ENGLISH],
  ['Vietnamese', VIETNAMESE],
] as const) {
  test(`${language}: a heavier reader-comment thread far below the article is not taken for it`, () => {
    const lines = [...fixture.menu, fixture.headline, ...fixture.article, ...fixture.between, ...fixture.comments];
    const decisions = decide(lines.join('\n'));
    const articleFrom = fixture.menu.length + 1;
    const commentsFrom = articleFrom + fixture.article.length + fixture.between.length;
    assert.deepEqual(labelsOf(decisions, articleFrom, articleFrom + fixture.article.length), fixture.article.map(() => 'body'));
    assert.deepEqual(labelsOf(decisions, commentsFrom, lines.length), fixture.comments.map(() => 'boilerplate'));
    assert.equal(labelsOf(decisions, fixture.menu.length, articleFrom)[0], 'body', 'the headline');
  });

  test(`${language}: an article interrupted by a short box goes on after it`, () => {
    const box = fixture.between.slice(0, 5);
    const lines = [...fixture.menu, fixture.headline, ...fixture.article.slice(0, 3), ...box, ...fixture.article.slice(3)];
    const decisions = decide(lines.join('\n'));
    const afterBox = fixture.menu.length + 1 + 3 + box.length;
    assert.deepEqual(labelsOf(decisions, afterBox, lines.length), fixture.article.slice(3).map(() => 'body'));
  });
}

// A short plain line between paragraphs of the article (a list item, a subheading) is body however little
// speaks for it, unless something says it is furniture, such as a line the site repeats on its other pages.
const ITEMS = ['Three ripe tomatoes', 'Fresh green basil', 'Coarse sea salt'];
const LAST_PARAGRAPH =
  'The vote on the final plans is expected before the end of the year, and the council has promised to publish every study on the bridge before that vote.';
const WITH_ITEMS = [...ENGLISH.menu, ENGLISH.headline, ...ENGLISH.article.slice(0, 3), ...ITEMS, ...ENGLISH.article.slice(3), LAST_PARAGRAPH];
const ITEMS_FROM = ENGLISH.menu.length + 1 + 3;

test('a list of short items between paragraphs of the article is body', () => {
  const decisions = decide(WITH_ITEMS.join('\n'));
  assert.deepEqual(labelsOf(decisions, ITEMS_FROM, ITEMS_FROM + ITEMS.length), ITEMS.map(() => 'body'));
});

test('short lines the site repeats on its other pages stay boilerplate between paragraphs', () => {
  const text = WITH_ITEMS.join('\n');
  const corpus = new CorpusModel();
  corpus.addDocument('page', text);
  corpus.addDocument('other', [...ENGLISH.menu, ...ITEMS, ...ENGLISH.comments].join('\n'));
  const decisions = detectLines(text, corpus, stopwords, { documentId: 'page' });
  assert.deepEqual(labelsOf(decisions, ITEMS_FROM, ITEMS_FROM + ITEMS.length), ITEMS.map(() => 'boilerplate'));
});

test('a short line before a separator of the article’s parts is body', () => {
  const quote = '“Gotcha.”';
  const lines = [...ENGLISH.menu, ENGLISH.headline, ...ENGLISH.article.slice(0, 3), quote, '* * *', ...ENGLISH.article.slice(3), LAST_PARAGRAPH];
  const decisions = decide(lines.join('\n'));
  const at = ENGLISH.menu.length + 1 + 3;
  assert.deepEqual(labelsOf(decisions, at, at + 2), ['body', 'boilerplate']);
});

test('a short sentence or announcing line right after the article is body, unless the site repeats it on its other pages', () => {
  const closing = 'Stay tuned!';
  const lines = [...ENGLISH.menu, ENGLISH.headline, ...ENGLISH.article, closing, 'Next steps:', 'Tags: bridge', 'Top comments'];
  const text = lines.join('\n');
  const at = ENGLISH.menu.length + 1 + ENGLISH.article.length;
  assert.deepEqual(labelsOf(decide(text), at, at + 3), ['body', 'body', 'boilerplate']);

  const corpus = new CorpusModel();
  corpus.addDocument('page', text);
  corpus.addDocument('other', [...ENGLISH.menu, closing, ...ENGLISH.comments].join('\n'));
  assert.equal(labelsOf(detectLines(text, corpus, stopwords, { documentId: 'page' }), at, at + 1)[0], 'boilerplate');
});

test('a short plain list after two paragraphs does not cut the article in two', () => {
  const lines = [...ENGLISH.menu, ENGLISH.headline, ...ENGLISH.article.slice(0, 2), ...ITEMS, ...ENGLISH.article.slice(2, 4)];
  const decisions = decide(lines.join('\n'));
  const from = ENGLISH.menu.length + 1;
  assert.deepEqual(labelsOf(decisions, from, lines.length), lines.slice(from).map(() => 'body'));
});
