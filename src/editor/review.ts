// Review commands: approve, reject or clear the verdict of a tag (from hover links with {uri, id}, or the tag
// at the cursor from the keyboard), and approve every tag of a page the reviewer has not rejected. Verdicts
// are tag changes like any other: saved to the sidecar, undone with Newsmark: Undo.
import * as vscode from 'vscode';
import { approvableTags, withVerdict } from '../core/review';
import type { Verdict } from '../core/model/types';
import { pickTag, type TagArgs } from './commands';
import type { EditorContext } from './context';
import { Cmd } from './ids';

function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

async function target(ctx: EditorContext, uri: string | undefined) {
  const doc = uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)) : vscode.window.activeTextEditor?.document;
  if (!doc) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Newsmark: open a news document first.'));
    return undefined;
  }
  return { doc, state: await ctx.store.load(doc) };
}

export function registerReview(ctx: EditorContext, reviewer: () => string): void {
  const setVerdict = (verdict: Verdict | undefined, what: string) => async (args?: TagArgs) => {
    const t = await target(ctx, args?.uri);
    if (!t) return false;
    const tag = await pickTag(ctx, t.doc, t.state, args);
    if (!tag) {
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Newsmark: no tag here'), 3000);
      return false;
    }
    return ctx.store.mutate(t.state, what, (list) => list.map((a) => (a.id === tag.id ? withVerdict(a, verdict, reviewer(), now()) : a)));
  };
  const reg = (id: string, fn: (...args: never[]) => unknown) => ctx.extension.subscriptions.push(vscode.commands.registerCommand(id, fn));
  reg(Cmd.approveTag, setVerdict('approved', 'approve tag'));
  reg(Cmd.rejectTag, setVerdict('rejected', 'reject tag'));
  reg(Cmd.clearReview, setVerdict(undefined, 'clear review'));
  reg(Cmd.approvePage, async (args?: { uri?: string }) => {
    const t = await target(ctx, args?.uri);
    if (!t) return 0;
    const me = reviewer();
    const ids = new Set(approvableTags(t.state.data.annotations, me).map((a) => a.id));
    if (ids.size === 0) {
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Newsmark: nothing left to approve on this page'), 3000);
      return 0;
    }
    const at = now();
    const done = ctx.store.mutate(t.state, 'approve page', (list) => list.map((a) => (ids.has(a.id) ? withVerdict(a, 'approved', me, at) : a)));
    if (done) void vscode.window.setStatusBarMessage(vscode.l10n.t('Newsmark: approved {0} tags', ids.size), 3000);
    return done ? ids.size : 0;
  });
}
