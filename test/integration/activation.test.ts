import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

suite('activation', () => {
  test('Newsmark activates in the sample corpus and counts its documents', async () => {
    const ext = vscode.extensions.getExtension('newsmark.newsmark');
    assert.ok(ext, 'extension is installed');
    await ext.activate();
    const summary = await vscode.commands.executeCommand<{ documents: number }>('newsmark.showCorpusSummary');
    assert.equal(summary.documents, 5);
  });

  test('the detectors run in a worker thread, off the editor\'s typing path', async () => {
    const nm = await vscode.extensions.getExtension<{ detectorsRunIn: string }>('newsmark.newsmark')!.activate();
    assert.equal(nm.detectorsRunIn, 'worker');
  });
});
