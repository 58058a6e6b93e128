// Quick fixes (Ctrl+.): on a suggestion, on a line, on a selection, on an orphaned tag's diagnostic. Every
// action carries a command with plain arguments: tags live in the sidecar, not in the text.
import * as vscode from 'vscode';
import type { EditorContext } from './context';
import { toSpan } from './convert';
import { Cmd } from './ids';

export const ORPHAN_CODE = 'orphaned-tag';

function action(title: string, command: string, args: unknown, preferred = false): vscode.CodeAction {
  const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  a.command = { title, command, arguments: args === undefined ? [] : [args] };
  if (preferred) a.isPreferred = true;
  return a;
}

export function registerCodeActions(ctx: EditorContext, selector: vscode.DocumentSelector): void {
  const provider: vscode.CodeActionProvider = {
    async provideCodeActions(doc, range, context) {
      const actions: vscode.CodeAction[] = [];
      const uri = doc.uri.toString();
      const labels = ctx.settings().labels;
      const name = (id: string) => labels.find((l) => l.id === id)?.name ?? id;
      // The automatic lightbulb asks on every cursor move: it must not start an analysis while the user types.
      const current = ctx.analysis.current(doc.uri);
      const view = context.triggerKind === vscode.CodeActionTriggerKind.Invoke ? await ctx.analysis.view(doc) : current?.version === doc.version ? current : undefined;
      const span = toSpan(doc, range);

      for (const s of view?.suggestions ?? []) {
        if (s.end < span.start || s.start > span.end) continue;
        const args = { uri, start: s.start, end: s.end, label: s.label };
        actions.push(action(vscode.l10n.t('Accept {0} "{1}"', name(s.label), s.text), Cmd.acceptSuggestion, args, true));
        for (const other of labels) {
          if (other.id === s.label || other.id === 'body') continue;
          actions.push(action(vscode.l10n.t('Accept "{0}" as {1}', s.text, other.name), Cmd.acceptSuggestion, { ...args, asLabel: other.id }));
        }
        actions.push(action(vscode.l10n.t('Dismiss suggestion "{0}"', s.text), Cmd.dismissSuggestion, args));
        const sameLabel = view!.suggestions.filter((x) => x.label === s.label).length;
        actions.push(action(vscode.l10n.t('Accept all {0} {1} suggestions in this document', sameLabel, name(s.label)), Cmd.acceptAllOfLabel, { uri, label: s.label }));
        actions.push(action(vscode.l10n.t('Tag every "{0}" in the corpus as {1}…', s.text, name(s.label)), Cmd.acceptEverywhere, { label: s.label, text: s.text, value: typeof s.value === 'string' ? s.value : undefined }));
      }

      if (!range.isEmpty) {
        for (const l of labels) actions.push(action(vscode.l10n.t('Tag selection as {0}', l.name), Cmd.tagAs, l.id));
      }

      const line = doc.lineAt(range.start.line);
      if (view && view.bodyLines.length > 0) {
        actions.push(action(vscode.l10n.t('Tag the suggested article body ({0} lines)', view.bodyLines.length), Cmd.tagSuggestedBody, { uri }));
      }
      if (!line.isEmptyOrWhitespace) {
        actions.push(action(vscode.l10n.t('Mark this line as boilerplate'), Cmd.markLineBoilerplate, { uri, line: line.lineNumber }));
      }

      for (const d of context.diagnostics) {
        const code = typeof d.code === 'string' ? d.code : '';
        if (d.source !== 'Newsmark' || !code.startsWith(`${ORPHAN_CODE}:`)) continue;
        const id = code.slice(ORPHAN_CODE.length + 1);
        actions.push(action(vscode.l10n.t('Place the orphaned tag at the selection'), Cmd.placeOrphan, { uri, id }));
        actions.push(action(vscode.l10n.t('Delete the orphaned tag'), Cmd.deleteOrphan, { uri, id }));
      }
      return actions;
    },
  };
  ctx.extension.subscriptions.push(vscode.languages.registerCodeActionsProvider(selector, provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }));
}
