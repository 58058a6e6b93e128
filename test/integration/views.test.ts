import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DocumentEntry, EntityNode, NewsmarkViews, Occurrence, RevealArgs } from '../../src/editor/views';
import { api, corpusUri, eventually, readFile, writeFile } from './helpers';

const SAMPLES = ['000_a01ac1149689500e.txt', '001_3cd509aeb15531bf.txt', '002_0b10614dcc1a5691.txt', '003_6f51ad4c3a314f5b.txt', '004_1f563e580e8e183d.txt'];
const TAGGED = '001_3cd509aeb15531bf.txt';
const OTHER = '004_1f563e580e8e183d.txt';
const LATE = '003_6f51ad4c3a314f5b.txt';

interface Tag {
  label: string;
  start: number;
  end: number;
  text: string;
  value?: string;
}

function sidecarYaml(name: string, status: string, tags: Tag[]): string {
  const entries = tags.map((t, i) =>
    [
      `  - id: t${i + 1}`,
      `    label: ${t.label}`,
      `    start: ${t.start}`,
      `    end: ${t.end}`,
      `    text: ${JSON.stringify(t.text)}`,
      ...(t.value ? [`    value: ${JSON.stringify(t.value)}`] : []),
      '    source: manual',
    ].join('\n'),
  );
  return `newsmark: 1\ndocument: ${name}\nstatus: ${status}\nannotations:\n${entries.join('\n')}\ndismissed: []\n`;
}

/** The n-th occurrence of `text` in the sample, as a tag. */
async function tagOf(name: string, label: string, text: string, nth: number, value?: string): Promise<Tag> {
  const full = (await readFile(corpusUri(name)))!;
  let at = -1;
  for (let i = 0; i <= nth; i++) at = full.indexOf(text, at + 1);
  assert.ok(at >= 0, `"${text}" #${nth} in ${name}`);
  return { label, start: at, end: at + text.length, text, value };
}

async function views(): Promise<NewsmarkViews> {
  const exports = (await api()) as unknown as { views?: NewsmarkViews };
  assert.ok(exports.views, 'the extension API exposes the views (api.views)');
  return exports.views;
}

const nameOf = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);

suite('views: documents, actors, dates', () => {
  const written: vscode.Uri[] = [];
  let tags: { first: Tag; second: Tag; date: Tag; other: Tag };

  suiteSetup(async () => {
    tags = {
      first: await tagOf(TAGGED, 'actor', 'Biden', 0, 'Joe Biden'),
      second: await tagOf(TAGGED, 'actor', 'Biden', 1, 'Joe Biden'),
      date: await tagOf(TAGGED, 'date', '22/3', 0, '2021-03-22'),
      other: await tagOf(OTHER, 'actor', 'Biden', 0, 'Joe Biden'),
    };
    await writeFile(corpusUri(`${TAGGED}.ann.yaml`), sidecarYaml(TAGGED, 'done', [tags.first, tags.second, tags.date]));
    await writeFile(corpusUri(`${OTHER}.ann.yaml`), sidecarYaml(OTHER, 'in-progress', [tags.other]));
    written.push(corpusUri(`${TAGGED}.ann.yaml`), corpusUri(`${OTHER}.ann.yaml`));
    await vscode.commands.executeCommand('newsmark.refreshCorpus');
    const v = await views();
    await v.ready();
    // Pages an earlier suite opened are read from the store, which takes the new sidecars in when its watcher fires.
    await eventually(async () => {
      const docs = (await v.documents.getChildren()) as DocumentEntry[];
      const status = (name: string) => docs.find((d) => nameOf(d.uri) === name)?.status;
      return status(TAGGED) === 'done' && status(OTHER) === 'in-progress';
    }, 8000, 'the views to show the new sidecars');
  });

  /** Occurrences in the pages this suite tagged (earlier suites tag other pages). */
  const mine = (occurrences: Occurrence[]) => occurrences.filter((o) => [TAGGED, OTHER, LATE].includes(nameOf(o.uri)));

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('newsmark.filterDocuments', 'all');
    for (const uri of [...written, corpusUri(`${LATE}.ann.yaml`)]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  test('Documents lists every sample page with its status and tag counts from the sidecars', async () => {
    const v = await views();
    const docs = (await v.documents.getChildren()) as DocumentEntry[];
    const names = docs.map((d) => nameOf(d.uri));
    for (const s of SAMPLES) assert.ok(names.includes(s), `${s} listed (got ${names.join(', ')})`);
    const tagged = docs.find((d) => nameOf(d.uri) === TAGGED)!;
    assert.equal(tagged.status, 'done');
    assert.deepEqual(tagged.counts, { actor: 2, date: 1 });
    const item = v.documents.getTreeItem(tagged);
    assert.match(String(item.description), /2 actor · 1 date/);
    assert.equal(item.command?.command, 'vscode.open');
    // Without a sidecar, or with one an earlier suite wrote, the page is still to do.
    const untagged = docs.find((d) => nameOf(d.uri) === LATE)!;
    assert.equal(untagged.status ?? 'todo', 'todo');
  });

  test('the status filter keeps only documents of that status', async () => {
    const v = await views();
    await vscode.commands.executeCommand('newsmark.filterDocuments', 'in-progress');
    const inProgress = ((await v.documents.getChildren()) as DocumentEntry[]).map((d) => nameOf(d.uri));
    assert.ok(inProgress.includes(OTHER) && !inProgress.includes(TAGGED) && !inProgress.includes(LATE), inProgress.join(', '));
    await vscode.commands.executeCommand('newsmark.filterDocuments', 'todo');
    const todo = ((await v.documents.getChildren()) as DocumentEntry[]).map((d) => nameOf(d.uri));
    assert.ok(todo.includes(LATE) && !todo.includes(OTHER) && !todo.includes(TAGGED), todo.join(', '));
    await vscode.commands.executeCommand('newsmark.filterDocuments', 'all');
  });

  test('Actors groups occurrences by canonical name; clicking one selects it in its document', async () => {
    const v = await views();
    const groups = (await v.actors.getChildren()) as EntityNode[];
    const biden = groups.find((g) => g.kind === 'group' && g.name === 'Joe Biden');
    assert.ok(biden && biden.kind === 'group', `a "Joe Biden" group (got ${groups.map((g) => (g.kind === 'group' ? g.name : '')).join(', ')})`);
    assert.equal(mine(biden.occurrences).length, 3);
    assert.equal(v.actors.getTreeItem(biden).description, String(biden.occurrences.length));
    const children = (await v.actors.getChildren(biden)) as EntityNode[];
    assert.equal(children.length, biden.occurrences.length);
    const second = children.find((c) => c.kind === 'occurrence' && nameOf(c.occurrence.uri) === TAGGED && c.occurrence.start === tags.second.start)!;
    const item = v.actors.getTreeItem(second);
    const text = (await readFile(corpusUri(TAGGED)))!;
    const line = text.slice(0, tags.second.start).split('\n').length;
    assert.equal(item.label, `${TAGGED}:${line}`);
    assert.match(String(item.description), /Biden/);

    assert.equal(item.command?.command, 'newsmark.revealOccurrence');
    const args = item.command!.arguments![0] as RevealArgs;
    await vscode.commands.executeCommand(item.command!.command, ...item.command!.arguments!);
    const editor = await eventually(() => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === args.uri ? e : undefined;
    }, 5000, 'the occurrence to be revealed');
    assert.equal(editor.document.offsetAt(editor.selection.start), tags.second.start);
    assert.equal(editor.document.offsetAt(editor.selection.end), tags.second.end);
    assert.equal(editor.document.getText(editor.selection), 'Biden');
  });

  test('Dates groups by value', async () => {
    const v = await views();
    const groups = (await v.dates.getChildren()) as EntityNode[];
    const date = groups.find((g) => g.kind === 'group' && g.name === '2021-03-22');
    assert.ok(date && date.kind === 'group');
    assert.deepEqual(mine(date.occurrences).map((o) => [nameOf(o.uri), o.start, o.end]), [[TAGGED, tags.date.start, tags.date.end]]);
  });

  test('a sidecar written on disk shows up in the views without a refresh', async () => {
    const v = await views();
    const late = await tagOf(LATE, 'actor', 'Biden', 0, 'Joe Biden');
    await writeFile(corpusUri(`${LATE}.ann.yaml`), sidecarYaml(LATE, 'done', [late]));
    await eventually(async () => {
      const groups = (await v.actors.getChildren()) as EntityNode[];
      const biden = groups.find((g) => g.kind === 'group' && g.name === 'Joe Biden');
      return biden?.kind === 'group' && mine(biden.occurrences).length === 4;
    }, 8000, 'the new occurrence in the Actors view');
    const docs = (await v.documents.getChildren()) as DocumentEntry[];
    assert.equal(docs.find((d) => nameOf(d.uri) === LATE)?.status, 'done');
  });
});

suite('guidelines', () => {
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('newsmark').update('guidelines', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(corpusUri('team-rules.md')).then(undefined, () => undefined);
  });

  test('shows the shipped guidelines, or the file the setting names', async () => {
    await api();
    const shipped = await vscode.commands.executeCommand<string>('newsmark.showGuidelines');
    assert.match(shipped, /\/docs\/guidelines\.md$/);
    await writeFile(corpusUri('team-rules.md'), '# Our rules\n');
    await vscode.workspace.getConfiguration('newsmark').update('guidelines', 'team-rules.md', vscode.ConfigurationTarget.Workspace);
    const ours = await vscode.commands.executeCommand<string>('newsmark.showGuidelines');
    assert.equal(ours, corpusUri('team-rules.md').toString());
  });
});
