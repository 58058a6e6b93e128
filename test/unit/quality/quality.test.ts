// Suggestion quality measured on the annotator's decisions in sidecars.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Annotation, Dismissal, SidecarData } from '../../../src/core/model/types';
import { Calibration, certainty, type Decision, decisionsOf, handTagged, learningCurve, leastCertainFirst, qualityReport, suggestedBy } from '../../../src/core/quality';

function tag(id: string, start: number, end: number, extra: Partial<Annotation> = {}): Annotation {
  return { id, label: 'actor', start, end, text: 'x'.repeat(end - start), source: 'accepted', ...extra };
}
function dismissal(start: number, end: number, extra: Partial<Dismissal> = {}): Dismissal {
  return { label: 'actor', start, end, text: 'x'.repeat(end - start), ...extra };
}

const page: Pick<SidecarData, 'annotations' | 'dismissed'> = {
  annotations: [
    tag('a', 0, 5, { suggested: { source: 'rules', rule: 'title', score: 0.85 } }),
    tag('b', 10, 15, { suggested: { source: 'propagation', rule: 'accepted', score: 0.8 } }),
    // accepted as an actor, then relabelled: a correction of the rule
    tag('c', 20, 25, { label: 'date', suggested: { source: 'rules', rule: 'capitalised', score: 0.5, label: 'actor' } }),
    // the annotator's own tag over a dismissed suggestion's words, with other bounds: a boundary fix
    tag('d', 30, 42, { source: 'manual' }),
    tag('e', 50, 55, { source: 'manual' }),
  ],
  dismissed: [
    dismissal(30, 38, { suggested: { source: 'rules', rule: 'capitalised', score: 0.55 } }),
    dismissal(60, 64, { suggested: { source: 'propagation', rule: 'accepted', score: 0.8 } }),
    dismissal(70, 74), // an older dismissal, without the suggestion: no decision counted
  ],
};

test('accepted, dismissed and corrected counts per source and per rule', () => {
  const report = qualityReport(decisionsOf(page));
  assert.deepEqual(report.total, { accepted: 2, dismissed: 1, corrected: 2, precision: 2 / 5 });
  const rules = report.sources.find((s) => s.source === 'rules')!;
  assert.deepEqual(rules.tally, { accepted: 1, dismissed: 0, corrected: 2, precision: 1 / 3 });
  assert.deepEqual(rules.rules.map((r) => [r.rule, r.tally.accepted, r.tally.corrected]), [['capitalised', 0, 2], ['title', 1, 0]]);
  const propagation = report.sources.find((s) => s.source === 'propagation')!;
  assert.deepEqual(propagation.tally, { accepted: 1, dismissed: 1, corrected: 0, precision: 0.5 });
  assert.equal(handTagged(page), 2);
});

test('a suggestion names its source from its rule ids or reasons', () => {
  assert.deepEqual(suggestedBy({ label: 'actor', score: 0.8456, reasons: ['after title'], rules: ['title'] }), { source: 'rules', rule: 'title', score: 0.846 });
  assert.deepEqual(suggestedBy({ label: 'actor', score: 0.8, reasons: ['accepted 2 times elsewhere'] }), { source: 'propagation', rule: 'accepted', score: 0.8 });
  assert.deepEqual(suggestedBy({ label: 'date', score: 0.9, reasons: ['day/month'] }), { source: 'rules', rule: 'date', score: 0.9 });
  assert.equal(suggestedBy({ label: 'actor', score: 0.7, reasons: [], source: 'suggester:ner' }).source, 'suggester:ner');
});

function decisions(outcomes: string, from = 0): Decision[] {
  return [...outcomes].map((c, i) => ({
    source: 'rules', rule: 'title', label: 'actor', score: 0.8, outcome: c === 'a' ? 'accepted' : 'dismissed',
    at: new Date(Date.UTC(2026, 0, 1, 0, from + i)).toISOString(),
  }));
}

test('the learning curve is precision per block of decisions in time order', () => {
  const curve = learningCurve([...decisions('adadadadad'), ...decisions('aaaaaaaada', 10)].reverse());
  assert.deepEqual(curve.map((p) => [p.upTo, p.decisions, p.precision]), [[10, 10, 0.5], [20, 10, 0.9]]);
  assert.deepEqual(learningCurve(decisions('aaa')), [], 'too few decisions for a curve');
});

test('calibration moves a raw score towards the precision measured at that score', () => {
  const calibration = new Calibration([...decisions('adddddddddddddddddddd')]);
  const calibrated = calibration.score('rules', 0.8);
  assert.ok(calibrated < 0.3, `${calibrated}`);
  assert.equal(calibration.evidence('rules', 0.8), 21);
  // another bin, or another source: nothing measured, the raw score stands
  assert.equal(calibration.score('rules', 0.4), 0.4);
  assert.equal(calibration.score('learned', 0.8), 0.8);
});

test('least certain first: the smallest margin between labels, else the score nearest 0.5', () => {
  const s = (start: number, score: number, margin?: number) => ({ start, score, ...(margin !== undefined ? { margin } : {}) });
  assert.deepEqual(leastCertainFirst([s(0, 0.95), s(10, 0.55), s(20, 0.3), s(30, 0.9, 0.02)]).map((x) => x.start), [30, 10, 20, 0]);
  assert.equal(certainty(s(0, 0.5)), 0);
});
