// The status bar entry of the active news document: its tags per label, pending suggestions and status.
// Clicking it sets the status.
import * as vscode from 'vscode';
import { reviewCounts } from '../core/review';
import type { EditorContext } from './context';
import { Cmd, LANGUAGE_ID } from './ids';
import { countsText, statusIcon, statusLabel } from './views';

const ITEM_ID = 'newsmark.status';

export function register(ctx: EditorContext): void {
  const item = vscode.window.createStatusBarItem(ITEM_ID, vscode.StatusBarAlignment.Left, 100);
  item.name = vscode.l10n.t('Newsmark document');
  item.command = Cmd.setStatus;

  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const state = doc ? ctx.store.get(doc.uri) : undefined;
    // Plain .txt files get a store state too; only news documents, or files already tagged, get the item.
    const isNews = doc?.languageId === LANGUAGE_ID || (state !== undefined && (state.diskText !== undefined || state.data.annotations.length > 0));
    if (!doc || !isNews) {
      item.hide();
      return;
    }
    if (!state) {
      // A news document whose sidecar is not loaded yet: loading fires a store change, which updates us.
      void ctx.store.load(doc).catch((err) => ctx.log.warn(`status bar: ${err instanceof Error ? err.message : String(err)}`));
      item.hide();
      return;
    }
    const counts: Record<string, number> = {};
    for (const a of state.data.annotations) if (!a.orphaned) counts[a.label] = (counts[a.label] ?? 0) + 1;
    const orphaned = state.data.annotations.length - Object.values(counts).reduce((n, c) => n + c, 0);
    const view = ctx.analysis.current(doc.uri); // never analyse here: this runs on every change
    const pending = view?.suggestions.length ?? 0;
    const tags = countsText(counts, ctx.settings().labels.map((l) => l.id)) || vscode.l10n.t('no tags');
    const status = statusLabel(state.data.status);
    const review = reviewCounts(state.data.annotations);
    const reviewed = review.approved + review.rejected;
    const parts = [`$(tag) ${tags}`];
    if (review.tags > 0) parts.push(`$(check) ${reviewed}/${review.tags}`);
    if (pending > 0) parts.push(`$(lightbulb) ${pending}`);
    if (orphaned > 0) parts.push(`$(warning) ${orphaned}`);
    if (view?.partial) parts.push(`$(eye) ${vscode.l10n.t('visible part analysed')}`);
    parts.push(`$(${statusIcon(state.data.status).id}) ${status}`);
    item.text = parts.join('  ');

    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${vscode.l10n.t('Newsmark')}** — ${vscode.workspace.asRelativePath(doc.uri, false)}\n\n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('Tags: {0}', tags)}\n\n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('Pending suggestions: {0}', pending)}\n\n`);
    if (review.tags > 0) tooltip.appendMarkdown(`${vscode.l10n.t('Reviewed: {0} of {1} tags ({2} approved, {3} rejected)', reviewed, review.tags, review.approved, review.rejected)}\n\n`);
    if (orphaned > 0) tooltip.appendMarkdown(`${vscode.l10n.t('Tags that could not be placed in the text: {0}', orphaned)}\n\n`);
    if (view?.partial) tooltip.appendMarkdown(`${vscode.l10n.t('This page is very large: suggestions cover what is visible plus a margin, and follow as you scroll.')}\n\n`);
    if (!state.writable) tooltip.appendMarkdown(`${vscode.l10n.t('The sidecar cannot be read safely: tags are read-only.')}\n\n`);
    tooltip.appendMarkdown(vscode.l10n.t('Status: {0} (click to change)', status));
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: vscode.l10n.t('Newsmark: {0}; {1} pending suggestions; status {2}', tags, pending, status) };
    item.backgroundColor = state.writable ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
    item.show();
  };

  const isActive = (uri: vscode.Uri) => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString();
  ctx.extension.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    ctx.store.onDidChange(({ state, reason }) => {
      // Typing changes no count: the analysis that follows it updates the item.
      if (reason !== 'edit' && isActive(state.uri)) update();
    }),
    ctx.analysis.onDidChange((uri) => {
      if (isActive(uri)) update();
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      // setTextDocumentLanguage reopens the document: the active editor now shows a news document.
      if (isActive(doc.uri)) update();
    }),
  );
  update();
}
