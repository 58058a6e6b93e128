// Compare mode, for adjudication: other annotators' tags of the open page are drawn as ghosts where they
// differ from mine, their hover shows the difference, and quick fixes (also hover links and commands at the
// cursor) take theirs, keep mine or keep both. "Merge what the annotators agree on" adds every tag they all
// agree on to the sidecar being edited and marks it curated (`source: curated`, the annotators named).
// Each annotator's sidecars live in a mirrored folder (`.newsmark/tags/<name>/...`); the logic is in
// src/core/agree/compare.ts.
import * as vscode from 'vscode';
import { ghostKey, ghostsOf, keepBoth, mergeAgreed, takeTheirs, type AnnotatorTags, type Ghost } from '../core/agree/compare';
import type { Annotation } from '../core/model/types';
import { reanchor } from '../core/sidecar/anchor';
import { parseSidecar } from '../core/sidecar/codec';
import { SidecarLocator } from '../core/sidecar/locator';
import type { EditorContext } from './context';
import { toRange, toSpan } from './convert';
import { readSidecarText } from './fsio';
import { commandLink } from './hover';
import { Cmd, LINK_COMMANDS } from './ids';

/** Where annotators' mirrored folders live, relative to the workspace folder. */
export const ANNOTATOR_FOLDERS = '.newsmark/tags';

export interface CompareTarget {
  name: string;
  /** The annotator's sidecar folder, relative to the workspace folder. */
  folder: string;
}

export interface GhostArgs {
  uri?: string;
  key?: string;
}

function esc(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ↵ ');
}

function clip(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function valueText(v: Annotation['value']): string {
  return v === undefined ? '' : Array.isArray(v) ? v.join(' | ') : v;
}

export class CompareService implements vscode.Disposable {
  private targets: CompareTarget[] = [];
  /** Ghosts resolved with "keep mine", per document. */
  private readonly resolved = new Map<string, Set<string>>();
  private readonly cache = new Map<string, { version: number; tags: AnnotatorTags[] }>();
  private readonly drawn = new Map<string, Ghost[]>();
  private ghostType: vscode.TextEditorDecorationType;
  private readonly timers = new Map<vscode.TextEditor, ReturnType<typeof setTimeout>>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after the ghosts of a document were drawn. */
  readonly onDidDraw = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor(private readonly ctx: EditorContext) {
    this.ghostType = vscode.window.createTextEditorDecorationType({
      border: '1px dashed',
      borderColor: new vscode.ThemeColor('newsmark.compareGhostBorder'),
      backgroundColor: new vscode.ThemeColor('newsmark.compareGhostBackground'),
      overviewRulerColor: new vscode.ThemeColor('newsmark.compareGhostBorder'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
    });
    this.disposables.push(
      this.ghostType,
      ctx.sidecars.onDidChange(({ uri }) => {
        if (!uri.path.includes(`/${ANNOTATOR_FOLDERS}/`)) return;
        this.cache.clear();
        this.redrawAll();
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.redrawAll()),
      ctx.store.onDidChange(({ state }) => {
        for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === state.uri.toString()) this.schedule(editor);
      }),
    );
  }

  get active(): readonly CompareTarget[] {
    return this.targets;
  }

  setTargets(targets: CompareTarget[]): void {
    this.targets = targets;
    this.cache.clear();
    this.resolved.clear();
    void vscode.commands.executeCommand('setContext', 'newsmark.comparing', targets.length > 0);
    this.redrawAll();
  }

  /** Their placed tags of `doc`, per target (read from disk, re-anchored in the current text). */
  async theirs(doc: vscode.TextDocument): Promise<AnnotatorTags[]> {
    const key = doc.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === doc.version) return cached.tags;
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    if (!folder) return [];
    const text = doc.getText();
    const tags: AnnotatorTags[] = [];
    for (const target of this.targets) {
      const sidecar = doc.uri.with({ path: new SidecarLocator(folder.uri.path, target.folder).sidecarFor(doc.uri.path) });
      const raw = await readSidecarText(sidecar, this.ctx.settings().maxSidecarBytes).catch((err: unknown) => {
        this.ctx.log.warn(`compare: ${target.name}'s sidecar ${vscode.workspace.asRelativePath(sidecar)}: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      });
      if (raw === undefined) {
        tags.push({ annotator: target.name, tags: [] });
        continue;
      }
      const parsed = parseSidecar(raw, { maxBytes: this.ctx.settings().maxSidecarBytes });
      if (!parsed.data) {
        this.ctx.log.warn(`compare: ${target.name}'s sidecar ${vscode.workspace.asRelativePath(sidecar)} cannot be read; their tags are not shown`);
        tags.push({ annotator: target.name, tags: [] });
        continue;
      }
      const placed = reanchor(text, parsed.data.annotations.filter((t) => !t.orphaned));
      tags.push({ annotator: target.name, tags: [...placed.placed, ...placed.moved] });
    }
    this.cache.set(key, { version: doc.version, tags });
    return tags;
  }

  async ghosts(doc: vscode.TextDocument): Promise<Ghost[]> {
    if (this.targets.length === 0) return [];
    const state = await this.ctx.store.load(doc);
    return ghostsOf(state.data.annotations, await this.theirs(doc), this.resolved.get(doc.uri.toString()));
  }

  keepMine(uri: vscode.Uri, ghost: Ghost): void {
    const key = uri.toString();
    const set = this.resolved.get(key) ?? new Set<string>();
    set.add(ghostKey(ghost));
    this.resolved.set(key, set);
    this.redrawUri(uri);
  }

  /** What was last drawn for a document (for the test API). */
  drawnGhosts(uri: vscode.Uri): Ghost[] | undefined {
    return this.drawn.get(uri.toString());
  }

  private schedule(editor: vscode.TextEditor): void {
    clearTimeout(this.timers.get(editor));
    this.timers.set(editor, setTimeout(() => {
      this.timers.delete(editor);
      void this.draw(editor);
    }, 60));
  }

  redrawAll(): void {
    for (const editor of vscode.window.visibleTextEditors) void this.draw(editor);
  }

  private redrawUri(uri: vscode.Uri): void {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === uri.toString()) void this.draw(editor);
  }

  async draw(editor: vscode.TextEditor): Promise<void> {
    const doc = editor.document;
    if (!this.ctx.store.get(doc.uri)) return;
    const ghosts = await this.ghosts(doc);
    editor.setDecorations(this.ghostType, ghosts.map((g) => toRange(doc, g.tag)));
    this.drawn.set(doc.uri.toString(), ghosts);
    this.emitter.fire(doc.uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}

function labelName(ctx: EditorContext, id: string): string {
  return ctx.settings().labels.find((l) => l.id === id)?.name ?? id;
}

/** The hover of one ghost: what they have, what I have there, and the three resolutions. */
export function ghostMarkdown(ctx: EditorContext, uri: vscode.Uri, g: Ghost): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [...LINK_COMMANDS] };
  const theirs = `${labelName(ctx, g.tag.label)} "${clip(g.tag.text)}"${g.tag.value !== undefined ? ` = ${valueText(g.tag.value)}` : ''}`;
  md.appendMarkdown(`$(diff) **${esc(g.annotator)}**: ${esc(theirs)}\n\n`);
  const mine = g.mine.length === 0
    ? vscode.l10n.t('no tag here')
    : g.mine.map((m) => `${labelName(ctx, m.label)} "${clip(m.text)}"${m.value !== undefined ? ` = ${valueText(m.value)}` : ''}`).join('; ');
  md.appendMarkdown(`${vscode.l10n.t('You')}: ${esc(mine)}\n\n`);
  const args: GhostArgs = { uri: uri.toString(), key: ghostKey(g) };
  md.appendMarkdown([
    commandLink(vscode.l10n.t('Take theirs'), Cmd.takeTheirs, args),
    commandLink(vscode.l10n.t('Keep mine'), Cmd.keepMine, args),
    commandLink(vscode.l10n.t('Keep both'), Cmd.keepBoth, args),
  ].join(' · '));
  return md;
}

async function pickFolders(ctx: EditorContext): Promise<CompareTarget[] | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  const mine = ctx.settings().sidecarFolder.replace(/\/+$/, '');
  const root = vscode.Uri.joinPath(folder.uri, ANNOTATOR_FOLDERS);
  let names: string[] = [];
  try {
    names = (await vscode.workspace.fs.readDirectory(root)).filter(([, type]) => type === vscode.FileType.Directory).map(([name]) => name).sort();
  } catch {
    // no annotator folders yet
  }
  const candidates = names.filter((n) => `${ANNOTATOR_FOLDERS}/${n}` !== mine);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Newsmark: no other annotator folders in {0}. Each annotator sets newsmark.sidecars.folder to {0}/NAME.', ANNOTATOR_FOLDERS));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(candidates.map((n) => ({ label: n, description: `${ANNOTATOR_FOLDERS}/${n}` })), {
    canPickMany: true,
    placeHolder: vscode.l10n.t('Compare your tags with which annotators?'),
  });
  return picked?.map((p) => ({ name: p.label, folder: `${ANNOTATOR_FOLDERS}/${p.label}` }));
}

export function registerCompare(ctx: EditorContext, selector: vscode.DocumentSelector): CompareService {
  const service = new CompareService(ctx);
  const subs = ctx.extension.subscriptions;
  subs.push(service);

  const docFor = async (uri: string | undefined) => (uri ? vscode.workspace.openTextDocument(vscode.Uri.parse(uri)) : vscode.window.activeTextEditor?.document);
  /** The ghost named by args, else the one at the cursor (asking when several are there). */
  const ghostFor = async (args: GhostArgs | undefined): Promise<{ doc: vscode.TextDocument; ghost: Ghost } | undefined> => {
    const doc = await docFor(args?.uri);
    if (!doc) return undefined;
    const ghosts = await service.ghosts(doc);
    if (args?.key) {
      const ghost = ghosts.find((g) => ghostKey(g) === args.key);
      return ghost && { doc, ghost };
    }
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document !== doc) return undefined;
    const offset = doc.offsetAt(editor.selection.active);
    const here = ghosts.filter((g) => g.tag.start <= offset && offset <= g.tag.end);
    if (here.length <= 1) return here[0] && { doc, ghost: here[0] };
    const picked = await vscode.window.showQuickPick(here.map((g) => ({ label: `${g.annotator}: ${labelName(ctx, g.tag.label)} "${clip(g.tag.text, 60)}"`, ghost: g })));
    return picked && { doc, ghost: picked.ghost };
  };
  const resolve = (what: 'theirs' | 'mine' | 'both') => async (args?: GhostArgs) => {
    const found = await ghostFor(args);
    if (!found) {
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Newsmark: no difference from another annotator here'), 3000);
      return false;
    }
    if (what === 'mine') {
      service.keepMine(found.doc.uri, found.ghost);
      return true;
    }
    const state = await ctx.store.load(found.doc);
    return ctx.store.mutate(state, what === 'theirs' ? `take ${found.ghost.annotator}'s tag` : `keep both tags`, (list) =>
      what === 'theirs' ? takeTheirs(list, found.ghost) : keepBoth(list, found.ghost));
  };

  subs.push(
    vscode.commands.registerCommand(Cmd.compareWith, async (targets?: CompareTarget[]) => {
      const chosen = targets ?? (await pickFolders(ctx));
      if (!chosen || chosen.length === 0) return false;
      service.setTargets(chosen);
      return true;
    }),
    vscode.commands.registerCommand(Cmd.stopComparing, () => service.setTargets([])),
    vscode.commands.registerCommand(Cmd.takeTheirs, resolve('theirs')),
    vscode.commands.registerCommand(Cmd.keepMine, resolve('mine')),
    vscode.commands.registerCommand(Cmd.keepBoth, resolve('both')),
    vscode.commands.registerCommand(Cmd.mergeAgreed, async (args?: { uri?: string }) => {
      const doc = await docFor(args?.uri);
      if (!doc || service.active.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Newsmark: first compare with the annotators whose tags to merge (Newsmark: Compare With Annotators…).'));
        return undefined;
      }
      const state = await ctx.store.load(doc);
      const theirs = await service.theirs(doc);
      const result = mergeAgreed(state.data.annotations, theirs);
      ctx.store.mutate(state, 'merge agreed tags', () => result.tags);
      ctx.store.setCuration(state, theirs.map((t) => t.annotator));
      void vscode.window.showInformationMessage(vscode.l10n.t('Newsmark: {0} agreed tags merged; {1} differences left to adjudicate.', result.added, result.conflicts));
      return { added: result.added, conflicts: result.conflicts };
    }),
    vscode.languages.registerHoverProvider(selector, {
      async provideHover(doc, position) {
        if (service.active.length === 0) return undefined;
        const offset = doc.offsetAt(position);
        const here = (await service.ghosts(doc)).filter((g) => g.tag.start <= offset && offset <= g.tag.end);
        if (here.length === 0) return undefined;
        const range = here.map((g) => toRange(doc, g.tag)).reduce((a, b) => a.union(b));
        return new vscode.Hover(here.map((g) => ghostMarkdown(ctx, doc.uri, g)), range);
      },
    }),
    vscode.languages.registerCodeActionsProvider(selector, {
      async provideCodeActions(doc, range) {
        if (service.active.length === 0) return [];
        const span = toSpan(doc, range);
        const actions: vscode.CodeAction[] = [];
        for (const g of await service.ghosts(doc)) {
          if (g.tag.end < span.start || g.tag.start > span.end) continue;
          const args: GhostArgs = { uri: doc.uri.toString(), key: ghostKey(g) };
          const what = `${labelName(ctx, g.tag.label)} "${clip(g.tag.text, 40)}"`;
          const make = (title: string, command: string) => {
            const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
            a.command = { title, command, arguments: [args] };
            return a;
          };
          actions.push(
            make(vscode.l10n.t('Take theirs: {0}\'s {1}', g.annotator, what), Cmd.takeTheirs),
            make(vscode.l10n.t('Keep mine (ignore {0}\'s {1})', g.annotator, what), Cmd.keepMine),
            make(vscode.l10n.t('Keep both (add {0}\'s {1})', g.annotator, what), Cmd.keepBoth),
          );
        }
        return actions;
      },
    }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  );
  return service;
}
