import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, corpusUri, eventually, writeFile } from './helpers';

const CORPUS_DOC = '003_6f51ad4c3a314f5b.txt';
const NOTE = 'notes/todo.txt';

async function open(uri: vscode.Uri): Promise<void> {
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
}

/** The document as it is now (setTextDocumentLanguage replaces the TextDocument object). */
function current(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

async function languageAfterSettling(uri: vscode.Uri): Promise<string | undefined> {
  await new Promise((r) => setTimeout(r, 1500));
  return current(uri)?.languageId;
}

suite('language: which text files are news documents', () => {
  const root = () => vscode.workspace.workspaceFolders![0].uri;

  suiteSetup(async () => {
    await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(corpusUri('notes'), { recursive: true }).then(undefined, () => undefined);
    await vscode.workspace.getConfiguration('newsmark').update('corpusFolders', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('after "Treat Folder as Corpus" a corpus page opens as news-text', async () => {
    const entry = await vscode.commands.executeCommand<string>('newsmark.treatFolderAsCorpus', root().toString());
    assert.equal(entry, '.');
    assert.deepEqual(vscode.workspace.getConfiguration('newsmark').get('corpusFolders'), ['.']);
    const uri = corpusUri(CORPUS_DOC);
    await open(uri);
    await eventually(() => current(uri)?.languageId === 'news-text', 5000, 'news-text');
  });

  test('a text file in another folder of the workspace stays plaintext', async () => {
    const note = corpusUri(NOTE);
    await writeFile(note, 'Buy milk.\nCall the office on 22/3.\n');
    await open(note);
    assert.equal(await languageAfterSettling(note), 'plaintext');
  });

  test('"Treat File as News Text" makes that one file news-text', async () => {
    const note = corpusUri(NOTE);
    await open(note);
    assert.equal(await vscode.commands.executeCommand('newsmark.treatFileAsNewsText', note.toString()), true);
    await eventually(() => current(note)?.languageId === 'news-text', 5000, 'news-text');
  });

  test('a news document the user switches back to plaintext stays plaintext', async () => {
    const uri = corpusUri(CORPUS_DOC);
    await open(uri);
    const doc = await eventually(() => (current(uri)?.languageId === 'news-text' ? current(uri) : undefined), 5000, 'news-text');
    await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
    assert.equal(await languageAfterSettling(uri), 'plaintext');
  });

  test('a folder holding a sidecar is a corpus folder without being marked', async () => {
    await vscode.workspace.getConfiguration('newsmark').update('corpusFolders', undefined, vscode.ConfigurationTarget.Workspace);
    const other = corpusUri('notes/page.txt');
    await writeFile(other, 'A page.\n');
    await writeFile(corpusUri('notes/page.txt.ann.yaml'), 'newsmark: 1\ndocument: page.txt\nstatus: todo\nannotations: []\ndismissed: []\n');
    await open(other);
    await eventually(() => current(other)?.languageId === 'news-text', 5000, 'news-text');
  });
});
