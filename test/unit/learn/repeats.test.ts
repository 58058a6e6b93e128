// A name the learned tagger finds on a page is suggested at its other occurrences on that page, where the
// tagger's own reading there is close; never for a known place, never inside a longer token.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { actorGrammar } from '../../../src/core/detect/actors';
import { tokenize } from '../../../src/core/detect/words';
import { type TaggedSpan, withPageRepeats } from '../../../src/core/learn/decode';
import { Perceptron, tagOf, TAG_O } from '../../../src/core/learn/tagger';
import { shippedEntityLexicon } from '../actors/fixture';

const lexicon = shippedEntityLexicon();
const grammar = actorGrammar(lexicon, 'vi');
// one label, no transition weights: a path's score is the sum of its tags' emissions
const model = new Perceptron(1, 4);
const T = model.tags;

/** Lines of a page, with their document offsets (one character between lines). */
function page(lines: string[]): { tokens: ReturnType<typeof tokenize>; start: number }[] {
  let start = 0;
  return lines.map((text) => {
    const line = { tokens: tokenize(text, lexicon.vocabulary), start };
    start += text.length + 1;
    return line;
  });
}

/** Emissions where every token prefers O by 2, and the token at `name` would be a one-token span for `span`. */
function emissions(count: number, name: number, span: number): Float32Array {
  const out = new Float32Array(count * T);
  for (let k = 0; k < count; k++) out[k * T + TAG_O] = 2;
  out[name * T + tagOf(0, 3)] = span;
  return out;
}

/** The one-token span of token `k` of line `lineIndex`. */
function spanAt(lines: ReturnType<typeof page>, lineIndex: number, k: number, margin: number): TaggedSpan {
  const line = lines[lineIndex];
  return { start: line.start + line.tokens.start(k), end: line.start + line.tokens.end(k), label: 0, margin, lineIndex };
}

describe('repeats of a found name on its page', () => {
  const lines = page(['Velmorka paid the bill', 'then Velmorka left', 'the Velmorka-Nord ferry']);
  const found = spanAt(lines, 0, 0, 10);

  it('are suggested where the tagger reads the text otherwise by less than half the found margin', () => {
    // line 1: the best reading (O everywhere) beats the span by 2 - (-1) = 3, under half of 10
    const out = withPageRepeats([found], lines, (i) => emissions(lines[i].tokens.count, 1, -1), model, grammar);
    const repeat = out.find((s) => s.lineIndex === 1);
    assert.ok(repeat?.repeat, JSON.stringify(out));
    assert.equal(repeat.margin, 10 - 3);
    assert.deepEqual([repeat.start, repeat.end], [spanAt(lines, 1, 1, 0).start, spanAt(lines, 1, 1, 0).end]);
  });

  it('are not suggested where the tagger reads the text otherwise by more', () => {
    // gap 2 - (-4) = 6, above half of 10
    const out = withPageRepeats([found], lines, (i) => emissions(lines[i].tokens.count, 1, -4), model, grammar);
    assert.deepEqual(out, [found]);
  });

  it('never inside a longer token ("Velmorka-Nord")', () => {
    const out = withPageRepeats([found], lines, (i) => emissions(lines[i].tokens.count, 1, 2), model, grammar);
    assert.ok(!out.some((s) => s.lineIndex === 2), JSON.stringify(out));
  });

  it('never for a known place, which stands for its government in one sentence and is a place in the next', () => {
    const vi = page(['Hà Nội đề nghị hỗ trợ', 'người dân Hà Nội đi làm']);
    const capital = { start: 0, end: 'Hà Nội'.length, label: 0, margin: 10, lineIndex: 0 };
    const out = withPageRepeats([capital], vi, (i) => emissions(vi[i].tokens.count, 2, 2), model, grammar);
    assert.deepEqual(out, [capital]);
  });
});
