// The seam between the two front ends: what the editor writes, the command line reads, in both sidecar
// layouts (beside the page; a mirrored folder set by newsmark.sidecars.folder).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, cli, corpusUri, eventually, openEditor, readFile, select, writeFile } from './helpers';

const PAGE = 'President Barack Obama met Nguyen Van An on 22/3/2021 in Hanoi.\nSecond line of the page.\n';
const MIRROR = '.newsmark/seams';

interface ExportRecord {
  spans: { label: string; text: string }[];
  meta: { document: string };
}

/** `newsmark export` of the workspace, run as a user runs it: the bundled CLI in a child process. */
function exportWithCli(): { records: ExportRecord[]; stderr: string } {
  const out = path.join(os.tmpdir(), `newsmark-seams-${process.pid}-${Date.now()}`);
  try {
    const r = cli('export', '.', '--format', 'jsonl', '--out', out);
    assert.ok(fs.existsSync(path.join(out, 'corpus.jsonl')), `the export ran: ${r.stderr}`);
    const records = fs.readFileSync(path.join(out, 'corpus.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as ExportRecord);
    return { records, stderr: r.stderr };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

function tagsOf(records: ExportRecord[], document: string): string[] {
  const record = records.find((r) => r.meta.document === document);
  assert.ok(record, `${document} is exported`);
  return record.spans.map((s) => `${s.label} ${s.text}`).sort();
}

async function tagActor(name: string, text: string): Promise<void> {
  const nm = await api();
  const editor = await openEditor(name);
  await eventually(() => nm.document(editor.document.uri), 5000, 'the page to load');
  select(editor, text);
  await vscode.commands.executeCommand('newsmark.tagActor');
  await nm.settle();
}

suite('seams: the editor writes, the command line reads', () => {
  const config = () => vscode.workspace.getConfiguration('newsmark');

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await config().update('sidecars.folder', undefined, vscode.ConfigurationTarget.Workspace);
    for (const rel of ['seams', MIRROR]) await vscode.workspace.fs.delete(corpusUri(rel), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  test('beside the page: a tag made in the editor is exported by newsmark export', async () => {
    await writeFile(corpusUri('seams/beside/story.txt'), PAGE);
    await tagActor('seams/beside/story.txt', 'Barack Obama');
    const sidecar = await eventually(() => readFile(corpusUri('seams/beside/story.txt.ann.yaml')), 5000, 'the sidecar beside the page');
    assert.match(sidecar, /^document: story\.txt$/m);
    assert.deepEqual(tagsOf(exportWithCli().records, 'seams/beside/story.txt'), ['actor Barack Obama']);
  });

  test('mirrored folder: a tag made in the editor is exported with it, and an old-form sidecar is read and rewritten', async () => {
    await config().update('sidecars.folder', MIRROR, vscode.ConfigurationTarget.Workspace);
    await eventually(() => config().get('sidecars.folder') === MIRROR, 5000, 'the setting');
    // Pages opened after the setting changed: their sidecars are looked up in the mirror.
    await writeFile(corpusUri('seams/mirror/story.txt'), PAGE);
    const oldStart = PAGE.indexOf('Nguyen Van An');
    await writeFile(corpusUri('seams/mirror/old.txt'), PAGE);
    // Written by the editor's old rule: the page's path relative to the mirrored sidecar.
    await writeFile(corpusUri(`${MIRROR}/seams/mirror/old.txt.ann.yaml`), [
      'newsmark: 1', 'document: ../../../../seams/mirror/old.txt', 'status: in-progress', 'annotations:',
      '  - id: t1', '    label: actor', `    start: ${oldStart}`, `    end: ${oldStart + 13}`, '    text: Nguyen Van An', '    source: manual', 'dismissed: []', '',
    ].join('\n'));

    await tagActor('seams/mirror/story.txt', 'Barack Obama');
    const mirrored = await eventually(() => readFile(corpusUri(`${MIRROR}/seams/mirror/story.txt.ann.yaml`)), 5000, 'the mirrored sidecar');
    assert.match(mirrored, /^document: story\.txt$/m, 'the document field is the page name');
    assert.equal(await readFile(corpusUri('seams/mirror/story.txt.ann.yaml')), undefined, 'nothing beside the page');

    const nm = await api();
    const old = await vscode.workspace.openTextDocument(corpusUri('seams/mirror/old.txt'));
    const state = await eventually(() => nm.document(old.uri), 5000, 'the old-form page to load');
    assert.deepEqual(state.annotations.map((a) => a.text), ['Nguyen Van An'], 'the old-form sidecar is read');
    await tagActor('seams/mirror/old.txt', 'Barack Obama');
    const rewritten = await eventually(async () => {
      const text = await readFile(corpusUri(`${MIRROR}/seams/mirror/old.txt.ann.yaml`));
      return text && /^document: old\.txt$/m.test(text) ? text : undefined;
    }, 5000, 'the old-form sidecar rewritten by the new rule');
    assert.match(rewritten, /Nguyen Van An/);

    const { records, stderr } = exportWithCli();
    assert.deepEqual(tagsOf(records, 'seams/mirror/story.txt'), ['actor Barack Obama']);
    assert.deepEqual(tagsOf(records, 'seams/mirror/old.txt'), ['actor Barack Obama', 'actor Nguyen Van An']);
    assert.doesNotMatch(stderr, /seams\/mirror/, 'no problem reported for these pages');
    // The first test's sidecar beside its page is not read in this layout, and the command line says so.
    assert.match(stderr, /seams\/beside\/story\.txt\.ann\.yaml:1:1: warning: not read/);
  });
});
