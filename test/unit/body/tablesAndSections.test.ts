// Tables of figures that carry a page, and titles listed under a site's recurring section headers, in
// several languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLines } from '../../../src/core/detect/body/index';
import { CorpusModel } from '../../../src/core/detect/corpus';
import { loadShippedStopwords } from './shippedStopwords';

const stopwords = loadShippedStopwords();

/** The body lines of `text`, judged with the other pages in the corpus (when given). */
function bodyLines(text: string, otherPages: readonly string[] = []): string[] {
  const corpus = new CorpusModel();
  otherPages.forEach((page, index) => corpus.addDocument(`other-${index}`, page));
  corpus.addDocument('page', text);
  const lines = text.split('\n');
  return detectLines(text, corpus, stopwords, { documentId: 'page' })
    .filter((decision) => decision.label === 'body')
    .map((decision) => lines[decision.line]);
}

const PT_MENU = ['Início', 'Notícias', 'Fórmula 1', 'Vídeos', 'Fórum', 'Contato'];
const PT_TEASERS = [
  'Pilotos e equipes para a próxima temporada',
  'Confira os horários dos treinos e das corridas da temporada no Brasil e no mundo, com todos os detalhes.',
  'Entrevista com o campeão da temporada',
  'O piloto fala sobre a temporada, os planos para o próximo ano e o que espera da equipe depois da vitória.',
  'Os melhores momentos da última corrida',
  'Veja como foi a disputa pelo título na última corrida do ano, volta a volta, com as imagens da prova.',
];

/** A standings page: two short sentences, then a table of forty rows of figures. */
function standingsPage(): { text: string; table: string[] } {
  const names = ['Ana Souza', 'Bruno Lima', 'Carla Dias', 'Davi Rocha', 'Eva Campos', 'Fábio Nunes', 'Gil Prado', 'Hugo Reis'];
  const table = Array.from({ length: 40 }, (_, i) => `${i + 1} ${names[i % names.length]} ${5040 - i * 37} ${i % 7} ${i % 3} ${17 - (i % 9)} ${27 - (i % 11)}`);
  const text = [
    ...PT_MENU,
    'Nesta página você terá sempre a classificação atualizada do campeonato até a última corrida!',
    'Classificação final do campeonato em 2019 após 36 etapas:',
    'Pos. Piloto Pontos Vitórias Poles Top 5 Top 10',
    ...table,
    '* O calendário do campeonato é composto por 36 corridas.',
    ...PT_TEASERS,
    'Política de Privacidade',
    'Fale Conosco',
  ].join('\n');
  return { text, table };
}

test('a page carried by a long table of figures finds its article in the table, with its headings', () => {
  const { text, table } = standingsPage();
  const body = bodyLines(text);
  for (const row of table) assert.ok(body.includes(row), `missing table row "${row}"\n${body.join('\n')}`);
  assert.ok(body.includes('Pos. Piloto Pontos Vitórias Poles Top 5 Top 10'), 'the column headings belong to the table');
  assert.ok(body.includes('Classificação final do campeonato em 2019 após 36 etapas:'), 'the announcing line is body');
  // The teasers of other articles after the table stay boilerplate.
  assert.ok(!body.includes(PT_TEASERS[1]), body.join('\n'));
  assert.ok(!body.includes('Política de Privacidade') && !body.includes('Início'));
});

test('a numbered list of links is no table of figures: it does not pull the block away from the article', () => {
  const article = [
    'Berg takes the championship after a tense final race',
    'Anna Berg won the championship on Sunday by five points, after a final race in which the lead changed three times.',
    'Berg said after the race that the title was the reward for a season in which her team never gave up, even after two crashes.',
    'The new season starts in February with the first race in the south of the country, where Berg won last year.',
  ];
  const mostRead = Array.from({ length: 12 }, (_, i) => `${i + 1} Local team wins the cup in round ${i + 2}`);
  const text = ['Home', 'Sport', 'Most read', ...mostRead, ...article, 'About us', 'Contact'].join('\n');
  const body = bodyLines(text);
  for (const line of article.slice(1)) assert.ok(body.includes(line), `missing "${line}"\n${body.join('\n')}`);
  for (const item of mostRead) assert.ok(!body.includes(item), `list item "${item}" taken as body`);
});

/** Pages of one site: its template, an article with a "related" insert under the site's own header. */
function sitePage(header: string, article: readonly string[], related: readonly string[], footer: readonly string[]): string {
  return [...footer.slice(0, 3), article[0], article[1], article[2], header, ...related, ...article.slice(3), ...footer.slice(3)].join('\n');
}

const EN_FOOTER = ['News', 'Sport', 'Culture', 'About us', 'Careers', 'Contact'];
const EN_ARTICLES = [
  [
    'City council approves the new tram line after a long debate',
    'The city council approved the new tram line on Tuesday, after a debate that lasted more than six hours and ended in a close vote.',
    'Supporters of the project said the line would cut travel times for thousands of commuters who now spend an hour in traffic.',
    'Opponents warned that the cost of the project had doubled since it was first proposed, and that the money could be better spent.',
    'Construction is expected to start next spring, and the first trams should run on the line within three years, the mayor said.',
  ],
  [
    'Harbour reopens after the storm damaged two piers',
    'The harbour reopened to ships on Monday, five days after a storm damaged two of its piers and sank several small boats.',
    'Workers cleared the wreckage over the weekend, and engineers inspected the remaining piers before the port authority lifted the ban.',
    'The repairs to the damaged piers will take several months, and some ferries will use a temporary landing until they are finished.',
    'Fishermen who lost their boats in the storm will receive help from a fund that the region set up on Friday, officials said.',
  ],
  [
    'Library extends its opening hours for students',
    'The central library will stay open until midnight during the exam period, after students asked for more places to study in the evening.',
    'The library hired extra staff for the late shifts, and the city agreed to run more night buses to the campus while the longer hours last.',
    'Students welcomed the decision, but said that the reading rooms were already full in the afternoon and that more seats were needed.',
    'The director said the library would review the longer hours after the exams and decide whether to keep them for the rest of the year.',
  ],
];
const EN_RELATED = [
  ['Mayor presents the budget for next year', 'New bike lanes open in the old town'],
  ['Ferry service cut back for the winter', 'Fish market moves to the new harbour hall'],
  ['University plans a new science campus', 'Students protest against higher rents'],
];

test('titles under a section header repeated across the site are not body, even inside the article', () => {
  const pages = EN_ARTICLES.map((article, i) => sitePage('Related', article, EN_RELATED[i], EN_FOOTER));
  const body = bodyLines(pages[0], pages.slice(1));
  for (const title of EN_RELATED[0]) assert.ok(!body.includes(title), `related title "${title}" taken as body\n${body.join('\n')}`);
  for (const line of EN_ARTICLES[0]) assert.ok(body.includes(line), `missing article line "${line}"\n${body.join('\n')}`);
  const lines = pages[0].split('\n');
  const listed = detectLinesWithCorpus(pages[0], pages.slice(1)).filter((decision) => decision.reasons[0].includes(SECTION_REASON));
  assert.deepEqual(
    listed.map((decision) => lines[decision.line]),
    EN_RELATED[0],
  );
});

test('the same titles after a header that is not repeated on other pages keep their place in the article', () => {
  // A subheading-like line that occurs on this page only is no site header: what follows is judged as before.
  const pages = EN_ARTICLES.map((article, i) => sitePage(i === 0 ? 'In short' : 'Related', article, EN_RELATED[i], EN_FOOTER));
  const decisions = detectLinesWithCorpus(pages[0], pages.slice(1));
  for (const decision of decisions) {
    assert.ok(!decision.reasons[0].includes(SECTION_REASON), `${decision.line}: ${decision.reasons.join('; ')}`);
  }
  // The headline under the site's menu (repeated lines too) is never a listed title.
  const lines = pages[0].split('\n');
  const headline = decisions.find((decision) => lines[decision.line] === EN_ARTICLES[0][0]);
  assert.equal(headline?.label, 'body');
});

test('a line announcing what follows with a colon, under a line the site repeats, is the article’s own', () => {
  // "Advertisement" is repeated on every page, as a section header is; the line after it announces the
  // article's next lines, which no title of another article does.
  const announcing = 'In an interview after the vote, the mayor also said:';
  const pages = EN_ARTICLES.map((article, i) => sitePage('Advertisement', article, i === 0 ? [announcing] : EN_RELATED[i], EN_FOOTER));
  const decisions = detectLinesWithCorpus(pages[0], pages.slice(1));
  const lines = pages[0].split('\n');
  const decision = decisions.find((d) => lines[d.line] === announcing);
  assert.ok(decision && !decision.reasons[0].includes(SECTION_REASON), decision?.reasons.join('; '));
});

const SECTION_REASON = 'section header repeated on other pages';

function detectLinesWithCorpus(text: string, otherPages: readonly string[]) {
  const corpus = new CorpusModel();
  otherPages.forEach((page, index) => corpus.addDocument(`other-${index}`, page));
  corpus.addDocument('page', text);
  return detectLines(text, corpus, stopwords, { documentId: 'page' });
}

const VI_FOOTER = ['Thời sự', 'Thế giới', 'Kinh tế', 'Liên hệ', 'Quảng cáo', 'Bản quyền'];
const VI_ARTICLES = [
  [
    'Thành phố khánh thành cây cầu mới bắc qua sông',
    'Sáng nay, thành phố đã khánh thành cây cầu mới bắc qua sông, sau hơn hai năm thi công với tổng vốn đầu tư hàng nghìn tỷ đồng.',
    'Theo lãnh đạo thành phố, cây cầu sẽ giúp giảm ùn tắc giao thông cho hàng chục nghìn người dân đi làm mỗi ngày ở hai bên bờ sông.',
    'Người dân sống gần cây cầu cho biết họ đã chờ đợi công trình này từ rất lâu và hy vọng việc đi lại sẽ thuận tiện hơn trước.',
    'Dự kiến trong năm tới, thành phố sẽ tiếp tục xây dựng thêm hai tuyến đường nối cây cầu với các khu dân cư mới ở phía nam.',
  ],
  [
    'Bệnh viện mở thêm khoa cấp cứu cho trẻ em',
    'Bệnh viện tỉnh vừa mở thêm một khoa cấp cứu dành riêng cho trẻ em, với đội ngũ bác sĩ và điều dưỡng được đào tạo chuyên sâu.',
    'Giám đốc bệnh viện cho biết số ca cấp cứu trẻ em đã tăng mạnh trong năm qua, khiến khoa cũ thường xuyên quá tải vào mùa đông.',
    'Khoa mới có hơn năm mươi giường bệnh và các thiết bị hiện đại, giúp rút ngắn thời gian chờ đợi của các gia đình có con nhỏ.',
    'Sở Y tế cho biết sẽ xem xét mở thêm các khoa tương tự ở những bệnh viện huyện trong thời gian tới nếu mô hình này hiệu quả.',
  ],
];
// One title under the header: the insert is short enough for the article block to run across it.
const VI_RELATED = [['Thành phố điều chỉnh giờ chạy xe buýt cho người đi làm'], ['Tỉnh tuyển thêm bác sĩ cho các bệnh viện vùng sâu']];

test('Vietnamese: titles under the site\'s repeated header inside the article are boilerplate', () => {
  const pages = VI_ARTICLES.map((article, i) => sitePage('Tin liên quan', article, VI_RELATED[i], VI_FOOTER));
  const body = bodyLines(pages[0], pages.slice(1));
  for (const title of VI_RELATED[0]) assert.ok(!body.includes(title), `related title "${title}" taken as body\n${body.join('\n')}`);
  for (const line of VI_ARTICLES[0]) assert.ok(body.includes(line), `missing article line "${line}"\n${body.join('\n')}`);
  const lines = pages[0].split('\n');
  const listed = detectLinesWithCorpus(pages[0], pages.slice(1)).filter((decision) => decision.reasons[0].includes(SECTION_REASON));
  assert.deepEqual(
    listed.map((decision) => lines[decision.line]),
    VI_RELATED[0],
  );
});

/** An article about a tour that ends with its dates under a subheading, then the site's other stories. */
function tourPage(header: string, more: readonly string[] = []): { text: string; dates: string[] } {
  const dates = [
    'June 9 – Tampa, FL @ Harbour Amphitheatre',
    'June 12 – Atlanta, GA @ Lakewood Pavilion',
    'June 17 – Nashville, TN @ River Arena',
    'June 20 – Raleigh, NC @ Walnut Creek Music Park',
    'July 2 – Boston, MA @ Seaport Hall',
    'July 8 – Chicago, IL @ Lakeside Stage',
    ...more,
  ];
  const text = [
    'Home',
    'Music',
    'Tours',
    'The Northern Lights announce their first tour in ten years',
    'The Northern Lights will play thirty cities next summer, the band announced on Monday at the end of a concert in Denver.',
    'Singer Ella Moreno said the band had waited for the right moment, and that the new songs would be played alongside the old ones.',
    'Tickets go on sale to the public on Friday morning, with a presale for members of the fan club on Thursday.',
    header,
    ...dates,
    'More stories',
    'A festival without headliners sells out in a day',
    'The best live albums of the year, ranked',
    'Privacy policy',
  ].join('\n');
  return { text, dates };
}

test('a list of items of one pattern under a subheading at the end of the article is body', () => {
  const { text, dates } = tourPage('The Northern Lights tour dates');
  const body = bodyLines(text);
  for (const line of dates) assert.ok(body.includes(line), `missing "${line}"\n${body.join('\n')}`);
  assert.ok(body.includes('The Northern Lights tour dates'), 'the subheading belongs to the list');
  assert.ok(!body.includes('A festival without headliners sells out in a day'), body.join('\n'));
  assert.ok(!body.includes('More stories') && !body.includes('Privacy policy'));
});

test('one item written with an abbreviation does not cut a list of items of one pattern', () => {
  const { text, dates } = tourPage('The Northern Lights tour dates', [
    'July 14 – St. Paul, MN @ Riverside Amphitheatre',
    'July 19 – Denver, CO @ Red Canyon Park',
    'July 22 – Austin, TX @ Lakeshore Stage',
    'July 26 – Phoenix, AZ @ Desert Sky Hall',
    'July 30 – Portland, OR @ Waterfront Park',
  ]);
  const body = bodyLines(text);
  for (const line of dates) assert.ok(body.includes(line), `missing "${line}"\n${body.join('\n')}`);
  assert.ok(!body.includes('A festival without headliners sells out in a day'), body.join('\n'));
});

test('a list of items under a header that other pages of the site repeat stays out of the article', () => {
  const { text, dates } = tourPage('Upcoming shows');
  const other = (n: number, header: string): string =>
    [
      `Another story number ${n} with a headline of its own`,
      `A paragraph of story ${n} that says what happened, where and when, in a sentence of its own.`,
      header,
      `Story ${n} goes on with a second paragraph, so that the header stands inside an article.`,
    ].join('\n');
  // one other page has the header; on 2 of 9 pages it is no conclusive template line, only a repeated one
  const others = [other(1, 'Upcoming shows'), ...[2, 3, 4, 5, 6, 7, 8].map((n) => other(n, `A header of story ${n}`))];
  const body = bodyLines(text, others);
  for (const line of dates) assert.ok(!body.includes(line), `"${line}" taken as body\n${body.join('\n')}`);
});

test('menus of one pattern with one or two words an item (categories and their counts) are no list of items', () => {
  const archive = ['Motor racing (12)', 'Football (9)', 'Local clubs (14)', 'Cycling (7)', 'Winter sports (11)'];
  const text = [
    'Berg takes the championship after a tense final race',
    'Anna Berg won the championship on Sunday by five points, after a final race in which the lead changed three times.',
    'Berg said after the race that the title was the reward for a season in which her team never gave up, even after two crashes.',
    'Categories',
    ...archive,
    'Privacy policy',
  ].join('\n');
  const body = bodyLines(text);
  for (const line of archive) assert.ok(!body.includes(line), `menu entry "${line}" taken as body\n${body.join('\n')}`);
});
