import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLines } from '../../../src/core/detect/body/index';
import { looksLikeCredit } from '../../../src/core/detect/body/signals/credit';
import { itemNumber, linePattern, looksLikeCode, speakerLabel } from '../../../src/core/detect/body/signals/structure';
import { CorpusModel } from '../../../src/core/detect/corpus';
import type { LineDecision } from '../../../src/core/model/types';
import { loadShippedStopwords } from './shippedStopwords';

const stopwords = loadShippedStopwords();

const MENU = ['Home', 'World', 'Business', 'Sport', 'Culture', 'Opinion'];
const FOOTER = ['Most read', 'Ferry strike ends after two weeks', 'New stadium opens in the north', 'Weather warning for Friday', 'About us', 'Contact'];

function bodyLines(text: string): string[] {
  const decisions: LineDecision[] = detectLines(text, new CorpusModel(), stopwords);
  const lines = text.split('\n');
  return decisions.filter((decision) => decision.label === 'body').map((decision) => lines[decision.line]);
}

test('linePattern keeps the first three digits-and-punctuation marks, in any script', () => {
  assert.equal(linePattern('June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre'), '0–,');
  assert.equal(linePattern('July 22 – Cuyahoga Falls, OH @ Blossom Music Center'), '0–,');
  assert.equal(linePattern('England (Group A): 10th appearance'), '():');
  assert.equal(linePattern('Ngày 12 – Hà Nội, sân Mỹ Đình'), '0–,');
  assert.equal(linePattern('6月12日：北京，国家体育场'), '00：');
  assert.equal(linePattern('Home'), '');
});

test('linePattern leaves out marks inside words and a bullet or footnote mark before the item', () => {
  // hyphens and apostrophes between letters belong to names, so these items share one pattern
  assert.equal(linePattern('Ricardo Pierre-Louis (Lee University)'), '()');
  assert.equal(linePattern("Jim O'Brien (University of Illinois-Chicago)"), '()');
  // some items of a list carry a footnote mark and others not
  assert.equal(linePattern('* Sean Franklin (California State University)'), '()');
  assert.equal(linePattern('• Tampa, FL'), ',');
  // a dash between spaces, or before a number, is the list's own mark
  assert.equal(linePattern('June 9 – Tampa, FL'), '0–,');
  assert.equal(linePattern('U-23 squad: 18 players'), '-0:');
});

test('itemNumber reads "1)", "2.", "3 -" and "4 Word" items, not numbers inside text', () => {
  assert.equal(itemNumber('1) A camera for beginners'), 1);
  assert.equal(itemNumber('12. The last one'), 12);
  assert.equal(itemNumber('3 - Something else'), 3);
  assert.equal(itemNumber('4 Kyle Smith 5040 5 1'), 4);
  assert.equal(itemNumber('2019 was a good year'), undefined);
  assert.equal(itemNumber('1 000 people came'), undefined);
  assert.equal(itemNumber('3.5 million people'), undefined);
  assert.equal(itemNumber('Chapter 1'), undefined);
});

test('a results table between two paragraphs of an article is body', () => {
  const table = ['Pos. Driver Points Wins', '1 Anna Berg 5040 5', '2 Tom Walsh 5035 7', '3 Lea Roth 5033 4', '4 Ivo Dane 5027 6', '5 Max Lund 2380 2'];
  const text = [
    ...MENU,
    'Berg takes the championship after a tense final race',
    'Anna Berg won the championship on Sunday by five points, after a final race in which the lead changed three times.',
    'The final standings of the season, after thirty-six races, are as follows:',
    ...table,
    'Berg said after the race that the title was the reward for a season in which her team never gave up, even after two crashes.',
    'The new season starts in February with the first race in the south of the country, where Berg won last year.',
    ...FOOTER,
  ].join('\n');
  const body = bodyLines(text);
  for (const row of table) assert.ok(body.includes(row), `missing table row "${row}"\n${body.join('\n')}`);
  assert.ok(!body.includes('Home') && !body.includes('Weather warning for Friday'));
});

test('a numbered list announced by the last paragraph is body; the same kind of list elsewhere is not', () => {
  const items = ['1) A small camera for travellers', 'http://shop.example/a1', '2) A board game for four players', 'http://shop.example/b2', '3) A book about old maps', 'http://shop.example/c3', '4) A lamp for reading in bed', 'http://shop.example/d4'];
  const article = [
    'Gift ideas for the holidays',
    'Every year the shops start their sales earlier, and this year the first offers appeared at the start of November.',
    'We looked through hundreds of them and kept only the ones that we would be glad to receive ourselves.',
    'Here are the offers we liked most, with the links where you can find them:',
  ];
  const announced = bodyLines([...MENU, ...article, ...items, ...FOOTER].join('\n'));
  for (const item of items) assert.ok(announced.includes(item), `missing list line "${item}"\n${announced.join('\n')}`);

  const unannounced = [...MENU, ...article.slice(0, 3), ...FOOTER.slice(0, 2), ...items, ...FOOTER.slice(2)].join('\n');
  const body = bodyLines(unannounced);
  for (const item of items) assert.ok(!body.includes(item), `list outside the article taken as body: "${item}"`);
});

test('an interview as "Q: ... / A: ..." lines inside an article is body, with its reason', () => {
  const dialogue = ['Q: Where did you grow up?', 'A: In a small town by the sea.', 'Q: Favourite book?', 'A: A long novel about a whaling ship.', 'Q: First job?', 'A: Selling ice cream on the beach.'];
  const text = [
    ...MENU,
    'Meet the new director of the city library',
    'The city library has a new director, who started on Monday after twenty years at the university library in the capital.',
    'We asked her a few questions about her life and her plans for the library, and here is what she told us:',
    ...dialogue,
    'The library will be open on Sundays from next month, the first change that the new director has decided on.',
    ...FOOTER,
  ].join('\n');
  const decisions = detectLines(text, new CorpusModel(), stopwords);
  const lines = text.split('\n');
  for (const turn of dialogue) {
    const decision = decisions.find((item) => lines[item.line] === turn);
    assert.equal(decision?.label, 'body', turn);
    assert.ok(decision?.reasons.includes('dialogue'), decision?.reasons.join('; '));
  }
});

test('speakerLabel: a short label before a colon, not a time or a long clause', () => {
  assert.equal(speakerLabel('Q: Favourite book?'), 'q');
  assert.equal(speakerLabel('Anna Berg: We will win.'), 'anna berg');
  assert.equal(speakerLabel('At 10:30 the train left'), undefined);
  assert.equal(speakerLabel('The minister said on Monday that: nothing'), undefined);
  assert.equal(speakerLabel('Note:'), undefined);
});

test('photo credits between paragraphs are boilerplate; URLs and fractions are not credits', () => {
  assert.equal(looksLikeCredit('Jane Roe/Daily Courier/Photo Agency'), true);
  assert.equal(looksLikeCredit('Tom Lee | Wire Service | Images'), true);
  assert.equal(looksLikeCredit('(Image: © Star Survey Team)'), true);
  assert.equal(looksLikeCredit('http://shop.example/a1'), false);
  assert.equal(looksLikeCredit('1/2 cup of sugar'), false);
  const text = [
    ...MENU,
    'Heavy snow closes the mountain pass for a second day',
    'The mountain pass stayed closed on Tuesday after another night of heavy snow, and the police turned back dozens of trucks.',
    'Jane Roe/Daily Courier/Photo Agency',
    'Snow ploughs worked through the night, but the wind blew the snow back onto the road as fast as they could clear it.',
    'The road service said that the pass could open again on Thursday if the weather forecast for Wednesday is right.',
    ...FOOTER,
  ].join('\n');
  assert.ok(!bodyLines(text).includes('Jane Roe/Daily Courier/Photo Agency'));
  assert.ok(bodyLines(text).includes('The road service said that the pass could open again on Thursday if the weather forecast for Wednesday is right.'));
});

test('looksLikeCode: statements, comments, directives and prompts, not prose, menus or counts', () => {
  for (const line of ['int add(int x, int y) {', 'return 0;', '// load the page', '#include <stdio.h>', '$ make install', 'const total = items[0] + left[1];']) {
    assert.equal(looksLikeCode(line, true), true, line);
  }
  for (const line of ['Archive (12)', 'Home | News | Sport', 'The council met on Tuesday (after a long delay).', 'Step 1', 'Prices rose by 5% in May & June.', 'We tried three things (and failed); then we asked for help from the people who built it in the first place;']) {
    assert.equal(looksLikeCode(line, true), false, line);
  }
});

test('a code listing between two paragraphs of an article is body, with its reason', () => {
  const listing = ['// greet.c', '#include <stdio.h>', 'int main(void) {', 'printf("hello");', 'return 0;', '}'];
  const text = [
    ...MENU,
    'How a first program is written',
    'Most books about programming start with the same small program, which prints a greeting and does nothing else at all.',
    'It shows how a program is laid out, where it starts and how it ends, before the reader has to learn anything about the language.',
    ...listing,
    'The first line says which file it is, and the next one brings in the functions that print text on the screen for the program.',
    'Everything between the two brackets runs when the program starts, and the number it returns tells the system that all went well.',
    ...FOOTER,
  ].join('\n');
  const decisions = detectLines(text, new CorpusModel(), stopwords);
  const lines = text.split('\n');
  for (const line of listing.slice(0, -1)) {
    const decision = decisions.find((item) => lines[item.line] === line);
    assert.equal(decision?.label, 'body', line);
    assert.ok(decision?.reasons.includes('program code'), decision?.reasons.join('; '));
  }
});
