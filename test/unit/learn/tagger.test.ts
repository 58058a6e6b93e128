// The perceptron's span gap: how much its best reading of a line beats one that holds a given span.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { Perceptron, tagOf, TAG_O } from '../../../src/core/learn/tagger';

describe('span gap', () => {
  // one label, no transition weights: a path's score is the sum of its tags' emissions
  const model = new Perceptron(1, 4);
  const T = model.tags;
  const emissions = new Float32Array(3 * T);
  for (let k = 0; k < 3; k++) emissions[k * T + TAG_O] = 2;
  emissions[1 * T + tagOf(0, 3)] = 5; // token 1 alone is a span (U), best of all
  emissions[1 * T + tagOf(0, 0)] = 1; // B at token 1
  emissions[2 * T + tagOf(0, 2)] = 0.5; // L at token 2

  it('is 0 for a span on the best path', () => {
    assert.equal(model.spanGap(emissions, 3, 1, 2, 0), 0);
  });

  it('is what the best path loses by holding another span', () => {
    // best: O U O = 2 + 5 + 2; with tokens 1-2 as one span: O B L = 2 + 1 + 0.5
    assert.equal(model.spanGap(emissions, 3, 1, 3, 0), 9 - 3.5);
    // token 0 alone: U O? then token 1 must not be I or L: U U O = 0 + 5 + 2 against 9
    assert.equal(model.spanGap(emissions, 3, 0, 1, 0), 2);
  });

  it('read near the span, is the same where the reading with the span rejoins the best path', () => {
    const path = model.viterbi(emissions, 3);
    for (const [from, to] of [[1, 2], [1, 3], [0, 1]]) {
      assert.equal(model.spanGapNear(emissions, 3, path, from, to, 0, 3), model.spanGap(emissions, 3, from, to, 0), `${from}-${to}`);
    }
  });

  it('read with no token around the span free to change, is never below the whole line\'s gap', () => {
    const path = model.viterbi(emissions, 3);
    // token 0 alone, token 1 kept as on the best path (U): U U O, as the whole line allows
    assert.equal(model.spanGapNear(emissions, 3, path, 0, 1, 0, 0), 2);
    // a two-token name B L: token 0 alone (U) cannot be followed by the kept L, while the whole line
    // may read U O instead
    const name = new Float32Array(2 * T);
    name[0 * T + tagOf(0, 0)] = 5;
    name[1 * T + tagOf(0, 2)] = 5;
    name[0 * T + tagOf(0, 3)] = 1;
    name[1 * T + TAG_O] = 1;
    const best = model.viterbi(name, 2);
    assert.equal(model.spanGap(name, 2, 0, 1, 0), 10 - 2);
    assert.ok(model.spanGapNear(name, 2, best, 0, 1, 0, 0) > 10 - 2);
    assert.equal(model.spanGapNear(name, 2, best, 0, 1, 0, 1), 10 - 2);
  });
});
