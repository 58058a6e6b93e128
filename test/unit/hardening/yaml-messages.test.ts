// Problems in hand-edited sidecars tell the annotator where (PATH:LINE:COL) and what to change, in words
// that need no knowledge of the YAML parser (D24).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildCli, removeCli, cli, files, page, scratch } from '../cliRun';

const HEAD = (name: string) => `newsmark: 1\ndocument: ${name}.txt\n`;

describe('sidecar problems in the annotator\'s words', () => {
  before(buildCli);
  after(removeCli);

  it('deep nesting, a second document, a merge key, a tab and an unclosed quote: where, and what to fix', () => {
    const w = scratch('d24');
    const sidecars: Record<string, string> = {
      deep: `${HEAD('deep')}x: ${'['.repeat(10000)}${']'.repeat(10000)}\nannotations: []\n`,
      multi: `${HEAD('multi')}annotations: []\n---\nnewsmark: 1\n`,
      merge: `${HEAD('merge')}base: &base {label: actor, source: manual}\nannotations:\n  - <<: *base\n    id: m1\n    start: 10\n    end: 22\n    text: Barack Obama\n`,
      tab: `${HEAD('tab')}annotations:\n\t- id: t1\n`,
      quote: `${HEAD('quote')}annotations:\n  - id: q1\n    label: actor\n    text: "Barack Obama\n    start: 10\n`,
    };
    const content: Record<string, string> = {};
    for (const [name, yaml] of Object.entries(sidecars)) Object.assign(content, { [`corpus/${name}.txt`]: page(name), [`corpus/${name}.txt.ann.yaml`]: yaml });
    files(w, content);
    const r = cli(w, 'stats', 'corpus');
    assert.equal(r.status, 1);
    const byFile = new Map(r.stderr.trim().split('\n').map((line) => [line.slice(0, line.indexOf('.ann.yaml:')), line] as const));
    const expect: Record<string, RegExp> = {
      'corpus/deep.txt': /^corpus\/deep\.txt\.ann\.yaml:3:\d+: Lists or mappings are nested far too deeply here .*Delete the extra brackets\./,
      'corpus/multi.txt': /^corpus\/multi\.txt\.ann\.yaml:4:1: A second YAML document starts here \(a "---" line\): a sidecar holds one\. Delete this line and what follows it/,
      'corpus/merge.txt': /^corpus\/merge\.txt\.ann\.yaml:5:5: Annotation "m1": it uses a YAML merge key \("<<: \*name"\), which sidecars do not read: write the keys it would bring in/,
      'corpus/tab.txt': /^corpus\/tab\.txt\.ann\.yaml:4:1: This line is indented with a tab: YAML indents with spaces only\. Replace the tab with spaces\./,
      'corpus/quote.txt': /^corpus\/quote\.txt\.ann\.yaml:6:11: This quoted text is never closed: add the closing quote at its end/,
    };
    for (const [file, pattern] of Object.entries(expect)) assert.match(byFile.get(file) ?? '(nothing)', pattern, file);
    assert.doesNotMatch(r.stderr, /Maximum call stack|parseAllDocuments|must be a non-empty string/, 'no parser words alone');
  });
});
