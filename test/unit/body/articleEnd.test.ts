import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLines } from '../../../src/core/detect/body/index';
import { CorpusModel } from '../../../src/core/detect/corpus';
import type { LineDecision } from '../../../src/core/model/types';
import { loadShippedStopwords } from './shippedStopwords';

const stopwords = loadShippedStopwords();

const ENGLISH_ARTICLE = [
  'Home',
  'News',
  'Sport',
  'Council approves the new bridge over the river',
  'The city council approved on Tuesday the construction of a new bridge over the river, after two years of debate about its cost and its place in the old town. Eleven members voted for the project and four against it, while two of them did not take part in the vote.',
  'The project will cost about 40 million euros, and the work on the bridge should start in the spring of next year if the river authority gives its permit in time. The builders expect the work to last about two years, during which one lane of the river road will stay closed.',
  'Residents of the northern district have asked for a new bridge for a long time, because the old one has been closed to trucks since a flood damaged its pillars. Since then, the trucks that serve the shops of the district have had to drive through the narrow streets of the centre.',
  'Several members of the council said that the cost of the bridge was too high, and they asked the mayor to look for money from the region and from the state. The mayor promised to present a plan for the financing of the bridge before the end of the year.',
  'The mayor answered that the bridge would pay for itself within ten years, since trucks would no longer have to drive around the old town to reach the port. He added that the port company had already offered to pay a part of the cost.',
  'A public meeting about the design of the bridge will be held at the town hall next month, and residents will be able to vote for one of three proposals.',
];

const ENGLISH_FOOTER = ['Most read', 'Weather for the weekend', 'Traffic news', 'Contact us'];

const VIETNAMESE_ARTICLE = [
  'Trang nhất',
  'Thời sự',
  'Thể thao',
  'Hội đồng thành phố thông qua dự án cầu mới bắc qua sông',
  'Hội đồng thành phố hôm thứ Ba đã thông qua dự án xây dựng cây cầu mới bắc qua sông, sau hai năm tranh luận về chi phí và vị trí của công trình trong khu phố cổ. Mười một thành viên đã bỏ phiếu tán thành dự án, bốn người phản đối và hai người không tham gia biểu quyết.',
  'Dự án có tổng vốn khoảng 40 triệu euro và việc thi công cây cầu dự kiến sẽ bắt đầu vào mùa xuân năm sau nếu cơ quan quản lý sông cấp phép đúng hạn. Các nhà thầu dự kiến công trình sẽ kéo dài khoảng hai năm, trong thời gian đó một làn đường ven sông sẽ bị đóng.',
  'Người dân quận phía bắc đã đề nghị xây cầu mới từ lâu, vì cây cầu cũ bị cấm xe tải kể từ khi trận lũ làm hư hại các trụ cầu của nó. Từ đó đến nay, xe tải phục vụ các cửa hàng trong quận phải đi qua những con phố hẹp ở trung tâm.',
  'Một số thành viên hội đồng cho rằng chi phí của cây cầu quá cao và đề nghị thị trưởng tìm thêm nguồn vốn từ tỉnh và từ ngân sách nhà nước. Thị trưởng hứa sẽ trình kế hoạch tài chính cho cây cầu trước cuối năm nay.',
  'Thị trưởng trả lời rằng cây cầu sẽ hoàn vốn trong vòng mười năm, vì xe tải sẽ không còn phải đi vòng qua khu phố cổ để đến cảng. Ông nói thêm rằng công ty cảng đã đề nghị chi trả một phần chi phí.',
  'Một cuộc họp công khai về thiết kế cây cầu sẽ được tổ chức tại trụ sở ủy ban vào tháng tới, và người dân có thể bỏ phiếu chọn một trong ba phương án.',
];

const VIETNAMESE_FOOTER = ['Đọc nhiều nhất', 'Thời tiết cuối tuần', 'Tin giao thông', 'Liên hệ'];

function decide(text: string): LineDecision[] {
  const corpus = new CorpusModel();
  corpus.addDocument('page', text);
  return detectLines(text, corpus, stopwords, { documentId: 'page' });
}

/** The menu lines and the headline before the article's first paragraph. */
const FIRST_PARAGRAPH = 4;

/** Labels by line number, for the lines [from, to). */
function labels(decisions: LineDecision[], from: number, to: number): string[] {
  const result: string[] = [];
  for (let line = from; line < to; line++) result.push(decisions.find((decision) => decision.line === line)?.label ?? 'none');
  return result;
}

function page(article: string[], box: string[], footer: string[]): { text: string; boxFrom: number; boxTo: number } {
  const lines = [...article, ...box, ...footer];
  return { text: lines.join('\n'), boxFrom: article.length, boxTo: article.length + box.length };
}

const ENGLISH_NEWSLETTER = [
  'The Morning Briefing',
  'Get the day’s top stories, sent to you every morning.',
  'Sign me up for the newsletter, I can unsubscribe at any time.',
  'See all newsletters',
  'Thanks for signing up!',
  'Look for the first one in your inbox tomorrow.',
];

const VIETNAMESE_NEWSLETTER = [
  'Bản tin buổi sáng',
  'Nhận những tin tức nổi bật nhất trong ngày qua thư điện tử vào mỗi buổi sáng.',
  'Tôi đồng ý nhận bản tin và biết rằng có thể hủy đăng ký bất cứ lúc nào.',
  'Xem tất cả bản tin',
  'Cảm ơn bạn đã đăng ký nhận bản tin của chúng tôi!',
  'Hãy kiểm tra hộp thư của bạn vào sáng mai nhé.',
];

test('a newsletter box after the last paragraph is not body, the article is (English)', () => {
  const { text, boxFrom, boxTo } = page(ENGLISH_ARTICLE, ENGLISH_NEWSLETTER, ENGLISH_FOOTER);
  const decisions = decide(text);
  assert.deepEqual(labels(decisions, FIRST_PARAGRAPH, boxFrom), new Array(boxFrom - FIRST_PARAGRAPH).fill('body'));
  assert.deepEqual(labels(decisions, boxFrom, boxTo), new Array(boxTo - boxFrom).fill('boilerplate'));
  const header = decisions.find((decision) => decision.line === boxFrom) as LineDecision;
  assert.match(header.reasons[0], /after the article/);
});

test('a newsletter box after the last paragraph is not body, the article is (Vietnamese)', () => {
  const { text, boxFrom, boxTo } = page(VIETNAMESE_ARTICLE, VIETNAMESE_NEWSLETTER, VIETNAMESE_FOOTER);
  const decisions = decide(text);
  assert.deepEqual(labels(decisions, FIRST_PARAGRAPH, boxFrom), new Array(boxFrom - FIRST_PARAGRAPH).fill('body'));
  assert.deepEqual(labels(decisions, boxFrom, boxTo), new Array(boxTo - boxFrom).fill('boilerplate'));
});

test('an author box (a header naming the subject of one paragraph) after the article is not body', () => {
  const english = page(
    ENGLISH_ARTICLE,
    [
      'About Jane Roe',
      'Jane Roe writes about cinema, music and theatre for several magazines, and she has published two novels and a collection of essays on photography.',
    ],
    ENGLISH_FOOTER,
  );
  const vietnamese = page(
    VIETNAMESE_ARTICLE,
    [
      'Về tác giả Nguyễn Văn An',
      'Nguyễn Văn An viết về điện ảnh, âm nhạc và sân khấu cho nhiều tạp chí, anh đã xuất bản hai cuốn tiểu thuyết và một tập tản văn về nhiếp ảnh.',
    ],
    VIETNAMESE_FOOTER,
  );
  for (const { text, boxFrom, boxTo } of [english, vietnamese]) {
    const decisions = decide(text);
    assert.deepEqual(labels(decisions, boxFrom - 1, boxTo), ['body', 'boilerplate', 'boilerplate']);
  }
});

test('a subheading over the article’s last paragraphs stays body', () => {
  const english = page(
    ENGLISH_ARTICLE,
    [
      'What comes next',
      'The council will choose the builder of the bridge in the autumn, and the mayor hopes that trucks can cross the river to the port within three years.',
    ],
    ENGLISH_FOOTER,
  );
  const vietnamese = page(
    VIETNAMESE_ARTICLE,
    [
      'Các bước tiếp theo',
      'Hội đồng sẽ chọn nhà thầu xây cầu vào mùa thu, và thị trưởng hy vọng xe tải có thể qua sông đến cảng trong vòng ba năm.',
    ],
    VIETNAMESE_FOOTER,
  );
  // A last subsection whose words are new to the article: its header does not name its subject.
  const reactions = page(
    ENGLISH_ARTICLE,
    [
      'Reactions',
      'Shopkeepers welcomed the decision, saying deliveries had become slow and expensive. A cycling club praised the plans for a wider path, and a group of parents asked for a safe crossing near the school.',
    ],
    ENGLISH_FOOTER,
  );
  const reactionsVietnamese = page(
    VIETNAMESE_ARTICLE,
    [
      'Phản ứng',
      'Các chủ tiệm hoan nghênh quyết định, nói rằng việc giao hàng lâu nay chậm và tốn kém. Một câu lạc bộ xe đạp khen kế hoạch làm lối đi rộng hơn, còn các phụ huynh đề nghị làm lối sang đường an toàn gần trường học.',
    ],
    VIETNAMESE_FOOTER,
  );
  for (const { text, boxFrom, boxTo } of [english, vietnamese, reactions, reactionsVietnamese]) {
    assert.deepEqual(labels(decide(text), boxFrom, boxTo), ['body', 'body']);
  }
});

test('short lines after a header that go on about the article’s subject stay in the article', () => {
  // Shorter than the article's paragraphs like a sign-up box, but made of the article's own words.
  const english = page(
    ENGLISH_ARTICLE,
    [
      'The three proposals',
      'A bridge for the trucks of the port, the cheapest.',
      'A bridge like the old one, near the old town.',
      'A bridge with a path for residents of the district.',
    ],
    ENGLISH_FOOTER,
  );
  const vietnamese = page(
    VIETNAMESE_ARTICLE,
    [
      'Ba phương án thiết kế',
      'Cây cầu cho xe tải qua sông đến cảng, chi phí thấp.',
      'Cây cầu giống cây cầu cũ, gần khu phố cổ.',
      'Cây cầu có lối đi cho người dân quận phía bắc.',
    ],
    VIETNAMESE_FOOTER,
  );
  for (const { text, boxFrom, boxTo } of [english, vietnamese]) {
    const decisions = decide(text);
    assert.deepEqual(labels(decisions, boxFrom + 1, boxTo), ['body', 'body', 'body']);
  }
});
