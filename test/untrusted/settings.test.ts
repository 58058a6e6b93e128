// In a workspace that is not trusted, the workspace's own values of the settings that decide which files are
// pages, how large a sidecar may be and which guidelines file opens are ignored (tools/test.js writes them
// into the workspace's .vscode/settings.json before the editor starts). VS Code hides them from the
// extension because package.json lists them in capabilities.untrustedWorkspaces.restrictedConfigurations.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, corpusUri, eventually, openEditor } from '../integration/helpers';

const PAGE = '003_6f51ad4c3a314f5b.txt';

suite('workspace settings in an untrusted workspace', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const name of [`${PAGE}.ann.yaml`, 'workspace-guidelines.md']) fs.rmSync(corpusUri(name).fsPath, { force: true });
  });

  test('newsmark.corpus, newsmark.guidelines and newsmark.sidecars.maxSizeMB from the workspace are ignored', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this suite runs in restricted mode');
    const written = JSON.parse(fs.readFileSync(corpusUri('.vscode/settings.json').fsPath, 'utf8')) as Record<string, unknown>;
    assert.deepEqual(written['newsmark.corpus'], ['**/no-such-page-*.txt'], 'the workspace sets the corpus');
    assert.equal(written['newsmark.sidecars.maxSizeMB'], 0.0001, 'and a sidecar size limit of 100 bytes');
    await api();

    const summary = await vscode.commands.executeCommand<{ documents: number }>('newsmark.showCorpusSummary');
    assert.equal(summary.documents, 5, 'the corpus is the default one, every .txt page');

    fs.writeFileSync(corpusUri('workspace-guidelines.md').fsPath, '# Guidelines from the workspace\n');
    const guidelines = await vscode.commands.executeCommand<string>('newsmark.showGuidelines');
    assert.match(guidelines, /\/docs\/guidelines\.md$/, `the shipped guidelines open, not the workspace's: ${guidelines}`);

    // A sidecar of a few hundred bytes: over the workspace's limit, within the default one.
    const text = fs.readFileSync(corpusUri(PAGE).fsPath, 'utf8');
    const at = text.indexOf('Biden');
    fs.writeFileSync(corpusUri(`${PAGE}.ann.yaml`).fsPath, [
      'newsmark: 1', `document: ${PAGE}`, 'status: in-progress', 'annotations:',
      '  - id: u1', '    label: actor', `    start: ${at}`, `    end: ${at + 5}`, '    text: Biden', '    source: manual', 'dismissed: []', '',
    ].join('\n'));
    const nm = await api();
    const editor = await openEditor(PAGE);
    const tags = await eventually(() => nm.document(editor.document.uri)?.annotations.filter((a) => a.text === 'Biden'), 10_000, 'the sidecar read');
    assert.equal(tags.length, 1, 'the sidecar is read: the workspace\'s size limit does not apply');
    const problems = vscode.languages.getDiagnostics(corpusUri(`${PAGE}.ann.yaml`)).filter((d) => d.source === 'Newsmark');
    assert.deepEqual(problems.map((d) => d.message), []);
  });
});
