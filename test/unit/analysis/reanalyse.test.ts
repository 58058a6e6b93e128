// The quick re-analysis after an edit: the changed lines are analysed again against the whole current page,
// everything else is the previous analysis moved past the edit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyseFrom, applyDelta, KEPT_WHILE_TYPING, reanalyseEdit, type AnalysisContext } from '../../../src/core/detect/analyse';
import { CorpusModel } from '../../../src/core/detect/corpus';
import { LearnedEntities } from '../../../src/core/detect/learned';
import { isBlank, lineSpans } from '../../../src/core/text/lines';
import { shippedEntityLexicon, REPO_ROOT } from '../actors/fixture';
import { loadShippedStopwords } from '../body/shippedStopwords';

const stopwords = loadShippedStopwords({ largeVietnamese: true });
const entities = shippedEntityLexicon();
const samples = readdirSync(join(REPO_ROOT, 'samples')).filter((n) => n.endsWith('.txt')).sort();
const page = readFileSync(join(REPO_ROOT, 'samples', samples[0]), 'utf8');

function context(): AnalysisContext {
  const corpus = new CorpusModel();
  for (const name of samples) corpus.addDocument(name, readFileSync(join(REPO_ROOT, 'samples', name), 'utf8'));
  return { corpus, stopwords, entities, learned: new LearnedEntities(), options: { documentId: samples[0] } };
}

function insert(text: string, at: number, what: string): string {
  return text.slice(0, at) + what + text.slice(at);
}

test('a date typed into a line is suggested at once, with the rest of the page moved past it', () => {
  const ctx = context();
  const base = analyseFrom(page, undefined, ctx);
  const lines = lineSpans(page).filter((l) => !isBlank(page, l.start, l.end));
  const target = lines[Math.floor(lines.length / 2)];
  const typed = ' ngày 12/3/2021';
  const text = insert(page, target.end, typed);
  const quick = reanalyseEdit(base, text, ctx)!.base;
  const full = analyseFrom(text, undefined, ctx).analysis;

  const date = quick.analysis.suggestions.find((s) => s.label === 'date' && s.start >= target.end);
  assert.ok(date, 'the typed date is suggested');
  assert.equal(text.slice(date.start, date.end), '12/3/2021');
  assert.equal(date.value, '2021-03-12');
  assert.equal(date.line, target.line);
  // this edit changes no page-level evidence: the quick result is the full one
  assert.deepEqual(
    quick.analysis.suggestions.map((s) => [s.start, s.end, s.label, s.line]),
    full.suggestions.map((s) => [s.start, s.end, s.label, s.line]),
  );
  assert.deepEqual(
    quick.analysis.lines.map((d) => [d.line, d.start, d.end, d.label]),
    full.lines.map((d) => [d.line, d.start, d.end, d.label]),
  );
});

test('a new line keeps the label of the line it was split from until the page is analysed again', () => {
  const ctx = context();
  const base = analyseFrom(page, undefined, ctx);
  const body = base.analysis.lines.find((d) => d.label === 'body' && d.end - d.start > 80)!;
  const at = page.indexOf(' ', body.start + 40);
  const text = insert(page, at, '\n');
  const quick = reanalyseEdit(base, text, ctx)!.base.analysis;
  const halves = quick.lines.filter((d) => d.line === body.line || d.line === body.line + 1);
  assert.deepEqual(halves.map((d) => [d.label, text.slice(d.start, d.end)]), [
    ['body', page.slice(body.start, at)],
    ['body', page.slice(at, body.end)],
  ]);
  assert.ok(halves.every((d) => d.reasons[0] === KEPT_WHILE_TYPING), 'the hover says why');
  const last = quick.lines[quick.lines.length - 1];
  const lastBefore = base.analysis.lines[base.analysis.lines.length - 1];
  assert.equal(last.line, lastBefore.line + 1);
  assert.equal(text.slice(last.start, last.end), page.slice(lastBefore.start, lastBefore.end));
});

test('an edit larger than the quick path is worth asks for a full analysis', () => {
  const ctx = context();
  const base = analyseFrom(page, undefined, ctx);
  const pasted = `${'Một đoạn văn dài được dán vào. '.repeat(40)}\n`.repeat(80);
  assert.equal(reanalyseEdit(base, insert(page, 0, pasted), ctx), undefined);
  assert.equal(reanalyseEdit(base, page, ctx)?.base, base, 'an unchanged text is the same analysis');
});

test('after any small edit, decisions and suggestions point at the right text and lines', () => {
  const ctx = context();
  const base = analyseFrom(page, undefined, ctx);
  const edit = fc.record({
    at: fc.integer({ min: 0, max: page.length }),
    removed: fc.integer({ min: 0, max: 30 }),
    inserted: fc.constantFrom('', 'x', '\n', '\r\n', ' 5/3 ', 'Ông Nguyễn Văn An ', '\n\n', 'ngày 1/1/2020\n'),
  });
  fc.assert(
    fc.property(edit, ({ at, removed, inserted }) => {
      const text = page.slice(0, at) + inserted + page.slice(Math.min(page.length, at + removed));
      const result = reanalyseEdit(base, text, ctx);
      assert.ok(result);
      const quick = result.base;
      // what a worker sends the editor rebuilds the same analysis from the one before
      assert.deepEqual(applyDelta(base.analysis, JSON.parse(JSON.stringify(result.delta))), quick.analysis);
      const spans = lineSpans(text);
      const nonBlank = spans.filter((l) => !isBlank(text, l.start, l.end));
      assert.deepEqual(quick.analysis.lines.map((d) => [d.line, d.start, d.end]), nonBlank.map((l) => [l.line, l.start, l.end]));
      for (const s of quick.analysis.suggestions) {
        const line = spans[s.line];
        assert.ok(s.start >= line.start && s.end <= line.end, `suggestion ${s.text} on its line`);
        assert.equal(text.slice(s.start, s.end), s.text);
      }
    }),
    { numRuns: 60, examples: [[{ at: 0, removed: 0, inserted: '' }]] },
  );
});
