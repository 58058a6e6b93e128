// "Export Labelled Data…" and "Import Annotations…": the editor side of src/core/export and src/core/import.
// Files are read and written through vscode.workspace.fs; sidecars are read and merged like the store does,
// and a sidecar that does not parse is never written over.
import * as vscode from 'vscode';
import { sidecarEntryProblems, unusableSidecarReason } from '../core/export/prepare';
import { exporters } from '../core/export/registry';
import type { ExportDocument, ExportOptions, ExportSession, ExportSink, Manifest } from '../core/export/types';
import { importBrat, importJsonl, ImportError, matchDocument, mergeImported, type ImportedTag } from '../core/import';
import type { SidecarData, Suggestion } from '../core/model/types';
import { reanchor } from '../core/sidecar/anchor';
import { parseSidecar, serialiseSidecar } from '../core/sidecar/codec';
import { sha256Utf8 } from '../core/sidecar/hash';
import type { OffsetUnit } from '../core/text/offsets';
import type { EditorContext } from './context';
import { PageNotRead, readPageText, readPageTextOrSkip, readSidecarText, readText, withSidecarLock, writeTextAtomic } from './fsio';
import { Cmd } from './ids';
import { ExportFolder } from '../node/exportFolder';

const LAST_FORMAT_KEY = 'newsmark.export.lastFormat';
/** Formats that write detected body lines for documents without `body` tags. */
const BODY_LINE_FORMATS = new Set(['conll', 'text']);
const SLICE_MS = 40;
const BODY_LABEL = 'body';

/** Arguments of `newsmark.exportData` for scripts and tests: no pickers, the manifest is returned. */
export interface ExportArgs {
  format: string;
  /** The output folder, a URI string. */
  out: string;
  labels?: string[];
  onlyDone?: boolean;
  include?: 'accepted' | 'pending';
  offsets?: OffsetUnit;
  /** 'approved': only tags a reviewer approved. */
  review?: 'any' | 'approved';
}

export interface ImportArgs {
  /** brat .ann (with the .txt beside it) and .jsonl files, as URI strings. */
  files: string[];
}

export interface ImportSummary {
  added: number;
  duplicates: number;
  conflicts: number;
  /** Records whose text matches no corpus document. */
  unmatched: number;
  /** Documents whose sidecar was left alone because it cannot be read safely (or the open text differs). */
  skipped: number;
  /** Sidecars written or open documents updated. */
  documents: number;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function relPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

function isInside(folder: vscode.Uri, uri: vscode.Uri): boolean {
  const root = folder.path.replace(/\/+$/, '') + '/';
  return uri.scheme === folder.scheme && uri.authority === folder.authority && uri.path.startsWith(root);
}

/** Pause between slices of work so the extension host stays responsive. */
class Slicer {
  private since = Date.now();
  async maybeYield(): Promise<void> {
    if (Date.now() - this.since < SLICE_MS) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.since = Date.now();
  }
}

/**
 * Where an export goes. On disk, the node export folder: files are staged and moved into place at the end,
 * manifest last, never through a link (a cancelled or killed export leaves the earlier one whole). Elsewhere
 * (remote and virtual workspaces), every output file is kept in memory as chunks (workspace.fs cannot append)
 * and written when the session has ended.
 */
class WorkspaceSink implements ExportSink {
  private readonly files = new Map<string, string[]>();
  private readonly disk: ExportFolder | undefined;

  constructor(private readonly folder: vscode.Uri) {
    if (folder.scheme === 'file') this.disk = ExportFolder.open(folder.fsPath);
  }

  appendText(relPath: string, text: string): void {
    if (this.disk) return this.disk.appendText(relPath, text);
    const chunks = this.files.get(relPath);
    if (chunks) chunks.push(text);
    else this.files.set(relPath, [text]);
  }

  writeText(relPath: string, text: string): void {
    if (this.disk) return this.disk.writeText(relPath, text);
    this.files.set(relPath, [text]);
  }

  abort(): void {
    this.disk?.abort();
    this.files.clear();
  }

  async finish(): Promise<void> {
    if (this.disk) {
      this.disk.commit();
      return;
    }
    const encoder = new TextEncoder();
    await vscode.workspace.fs.createDirectory(this.folder);
    for (const [relPath, chunks] of this.files) {
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(this.folder, ...relPath.split('/')), encoder.encode(chunks.join('')));
      this.files.delete(relPath);
    }
  }
}

interface ExportRun {
  /** Undefined when cancelled. */
  manifest?: Manifest;
  /** Documents left out because their sidecar could not be read. */
  broken: string[];
}

async function runExport(
  ctx: EditorContext,
  format: string,
  out: vscode.Uri,
  options: ExportOptions,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<ExportRun> {
  const exporter = exporters.get(format);
  if (!exporter) throw new Error(vscode.l10n.t('Unknown export format "{0}" (known: {1})', format, [...exporters.keys()].join(', ')));
  await ctx.store.flush();
  // Earlier exports inside the workspace hold .txt files too: never export an export.
  const files = (await ctx.analysis.corpusFiles()).filter((uri) => !isInside(out, uri));
  const needsLines = BODY_LINE_FORMATS.has(format);
  const needsDetection = needsLines || options.include === 'pending';
  if (needsDetection) await ctx.analysis.buildCorpus();

  const sink = new WorkspaceSink(out);
  try {
    return await exportInto(ctx, exporter.begin(sink, options), sink, files, needsDetection, options, progress, token);
  } catch (err) {
    sink.abort();
    throw err;
  }
}

async function exportInto(
  ctx: EditorContext,
  session: ExportSession,
  sink: WorkspaceSink,
  files: readonly vscode.Uri[],
  needsDetection: boolean,
  options: ExportOptions,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<ExportRun> {
  const settings = ctx.settings();
  const broken: string[] = [];
  const slicer = new Slicer();
  for (let i = 0; i < files.length; i++) {
    if (token.isCancellationRequested) {
      sink.abort();
      return { broken };
    }
    const uri = files[i];
    progress.report({ message: `${i + 1} / ${files.length}`, increment: 100 / Math.max(1, files.length) });
    let text: string | undefined;
    try {
      text = await readPageText(uri);
    } catch (err) {
      if (!(err instanceof PageNotRead)) throw err;
      ctx.log.warn(`export: ${err.message}`);
      session.add({ path: relPath(uri), text: '', skip: err.message });
      continue;
    }
    if (text === undefined) continue;
    const doc: ExportDocument = { path: relPath(uri), text };
    let sidecarText: string | undefined;
    try {
      sidecarText = await readSidecarText(ctx.store.sidecarUriFor(uri), settings.maxSidecarBytes);
    } catch (err) {
      broken.push(relPath(ctx.store.sidecarUriFor(uri)));
      session.add({ path: doc.path, text: '', skip: `its sidecar cannot be used (${errorText(err)})` });
      continue;
    }
    if (sidecarText !== undefined) {
      const parsed = parseSidecar(sidecarText, { maxBytes: settings.maxSidecarBytes });
      if (!parsed.data) {
        broken.push(relPath(ctx.store.sidecarUriFor(uri)));
        ctx.log.warn(`export: ${relPath(uri)} left out, its sidecar cannot be read: ${parsed.problems[0]?.message ?? ''}`);
        session.add({ path: doc.path, text: '', skip: unusableSidecarReason(parsed.problems) });
        continue;
      }
      doc.sidecar = placedSidecar(parsed.data, text);
      const invalidEntries = sidecarEntryProblems(parsed.problems);
      if (invalidEntries.length > 0) doc.invalidEntries = invalidEntries;
    }
    const hasBodyTags = doc.sidecar?.annotations.some((a) => a.label === BODY_LABEL && !a.orphaned) ?? false;
    if (needsDetection && (options.include === 'pending' || !hasBodyTags)) {
      const analysis = await ctx.analysis.analyseText(text, uri.toString());
      doc.lines = analysis.lines;
      if (options.include === 'pending') doc.suggestions = pendingOnly(analysis.suggestions, doc.sidecar);
    }
    session.add(doc);
    await slicer.maybeYield();
  }
  const manifest = session.end();
  await sink.finish();
  return { manifest, broken };
}

/** Tags re-anchored in the current text (orphans kept, flagged: the exporter reports them). */
function placedSidecar(data: SidecarData, text: string): SidecarData {
  const anns = reanchor(text, data.annotations);
  return { ...data, annotations: [...anns.placed, ...anns.moved, ...anns.orphaned] };
}

/** Suggestions the annotator has not tagged or dismissed at the same place. */
function pendingOnly(suggestions: readonly Suggestion[], sidecar: SidecarData | undefined): Suggestion[] {
  if (!sidecar) return [...suggestions];
  const key = (s: { label: string; start: number; end: number }) => `${s.label}\u0000${s.start}\u0000${s.end}`;
  const known = new Set([...sidecar.annotations, ...sidecar.dismissed].map(key));
  return suggestions.filter((s) => !known.has(key(s)));
}

function totalTags(manifest: Manifest): number {
  return Object.values(manifest.tags).reduce((n, c) => n + c, 0);
}

async function pickFormat(ctx: EditorContext): Promise<string | undefined> {
  const last = ctx.extension.workspaceState.get<string>(LAST_FORMAT_KEY) ?? ctx.settings().export.format;
  const items = [...exporters.values()].map((e) => ({ label: e.title, description: e.id, detail: e.description, id: e.id }));
  items.sort((a, b) => Number(b.id === last) - Number(a.id === last));
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder: vscode.l10n.t('Export the corpus tags as…'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked) await ctx.extension.workspaceState.update(LAST_FORMAT_KEY, picked.id);
  return picked?.id;
}

async function pickOutputFolder(format: string): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    defaultUri: folder ? vscode.Uri.joinPath(folder.uri, 'export', format) : undefined,
    openLabel: vscode.l10n.t('Export Here'),
    title: vscode.l10n.t('Folder for the {0} export', format),
  });
  return picked?.[0];
}

async function exportData(ctx: EditorContext, args?: ExportArgs): Promise<Manifest | undefined> {
  if (!ctx.trusted()) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Newsmark: exporting writes files, so it needs a trusted workspace.'));
    return undefined;
  }
  const settings = ctx.settings();
  let format: string | undefined;
  let out: vscode.Uri | undefined;
  const options: ExportOptions = { offsets: settings.export.offsets };
  if (args) {
    format = args.format;
    out = vscode.Uri.parse(args.out);
    if (args.labels) options.labels = args.labels;
    if (args.onlyDone !== undefined) options.onlyDone = args.onlyDone;
    if (args.include) options.include = args.include;
    if (args.offsets) options.offsets = args.offsets;
    if (args.review) options.review = args.review;
  } else {
    format = await pickFormat(ctx);
    if (!format) return undefined;
    const review = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('All tags'), review: 'any' as const },
        { label: vscode.l10n.t('Only tags a reviewer approved'), review: 'approved' as const },
      ],
      { placeHolder: vscode.l10n.t('Which tags to export?') },
    );
    if (!review) return undefined;
    options.review = review.review;
    out = await pickOutputFolder(format);
  }
  if (!format || !out) return undefined;
  const exportFormat = format;
  const folder = out;

  let run: ExportRun;
  try {
    run = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Newsmark: exporting {0}', exportFormat), cancellable: true },
      (progress, token) => runExport(ctx, exportFormat, folder, options, progress, token),
    );
  } catch (err) {
    ctx.log.error(`export ${exportFormat} to ${folder.toString(true)}: ${errorText(err)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Newsmark: the export failed: {0}', errorText(err)));
    if (args) throw err;
    return undefined;
  }
  const m = run.manifest;
  if (!m) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Newsmark: export cancelled; no files were written.'));
    return undefined;
  }
  ctx.log.info(`exported ${m.documents.exported} documents (${exportFormat}) to ${folder.toString(true)}: ${JSON.stringify(m.tags)}`);
  let message = vscode.l10n.t('Newsmark: exported {0} documents, {1} tags to {2}.', m.documents.exported, totalTags(m), vscode.workspace.asRelativePath(folder));
  if (m.documents.skipped > 0) message += ' ' + vscode.l10n.t('{0} documents skipped (see manifest.json).', m.documents.skipped);
  if (run.broken.length > 0) message += ' ' + vscode.l10n.t('{0} documents left out because their sidecar cannot be read: {1}.', run.broken.length, run.broken.slice(0, 3).join(', '));
  const notExported = m.orphaned.total + m.invalid.total + m.dropped.total;
  if (notExported > 0) message += ' ' + vscode.l10n.t('{0} tags not exported (see manifest.json).', notExported);
  if (m.review.leftOut > 0) message += ' ' + vscode.l10n.t('{0} tags left out as not approved ({1} rejected, {2} not reviewed).', m.review.leftOut, m.review.rejected, m.review.unreviewed);
  void showExportSummary(message, folder, run.broken.length > 0);
  return m;
}

async function showExportSummary(message: string, folder: vscode.Uri, warn: boolean): Promise<void> {
  const open = vscode.l10n.t('Open Folder');
  const show = warn ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  if ((await show(message, open)) !== open) return;
  const commands = await vscode.commands.getCommands(true);
  if (folder.scheme === 'file' && commands.includes('revealFileInOS')) {
    await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.joinPath(folder, 'manifest.json'));
  } else {
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, 'manifest.json'));
  }
}

// ---------------------------------------------------------------------------------------------- import

interface ImportInput {
  source: string;
  text: string;
  tags: ImportedTag[];
  document?: string;
}

/** Reads the chosen files: brat pairs (either file of a pair selects it) and jsonl records. */
async function readImportFiles(ctx: EditorContext, files: vscode.Uri[], problems: string[]): Promise<ImportInput[]> {
  const inputs: ImportInput[] = [];
  const bratStems = new Set<string>();
  for (const file of files) {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    if (/\.(ann|txt)$/i.test(name)) {
      const stem = file.with({ path: file.path.replace(/\.(ann|txt)$/i, '') }).toString();
      if (bratStems.has(stem)) continue;
      bratStems.add(stem);
      const base = vscode.Uri.parse(stem);
      const txtUri = base.with({ path: `${base.path}.txt` });
      const annUri = base.with({ path: `${base.path}.ann` });
      const [txt, ann] = await Promise.all([readText(txtUri), readText(annUri)]);
      if (txt === undefined || ann === undefined) {
        problems.push(vscode.l10n.t('{0}: a brat document needs both {1} and {2}', name, txtUri.path.split('/').pop() ?? '', annUri.path.split('/').pop() ?? ''));
        continue;
      }
      const record = importBrat(txt, ann);
      for (const p of record.problems) problems.push(`${annUri.path.split('/').pop()}: ${p}`);
      inputs.push({ source: vscode.workspace.asRelativePath(annUri), text: record.text, tags: record.tags, document: record.document });
    } else if (/\.jsonl?$/i.test(name)) {
      const content = await readText(file);
      if (content === undefined) {
        problems.push(vscode.l10n.t('{0}: not found', name));
        continue;
      }
      content.split('\n').forEach((line, index) => {
        if (line.trim() === '') return;
        try {
          const record = importJsonl(line);
          for (const p of record.problems) problems.push(`${name}:${index + 1}: ${p}`);
          inputs.push({ source: `${name}:${index + 1}`, text: record.text, tags: record.tags, document: record.document });
        } catch (err) {
          if (!(err instanceof ImportError)) throw err;
          problems.push(`${name}:${index + 1}: ${err.message}`);
        }
      });
    } else {
      problems.push(vscode.l10n.t('{0}: not a brat (.ann/.txt) or JSON Lines (.jsonl) file', name));
    }
  }
  ctx.log.info(`import: ${inputs.length} record(s) read from ${files.length} file(s)`);
  return inputs;
}

/** Corpus documents by the SHA-256 of their text; a record naming its document is checked first. */
class CorpusHashes {
  private hashes: Map<string, { uri: vscode.Uri; sha256: string; text: string }> | undefined;
  private readonly byPath = new Map<string, vscode.Uri>();

  constructor(private readonly files: vscode.Uri[], private readonly log: { warn(message: string): void }) {
    for (const uri of files) this.byPath.set(relPath(uri), uri);
  }

  async match(text: string, documentHint: string | undefined, slicer: Slicer): Promise<{ uri: vscode.Uri; text: string } | undefined> {
    const hinted = documentHint !== undefined ? this.byPath.get(documentHint) : undefined;
    if (hinted) {
      const docText = await readPageTextOrSkip(hinted, this.log);
      if (docText === text) return { uri: hinted, text: docText };
    }
    if (!this.hashes) {
      this.hashes = new Map();
      for (const uri of this.files) {
        const docText = await readPageTextOrSkip(uri, this.log);
        if (docText !== undefined) this.hashes.set(relPath(uri), { uri, sha256: sha256Utf8(docText), text: docText });
        await slicer.maybeYield();
      }
    }
    const path = matchDocument(text, [...this.hashes.entries()].map(([p, d]) => ({ path: p, sha256: d.sha256 })), documentHint);
    const found = path !== undefined ? this.hashes.get(path) : undefined;
    return found ? { uri: found.uri, text: found.text } : undefined;
  }
}

/** The sidecar's `document` field: the document relative to the sidecar's folder. */
async function importIntoDocument(
  ctx: EditorContext,
  uri: vscode.Uri,
  docText: string,
  tags: ImportedTag[],
  summary: ImportSummary,
  problems: string[],
): Promise<void> {
  const name = relPath(uri);
  const annotator = ctx.settings().annotator;
  // Checked on disk even for open documents: the store learns of a change on disk only when its watcher fires.
  const sidecarUri = ctx.store.sidecarUriFor(uri);
  const diskText = await readSidecarText(sidecarUri, ctx.settings().maxSidecarBytes);
  const parsed = diskText !== undefined ? parseSidecar(diskText, { maxBytes: ctx.settings().maxSidecarBytes }) : undefined;
  if (parsed && (!parsed.data || !parsed.writable)) {
    const first = parsed.problems[0];
    problems.push(vscode.l10n.t('{0}: its sidecar cannot be read safely ({1}), so nothing was imported into it', name, first ? `${first.line}:${first.col} ${first.message}` : ''));
    summary.skipped++;
    return;
  }
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) {
    // Through the store, so the editor shows the tags at once and undo covers them.
    if (open.getText() !== docText) {
      problems.push(vscode.l10n.t('{0}: open with unsaved changes; save it and import again', name));
      summary.skipped++;
      return;
    }
    const state = await ctx.store.load(open);
    if (!state.writable) {
      problems.push(vscode.l10n.t('{0}: its sidecar cannot be read safely ({1}), so nothing was imported into it', name, state.problems[0]?.message ?? ''));
      summary.skipped++;
      return;
    }
    const merged = mergeImported(state.data, state.text, tags, new Date(), annotator);
    summary.duplicates += merged.duplicates;
    summary.conflicts += merged.conflicts.length;
    const existingIds = new Set(state.data.annotations.map((a) => a.id));
    const fresh = merged.sidecar.annotations.filter((a) => !existingIds.has(a.id));
    const added = ctx.store.addTags(
      state,
      fresh.map((a) => ({ label: a.label, start: a.start, end: a.end, source: 'imported' as const, ...(a.value !== undefined ? { value: a.value } : {}) })),
      'import',
    );
    summary.added += added.length;
    if (added.length > 0) summary.documents++;
    else if (fresh.length > 0) summary.skipped++; // the store refused: read-only
    return;
  }
  await withSidecarLock(sidecarUri, async () => {
    // Read again under the lock: a command-line import or another save may have written it meanwhile.
    const lockedText = await readSidecarText(sidecarUri, ctx.settings().maxSidecarBytes);
    const current = lockedText === diskText ? parsed : lockedText !== undefined ? parseSidecar(lockedText, { maxBytes: ctx.settings().maxSidecarBytes }) : undefined;
    if (current && (!current.data || !current.writable)) {
      problems.push(vscode.l10n.t('{0}: its sidecar cannot be read safely ({1}), so nothing was imported into it', name, current.problems[0]?.message ?? ''));
      summary.skipped++;
      return;
    }
    // The sidecar as stored: importing never moves or flags the tags already there.
    const document = ctx.store.locatorFor(uri).documentField(uri.path);
    const merged = mergeImported(current?.data, docText, tags, new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), annotator, document);
    if (merged.added > 0) {
      const data: SidecarData = {
        ...merged.sidecar,
        document, // an old-form field is written by the rule of core
        sha256: sha256Utf8(docText),
        // An empty annotator name is not worth a `by` field.
        annotations: annotator ? merged.sidecar.annotations : merged.sidecar.annotations.map(({ by, ...rest }) => (by ? { ...rest, by } : rest)),
      };
      await writeTextAtomic(sidecarUri, serialiseSidecar(data, current));
      summary.documents++;
    }
    summary.duplicates += merged.duplicates;
    summary.conflicts += merged.conflicts.length;
    summary.added += merged.added;
  });
}

async function importData(ctx: EditorContext, args?: ImportArgs): Promise<ImportSummary | undefined> {
  if (!ctx.trusted()) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Newsmark: importing writes sidecars, so it needs a trusted workspace.'));
    return undefined;
  }
  let files: vscode.Uri[] | undefined;
  if (args) {
    files = args.files.map((f) => vscode.Uri.parse(f));
  } else {
    files = await vscode.window.showOpenDialog({
      canSelectMany: true,
      canSelectFiles: true,
      canSelectFolders: false,
      openLabel: vscode.l10n.t('Import'),
      filters: { [vscode.l10n.t('brat and JSON Lines')]: ['ann', 'txt', 'jsonl', 'json'] },
    });
  }
  if (!files || files.length === 0) return undefined;
  const chosen = files;
  const summary: ImportSummary = { added: 0, duplicates: 0, conflicts: 0, unmatched: 0, skipped: 0, documents: 0 };
  const problems: string[] = [];
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Newsmark: importing annotations') },
      async (progress) => {
        const inputs = await readImportFiles(ctx, chosen, problems);
        const corpus = new CorpusHashes(await ctx.analysis.corpusFiles(), ctx.log);
        const slicer = new Slicer();
        // Several records may belong to one document: their tags are merged into it together.
        const byDocument = new Map<string, { uri: vscode.Uri; text: string; tags: ImportedTag[] }>();
        for (const [i, input] of inputs.entries()) {
          progress.report({ message: `${i + 1} / ${inputs.length}` });
          const found = await corpus.match(input.text, input.document, slicer);
          if (!found) {
            summary.unmatched++;
            problems.push(vscode.l10n.t('{0}: its text matches no corpus document', input.source));
            continue;
          }
          const key = found.uri.toString();
          const entry = byDocument.get(key);
          if (entry) entry.tags.push(...input.tags);
          else byDocument.set(key, { uri: found.uri, text: found.text, tags: [...input.tags] });
        }
        for (const doc of byDocument.values()) {
          try {
            await importIntoDocument(ctx, doc.uri, doc.text, doc.tags, summary, problems);
          } catch (err) {
            summary.skipped++;
            problems.push(`${relPath(doc.uri)}: ${errorText(err)}`);
          }
        }
      },
    );
  } catch (err) {
    ctx.log.error(`import: ${errorText(err)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Newsmark: the import failed: {0}', errorText(err)));
    if (args) throw err;
    return undefined;
  }
  for (const p of problems) ctx.log.warn(`import: ${p}`);
  let message = vscode.l10n.t(
    'Newsmark: imported {0} tags into {1} documents ({2} duplicates skipped, {3} conflicts left for you, {4} records matched no document).',
    summary.added, summary.documents, summary.duplicates, summary.conflicts, summary.unmatched,
  );
  if (summary.skipped > 0) message += ' ' + vscode.l10n.t('{0} documents were not changed.', summary.skipped);
  const showLog = vscode.l10n.t('Show Details');
  const show = problems.length > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void Promise.resolve(problems.length > 0 ? show(message, showLog) : show(message)).then((choice) => {
    if (choice === showLog) ctx.log.show();
  });
  return summary;
}

export function register(ctx: EditorContext): void {
  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand(Cmd.exportData, (args?: ExportArgs) => exportData(ctx, isExportArgs(args) ? args : undefined)),
    vscode.commands.registerCommand(Cmd.importData, (args?: ImportArgs) => importData(ctx, isImportArgs(args) ? args : undefined)),
  );
}

// Menus and keybindings may pass their own arguments (a Uri, a tree item): only our shapes skip the pickers.
function isExportArgs(v: unknown): v is ExportArgs {
  return typeof v === 'object' && v !== null && typeof (v as ExportArgs).format === 'string' && typeof (v as ExportArgs).out === 'string';
}

function isImportArgs(v: unknown): v is ImportArgs {
  return typeof v === 'object' && v !== null && Array.isArray((v as ImportArgs).files);
}
