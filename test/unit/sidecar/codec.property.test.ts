import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import YAML from 'yaml';
import { parseSidecar, serialiseSidecar } from '../../../src/core/sidecar/codec';
import { isPlainSafe, quoteDouble, readYamlString, yamlString } from '../../../src/core/sidecar/scalars';
import { Annotation, DOC_STATUSES, Dismissal, SidecarData, TAG_SOURCES } from '../../../src/core/model/types';
import { sortAnnotations } from '../../../src/core/model/annotations';

/** Strings that YAML treats specially somewhere, mixed with arbitrary Unicode (lone surrogates included). */
const TRICKY = [
  '', ' ', '  ', 'true', 'True', 'null', 'Null', '~', '123', '-7', '0x1F', '0o17', '.inf', '-.Inf', '.nan', '1e3', '+1', '.5', '1.',
  'yes', 'NO', 'on', '-', '- a', '?', '? a', ':', ': ', 'a: b', 'a:b', '#', ' #', 'a #b', 'a#b', '"', "'", '\\', '\\n', '\n', '\r',
  '\r\n', '\t', '\u2028', '\u2029', '\u0085', '\u00a0', '\u007f', '\u009f', '\ufeff', '\ufffe', '\uffff', '\u0000', '\u001b',
  '😀', '👍🏽', '\ud83d', '\ude00', 'ệ', 'e\u0301', '[]', '[a, b]', '{}', '{a: 1}', ',', '---', '...', '%YAML 1.1', '@', '`', '!tag',
  '&a', '*a', '|', '>', '2021-03-22', '2026-11-23T08:00:00Z', 'Tổng thống Nga ', ' đã đề nghị',
];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
);
const anyString = fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(''));
const nonEmpty = anyString.filter((s) => s !== '');

const spanFields = fc.record({
  label: nonEmpty,
  start: fc.nat({ max: 1_000_000 }),
  text: nonEmpty,
  before: fc.option(anyString, { nil: undefined }),
  after: fc.option(anyString, { nil: undefined }),
});

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const dismissal: fc.Arbitrary<Dismissal> = spanFields.map((f) => dropUndefined({ ...f, end: f.start + f.text.length }));

const annotation = (id: string): fc.Arbitrary<Annotation> => fc.record({
  span: spanFields,
  value: fc.option(fc.oneof(anyString, fc.array(anyString, { maxLength: 3 })), { nil: undefined }),
  source: fc.constantFrom(...TAG_SOURCES),
  by: fc.option(anyString, { nil: undefined }),
  at: fc.option(anyString, { nil: undefined }),
  orphaned: fc.option(fc.constant(true as const), { nil: undefined }),
}).map(({ span, ...rest }) => dropUndefined({ id, ...span, end: span.start + span.text.length, ...rest }));

const sidecarData: fc.Arbitrary<SidecarData> = fc.uniqueArray(nonEmpty, { maxLength: 6 })
  .chain((ids) => fc.record({
    document: nonEmpty,
    sha256: fc.option(anyString, { nil: undefined }),
    status: fc.constantFrom(...DOC_STATUSES),
    annotations: ids.length === 0 ? fc.constant<Annotation[]>([]) : fc.tuple(...ids.map(annotation)).map((list): Annotation[] => [...list]),
    dismissed: fc.array(dismissal, { maxLength: 3 }),
  }))
  .map((d): SidecarData => dropUndefined({ newsmark: 1 as const, ...d }));

/** What the data looks like to any YAML reader: plain JSON values. */
function asPlain(d: SidecarData): unknown {
  return JSON.parse(JSON.stringify(d));
}

function sorted(d: SidecarData): SidecarData {
  return { ...d, annotations: sortAnnotations(d.annotations), dismissed: sortAnnotations(d.dismissed) };
}

test('serialise then parse gives the same data, and the text means the same to any YAML reader (property)', () => {
  fc.assert(fc.property(sidecarData, (d) => {
    const text = serialiseSidecar(d);
    const parsed = parseSidecar(text);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.writable, true);
    assert.deepEqual(parsed.data, sorted(d));
    assert.equal(parsed.source.kind, 'canonical', 'Newsmark reads its own output on the fast path');
    assert.deepEqual(YAML.parse(text), asPlain(sorted(d)));
    // Serialising what was read gives the same text.
    assert.equal(serialiseSidecar(parsed.data as SidecarData, parsed), text);
  }), { numRuns: 300 });
});

const HAND_WRITTEN = `# hand-written
newsmark: 1
status: todo    # set by Lan
document: story.txt
custom: {keep: me}
annotations:
  - id: old1   # first tag
    label: actor
    start: 0
    end: 3
    text: 'Nga'
    extra: value
    source: manual
  - id: broken
    start: 7
dismissed: []
`;

test('serialising any data over a hand-written sidecar gives text that parses to that data (property)', () => {
  const previous = parseSidecar(HAND_WRITTEN);
  assert.equal(previous.source.kind, 'document');
  fc.assert(fc.property(sidecarData, fc.boolean(), (d, keepOld) => {
    const data = keepOld ? { ...d, annotations: [...d.annotations, ...(previous.data?.annotations ?? []).filter((a) => !d.annotations.some((b) => b.id === a.id))] } : d;
    const text = serialiseSidecar(data, previous);
    const parsed = parseSidecar(text);
    assert.equal(parsed.writable, true);
    const errors = parsed.problems.filter((p) => p.severity === 'error');
    assert.equal(errors.length, 1, 'only the broken entry, kept as written');
    assert.deepEqual(sorted(parsed.data as SidecarData), sorted(data));
    assert.ok(text.includes('# hand-written') && text.includes('custom: {keep: me}') && text.includes('  - id: broken\n    start: 7\n'));
  }), { numRuns: 150 });
});

const MUTATION_CHARS = ['"', "'", '\\', ' ', '\n', ':', '#', '-', '[', ']', '{', '}', '0', '1', 'a', 'x', '\t', '&', '*', '!', '|', '>', 'u'];

/** Values a hand edit may leave unquoted: each means something else (or nothing) to a YAML reader. */
const RAW_VALUES = [...TRICKY.filter((t) => !/[\n\r]/.test(t)), '"a"', "'a'", '"a\\"b"', "'it''s'", '"\\u00e9"', '"\\x41"', '12345678901234567890', '007', '1_000', '0b11', '!!str 1', '"unterminated', 'a   ', '"a" #c'];

type Mutation = { kind: 'char'; where: number; op: number; ch: string } | { kind: 'value'; line: number; value: string; anyKey: boolean };

/** Keys whose value is free text: another string there keeps the sidecar valid (offsets, order and enums stay). */
const FREE_TEXT_KEYS = new Set(['document', 'sha256', 'before', 'after', 'by', 'at', 'value']);

const valueEdit = (value: fc.Arbitrary<string>, anyKey: boolean) => fc.record({ kind: fc.constant('value' as const), line: fc.nat(), value, anyKey: fc.constant(anyKey) });

/**
 * Edits of one value as a person makes them by hand: another value spelled as Newsmark spells it (which the fast
 * reader must read as YAML does), a value left unquoted or quoted another way (which it must read the same or
 * leave to the full reader); and some raw character edits anywhere.
 */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: valueEdit(anyString.map(yamlString), false) },
  { weight: 2, arbitrary: valueEdit(fc.constantFrom(...RAW_VALUES), true) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('char' as const), where: fc.nat(), op: fc.nat({ max: 2 }), ch: fc.constantFrom(...MUTATION_CHARS) }) },
);

function mutate(text: string, m: Mutation): string {
  if (m.kind === 'char') {
    const at = m.where % (text.length + 1);
    if (m.op === 0) return text.slice(0, at) + m.ch + text.slice(at);
    if (m.op === 1) return text.slice(0, at) + text.slice(at + 1);
    return text.slice(0, at) + m.ch + text.slice(at + 1);
  }
  const lines = text.split('\n');
  const valued = lines
    .map((l, i) => [i, /^(\s*(?:- )?(?:(\w+): )?)\S/.exec(l)] as const)
    .filter(([, match]) => match && (match[2] ? m.anyKey || FREE_TEXT_KEYS.has(match[2]) : /^\s+- /.test(match[1])));
  if (valued.length === 0) return text;
  const [i, match] = valued[m.line % valued.length];
  lines[i] = match![1] + m.value;
  return lines.join('\n');
}

test('the fast reader never accepts text that YAML reads differently (property)', () => {
  const runs = 400;
  let compared = 0;
  fc.assert(fc.property(sidecarData, fc.array(mutation, { minLength: 1, maxLength: 2 }), (d, mutations) => {
    const text = mutations.reduce(mutate, serialiseSidecar(d));
    const parsed = parseSidecar(text);
    if (parsed.source.kind !== 'canonical') return; // the full YAML reader took over: nothing to compare
    compared++;
    assert.deepEqual(YAML.parse(text), asPlain(parsed.data as SidecarData));
  }), { numRuns: runs });
  // The property says nothing if the mutations stop reaching the fast reader's accepting path.
  assert.ok(compared >= runs * 0.4, `only ${compared} of ${runs} mutated sidecars were read by the fast reader`);
});

test('scalars: plain only when YAML reads the same string; quoted text reads back exactly (property)', () => {
  fc.assert(fc.property(anyString, (s) => {
    const written = yamlString(s);
    assert.equal(YAML.parse(`key: ${written}\n`).key, s);
    assert.equal(readYamlString(written), s);
    if (isPlainSafe(s)) assert.equal(written, s);
    else assert.equal(written, quoteDouble(s));
    // Nothing that cannot travel as UTF-8 (unpaired surrogates) or breaks a line is written raw.
    assert.ok(!/[\n\r\u2028\u2029\u0085]/.test(written));
    assert.ok(!/\p{Cs}/u.test(written));
  }), { numRuns: 2000 });
});

test('readYamlString accepts only the canonical spelling of a string (property)', () => {
  const source = fc.array(fc.oneof(fc.constantFrom('\\"', '\\\\', '\\n', '\\t', '\\r', '\\u0000', '\\u00e9', '\\ud800', '\\ude00', '\\x41', '\\u2028', '"', ' '), piece), { maxLength: 4 })
    .map((parts) => parts.join(''));
  fc.assert(fc.property(fc.boolean(), source, (quoted, body) => {
    const text = quoted ? `"${body}"` : body;
    const value = readYamlString(text);
    if (value !== undefined) assert.equal(yamlString(value), text);
  }), { numRuns: 2000 });
});
