import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseSidecar } from '../../src/core/sidecar/codec';
import { api, corpusUri, eventually, openEditor, readFile } from './helpers';

const DOC = '002_0b10614dcc1a5691.txt';

async function sidecar(name: string) {
  const text = await readFile(corpusUri(`${name}.ann.yaml`));
  return text === undefined ? undefined : parseSidecar(text).data;
}

async function codeActionsAt(editor: vscode.TextEditor, offset: number): Promise<vscode.CodeAction[]> {
  const pos = editor.document.positionAt(offset);
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(pos, pos));
}

suite('suggestions: shown, explained, accepted, dismissed', () => {
  test('an opened sample page has body lines, boilerplate lines, actor and date suggestions', async () => {
    const nm = await api();
    const editor = await openEditor(DOC);
    await nm.settle();
    const view = await eventually(() => nm.view(editor.document.uri), 5000, 'analysis');
    assert.ok(view.bodyLines.length > 3, 'body lines suggested');
    assert.ok(view.boilerplateLines.length > 3, 'boilerplate lines dimmed');
    assert.ok(view.suggestions.some((s) => s.label === 'actor'), 'actor suggestions');
    assert.ok(view.suggestions.some((s) => s.label === 'date'), 'date suggestions');
    const drawn = nm.decorations(editor.document.uri)!;
    assert.equal(drawn['suggestion:actor'].length, view.suggestions.filter((s) => s.label === 'actor').length);
    // Dimmed in blocks: every boilerplate line lies in a drawn block, and no body line does.
    const inBlock = (offset: number) => drawn['boilerplate'].some((r) => r.start <= offset && offset <= r.end);
    assert.ok(view.boilerplateLines.every((l) => inBlock(l.start)), 'every boilerplate line is dimmed');
    assert.ok(!view.bodyLines.some((l) => inBlock(l.start)), 'no suggested body line is dimmed');
  });

  test('quick fixes on a suggestion: accept (preferred), other label, dismiss, accept all, everywhere', async () => {
    const nm = await api();
    const editor = await openEditor(DOC);
    await nm.settle();
    const s = (await nm.view(editor.document.uri))!.suggestions.find((x) => x.label === 'actor')!;
    const actions = await codeActionsAt(editor, s.start + 1);
    const titles = actions.map((a) => a.title);
    const accept = actions.find((a) => a.isPreferred);
    assert.ok(accept && accept.title.startsWith('Accept'), titles.join(' | '));
    assert.ok(titles.some((t) => t.startsWith('Dismiss suggestion')), titles.join(' | '));
    assert.ok(titles.some((t) => /^Accept all \d+ Actor suggestions/.test(t)), titles.join(' | '));
    assert.ok(titles.some((t) => t.startsWith('Tag every')), titles.join(' | '));
    assert.ok(titles.some((t) => t.startsWith('Tag the suggested article body')), titles.join(' | '));
    assert.ok(titles.some((t) => t === 'Mark this line as boilerplate'), titles.join(' | '));
    await vscode.commands.executeCommand(accept!.command!.command, ...(accept!.command!.arguments ?? []));
    await nm.settle();
    const saved = await eventually(async () => (await sidecar(DOC))?.annotations.find((a) => a.start === s.start && a.end === s.end));
    assert.equal(saved.label, 'actor');
    assert.equal(saved.source, 'accepted');
    assert.ok(!(await nm.view(editor.document.uri))!.suggestions.some((x) => x.start === s.start && x.label === 'actor'), 'accepted suggestion no longer pending');
  });

  test('a dismissed suggestion stays gone, also after the sidecar is read again', async () => {
    const nm = await api();
    const editor = await openEditor(DOC);
    await nm.settle();
    const s = (await nm.view(editor.document.uri))!.suggestions.find((x) => x.label === 'date')!;
    await vscode.commands.executeCommand('newsmark.dismissSuggestion', { uri: editor.document.uri.toString(), start: s.start, end: s.end, label: s.label });
    await nm.settle();
    const saved = await eventually(async () => (await sidecar(DOC))?.dismissed.find((d) => d.start === s.start));
    assert.equal(saved.label, 'date');
    // Rewrite the sidecar on disk (as git would): the dismissal is read back and still honoured.
    const text = (await readFile(corpusUri(`${DOC}.ann.yaml`)))!;
    await vscode.workspace.fs.writeFile(corpusUri(`${DOC}.ann.yaml`), new TextEncoder().encode(`# touched by hand\n${text}`));
    await eventually(() => nm.document(editor.document.uri)!.dismissed.some((d) => d.start === s.start));
    await nm.settle();
    assert.ok(!(await nm.view(editor.document.uri))!.suggestions.some((x) => x.start === s.start && x.label === 'date'));
  });

  test('tagging the suggested body tags every suggested line', async () => {
    const nm = await api();
    const editor = await openEditor(DOC);
    await nm.settle();
    const lines = (await nm.view(editor.document.uri))!.bodyLines.length;
    await vscode.commands.executeCommand('newsmark.tagSuggestedBody');
    await nm.settle();
    const body = nm.document(editor.document.uri)!.annotations.filter((a) => a.label === 'body');
    assert.equal(body.length, lines);
    assert.equal((await nm.view(editor.document.uri))!.bodyLines.length, 0);
  });

  test('keyboard flow: next suggestion moves the cursor, accept at cursor tags it', async () => {
    const nm = await api();
    const editor = await openEditor('001_3cd509aeb15531bf.txt');
    await nm.settle();
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const next = await vscode.commands.executeCommand<{ start: number; label: string }>('newsmark.nextSuggestion');
    assert.equal(editor.document.offsetAt(editor.selection.active), next.start);
    const added = await vscode.commands.executeCommand<unknown[]>('newsmark.acceptSuggestion');
    assert.equal(added.length, 1);
  });

  test('tag every occurrence in the corpus writes the other documents\' sidecars', async () => {
    const nm = await api();
    await openEditor('004_1f563e580e8e183d.txt');
    const result = await vscode.commands.executeCommand<{ documents: number; tags: number }>('newsmark.acceptEverywhere', {
      label: 'actor',
      text: 'Moscow',
      confirm: false,
    });
    assert.ok(result.documents >= 2, `documents: ${result.documents}`);
    await nm.settle();
    let withTag = 0;
    for (const uri of await vscode.workspace.findFiles('*.txt')) {
      const data = await sidecar(uri.path.split('/').pop()!);
      if (data?.annotations.some((a) => a.text === 'Moscow' && a.label === 'actor')) withTag++;
    }
    assert.equal(withTag, result.documents);
  });
});

suite('suggestions on a very large page', () => {
  test('a 3 MB page opens and is analysed around what is visible, with a status note', async () => {
    const nm = await api();
    const parts: string[] = [];
    for (const name of ['000_a01ac1149689500e.txt', '001_3cd509aeb15531bf.txt', '002_0b10614dcc1a5691.txt']) parts.push((await readFile(corpusUri(name)))!);
    let text = '';
    while (text.length < 3_000_000) text += parts.join('\n\n');
    const uri = corpusUri('large/three-megabytes.txt');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await nm.settle();
    const view = await eventually(() => nm.view(uri), 30_000, 'analysis of the large page');
    assert.equal(view.partial, true);
    assert.ok(view.suggestions.length > 0, 'suggestions near the top');
    const visibleEnd = editor.document.offsetAt(editor.visibleRanges[0].end);
    assert.ok(view.suggestions.every((s) => s.start < visibleEnd + 500_000), 'none far below the visible part');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(uri, '..'), { recursive: true });
  });

  test('typing in a 300 KB page: the changed line is re-analysed at once, the whole page once typing pauses', async () => {
    const nm = await api();
    const page = (await readFile(corpusUri(DOC)))!;
    let text = '';
    while (text.length < 300_000) text += `${page}\n\n`;
    const uri = corpusUri('large/three-hundred-kilobytes.txt');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await nm.settle();
    const before = await eventually(() => nm.view(uri), 30_000, 'first analysis');
    // a long prose line: body on its own evidence, also once its text changed
    const prose = before.bodyLines.filter((l) => l.end - l.start > 300);
    const line = prose[Math.floor(prose.length / 2)].line;
    const end = editor.document.lineAt(line).range.end;
    await editor.edit((b) => b.insert(end, ' ngày 12/3/2021'));
    const typedAt = editor.document.offsetAt(end) + ' ngày '.length;
    const quick = await eventually(async () => {
      const last = nm.lastAnalysis(uri);
      const view = await nm.view(uri);
      return last?.quick && view?.version === editor.document.version ? view : undefined;
    }, 10_000, 'a quick re-analysis');
    const date = quick.suggestions.find((s) => s.label === 'date' && s.start === typedAt);
    assert.ok(date, 'the typed date is suggested right after the keystroke');
    assert.equal(date.value, '2021-03-12');
    await nm.settle();
    assert.equal(nm.lastAnalysis(uri)?.quick, false, 'a full analysis follows');
    // and agrees (the detectors' own output: whether the line is shown as body is the body detector's call)
    const full = nm.analysis(uri)!;
    assert.ok(full.suggestions.some((s) => s.label === 'date' && s.start === typedAt && s.value === '2021-03-12'), 'and agrees');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(uri, '..'), { recursive: true });
  });
});
