import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectLines } from '../../../src/core/detect/body/index';
import { CorpusModel } from '../../../src/core/detect/corpus';
import type { LineDecision } from '../../../src/core/model/types';
import { evaluateBody, microAverage, type GoldRecord } from '../../../src/core/eval/index';
import { headlineAndListing } from './headlineFixture';
import { loadShippedStopwords } from './shippedStopwords';

const ROOT = path.join(__dirname, '..', '..', '..');
const stopwords = loadShippedStopwords();

/** A made-up site: shared menu, header timestamp and footer; a different article on every page. */
function sitePage(n: number, lineBreak = '\n'): string {
  const articles = [
    ['Council approves the new bridge over the river', 'The city council approved on Tuesday the construction of a new bridge, after two years of debate about its cost.', 'The project will cost about 40 million euros and the work should start in the spring of next year.', 'Residents of the northern district have asked for the bridge for a long time, because the old one is closed to trucks.'],
    ['Storm closes schools in the coastal towns', 'Schools in five coastal towns were closed on Monday as a storm brought heavy rain and strong winds to the region.', 'The weather service said that the wind could reach 120 kilometres an hour during the night.', 'Officials asked people to stay at home and to avoid the beaches until the storm has passed.'],
    ['Local team wins the regional cup final', 'The local football team won the regional cup on Sunday, beating its old rival by two goals to one in front of a full stadium.', 'It was the first title for the club in more than twenty years, and the fans celebrated in the streets until late.', 'The coach said that the players had worked hard for this moment during the whole season.'],
    ['Museum opens a new hall for modern art', 'The city museum opened a new hall on Friday, where it will show the works of young artists from the region.', 'The hall was paid for by a private foundation and by the city, which gave the old building to the museum.', 'Entry will be free for students and for visitors under eighteen during the first month.'],
  ];
  const [headline, ...paragraphs] = articles[n % articles.length];
  const related = articles[(n + 1) % articles.length][0];
  return [
    'Home News Sport Culture',
    `0${n}:15 | 1${n}/03/2021`,
    '',
    headline,
    '',
    paragraphs[0],
    `${related} ${related}`,
    '',
    paragraphs[1],
    '',
    paragraphs[2],
    '',
    'Related articles',
    '',
    'Weather for the weekend',
    'Traffic news',
    'Letters to the editor',
    'Contact us',
    'Mobile version',
  ].join(lineBreak);
}

function siteCorpus(): CorpusModel {
  const corpus = new CorpusModel();
  for (let n = 0; n < 4; n++) corpus.addDocument(`page${n}`, sitePage(n));
  return corpus;
}

function labelOf(decisions: LineDecision[], line: number): string | undefined {
  return decisions.find((decision) => decision.line === line)?.label;
}

test('one decision per non-empty line, offsets of the line without its break, for \\n and \\r\\n', () => {
  for (const lineBreak of ['\n', '\r\n', '\r']) {
    const text = sitePage(1, lineBreak);
    const decisions = detectLines(text, siteCorpus(), stopwords, { documentId: 'page1' });
    const nonEmpty = text.split(/\r\n|\r|\n/).map((line, index) => [line, index] as const).filter(([line]) => line.trim() !== '');
    assert.deepEqual(decisions.map((decision) => decision.line), nonEmpty.map(([, index]) => index));
    for (const decision of decisions) {
      const lineText = text.slice(decision.start, decision.end);
      assert.equal(lineText.includes('\n') || lineText.includes('\r'), false);
      assert.equal(lineText, nonEmpty.find(([, index]) => index === decision.line)?.[0]);
      assert.ok(decision.score >= 0 && decision.score <= 1);
      assert.equal(decision.label === 'body', decision.score >= 0.5);
      assert.ok(decision.reasons.length > 0);
    }
  }
});

test('template lines are boilerplate, headline and article paragraphs are body', () => {
  const corpus = siteCorpus();
  const decisions = detectLines(sitePage(2), corpus, stopwords, { documentId: 'page2' });
  assert.equal(labelOf(decisions, 0), 'boilerplate'); // menu
  assert.equal(labelOf(decisions, 1), 'boilerplate'); // timestamp
  assert.equal(labelOf(decisions, 3), 'body'); // headline
  assert.equal(labelOf(decisions, 5), 'body');
  assert.equal(labelOf(decisions, 6), 'boilerplate'); // related title written twice
  assert.equal(labelOf(decisions, 8), 'body');
  assert.equal(labelOf(decisions, 10), 'body');
  for (const line of [12, 14, 15, 16, 17, 18]) assert.equal(labelOf(decisions, line), 'boilerplate', `line ${line}`);
  const menu = decisions.find((decision) => decision.line === 0);
  assert.ok(menu?.reasons.includes('repeated on 4 of 4 pages'), menu?.reasons.join('; '));
  assert.ok(decisions.find((decision) => decision.line === 6)?.reasons.includes('title written twice'));
  assert.ok(decisions.find((decision) => decision.line === 1)?.reasons.includes('page timestamp'));
  assert.ok(decisions.find((decision) => decision.line === 3)?.reasons.includes('headline before the main block'));
});

test('a page outside the corpus is compared with all of it; its own lines are not repeats', () => {
  const corpus = new CorpusModel();
  for (let n = 0; n < 3; n++) corpus.addDocument(`page${n}`, sitePage(n));
  const outside = detectLines(sitePage(3), corpus, stopwords);
  assert.ok(outside.find((decision) => decision.line === 0)?.reasons.includes('repeated on 4 of 4 pages'));
  assert.equal(labelOf(outside, 5), 'body');
  // A page that is in the corpus under another id is recognised as a copy, not as template.
  const copy = detectLines(sitePage(0), corpus, stopwords);
  assert.ok(copy.find((decision) => decision.line === 0)?.reasons.includes('repeated on 3 of 3 pages'));
  assert.equal(labelOf(copy, 5), 'body');
  const alone = new CorpusModel();
  alone.addDocument('only', sitePage(0));
  const decisions = detectLines(sitePage(0), alone, stopwords, { documentId: 'only' });
  assert.equal(decisions.some((decision) => decision.reasons.some((reason) => reason.startsWith('repeated on'))), false);
});

test('lines tagged on other pages teach the detector', () => {
  const corpus = new CorpusModel();
  const text = sitePage(3);
  corpus.addDocument('page3', text);
  const before = detectLines(text, corpus, stopwords, { documentId: 'page3' });
  assert.equal(labelOf(before, 10), 'body');
  corpus.learnLine(text.split('\n')[10], 'boilerplate');
  const after = detectLines(text, corpus, stopwords, { documentId: 'page3' });
  assert.equal(labelOf(after, 10), 'boilerplate');
  assert.ok(after.find((decision) => decision.line === 10)?.reasons.some((reason) => reason.startsWith('tagged boilerplate')));
  // Outside the article, a footer line tagged body on one other page stays boilerplate (it was part of that
  // page's article); one the annotator keeps tagging body is body even here.
  assert.equal(labelOf(after, 17), 'boilerplate');
  corpus.learnLine('Contact us', 'body');
  const once = detectLines(text, corpus, stopwords, { documentId: 'page3' }).find((decision) => decision.line === 17);
  assert.equal(once?.label, 'boilerplate');
  assert.ok(once?.reasons.includes('outside the main block, where a body tag on one other page is not carried'), once?.reasons.join('; '));
  corpus.learnLine('Contact us', 'body');
  assert.equal(labelOf(detectLines(text, corpus, stopwords, { documentId: 'page3' }), 17), 'body');
  corpus.forgetLine('Contact us', 'body');
  assert.equal(labelOf(detectLines(text, corpus, stopwords, { documentId: 'page3' }), 17), 'boilerplate');
});

test('a headline tagged body on its own page stays boilerplate where another page lists it as a link', () => {
  const corpus = new CorpusModel();
  const [article, listing] = headlineAndListing();
  corpus.addDocument('article', article);
  corpus.addDocument('listing', listing);
  const before = detectLines(listing, corpus, stopwords, { documentId: 'listing' });
  assert.equal(labelOf(before, 5), 'boilerplate');
  corpus.learnLine(article.split('\n')[1], 'body');
  assert.equal(labelOf(detectLines(article, corpus, stopwords, { documentId: 'article' }), 1), 'body');
  const after = detectLines(listing, corpus, stopwords, { documentId: 'listing' });
  assert.deepEqual(after.map((decision) => decision.label), before.map((decision) => decision.label));
});

test('a line tagged body on one page is not carried to others when done pages leave it untagged', () => {
  const corpus = new CorpusModel();
  const text = sitePage(3);
  corpus.addDocument('page3', text);
  const footer = text.split('\n')[17];
  assert.equal(labelOf(detectLines(text, corpus, stopwords, { documentId: 'page3' }), 17), 'boilerplate');
  // tagged body on two pages (inside their articles)...
  corpus.learnLine(footer, 'body');
  corpus.learnLine(footer, 'body');
  assert.equal(labelOf(detectLines(text, corpus, stopwords, { documentId: 'page3' }), 17), 'body');
  // ...and left untagged on two pages marked done, which tag their own body lines
  for (const n of [1, 2]) {
    const page = sitePage(n);
    const lines = page.split('\n');
    const bodyLine = lines.findIndex((line) => line.length > 80);
    assert.ok(lines.includes(footer), 'the footer is on the other pages too');
    corpus.learnBodyPage(`page${n}`, { text: page, lines: [[bodyLine, 'body']], done: true });
  }
  const after = detectLines(text, corpus, stopwords, { documentId: 'page3' });
  assert.equal(labelOf(after, 17), 'boilerplate');
  assert.ok(!after.find((decision) => decision.line === 17)?.reasons.some((reason) => reason.startsWith('tagged body')));
  // a page not marked done says nothing about its untagged lines
  corpus.learnBodyPage('page2', { text: sitePage(2), lines: [[5, 'body']], done: false });
  corpus.learnBodyPage('page1', { text: sitePage(1), lines: [[5, 'body']], done: false });
  assert.equal(labelOf(detectLines(text, corpus, stopwords, { documentId: 'page3' }), 17), 'body');
});

test('NFD text gets the same labels as NFC text', () => {
  const corpus = new CorpusModel();
  const samples = fs.readdirSync(path.join(ROOT, 'samples')).filter((file) => file.endsWith('.txt')).sort();
  for (const file of samples) corpus.addDocument(file, fs.readFileSync(path.join(ROOT, 'samples', file), 'utf8'));
  const text = fs.readFileSync(path.join(ROOT, 'samples', samples[0]), 'utf8');
  const nfc = detectLines(text, corpus, stopwords, { documentId: samples[0] });
  const nfd = detectLines(text.normalize('NFD'), corpus, stopwords, { documentId: samples[0] });
  assert.deepEqual(nfd.map((decision) => [decision.line, decision.label]), nfc.map((decision) => [decision.line, decision.label]));
});

test('the sample corpus reaches line-level body F1 >= 0.95 against its gold', () => {
  const gold = JSON.parse(fs.readFileSync(path.join(ROOT, 'eval/baoquocte/body-lines.json'), 'utf8')) as Record<
    string,
    { body_lines: number[]; ignore_lines: number[] }
  >;
  const records: GoldRecord[] = Object.entries(gold).map(([file, lines]) => ({
    id: file,
    text: fs.readFileSync(path.join(ROOT, 'samples', file), 'utf8'),
    ...lines,
    spans: [],
  }));
  const corpus = new CorpusModel();
  for (const record of records) corpus.addDocument(record.id, record.text);
  const scores = microAverage(
    records.map((record) => evaluateBody(record, detectLines(record.text, corpus, stopwords, { documentId: record.id }))),
  );
  assert.ok(scores.f1 >= 0.95, `F1 ${scores.f1.toFixed(3)} (P ${scores.precision.toFixed(3)}, R ${scores.recall.toFixed(3)})`);
});

test('empty and blank documents give no decisions', () => {
  assert.deepEqual(detectLines('', new CorpusModel(), stopwords), []);
  assert.deepEqual(detectLines(' \n\r\n\t', new CorpusModel(), stopwords), []);
});

/** Made-up pages of another (Vietnamese) site layout, in test/unit/body/fixtures. */
function fixtureCorpus(): { corpus: CorpusModel; pages: Map<string, string> } {
  const dir = path.join(__dirname, 'fixtures');
  const corpus = new CorpusModel();
  const pages = new Map<string, string>();
  for (const file of fs.readdirSync(dir).filter((name) => name.startsWith('vn-site-')).sort()) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    pages.set(file, text);
    corpus.addDocument(file, text);
  }
  return { corpus, pages };
}

test('another site layout: menu, dateline, byline and link lists out; headline, sapo, paragraphs in', () => {
  const { corpus, pages } = fixtureCorpus();
  const text = pages.get('vn-site-1.txt') as string;
  const decisions = detectLines(text, corpus, stopwords, { documentId: 'vn-site-1.txt' });
  const lines = text.split('\n');
  const body = decisions.filter((decision) => decision.label === 'body').map((decision) => decision.line);
  // Lines 6-9 and 11-12: headline, sapo, paragraphs. Line 10 is a photo caption: left to the annotator.
  assert.deepEqual(body.filter((line) => line !== 10), [6, 7, 8, 9, 11, 12], body.map((line) => lines[line]).join('\n'));
});

test('a list of other articles as title, teaser, title, teaser does not outweigh a short article', () => {
  const { corpus, pages } = fixtureCorpus();
  const text = pages.get('vn-site-4.txt') as string;
  const decisions = detectLines(text, corpus, stopwords, { documentId: 'vn-site-4.txt' });
  const body = decisions.filter((decision) => decision.label === 'body').map((decision) => decision.line);
  assert.deepEqual(body, [6, 7, 8]);
  const teaser = decisions.find((decision) => decision.line === 14);
  assert.ok(teaser?.reasons.some((reason) => reason.startsWith('titles with teasers')), teaser?.reasons.join('; '));
});

test('a page saved twice in the corpus is not taken for its own site template', () => {
  const corpus = siteCorpus();
  corpus.addDocument('page2-again', sitePage(2));
  const decisions = detectLines(sitePage(2), corpus, stopwords, { documentId: 'page2' });
  for (const line of [3, 5, 8, 10]) assert.equal(labelOf(decisions, line), 'body', `line ${line}`);
  assert.equal(labelOf(decisions, 0), 'boilerplate');
  assert.ok(decisions.find((decision) => decision.line === 0)?.reasons.includes('repeated on 4 of 4 pages'));
});

test('paragraphs in a row that one other page also holds are its template (a legal footer); one paragraph quoted elsewhere stays body', () => {
  const footer = [
    'The information provided on this website is for general purposes only and does not replace the advice of a doctor, a lawyer or any other professional.',
    'Results vary with the starting point, the goals and the effort of each person, and exercise and a proper diet are needed to achieve and keep any result.',
    'These statements have not been checked by any public body, and the products named on these pages are not meant to diagnose, treat or prevent any disease.',
    'All the names and marks shown here belong to their owners, who allow their use on these pages, and no part of them may be copied without their written consent.',
  ];
  const article = [
    'How to prepare a week of meals',
    'If you have ever tried to cook for a whole week on a Sunday, you know that the plan matters more than the recipes, and that a list saves a lot of time at the market.',
    'This plan works for two people and for four, so there is no need to work out a new one when friends come over for dinner in the middle of the week.',
    'Start with the dishes that keep best, such as soups and stews, and leave the salads and the fish for the first two days, when they are still fresh.',
    'Now get cooking!',
  ];
  const links = ['Diet plans', 'Diet tips', 'Weight loss', 'Wellness', 'Motivation', 'Mind and body', 'Beauty', 'Results', 'Recipes', 'Contact'];
  const page = [...article, '', ...links, '', ...footer].join('\n');
  const sameSite = ['Another article on the same site', 'The market in the old town opens earlier this summer, and the farmers say that they will bring more fruit than last year because the spring was warm.', '', ...footer].join('\n');
  const quoting = ['Read this week', article[1], 'More stories'].join('\n');
  const corpus = new CorpusModel();
  corpus.addDocument('page', page);
  corpus.addDocument('same-site', sameSite);
  corpus.addDocument('quoting', quoting);
  for (let n = 0; n < 7; n++) corpus.addDocument(`other-${n}`, `Another page ${n}\nWith a line of its own.`);
  const decisions = detectLines(page, corpus, stopwords, { documentId: 'page' });
  const label = (line: number): string | undefined => decisions.find((decision) => decision.line === line)?.label;
  assert.deepEqual([1, 2, 3].map(label), ['body', 'body', 'body']);
  assert.deepEqual([17, 18, 19, 20].map(label), ['boilerplate', 'boilerplate', 'boilerplate', 'boilerplate']);
});

/** A fact check written as sections under the same three subheadings, and a list of other posts with the
 * same bar of buttons above each (both made up). */
const FACT_CHECK = [
  'Fact check: three claims about the new bridge',
  'The council made three claims about the bridge this week. We looked at each of them in turn and asked the engineers who built it what they thought.',
  'What they claimed',
  "The bridge was finished on time and cost less than the first estimate, according to the mayor's office.",
  'What the records show',
  'Work ended four months after the date in the contract, and the final bill was higher than the estimate by about a tenth.',
  'How we rate it',
  'Mostly false, since both the date and the cost were missed by a wide margin, as the records of the council show.',
  'What they claimed',
  'The new bridge carries twice as many cars as the old one did on an ordinary working day.',
  'What the records show',
  'Counts taken by the transport office in May show an increase of about a third, not a doubling, on working days.',
  'How we rate it',
  'False, because the counts that the council itself published show a far smaller increase than the one it claimed.',
];

/** The lines of an article's own sections: body, and not taken for a list of other articles. */
function assertOwnSections(text: string, lines: readonly number[]): void {
  const decisions = detectLines(text, new CorpusModel(), stopwords);
  for (const line of lines) {
    const decision = decisions.find((d) => d.line === line);
    assert.equal(decision?.label, 'body', `line ${line}: ${decision?.reasons.join('; ')}`);
    assert.ok(!decision.reasons.some((reason) => reason.startsWith('titles with teasers')), decision.reasons.join('; '));
  }
}

test('an article in sections under subheadings it writes again and again is not a list of other articles', () => {
  assertOwnSections(FACT_CHECK.join('\n'), [3, 5, 7, 9, 11, 13]);
});

test('one bar of buttons above every teaser does not make a list of other posts an article', () => {
  const bar = 'Share on Facebook Twitter Mail';
  const text = [
    ...FACT_CHECK.slice(0, 8),
    'You may also like',
    bar,
    'A walk along the river at dawn shows the city in a light that few of its people ever see on their way to work.',
    bar,
    'The old market hall is open again after two years of repairs, and its traders say the wait was worth it for them.',
    bar,
    'Ten places to eat on the north bank that the people who live there would rather keep to themselves for a while.',
  ].join('\n');
  const decisions = detectLines(text, new CorpusModel(), stopwords);
  const teaser = decisions.find((d) => d.line === 12);
  assert.ok(teaser?.reasons.some((reason) => reason.startsWith('titles with teasers')), teaser?.reasons.join('; '));
});

/** A round-up: the main game, then each other game as a score line over one paragraph; the article names
 * the scores first (made up). */
const ROUND_UP = [
  'Harbour City edge Lakeside in overtime',
  'Harbour City beat Lakeside 3-2 in overtime on Saturday night, with the winning goal coming from a rebound that nobody in the arena seemed to see.',
  'The home side had trailed for most of the second period before two goals in four minutes turned the game around in front of a full house.',
  '"We never stopped believing that the chances would come," the captain said after the game, his voice still hoarse from the celebrations.',
  'Elsewhere in the league, it was: Rivertown 4 Hillside 1, Northport 2 Eastfield 0, Westbay 5 Southgate 3.',
  'Rivertown 4 Hillside 1',
  'At Rivertown, a young goalie stopped all but one of the thirty shots he faced, and the home side scored twice on the power play.',
  'Northport 2 Eastfield 0',
  'At Eastfield, the visitors scored early in each half and then sat back, and the home crowd left long before the final whistle.',
  'Westbay 5 Southgate 3',
  'At Westbay, the teams traded goals for two periods before the home side pulled away with three in the last ten minutes.',
  'Copyright 2008 The League Press. All rights reserved.',
];

test('a round-up whose article names its score lines keeps them and their paragraphs as body', () => {
  assertOwnSections(ROUND_UP.join('\n'), [5, 6, 7, 8, 9, 10]);
});
