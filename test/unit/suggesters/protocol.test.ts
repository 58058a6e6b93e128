// The suggester protocol in core: reading answers (offsets converted, bad spans dropped), the setting's
// entries, command lines, and the backoff after failures.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import {
  defaultSuggesterName, normaliseSuggesters, ProtocolError, readAnswer, readSuggester, requestLine,
  splitCommand, SuggesterHealth, suggesterFromCommandArg, suggesterOfSource, withSuggestions, type SuggesterConfig,
} from '../../../src/core/suggesters/index';

const PAGE = '🎉 Tin nhanh 🎉\nÔng Lê Văn Tám đến 🚀 Đà Lạt hôm qua.\n';
const config = (over: Partial<SuggesterConfig> = {}): SuggesterConfig => ({
  name: 'toy', transport: { kind: 'command', command: 'toy', argv: ['toy'] }, offsets: 'codepoint', timeoutMs: 1000, ...over,
});
/** Where `needle` starts in `text`, counted in code points as Python does. */
const cp = (text: string, needle: string) => [...text.slice(0, text.indexOf(needle))].length;

test('code-point offsets from a Python model land on the same text after emoji', () => {
  const start = cp(PAGE, 'Lê Văn Tám');
  const placeStart = cp(PAGE, 'Đà Lạt');
  const answer = readAnswer({ id: 'a.txt', spans: [
    { start: placeStart, end: placeStart + 6, label: 'actor', score: 0.4 },
    { start, end: start + 10, label: 'actor', score: 0.9, reason: 'PER' },
  ] }, { id: 'a.txt', text: PAGE }, config());
  assert.deepEqual(answer.dropped, []);
  assert.deepEqual(answer.suggestions.map((s) => PAGE.slice(s.start, s.end)), ['Lê Văn Tám', 'Đà Lạt']);
  assert.deepEqual(answer.suggestions.map((s) => s.text), ['Lê Văn Tám', 'Đà Lạt']);
  const first = answer.suggestions[0];
  assert.equal(first.line, 1);
  assert.equal(first.score, 0.9);
  assert.equal(first.source, 'suggester:toy');
  assert.equal(suggesterOfSource(first.source), 'toy');
  assert.deepEqual(first.reasons, ['suggested by toy', 'PER']);
});

test('"offsets": "utf16" takes the offsets as they are; a span cutting an emoji in two is dropped', () => {
  const start = PAGE.indexOf('Đà Lạt');
  const emoji = PAGE.indexOf('🚀');
  const answer = readAnswer({ id: 'a', spans: [{ start, end: start + 6, label: 'actor' }, { start: emoji + 1, end: start, label: 'actor' }] },
    { id: 'a', text: PAGE }, config({ offsets: 'utf16' }));
  assert.deepEqual(answer.suggestions.map((s) => s.text), ['Đà Lạt']);
  assert.equal(answer.suggestions[0].score, 0.5);
  assert.deepEqual(answer.suggestions[0].reasons, ['suggested by toy (no score)']);
  assert.equal(answer.dropped.length, 1);
  assert.match(answer.dropped[0].why, /cuts a character in two/);
});

test('spans that do not fit the text, and labels the suggester may not give, are dropped with a reason', () => {
  const length = [...PAGE].length;
  const answer = readAnswer({ id: 'a', spans: [
    { start: length - 2, end: length + 3, label: 'actor' },
    { start: 5, end: 2, label: 'actor' },
    { start: 0.5, end: 2, label: 'actor' },
    { start: 2, end: 4, label: 'LOC' },
    { start: 2, end: 4, label: 'PER' },
    'not a span',
  ] }, { id: 'a', text: PAGE }, config({ labels: { PER: 'actor' } }));
  // code points 2-4 are UTF-16 units 3-5: the emoji before them takes two
  assert.deepEqual(answer.suggestions.map((s) => [s.label, s.start, s.end]), [['actor', 3, 5]]);
  assert.equal(answer.dropped.length, 5);
  assert.match(answer.dropped[0].why, new RegExp(`0 <= start < end <= ${length} \\(code points\\)`));
  assert.match(answer.dropped[3].why, /label "LOC" is not among the suggester's labels \(PER\)/);
});

test('a label the corpus does not have is dropped when the caller says which labels exist', () => {
  const answer = readAnswer({ id: 'a', spans: [{ start: 0, end: 2, label: 'place' }, { start: 0, end: 2, label: 'date' }] },
    { id: 'a', text: PAGE }, config(), { acceptLabel: (label) => label === 'date' });
  assert.deepEqual(answer.suggestions.map((s) => s.label), ['date']);
  assert.match(answer.dropped[0].why, /label "place" is not a label of this corpus/);
});

test('an answer for another page, an error, or no span list is a protocol error', () => {
  const request = { id: 'world/a.txt', text: PAGE };
  const problem = (raw: unknown) => {
    try {
      readAnswer(raw, request, config());
    } catch (error) {
      assert.ok(error instanceof ProtocolError);
      return `${error.problem}: ${error.message}`;
    }
    return 'no error';
  };
  assert.equal(problem({ id: 'world/b.txt', spans: [] }), 'wrong-id: answered for "world/b.txt" when asked about "world/a.txt"');
  assert.equal(problem({ id: 'world/a.txt', error: 'CUDA out of memory' }), 'bad-answer: reported an error: CUDA out of memory');
  assert.equal(problem({ id: 'world/a.txt' }), 'bad-answer: answered without a "spans" list');
  assert.equal(problem([1, 2]), 'garbage: answered with something that is not a JSON object');
});

test('body lines are kept when they are line numbers of the page', () => {
  const answer = readAnswer({ id: 'a', spans: [], body_lines: [1, 1, 0, 7, -1] }, { id: 'a', text: PAGE }, config());
  assert.deepEqual(answer.bodyLines, [0, 1]);
  assert.equal(answer.dropped.length, 1);
});

test('a request is one line of JSON even when the page has line breaks', () => {
  const line = requestLine({ id: 'a', text: PAGE });
  assert.equal(line.indexOf('\n'), line.length - 1);
  assert.deepEqual(JSON.parse(line), { id: 'a', text: PAGE });
});

test('commands are split into words like a shell does, without running one', () => {
  assert.deepEqual(splitCommand('python3 my_model.py --device cpu'), ['python3', 'my_model.py', '--device', 'cpu']);
  assert.deepEqual(splitCommand(`python3 "/models/My Model/run.py" --name 'a b' x\\ y "say \\"hi\\""`), ['python3', '/models/My Model/run.py', '--name', 'a b', 'x y', 'say "hi"']);
  assert.deepEqual(splitCommand("tagger ''"), ['tagger', '']);
  assert.throws(() => splitCommand('python3 "unclosed'), /unclosed double quote/);
  assert.throws(() => splitCommand('   '), /empty/);
});

test('a suggester is named after its script, program or host unless it has a name', () => {
  assert.equal(suggesterFromCommandArg('python3 my_model.py').name, 'my_model');
  assert.equal(suggesterFromCommandArg('python3 -u /opt/ner/phobert_server.py --gpu').name, 'phobert_server');
  assert.equal(suggesterFromCommandArg('/opt/bin/tagger --fast').name, 'tagger');
  assert.equal(defaultSuggesterName({ kind: 'url', url: 'http://gpu1:8000/ner' }), 'gpu1:8000');
  assert.equal(suggesterFromCommandArg('{"name": "phobert", "command": "python3 x.py", "offsets": "utf16", "timeout": 500}').name, 'phobert');
});

test('the setting: usable entries are read, unusable ones are named with what is wrong, names made unique', () => {
  const { suggesters, problems } = normaliseSuggesters([
    { command: 'python3 model.py', labels: ['actor'] },
    { command: 'python3 other/model.py', labels: { PER: 'actor', ORG: 'actor' }, timeout: 2000 },
    { url: 'http://localhost:8000/suggest', offsets: 'utf16' },
    { command: 'x', url: 'http://y' },
    { url: 'ftp://host/x' },
    { command: 'x', offsets: 'bytes' },
    { command: 'x', labels: ['Actor'] },
    {},
  ]);
  assert.deepEqual(suggesters.map((s) => s.name), ['model', 'model-2', 'localhost:8000']);
  assert.deepEqual(suggesters[1].labels, { PER: 'actor', ORG: 'actor' });
  assert.equal(suggesters[1].timeoutMs, 2000);
  assert.equal(suggesters[2].offsets, 'utf16');
  assert.deepEqual(problems, [
    'suggester 4: give "command" or "url", not both',
    'suggester 5: "url" must be http or https: ftp://host/x',
    'suggester 6: "offsets" must be "codepoint" or "utf16"',
    'suggester 7: "labels": "Actor" must be a label id (lower case, like "actor")',
    'suggester 8: needs "command" (a program to run) or "url" (an HTTP endpoint)',
  ]);
  assert.deepEqual(normaliseSuggesters({ command: 'x' }).problems, ['newsmark.suggesters must be a list of suggesters']);
  assert.throws(() => readSuggester({ command: 'x', timeout: -1 }), /"timeout" must be a positive number/);
});

test('failures: reported once per kind, retried after a doubling delay, stopped after five in a row', () => {
  const health = new SuggesterHealth({ firstDelayMs: 100, maxDelayMs: 300, giveUpAfter: 5 });
  assert.deepEqual(health.failed('exit', 0), { report: true, stopped: false, retryInMs: 100 });
  assert.deepEqual(health.failed('exit', 0), { report: false, stopped: false, retryInMs: 200 });
  assert.deepEqual(health.failed('slow', 0), { report: true, stopped: false, retryInMs: 300 });
  health.succeeded();
  assert.equal(health.downUntil, 0);
  for (let i = 0; i < 4; i++) assert.equal(health.failed('exit', 1000).stopped, false);
  assert.deepEqual(health.failed('exit', 1000), { report: false, stopped: true, retryInMs: 300 });
  assert.equal(health.stopped, true);
  assert.equal(health.failures, 8);
});

test('suggestions from a suggester join the analysis in start order', () => {
  const base = { lines: [], suggestions: [{ start: 5, end: 8, label: 'actor', text: 'x', score: 1, reasons: [], line: 0 }] };
  const merged = withSuggestions(base, [{ start: 1, end: 3, label: 'date', text: 'y', score: 1, reasons: [], line: 0, source: 'suggester:toy' }]);
  assert.deepEqual(merged.suggestions.map((s) => s.start), [1, 5]);
  assert.equal(withSuggestions(base, []), base);
});
