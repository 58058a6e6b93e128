// The "Newsmark" side bar: every corpus document with its status and tag counts, the actors and dates
// tagged across the corpus, and the suggestion quality measured on the annotator's decisions. Sidecars of closed documents are read in slices (so a 10,000-page corpus does
// not stall the extension host) and cached; open documents come from the store, which is always current.
import * as vscode from 'vscode';
import type { Annotation, Dismissal, DocStatus, Suggestion } from '../core/model/types';
import { DOC_STATUSES } from '../core/model/types';
import {
  Calibration, type CurvePoint, type Decision, decisionCount, decisionsOf, handTagged, qualityReport, SOURCE_LEARNED, SOURCE_PROPAGATION,
  SOURCE_RULES, suggestedBy, type Tally,
} from '../core/quality';
import { addReviewCounts, emptyReviewCounts, reviewCounts, type ReviewCounts } from '../core/review';
import { GATE_REDRAWS_OF_TEN } from '../core/learn/gate';
import type { LearnerQuality, UnknownWordFallbacks } from '../core/learn/learner';
import type { BodyLearningReport, SiteReport } from '../core/detect/body/index';
import { reanchor } from '../core/sidecar/anchor';
import { parseSidecar } from '../core/sidecar/codec';
import type { EditorContext } from './context';
import { readPageText, readSidecarText } from './fsio';
import { Cmd } from './ids';

/** Not in the shared Cmd table yet: the Documents view's filter (view/title). */
export const FILTER_DOCUMENTS_COMMAND = 'newsmark.filterDocuments';
export const VIEW_IDS = { documents: 'newsmark.documents', actors: 'newsmark.actors', dates: 'newsmark.dates', quality: 'newsmark.quality' } as const;

const READ_SLICE = 32;
const UPDATE_DELAY_MS = 250;
const CONTEXT_SHOWN = 40;

export type DocumentFilter = DocStatus | 'all';

/** One tagged actor or date, where it is. */
export interface Occurrence {
  uri: vscode.Uri;
  label: string;
  /** Canonical name or value: `value` when the tag has one, else its text. */
  name: string;
  start: number;
  end: number;
  /** 0-based line of start. */
  line: number;
  context: string;
}

export interface DocumentEntry {
  uri: vscode.Uri;
  /** Undefined when the document has no sidecar yet (counts as to do). */
  status?: DocStatus;
  /** Placed tags per label. */
  counts: Record<string, number>;
  occurrences: Occurrence[];
  /** Verdicts of the placed tags. */
  review: ReviewCounts;
  /** The annotator's decisions on suggestions (accepted, dismissed, corrected). */
  decisions: Decision[];
  /** Entity tags added without a suggestion. */
  handTagged: number;
  /** The sidecar exists but could not be read. */
  broken: boolean;
}

/** The arguments of `newsmark.revealOccurrence`. */
export interface RevealArgs {
  uri: string;
  start: number;
  end: number;
}

/** Corpus-wide tags, kept up to date from the store and the sidecar files. */
class CorpusIndex implements vscode.Disposable {
  private readonly entries = new Map<string, DocumentEntry>();
  private loading: Promise<void> | undefined;
  private readonly stale = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly ctx: EditorContext) {}

  /** Loads every document once; later calls wait for that load. */
  ready(): Promise<void> {
    this.loading ??= this.loadAll();
    return this.loading;
  }

  reload(): Promise<void> {
    this.loading = this.loadAll();
    return this.loading;
  }

  documents(): DocumentEntry[] {
    return [...this.entries.values()];
  }

  /** Verdicts over the corpus. */
  review(): ReviewCounts {
    const total = emptyReviewCounts();
    for (const entry of this.entries.values()) addReviewCounts(total, entry.review);
    return total;
  }

  private async loadAll(): Promise<void> {
    const files = await this.ctx.analysis.corpusFiles();
    const fresh = new Map<string, DocumentEntry>();
    for (let i = 0; i < files.length; i += READ_SLICE) {
      const slice = files.slice(i, i + READ_SLICE);
      const read = await Promise.all(slice.map((uri) => this.readEntry(uri)));
      for (const entry of read) fresh.set(entry.uri.toString(), entry);
      // Give other work on the extension host its turn between slices.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    this.entries.clear();
    for (const [key, entry] of fresh) this.entries.set(key, entry);
    this.emitter.fire();
  }

  private async readEntry(uri: vscode.Uri): Promise<DocumentEntry> {
    const state = this.ctx.store.get(uri);
    if (state) return entryFrom(uri, state.data.status, state.data.annotations, state.text, false, state.data.dismissed);
    try {
      const sidecarText = await readSidecarText(this.ctx.store.sidecarUriFor(uri), this.ctx.settings().maxSidecarBytes);
      if (sidecarText === undefined) return entryFrom(uri, undefined, [], '', false);
      const data = parseSidecar(sidecarText, { maxBytes: this.ctx.settings().maxSidecarBytes }).data;
      if (!data) return entryFrom(uri, undefined, [], '', true);
      const placed = data.annotations.filter((a) => !a.orphaned);
      // The document text is needed only for line numbers (and to re-anchor) of entity tags.
      const needsText = placed.some((a) => ENTITY_LABELS.has(a.label));
      const text = needsText ? ((await readPageText(uri)) ?? '') : '';
      const annotations = needsText ? placedIn(text, data.annotations) : placed;
      return entryFrom(uri, data.status, annotations, text, false, data.dismissed, data.annotations);
    } catch (err) {
      this.ctx.log.warn(`views: cannot read ${uri.toString(true)}: ${err instanceof Error ? err.message : String(err)}`);
      return entryFrom(uri, undefined, [], '', true);
    }
  }

  /** Marks a document for a re-read shortly (edits and saves come in bursts). */
  invalidate(uri: vscode.Uri): void {
    this.stale.add(uri.toString());
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refreshStale(), UPDATE_DELAY_MS);
  }

  private async refreshStale(): Promise<void> {
    if (!this.loading) return; // nothing shown yet: the first load will read everything
    await this.loading;
    const candidates = [...this.stale];
    this.stale.clear();
    const keys: string[] = [];
    for (const key of candidates) {
      // A sidecar whose page does not exist (another annotator's mirrored folder read with this layout) is
      // not a corpus document.
      if (this.entries.has(key) || (await exists(vscode.Uri.parse(key)))) keys.push(key);
    }
    for (let i = 0; i < keys.length; i += READ_SLICE) {
      const read = await Promise.all(keys.slice(i, i + READ_SLICE).map((key) => this.readEntry(vscode.Uri.parse(key))));
      for (const entry of read) this.entries.set(entry.uri.toString(), entry);
    }
    if (keys.length > 0) this.emitter.fire();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.emitter.dispose();
  }
}

const ENTITY_LABELS = new Set(['actor', 'date']);

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Tags re-anchored in the current text; those that cannot be placed are left out of the views. */
function placedIn(text: string, annotations: readonly Annotation[]): Annotation[] {
  const r = reanchor(text, annotations.filter((a) => !a.orphaned));
  return [...r.placed, ...r.moved];
}

function entryFrom(
  uri: vscode.Uri, status: DocStatus | undefined, annotations: readonly Annotation[], text: string, broken: boolean,
  dismissed: readonly Dismissal[] = [], allAnnotations: readonly Annotation[] = annotations,
): DocumentEntry {
  const counts: Record<string, number> = {};
  const entities: Annotation[] = [];
  for (const a of annotations) {
    if (a.orphaned) continue;
    counts[a.label] = (counts[a.label] ?? 0) + 1;
    if (ENTITY_LABELS.has(a.label)) entities.push(a);
  }
  entities.sort((a, b) => a.start - b.start);
  const occurrences: Occurrence[] = [];
  let line = 0;
  let scanned = 0;
  for (const a of entities) {
    for (let i = text.indexOf('\n', scanned); i !== -1 && i < a.start; i = text.indexOf('\n', i + 1)) {
      line++;
      scanned = i + 1;
    }
    occurrences.push({ uri, label: a.label, name: canonicalName(a), start: a.start, end: a.end, line, context: contextOf(a) });
  }
  const decided = { annotations: [...allAnnotations], dismissed: [...dismissed] };
  return {
    uri, status, counts, occurrences, review: reviewCounts(annotations), decisions: decisionsOf(decided), handTagged: handTagged(decided, ENTITY_LABELS), broken,
  };
}

function canonicalName(a: Annotation): string {
  if (Array.isArray(a.value)) return a.value.length > 0 ? a.value.join(' | ') : a.text;
  return a.value ?? a.text;
}

function contextOf(a: Annotation): string {
  const before = (a.before ?? '').split(/\r\n|\r|\n/).pop() ?? '';
  const after = (a.after ?? '').split(/\r\n|\r|\n/)[0];
  return `${before}${a.text}${after}`.replace(/\s+/g, ' ').trim().slice(0, CONTEXT_SHOWN * 2);
}

export function statusLabel(status: DocStatus | undefined): string {
  switch (status) {
    case 'done':
      return vscode.l10n.t('done');
    case 'in-progress':
      return vscode.l10n.t('in progress');
    default:
      return vscode.l10n.t('to do');
  }
}

export function statusIcon(status: DocStatus | undefined): vscode.ThemeIcon {
  switch (status) {
    case 'done':
      return new vscode.ThemeIcon('pass-filled');
    case 'in-progress':
      return new vscode.ThemeIcon('circle-large-filled');
    default:
      return new vscode.ThemeIcon('circle-large-outline');
  }
}

/** "2 actor · 1 date", labels in settings order, then any others. */
export function countsText(counts: Record<string, number>, labelOrder: readonly string[]): string {
  const ordered = [...labelOrder, ...Object.keys(counts).filter((l) => !labelOrder.includes(l)).sort()];
  return ordered.filter((l) => (counts[l] ?? 0) > 0).map((l) => `${counts[l]} ${l}`).join(' · ');
}

export class DocumentsProvider implements vscode.TreeDataProvider<DocumentEntry> {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  filter: DocumentFilter = 'all';

  constructor(private readonly index: CorpusIndex, private readonly labelOrder: () => string[]) {
    index.onDidChange(() => this.emitter.fire());
  }

  setFilter(filter: DocumentFilter): void {
    this.filter = filter;
    this.emitter.fire();
  }

  async getChildren(element?: DocumentEntry): Promise<DocumentEntry[]> {
    if (element) return [];
    await this.index.ready();
    return this.index
      .documents()
      .filter((d) => this.filter === 'all' || (d.status ?? 'todo') === this.filter)
      .sort((a, b) => a.uri.path.localeCompare(b.uri.path));
  }

  getTreeItem(entry: DocumentEntry): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.workspace.asRelativePath(entry.uri, false), vscode.TreeItemCollapsibleState.None);
    item.resourceUri = entry.uri;
    const counts = countsText(entry.counts, this.labelOrder());
    const reviewed = entry.review.tags > 0 ? vscode.l10n.t('{0}/{1} reviewed', entry.review.approved + entry.review.rejected, entry.review.tags) : '';
    item.description = entry.broken
      ? vscode.l10n.t('sidecar cannot be read')
      : [statusLabel(entry.status), counts, reviewed].filter(Boolean).join(' · ');
    item.iconPath = entry.broken ? new vscode.ThemeIcon('warning') : statusIcon(entry.status);
    item.tooltip = `${vscode.workspace.asRelativePath(entry.uri, false)}\n${vscode.l10n.t('Status: {0}', statusLabel(entry.status))}\n${counts || vscode.l10n.t('no tags')}`;
    item.contextValue = 'newsmark.document';
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Document'), arguments: [entry.uri] };
    return item;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

export type EntityNode = { kind: 'group'; label: string; name: string; occurrences: Occurrence[] } | { kind: 'occurrence'; occurrence: Occurrence };

/** Actors or dates of the corpus grouped by canonical name, most frequent first. */
export class EntitiesProvider implements vscode.TreeDataProvider<EntityNode> {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly index: CorpusIndex, readonly label: string) {
    index.onDidChange(() => this.emitter.fire());
  }

  async getChildren(element?: EntityNode): Promise<EntityNode[]> {
    if (element) return element.kind === 'group' ? element.occurrences.map((occurrence) => ({ kind: 'occurrence', occurrence })) : [];
    await this.index.ready();
    const groups = new Map<string, Occurrence[]>();
    for (const doc of this.index.documents()) {
      for (const o of doc.occurrences) {
        if (o.label !== this.label) continue;
        const list = groups.get(o.name);
        if (list) list.push(o);
        else groups.set(o.name, [o]);
      }
    }
    return [...groups.entries()]
      .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
      .map(([name, occurrences]) => ({
        kind: 'group',
        label: this.label,
        name,
        occurrences: occurrences.sort((a, b) => a.uri.path.localeCompare(b.uri.path) || a.start - b.start),
      }));
  }

  getTreeItem(node: EntityNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = String(node.occurrences.length);
      item.tooltip = vscode.l10n.t('{0}: {1} occurrence(s) in {2} document(s)', node.name, node.occurrences.length, new Set(node.occurrences.map((o) => o.uri.toString())).size);
      item.iconPath = new vscode.ThemeIcon(this.label === 'date' ? 'calendar' : 'person');
      item.contextValue = `newsmark.${this.label}`;
      item.id = `${this.label}:${node.name}`;
      return item;
    }
    const o = node.occurrence;
    const file = o.uri.path.slice(o.uri.path.lastIndexOf('/') + 1);
    const item = new vscode.TreeItem(`${file}:${o.line + 1}`, vscode.TreeItemCollapsibleState.None);
    item.description = `— ${o.context}`;
    item.tooltip = `${vscode.workspace.asRelativePath(o.uri, false)}:${o.line + 1}\n${o.context}`;
    item.contextValue = 'newsmark.occurrence';
    const args: RevealArgs = { uri: o.uri.toString(), start: o.start, end: o.end };
    item.command = { command: Cmd.revealOccurrence, title: vscode.l10n.t('Reveal Occurrence'), arguments: [args] };
    return item;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

export type QualityNode =
  | { kind: 'empty' }
  | { kind: 'total'; tally: Tally }
  | { kind: 'source'; source: string; tally: Tally; rules: Array<{ rule: string; tally: Tally }> }
  | { kind: 'rule'; source: string; rule: string; tally: Tally }
  | { kind: 'curve'; curve: CurvePoint[] }
  | { kind: 'hand'; count: number }
  | { kind: 'model'; quality: LearnerQuality }
  | { kind: 'modelLabel'; label: string; folds: number; measured: LearnerQuality['labels'][string] }
  | { kind: 'modelKept'; label: string; kept: UnknownWordFallbacks }
  | { kind: 'body'; sites: readonly SiteReport[]; memory: BodyLearningReport['memory'] }
  | { kind: 'bodyMemory'; memory: BodyLearningReport['memory'] }
  | { kind: 'bodySite'; site: SiteReport };

/** What the annotator's decisions say about each suggestion source, its rules, and the learning curve. */
export class QualityProvider implements vscode.TreeDataProvider<QualityNode> {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(
    private readonly index: CorpusIndex,
    /** The span learner in use: what it measured on held-out done pages when it was trained. */
    private readonly learner: {
      readonly learnerQuality: LearnerQuality | undefined;
      /** What learning body lines measured: per site with annotated pages, and the memory of body tags. */
      readonly bodyLearning: BodyLearningReport | undefined;
      readonly onDidLearn: vscode.Event<void>;
    },
  ) {
    index.onDidChange(() => this.emitter.fire());
    learner.onDidLearn(() => this.emitter.fire());
  }

  async getChildren(element?: QualityNode): Promise<QualityNode[]> {
    if (element) {
      if (element.kind === 'source') return element.rules.map((r) => ({ kind: 'rule', source: element.source, rule: r.rule, tally: r.tally }));
      if (element.kind === 'model') {
        const { folds, labels } = element.quality;
        return Object.entries(labels).flatMap(([label, measured]): QualityNode[] => [
          { kind: 'modelLabel', label, folds, measured },
          ...(measured.active && measured.unknown && measured.unknown.suggested > 0 ? [{ kind: 'modelKept' as const, label, kept: measured.unknown }] : []),
        ]);
      }
      if (element.kind === 'body') {
        const memory: QualityNode[] = element.memory.right + element.memory.wrong > 0 ? [{ kind: 'bodyMemory', memory: element.memory }] : [];
        return [...memory, ...element.sites.map((site): QualityNode => ({ kind: 'bodySite', site }))];
      }
      return [];
    }
    await this.index.ready();
    const docs = this.index.documents();
    const report = qualityReport(docs.flatMap((d) => d.decisions));
    const hand = docs.reduce((n, d) => n + d.handTagged, 0);
    const nodes: QualityNode[] = [];
    if (decisionCount(report.total) === 0) nodes.push({ kind: 'empty' });
    else {
      nodes.push({ kind: 'total', tally: report.total });
      for (const s of report.sources) nodes.push({ kind: 'source', source: s.source, tally: s.tally, rules: s.rules });
      if (report.curve.length > 0) nodes.push({ kind: 'curve', curve: report.curve });
    }
    if (hand > 0) nodes.push({ kind: 'hand', count: hand });
    const learned = this.learner.learnerQuality;
    if (learned && learned.documents > 0) nodes.push({ kind: 'model', quality: learned });
    const body = this.learner.bodyLearning;
    if (body && (body.sites.length > 0 || body.memory.right + body.memory.wrong > 0)) nodes.push({ kind: 'body', sites: body.sites, memory: body.memory });
    return nodes;
  }

  getTreeItem(node: QualityNode): vscode.TreeItem {
    switch (node.kind) {
      case 'empty': {
        const item = new vscode.TreeItem(vscode.l10n.t('No decisions on suggestions yet'));
        item.tooltip = vscode.l10n.t('Accept, dismiss or correct suggestions: their precision per source and rule shows here.');
        return item;
      }
      case 'total':
        return tallyItem(vscode.l10n.t('All suggestions'), node.tally, vscode.TreeItemCollapsibleState.None, 'graph');
      case 'source':
        return tallyItem(sourceName(node.source), node.tally, vscode.TreeItemCollapsibleState.Collapsed, sourceIcon(node.source), `quality:${node.source}`);
      case 'rule':
        return tallyItem(node.rule, node.tally, vscode.TreeItemCollapsibleState.None, undefined, `quality:${node.source}:${node.rule}`);
      case 'curve': {
        const item = new vscode.TreeItem(vscode.l10n.t('Learning curve'));
        item.description = node.curve.map((p) => percent(p.precision)).join(' → ');
        item.tooltip = [
          vscode.l10n.t('Share of suggestions accepted, in blocks of your decisions in the order you made them:'),
          ...node.curve.map((p) => vscode.l10n.t('decisions {0}–{1}: {2} accepted', p.upTo - p.decisions + 1, p.upTo, percent(p.precision))),
        ].join('\n');
        item.iconPath = new vscode.ThemeIcon('pulse');
        return item;
      }
      case 'model': {
        const q = node.quality;
        const item = new vscode.TreeItem(vscode.l10n.t('Learned model, measured on held-out pages'), vscode.TreeItemCollapsibleState.Expanded);
        item.description = vscode.l10n.t('trained on {0} pages ({1} done), {2} tags', q.documents, q.done, q.tags);
        item.tooltip = q.folds > 0
          ? vscode.l10n.t('Each of {0} folds of the pages marked done was tagged by a model trained on the other pages, and compared with what the rules suggest there.', q.folds)
          : vscode.l10n.t('Not measured yet: mark at least two pages done.');
        item.iconPath = new vscode.ThemeIcon('mortar-board');
        item.id = 'quality:model';
        return item;
      }
      case 'modelLabel': {
        const m = node.measured;
        const item = new vscode.TreeItem(node.label);
        // a model that measured better but not surely so is waiting for more done pages: say so
        const verdict = m.active
          ? vscode.l10n.t('replaces the rules')
          : m.advantage !== undefined && m.learned.f1 > m.control.f1
            ? vscode.l10n.t('the rules stay until its lead is sure')
            : vscode.l10n.t('the rules stay');
        item.description = node.folds > 0
          ? vscode.l10n.t('{0} · exact F1 {1} learned, {2} rules', verdict, percent(m.learned.f1), percent(m.control.f1))
          : verdict;
        const found = [m.learned.tp, m.learned.tp + m.learned.fn, node.label, m.learned.fp, m.control.tp, m.control.fp] as const;
        item.tooltip = node.folds === 0
          ? vscode.l10n.t('Not measured yet: mark at least two pages done.')
          : m.advantage === undefined
            ? vscode.l10n.t('On held-out pages the model found {0} of {1} {2} tags exactly, with {3} wrong; the rules {4}, with {5} wrong. It replaces the rules only where it measures better.', ...found)
            : vscode.l10n.t('On held-out pages the model found {0} of {1} {2} tags exactly, with {3} wrong; the rules {4}, with {5} wrong. In {6} of 10 redraws of those pages its exact F1 is at least {7} points above the rules\' (a negative number: below); it replaces the rules only where that is above 0.',
              ...found, GATE_REDRAWS_OF_TEN, signedPoints(m.advantage));
        item.id = `quality:model:${node.label}`;
        return item;
      }
      case 'modelKept': {
        const k = node.kept;
        const item = new vscode.TreeItem(vscode.l10n.t('{0}: rule suggestions with words the model never learned', node.label));
        item.description = vscode.l10n.t('{0} right on held-out pages ({1} of {2})', percent(k.correct / k.suggested), k.correct, k.suggested);
        item.tooltip = vscode.l10n.t('Rule suggestions the model left out that hold a word it has not learned are shown beside it only where held-out pages make them more than 1 in 3 likely right; their score says how likely.');
        item.id = `quality:model:${node.label}:kept`;
        return item;
      }
      case 'body': {
        const following = node.sites.filter((site) => site.active).length;
        const item = new vscode.TreeItem(vscode.l10n.t('Body lines learned per site'), vscode.TreeItemCollapsibleState.Collapsed);
        item.description = vscode.l10n.t('{0} of {1} sites follow their annotated pages', following, node.sites.length);
        item.tooltip = vscode.l10n.t(
          'Pages of a site share a template: a site follows what its annotated body pages taught only where, on those pages held out in turn, that made fewer line errors than the rules.',
        );
        item.iconPath = new vscode.ThemeIcon('list-flat');
        item.id = 'quality:body';
        return item;
      }
      case 'bodyMemory': {
        const { right, wrong } = node.memory;
        const item = new vscode.TreeItem(vscode.l10n.t('Body tags carried to the same line on other pages'));
        item.description = vscode.l10n.t('{0} right on pages marked done ({1} of {2})', percent(right / (right + wrong)), right, right + wrong);
        item.tooltip = vscode.l10n.t(
          'A line you tag body is suggested as body where the same line appears inside the article of another page (anywhere, once you have tagged it on two pages), unless pages marked done leave it untagged more often. On each page marked done, as if its own tags were not there: how often that would have been right.',
        );
        item.id = 'quality:body:memory';
        return item;
      }
      case 'bodySite': {
        const site = node.site;
        const first = site.pages[0] ?? '';
        const item = new vscode.TreeItem(vscode.l10n.t('Site of {0}', first.slice(first.lastIndexOf('/') + 1)));
        const measured = site.errors !== undefined && site.handErrors !== undefined;
        item.description = site.active
          ? vscode.l10n.t('followed: {0} line errors on held-out pages, the rules {1}', site.errors ?? 0, site.handErrors ?? 0)
          : measured
            ? vscode.l10n.t('rules kept: {0} line errors on held-out pages, the rules {1}', site.errors ?? 0, site.handErrors ?? 0)
            : vscode.l10n.t('rules kept: not measured');
        item.tooltip = [
          vscode.l10n.t('{0} annotated pages of this site:', site.pages.length),
          ...site.pages,
          site.pages.length === 1 ? vscode.l10n.t('With one annotated page, the errors are those of one-page models on the next pages of other sites.') : '',
        ].filter((line) => line !== '').join('\n');
        item.id = `quality:body:${first}`;
        return item;
      }
      case 'hand': {
        const item = new vscode.TreeItem(vscode.l10n.t('Tagged by hand'));
        item.description = String(node.count);
        item.tooltip = vscode.l10n.t('Actors and dates you tagged without a suggestion: what the suggestions missed.');
        item.iconPath = new vscode.ThemeIcon('edit');
        return item;
      }
    }
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

function percent(x: number | undefined): string {
  return x === undefined ? '—' : `${Math.round(x * 100)}%`;
}

/** An F1 difference in points with its sign: 0.031 → "+3.1". */
function signedPoints(x: number): string {
  const points = (x * 100).toFixed(1);
  return x > 0 ? `+${points}` : points;
}

function tallyItem(label: string, tally: Tally, state: vscode.TreeItemCollapsibleState, icon?: string, id?: string): vscode.TreeItem {
  const item = new vscode.TreeItem(label, state);
  item.description = vscode.l10n.t('{0} precision · {1} accepted · {2} dismissed · {3} corrected', percent(tally.precision), tally.accepted, tally.dismissed, tally.corrected);
  item.tooltip = vscode.l10n.t('{0}: {1} of {2} decisions accepted as suggested; {3} dismissed; {4} corrected (another label or other bounds).',
    label, tally.accepted, decisionCount(tally), tally.dismissed, tally.corrected);
  if (icon) item.iconPath = new vscode.ThemeIcon(icon);
  if (id) item.id = id;
  return item;
}

function sourceName(source: string): string {
  switch (source) {
    case SOURCE_RULES:
      return vscode.l10n.t('Rules');
    case SOURCE_LEARNED:
      return vscode.l10n.t('Learned model');
    case SOURCE_PROPAGATION:
      return vscode.l10n.t('Propagation');
    default:
      return source;
  }
}

function sourceIcon(source: string): string {
  if (source === SOURCE_LEARNED) return 'mortar-board';
  if (source === SOURCE_PROPAGATION) return 'references';
  if (source === SOURCE_RULES) return 'symbol-ruler';
  return 'extensions';
}

/** Opens a document and selects [start, end) (UTF-16 offsets), e.g. an occurrence clicked in a view. */
async function revealOccurrence(args?: RevealArgs): Promise<boolean> {
  if (!args || typeof args.uri !== 'string' || !Number.isInteger(args.start) || !Number.isInteger(args.end)) return false;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  const end = Math.min(args.end, doc.getText().length);
  const range = new vscode.Range(doc.positionAt(Math.min(args.start, end)), doc.positionAt(end));
  const editor = await vscode.window.showTextDocument(doc, { selection: range, preserveFocus: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

export interface NewsmarkViews {
  documents: DocumentsProvider;
  actors: EntitiesProvider;
  dates: EntitiesProvider;
  quality: QualityProvider;
  /** Resolves when the views' corpus data is loaded (after a refresh: reloaded). */
  ready(): Promise<void>;
  /** Review progress over the corpus, as the Documents view shows it. */
  review(): ReviewCounts;
}

export function register(ctx: EditorContext): NewsmarkViews {
  const subs = ctx.extension.subscriptions;
  const index = new CorpusIndex(ctx);
  const labelOrder = () => ctx.settings().labels.map((l) => l.id);
  const documents = new DocumentsProvider(index, labelOrder);
  const actors = new EntitiesProvider(index, 'actor');
  const dates = new EntitiesProvider(index, 'date');
  const quality = new QualityProvider(index, ctx.analysis);
  // Scores are calibrated on the decisions in every sidecar: read them when a score threshold is set (the
  // views read them anyway when shown).
  const calibrate = () => {
    const calibration = new Calibration(index.documents().flatMap((d) => d.decisions));
    ctx.analysis.setCalibration((s: Suggestion) => {
      const source = suggestedBy(s).source;
      return { score: calibration.score(source, s.score), decisions: calibration.evidence(source, s.score) };
    });
  };
  index.onDidChange(calibrate);
  if (ctx.settings().suggestions.minScore > 0) void index.ready();
  const documentsView = vscode.window.createTreeView(VIEW_IDS.documents, { treeDataProvider: documents });
  subs.push(
    index,
    documents,
    actors,
    dates,
    documentsView,
    vscode.window.createTreeView(VIEW_IDS.actors, { treeDataProvider: actors, showCollapseAll: true }),
    vscode.window.createTreeView(VIEW_IDS.dates, { treeDataProvider: dates, showCollapseAll: true }),
    quality,
    vscode.window.createTreeView(VIEW_IDS.quality, { treeDataProvider: quality }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('newsmark.suggestions.minScore') && ctx.settings().suggestions.minScore > 0) void index.ready();
    }),
    ctx.store.onDidChange(({ state, reason }) => {
      if (reason !== 'load') index.invalidate(state.uri);
    }),
    vscode.commands.registerCommand(Cmd.revealOccurrence, revealOccurrence),
    vscode.commands.registerCommand(Cmd.refreshCorpus, () => index.reload()),
    vscode.commands.registerCommand(FILTER_DOCUMENTS_COMMAND, async (filter?: DocumentFilter) => {
      const chosen = filter ?? (await pickFilter(documents.filter));
      if (!chosen) return;
      documents.setFilter(chosen);
      documentsView.description = chosen === 'all' ? undefined : statusLabel(chosen);
    }),
  );
  const onSidecar = (sidecarUri: vscode.Uri) => {
    const docPath = ctx.store.locatorFor(sidecarUri).pageFor(sidecarUri.path);
    if (docPath) index.invalidate(sidecarUri.with({ path: docPath }));
  };
  subs.push(ctx.sidecars.onDidChange(({ uri }) => onSidecar(uri)));
  // Corpus review progress stands in the Documents view's message line.
  const showProgress = () => {
    const r = index.review();
    documentsView.message = r.tags === 0 ? undefined
      : vscode.l10n.t('Reviewed {0} of {1} tags ({2}%): {3} approved, {4} rejected', r.approved + r.rejected, r.tags, Math.floor(((r.approved + r.rejected) / r.tags) * 100), r.approved, r.rejected);
  };
  subs.push(index.onDidChange(showProgress));
  return { documents, actors, dates, quality, ready: () => index.ready(), review: () => index.review() };
}

async function pickFilter(current: DocumentFilter): Promise<DocumentFilter | undefined> {
  const items: Array<vscode.QuickPickItem & { filter: DocumentFilter }> = [
    { label: vscode.l10n.t('All documents'), filter: 'all' },
    ...DOC_STATUSES.map((s) => ({ label: statusLabel(s), filter: s as DocumentFilter })),
  ];
  for (const item of items) if (item.filter === current) item.description = vscode.l10n.t('(current)');
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Show which documents?') });
  return picked?.filter;
}
