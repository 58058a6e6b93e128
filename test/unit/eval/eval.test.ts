import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  addSpanCounts,
  evaluateBody,
  evaluateSpans,
  microAverage,
  readDevGold,
  scoresOf,
  spanScores,
  type Counts,
  type GoldRecord,
} from '../../../src/core/eval/index';
import type { LineDecision } from '../../../src/core/model/types';

/** Just the counts of a Scores object, for comparing with hand-computed counts. */
function counts(scores: Counts): Counts {
  return { truePositives: scores.truePositives, falsePositives: scores.falsePositives, falseNegatives: scores.falseNegatives };
}

// Lines: 0 "Menu", 1 "", 2 "Headline", 3 "Para one.", 4 "Caption", 5 "Para two.", 6 "Footer"
const TEXT = 'Menu\n\nHeadline\nPara one.\nCaption\nPara two.\nFooter\n';
const GOLD: GoldRecord = { id: 'doc', text: TEXT, body_lines: [2, 3, 5], ignore_lines: [4], spans: [] };

test('evaluateBody counts non-empty, non-ignored lines', () => {
  // Predicted body: 0 (wrong), 1 (empty: not counted), 3 (right), 4 (ignored), 5 (right); 2 missed.
  const scores = evaluateBody(GOLD, [0, 1, 3, 4, 5]);
  assert.deepEqual(counts(scores), { truePositives: 2, falsePositives: 1, falseNegatives: 1 });
  assert.equal(scores.precision, 2 / 3);
  assert.equal(scores.recall, 2 / 3);
  assert.ok(Math.abs(scores.f1 - 2 / 3) < 1e-12);
});

test('evaluateBody reads LineDecisions: only lines labelled body count', () => {
  const decision = (line: number, label: 'body' | 'boilerplate'): LineDecision => ({ line, start: 0, end: 0, label, score: 0.5, reasons: [] });
  const scores = evaluateBody(GOLD, [decision(0, 'boilerplate'), decision(2, 'body'), decision(3, 'body'), decision(5, 'boilerplate')]);
  assert.deepEqual(counts(scores), { truePositives: 2, falsePositives: 0, falseNegatives: 1 });
  assert.equal(scores.precision, 1);
  assert.throws(() => evaluateBody({ id: 'x', text: 'a', spans: [] }, []), /body_lines/);
});

test('microAverage sums counts before dividing; empty sets agree perfectly', () => {
  const scores = microAverage([
    { truePositives: 1, falsePositives: 0, falseNegatives: 0 },
    { truePositives: 1, falsePositives: 2, falseNegatives: 3 },
  ]);
  assert.equal(scores.precision, 2 / 4);
  assert.equal(scores.recall, 2 / 5);
  assert.deepEqual(
    [scoresOf({ truePositives: 0, falsePositives: 0, falseNegatives: 0 }).f1, scoresOf({ truePositives: 0, falsePositives: 1, falseNegatives: 0 }).f1],
    [1, 0],
  );
});

test('evaluateSpans: exact and overlap per label, one-to-one', () => {
  const gold = [
    { start: 0, end: 5, label: 'actor' },
    { start: 10, end: 14, label: 'actor' },
    { start: 20, end: 24, label: 'date' },
  ];
  const predicted = [
    { start: 0, end: 5, label: 'actor' }, // exact
    { start: 11, end: 16, label: 'actor' }, // overlap only
    { start: 12, end: 13, label: 'actor' }, // overlaps the same gold span again: a false positive
    { start: 20, end: 24, label: 'actor' }, // wrong label
  ];
  const result = evaluateSpans(gold, predicted);
  assert.deepEqual(counts(result.actor.exact), { truePositives: 1, falsePositives: 3, falseNegatives: 1 });
  assert.equal(result.actor.exact.precision, 1 / 4);
  assert.equal(result.actor.exact.recall, 1 / 2);
  assert.deepEqual(counts(result.actor.overlap), { truePositives: 2, falsePositives: 2, falseNegatives: 0 });
  assert.deepEqual(counts(result.date.exact), { truePositives: 0, falsePositives: 0, falseNegatives: 1 });
});

test('evaluateSpans: optional gold spans are neither missed nor, when found, false positives', () => {
  const gold = [
    { start: 0, end: 4, label: 'actor' },
    { start: 10, end: 15, label: 'actor', optional: true },
    { start: 20, end: 25, label: 'actor', optional: true },
  ];
  const result = evaluateSpans(gold, [
    { start: 0, end: 4, label: 'actor' },
    { start: 10, end: 15, label: 'actor' },
  ]);
  assert.deepEqual(counts(result.actor.exact), { truePositives: 1, falsePositives: 0, falseNegatives: 0 });
});

test('evaluateSpans with bodyLines scores only spans starting on gold body lines', () => {
  // "Menu" (0-4) is boilerplate; "Headline" (6-14) and "Para one." (15-24) are body.
  const gold = [
    { start: 0, end: 4, label: 'actor' },
    { start: 6, end: 14, label: 'actor' },
  ];
  const predicted = [
    { start: 0, end: 4, label: 'actor' },
    { start: 15, end: 19, label: 'actor' },
  ];
  const result = evaluateSpans(gold, predicted, { text: TEXT, bodyLines: [2, 3] });
  assert.deepEqual(counts(result.actor.exact), { truePositives: 0, falsePositives: 1, falseNegatives: 1 });
  assert.throws(() => evaluateSpans(gold, predicted, { bodyLines: [2] }), /text/);
});

test('addSpanCounts micro-averages documents; spanScores turns counts into ratios', () => {
  const total = addSpanCounts({}, evaluateSpans([{ start: 0, end: 2, label: 'date' }], [{ start: 0, end: 2, label: 'date' }]));
  addSpanCounts(total, evaluateSpans([{ start: 0, end: 2, label: 'date' }], []));
  const scores = spanScores(total);
  assert.equal(scores.date.exact.precision, 1);
  assert.equal(scores.date.exact.recall, 0.5);
});

test('readDevGold: body_lines number every line from 0, empty lines included, like lineSpans', () => {
  const record = readDevGold('Menu\n\nText one.\nText two.\nFooter\n', { body_lines: [3, 2], lines: 5 }, 'x');
  assert.deepEqual(record.body_lines, [2, 3]);
  assert.deepEqual(counts(evaluateBody(record, [2, 3])), { truePositives: 2, falsePositives: 0, falseNegatives: 0 });
  assert.throws(() => readDevGold('a\nb\n', { body_lines: [0], lines: 7 }), /line breaks/);
  assert.deepEqual(readDevGold('a\nb\n', '{"body_lines": [1], "lines": 2}').body_lines, [1]);
  const captioned = readDevGold('Menu\nPhoto: a caption\nText.\n', { body_lines: [2], ignore_lines: [1], lines: 3 }, 'c');
  assert.deepEqual(captioned.ignore_lines, [1]);
  assert.equal(evaluateBody(captioned, [1, 2]).falsePositives, 0);
  assert.throws(() => readDevGold('a\nb\n', { body_lines: [0], ignore_lines: [9], lines: 2 }), /ignored line 9/);
  assert.throws(() => readDevGold('a\n', '{"lines": 1}'), /body_lines/);
  assert.throws(() => readDevGold('a\nb\n', { body_lines: [9], lines: 2 }), /outside/);
  // The id-first form reads the same record.
  assert.deepEqual(readDevGold('x', 'Menu\n\nText one.\nText two.\nFooter\n', { body_lines: [3, 2], lines: 5 }), record);
});

test('readDevGold on the development set: body lines are never blank', () => {
  // The development pages stand beside the checkout (../shared), as in CI.
  const dir = path.join(__dirname, '..', '..', '..', '..', 'shared', 'eval', 'boilerplate-dev');
  assert.ok(fs.existsSync(dir), `this test reads the development pages, expected at ${dir}`);
  const files = fs.readdirSync(dir).filter((file) => file.endsWith('.gold.json')).slice(0, 10);
  for (const file of files) {
    const id = file.replace('.gold.json', '');
    const text = fs.readFileSync(path.join(dir, `${id}.txt`), 'utf8');
    const record = readDevGold(text, fs.readFileSync(path.join(dir, file), 'utf8'), id);
    const lines = text.split('\n');
    for (const line of record.body_lines ?? []) assert.notEqual(lines[line].trim(), '', `${id}:${line}`);
  }
});
