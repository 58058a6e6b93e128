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
});
