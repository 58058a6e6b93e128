// Problems panel: a sidecar that does not parse or breaks the schema (at its line and column, on the sidecar),
// and tags that could not be placed in their document's current text (on the document).
import * as vscode from 'vscode';
import type { EditorContext } from './context';
import { ORPHAN_CODE } from './codeActions';
import type { DocState } from './store';

export function registerDiagnostics(ctx: EditorContext): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection('newsmark');
  const update = (state: DocState) => {
    collection.set(
      state.sidecarUri,
      state.problems.map((p) => {
        const pos = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.col - 1));
        const d = new vscode.Diagnostic(new vscode.Range(pos, pos.translate(0, 1)), p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
        d.source = 'Newsmark';
        return d;
      }),
    );
    const doc = vscode.workspace.textDocuments.find((x) => x.uri.toString() === state.uri.toString());
    collection.set(
      state.uri,
      state.data.annotations
        .filter((a) => a.orphaned)
        .map((a) => {
          const at = doc ? doc.positionAt(Math.min(a.start, doc.getText().length)) : new vscode.Position(0, 0);
          const d = new vscode.Diagnostic(
            new vscode.Range(at, at),
            vscode.l10n.t('Orphaned {0} tag "{1}": its text is no longer at this place. Select where it belongs and use the quick fix, or delete it.', a.label, a.text.slice(0, 60)),
            vscode.DiagnosticSeverity.Warning,
          );
          d.source = 'Newsmark';
          d.code = `${ORPHAN_CODE}:${a.id}`; // the id travels in the code: diagnostics carry no other data
          return d;
        }),
    );
  };
  ctx.extension.subscriptions.push(collection, ctx.store.onDidChange(({ state }) => update(state)));
  return collection;
}
