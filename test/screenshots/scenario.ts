// Drives the real editor into the states the README shows; tools/screenshots.js photographs each one when
// this logs `NEWSMARK_SHOT name`.
import * as vscode from 'vscode';
import type { Annotation, SidecarData } from '../../src/core/model/types';
import { serialiseSidecar } from '../../src/core/sidecar/codec';
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

  // Compare mode: a second annotator tagged the same page a little differently.
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  const mine = nm.document(uri)!.annotations.filter((a) => a.label === 'actor');
  const extra = (await nm.view(uri))!.suggestions.filter((x) => x.label === 'actor' || x.label === 'date').slice(0, 2);
  const text = editor.document.getText();
  const lastWord = (a: { start: number; end: number }) => {
    const cut = text.slice(a.start, a.end).lastIndexOf(' ');
    return cut > 0 ? { start: a.start + cut + 1, end: a.end } : a;
  };
  const theirs: Annotation[] = [
    ...mine.map((a, i) => (i === 1 ? { ...a, id: `b${i}`, ...lastWord(a), text: text.slice(lastWord(a).start, a.end) } : { ...a, id: `b${i}` })),
    ...extra.map((x, i) => ({ id: `x${i}`, label: x.label, start: x.start, end: x.end, text: x.text, source: 'manual' as const })),
  ].map((a) => ({ ...a, by: 'bob' }));
  const bob = vscode.Uri.joinPath(folder, '.newsmark/tags/bob/000_a01ac1149689500e.txt.ann.yaml');
  const data: SidecarData = { newsmark: 1, document: '000_a01ac1149689500e.txt', status: 'done', annotations: theirs, dismissed: [] };
  await vscode.workspace.fs.writeFile(bob, new TextEncoder().encode(serialiseSidecar(data)));
  await vscode.commands.executeCommand('newsmark.compareWith', [{ name: 'bob', folder: '.newsmark/tags/bob' }]);
  const ghost = (await nm.ghosts(uri)).find((g) => g.kind === 'boundary') ?? (await nm.ghosts(uri))[0];
  if (ghost) {
    editor.selection = new vscode.Selection(editor.document.positionAt(ghost.start + 1), editor.document.positionAt(ghost.start + 1));
    editor.revealRange(new vscode.Range(editor.selection.active, editor.selection.active), vscode.TextEditorRevealType.InCenter);
    await pause(500);
    await vscode.commands.executeCommand('editor.action.showHover');
    await shot('compare');
    await vscode.commands.executeCommand('editor.action.hideHover');
  }
  console.log(`NEWSMARK_RESULT ${JSON.stringify({ passed: 1, failed: 0, skipped: 0 })}`);
}
