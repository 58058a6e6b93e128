// Platt scaling of the tagger's margins: the scores it gives must mean what they say.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { plattFit, plattScaling, sigmoid } from '../../../src/core/learn/calibration';
import { random } from '../../../src/core/learn/tagger';

describe('score calibration', () => {
  it('recovers the probability of being right from margins drawn with a known one', () => {
    const next = random(7);
    const points = [];
    for (let i = 0; i < 4000; i++) {
      const margin = next() * 200;
      points.push({ margin, correct: next() < sigmoid(0.03 * margin - 2) });
    }
    const { a, b } = plattScaling(points);
    for (const margin of [0, 50, 100, 150]) {
      const fitted = sigmoid(a * margin + b);
      assert.ok(Math.abs(fitted - sigmoid(0.03 * margin - 2)) < 0.05, `margin ${margin}: ${fitted.toFixed(3)}`);
    }
  });

  it('stays a smooth curve when a margin nearly separates right from wrong', () => {
    // every span above margin 10 right, every one below wrong but one: a plain Newton step ends at a step function
    const points = [];
    for (let m = 0; m < 10; m += 0.1) points.push({ margin: m, correct: false });
    for (let m = 10; m < 100; m += 0.1) points.push({ margin: m, correct: true });
    points.push({ margin: 5, correct: true });
    const { a, b } = plattScaling(points);
    const justAbove = sigmoid(a * 10.5 + b);
    assert.ok(Number.isFinite(a) && a > 0);
    assert.ok(justAbove > 0.5 && justAbove < 0.99, `just above the cut: ${justAbove}`);
    assert.ok(sigmoid(a * 30 + b) > justAbove);
    assert.ok(sigmoid(a * 2 + b) < 0.5);
  });
});

describe('Platt fit', () => {
  it('finds nothing where a larger margin does not mean more often right', () => {
    const points = [];
    for (let m = 0; m < 100; m++) points.push({ margin: m, correct: m < 50 });
    assert.equal(plattFit(points), undefined);
  });
});
