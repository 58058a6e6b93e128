// Decorations: one type per label for confirmed tags, and one per kind of suggestion. Colors come from
// `contributes.colors` (themeable, with high-contrast defaults); shapes differ too, so color is not the only cue.
// Every type is set on every redraw so stale marks clear; redraws are debounced while typing.
import * as vscode from 'vscode';
import type { LabelConfig } from '../core/settings';
import type { EditorContext } from './context';
import { toRange } from './convert';
import { LANGUAGE_ID } from './ids';

const REDRAW_DELAY_MS = 60;

/** What was last drawn, per label/kind, for the test API (decorations cannot be read back from VS Code). */
export type DrawnRanges = Record<string, vscode.Range[]>;

interface Kinds {
  tags: Map<string, vscode.TextEditorDecorationType>;
  entitySuggestion: Map<string, vscode.TextEditorDecorationType>;
  bodySuggestion: vscode.TextEditorDecorationType;
  boilerplate: vscode.TextEditorDecorationType;
  /** Review verdicts, drawn over the label's own mark: rejected tags struck through, approved ones ticked. */
  rejected: vscode.TextEditorDecorationType;
  approved: vscode.TextEditorDecorationType;
}

function color(label: LabelConfig, part: 'Background' | 'Border'): vscode.ThemeColor | string {
  if (label.color) return label.color.startsWith('#') ? label.color : new vscode.ThemeColor(label.color);
  const known = ['body', 'actor', 'date'].includes(label.id) ? label.id : 'custom';
  return new vscode.ThemeColor(`newsmark.${known}${part}`);
}

function tagType(label: LabelConfig, index: number): vscode.TextEditorDecorationType {
  const border = color(label, 'Border');
  if (label.id === 'body') {
    // Line-level: a band down the left edge of every covered line.
    return vscode.window.createTextEditorDecorationType({
      isWholeLine: true,
      borderWidth: '0 0 0 3px',
      borderStyle: 'solid',
      borderColor: border,
      backgroundColor: color(label, 'Background'),
      overviewRulerColor: border,
      overviewRulerLane: vscode.OverviewRulerLane.Left,
    });
  }
  // Span-level: each label gets its own underline style so labels differ without color.
  const styles = ['solid', 'double', 'dashed', 'groove', 'ridge'];
  return vscode.window.createTextEditorDecorationType({
    backgroundColor: color(label, 'Background'),
    borderWidth: '0 0 2px 0',
    borderStyle: label.id === 'date' ? 'dashed' : label.id === 'actor' ? 'solid' : styles[index % styles.length],
    borderColor: border,
    overviewRulerColor: border,
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
}

function suggestionType(label: LabelConfig): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({
    textDecoration: `underline dotted ${label.id === 'actor' || label.id === 'date' ? `var(--vscode-newsmark-${label.id}Suggestion)` : 'currentColor'}`,
    overviewRulerColor: new vscode.ThemeColor('newsmark.suggestionRuler'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });
}

/**
 * Whole-line marks as few ranges as possible: lines separated only by blank lines form one block. A large
 * page has thousands of such lines, and fewer decorations keep the editor fast.
 */
function lineBlocks(doc: vscode.TextDocument, lines: readonly { line: number }[]): vscode.Range[] {
  const blocks: vscode.Range[] = [];
  let first = -1;
  let last = -1;
  for (const { line } of lines) {
    let joinable = first >= 0 && line > last;
    for (let l = last + 1; joinable && l < line; l++) joinable = doc.lineAt(l).isEmptyOrWhitespace;
    if (joinable) {
      last = line;
      continue;
    }
    if (first >= 0) blocks.push(new vscode.Range(first, 0, last, doc.lineAt(last).text.length));
    first = last = line;
  }
  if (first >= 0) blocks.push(new vscode.Range(first, 0, last, doc.lineAt(last).text.length));
  return blocks;
}

export class Decorations implements vscode.Disposable {
  private kinds: Kinds;
  private readonly timers = new Map<vscode.TextEditor, ReturnType<typeof setTimeout>>();
  private readonly drawn = new Map<string, DrawnRanges>();
  private readonly drawEmitter = new vscode.EventEmitter<{ uri: vscode.Uri; version: number; what: 'tags' | 'all' }>();
  /** After each draw: which document version, and whether suggestions were redrawn too ('all'). */
  readonly onDidDraw = this.drawEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.drawEmitter];

  constructor(private readonly ctx: EditorContext) {
    this.kinds = this.createKinds();
    this.disposables.push(
      vscode.window.onDidChangeVisibleTextEditors(() => this.redrawAll()),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.schedule(e.textEditor)),
      // analyses are debounced already: their results are drawn at once
      ctx.analysis.onDidChange((uri) => this.drawUri(uri)),
      ctx.store.onDidChange(({ state, reason }) => {
        // While typing, tags are redrawn at once (their offsets are already rebased); suggestions follow when
        // the debounced analysis has run (VS Code shifts their old marks with the text meanwhile).
        if (reason === 'edit') this.drawTagsNow(state.uri);
        else this.redrawUri(state.uri);
      }),
    );
  }

  private drawTagsNow(uri: vscode.Uri): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() !== uri.toString()) continue;
      const out = this.drawn.get(uri.toString()) ?? {};
      this.drawTags(editor, out);
      this.drawn.set(uri.toString(), out);
      this.drawEmitter.fire({ uri, version: editor.document.version, what: 'tags' });
    }
  }

  private drawTags(editor: vscode.TextEditor, out: DrawnRanges): void {
    const doc = editor.document;
    const tags = this.ctx.store.get(doc.uri)?.data.annotations.filter((a) => !a.orphaned) ?? [];
    for (const [label, type] of this.kinds.tags) {
      const ranges = tags.filter((t) => t.label === label).map((t) => toRange(doc, t));
      editor.setDecorations(type, ranges);
      out[`tag:${label}`] = ranges;
    }
    for (const verdict of ['rejected', 'approved'] as const) {
      // Body tags are whole lines: their verdict shows in the hover and the views, not over the text.
      const ranges = tags.filter((t) => t.review?.verdict === verdict && t.label !== 'body').map((t) => toRange(doc, t));
      editor.setDecorations(this.kinds[verdict], ranges);
      out[`review:${verdict}`] = ranges;
    }
  }

  private createKinds(): Kinds {
    const labels = this.ctx.settings().labels;
    return {
      tags: new Map(labels.map((l, i) => [l.id, tagType(l, i)])),
      entitySuggestion: new Map(labels.filter((l) => l.id !== 'body').map((l) => [l.id, suggestionType(l)])),
      bodySuggestion: vscode.window.createTextEditorDecorationType({
        isWholeLine: true,
        borderWidth: '0 0 0 2px',
        borderStyle: 'dotted',
        borderColor: new vscode.ThemeColor('newsmark.suggestedBodyBorder'),
      }),
      boilerplate: vscode.window.createTextEditorDecorationType({ opacity: '0.5', isWholeLine: true }),
      rejected: vscode.window.createTextEditorDecorationType({
        textDecoration: 'line-through',
        overviewRulerColor: new vscode.ThemeColor('newsmark.rejectedRuler'),
        overviewRulerLane: vscode.OverviewRulerLane.Right,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }),
      approved: vscode.window.createTextEditorDecorationType({
        after: { contentText: '✓', color: new vscode.ThemeColor('newsmark.approvedMark'), margin: '0 0 0 1px' },
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }),
    };
  }

  /** Labels changed: new types, then redraw. */
  recreate(): void {
    this.disposeKinds();
    this.kinds = this.createKinds();
    this.redrawAll();
  }

  ranges(uri: vscode.Uri): DrawnRanges | undefined {
    return this.drawn.get(uri.toString());
  }

  redrawAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.draw(editor);
  }

  private drawUri(uri: vscode.Uri): void {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === uri.toString()) this.draw(editor);
  }

  private redrawUri(uri: vscode.Uri): void {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === uri.toString()) this.schedule(editor);
  }

  private schedule(editor: vscode.TextEditor): void {
    clearTimeout(this.timers.get(editor));
    this.timers.set(
      editor,
      setTimeout(() => {
        this.timers.delete(editor);
        this.draw(editor);
      }, REDRAW_DELAY_MS),
    );
  }

  /** Draws now: what the store and the analysis say about this editor's document. */
  draw(editor: vscode.TextEditor): void {
    const doc = editor.document;
    const state = this.ctx.store.get(doc.uri);
    if (!state && doc.languageId !== LANGUAGE_ID) return;
    const out: DrawnRanges = { ...this.drawn.get(doc.uri.toString()) };
    this.drawTags(editor, out);
    // A view of an older version would draw suggestions at stale offsets: leave the marks VS Code has been
    // shifting with the text until the debounced analysis catches up (it redraws then).
    const view = this.ctx.analysis.current(doc.uri);
    const fresh = view !== undefined && view.version === doc.version;
    if (fresh) {
      const set = (key: string, type: vscode.TextEditorDecorationType, ranges: vscode.Range[]) => {
        editor.setDecorations(type, ranges);
        out[key] = ranges;
      };
      for (const [label, type] of this.kinds.entitySuggestion) {
        set(`suggestion:${label}`, type, view.suggestions.filter((s) => s.label === label).map((s) => toRange(doc, s)));
      }
      set('suggestion:body', this.kinds.bodySuggestion, lineBlocks(doc, view.bodyLines));
      set('boilerplate', this.kinds.boilerplate, lineBlocks(doc, view.boilerplateLines));
    }
    this.drawn.set(doc.uri.toString(), out);
    this.drawEmitter.fire({ uri: doc.uri, version: doc.version, what: fresh ? 'all' : 'tags' });
  }

  private disposeKinds(): void {
    for (const t of this.kinds.tags.values()) t.dispose();
    for (const t of this.kinds.entitySuggestion.values()) t.dispose();
    this.kinds.bodySuggestion.dispose();
    this.kinds.boilerplate.dispose();
    this.kinds.rejected.dispose();
    this.kinds.approved.dispose();
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.disposeKinds();
    for (const d of this.disposables) d.dispose();
  }
}
