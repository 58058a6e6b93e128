import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

suite('walkthrough', () => {
  test('every command a walkthrough step links to or completes on is registered', async () => {
    const ext = vscode.extensions.getExtension('newsmark.newsmark')!;
    await ext.activate();
    const pkg = ext.packageJSON as { contributes: { walkthroughs: Array<{ steps: Array<{ description: string; completionEvents?: string[] }> }> } };
    const nls = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, 'package.nls.json')))) as Record<string, string>;
    const registered = new Set(await vscode.commands.getCommands(true));
    const wanted = new Set<string>();
    for (const step of pkg.contributes.walkthroughs.flatMap((w) => w.steps)) {
      const description = step.description.replace(/^%(.+)%$/, (_, key: string) => nls[key] ?? '');
      for (const m of description.matchAll(/command:([\w.]+)/g)) wanted.add(m[1]);
      for (const e of step.completionEvents ?? []) if (e.startsWith('onCommand:')) wanted.add(e.slice('onCommand:'.length));
    }
    assert.ok(wanted.size >= 5, `walkthrough commands: ${[...wanted].join(', ')}`);
    for (const id of wanted) assert.ok(registered.has(id), `${id} is registered`);
  });

  test('the first step\'s command runs and counts the corpus', async () => {
    const summary = await vscode.commands.executeCommand<{ documents: number }>('newsmark.showCorpusSummary');
    assert.ok(summary.documents >= 5);
  });
});
