// The headline above the article: the line that names what the article's first lines name; and menus
// written on one line, which are never the headline nor the article's text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLines } from '../../../src/core/detect/body/index';
import { CorpusModel } from '../../../src/core/detect/corpus';
import type { LineDecision } from '../../../src/core/model/types';
import { loadShippedStopwords } from './shippedStopwords';

const stopwords = loadShippedStopwords();

function decide(lines: readonly string[]): Map<string, LineDecision> {
  const text = lines.join('\n');
  const corpus = new CorpusModel();
  corpus.addDocument('page', text);
  return new Map(detectLines(text, corpus, stopwords, { documentId: 'page' }).map((decision) => [lines[decision.line], decision]));
}

const MENU = ['Home', 'News', 'Sport', 'Business', 'Weather'];
const ARTICLE = [
  'The new Linden bridge opened to traffic on Monday morning, two years after the city council approved its construction over the river.',
  'Mayor Anna Berg cut the ribbon in front of a few hundred residents, who had waited for the Linden bridge since the old one was closed to trucks.',
  'The work cost about 40 million euros, a little more than planned, and the builders say the last lane of the river road will open in May.',
  'Residents of the northern district can now reach the town centre in ten minutes, where the detour through the ring road took half an hour.',
];

test('a short headline naming the article is found, and the menu line above it is not', () => {
  const headline = 'Linden bridge opens';
  const decisions = decide([...MENU, headline, ...ARTICLE, 'Privacy policy']);
  assert.equal(decisions.get(headline)?.label, 'body');
  assert.match(decisions.get(headline)?.reasons[0] ?? '', /headline/);
  for (const line of MENU) assert.equal(decisions.get(line)?.label, 'boilerplate', line);
});

test('the headline beats a line of page tools right above the article', () => {
  const headline = 'Linden crossing opens at last';
  const tools = 'Print this story | Email it to a friend';
  const decisions = decide([...MENU, headline, 'By Tom Lund', tools, ...ARTICLE, 'Privacy policy']);
  assert.equal(decisions.get(headline)?.label, 'body', 'the headline');
  assert.equal(decisions.get(tools)?.label, 'boilerplate', 'the page tools');
});

test('a headline above a photo gallery is found, and the gallery between it and the article is not body', () => {
  const headline = 'Linden bridge opens to traffic after two years of work';
  const gallery = [
    'Photo 1 of 4',
    'Mayor Anna Berg and the builders walk over the new bridge on its first morning, under a grey sky over the river.',
    'Photo: Tom Lund',
    'Photo 2 of 4',
    'The first cars cross the new bridge over the river from the northern district, a few minutes after the ribbon was cut.',
    'Photo: Tom Lund',
    'Photo 3 of 4',
    'Residents of the northern district wait in front of the new bridge for the ceremony, some of them since early in the morning.',
    'Photo: Tom Lund',
    'Share',
    'Tweet',
  ];
  const decisions = decide([...MENU, headline, ...gallery, ...ARTICLE, 'Privacy policy']);
  assert.equal(decisions.get(headline)?.label, 'body', 'the headline');
  for (const line of gallery) assert.equal(decisions.get(line)?.label, 'boilerplate', `gallery line "${line}" taken as body`);
  for (const line of ARTICLE) assert.equal(decisions.get(line)?.label, 'body', line);
});

test('a menu written on one line and repeated in the footer is no headline', () => {
  const menu = 'Home | City | River road works | Schools | Weather | Sport | Culture | Opinion | Jobs';
  const headline = 'Linden bridge opens to traffic';
  const decisions = decide(['City News', menu, headline, ...ARTICLE, menu, 'Privacy policy']);
  assert.equal(decisions.get(headline)?.label, 'body', 'the headline');
  assert.equal(decisions.get(menu)?.label, 'boilerplate', 'the menu');
});

test('a menu written on one line is boilerplate, also between the article’s paragraphs', () => {
  const shareBar = 'Share · Tweet · Email · Print';
  const footer = 'Contact | Advertise | Privacy Policy | Terms of Use | RSS Feeds | Site map';
  const headline = 'Linden bridge opens to traffic';
  const decisions = decide([...MENU, headline, ...ARTICLE.slice(0, 2), shareBar, ...ARTICLE.slice(2), footer]);
  for (const line of ARTICLE) assert.equal(decisions.get(line)?.label, 'body', line);
  assert.equal(decisions.get(shareBar)?.label, 'boilerplate', 'the share bar');
  assert.match(decisions.get(shareBar)?.reasons.join('; ') ?? '', /menu written on one line/);
  assert.equal(decisions.get(footer)?.label, 'boilerplate', 'the footer menu');
});
