// Newsmark's editing commands. Each works from the cursor and selections for keyboard use, and also takes
// plain JSON arguments ({uri, id} / {uri, start, end, label}) so hover links, quick fixes and scripts can
// name exactly what they act on.
import * as vscode from 'vscode';
import type { Annotation, DocStatus, Suggestion } from '../core/model/types';
import { leastCertainFirst, suggestedBy } from '../core/quality';
import { DOC_STATUSES } from '../core/model/types';
import type { EditorContext } from './context';
import { toRange, toSpan } from './convert';
import { exists, readPageTextOrSkip } from './fsio';
import { Cmd } from './ids';
import type { DocState } from './store';

export interface TagArgs {
  uri?: string;
  id?: string;
  start?: number;
  end?: number;
  label?: string;
  asLabel?: string;
  status?: DocStatus;
}

export interface EverywhereArgs {
  label: string;
  text: string;
  value?: string;
  /** false: skip the confirmation (scripts and tests); the count is still returned. */
  confirm?: boolean;
}

async function docFor(uri: string | undefined): Promise<vscode.TextDocument | undefined> {
  if (uri) return vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  return vscode.window.activeTextEditor?.document;
}

async function stateFor(ctx: EditorContext, uri: string | undefined): Promise<{ doc: vscode.TextDocument; state: DocState } | undefined> {
  const doc = await docFor(uri);
  if (!doc) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Newsmark: open a news document first.'));
    return undefined;
  }
  return { doc, state: await ctx.store.load(doc) };
}

/** The span a tag gets from one selection: trimmed; when empty, the word (entities) or paragraph (body). */
export function spanForSelection(doc: vscode.TextDocument, sel: vscode.Selection, label: string): { start: number; end: number } | undefined {
  let range: vscode.Range | undefined = sel;
  if (sel.isEmpty) {
    if (label === 'body') {
      let first = sel.active.line;
      let last = first;
      if (doc.lineAt(first).isEmptyOrWhitespace) return undefined;
      while (first > 0 && !doc.lineAt(first - 1).isEmptyOrWhitespace) first--;
      while (last < doc.lineCount - 1 && !doc.lineAt(last + 1).isEmptyOrWhitespace) last++;
      range = new vscode.Range(first, 0, last, doc.lineAt(last).text.length);
    } else {
      range = doc.getWordRangeAtPosition(sel.active);
    }
  }
  if (!range) return undefined;
  let { start, end } = toSpan(doc, range);
  const text = doc.getText();
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : undefined;
}

async function suggestionAt(ctx: EditorContext, doc: vscode.TextDocument, args: TagArgs | undefined): Promise<Suggestion | undefined> {
  const view = await ctx.analysis.view(doc);
  if (!view) return undefined;
  if (args?.start !== undefined && args.end !== undefined) {
    return view.suggestions.find((s) => s.start === args.start && s.end === args.end && (!args.label || s.label === args.label));
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document !== doc) return undefined;
  const offset = doc.offsetAt(editor.selection.active);
  return view.suggestions.find((s) => s.start <= offset && offset <= s.end);
}

export async function pickTag(ctx: EditorContext, doc: vscode.TextDocument, state: DocState, args: TagArgs | undefined): Promise<Annotation | undefined> {
  if (args?.id) return state.data.annotations.find((a) => a.id === args.id);
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document !== doc) return undefined;
  const offset = doc.offsetAt(editor.selection.active);
  const here = state.data.annotations.filter((a) => !a.orphaned && a.start <= offset && offset <= a.end);
  // The most specific tag first: an actor inside a body span is what the cursor means.
  here.sort((a, b) => a.end - a.start - (b.end - b.start));
  if (here.length <= 1) return here[0];
  const picked = await vscode.window.showQuickPick(
    here.map((a) => ({ label: a.text.length > 60 ? `${a.text.slice(0, 60)}…` : a.text, description: labelName(ctx, a.label), tag: a })),
    { placeHolder: vscode.l10n.t('Which tag?') },
  );
  return picked?.tag;
}

function labelName(ctx: EditorContext, id: string): string {
  return ctx.settings().labels.find((l) => l.id === id)?.name ?? id;
}

export async function tagSelections(ctx: EditorContext, label: string): Promise<Annotation[]> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return [];
  const doc = editor.document;
  const state = await ctx.store.load(doc);
  const spans = editor.selections.map((sel) => spanForSelection(doc, sel, label)).filter((s): s is { start: number; end: number } => !!s);
  if (spans.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Newsmark: select some text to tag.'));
    return [];
  }
  const added = ctx.store.addTags(state, spans.map((s) => ({ ...s, label, source: 'manual' as const })), `tag ${label}`);
  return added;
}

/** Whole-word occurrences of `needle` in `text` (letters and digits of any script count as word characters). */
export function findOccurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  if (!needle) return found;
  const word = /[\p{L}\p{M}\p{N}]/u;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    const before = i > 0 ? text[i - 1] : '';
    const after = text[i + needle.length] ?? '';
    if ((before && word.test(before)) || (after && word.test(after))) continue;
    found.push(i);
  }
  return found;
}

async function acceptEverywhere(ctx: EditorContext, args: EverywhereArgs | undefined): Promise<{ documents: number; tags: number } | undefined> {
  let target = args;
  if (!target) {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const s = await suggestionAt(ctx, editor.document, undefined);
    const sel = editor.selection;
    if (s) target = { label: s.label, text: s.text, value: typeof s.value === 'string' ? s.value : undefined };
    else if (!sel.isEmpty) {
      const label = await pickLabel(ctx, vscode.l10n.t('Tag every occurrence as…'));
      if (!label) return undefined;
      target = { label, text: editor.document.getText(sel).trim() };
    } else return undefined;
  }
  const files = await ctx.analysis.corpusFiles();
  const hits: Array<{ uri: vscode.Uri; offsets: number[]; preview: string }> = [];
  for (const uri of files) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const text = open ? open.getText() : await readPageTextOrSkip(uri, ctx.log);
    if (!text) continue;
    const offsets = findOccurrences(text, target.text);
    if (offsets.length) hits.push({ uri, offsets, preview: text.slice(Math.max(0, offsets[0] - 30), offsets[0] + target.text.length + 30).replace(/\s+/g, ' ') });
  }
  const total = hits.reduce((n, h) => n + h.offsets.length, 0);
  if (total === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Newsmark: "{0}" does not occur in the corpus.', target.text));
    return { documents: 0, tags: 0 };
  }
  if (target.confirm !== false) {
    const detail = hits.slice(0, 5).map((h) => `${vscode.workspace.asRelativePath(h.uri)}: …${h.preview}…`).join('\n');
    const go = vscode.l10n.t('Tag {0} occurrences', total);
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('Tag "{0}" as {1} at {2} places in {3} documents?', target.text, labelName(ctx, target.label), total, hits.length),
      { modal: true, detail },
      go,
    );
    if (answer !== go) return undefined;
  }
  const active = vscode.window.activeTextEditor?.document.uri.toString();
  let tags = 0;
  for (const hit of hits) {
    const doc = await vscode.workspace.openTextDocument(hit.uri);
    const state = await ctx.store.load(doc);
    const dismissed = (o: number) => state.data.dismissed.some((d) => d.label === target!.label && d.start === o);
    const added = ctx.store.addTags(
      state,
      hit.offsets.filter((o) => !dismissed(o)).map((o) => ({
        start: o,
        end: o + target!.text.length,
        label: target!.label,
        source: hit.uri.toString() === active ? ('accepted' as const) : ('propagated' as const),
        ...(target!.value ? { value: target!.value } : {}),
      })),
      `tag everywhere ${target.label}`,
    );
    tags += added.length;
  }
  await ctx.store.flush();
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Newsmark: tagged {0} occurrences in {1} documents', tags, hits.length), 5000);
  return { documents: hits.length, tags };
}

async function pickLabel(ctx: EditorContext, placeHolder: string, except?: string): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    ctx.settings().labels.filter((l) => l.id !== except).map((l) => ({ label: l.name, description: l.id, id: l.id })),
    { placeHolder },
  );
  return picked?.id;
}

function placed(tag: Annotation, start: number, end: number, text: string): Annotation {
  const { orphaned: _orphaned, ...rest } = tag;
  return { ...rest, start, end, text };
}

/**
 * The next (or previous) suggestion in least-certain-first order: from the suggestion at the cursor, else
 * the least certain one of the page.
 */
function stepByCertainty(items: readonly Suggestion[], offset: number, direction: 1 | -1): Suggestion | undefined {
  const order = leastCertainFirst(items);
  if (order.length === 0) return undefined;
  const here = order.findIndex((s) => s.start === offset);
  if (here < 0) return direction > 0 ? order[0] : order[order.length - 1];
  return order[(here + direction + order.length) % order.length];
}

function reveal(editor: vscode.TextEditor, range: vscode.Range): void {
  editor.selection = new vscode.Selection(range.start, range.start);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export function registerCommands(ctx: EditorContext): void {
  const reg = (id: string, fn: (...args: never[]) => unknown) => ctx.extension.subscriptions.push(vscode.commands.registerCommand(id, fn));

  reg(Cmd.tagBody, () => tagSelections(ctx, 'body'));
  reg(Cmd.tagActor, () => tagSelections(ctx, 'actor'));
  reg(Cmd.tagDate, () => tagSelections(ctx, 'date'));
  reg(Cmd.tagAs, async (label?: string) => {
    const id = label ?? (await pickLabel(ctx, vscode.l10n.t('Tag the selection as…')));
    return id ? tagSelections(ctx, id) : [];
  });

  reg(Cmd.removeTag, async (args?: TagArgs) => {
    const target = await stateFor(ctx, args?.uri);
    if (!target) return false;
    const tag = await pickTag(ctx, target.doc, target.state, args);
    if (!tag) return false;
    return ctx.store.mutate(target.state, 'remove tag', (list) => list.filter((a) => a.id !== tag.id));
  });

  reg(Cmd.changeLabel, async (args?: TagArgs) => {
    const target = await stateFor(ctx, args?.uri);
    if (!target) return false;
    const tag = await pickTag(ctx, target.doc, target.state, args);
    if (!tag) return false;
    const label = args?.label ?? (await pickLabel(ctx, vscode.l10n.t('New label for "{0}"', tag.text.slice(0, 40)), tag.label));
    if (!label || label === tag.label) return false;
    // a tag accepted from a suggestion keeps what was suggested: its label change is a correction
    const suggested = tag.suggested && tag.suggested.label === undefined ? { suggested: { ...tag.suggested, label: tag.label } } : {};
    return ctx.store.mutate(target.state, 'change label', (list) => list.map((a) => (a.id === tag.id ? { ...a, label, ...suggested } : a)));
  });

  reg(Cmd.setStatus, async (args?: TagArgs) => {
    const target = await stateFor(ctx, args?.uri);
    if (!target) return false;
    const names: Record<DocStatus, string> = { todo: vscode.l10n.t('To do'), 'in-progress': vscode.l10n.t('In progress'), done: vscode.l10n.t('Done') };
    const status =
      args?.status ??
      (await vscode.window.showQuickPick(
        DOC_STATUSES.map((s) => ({ label: names[s], description: s === target.state.data.status ? vscode.l10n.t('current') : undefined, status: s })),
        { placeHolder: vscode.l10n.t('Status of this document') },
      ))?.status;
    return status ? ctx.store.setStatus(target.state, status) : false;
  });

  reg(Cmd.undo, async () => {
    const target = await stateFor(ctx, undefined);
    return target ? ctx.store.undo(target.state) : false;
  });
  reg(Cmd.redo, async () => {
    const target = await stateFor(ctx, undefined);
    return target ? ctx.store.redo(target.state) : false;
  });

  reg(Cmd.acceptSuggestion, async (args?: TagArgs) => {
    const target = await stateFor(ctx, args?.uri);
    if (!target) return [];
    const s = await suggestionAt(ctx, target.doc, args);
    if (!s) {
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Newsmark: no suggestion here'), 3000);
      return [];
    }
    const label = args?.asLabel ?? s.label;
    // accepted as another label: the suggestion was corrected
    const suggested = { ...suggestedBy(s), ...(label !== s.label ? { label: s.label } : {}) };
    const added = ctx.store.addTags(target.state, [{ start: s.start, end: s.end, label, source: 'accepted', suggested, ...(s.value !== undefined && label === s.label ? { value: s.value } : {}) }], 'accept suggestion');
    return added;
  });

  reg(Cmd.dismissSuggestion, async (args?: TagArgs) => {
    const target = await stateFor(ctx, args?.uri);
    if (!target) return false;
    const s = await suggestionAt(ctx, target.doc, args);
    if (!s) return false;
    const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    return ctx.store.dismiss(target.state, [{ label: s.label, start: s.start, end: s.end, text: s.text, at, suggested: suggestedBy(s) }]);
  });

  reg(Cmd.acceptAllOfLabel, async (args?: TagArgs) => {
    const target = await stateFor(ctx, args?.uri);
    if (!target) return [];
    const label = args?.label ?? (await pickLabel(ctx, vscode.l10n.t('Accept every suggestion of which label?')));
    if (!label) return [];
    const suggestions = (await ctx.analysis.view(target.doc))?.suggestions.filter((s) => s.label === label) ?? [];
    const added = ctx.store.addTags(
      target.state,
      suggestions.map((s) => ({ start: s.start, end: s.end, label, source: 'accepted' as const, suggested: suggestedBy(s), ...(s.value !== undefined ? { value: s.value } : {}) })),
      `accept all ${label}`,
    );
    return added;
  });

  reg(Cmd.acceptEverywhere, (args?: EverywhereArgs) => acceptEverywhere(ctx, args));

  reg(Cmd.tagSuggestedBody, async (args?: TagArgs) => {
    const target = await stateFor(ctx, args?.uri);
    if (!target) return [];
    const lines = (await ctx.analysis.view(target.doc))?.bodyLines ?? [];
    const added = ctx.store.addTags(target.state, lines.map((l) => ({ start: l.start, end: l.end, label: 'body', source: 'accepted' as const })), 'tag suggested body');
    return added;
  });

  reg(Cmd.markLineBoilerplate, async (args?: TagArgs & { line?: number }) => {
    const target = await stateFor(ctx, args?.uri);
    if (!target) return false;
    const lineNo = args?.line ?? vscode.window.activeTextEditor?.selection.active.line;
    if (lineNo === undefined) return false;
    const line = target.doc.lineAt(lineNo);
    if (line.isEmptyOrWhitespace) return false;
    const span = toSpan(target.doc, line.range);
    const bodyHere = target.state.data.annotations.filter((a) => a.label === 'body' && a.start === span.start && a.end === span.end);
    if (bodyHere.length) ctx.store.mutate(target.state, 'mark boilerplate', (list) => list.filter((a) => !bodyHere.includes(a)));
    return ctx.store.dismiss(target.state, [{ label: 'body', ...span, text: line.text }]);
  });

  const step = (direction: 1 | -1) => async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const items = (await ctx.analysis.view(editor.document))?.suggestions ?? [];
    const offset = editor.document.offsetAt(editor.selection.active);
    const next = ctx.settings().suggestions.leastCertainFirst
      ? stepByCertainty(items, offset, direction)
      : direction > 0 ? items.find((s) => s.start > offset) ?? items[0] : [...items].reverse().find((s) => s.start < offset) ?? items[items.length - 1];
    if (next) reveal(editor, toRange(editor.document, next));
    return next;
  };
  reg(Cmd.nextSuggestion, step(1));
  reg(Cmd.previousSuggestion, step(-1));

  reg(Cmd.deleteOrphan, async (args?: TagArgs) => {
    const target = await stateFor(ctx, args?.uri);
    if (!target || !args?.id) return false;
    return ctx.store.mutate(target.state, 'delete orphaned tag', (list) => list.filter((a) => a.id !== args.id));
  });

  reg(Cmd.placeOrphan, async (args?: TagArgs) => {
    const target = await stateFor(ctx, args?.uri);
    const editor = vscode.window.activeTextEditor;
    if (!target || !args?.id || !editor || editor.document !== target.doc || editor.selection.isEmpty) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Newsmark: select where the orphaned tag belongs, then run this again.'));
      return false;
    }
    const { start, end } = toSpan(target.doc, editor.selection);
    const text = target.doc.getText(editor.selection);
    return ctx.store.mutate(target.state, 'place orphaned tag', (list) => list.map((a) => (a.id === args.id ? placed(a, start, end, text) : a)));
  });

  reg(Cmd.showCorpusSummary, async () => {
    const files = await ctx.analysis.corpusFiles();
    let withSidecar = 0;
    for (const uri of files) if (await exists(ctx.store.sidecarUriFor(uri))) withSidecar++;
    const summary = { documents: files.length, annotated: withSidecar };
    void vscode.window.showInformationMessage(vscode.l10n.t('Newsmark: {0} documents in the corpus, {1} with tags.', summary.documents, summary.annotated));
    return summary;
  });
}
