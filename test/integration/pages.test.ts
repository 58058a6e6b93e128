// Pages the editor and the command line must read alike: a page saved with a UTF-8 byte order mark has the
// same offsets in the editor, in its sidecar and in what the command-line tool detects and exports (D20).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseSidecar } from '../../src/core/sidecar/codec';
import { api, cli, corpusUri, eventually, openEditor, readFile, select } from './helpers';

const BOM_PAGE = 'zz-bom-page.txt';
const TEXT = 'Tổng thống Barack Obama gặp ông Nguyễn Văn An ngày 22/3/2021 tại Hà Nội.\nDòng thứ hai.\n';

suite('pages read alike by the editor and the command line', () => {
  const cleanup: vscode.Uri[] = [];

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of cleanup) await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
  });

  test('a page with a UTF-8 BOM: a tag made in the editor has the offsets the command line detects and exports', async () => {
    const page = corpusUri(BOM_PAGE);
    cleanup.push(page, corpusUri(`${BOM_PAGE}.ann.yaml`));
    fs.writeFileSync(page.fsPath, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]));
    const nm = await api();
    const editor = await openEditor(BOM_PAGE);
    assert.equal(editor.document.getText(), TEXT, 'the editor shows the text without the BOM');
    const view = await eventually(async () => (await nm.view(editor.document.uri))?.suggestions.find((x) => x.label === 'date'), 10_000, 'a date suggestion');
    assert.equal(view.start, TEXT.indexOf('22/3/2021'));
    const span = select(editor, 'Barack Obama');
    await vscode.commands.executeCommand('newsmark.tagActor');
    await nm.settle();
    const tag = await eventually(async () => {
      const text = await readFile(corpusUri(`${BOM_PAGE}.ann.yaml`));
      return text === undefined ? undefined : parseSidecar(text).data?.annotations.find((a) => a.label === 'actor');
    }, 10_000, 'the sidecar');
    assert.deepEqual([tag.start, tag.end], [span.start, span.end]);

    const detected = cli('detect', BOM_PAGE, '--json');
    assert.equal(detected.status, 0, detected.stderr);
    const suggestions = (JSON.parse(detected.stdout) as { suggestions: Array<{ text: string; start: number; end: number }> }).suggestions;
    const date = suggestions.find((s) => s.text.startsWith('22/3'));
    assert.ok(date, `the command line suggests the date: ${detected.stdout}`);
    assert.deepEqual([date.start, date.end], [view.start, view.end], 'the same offsets as in the editor');

    const out = path.join(os.tmpdir(), `newsmark-bom-export-${process.pid}`);
    cleanup.push(vscode.Uri.file(out));
    const exported = cli('export', '.', '--glob', BOM_PAGE, '--format', 'jsonl', '--out', out);
    assert.equal(exported.status, 0, exported.stderr);
    assert.doesNotMatch(exported.stderr, /orphan/);
    const record = JSON.parse(fs.readFileSync(path.join(out, 'corpus.jsonl'), 'utf8').trim()) as { text: string; spans: Array<{ start: number; end: number; text: string }> };
    assert.equal(record.text, TEXT);
    const actor = record.spans.find((s) => s.text === 'Barack Obama');
    assert.ok(actor, JSON.stringify(record.spans));
    assert.equal(Array.from(TEXT).slice(actor.start, actor.end).join(''), 'Barack Obama');
  });

  test('a sidecar whose page does not exist is a problem at the sidecar (D23)', async () => {
    const ghost = corpusUri('zz-gone.txt.ann.yaml');
    cleanup.push(ghost);
    fs.writeFileSync(ghost.fsPath, 'newsmark: 1\ndocument: zz-gone.txt\nannotations:\n  - {id: t1, label: actor, start: 0, end: 5, text: Hello}\n');
    const nm = await api();
    await nm.rebuildCorpus();
    const problems = await eventually(() => vscode.languages.getDiagnostics(ghost).filter((d) => d.source === 'Newsmark'), 10_000, 'a problem at the sidecar');
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /^its page zz-gone\.txt does not exist: the tags in this sidecar are not used/);
    const others = vscode.languages.getDiagnostics().filter(([uri, ds]) => uri.toString() !== ghost.toString() && ds.some((d) => /does not exist: the tags/.test(d.message)));
    assert.deepEqual(others.map(([uri]) => uri.toString()), [], 'no other sidecar is taken for one without its page');
  });
});
