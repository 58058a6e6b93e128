// The small API `activate` returns: integration tests read state through it (decorations cannot be read back
// through the VS Code API). Everything returned is plain data.
import * as vscode from 'vscode';
import type { DocumentAnalysis } from '../core/detect/analyse';
import type { Annotation, Dismissal, DocStatus, Problem } from '../core/model/types';
import type { DocView } from './analysis';
import type { CompareService } from './compare';
import type { EditorContext } from './context';
import type { Decorations } from './decorations';
import type { SuggesterService } from './suggesters';
import type { NewsmarkViews } from './views';

export interface DocSnapshot {
  annotations: Annotation[];
  dismissed: Dismissal[];
  status: DocStatus;
  writable: boolean;
  problems: Problem[];
}

export interface NewsmarkApi {
  /** Resolves when lexicons are loaded and the corpus statistics are built. */
  ready: Promise<void>;
  activationMs: number;
  /** Where the detectors run: a worker thread, or the extension host's own thread where workers are missing. */
  detectorsRunIn: 'worker' | 'in-thread';
  /** Waits for pending analysis, redraws and sidecar writes. */
  settle(): Promise<void>;
  document(uri: vscode.Uri): DocSnapshot | undefined;
  view(uri: vscode.Uri): Promise<DocView | undefined>;
  /** Drawn decorations by kind (`tag:actor`, `suggestion:date`, `suggestion:body`, `boilerplate`) as offsets. */
  decorations(uri: vscode.Uri): Record<string, Array<{ start: number; end: number }>> | undefined;
  /** Fires after each redraw; `what` is 'all' when suggestions were redrawn too (for the benchmark). */
  onDidDraw: vscode.Event<{ uri: vscode.Uri; version: number; what: 'tags' | 'all' }>;
  /** The corpus views' data providers (Documents, Actors, Dates). */
  views: NewsmarkViews;
  /** Milliseconds the extension spent on the last text change (rebase, listeners, tag redraw). */
  editHandlingMs(): number;
  /** Builds the corpus statistics again; resolves when done. */
  rebuildCorpus(): Promise<void>;
  /** How long the last analysis of a document took, and whether it was a quick one after an edit. */
  lastAnalysis(uri: vscode.Uri): { ms: number; quick: boolean } | undefined;
  /** The document's last analysis as the detectors gave it (suggestions on every line, nothing filtered). */
  analysis(uri: vscode.Uri): DocumentAnalysis | undefined;
  /** Compare mode: the other annotators' tags drawn as ghosts on the document (after its last redraw). */
  ghosts(uri: vscode.Uri): Promise<Array<{ annotator: string; kind: string; label: string; start: number; end: number; text: string; mine: string[] }>>;
  /** What the external suggesters' problems told the user so far (warnings cannot be read back). */
  suggesterReports(): string[];
}

export function createApi(ctx: EditorContext, decorations: Decorations, views: NewsmarkViews, ready: Promise<void>, activationMs: number, compare: CompareService, suggesters: SuggesterService): NewsmarkApi {
  const docOf = (uri: vscode.Uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return {
    ready,
    activationMs,
    detectorsRunIn: ctx.analysis.engineKind,
    async settle() {
      await ready;
      await new Promise((r) => setTimeout(r, 200)); // debounced analysis (120 ms) and redraws (60 ms)
      await ctx.analysis.learned();
      await Promise.all(vscode.workspace.textDocuments.filter((doc) => ctx.store.get(doc.uri)).map((doc) => ctx.analysis.completeView(doc)));
      decorations.redrawAll();
      await ctx.store.flush();
    },
    document(uri) {
      const s = ctx.store.get(uri);
      return s && { annotations: s.data.annotations, dismissed: s.data.dismissed, status: s.data.status, writable: s.writable, problems: s.problems };
    },
    async view(uri) {
      const doc = docOf(uri);
      return doc && ctx.analysis.view(doc);
    },
    onDidDraw: decorations.onDidDraw,
    views,
    rebuildCorpus: () => ctx.analysis.rebuildCorpus(),
    editHandlingMs: () => ctx.store.lastEditMs,
    lastAnalysis: (uri) => ctx.analysis.lastDurations.get(uri.toString()),
    analysis: (uri) => ctx.analysis.lastAnalysis(uri)?.analysis,
    async ghosts(uri) {
      const doc = docOf(uri);
      const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
      if (editor) await compare.draw(editor);
      const ghosts = compare.drawnGhosts(uri) ?? (doc ? await compare.ghosts(doc) : []);
      return ghosts.map((g) => ({ annotator: g.annotator, kind: g.kind, label: g.tag.label, start: g.tag.start, end: g.tag.end, text: g.tag.text, mine: g.mine.map((m) => m.id) }));
    },
    suggesterReports: () => [...suggesters.reports],
    decorations(uri) {
      const doc = docOf(uri);
      const drawn = decorations.ranges(uri);
      if (!doc || !drawn) return undefined;
      const out: Record<string, Array<{ start: number; end: number }>> = {};
      for (const [k, ranges] of Object.entries(drawn)) out[k] = ranges.map((r) => ({ start: doc.offsetAt(r.start), end: doc.offsetAt(r.end) }));
      return out;
    },
  };
}
