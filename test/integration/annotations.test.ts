import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseSidecar } from '../../src/core/sidecar/codec';
import { api, corpusUri, eventually, openEditor, readFile, select, writeFile } from './helpers';

const DOC = '000_a01ac1149689500e.txt';
const sidecarOf = (name: string) => corpusUri(`${name}.ann.yaml`);

async function sidecarData(name: string) {
  const text = await readFile(sidecarOf(name));
  return text === undefined ? undefined : parseSidecar(text).data;
}

suite('annotations: tag, save, follow edits, review', () => {
  test('tagging a selection as actor writes the sidecar with the right offsets', async () => {
    const nm = await api();
    const editor = await openEditor(DOC);
    const span = select(editor, 'Vladimir Putin');
    await vscode.commands.executeCommand('newsmark.tagActor');
    await nm.settle();
    const data = await eventually(async () => (await sidecarData(DOC))?.annotations.find((a) => a.label === 'actor'), 5000, 'sidecar');
    assert.equal(data.start, span.start);
    assert.equal(data.end, span.end);
    assert.equal(data.text, 'Vladimir Putin');
    assert.equal(data.source, 'manual');
    assert.ok(data.before && data.before.endsWith('Tổng thống Nga '), `context before: ${data.before}`);
    const drawn = nm.decorations(editor.document.uri);
    assert.deepEqual(drawn?.['tag:actor'], [span]);
  });

  test('typing above a tag shifts its offsets in the sidecar', async () => {
    const nm = await api();
    const editor = await openEditor(DOC);
    const before = (await sidecarData(DOC))!.annotations.find((a) => a.text === 'Vladimir Putin')!;
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'XYZ '));
    await nm.settle();
    const after = await eventually(async () => (await sidecarData(DOC))?.annotations.find((a) => a.text === 'Vladimir Putin' && a.start === before.start + 4));
    assert.equal(after.end, before.end + 4);
    assert.equal(after.id, before.id);
    // Typing inside the name keeps the tag around it.
    const at = editor.document.positionAt(after.start + 'Vladimir'.length);
    await editor.edit((b) => b.insert(at, ' V.'));
    await nm.settle();
    // The store applies the edit asynchronously (and may merge its own save back from disk): wait for it.
    const grown = await eventually(() => nm.document(editor.document.uri)?.annotations.find((a) => a.id === before.id && a.text === 'Vladimir V. Putin'), 10_000, 'the tag to grow around the typed text');
    assert.equal(grown.text, 'Vladimir V. Putin');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await nm.settle();
  });

  test('undo and redo the last annotation change', async () => {
    const nm = await api();
    const editor = await openEditor(DOC);
    select(editor, 'Bộ Ngoại giao Nga');
    await vscode.commands.executeCommand('newsmark.tagActor');
    const has = () => nm.document(editor.document.uri)!.annotations.some((a) => a.text === 'Bộ Ngoại giao Nga');
    assert.ok(has());
    await vscode.commands.executeCommand('newsmark.undo');
    assert.ok(!has(), 'undo removes the tag');
    await vscode.commands.executeCommand('newsmark.redo');
    assert.ok(has(), 'redo brings it back');
    await nm.settle();
    assert.ok((await sidecarData(DOC))!.annotations.some((a) => a.text === 'Bộ Ngoại giao Nga'));
  });

  test('hover shows every tag at a position, with value, source and command links', async () => {
    const nm = await api();
    const editor = await openEditor(DOC);
    const span = select(editor, 'Vladimir Putin');
    editor.selection = new vscode.Selection(editor.document.positionAt(span.start), editor.document.positionAt(span.start));
    await vscode.commands.executeCommand('newsmark.tagBody');
    await nm.settle();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(span.start + 3));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /\*\*Actor\*\*/);
    assert.match(text, /\*\*Body\*\*/);
    assert.match(text, /Source: manual/);
    assert.match(text, /command:newsmark\.removeTag\?/);
    assert.match(text, /command:newsmark\.changeLabel\?/);
  });

  test('a sidecar edited on disk is picked up and drawn', async () => {
    const nm = await api();
    const editor = await openEditor(DOC);
    const text = editor.document.getText();
    const start = text.indexOf('22/3');
    const yaml = (await readFile(sidecarOf(DOC)))!.replace(
      /^annotations:\n/m,
      `annotations:\n  - id: disk1\n    label: date\n    start: ${start}\n    end: ${start + 4}\n    text: 22/3\n    value: 2021-03-22\n    source: manual\n`,
    );
    await writeFile(sidecarOf(DOC), yaml);
    const drawn = await eventually(() => nm.decorations(editor.document.uri)?.['tag:date']?.find((r) => r.start === start), 10_000, 'date decoration');
    assert.equal(drawn.end, start + 4);
  });

  test('a broken sidecar is reported at its line and never overwritten', async () => {
    const nm = await api();
    const name = '003_6f51ad4c3a314f5b.txt';
    const broken = 'newsmark: 1\ndocument: 003_6f51ad4c3a314f5b.txt\nannotations:\n  - id: a1\n    label: [actor\n';
    await writeFile(sidecarOf(name), broken);
    const editor = await openEditor(name);
    await nm.settle();
    const diags = await eventually(() => vscode.languages.getDiagnostics(sidecarOf(name)).filter((d) => d.source === 'Newsmark'), 10_000, 'diagnostic');
    assert.ok(diags[0].range.start.line >= 3, `error positioned at line ${diags[0].range.start.line + 1}`);
    select(editor, 'Nga');
    await vscode.commands.executeCommand('newsmark.tagActor');
    await nm.settle();
    assert.equal(await readFile(sidecarOf(name)), broken, 'the broken sidecar is untouched');
    assert.equal(nm.document(editor.document.uri)!.writable, false);
    await vscode.workspace.fs.delete(sidecarOf(name));
  });
});

suite('annotations: two writers on one sidecar', () => {
  test('a tag another window adds on disk joins ours; neither is lost', async () => {
    const nm = await api();
    const name = '004_1f563e580e8e183d.txt';
    const editor = await openEditor(name);
    select(editor, 'Nga');
    await vscode.commands.executeCommand('newsmark.tagActor');
    await nm.settle();
    const ours = await eventually(async () => (await sidecarData(name))?.annotations.find((a) => a.text === 'Nga'), 10_000, 'our tag on disk');
    // The other window, like ours, writes what it read plus its own tag.
    const theirs = editor.document.getText().indexOf('Mỹ');
    const current = (await readFile(sidecarOf(name)))!;
    await writeFile(sidecarOf(name), current.replace(/^annotations:\n/m, `annotations:\n  - id: other1\n    label: actor\n    start: ${theirs}\n    end: ${theirs + 2}\n    text: Mỹ\n    source: manual\n`));
    await eventually(() => nm.document(editor.document.uri)!.annotations.some((a) => a.id === 'other1'), 10_000, 'their tag in the editor');
    // Our next change is saved on top of theirs, not over it.
    select(editor, 'Nga', 1);
    await vscode.commands.executeCommand('newsmark.tagActor');
    await nm.settle();
    const data = (await sidecarData(name))!;
    assert.ok(data.annotations.some((a) => a.id === 'other1'), 'their tag kept');
    assert.ok(data.annotations.some((a) => a.id === ours.id), 'our first tag kept');
    assert.equal(data.annotations.filter((a) => a.text === 'Nga').length, 2, 'our second tag saved');
  });
});

suite('annotations: nothing lost when the window reloads', () => {
  test('a tag made just before the extension is deactivated is on disk afterwards', async () => {
    const nm = await api();
    const name = 'reload-suite.txt';
    await writeFile(corpusUri(name), 'Ana Lima spoke in Hanoi.\n');
    try {
      const editor = await openEditor(name);
      await nm.settle();
      // What VS Code runs on a reload: the extension module's own deactivate (the instance the host loaded).
      const ext = vscode.extensions.getExtension('newsmark.newsmark')!;
      const main = (await import(`${ext.extensionPath}/dist/extension.js`)) as { deactivate(): Promise<void> };
      select(editor, 'Ana Lima');
      await vscode.commands.executeCommand('newsmark.tagActor');
      await main.deactivate(); // at once, inside the store's 250 ms save debounce
      const onDisk = await readFile(sidecarOf(name));
      assert.ok(onDisk, 'the sidecar was written before deactivate returned');
      assert.deepEqual(parseSidecar(onDisk).data?.annotations.map((a) => a.text), ['Ana Lima']);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await nm.settle();
      for (const f of [name, `${name}.ann.yaml`]) await vscode.workspace.fs.delete(corpusUri(f)).then(undefined, () => undefined);
    }
  });
});

suite('annotations: selections, labels, status', () => {
  const name = '001_3cd509aeb15531bf.txt';

  test('multiple cursors tag every selection; an empty selection tags the word under the cursor', async () => {
    const nm = await api();
    const editor = await openEditor(name);
    const text = editor.document.getText();
    const first = text.indexOf('Nga');
    const second = text.indexOf('Nga', first + 3);
    const pos = (o: number) => editor.document.positionAt(o);
    editor.selections = [new vscode.Selection(pos(first), pos(first + 3)), new vscode.Selection(pos(second), pos(second + 3))];
    const added = await vscode.commands.executeCommand<unknown[]>('newsmark.tagActor');
    assert.equal(added.length, 2);
    const word = text.indexOf('Mỹ');
    editor.selection = new vscode.Selection(pos(word + 1), pos(word + 1));
    await vscode.commands.executeCommand('newsmark.tagDate');
    const tags = nm.document(editor.document.uri)!.annotations;
    assert.ok(tags.some((a) => a.label === 'date' && a.start === word && a.text === 'Mỹ'), 'the whole word under the cursor');
    // The same label on the same span is not duplicated.
    editor.selection = new vscode.Selection(pos(first), pos(first + 3));
    const again = await vscode.commands.executeCommand<unknown[]>('newsmark.tagActor');
    assert.equal(again.length, 0);
  });

  test('a label added in the settings can be used at once, and the document status is saved', async () => {
    const nm = await api();
    const editor = await openEditor(name);
    const config = vscode.workspace.getConfiguration('newsmark');
    await config.update('labels', [{ id: 'body', name: 'Body' }, { id: 'actor', name: 'Actor' }, { id: 'date', name: 'Date' }, { id: 'place', name: 'Place', color: '#2a9d8f' }], vscode.ConfigurationTarget.Workspace);
    try {
      select(editor, 'Washington');
      const added = await vscode.commands.executeCommand<Array<{ label: string }>>('newsmark.tagAs', 'place');
      assert.equal(added[0].label, 'place');
      await nm.settle();
      assert.equal(nm.decorations(editor.document.uri)?.['tag:place']?.length, 1);
      await vscode.commands.executeCommand('newsmark.setStatus', { uri: editor.document.uri.toString(), status: 'done' });
      await nm.settle();
      const saved = (await sidecarData(name))!;
      assert.equal(saved.status, 'done');
      assert.ok(saved.annotations.some((a) => a.label === 'place' && a.text === 'Washington'));
    } finally {
      await config.update('labels', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
