import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { exporters } from '../../src/core/export/registry';
import type { Manifest } from '../../src/core/export/types';
import { parseSidecar } from '../../src/core/sidecar/codec';
import type { ImportSummary } from '../../src/editor/exportImport';
import { api, corpusUri, eventually, readFile, writeFile } from './helpers';

const EXPORTED = '001_3cd509aeb15531bf.txt';
const IMPORTED = '003_6f51ad4c3a314f5b.txt';
const OPEN_IMPORT = '004_1f563e580e8e183d.txt';

/** A folder outside the workspace, so the exported .txt files never join the corpus. */
function scratch(name: string): vscode.Uri {
  return vscode.Uri.file(path.join(os.tmpdir(), `newsmark-${name}-${process.pid}-${Date.now()}`));
}

function offsetOf(text: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `"${needle}" #${nth}`);
  return at;
}

const codePoints = (s: string) => Array.from(s).length;

suite('export and import', () => {
  const cleanup: vscode.Uri[] = [];
  let docText: string;
  let actorStart: number;
  let dateStart: number;

  suiteSetup(async () => {
    await api();
    docText = (await readFile(corpusUri(EXPORTED)))!;
    // One body line holding both the actor and the date, so the body-only formats (conll) carry them too.
    dateStart = offsetOf(docText, '22/3');
    const bodyStart = docText.lastIndexOf('\n', dateStart) + 1;
    const bodyLine = docText.slice(bodyStart, docText.indexOf('\n', dateStart));
    actorStart = docText.indexOf('Biden', bodyStart);
    assert.ok(actorStart > bodyStart && actorStart < dateStart);
    const yaml = [
      'newsmark: 1',
      `document: ${EXPORTED}`,
      'status: done',
      'annotations:',
      '  - id: a1',
      '    label: actor',
      `    start: ${actorStart}`,
      `    end: ${actorStart + 5}`,
      '    text: Biden',
      '    source: manual',
      '  - id: d1',
      '    label: date',
      `    start: ${dateStart}`,
      `    end: ${dateStart + 4}`,
      '    text: 22/3',
      '    value: 2021-03-22',
      '    source: manual',
      '  - id: b1',
      '    label: body',
      `    start: ${bodyStart}`,
      `    end: ${bodyStart + bodyLine.length}`,
      `    text: ${JSON.stringify(bodyLine)}`,
      '    source: manual',
      'dismissed: []',
      '',
    ].join('\n');
    await writeFile(corpusUri(`${EXPORTED}.ann.yaml`), yaml);
    cleanup.push(corpusUri(`${EXPORTED}.ann.yaml`), corpusUri(`${IMPORTED}.ann.yaml`), corpusUri(`${OPEN_IMPORT}.ann.yaml`));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of cleanup) await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
  });

  test('exports the corpus in all six formats, with spans that slice the text', async () => {
    assert.equal(exporters.size, 6);
    for (const format of exporters.keys()) {
      const out = scratch(`export-${format}`);
      cleanup.push(out);
      const manifest = await vscode.commands.executeCommand<Manifest>('newsmark.exportData', { format, out: out.toString() });
      assert.ok(manifest, `${format}: a manifest`);
      assert.equal(manifest.format, format);
      assert.ok(manifest.documents.exported >= 1, `${format}: documents exported`);
      assert.ok(manifest.files.includes('manifest.json'));
      for (const file of manifest.files) {
        const content = await readFile(vscode.Uri.joinPath(out, ...file.split('/')));
        assert.ok(content !== undefined, `${format}: ${file} written`);
      }
      const written = JSON.parse((await readFile(vscode.Uri.joinPath(out, 'manifest.json')))!) as Manifest;
      assert.deepEqual(written.tags, manifest.tags);
      if (format !== 'text') assert.ok((manifest.tags.actor ?? 0) >= 1 && (manifest.tags.date ?? 0) >= 1, `${format}: tags ${JSON.stringify(manifest.tags)}`);
    }
  });

  test('jsonl spans are code point offsets that slice to the tagged text', async () => {
    const out = scratch('export-jsonl-check');
    cleanup.push(out);
    await vscode.commands.executeCommand('newsmark.exportData', { format: 'jsonl', out: out.toString() });
    const lines = (await readFile(vscode.Uri.joinPath(out, 'corpus.jsonl')))!.split('\n').filter(Boolean);
    const records = lines.map((l) => JSON.parse(l) as { text: string; spans: Array<{ start: number; end: number; label: string; text: string; value?: string }>; meta: { document: string } });
    assert.ok(records.length >= 5, `${records.length} records`);
    const mine = records.find((r) => r.meta.document === EXPORTED);
    assert.ok(mine, 'the tagged document is exported');
    assert.equal(mine.text, docText);
    for (const r of records) {
      for (const s of r.spans) assert.equal(Array.from(r.text).slice(s.start, s.end).join(''), s.text, `${r.meta.document} ${s.label} ${s.start}`);
    }
    const actor = mine.spans.find((s) => s.label === 'actor')!;
    assert.equal(actor.start, codePoints(docText.slice(0, actorStart)));
    assert.equal(mine.spans.find((s) => s.label === 'date')?.value, '2021-03-22');
  });

  test('onlyDone and labels narrow the export', async () => {
    const out = scratch('export-done');
    cleanup.push(out);
    const manifest = await vscode.commands.executeCommand<Manifest>('newsmark.exportData', { format: 'jsonl', out: out.toString(), onlyDone: true, labels: ['date'] });
    const records = (await readFile(vscode.Uri.joinPath(out, 'corpus.jsonl')))!.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { spans: Array<{ label: string }>; meta: { document: string } });
    assert.ok(records.some((r) => r.meta.document === EXPORTED));
    assert.ok(records.every((r) => r.spans.every((s) => s.label === 'date')));
    assert.equal(manifest.documents.exported, records.length);
    assert.ok(manifest.documents.skipped >= 1);
  });

  test('imports a brat pair into a closed document: a new sidecar, then duplicates on a second import', async () => {
    const text = (await readFile(corpusUri(IMPORTED)))!;
    const at = offsetOf(text, 'Biden');
    const folder = scratch('import-brat');
    cleanup.push(folder);
    const cp = codePoints(text.slice(0, at));
    await writeFile(vscode.Uri.joinPath(folder, 'page.txt'), text);
    await writeFile(vscode.Uri.joinPath(folder, 'page.ann'), `T1\tactor ${cp} ${cp + 5}\tBiden\n#1\tAnnotatorNotes T1\tJoe Biden\n`);
    const annUri = vscode.Uri.joinPath(folder, 'page.ann').toString();

    const first = await vscode.commands.executeCommand<ImportSummary>('newsmark.importData', { files: [annUri] });
    assert.equal(first.added, 1);
    assert.equal(first.unmatched, 0);
    // An earlier suite may have left the page open (not shown): then the import went through the store.
    await (await api()).settle();
    const sidecar = parseSidecar((await readFile(corpusUri(`${IMPORTED}.ann.yaml`)))!).data;
    assert.ok(sidecar, 'the sidecar parses');
    assert.equal(sidecar.document, IMPORTED);
    const tag = sidecar.annotations.find((a) => a.label === 'actor')!;
    assert.deepEqual([tag.start, tag.end, tag.text, tag.value, tag.source], [at, at + 5, 'Biden', 'Joe Biden', 'imported']);

    const again = await vscode.commands.executeCommand<ImportSummary>('newsmark.importData', { files: [annUri] });
    assert.equal(again.added, 0);
    assert.equal(again.duplicates, 1);
  });

  test('a record whose text differs from every document is unmatched; a broken sidecar is never overwritten', async () => {
    const folder = scratch('import-unmatched');
    cleanup.push(folder);
    await writeFile(vscode.Uri.joinPath(folder, 'other.txt'), 'Biden is not in the corpus in this form.\n');
    await writeFile(vscode.Uri.joinPath(folder, 'other.ann'), 'T1\tactor 0 5\tBiden\n');
    const unmatched = await vscode.commands.executeCommand<ImportSummary>('newsmark.importData', { files: [vscode.Uri.joinPath(folder, 'other.ann').toString()] });
    assert.deepEqual([unmatched.added, unmatched.unmatched], [0, 1]);

    const broken = 'newsmark: 1\ndocument: x\nannotations: [\n';
    await writeFile(corpusUri(`${IMPORTED}.ann.yaml`), broken);
    const text = (await readFile(corpusUri(IMPORTED)))!;
    await writeFile(vscode.Uri.joinPath(folder, 'page.txt'), text);
    const nga = codePoints(text.slice(0, offsetOf(text, 'Nga')));
    await writeFile(vscode.Uri.joinPath(folder, 'page.ann'), `T1\tactor ${nga} ${nga + 3}\tNga\n`);
    const skipped = await vscode.commands.executeCommand<ImportSummary>('newsmark.importData', { files: [vscode.Uri.joinPath(folder, 'page.ann').toString()] });
    assert.equal(skipped.added, 0);
    assert.equal(skipped.skipped, 1);
    assert.equal(await readFile(corpusUri(`${IMPORTED}.ann.yaml`)), broken);
  });

  test('imports a jsonl record into an open document through the editor', async () => {
    const nm = await api();
    const uri = corpusUri(OPEN_IMPORT);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    const text = doc.getText();
    const at = offsetOf(text, 'Biden');
    const folder = scratch('import-jsonl');
    cleanup.push(folder);
    const record = { text, spans: [{ start: at, end: at + 5, label: 'actor', text: 'Biden' }], meta: { document: OPEN_IMPORT, offsets: 'utf16' } };
    await writeFile(vscode.Uri.joinPath(folder, 'records.jsonl'), JSON.stringify(record) + '\n');
    const summary = await vscode.commands.executeCommand<ImportSummary>('newsmark.importData', { files: [vscode.Uri.joinPath(folder, 'records.jsonl').toString()] });
    assert.equal(summary.added, 1);
    const tag = nm.document(uri)?.annotations.find((a) => a.label === 'actor' && a.start === at);
    assert.ok(tag, 'the open document has the imported tag');
    assert.equal(tag.source, 'imported');
    await nm.settle();
    const saved = await eventually(async () => parseSidecar((await readFile(corpusUri(`${OPEN_IMPORT}.ann.yaml`))) ?? '').data, 5000, 'the sidecar');
    assert.ok(saved.annotations.some((a) => a.start === at && a.source === 'imported'));
  });
});
