// The self-gate's question: is the tagger surely better than the rules on the held-out pages, or did a few
// pages that suit it make it look so?

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { advantageBound, type PageCounts } from '../../../src/core/learn/heldOut';

const page = (learned: [number, number, number], control: [number, number, number]): PageCounts => ({
  learned: { tp: learned[0], fp: learned[1], fn: learned[2] },
  control: { tp: control[0], fp: control[1], fn: control[2] },
});

describe('self-gate: how sure the tagger\'s lead is', () => {
  it('finds a lead the tagger has on page after page', () => {
    const pages = Array.from({ length: 20 }, () => page([5, 0, 0], [4, 1, 1]));
    const bound = advantageBound(pages, 0.1);
    assert.ok(bound > 0.1, `bound ${bound}`);
  });

  it('does not trust a lead that rests on one page, though it is larger than a fixed margin would ask', () => {
    // 20 pages where both find 4 of 5 tags; on one more the tagger finds 10 the rules miss
    const pages = [...Array.from({ length: 20 }, () => page([4, 0, 1], [4, 0, 1])), page([10, 0, 0], [0, 0, 10])];
    const f1 = (tp: number, fn: number): number => (2 * tp) / (2 * tp + fn);
    assert.ok(f1(90, 20) - f1(80, 30) > 0.05, 'on all the pages together the tagger leads by more than 5 points');
    assert.ok(advantageBound(pages, 0.1) <= 0, 'in more than 1 of 10 redraws that page is not there, and nothing is gained');
  });

  it('gives a negative bound where the rules do better, and the same bound for the same pages', () => {
    const pages = Array.from({ length: 15 }, (_, i) => page([3, 1, 2], [4 + (i % 2), 0, 1 - (i % 2)]));
    const bound = advantageBound(pages, 0.1);
    assert.ok(bound < 0, `bound ${bound}`);
    assert.equal(advantageBound([...pages], 0.1), bound);
  });
});
