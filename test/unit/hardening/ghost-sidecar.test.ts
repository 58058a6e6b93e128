// A sidecar whose page is gone (deleted, renamed) is reported by stats and export, not ignored (D23).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildCli, removeCli, cli, files, page, scratch } from '../cliRun';

const GHOST = 'newsmark: 1\ndocument: gone.txt\nannotations:\n  - {id: t1, label: actor, start: 0, end: 5, text: Hello}\n';
const WARNING = 'corpus/sub/gone.txt.ann.yaml:1:1: warning: its page gone.txt does not exist: the tags in this sidecar are not used '
  + '(put the page back or rename the sidecar after its new name; delete the sidecar if the page is gone for good)';

describe('a sidecar without its page', () => {
  before(buildCli);
  after(removeCli);

  it('stats and export warn at the sidecar, once; a page outside --glob is not missing', () => {
    const w = scratch('d23');
    files(w, { 'corpus/a.txt': page('a'), 'corpus/sub/gone.txt.ann.yaml': GHOST, 'corpus/notes.md': 'n\n', 'corpus/notes.md.ann.yaml': GHOST.replace('gone.txt', 'notes.md') });
    const stats = cli(w, 'stats', 'corpus');
    assert.equal(stats.status, 0, stats.stderr);
    assert.deepEqual(stats.stderr.trim().split('\n'), [WARNING]);
    assert.match(stats.stdout, /^sidecars without their page: 1$/m);
    const exported = cli(w, 'export', 'corpus', '--format', 'jsonl', '--out', 'out');
    assert.equal(exported.status, 0, exported.stderr);
    assert.deepEqual(exported.stderr.trim().split('\n'), [WARNING]);
  });

  it('in a mirrored sidecar folder too (--sidecars)', () => {
    const w = scratch('d23m');
    files(w, { 'corpus/a.txt': page('a'), 'tags/a.txt.ann.yaml': GHOST.replace('gone.txt', 'a.txt'), 'tags/sub/gone.txt.ann.yaml': GHOST });
    const stats = cli(w, 'stats', 'corpus', '--sidecars', 'tags');
    assert.equal(stats.status, 0, stats.stderr);
    assert.deepEqual(stats.stderr.trim().split('\n'), [WARNING.replace('corpus/sub/', 'tags/sub/')]);
    assert.match(stats.stdout, /^sidecars without their page: 1$/m);
  });
});
