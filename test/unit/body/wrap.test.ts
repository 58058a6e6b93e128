import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectLines } from '../../../src/core/detect/body/index';
import type { PhysicalLine } from '../../../src/core/detect/body/types';
import { paragraphGroups } from '../../../src/core/detect/body/wrap';
import { CorpusModel } from '../../../src/core/detect/corpus';
import { evaluateBody, microAverage, type GoldRecord } from '../../../src/core/eval/index';
import { loadShippedStopwords } from './shippedStopwords';

const ROOT = path.join(__dirname, '..', '..', '..');

/** Greedy word wrap at `width` columns. */
function wrap(line: string, width: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  out.push(current);
  return out;
}

function physical(lines: string[]): PhysicalLine[] {
  let offset = 0;
  return lines.map((text, line) => {
    const span = { line, start: offset, end: offset + text.length, text };
    offset += text.length + 1;
    return span;
  });
}

test('paragraphGroups joins the full-width lines of a hard-wrapped text with the line after them', () => {
  const paragraph = wrap('word '.repeat(60).trim(), 40);
  const lines = physical(['Menu', ...paragraph, 'Short line', ...paragraph, 'Footer']);
  const groups = paragraphGroups(lines);
  assert.deepEqual(groups?.map((group) => group.length), [1, paragraph.length, 1, paragraph.length, 1]);
});

test('paragraphGroups leaves texts with long lines alone', () => {
  const lines = physical(['Menu', 'x '.repeat(80).trim(), 'A line', 'Another line']);
  assert.equal(paragraphGroups(lines), undefined);
});

test('the sample corpus hard-wrapped at 80 columns keeps its body lines', () => {
  const gold = JSON.parse(fs.readFileSync(path.join(ROOT, 'eval/baoquocte/body-lines.json'), 'utf8')) as Record<
    string,
    { body_lines: number[]; ignore_lines: number[] }
  >;
  const records: GoldRecord[] = Object.entries(gold).map(([file, lines]) => {
    const out: string[] = [];
    const body: number[] = [];
    const ignored: number[] = [];
    fs.readFileSync(path.join(ROOT, 'samples', file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        for (const part of line.length > 90 ? wrap(line, 80) : [line]) {
          if (lines.body_lines.includes(index)) body.push(out.length);
          if (lines.ignore_lines.includes(index)) ignored.push(out.length);
          out.push(part);
        }
      });
    return { id: file, text: out.join('\n'), body_lines: body, ignore_lines: ignored, spans: [] };
  });
  const corpus = new CorpusModel();
  for (const record of records) corpus.addDocument(record.id, record.text);
  const stopwords = loadShippedStopwords();
  const scores = microAverage(
    records.map((record) => evaluateBody(record, detectLines(record.text, corpus, stopwords, { documentId: record.id }))),
  );
  assert.ok(scores.f1 >= 0.9, `F1 ${scores.f1.toFixed(3)} (P ${scores.precision.toFixed(3)}, R ${scores.recall.toFixed(3)})`);
});
