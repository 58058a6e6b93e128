import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

suite('installed package', () => {
  test('the installed .vsix (not the development folder) activates and runs a command', async () => {
    const ext = vscode.extensions.getExtension('newsmark.newsmark');
    assert.ok(ext, 'Newsmark is installed');
    assert.ok(ext.extensionPath.includes(`${path.sep}extensions${path.sep}`), `loaded from the extensions folder, not ${ext.extensionPath}`);
    await ext.activate();
    const summary = await vscode.commands.executeCommand<{ documents: number }>('newsmark.showCorpusSummary');
    assert.equal(summary.documents, 5);
  });
});
