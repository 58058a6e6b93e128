// Reader comments under an article are not body, though they are prose; a live blog's timed entries are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLines } from '../../../src/core/detect/body/index';
import { CorpusModel } from '../../../src/core/detect/corpus';
import { loadShippedStopwords } from './shippedStopwords';

const stopwords = loadShippedStopwords();

function decide(text: string): Map<string, { label: string; reasons: readonly string[] }> {
  const lines = text.split('\n');
  return new Map(detectLines(text, new CorpusModel(), stopwords).map((decision) => [lines[decision.line], decision]));
}

const ARTICLE = [
  'Home',
  'News',
  'Council approves the new bridge over the river',
  'The city council approved on Tuesday the construction of a new bridge over the river, after two years of debate about its cost and its place in the old town.',
  'The project will cost about 40 million euros, and the work on the bridge should start in the spring of next year if the river authority gives its permit in time.',
  'Residents of the northern district have asked for a new bridge for a long time, because the old one has been closed to trucks since a flood damaged its pillars.',
  'A public meeting about the design of the bridge will be held at the town hall next month, and residents will be able to vote for one of three proposals.',
];

const COMMENTS = [
  'Sean Miller on January 10, 2008 at 4:49 pm said:',
  'About time. The old bridge has been a danger for years, and everybody in the district knows that the trucks cannot use it any more.',
  'The council should have decided this two years ago, when the flood damaged the pillars and the first trucks had to drive through the centre.',
  'Anna on January 10, 2008 at 5:12 pm said:',
  'Forty million euros is a lot of money for a bridge that the trucks could avoid by taking the ring road around the old town every day.',
  'I would like to know who will pay for it in the end, because the region has already said that it has no money left for new roads this year.',
  'K. Lund on January 11, 2008 at 9:03 am said:',
  'I hope they keep one lane open for bicycles while the work goes on, or the whole north side of the town will be cut off for two years.',
  'The last time they built a bridge here, the work took twice as long as they had promised, and the shops of the district lost half of their customers.',
];

test('a thread of reader comments after the article is not body, though its comments are prose', () => {
  const decisions = decide([...ARTICLE, ...COMMENTS, 'Privacy policy'].join('\n'));
  for (const line of ARTICLE.slice(2)) assert.equal(decisions.get(line)?.label, 'body', line);
  for (const line of COMMENTS) assert.equal(decisions.get(line)?.label, 'boilerplate', `"${line}" taken as body`);
  assert.match(decisions.get(COMMENTS[1])?.reasons[0] ?? '', /reader comments/);
});

test('the timed entries of a live blog stay body: their times carry no date', () => {
  const entries = [
    '16:05 From the council chamber',
    'The council meets again after a short break, and the mayor opens the debate on the cost of the bridge over the river.',
    'Several members ask for the cost to be shared with the region and the state before they vote on the project.',
    '16:40 From the council chamber',
    'The vote is called: eleven members vote for the bridge, four against it, and two of them do not take part in the vote.',
    'The mayor thanks the residents of the northern district, who followed the whole debate from the public gallery.',
    '17:15 From the river authority',
    'The river authority says that it will give its permit in time for the work on the bridge to start in the spring.',
    'The builders expect the work to last about two years, during which one lane of the river road will stay closed.',
  ];
  const decisions = decide([...ARTICLE.slice(0, 5), ...entries, 'Privacy policy'].join('\n'));
  for (const line of entries.filter((entry) => !/^\d/.test(entry))) assert.equal(decisions.get(line)?.label, 'body', `live blog entry "${line}" left out`);
});

test('a short post under a longer comment thread is the article, not the thread', () => {
  const post = [
    'Home',
    'Blog',
    'Open thread for the spring quarter',
    'Our goal with these open threads is to give readers a place to ask questions about our work and to discuss the research we published this quarter.',
    'You can find the open thread of the last quarter in our archive.',
    'Comments',
  ];
  const more = [
    'Maria Costa on January 12, 2008 at 10:20 am said:',
    'Is there any news about the second study of the bridge project? The first one left open how the cost of the work on the river road was counted.',
    'Thanks for the open thread, and for publishing the data of the survey along with the report, which made it much easier to check the figures.',
    'Tom on January 12, 2008 at 11:45 am said:',
    'Could you say more about how the survey chose the households it asked? The report says little about the districts that were left out of it.',
  ];
  const decisions = decide([...post, ...COMMENTS, ...more, 'Privacy policy'].join('\n'));
  for (const line of post.slice(3, 5)) assert.equal(decisions.get(line)?.label, 'body', `post line "${line}" left out`);
  for (const line of [...COMMENTS, ...more]) assert.equal(decisions.get(line)?.label, 'boilerplate', `"${line}" taken as body`);
});

test('a live blog headed by dates and times under a page timestamp of the same form stays body', () => {
  const entries = [
    'January 10, 2008 at 4:05 pm',
    'The council meets again after a short break, and the mayor opens the debate on the cost of the bridge over the river.',
    'Several members ask for the cost to be shared with the region and the state before they vote on the project.',
    'January 10, 2008 at 4:40 pm',
    'The vote is called: eleven members vote for the bridge, four against it, and two of them do not take part in the vote.',
    'The mayor thanks the residents of the northern district, who followed the whole debate from the public gallery.',
    'January 10, 2008 at 5:15 pm',
    'The river authority says that it will give its permit in time for the work on the bridge to start in the spring.',
    'The builders expect the work to last about two years, during which one lane of the river road will stay closed.',
  ];
  const page = ['Home', 'News', 'Council votes on the new bridge over the river', 'January 10, 2008 at 4:00 pm', ARTICLE[3], ...entries, 'Privacy policy'];
  const decisions = decide(page.join('\n'));
  for (const line of entries.filter((entry) => !/^January/.test(entry))) assert.equal(decisions.get(line)?.label, 'body', `live blog entry "${line}" left out`);
});
