// Drives the real editor into the states the README shows; scripts/screenshots.js photographs each one when
// this logs `NEWSMARK_SHOT name`.
import * as vscode from 'vscode';
import type { NewsmarkApi } from '../../src/editor/api';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function shot(name: string): Promise<void> {
  await pause(1200);
  console.log(`NEWSMARK_SHOT ${name}`);
  await pause(2500); // the photographer works from outside the host
}

export async function run(): Promise<void> {
  const nm = (await vscode.extensions.getExtension<NewsmarkApi>('newsmark.newsmark')!.activate())!;
  await nm.ready;
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const uri = vscode.Uri.joinPath(folder, '000_a01ac1149689500e.txt');
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await nm.settle();
  // A page half-way through review: some suggestions accepted, the rest still dotted.
  const view = (await nm.view(uri))!;
  for (const s of view.suggestions.filter((x) => x.label === 'actor').slice(0, 3)) {
    await vscode.commands.executeCommand('newsmark.acceptSuggestion', { uri: uri.toString(), start: s.start, end: s.end, label: s.label });
  }
  const firstBody = view.bodyLines[1] ?? view.bodyLines[0];
  await vscode.commands.executeCommand('newsmark.tagSuggestedBody', { uri: uri.toString() });
  await nm.settle();
  const target = editor.document.positionAt(firstBody.start);
  editor.revealRange(new vscode.Range(target, target), vscode.TextEditorRevealType.AtTop);
  await shot('editor');

  const tag = nm.document(uri)!.annotations.find((a) => a.label === 'actor')!;
  editor.selection = new vscode.Selection(editor.document.positionAt(tag.start + 2), editor.document.positionAt(tag.start + 2));
  editor.revealRange(new vscode.Range(editor.selection.active, editor.selection.active), vscode.TextEditorRevealType.InCenter);
  await vscode.commands.executeCommand('editor.action.showHover');
  await shot('hover');
  await vscode.commands.executeCommand('editor.action.hideHover');

  const pending = (await nm.view(uri))!.suggestions[0];
  if (pending) {
    editor.selection = new vscode.Selection(editor.document.positionAt(pending.start + 1), editor.document.positionAt(pending.start + 1));
    editor.revealRange(new vscode.Range(editor.selection.active, editor.selection.active), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await shot('quickfix');
    await vscode.commands.executeCommand('hideCodeActionWidget');
  }

  await vscode.commands.executeCommand('workbench.view.extension.newsmark');
  await nm.views.ready();
  await shot('view');
  console.log(`NEWSMARK_RESULT ${JSON.stringify({ passed: 1, failed: 0, skipped: 0 })}`);
}
