import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseSidecar } from '../../src/core/sidecar/codec';
import { api, corpusUri, eventually, openEditor, readFile, select, writeFile } from './helpers';

// Pages of this suite's own, removed at the end so the other suites see the corpus they expect.
const PAGE = 'review-suite/page.txt';
const TEXT = 'Minister Ana Lima met Bo Chen in Hanoi on 3 May.\nLater Ana Lima flew home.\n';
const MERGE_PAGE = 'review-suite/merge.txt';

async function sidecarData(name: string) {
  const text = await readFile(corpusUri(`${name}.ann.yaml`));
  return text === undefined ? undefined : parseSidecar(text).data;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

/** Runs the command link titled `title` in the hover at `offset`, as a click on it would. */
async function clickHoverLink(uri: vscode.Uri, offset: number, title: string): Promise<unknown> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, doc.positionAt(offset)));
  const link = new RegExp(`\\[${title}\\]\\(command:([\\w.]+)\\?([^)]+)\\)`).exec(text);
  assert.ok(link, `no "${title}" link in the hover:\n${text}`);
  const args = JSON.parse(decodeURIComponent(link[2])) as unknown[];
  return vscode.commands.executeCommand(link[1], ...args);
}

function sidecar(document: string, tags: Array<{ id: string; label: string; start: number; end: number; by: string }>): string {
  const lines = ['newsmark: 1', `document: ${document}`, 'status: done', 'annotations:'];
  for (const t of tags) {
    lines.push(`  - id: ${t.id}`, `    label: ${t.label}`, `    start: ${t.start}`, `    end: ${t.end}`, `    text: ${JSON.stringify(TEXT.slice(t.start, t.end))}`, '    source: manual', `    by: ${t.by}`);
  }
  return `${lines.join('\n')}\ndismissed: []\n`;
}

suite('review on hover, compare mode and adjudication', () => {
  suiteSetup(async () => {
    await writeFile(corpusUri(PAGE), TEXT);
    await writeFile(corpusUri(MERGE_PAGE), TEXT);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('newsmark.stopComparing');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await (await api()).settle();
    for (const p of ['review-suite', '.newsmark']) {
      await vscode.workspace.fs.delete(corpusUri(p), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    }
  });

  test('Approve and Reject in a tag\'s hover save the verdict; a rejected tag is struck through until it is changed', async () => {
    const nm = await api();
    const editor = await openEditor(PAGE);
    const uri = editor.document.uri;
    const span = select(editor, 'Ana Lima');
    await vscode.commands.executeCommand('newsmark.tagActor');
    await nm.settle();
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, editor.document.positionAt(span.start + 2)));
    assert.match(hover, /Not reviewed/);

    await clickHoverLink(uri, span.start + 2, 'Approve');
    await nm.settle();
    const approved = await eventually(async () => (await sidecarData(PAGE))?.annotations.find((a) => a.review?.verdict === 'approved'), 5000, 'approved in the sidecar');
    assert.equal(approved.text, 'Ana Lima');
    assert.ok(approved.review?.by && approved.review.at, 'the reviewer and the time are saved');
    assert.deepEqual(nm.decorations(uri)?.['review:approved'], [span]);
    assert.match(hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, editor.document.positionAt(span.start + 2))), /\*\*Approved\*\*/);

    await clickHoverLink(uri, span.start + 2, 'Reject');
    await nm.settle();
    await eventually(async () => (await sidecarData(PAGE))?.annotations.find((a) => a.review?.verdict === 'rejected'), 5000, 'rejected in the sidecar');
    assert.deepEqual(nm.decorations(uri)?.['review:rejected'], [span], 'struck through');
    assert.deepEqual(nm.decorations(uri)?.['review:approved'], []);

    // Fixing the tag (another label) makes it a new tag to review: the strike-through goes.
    const id = nm.document(uri)!.annotations.find((a) => a.text === 'Ana Lima')!.id;
    await vscode.commands.executeCommand('newsmark.changeLabel', { uri: uri.toString(), id, label: 'date' });
    await nm.settle();
    assert.deepEqual(nm.decorations(uri)?.['review:rejected'], []);
    const changed = await eventually(async () => (await sidecarData(PAGE))?.annotations.find((a) => a.id === id && a.label === 'date'), 5000, 'relabelled');
    assert.equal(changed.review, undefined, 'a changed tag loses its verdict');
    await vscode.commands.executeCommand('newsmark.removeTag', { uri: uri.toString(), id });
    await nm.settle();
  });

  test('keyboard: approve the tag at the cursor, then every tag of the page not rejected', async () => {
    const nm = await api();
    const editor = await openEditor(PAGE);
    const uri = editor.document.uri;
    const bo = select(editor, 'Bo Chen');
    await vscode.commands.executeCommand('newsmark.tagActor');
    const hanoi = select(editor, 'Hanoi');
    await vscode.commands.executeCommand('newsmark.tagActor');
    select(editor, 'Ana Lima', 1);
    await vscode.commands.executeCommand('newsmark.tagActor');
    editor.selection = new vscode.Selection(editor.document.positionAt(hanoi.start + 1), editor.document.positionAt(hanoi.start + 1));
    await vscode.commands.executeCommand('newsmark.rejectTag');
    editor.selection = new vscode.Selection(editor.document.positionAt(bo.start + 1), editor.document.positionAt(bo.start + 1));
    await vscode.commands.executeCommand('newsmark.approveTag');
    const verdicts = () => Object.fromEntries(nm.document(uri)!.annotations.map((a) => [a.text, a.review?.verdict]));
    assert.deepEqual(verdicts(), { 'Bo Chen': 'approved', Hanoi: 'rejected', 'Ana Lima': undefined });
    const approvedNow = await vscode.commands.executeCommand('newsmark.approvePage');
    assert.equal(approvedNow, 1);
    assert.deepEqual(verdicts(), { 'Bo Chen': 'approved', Hanoi: 'rejected', 'Ana Lima': 'approved' });
    await nm.settle();
    const onDisk = (await sidecarData(PAGE))!.annotations.map((a) => a.review?.verdict);
    assert.deepEqual(onDisk, ['approved', 'rejected', 'approved']);
    // The Newsmark view shows the page's progress and the corpus's.
    await nm.views.ready();
    await eventually(() => nm.views.review().approved === 2 && nm.views.review().rejected === 1, 5000, 'corpus review progress');
    const entries = await nm.views.documents.getChildren();
    const entry = entries.find((e) => e.uri.toString() === uri.toString())!;
    assert.match(String(nm.views.documents.getTreeItem(entry).description), /3\/3 reviewed/);
  });

  test('compare mode draws another annotator\'s differing tags as ghosts; quick fixes take theirs, keep mine, keep both', async () => {
    const nm = await api();
    const editor = await openEditor(PAGE);
    const uri = editor.document.uri;
    // Mine now: "Bo Chen", "Hanoi", the second "Ana Lima" (actor). Bob: "Chen" (boundary), "3 May" (missing here), "Hanoi" (same).
    const at = (s: string, nth = 0) => {
      let i = -1;
      for (let k = 0; k <= nth; k++) i = TEXT.indexOf(s, i + 1);
      return { start: i, end: i + s.length };
    };
    await writeFile(corpusUri(`.newsmark/tags/bob/${PAGE}.ann.yaml`), sidecar('page.txt', [
      { id: 'b1', label: 'actor', ...at('Chen'), by: 'bob' },
      { id: 'b2', label: 'date', ...at('3 May'), by: 'bob' },
      { id: 'b3', label: 'actor', ...at('Hanoi'), by: 'bob' },
    ]));
    assert.equal(await vscode.commands.executeCommand('newsmark.compareWith', [{ name: 'bob', folder: '.newsmark/tags/bob' }]), true);
    const ghosts = await eventually(async () => {
      const g = await nm.ghosts(uri);
      return g.length === 2 ? g : undefined;
    }, 5000, 'two ghosts');
    assert.deepEqual(ghosts.map((g) => [g.text, g.kind]), [['Chen', 'boundary'], ['3 May', 'missing']]);

    const chen = at('Chen');
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, editor.document.positionAt(chen.start + 1)));
    assert.match(hover, /\*\*bob\*\*: Actor "Chen"/);
    assert.match(hover, /You: Actor "Bo Chen"/);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(editor.document.positionAt(chen.start), editor.document.positionAt(chen.end)));
    const titles = actions.map((a) => a.title);
    for (const t of ['Take theirs: bob\'s Actor "Chen"', 'Keep mine (ignore bob\'s Actor "Chen")', 'Keep both (add bob\'s Actor "Chen")']) assert.ok(titles.includes(t), `missing "${t}" in ${titles.join(' | ')}`);
    const take = actions.find((a) => a.title.startsWith('Take theirs'))!;
    await vscode.commands.executeCommand(take.command!.command, ...(take.command!.arguments ?? []));
    const texts = () => nm.document(uri)!.annotations.map((a) => a.text);
    assert.deepEqual(texts(), ['Chen', 'Hanoi', 'Ana Lima'], 'my "Bo Chen" replaced by their "Chen"');
    assert.equal(nm.document(uri)!.annotations[0].by, 'bob');

    const may = at('3 May');
    await clickHoverLink(uri, may.start + 1, 'Keep mine');
    assert.deepEqual((await nm.ghosts(uri)).map((g) => g.text), [], 'nothing left to adjudicate');
    assert.deepEqual(texts(), ['Chen', 'Hanoi', 'Ana Lima'], 'keep mine changes nothing');
    await nm.settle();
    assert.deepEqual((await sidecarData(PAGE))!.annotations.map((a) => a.text), ['Chen', 'Hanoi', 'Ana Lima']);
  });

  test('merging what two annotators agree on writes a curated sidecar and leaves the conflicts as ghosts', async () => {
    const nm = await api();
    const editor = await openEditor(MERGE_PAGE);
    const uri = editor.document.uri;
    const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });
    await writeFile(corpusUri(`.newsmark/tags/alice/${MERGE_PAGE}.ann.yaml`), sidecar('merge.txt', [
      { id: 'a1', label: 'actor', ...at('Ana Lima'), by: 'alice' },
      { id: 'a2', label: 'actor', ...at('Bo Chen'), by: 'alice' },
    ]));
    await writeFile(corpusUri(`.newsmark/tags/bob/${MERGE_PAGE}.ann.yaml`), sidecar('merge.txt', [
      { id: 'b1', label: 'actor', ...at('Ana Lima'), by: 'bob' },
      { id: 'b2', label: 'actor', ...at('Chen'), by: 'bob' },
    ]));
    await vscode.commands.executeCommand('newsmark.compareWith', [{ name: 'alice', folder: '.newsmark/tags/alice' }, { name: 'bob', folder: '.newsmark/tags/bob' }]);
    const result = await vscode.commands.executeCommand<{ added: number; conflicts: number }>('newsmark.mergeAgreed', { uri: uri.toString() });
    assert.deepEqual(result, { added: 1, conflicts: 2 });
    await nm.settle();
    const curated = await eventually(async () => {
      const d = await sidecarData(MERGE_PAGE);
      return d?.source === 'curated' ? d : undefined;
    }, 10_000, 'curated sidecar');
    assert.deepEqual(curated.annotators, ['alice', 'bob']);
    assert.deepEqual(curated.annotations.map((a) => a.text), ['Ana Lima']);
    assert.deepEqual((await nm.ghosts(uri)).map((g) => `${g.annotator}:${g.text}`), ['alice:Bo Chen', 'bob:Chen']);
    await vscode.commands.executeCommand('newsmark.keepBoth', { uri: uri.toString(), key: `alice\u0000actor\u0000${at('Bo Chen').start}\u0000${at('Bo Chen').end}` });
    assert.deepEqual(nm.document(uri)!.annotations.map((a) => a.text), ['Ana Lima', 'Bo Chen']);
    // The annotators' folders are not corpus pages: the Documents view lists the page, not their sidecars.
    await nm.views.ready();
    const entries = await eventually(async () => {
      const all = await nm.views.documents.getChildren();
      return all.some((e) => e.uri.toString() === uri.toString() && e.counts.actor === 2) ? all : undefined;
    }, 5000, 'the merged page in the Documents view');
    assert.deepEqual(entries.filter((e) => e.uri.path.includes('/.newsmark/')).map((e) => e.uri.path), []);
  });
});
