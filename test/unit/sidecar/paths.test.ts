import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  documentPathForSidecar, isSidecarPath, resolveDocumentRef, sidecarPathFor,
} from '../../../src/core/sidecar/paths';

test('a sidecar sits beside its document by default', () => {
  assert.equal(sidecarPathFor('/ws/corpus/story.txt'), '/ws/corpus/story.txt.ann.yaml');
  assert.equal(documentPathForSidecar('/ws/corpus/story.txt.ann.yaml'), '/ws/corpus/story.txt');
  assert.equal(documentPathForSidecar('/ws/corpus/story.txt'), undefined);
});

test('with a sidecar root, sidecars mirror the workspace tree under it', () => {
  const layout = { sidecarRoot: '.newsmark/tags', workspaceRoot: '/ws' };
  assert.equal(sidecarPathFor('/ws/corpus/a/story.txt', layout), '/ws/.newsmark/tags/corpus/a/story.txt.ann.yaml');
  assert.equal(documentPathForSidecar('/ws/.newsmark/tags/corpus/a/story.txt.ann.yaml', layout), '/ws/corpus/a/story.txt');
  const absolute = { sidecarRoot: '/data/tags', workspaceRoot: '/ws' };
  assert.equal(sidecarPathFor('/ws/x.txt', absolute), '/data/tags/x.txt.ann.yaml');
  assert.equal(documentPathForSidecar('/data/tags/x.txt.ann.yaml', absolute), '/ws/x.txt');
  // A document outside the workspace keeps its sidecar beside it; so does a sidecar outside the root.
  assert.equal(sidecarPathFor('/elsewhere/y.txt', layout), '/elsewhere/y.txt.ann.yaml');
  assert.equal(documentPathForSidecar('/ws/corpus/z.txt.ann.yaml', layout), '/ws/corpus/z.txt');
});

test('isSidecarPath recognises the .ann.yaml suffix only', () => {
  assert.equal(isSidecarPath('/ws/story.txt.ann.yaml'), true);
  assert.equal(isSidecarPath('story.ann.yaml'), true);
  assert.equal(isSidecarPath('/ws/.ann.yaml'), false);
  assert.equal(isSidecarPath('/ws/story.yaml'), false);
  assert.equal(isSidecarPath('/ws/story.ann.yml'), false);
});

test('resolveDocumentRef resolves inside the sidecar folder', () => {
  assert.equal(resolveDocumentRef('/ws/corpus/story.txt.ann.yaml', 'story.txt'), '/ws/corpus/story.txt');
  assert.equal(resolveDocumentRef('/ws/corpus/story.txt.ann.yaml', './story.txt'), '/ws/corpus/story.txt');
  assert.equal(resolveDocumentRef('/ws/corpus/x.ann.yaml', 'sub/story.txt'), '/ws/corpus/sub/story.txt');
  assert.equal(resolveDocumentRef('/ws/corpus/x.ann.yaml', 'Tin bài ệ 😀.txt'), '/ws/corpus/Tin bài ệ 😀.txt');
  // Mirrored: relative to the folder of the mirrored document.
  const layout = { sidecarRoot: '/ws/.tags', workspaceRoot: '/ws' };
  assert.equal(resolveDocumentRef('/ws/.tags/corpus/story.txt.ann.yaml', 'story.txt', layout), '/ws/corpus/story.txt');
});

test('resolveDocumentRef refuses references escaping the folder', () => {
  const sidecar = '/ws/corpus/story.txt.ann.yaml';
  for (const bad of ['../secret.txt', 'a/../../b.txt', 'a/../b.txt', '..', '/etc/passwd', 'C:/x.txt', 'c:x.txt',
    '..\\x.txt', 'a\\b.txt', 'story.txt\0.png', '', '.', './', 'dir/']) {
    assert.equal(resolveDocumentRef(sidecar, bad), undefined, JSON.stringify(bad));
  }
});
