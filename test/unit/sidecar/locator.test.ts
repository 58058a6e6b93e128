import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SidecarLocator } from '../../../src/core/sidecar/locator';

test('beside the page: the sidecar is the page name plus .ann.yaml, and back', () => {
  const at = new SidecarLocator('/ws');
  assert.equal(at.mirrored, false);
  assert.equal(at.sidecarFor('/ws/corpus/a/story.txt'), '/ws/corpus/a/story.txt.ann.yaml');
  assert.equal(at.pageFor('/ws/corpus/a/story.txt.ann.yaml'), '/ws/corpus/a/story.txt');
  assert.equal(at.pageFor('/ws/corpus/a/story.txt'), undefined);
  assert.equal(at.documentField('/ws/corpus/a/story.txt'), 'story.txt');
  // A sidecar folder that is the workspace itself is the same layout.
  assert.equal(new SidecarLocator('/ws', '.').mirrored, false);
});

test('mirrored folder: the tree of the workspace under the sidecar folder, and back', () => {
  for (const folder of ['.newsmark/tags', '.newsmark/tags/', './.newsmark/tags']) {
    const at = new SidecarLocator('/ws/', folder);
    assert.equal(at.mirrored, true);
    assert.equal(at.sidecarRoot, '/ws/.newsmark/tags');
    assert.equal(at.sidecarFor('/ws/corpus/a/story.txt'), '/ws/.newsmark/tags/corpus/a/story.txt.ann.yaml');
    assert.equal(at.pageFor('/ws/.newsmark/tags/corpus/a/story.txt.ann.yaml'), '/ws/corpus/a/story.txt');
  }
  const at = new SidecarLocator('/ws', '.newsmark/tags');
  // The document field is the page's file name in this layout too.
  assert.equal(at.documentField('/ws/corpus/a/story.txt'), 'story.txt');
  // A page outside the workspace keeps its sidecar beside it.
  assert.equal(at.sidecarFor('/elsewhere/y.txt'), '/elsewhere/y.txt.ann.yaml');
  // An absolute sidecar folder (a command-line flag) mirrors the workspace too.
  const absolute = new SidecarLocator('/ws', '/data/tags');
  assert.equal(absolute.sidecarFor('/ws/x.txt'), '/data/tags/x.txt.ann.yaml');
  assert.equal(absolute.pageFor('/data/tags/x.txt.ann.yaml'), '/ws/x.txt');
});

test('the document field names the page, resolved against the folder the sidecar stands for', () => {
  const beside = new SidecarLocator('/ws');
  const sidecar = '/ws/corpus/story.txt.ann.yaml';
  assert.deepEqual(beside.resolveDocument(sidecar, 'story.txt'), { path: '/ws/corpus/story.txt', legacy: false });
  assert.deepEqual(beside.resolveDocument(sidecar, './story.txt'), { path: '/ws/corpus/story.txt', legacy: false });
  assert.deepEqual(beside.resolveDocument('/ws/corpus/x.ann.yaml', 'sub/story.txt'), { path: '/ws/corpus/sub/story.txt', legacy: false });
  assert.deepEqual(beside.resolveDocument('/ws/corpus/x.ann.yaml', 'Tin bài ệ 😀.txt'), { path: '/ws/corpus/Tin bài ệ 😀.txt', legacy: false });
  const mirrored = new SidecarLocator('/ws', '.newsmark/tags');
  assert.deepEqual(mirrored.resolveDocument('/ws/.newsmark/tags/corpus/a/story.txt.ann.yaml', 'story.txt'), { path: '/ws/corpus/a/story.txt', legacy: false });
});

test('a mirrored tree moved whole still names its pages', () => {
  // The same sidecar text, read under another sidecar folder: the field holds no path of the old place.
  const moved = new SidecarLocator('/ws', 'annotations/alice');
  assert.deepEqual(moved.resolveDocument('/ws/annotations/alice/corpus/a/story.txt.ann.yaml', 'story.txt'), { path: '/ws/corpus/a/story.txt', legacy: false });
});

test('old-rule sidecars (a relative path from the mirrored sidecar to its page) are read, flagged for rewriting', () => {
  const at = new SidecarLocator('/ws', '.newsmark/tags');
  const sidecar = '/ws/.newsmark/tags/corpus/a/story.txt.ann.yaml';
  assert.deepEqual(at.resolveDocument(sidecar, '../../../../corpus/a/story.txt'), { path: '/ws/corpus/a/story.txt', legacy: true });
  // A path that lands on another page, or outside the workspace, is refused.
  assert.equal(at.resolveDocument(sidecar, '../../../../corpus/a/other.txt'), undefined);
  assert.equal(at.resolveDocument(sidecar, '../../../../../etc/passwd'), undefined);
  // An old-rule path written beside the page that leads back to it is harmless and read.
  const beside = new SidecarLocator('/ws');
  assert.deepEqual(beside.resolveDocument('/ws/corpus/story.txt.ann.yaml', '../corpus/story.txt'), { path: '/ws/corpus/story.txt', legacy: true });
});

test('references escaping the folder are refused', () => {
  for (const at of [new SidecarLocator('/ws'), new SidecarLocator('/ws', '.tags')]) {
    const sidecar = at.sidecarFor('/ws/corpus/story.txt');
    for (const bad of ['../secret.txt', 'a/../../b.txt', 'a/../b.txt', '..', '/etc/passwd', 'C:/x.txt', 'c:x.txt',
      '..\\x.txt', 'a\\b.txt', 'story.txt\0.png', '', '.', './', 'dir/']) {
      assert.equal(at.resolveDocument(sidecar, bad), undefined, JSON.stringify(bad));
    }
  }
});
