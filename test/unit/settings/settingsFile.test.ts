import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSettingsFile, settingsFromFile } from '../../../src/core/settingsFile';
import { pageRule } from '../../../src/core/pages';

test('a settings file with comments and trailing commas is read as VS Code reads it', () => {
  const text = [
    '// Workspace settings',
    '{',
    '  /* where the tags live */',
    '  "newsmark.sidecars.folder": ".newsmark/tags", // mirrored',
    '  "newsmark.corpus": ["corpus/**/*.txt",],',
    '  "newsmark.corpusFolders": ["corpus/a"],',
    '  "newsmark.labels": [{ "id": "place", "name": "Place" },],',
    '  "newsmark.lexicons": ["lexicons/extra"],',
    '  "editor.wordWrap": "on",',
    '}',
  ].join('\n');
  const file = parseSettingsFile(text);
  assert.deepEqual(file.problems, []);
  const settings = settingsFromFile(file.values);
  assert.equal(settings.sidecarFolder, '.newsmark/tags');
  assert.deepEqual(settings.corpusGlobs, ['corpus/**/*.txt']);
  assert.deepEqual(settings.corpusFolders, ['corpus/a']);
  assert.deepEqual(settings.labels.map((l) => l.id), ['place']);
  assert.deepEqual(settings.lexicons, ['lexicons/extra']);
});

test('an empty settings file, or none, gives the defaults', () => {
  for (const text of ['', '  \n', '{}', '// nothing yet\n']) {
    const file = parseSettingsFile(text);
    assert.deepEqual(file.problems, [], JSON.stringify(text));
    const settings = settingsFromFile(file.values);
    assert.equal(settings.sidecarFolder, '');
    assert.deepEqual(settings.corpusGlobs, ['**/*.txt']);
    assert.deepEqual(settings.labels.map((l) => l.id), ['body', 'actor', 'date']);
  }
});

test('a broken settings file gives its problem with line and column, not an exception', () => {
  const file = parseSettingsFile('{\n  "newsmark.sidecars.folder": ".newsmark/tags"\n  "newsmark.corpus": ["**/*.txt"]\n}\n');
  assert.deepEqual(file.values, {});
  assert.equal(file.problems.length > 0, true);
  assert.deepEqual({ line: file.problems[0].line, col: file.problems[0].col, severity: file.problems[0].severity }, { line: 3, col: 3, severity: 'error' });
  assert.match(file.problems[0].message, /","/);
  const unclosed = parseSettingsFile('{\n  "newsmark.sidecars.folder": ".newsmark/tags",\n  /* a comment\n');
  assert.equal(unclosed.problems[0].line, 3);
  assert.match(unclosed.problems[0].message, /comment/);
  const notObject = parseSettingsFile('["newsmark.corpus"]');
  assert.match(notObject.problems[0].message, /one object/);
});

test('a news page matches the corpus globs and lies in no hidden, export or sidecar folder', () => {
  const rule = pageRule({ corpusGlobs: ['**/*.txt'], sidecarFolder: 'tags' });
  assert.equal(rule.isPage('story.txt'), true);
  assert.equal(rule.isPage('corpus/a/story.txt'), true);
  assert.equal(rule.isPage('corpus/a/story.md'), false);
  assert.equal(rule.isPage('corpus/a/story.txt.ann.yaml'), false);
  assert.equal(rule.isPage('.newsmark/tags/corpus/a/story.txt'), false);
  assert.equal(rule.isPage('tags/corpus/a/story.txt'), false);
  assert.equal(rule.isPage('node_modules/x/readme.txt'), false);
  assert.equal(rule.isPage('export/corpus.txt'), false);
  assert.equal(rule.isPage('../outside.txt'), false);
  const scoped = pageRule({ corpusGlobs: ['corpus/**/*.{txt,md}', 'extra/*.txt'] });
  assert.equal(scoped.isPage('corpus/story.md'), true);
  assert.equal(scoped.isPage('corpus/a/b/story.txt'), true);
  assert.equal(scoped.isPage('extra/story.txt'), true);
  assert.equal(scoped.isPage('extra/sub/story.txt'), false);
  assert.equal(scoped.isPage('readme.txt'), false);
  const across = pageRule({ corpusGlobs: ['{corpus/**/*.txt,extra/*.md}'] });
  assert.equal(across.isPage('corpus/a/story.txt'), true);
  assert.equal(across.isPage('extra/note.md'), true);
  assert.equal(across.isPage('extra/note.txt'), false);
  // A file-name pattern (the command line's --glob) instead of the globs: any folder.
  const byName = pageRule({ corpusGlobs: ['corpus/*.txt'], fileName: '*.md' });
  assert.equal(byName.isPage('notes/a.md'), true);
  assert.equal(byName.isPage('corpus/a.txt'), false);
  assert.throws(() => pageRule({ corpusGlobs: ['/abs/*.txt'] }), /relative to the workspace/);
  assert.throws(() => pageRule({ corpusGlobs: ['../*.txt'] }), /\.\./);
});
