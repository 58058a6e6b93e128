// A name the learned tagger finds on a page is suggested at its other occurrences on that page, where the
// tagger's own reading there is close; never for a known place, never inside a longer token.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { actorGrammar } from '../../../src/core/detect/actors';
import { tokenize } from '../../../src/core/detect/words';
import { PageRepeats, type TaggedSpan } from '../../../src/core/learn/repeats';
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

/**
 * The page's spans with their repeats, the page tagged line by line as decode.ts does: `found` are the
 * tagger's spans (in page order), and every line's emissions favour a one-token span at token `name` by `span`.
 */
function withRepeats(found: TaggedSpan[], lines: ReturnType<typeof page>, name: number, span: number): TaggedSpan[] {
  const spans: TaggedSpan[] = [];
  const repeats = new PageRepeats(lines, spans, model, grammar);
  const emissionsOf = (i: number): Float32Array => emissions(lines[i].tokens.count, name, span);
  lines.forEach((line, i) => {
    const first = spans.length;
    for (const s of found) if (s.lineIndex === i) spans.push(s);
    const e = emissionsOf(i);
    repeats.afterLine(i, first, e, model.viterbi(e, line.tokens.count));
  });
  return repeats.finish(emissionsOf, (i, e) => model.viterbi(e, lines[i].tokens.count));
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
    const out = withRepeats([found], lines, 1, -1);
    const repeat = out.find((s) => s.lineIndex === 1);
    assert.ok(repeat?.repeat, JSON.stringify(out));
    assert.equal(repeat.margin, 10 - 3);
    assert.deepEqual([repeat.start, repeat.end], [spanAt(lines, 1, 1, 0).start, spanAt(lines, 1, 1, 0).end]);
  });

  it('are not suggested where the tagger reads the text otherwise by more', () => {
    // gap 2 - (-4) = 6, above half of 10
    const out = withRepeats([found], lines, 1, -4);
    assert.deepEqual(out, [found]);
  });

  it('are also suggested before the line the text is first found on', () => {
    // found on line 1 only; line 0 reads it otherwise by 3
    const later = spanAt(lines, 1, 1, 10);
    const out = withRepeats([later], lines, 0, -1);
    assert.deepEqual(
      out.map((s) => [s.lineIndex, s.start, s.repeat === true]),
      [
        [0, 0, true],
        [1, later.start, false],
      ],
    );
  });

  it('also where punctuation follows or comes before the name, which is not part of it', () => {
    const marked = page(['Velmorka paid the bill', 'then "Velmorka, the owner", left']);
    const out = withRepeats([spanAt(marked, 0, 0, 10)], marked, 2, -1);
    const repeat = out.find((s) => s.lineIndex === 1);
    assert.ok(repeat?.repeat, JSON.stringify(out));
    assert.equal(marked[1].tokens.source.slice(repeat.start - marked[1].start, repeat.end - marked[1].start), 'Velmorka');
  });

  it('never inside a longer token ("Velmorka-Nord")', () => {
    const out = withRepeats([found], lines, 1, 2);
    assert.ok(!out.some((s) => s.lineIndex === 2), JSON.stringify(out));
  });

  it('not for a text found at fewer than a third of its occurrences on the page', () => {
    const many = page(['Velmorka paid the bill', 'then Velmorka left', 'and Velmorka came', 'but Velmorka stayed']);
    const once = spanAt(many, 0, 0, 10);
    // found once, left out three times: 1 of 4
    const out = withRepeats([once], many, 1, 2);
    assert.deepEqual(out, [once]);
    // found twice, left out twice: 2 of 4, and both are repeated
    const twice = [once, spanAt(many, 1, 1, 10)];
    assert.equal(withRepeats(twice, many, 1, 2).length, 4);
  });

  it('never for a known place, which stands for its government in one sentence and is a place in the next', () => {
    const vi = page(['Hà Nội đề nghị hỗ trợ', 'người dân Hà Nội đi làm']);
    const capital = { start: 0, end: 'Hà Nội'.length, label: 0, margin: 10, lineIndex: 0 };
    const out = withRepeats([capital], vi, 2, 2);
    assert.deepEqual(out, [capital]);
  });
});
