// Body detection on pages in scripts other than Latin: words from the segmenter, sentence marks of the
// script, lengths in Latin letters' worth, stop-word lists of the language, guessed per page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLines } from '../../../src/core/detect/body/index';
import { CorpusModel } from '../../../src/core/detect/corpus';
import { loadShippedStopwords } from './shippedStopwords';

const stopwords = loadShippedStopwords();

test('the language guess knows scripts: Chinese, Japanese, Thai, Hindi and Arabic pages get their lists', () => {
  assert.equal(stopwords.guessLanguage('记者了解到，这个项目已经完成了大部分工作，预计明年正式投入使用。我们也会继续关注。'), 'Chinese');
  assert.equal(stopwords.guessLanguage('市の担当者によると、この計画は来年から始まる予定で、住民の意見も聞いているということです。'), 'Japanese');
  assert.equal(stopwords.guessLanguage('เจ้าหน้าที่กล่าวว่า โครงการนี้จะเริ่มในปีหน้า และจะมีการรับฟังความคิดเห็นของประชาชน'), 'Thai');
  assert.equal(stopwords.guessLanguage('अधिकारियों ने कहा कि यह योजना अगले साल से शुरू होगी और लोगों की राय भी ली जाएगी।'), 'Hindi');
  assert.equal(stopwords.guessLanguage('وقال المسؤولون إن هذه الخطة ستبدأ في العام المقبل، وإنهم سيستمعون إلى آراء السكان.'), 'Arabic');
  assert.equal(stopwords.guessLanguage('The officials said that the plan would start next year and that they would listen to the residents.'), 'English');
});

/** A made-up Chinese site: menu, breadcrumb, headline, date line, paragraphs, related links, footer. */
function chinesePage(paragraphs: string[], headline: string): string {
  return [
    '首页',
    '新闻',
    '财经',
    '体育',
    '登录 | 注册',
    headline,
    '2026-03-05 08:45 来源：示例网',
    ...paragraphs,
    '相关新闻',
    '城市交通有了新变化',
    '春季招聘会今天开幕',
    '关于我们 | 联系我们 | 网站地图',
    '示例网 版权所有 © 2026',
  ].join('\n');
}

test('on Chinese pages the paragraphs are body and the menus, links and footer are not', () => {
  const pages = [
    chinesePage(
      [
        '市政府昨天宣布，今年将新建二十所小学，以缓解城区学校学位紧张的问题。新学校预计在明年九月开学。',
        '教育局负责人表示，新学校的设计充分考虑了学生的安全和活动空间，每所学校都将配备运动场和图书馆。',
        '不少家长对此表示欢迎。一位家长说：“孩子以后上学近了，我们也放心多了。”',
      ],
      '市政府宣布今年新建二十所小学',
    ),
    chinesePage(
      [
        '受强冷空气影响，本周后半段全市气温将明显下降，最低气温可能降到零度以下，请市民注意防寒保暖。',
        '气象部门提醒，降温期间道路可能结冰，驾驶人员应减速慢行，行人出行也要注意防滑。',
      ],
      '强冷空气来袭 本周后半段气温明显下降',
    ),
  ];
  const corpus = new CorpusModel();
  pages.forEach((page, index) => corpus.addDocument(`page-${index}`, page));
  const decisions = detectLines(pages[0], corpus, stopwords, { documentId: 'page-0' });
  const lines = pages[0].split('\n');
  const body = decisions.filter((decision) => decision.label === 'body').map((decision) => lines[decision.line]);
  assert.deepEqual(body, lines.slice(5, 6).concat(lines.slice(7, 10)));
});

test('a Thai paragraph without sentence marks is body, a short Thai link is not', () => {
  const page = [
    'หน้าแรก',
    'ข่าว',
    'กีฬา',
    'เมืองเตรียมเปิดห้องสมุดแห่งใหม่',
    'เทศบาลเมืองเปิดเผยว่า ห้องสมุดแห่งใหม่จะเปิดให้บริการในเดือนหน้า หลังจากใช้เวลาก่อสร้างมานานกว่าหนึ่งปี',
    'ห้องสมุดแห่งนี้มีหนังสือมากกว่าสองหมื่นเล่ม และมีพื้นที่สำหรับเด็กและผู้สูงอายุ ซึ่งจะเปิดทุกวันตั้งแต่เช้าจนถึงค่ำ',
    'ประชาชนในพื้นที่ต่างแสดงความยินดี โดยหลายคนบอกว่าจะพาลูกหลานมาอ่านหนังสือในวันหยุด',
    'ข่าวที่เกี่ยวข้อง',
    'ฝนตกหนักหลายพื้นที่',
    'ราคาทองวันนี้',
    '© 2569 ตัวอย่าง',
  ].join('\n');
  const decisions = detectLines(page, new CorpusModel(), stopwords);
  const label = (line: number): string | undefined => decisions.find((decision) => decision.line === line)?.label;
  for (const line of [4, 5, 6]) assert.equal(label(line), 'body', `line ${line}`);
  for (const line of [0, 1, 2, 7, 8, 9, 10]) assert.equal(label(line), 'boilerplate', `line ${line}`);
});
