// In a workspace that is not trusted, a suggester that runs a program is not started, even from the user's
// own settings (tools/test.js puts one there, writing a marker file if it ever starts); the page still
// gets the detectors' suggestions, and the user is told why the suggester is missing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, eventually, openEditor } from '../integration/helpers';

suite('external suggesters in an untrusted workspace', () => {
  test('a program suggester from the user settings does not start; the detectors still suggest', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this suite runs in restricted mode');
    const configured = vscode.workspace.getConfiguration('newsmark').inspect<Array<{ name: string }>>('suggesters')?.globalValue;
    assert.deepEqual(configured?.map((s) => s.name), ['program'], 'the suggester is in the user settings');
    const nm = await api();
    const editor = await openEditor('002_0b10614dcc1a5691.txt');
    await nm.settle();
    const view = await eventually(() => nm.view(editor.document.uri), 10_000, 'analysis');
    assert.ok(view.suggestions.length > 0, "the detectors' suggestions are shown");
    assert.ok(!view.suggestions.some((s) => s.source?.startsWith('suggester:')));
    const marker = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'program.started');
    assert.ok(!fs.existsSync(marker), 'the suggester program was started');
    assert.deepEqual(nm.suggesterReports(), ['Newsmark: suggester "program" runs a program, so it starts only in a trusted workspace.']);
  });
});
