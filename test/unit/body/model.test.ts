import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLines, lineModelRows } from '../../../src/core/detect/body/index';
import { FEATURE_COUNT, FEATURE_NAMES, keepsHandSetDecision, modelLogit, type BodyModel } from '../../../src/core/detect/body/model';
import { CorpusModel } from '../../../src/core/detect/corpus';
import { loadShippedStopwords } from './shippedStopwords';

const stopwords = loadShippedStopwords();

const TEMPLATE_TOP = ['Home News Sport Culture', 'Subscribe to our daily letter'];
const TEMPLATE_BOTTOM = ['Weather for the weekend', 'Traffic news', 'Contact us'];
const ARTICLES = [
  [
    'Council approves the new bridge over the river',
    'The city council approved on Tuesday the construction of a new bridge, after two years of debate about its cost.',
    'The project will cost about 40 million euros and the work should start in the spring of next year.',
    'Residents of the northern district have asked for the bridge for a long time, because the old one is closed to trucks.',
  ],
  [
    'Storm closes schools in the coastal towns',
    'Schools in five coastal towns were closed on Monday as a storm brought heavy rain and strong winds to the region.',
    'The weather service said that the wind could reach 120 kilometres an hour during the night.',
    'Officials asked people to stay at home and to avoid the beaches until the storm has passed.',
  ],
  [
    'Local team wins the regional cup final',
    'The local football team won the regional cup on Sunday, beating its old rival by two goals to one in front of a full stadium.',
    'It was the first title for the club in more than twenty years, and the fans celebrated in the streets until late.',
    'The coach said that the players had worked hard for this moment during the whole season.',
  ],
];

function page(n: number): string {
  const [headline, ...paragraphs] = ARTICLES[n];
  const related = ARTICLES[(n + 1) % ARTICLES.length][0];
  return [...TEMPLATE_TOP, '', headline, '', paragraphs[0], `${related} ${related}`, ...paragraphs.slice(1), '', ...TEMPLATE_BOTTOM].join('\n');
}

function corpus(): CorpusModel {
  const model = new CorpusModel();
  ARTICLES.forEach((_, n) => model.addDocument(`page${n}`, page(n)));
  return model;
}

const feature = (name: (typeof FEATURE_NAMES)[number]): number => FEATURE_NAMES.indexOf(name);

test('one model row per non-empty line, with the features of the hand-set decision', () => {
  const text = page(0);
  const rows = lineModelRows(text, corpus(), stopwords, { documentId: 'page0' });
  const decisions = detectLines(text, corpus(), stopwords, { documentId: 'page0' });
  assert.deepEqual(
    rows.map((row) => row.lines[0]),
    decisions.map((decision) => decision.line),
  );
  for (const row of rows) assert.equal(row.features.length, FEATURE_COUNT);
  // The first feature is the hand-set log-odds: a model that only reads it decides like detectLines.
  const handSetOnly: BodyModel = { bias: 0, weights: FEATURE_NAMES.map((_, i) => (i === 0 ? 1 : 0)), stumps: [] };
  rows.forEach((row, index) => {
    assert.equal(modelLogit(row.features, handSetOnly) >= 0, decisions[index].label === 'body', `line ${row.lines[0]}`);
  });
});

test('the headline, the lines before the main block and conclusive lines keep the hand-set decision', () => {
  const text = page(1);
  const rows = lineModelRows(text, corpus(), stopwords, { documentId: 'page1' });
  const lines = text.split('\n');
  const rowOf = (lineText: string) => rows.find((row) => lines[row.lines[0]] === lineText);
  const headline = rowOf(ARTICLES[1][0]);
  assert.equal(headline?.features[feature('headline')], 1);
  const linkedTitle = rows.find((row) => lines[row.lines[0]].startsWith(ARTICLES[2][0]));
  assert.equal(linkedTitle?.features[feature('conclusive')], 1);
  const paragraph = rowOf(ARTICLES[1][2]);
  assert.equal(paragraph?.features[feature('in main block')], 1);
  // A model that calls everything body changes only the lines it may decide.
  const everythingBody: BodyModel = { bias: 10, weights: [], stumps: [] };
  for (const row of [headline, linkedTitle, rowOf(TEMPLATE_TOP[0])]) {
    assert.ok(row && keepsHandSetDecision(row.features));
    assert.equal(modelLogit(row.features, everythingBody), row.features[0]);
  }
  assert.ok(paragraph && !keepsHandSetDecision(paragraph.features));
  assert.equal(modelLogit(paragraph.features, everythingBody), 10);
});

test('stumps add their side of the threshold', () => {
  const features = new Float64Array(FEATURE_COUNT);
  features[feature('in main block')] = 1;
  features[feature('log chars')] = 0.9;
  const model: BodyModel = {
    bias: -1,
    weights: [],
    stumps: [
      { feature: feature('log chars'), threshold: 0.8, below: -2, above: 3 },
      { feature: feature('digit share'), threshold: 0.5, below: 0.5, above: -4 },
    ],
  };
  assert.equal(modelLogit(features, model), -1 + 3 + 0.5);
});
