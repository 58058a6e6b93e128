import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import YAML from 'yaml';
import {
  checkLabels, newSidecar, parseSidecar, ParsedSidecar, serialiseSidecar,
} from '../../../src/core/sidecar/codec';
import { sha256Utf8 } from '../../../src/core/sidecar/hash';
import { Annotation, SidecarData } from '../../../src/core/model/types';

function data(parsed: ParsedSidecar): SidecarData {
  assert.ok(parsed.data, `expected data, got problems ${JSON.stringify(parsed.problems)}`);
  return parsed.data;
}

/** 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

/** A copy the test can change without touching what the parser returned. */
function copy(d: SidecarData): SidecarData {
  return structuredClone(d);
}

const putin: Annotation = {
  id: 'a7f3', label: 'actor', start: 845, end: 859, text: 'Vladimir Putin',
  before: 'Tổng thống Nga ', after: ' đã đề nghị', value: 'Vladimir Putin',
  source: 'manual', by: 'an annotator name', at: '2026-11-23T08:00:00Z',
};

const CANONICAL = `newsmark: 1
document: story.txt
sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
status: in-progress
annotations:
  - id: a7f3
    label: actor
    start: 845
    end: 859
    text: Vladimir Putin
    before: "Tổng thống Nga "
    after: " đã đề nghị"
    value: Vladimir Putin
    source: manual
    by: an annotator name
    at: 2026-11-23T08:00:00Z
  - id: b2
    label: date
    start: 900
    end: 904
    text: 22/3
    value:
      - 2021-03-19
      - 2021-03-22
    source: accepted
    orphaned: true
dismissed:
  - label: actor
    start: 10
    end: 13
    text: Nga
    before: "Tổng thống "
`;

/** Written by hand: comments everywhere, unknown keys, single quotes, its own key order, a flow list. */
const HAND_WRITTEN = `# Tags for the Moscow story. Reviewed by Lan.
newsmark: 1
status: in-progress   # second pass pending
document: story.txt
reviewer: Lan          # not a Newsmark key: must survive
annotations:
  # Putin, first mention
  - id: a7f3
    label: actor
    start: 845
    end: 859
    text: 'Vladimir Putin'
    before: "Tổng thống Nga "
    after: " đã đề nghị"
    note: check the title   # unknown key inside an entry
    source: manual

  - id: c9
    label: date
    start: 900
    end: 904
    text: 22/3
    value: [2021-03-19, 2021-03-22]
    source: accepted
dismissed: []
# end of file
`;

test('a canonical sidecar parses to its data', () => {
  const parsed = parseSidecar(CANONICAL);
  assert.deepEqual(parsed.problems, []);
  assert.equal(parsed.writable, true);
  const d = data(parsed);
  assert.equal(d.document, 'story.txt');
  assert.equal(d.status, 'in-progress');
  assert.deepEqual(d.annotations[0], putin);
  assert.deepEqual(d.annotations[1], {
    id: 'b2', label: 'date', start: 900, end: 904, text: '22/3', value: ['2021-03-19', '2021-03-22'], source: 'accepted', orphaned: true,
  });
  assert.deepEqual(d.dismissed, [{ label: 'actor', start: 10, end: 13, text: 'Nga', before: 'Tổng thống ' }]);
  // The same as any YAML reader sees.
  assert.deepEqual(YAML.parse(CANONICAL), JSON.parse(JSON.stringify(d)));
});

test('serialising a new sidecar gives the canonical layout', () => {
  const parsed = parseSidecar(CANONICAL);
  assert.equal(serialiseSidecar(data(parsed)), CANONICAL);
});

test('annotations are written sorted by start, end, label, then id', () => {
  const d = newSidecar('story.txt', 'abcdefghij');
  const tag = (id: string, label: string, start: number, end: number): Annotation =>
    ({ id, label, start, end, text: 'abcdefghij'.slice(start, end), source: 'manual' });
  d.annotations = [tag('z', 'date', 5, 7), tag('y', 'actor', 0, 4), tag('x', 'date', 0, 4), tag('w', 'actor', 0, 2), tag('v', 'actor', 0, 4)];
  const order = data(parseSidecar(serialiseSidecar(d))).annotations.map((a) => a.id);
  assert.deepEqual(order, ['w', 'v', 'y', 'x', 'z']);
});

test('strings are quoted only when YAML would read them otherwise', () => {
  const d = newSidecar('story.txt', '');
  const texts = ['Putin', '22/3', '2021', 'true', 'null', '', ' lead', 'trail ', 'a: b', 'a #b', '#x', '- x', '"q"', "it's", 'line\nbreak', '😀'];
  d.annotations = texts.map((text, i) => ({ id: `t${i}`, label: 'actor', start: i * 10, end: i * 10 + 1, text, source: 'manual' }));
  const out = serialiseSidecar(d);
  assert.match(out, /\n {4}text: Putin\n/);
  assert.match(out, /\n {4}text: 22\/3\n/);
  assert.match(out, /\n {4}text: "2021"\n/);
  assert.match(out, /\n {4}text: "true"\n/);
  assert.match(out, /\n {4}text: "null"\n/);
  assert.match(out, /\n {4}text: ""\n/);
  assert.match(out, /\n {4}text: "a: b"\n/);
  assert.match(out, /\n {4}text: "line\\nbreak"\n/);
  assert.match(out, /\n {4}text: 😀\n/);
  assert.match(out, /\n {4}text: it's\n/);
  // Every string reads back as itself (the offsets do not match the texts: warnings only).
  const back = parseSidecar(out);
  assert.deepEqual(back.data?.annotations.map((a) => a.text), texts);
  assert.equal(back.writable, true);
});

test('a hand-written sidecar with comments and unknown keys round-trips byte for byte', () => {
  const parsed = parseSidecar(HAND_WRITTEN);
  assert.deepEqual(parsed.problems.filter((p) => p.severity === 'error'), []);
  assert.equal(parsed.writable, true);
  const d = data(parsed);
  assert.deepEqual(d.annotations.map((a) => a.id), ['a7f3', 'c9']);
  assert.deepEqual(d.annotations[1].value, ['2021-03-19', '2021-03-22']);
  assert.equal(serialiseSidecar(d, parsed), HAND_WRITTEN);
  // Also when the caller hands back equal data in other objects, or in another order.
  const same = copy(d);
  same.annotations.reverse();
  assert.equal(serialiseSidecar(same, parsed), HAND_WRITTEN);
});

test('CRLF line endings are kept, for canonical and hand-written files', () => {
  const crlf = CANONICAL.replace(/\n/g, '\r\n');
  const parsed = parseSidecar(crlf);
  assert.deepEqual(parsed.problems, []);
  assert.equal(serialiseSidecar(data(parsed), parsed), crlf);
  const changed = copy(data(parsed));
  changed.status = 'done';
  assert.equal(serialiseSidecar(changed, parsed), crlf.replace('status: in-progress', 'status: done'));

  const hand = HAND_WRITTEN.replace(/\n/g, '\r\n');
  const parsedHand = parseSidecar(hand);
  assert.equal(serialiseSidecar(data(parsedHand), parsedHand), hand);
  const changedHand = copy(data(parsedHand));
  changedHand.status = 'done';
  const out = serialiseSidecar(changedHand, parsedHand);
  assert.ok(!/[^\r]\n/.test(out), 'every line ends with CRLF');
  assert.equal(data(parseSidecar(out)).status, 'done');
});

test('changing data edits the hand-written document in place: comments and unknown keys survive', () => {
  const parsed = parseSidecar(HAND_WRITTEN);
  const d = copy(data(parsed));
  d.status = 'done';
  d.sha256 = sha256Utf8('the story');
  d.annotations[1] = { ...d.annotations[1], start: 905, end: 909 }; // moved by an edit
  d.annotations.push({ id: 'e1', label: 'actor', start: 10, end: 13, text: 'Nga', source: 'accepted' });
  d.dismissed.push({ label: 'date', start: 1, end: 3, text: 'ab' });
  const out = serialiseSidecar(d, parsed);

  for (const kept of ['# Tags for the Moscow story. Reviewed by Lan.', '# second pass pending', 'reviewer: Lan',
    '# not a Newsmark key: must survive', '# Putin, first mention', "text: 'Vladimir Putin'",
    'note: check the title # unknown key inside an entry', '# end of file']) {
    assert.ok(out.includes(kept), `kept: ${kept}\n${out}`);
  }
  assert.match(out, /status: done {3}# second pass pending|status: done # second pass pending/);
  assert.match(out, /\nsha256: [0-9a-f]{64}\n/);
  // The new entry comes first (start 10); the comment above a7f3 stays with it; the moved one has its new offsets.
  assert.ok(out.indexOf('id: e1') < out.indexOf('id: a7f3'));
  assert.match(out, /# Putin, first mention\n {2}- id: a7f3\n/);
  assert.match(out, /id: c9\n {4}label: date\n {4}start: 905\n {4}end: 909\n/);
  assert.match(out, /dismissed:\n {2}- label: date\n/);

  const back = parseSidecar(out);
  assert.deepEqual(back.problems.filter((p) => p.severity === 'error'), []);
  assert.deepEqual(back.data?.annotations, [...d.annotations].sort((a, b) => a.start - b.start));
  assert.deepEqual(back.data?.dismissed, d.dismissed);
  assert.equal(back.data?.status, 'done');
});

test('removing an annotation keeps the comments of the others; removing all leaves an empty list', () => {
  const parsed = parseSidecar(HAND_WRITTEN);
  const d = copy(data(parsed));
  d.annotations = d.annotations.filter((a) => a.id !== 'c9');
  const out = serialiseSidecar(d, parsed);
  assert.ok(!out.includes('id: c9'));
  assert.ok(out.includes('# Putin, first mention'));
  assert.deepEqual(data(parseSidecar(out)).annotations.map((a) => a.id), ['a7f3']);

  d.annotations = [];
  const empty = serialiseSidecar(d, parsed);
  assert.deepEqual(data(parseSidecar(empty)).annotations, []);
  assert.ok(empty.includes('reviewer: Lan'));
});

test('a changed field of a hand-written entry keeps its unknown keys and comment', () => {
  const parsed = parseSidecar(HAND_WRITTEN);
  const d = copy(data(parsed));
  d.annotations[0].label = 'person';
  delete d.annotations[0].before;
  d.annotations[0].value = ['Vladimir Putin', 'Putin'];
  const out = serialiseSidecar(d, parsed);
  const entry = out.slice(out.indexOf('id: a7f3'), out.indexOf('id: c9'));
  assert.match(entry, /label: person/);
  assert.ok(!entry.includes('before:'));
  assert.ok(entry.includes('note: check the title'));
  assert.ok(out.includes('# Putin, first mention'));
  assert.deepEqual(data(parseSidecar(out)).annotations[0], d.annotations[0]);
});

test('a YAML syntax error is reported at its line and column and makes the sidecar unwritable', () => {
  const text = 'newsmark: 1\ndocument: story.txt\nstatus: "todo\nannotations: []\n';
  const parsed = parseSidecar(text);
  assert.equal(parsed.data, undefined);
  assert.equal(parsed.writable, false);
  const problem = parsed.problems.find((p) => p.severity === 'error');
  assert.ok(problem);
  assert.deepEqual([problem.line, problem.col], [3, 9], 'at the opening quote, not where the parser gave up');
  assert.ok(!problem.message.includes('at line'), 'the position is not repeated in the message');
  assert.throws(() => serialiseSidecar(newSidecar('story.txt', ''), parsed), /must not be overwritten/);

  const badIndent = parseSidecar('newsmark: 1\ndocument: a.txt\nannotations:\n  - id: x\n     label: actor\n');
  assert.equal(badIndent.writable, false);
  // The parser reads "x" and the over-indented line as one multi-line key starting after "id: ".
  assert.deepEqual([badIndent.problems[0].line, badIndent.problems[0].col], [4, 9]);
  const unclosedFlow = parseSidecar('newsmark: 1\ndocument: a.txt\nstatus: [todo\nannotations: []\n');
  assert.equal(unclosedFlow.writable, false);
  const nested = parseSidecar('newsmark: 1\ndocument: a.txt\nstatus: todo: x\n');
  assert.deepEqual([nested.problems[0].line, nested.problems[0].col], [3, 9]);
  const single = parseSidecar("newsmark: 1\ndocument: 'it''s.txt\nstatus: todo\n");
  assert.deepEqual([single.problems[0].line, single.problems[0].col], [2, 11]);
});

test('an unknown format version is refused and never overwritten', () => {
  const parsed = parseSidecar('newsmark: 2\ndocument: story.txt\nstatus: todo\nannotations: []\nfuture: stuff\n');
  assert.equal(parsed.data, undefined);
  assert.equal(parsed.writable, false);
  assert.match(parsed.problems[0].message, /Unknown sidecar format version 2/);
  assert.equal(parsed.problems[0].line, 1);
  assert.throws(() => serialiseSidecar(newSidecar('story.txt', ''), parsed), /Unknown sidecar format version/);

  const missing = parseSidecar('document: story.txt\nstatus: todo\n');
  assert.equal(missing.writable, false);
  assert.match(missing.problems[0].message, /Not a Newsmark sidecar/);
  assert.equal(parseSidecar('- a list\n').writable, false);
  assert.equal(parseSidecar('# only a comment\n').writable, false);
});

test('an empty file holds nothing and may be written', () => {
  const parsed = parseSidecar('');
  assert.equal(parsed.data, undefined);
  assert.equal(parsed.writable, true);
  const fresh = newSidecar('story.txt', 'text');
  assert.equal(serialiseSidecar(fresh, parsed), serialiseSidecar(fresh));
});

test('entries that break the schema are reported at their line and kept verbatim on save', () => {
  const text = `newsmark: 1
document: story.txt
status: todo
annotations:
  - id: ok1
    label: actor
    start: 0
    end: 3
    text: Nga
    source: manual
  - id: bad-order   # end before start
    label: actor
    start: 9
    end: 4
    text: xx
    source: manual
  - id: no-text
    label: date
    start: 20
    end: 24
    source: manual
  - id: fraction
    label: date
    start: 1.5
    end: 4
    text: abc
  - id: ok2
    label: date
    start: 30
    end: 34
    text: 22/3
    source: manual
  - just a string
  - id: weird-source
    label: actor
    start: 40
    end: 42
    text: ab
    source: robot
dismissed:
  - label: actor
    start: 5
dismissed-note: x
`;
  const parsed = parseSidecar(text);
  assert.equal(parsed.writable, true);
  assert.deepEqual(data(parsed).annotations.map((a) => a.id), ['ok1', 'ok2']);
  assert.deepEqual(data(parsed).dismissed, []);
  const errors = parsed.problems.filter((p) => p.severity === 'error').map((p) => [p.line, p.message]);
  assert.equal(errors.length, 6);
  assert.equal(errors[0][0], 11);
  assert.match(errors[0][1] as string, /"end" \(4\) is before "start" \(9\)/);
  assert.equal(errors[1][0], 17);
  assert.match(errors[1][1] as string, /"text" must be a string/);
  assert.equal(errors[2][0], 22);
  assert.match(errors[2][1] as string, /"start" must be a non-negative integer/);
  assert.equal(errors[3][0], 33);
  assert.equal(errors[4][0], 34);
  assert.match(errors[4][1] as string, /"source" must be one of/);
  assert.equal(errors[5][0], 41);

  // Unchanged: the very same text.
  assert.equal(serialiseSidecar(data(parsed), parsed), text);
  // Changed: the broken entries are still there, as written, and still reported.
  const d = copy(data(parsed));
  d.annotations.push({ id: 'new', label: 'actor', start: 50, end: 52, text: 'ab', source: 'manual' });
  d.annotations = d.annotations.filter((a) => a.id !== 'ok1');
  const out = serialiseSidecar(d, parsed);
  for (const verbatim of ['  - id: bad-order # end before start\n    label: actor\n    start: 9\n    end: 4\n',
    '  - id: fraction\n    label: date\n    start: 1.5\n', '  - just a string\n', 'source: robot', '  - label: actor\n    start: 5\n']) {
    assert.ok(out.includes(verbatim), `kept verbatim: ${verbatim}\n---\n${out}`);
  }
  const back = parseSidecar(out);
  assert.deepEqual(data(back).annotations.map((a) => a.id), ['ok2', 'new']);
  assert.equal(back.problems.filter((p) => p.severity === 'error').length, 6);
});

test('empty spans and text that does not fit the span are reported', () => {
  const parsed = parseSidecar(`newsmark: 1
document: a.txt
status: todo
annotations:
  - id: empty
    label: actor
    start: 4
    end: 4
    text: ""
    source: manual
  - id: long
    label: actor
    start: 0
    end: 2
    text: abc
    source: manual
`);
  assert.deepEqual(data(parsed).annotations.map((a) => a.id), ['long']);
  assert.equal(parsed.problems.find((p) => p.line === 5)?.severity, 'error');
  const warning = parsed.problems.find((p) => p.line === 11);
  assert.equal(warning?.severity, 'warning');
  assert.match(warning?.message ?? '', /3 characters but the span covers 2/);
});

test('duplicate ids: the later entry is reported at its line and kept verbatim', () => {
  const text = `newsmark: 1
document: a.txt
status: todo
annotations:
  - id: x1
    label: actor
    start: 0
    end: 3
    text: Nga
    source: manual
  - id: x1
    label: date
    start: 5
    end: 9
    text: 22/3
    source: manual
`;
  const parsed = parseSidecar(text);
  assert.deepEqual(data(parsed).annotations.map((a) => a.label), ['actor']);
  const dup = parsed.problems.find((p) => /Duplicate annotation id "x1"/.test(p.message));
  assert.ok(dup);
  assert.equal(dup.line, 11);
  assert.match(dup.message, /first used on line 5/);
  const d = copy(data(parsed));
  d.status = 'done';
  assert.ok(serialiseSidecar(d, parsed).includes('  - id: x1\n    label: date\n    start: 5\n'));
});

test('bad top-level fields are reported at their key', () => {
  const parsed = parseSidecar('newsmark: 1\nstatus: finished\nannotations: []\n');
  const messages = parsed.problems.map((p) => `${p.line}: ${p.message}`);
  assert.ok(messages.some((m) => /^1: "document"/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /^2: Unknown status "finished"/.test(m)), messages.join('\n'));
  assert.equal(data(parsed).status, 'todo');
  // The invalid status stays as written unless the caller sets one.
  const d = copy(data(parsed));
  d.document = 'story.txt';
  const out = serialiseSidecar(d, parsed);
  assert.match(out, /status: finished/);
  assert.match(out, /document: story.txt/);

  const notList = parseSidecar('newsmark: 1\ndocument: a.txt\nannotations: {a: 1}\n');
  assert.equal(notList.writable, false);
  assert.match(notList.problems[0].message, /"annotations" must be a list/);
});

test('input over the size limit is refused without being parsed', () => {
  const big = CANONICAL + '# ' + 'x'.repeat(2000) + '\n';
  const parsed = parseSidecar(big, { maxBytes: 1000 });
  assert.equal(parsed.data, undefined);
  assert.equal(parsed.writable, false);
  assert.match(parsed.problems[0].message, /over the 1000 bytes limit/);
  // UTF-8 bytes count, not UTF-16 units.
  const vietnamese = `newsmark: 1\ndocument: a.txt\nstatus: todo\nannotations: []\ndismissed: []\n# ${'ệ'.repeat(400)}\n`;
  assert.equal(parseSidecar(vietnamese, { maxBytes: 1000 }).writable, false);
  assert.equal(parseSidecar(vietnamese, { maxBytes: 2000 }).writable, true);
});

test('an alias bomb is refused and the file is not writable', () => {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  const bomb = `newsmark: 1\ndocument: a.txt\n${lines.join('\n')}\n`;
  const parsed = parseSidecar(bomb);
  assert.equal(parsed.data, undefined);
  assert.equal(parsed.writable, false);
  assert.match(parsed.problems[0].message, /alias/i);
  // A few aliases are fine.
  const modest = parseSidecar('newsmark: 1\ndocument: a.txt\nstatus: &s todo\nold-status: *s\n');
  assert.equal(modest.writable, true);
  assert.equal(modest.data?.status, 'todo');
});

test('checkLabels warns about unknown labels at the entry, keeping the entry', () => {
  const parsed = parseSidecar(CANONICAL);
  assert.deepEqual(checkLabels(parsed, ['actor', 'date']), []);
  const problems = checkLabels(parsed, ['actor']);
  assert.equal(problems.length, 1);
  assert.deepEqual([problems[0].line, problems[0].col, problems[0].severity], [lineOf(CANONICAL, '- id: b2'), 5, 'warning']);
  assert.match(problems[0].message, /Unknown label "date" on annotation "b2"/);
  const dismissals = checkLabels(parsed, ['date']);
  assert.deepEqual(dismissals.map((p) => p.line), [lineOf(CANONICAL, '- id: a7f3'), lineOf(CANONICAL, '- label: actor')]);
  const hand = parseSidecar(HAND_WRITTEN);
  assert.deepEqual(checkLabels(hand, ['actor']).map((p) => p.line), [lineOf(HAND_WRITTEN, '- id: c9')]);
  assert.equal(data(hand).annotations.length, 2);
});

test('newSidecar records the document and the hash of its text', () => {
  const d = newSidecar('story.txt', 'Xin chào');
  assert.deepEqual(d, {
    newsmark: 1, document: 'story.txt', sha256: sha256Utf8('Xin chào'), status: 'todo', annotations: [], dismissed: [],
  });
  assert.equal(sha256Utf8('test'), '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08');
  // The hash is of the UTF-8 bytes: "ệ" is e1 bb 87.
  assert.equal(sha256Utf8('ệ'), createHash('sha256').update(Buffer.from([0xe1, 0xbb, 0x87])).digest('hex'));
  const parsed = parseSidecar(serialiseSidecar(d));
  assert.deepEqual(parsed.data, d);
});

test('lists missing or left empty by hand are created where they belong; unindented list style is kept', () => {
  const text = '# minimal\nnewsmark: 1\ndocument: story.txt\nstatus: todo\ndismissed:\nnotes: keep\n';
  const parsed = parseSidecar(text);
  assert.deepEqual(parsed.problems, []);
  const d = copy(data(parsed));
  d.annotations.push({ id: 'a', label: 'actor', start: 0, end: 3, text: 'Nga', source: 'manual' });
  d.dismissed.push({ label: 'date', start: 5, end: 7, text: '22' });
  const out = serialiseSidecar(d, parsed);
  assert.deepEqual(data(parseSidecar(out)).annotations, d.annotations);
  assert.deepEqual(data(parseSidecar(out)).dismissed, d.dismissed);
  assert.ok(out.indexOf('annotations:') > out.indexOf('status: todo') && out.indexOf('annotations:') < out.indexOf('dismissed:'));
  assert.ok(out.startsWith('# minimal\n') && out.includes('notes: keep'));

  const flat = 'newsmark: 1\ndocument: a.txt\nstatus: todo\nannotations:\n- id: x\n  label: actor\n  start: 0\n  end: 1\n  text: a\n  source: manual\ndismissed: []\n';
  const parsedFlat = parseSidecar(flat);
  const changed = copy(data(parsedFlat));
  changed.annotations[0].label = 'date';
  assert.equal(serialiseSidecar(changed, parsedFlat), flat.replace('label: actor', 'label: date'));
});
