// Agreement between annotators, checked against figures computed by hand (the comments show the sums) and
// against the worked examples of Cohen's and Fleiss' kappa on Wikipedia's pages for them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreement, disagreementLine, type AgreementPage } from '../../../src/core/agree';
import { CohenTally, FleissTally } from '../../../src/core/agree/kappa';
import type { Annotation } from '../../../src/core/model/types';

function tags(text: string, spans: Array<[string, number, number, (string | string[])?]>): Annotation[] {
  return spans.map(([label, start, end, value], i) => ({
    id: `t${i}`, label, start, end, text: text.slice(start, end), source: 'manual', ...(value !== undefined ? { value } : {}),
  }));
}

const close = (actual: number | null, expected: number, what: string) => {
  assert.ok(actual !== null, `${what} is null`);
  assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual}, expected ${expected}`);
};

// Tokens: aa[0,2) bb[3,5) cc[6,8) dd[9,11) ee[12,14) ff[15,17)
const P1 = 'aa bb cc dd ee ff';
const p1A = tags(P1, [['actor', 0, 5], ['actor', 9, 11]]);
const p1B = tags(P1, [['actor', 3, 5], ['actor', 9, 11], ['actor', 15, 17]]);
// Nested: a body span around the whole line, an actor inside it. Tokens xx yy zz.
const P2 = 'xx yy zz';
const p2A = tags(P2, [['body', 0, 8], ['actor', 3, 5]]);
const p2B = tags(P2, [['body', 0, 8]]);
// A page neither annotator tagged.
const P3 = 'qq';

const pages: AgreementPage[] = [
  { path: 'p1.txt', text: P1, tags: [p1A, p1B] },
  { path: 'p2.txt', text: P2, tags: [p2A, p2B] },
  { path: 'p3.txt', text: P3, tags: [[], []] },
];

test('two annotators, overlapping spans: exact and overlap F1 and Cohen\'s kappa of one page', () => {
  const r = agreement(['ann', 'bob'], [pages[0]]);
  const pair = r.pairs[0];
  // exact: only "dd" matches: tp 1, fp 2 (bb, ff), fn 1 (aa bb) -> 2/(2+2+1)
  close(pair.spans.perLabel.actor.exact.f1, 0.4, 'exact F1');
  // overlap: bb overlaps "aa bb", dd = dd, ff unmatched: tp 2, fp 1, fn 0 -> P 2/3, R 1
  close(pair.spans.perLabel.actor.overlap.f1, 0.8, 'overlap F1');
  // tokens: ann A A O A O O, bob O A O A O A: p_o 4/6, p_e .5*.5+.5*.5 = .5 -> (2/3-1/2)/(1/2)
  close(pair.kappa.all, 1 / 3, 'kappa');
  close(pair.kappa.perLabel.actor, 1 / 3, 'kappa actor');
  assert.equal(r.overall.kappa.method, 'cohen');
  close(r.overall.spans.all.exact, 0.4, 'averaged = the one pair');
});

test('nested labels make combined token categories; a label both used on every token has no kappa', () => {
  const r = agreement(['ann', 'bob'], [pages[1]]);
  const pair = r.pairs[0];
  // ann: body, actor+body, body; bob: body x3 -> p_o 2/3, p_e 2/3*1 -> 0
  close(pair.kappa.all, 0, 'kappa over combined categories');
  assert.equal(pair.kappa.perLabel.body, null, 'both in body on every token: p_e = 1');
  close(pair.kappa.perLabel.actor, 0, 'actor: p_o 2/3, p_e 2/3');
  close(pair.spans.perLabel.body.exact.f1, 1, 'body');
  close(pair.spans.perLabel.actor.exact.f1, 0, 'actor');
  close(pair.spans.all.exact.f1, 2 / 3, 'all labels: tp 1, fn 1');
});

test('an empty page agrees on spans and has no kappa; pages pool into the corpus figures', () => {
  const r = agreement(['ann', 'bob'], pages);
  const empty = r.perPage.find((p) => p.path === 'p3.txt')!;
  close(empty.spans.all.exact, 1, 'nothing tagged by either: perfect span agreement');
  assert.equal(empty.kappa.all, null);
  // Pooled tokens (10): agree 4 + 2 + 1 = 7; marginals ann actor 3, O 4, body 2, actor+body 1; bob actor 3, O 4, body 3
  // p_e = (9 + 16 + 6) / 100 = .31 -> (.7 - .31) / .69
  close(r.overall.kappa.all, 0.39 / 0.69, 'corpus kappa');
  assert.equal(r.overall.kappa.tokens, 10);
  // actor exact: tp 1, fp 2, fn 1 + 1 -> 2/(2+2+2); all: tp 2, fp 2, fn 2 -> 0.5
  close(r.overall.spans.perLabel.actor.exact, 1 / 3, 'corpus actor exact F1');
  close(r.overall.spans.all.exact, 0.5, 'corpus exact F1');
  // actor overlap: tp 2, fp 1, fn 1 -> 4/6
  close(r.overall.spans.perLabel.actor.overlap, 2 / 3, 'corpus actor overlap F1');
  assert.equal(r.pages, 3);
});

test('three annotators: Fleiss\' kappa over tokens, pairwise F1 averaged', () => {
  const r = agreement(['ann', 'bob', 'cat'], [{ path: 'p1.txt', text: P1, tags: [p1A, p1B, p1A] }]);
  assert.equal(r.pairs.length, 3);
  assert.equal(r.overall.kappa.method, 'fleiss');
  // Σ n_ij(n_ij-1) per token: 2, 6, 6, 6, 6, 2 = 28 -> P = 28/36; p_actor = p_O = 9/18 -> Pe = .5
  close(r.overall.kappa.all, (28 / 36 - 0.5) / 0.5, 'Fleiss kappa');
  close(r.overall.spans.all.exact, (0.4 + 1 + 0.4) / 3, 'mean exact F1 of the pairs');
  close(r.overall.spans.all.overlap, (0.8 + 1 + 0.8) / 3, 'mean overlap F1 of the pairs');
});

test('values are compared on spans tagged alike, alternatives in any order', () => {
  const text = 'on 3 May and 4 June';
  const a = tags(text, [['date', 3, 8, '--05-03'], ['date', 13, 19, ['2026-06-04', '2025-06-04']]]);
  const b = tags(text, [['date', 3, 8, '2026-05-03'], ['date', 13, 19, ['2025-06-04', '2026-06-04']]]);
  const r = agreement(['ann', 'bob'], [{ path: 'd.txt', text, tags: [a, b] }]);
  assert.deepEqual(r.overall.values.date, { compared: 2, agreed: 1, rate: 0.5 });
  assert.deepEqual(r.disagreements.map(disagreementLine), ['d.txt:1:4: date "3 May" ann --05-03 vs 2026-05-03 bob']);
});

test('disagreements name path, line and column, most frequent pattern first', () => {
  const text = 'Lan met Bo.\nBo left.\nBo came back with Lan.';
  const a = tags(text, [['actor', 0, 3], ['actor', 8, 10], ['actor', 12, 14], ['actor', 21, 23], ['actor', 39, 42]]);
  const b = tags(text, [['actor', 0, 3], ['date', 21, 23], ['actor', 34, 38]]);
  const r = agreement(['ann', 'bob'], [{ path: 'news/a.txt', text, tags: [a, b] }]);
  assert.deepEqual(r.disagreements.map(disagreementLine), [
    'news/a.txt:1:9: actor "Bo" ann vs none bob',
    'news/a.txt:2:1: actor "Bo" ann vs none bob',
    'news/a.txt:3:1: actor "Bo" ann vs date bob',
    'news/a.txt:3:14: actor none ann vs "with" bob',
    'news/a.txt:3:19: actor "Lan" ann vs none bob',
  ]);
});

test('boundary disagreements show both extents', () => {
  const r = agreement(['ann', 'bob'], [pages[0]]);
  assert.deepEqual(r.disagreements.map(disagreementLine), [
    'p1.txt:1:1: actor "aa bb" ann vs "bb" bob',
    'p1.txt:1:16: actor none ann vs "ff" bob',
  ]);
});

test('Cohen\'s kappa: the worked example (50 proposals, 20 yes-yes, 5 yes-no, 10 no-yes, 15 no-no) gives 0.4', () => {
  const k = new CohenTally();
  const add = (a: string, b: string, n: number) => { for (let i = 0; i < n; i++) k.add(a, b); };
  add('yes', 'yes', 20);
  add('yes', 'no', 5);
  add('no', 'yes', 10);
  add('no', 'no', 15);
  close(k.kappa(), 0.4, 'kappa');
});

test('Fleiss\' kappa: the worked example (10 subjects, 14 raters, 5 categories) gives 0.210', () => {
  const table = [
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
  ];
  const k = new FleissTally(14);
  for (const row of table) k.add(row.flatMap((n, category) => new Array<string>(n).fill(String(category + 1))));
  const kappa = k.kappa();
  assert.ok(kappa !== null && Math.abs(kappa - 0.210) < 0.0005, `kappa ${kappa}`);
});

test('kappa is undefined without items or when everyone used one category', () => {
  assert.equal(new CohenTally().kappa(), null);
  const k = new FleissTally(3);
  k.add(['O', 'O', 'O']);
  assert.equal(k.kappa(), null);
});
