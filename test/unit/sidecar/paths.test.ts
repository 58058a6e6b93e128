import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  documentPathForSidecar, isSidecarPath, sidecarPathFor,
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
