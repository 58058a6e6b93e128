// Tagging sums a token's one-word features once per word (WordPartScores) and adds its context features:
// the scores must be those of the whole feature list training reads (lineFeatures).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { actorGrammar } from '../../../src/core/detect/actors';
import { WordProfile } from '../../../src/core/detect/wordProfile';
import { tokenize } from '../../../src/core/detect/words';
import { eachTokenScores, lineFeatures, WordPartScores } from '../../../src/core/learn/features';
import { Perceptron, random } from '../../../src/core/learn/tagger';
import { shippedEntityLexicon } from '../actors/fixture';

describe('tagging scores', () => {
  it('are the scores of the line features training reads, for every token and tag, the word repeated or not', () => {
    const grammar = actorGrammar(shippedEntityLexicon(), 'vi');
    const lines = [
      'Thứ trưởng Bộ Y tế Nguyễn Thanh Long cho biết, ngày 12-3 Bộ Y tế đã họp với UBND TP Hà Nội.',
      'Ông Long nói: "Bộ Y tế sẽ họp lại." Minister Clara Delan met Boris in Ostrov.',
      'A',
    ];
    const profile = WordProfile.of(lines);
    for (const labels of [1, 2]) {
      // weights everywhere, so that a feature left out or counted twice changes some score
      const model = new Perceptron(labels, 12);
      const next = random(7);
      for (let i = 0; i < model.weights.length; i++) model.weights[i] = Math.round((next() - 0.5) * 64) / 8;
      const T = model.tags;
      const parts = new WordPartScores(T, (feats, count, out, at) => model.tokenEmissions(feats, 0, count, out, at));
      for (const withProfile of [undefined, profile]) {
        for (const line of lines) {
          const tokens = tokenize(line, grammar.vocabulary);
          const whole = lineFeatures(tokens, grammar, withProfile);
          const expected = model.emissions({ offsets: Int32Array.from(whole.offsets), feats: Int32Array.from(whole.feats) });
          const scores = new Float32Array(tokens.count * T);
          eachTokenScores(tokens, grammar, parts, scores, { token: (k, feats, count) => model.addTokenEmissions(feats, count, scores, k * T) }, withProfile);
          for (let i = 0; i < scores.length; i++) assert.ok(Math.abs(scores[i] - expected[i]) < 1e-3, `token ${Math.floor(i / T)} tag ${i % T} of "${line}": ${scores[i]} against ${expected[i]}`);
        }
      }
    }
  });

  it('tell a name after a place word from the same name elsewhere, on every word of its run', () => {
    // "đường Lê Văn Lương" is a street; "ông Lê Văn Lương" a person: each word of the run reads the difference,
    // not only the first beside the place word
    const grammar = actorGrammar(shippedEntityLexicon(), 'vi');
    const runFeatures = (line: string, from: number): Set<number>[] => {
      const tokens = tokenize(line, grammar.vocabulary);
      const { offsets, feats } = lineFeatures(tokens, grammar);
      return [0, 1, 2].map((i) => new Set(feats.slice(offsets[from + i], offsets[from + i + 1])));
    };
    const street = runFeatures('Nước ngập đường Lê Văn Lương hôm qua.', 3);
    const person = runFeatures('Nước ngập ông Lê Văn Lương hôm qua.', 3);
    const onlyStreet = street.map((set, i) => [...set].filter((f) => !person[i].has(f)));
    // the last word's two neighbours on either side are the same in both lines ("Lê Văn", "hôm qua")
    assert.ok(onlyStreet[2].length > 0, 'the last word of the run should know the run follows a place word');
    // the feature says the word's place in the run: begin, inside and last differ
    const context = onlyStreet.map((list) => list.filter((f) => !person.some((set) => set.has(f))));
    assert.equal(new Set(context.flat()).size, context.flat().length);
  });
});

