// External suggesters in the real editor: the `newsmark.suggesters` user setting, a workspace setting that must
// not start anything, and a suggester that crashes. The suggesters are the Python example of examples/ and a
// test program that misbehaves on purpose; python3 runs them as it would for a user.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Suggestion } from '../../src/core/model/types';
import { api, corpusUri, eventually, openEditor, writeFile } from './helpers';

const ROOT = vscode.extensions.getExtension('newsmark.newsmark')!.extensionPath;
const EXAMPLE = path.join(ROOT, 'examples', 'suggester', 'capitalised_names.py');
const MISBEHAVING = path.join(ROOT, 'test', 'fixtures', 'suggesters', 'misbehaving.py');

// An invented article: emoji (two UTF-16 units, one code point) come before the names the model finds.
const PAGE = [
  '📰📰 World desk 🌍',
  '',
  'Envoys meet in Geneva 🚀 to talk about the harbour treaty',
  '',
  'On 12/3/2021 the envoy Maria Helena Costa met her counterpart Jonas Lindqvist in Geneva, where the two spoke for three hours about the harbour treaty and the fishing quotas that go with it.',
  '',
  'After the meeting the envoy said that the talks had been long but useful, and that both sides would write down what they had agreed before the end of the month.',
  '',
].join('\n');

const config = () => vscode.workspace.getConfiguration('newsmark');
const fromSuggester = (suggestions: readonly Suggestion[], name: string) => suggestions.filter((s) => s.source === `suggester:${name}`);

async function setUserSuggesters(value: unknown): Promise<void> {
  await config().update('suggesters', value, vscode.ConfigurationTarget.Global);
}

suite('external suggesters', () => {
  teardown(async () => {
    await setUserSuggesters(undefined);
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const name of ['suggested-emoji.txt', 'suggested-emoji.txt.ann.yaml']) await vscode.workspace.fs.delete(corpusUri(name)).then(undefined, () => undefined);
  });

  test('a suggester from user settings places its spans after emoji and is named in the hover', async () => {
    const nm = await api();
    const uri = corpusUri('suggested-emoji.txt');
    await writeFile(uri, PAGE);
    await setUserSuggesters([{ name: 'capitals', command: `python3 ${EXAMPLE}`, labels: ['actor', 'date'] }]);
    const editor = await openEditor('suggested-emoji.txt');
    const mine = await eventually(async () => {
      const view = await nm.view(uri);
      const found = fromSuggester(view?.suggestions ?? [], 'capitals');
      return found.length >= 3 ? found : undefined;
    }, 30_000, 'suggestions from the suggester');
    for (const s of mine) assert.equal(PAGE.slice(s.start, s.end), s.text);
    assert.deepEqual(mine.map((s) => [s.label, s.text]), [['date', '12/3/2021'], ['actor', 'Maria Helena Costa'], ['actor', 'Jonas Lindqvist']]);
    // the detectors' own suggestions are there too
    assert.ok((await nm.view(uri))!.suggestions.some((s) => s.source === undefined));

    const costa = mine.find((s) => s.text === 'Maria Helena Costa')!;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, editor.document.positionAt(costa.start + 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /suggested by capitals/);
    assert.match(text, /Source: capitals/);

    // Accepting it makes a tag like any other suggestion's.
    const pos = editor.document.positionAt(costa.start + 1);
    editor.selection = new vscode.Selection(pos, pos);
    await vscode.commands.executeCommand('newsmark.acceptSuggestion');
    await nm.settle();
    assert.ok(nm.document(uri)!.annotations.some((a) => a.start === costa.start && a.end === costa.end && a.label === 'actor'));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('a suggester in the workspace settings never starts; the same one in user settings does', async () => {
    const nm = await api();
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const marker = (name: string) => path.join(folder.fsPath, `${name}.started`);
    const settingsFile = vscode.Uri.joinPath(folder, '.vscode', 'settings.json');
    const before = fs.existsSync(settingsFile.fsPath) ? fs.readFileSync(settingsFile.fsPath, 'utf8') : undefined;
    try {
      await writeFile(settingsFile, JSON.stringify({
        'newsmark.guidelines': 'team-guidelines.md',
        'newsmark.suggesters': [{ name: 'fromrepo', command: `python3 ${MISBEHAVING} good ${marker('fromrepo')}` }],
      }, null, 2));
      // the workspace settings are read (a setting that may come from there has its value)
      await eventually(() => config().get('guidelines') === 'team-guidelines.md', 10_000, 'the workspace settings to be read');
      await setUserSuggesters([
        { name: 'mine', command: `python3 ${MISBEHAVING} good ${marker('mine')}` },
        { name: 'capitals', command: `python3 ${EXAMPLE}` },
      ]);
      const uri = corpusUri('suggested-emoji.txt');
      await openEditor('suggested-emoji.txt');
      // both user suggesters were started and asked (the second one's suggestions show)
      await eventually(async () => fromSuggester((await nm.view(uri))?.suggestions ?? [], 'capitals').length > 0, 30_000, 'the user suggesters answer');
      await eventually(() => fs.existsSync(marker('mine')), 30_000, 'the first user suggester to start');
      assert.ok(!fs.existsSync(marker('fromrepo')), 'the workspace setting started a program');
      assert.deepEqual(fromSuggester((await nm.view(uri))!.suggestions, 'fromrepo'), []);
    } finally {
      if (before === undefined) await vscode.workspace.fs.delete(settingsFile);
      else await writeFile(settingsFile, before);
      for (const name of ['mine', 'fromrepo']) fs.rmSync(marker(name), { force: true });
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  test('a crashing suggester costs only its own suggestions and is reported once with its name', async () => {
    const nm = await api();
    const uri = corpusUri('suggested-emoji.txt');
    await setUserSuggesters([
      { name: 'broken', command: `python3 ${MISBEHAVING} crash` },
      { name: 'capitals', command: `python3 ${EXAMPLE}` },
    ]);
    await openEditor('suggested-emoji.txt');
    await eventually(async () => fromSuggester((await nm.view(uri))?.suggestions ?? [], 'capitals').length > 0, 30_000, 'the working suggester answers');
    const reports = await eventually(() => {
      const about = nm.suggesterReports().filter((r) => r.includes('"broken"'));
      return about.some((r) => r.includes('stopped')) ? about : undefined;
    }, 30_000, 'the broken suggester to be stopped');
    const crashes = reports.filter((r) => r.includes('exited with code 3'));
    assert.equal(crashes.length, 2, reports.join('\n')); // the first crash, then the stop
    assert.match(crashes[0], /^Newsmark: suggester "broken" exited with code 3; its last words on stderr: .*the model file is missing; trying again in 250 ms$/);
    assert.match(crashes[1], /stopped after 5 failures in a row/);
    const view = (await nm.view(uri))!;
    assert.deepEqual(fromSuggester(view.suggestions, 'broken'), []);
    assert.ok(view.suggestions.some((s) => s.source === undefined), "the detectors' suggestions stay");
    assert.ok(!nm.suggesterReports().some((r) => r.includes('"capitals"')));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
