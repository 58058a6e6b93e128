// Review verdicts: stored per tag in the sidecar (`review: {verdict, by, at}`), kept by readers that do not
// know them, lost when the tag changes, counted for progress, and used by the export's review filter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import YAML from 'yaml';
import { parseSidecar, serialiseSidecar } from '../../../src/core/sidecar/codec';
import type { Annotation, SidecarData } from '../../../src/core/model/types';
import { mergeById } from '../../../src/core/model/annotations';
import {
  approvableTags, dropStaleReviews, isFullyReviewed, reviewCounts, reviewSummary, withVerdict,
} from '../../../src/core/review';
import { exportDocuments } from '../../../src/core/export/registry';
import type { ExportSink } from '../../../src/core/export/types';

const ROOT = path.resolve(__dirname, '../../..');

const TEXT = 'Minister Ana Lima met Bo Chen on 3 May.';
const tag = (id: string, start: number, end: number, label = 'actor', extra: Partial<Annotation> = {}): Annotation =>
  ({ id, label, start, end, text: TEXT.slice(start, end), source: 'manual', ...extra });
const ana = tag('a1', 9, 17);
const bo = tag('b2', 22, 29);
const may = tag('c3', 33, 38, 'date', { value: '--05-03' });

function sidecar(annotations: Annotation[]): SidecarData {
  return { newsmark: 1, document: 'story.txt', status: 'in-progress', annotations, dismissed: [] };
}

test('a verdict is written in the canonical layout and read back the same', () => {
  const approved = withVerdict(ana, 'approved', 'Lan', '2026-12-01T10:00:00Z');
  const d = sidecar([approved, withVerdict(bo, 'rejected', 'Lan', '2026-12-01T10:01:00Z'), may]);
  const text = serialiseSidecar(d);
  assert.match(text, /\n {4}review:\n {6}verdict: approved\n {6}by: Lan\n {6}at: "?2026-12-01T10:00:00Z"?\n/);
  const parsed = parseSidecar(text);
  assert.deepEqual(parsed.problems, []);
  assert.equal(parsed.source.kind, 'canonical', 'Newsmark reads its own output on the fast path');
  assert.deepEqual(parsed.data?.annotations, d.annotations);
  // Any YAML reader sees the same.
  assert.deepEqual(YAML.parse(text).annotations[0].review, { verdict: 'approved', by: 'Lan', at: '2026-12-01T10:00:00Z' });
});

test('a curated sidecar names its source and annotators', () => {
  const d: SidecarData = { ...sidecar([ana]), source: 'curated', annotators: ['alice', 'bob'] };
  const text = serialiseSidecar(d);
  assert.match(text, /^status: in-progress\nsource: curated\nannotators:\n {2}- alice\n {2}- bob\nannotations:/m);
  assert.deepEqual(parseSidecar(text).data, d);
});

test('a hand-edited review keeps its comments and unknown keys when the verdict changes', () => {
  const hand = `newsmark: 1
document: story.txt
status: in-progress
annotations:
  - id: a1
    label: actor
    start: 9
    end: 17
    text: Ana Lima
    source: manual
    review:   # second reader
      verdict: rejected
      note: title missing   # not a Newsmark key
      by: Lan
`;
  const parsed = parseSidecar(hand);
  assert.deepEqual(parsed.problems, []);
  const d = structuredClone(parsed.data!);
  d.annotations[0] = withVerdict(d.annotations[0], 'approved', 'Minh', '2026-12-01T11:00:00Z');
  const out = serialiseSidecar(d, parsed);
  assert.match(out, /# second reader\n {6}verdict: approved\n {6}note: title missing +# not a Newsmark key\n {6}by: Minh\n {6}at: /);
  assert.deepEqual(parseSidecar(out).data?.annotations[0].review, { verdict: 'approved', by: 'Minh', at: '2026-12-01T11:00:00Z' });
});

test('a review that cannot be read is a warning, the tag counts as not reviewed, and the file keeps it', () => {
  const hand = `newsmark: 1
document: story.txt
status: in-progress
annotations:
  - id: a1
    label: actor
    start: 9
    end: 17
    text: Ana Lima
    source: manual
    review: {verdict: maybe}
  - id: b2
    label: actor
    start: 22
    end: 29
    text: Bo Chen
    source: manual
`;
  const parsed = parseSidecar(hand);
  assert.equal(parsed.problems.length, 1);
  assert.equal(parsed.problems[0].severity, 'warning');
  assert.equal(parsed.problems[0].line, 5);
  assert.match(parsed.problems[0].message, /"verdict" must be one of approved, rejected \(got "maybe"\)/);
  assert.equal(parsed.data?.annotations[0].review, undefined);
  const d = structuredClone(parsed.data!);
  d.annotations[1] = withVerdict(d.annotations[1], 'approved', 'Lan', '2026-12-01T10:00:00Z');
  assert.match(serialiseSidecar(d, parsed), /review: \{ ?verdict: maybe ?\}/);
});

test('verdicts survive a save by the version before reviews existed (format 1 reader without review)', () => {
  // The codec as it was before this extension, taken from the project's history.
  const OLD = '0bd3b47';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-old-codec-'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  try {
    for (const file of ['core/sidecar/codec.ts', 'core/sidecar/canonical.ts', 'core/sidecar/schema.ts', 'core/sidecar/scalars.ts',
      'core/sidecar/hash.ts', 'core/model/annotations.ts', 'core/model/types.ts']) {
      const source = execFileSync('git', ['show', `${OLD}:src/${file}`], { cwd: ROOT, encoding: 'utf8' });
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), source);
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const old = require(path.join(dir, 'core/sidecar/codec.ts')) as typeof import('../../../src/core/sidecar/codec');
    const written = serialiseSidecar(sidecar([withVerdict(ana, 'approved', 'Lan', '2026-12-01T10:00:00Z'), withVerdict(bo, 'rejected', 'Lan', '2026-12-01T10:01:00Z')]));
    const oldParsed = old.parseSidecar(written);
    assert.deepEqual(oldParsed.problems, []);
    assert.equal(oldParsed.data?.annotations[0].review, undefined, 'the old reader does not know the key');
    // The old version changes the status and adds a tag; the verdicts stay in the file.
    const d = structuredClone(oldParsed.data!);
    d.status = 'done';
    d.annotations.push(may);
    const saved = old.serialiseSidecar(d, oldParsed);
    const back = parseSidecar(saved);
    assert.deepEqual(back.problems, []);
    assert.equal(back.data?.status, 'done');
    assert.deepEqual(back.data?.annotations.map((t) => t.review?.verdict), ['approved', 'rejected', undefined]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a tag that changes loses its verdict; a moved or re-reviewed tag keeps it', () => {
  const reviewed = [withVerdict(ana, 'approved', 'Lan', 't1'), withVerdict(bo, 'rejected', 'Lan', 't2'), withVerdict(may, 'approved', 'Lan', 't3')];
  const after = dropStaleReviews(reviewed, [
    { ...reviewed[0], label: 'date' }, // relabelled
    { ...reviewed[1], start: 23, end: 29, text: 'o Chen' }, // span shrunk
    { ...reviewed[2], start: 40, end: 45 }, // moved: same text further on
  ]);
  assert.deepEqual(after.map((t) => t.review?.verdict), [undefined, undefined, 'approved']);
  const revalued = dropStaleReviews(reviewed, [{ ...reviewed[2], value: '2026-05-03' }]);
  assert.equal(revalued[0].review, undefined);
  const reverdict = dropStaleReviews(reviewed, [withVerdict(reviewed[1], 'approved', 'Minh', 't4')]);
  assert.equal(reverdict[0].review?.by, 'Minh');
});

test('verdicts given on both sides of a merge: one side wins when only it changed, both kept when they differ', () => {
  const base = [ana];
  const mine = [withVerdict(ana, 'approved', 'Lan', 't1')];
  assert.deepEqual(mergeById(base, mine, base).merged[0].review?.verdict, 'approved');
  const theirs = [withVerdict(ana, 'rejected', 'Minh', 't2')];
  const r = mergeById(base, mine, theirs);
  assert.equal(r.conflicts.length, 1);
  assert.deepEqual(r.merged.map((t) => t.review?.verdict).sort(), ['approved', 'rejected']);
});

test('review progress counts placed tags; a page is reviewed when every tag has a verdict', () => {
  const tags = [withVerdict(ana, 'approved', 'Lan', 't'), withVerdict(bo, 'rejected', 'Lan', 't'), may, { ...tag('d4', 0, 8), orphaned: true }];
  const counts = reviewCounts(tags);
  assert.deepEqual(counts, { tags: 3, approved: 1, rejected: 1, unreviewed: 1 });
  assert.equal(reviewSummary(counts), '1 approved, 1 rejected, 1 not reviewed (66% reviewed)');
  assert.equal(isFullyReviewed(counts), false);
  assert.equal(isFullyReviewed(reviewCounts(tags.slice(0, 2))), true);
  assert.equal(isFullyReviewed(reviewCounts([])), false, 'a page without tags has nothing reviewed');
});

test('approving a page skips what I rejected and what is approved, and overrules others\' rejections', () => {
  const tags = [withVerdict(ana, 'rejected', 'Lan', 't'), withVerdict(bo, 'rejected', 'Minh', 't'), withVerdict(may, 'approved', 'Minh', 't'), tag('e5', 0, 8)];
  assert.deepEqual(approvableTags(tags, 'Lan').map((t) => t.id), ['b2', 'e5']);
});

class MemorySink implements ExportSink {
  files = new Map<string, string>();
  appendText(p: string, t: string): void { this.files.set(p, (this.files.get(p) ?? '') + t); }
  writeText(p: string, t: string): void { this.files.set(p, t); }
}

test('export --review approved leaves rejected and unreviewed tags out and the manifest says how many', () => {
  const doc = { path: 'story.txt', text: TEXT, sidecar: sidecar([withVerdict(ana, 'approved', 'Lan', 't'), withVerdict(bo, 'rejected', 'Lan', 't'), may]) };
  const sink = new MemorySink();
  const manifest = exportDocuments('jsonl', [doc], sink, { review: 'approved' });
  const record = JSON.parse(sink.files.get('corpus.jsonl')!.trim());
  assert.deepEqual(record.spans.map((s: { text: string }) => s.text), ['Ana Lima']);
  assert.deepEqual(manifest.review, { approved: 1, rejected: 1, unreviewed: 1, leftOut: 2 });
  assert.equal(manifest.options.review, 'approved');
  assert.deepEqual(manifest.tags, { actor: 1 });

  const all = exportDocuments('jsonl', [doc], new MemorySink(), {});
  assert.deepEqual(all.review, { approved: 1, rejected: 1, unreviewed: 1, leftOut: 0 });
  assert.deepEqual(all.tags, { actor: 2, date: 1 });
});
