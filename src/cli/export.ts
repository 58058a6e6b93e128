// `newsmark export`: every document of a folder with its (re-anchored) sidecar tags, streamed one document
// at a time through an exporter of src/core/export into files of an output folder.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnalysisContext } from '../core/detect/analyse';
import { sidecarEntryProblems, unusableSidecarReason } from '../core/export/prepare';
import { exporters, exportDocuments } from '../core/export/registry';
import type { ExportDocument, ExportOptions, Manifest } from '../core/export/types';
import type { SidecarData, Suggestion } from '../core/model/types';
import { ExportFolder, ExportFolderError } from '../node/exportFolder';
import { isInside } from '../node/files';
import { choiceOption, listOption, parseCommandLine, requiredOption, stringOption } from './args';
import { analyseText, learnedCorpus } from './analysis';
import { BODY_LABEL, reanchorSidecar, readSidecar } from './documents';
import { type CliEnv, loadLexicons } from './env';
import { readModelOption } from './model';
import { UsageError, terminalSafe } from './report';
import { readPageReported, reportSidecarsWithoutPage } from './pages';
import { listCorpus, requireFolder } from './walk';
import { fromPosix, openWorkspace, type Workspace, WORKSPACE_OPTIONS } from './workspace';

/** Formats that fall back to detected body lines for documents without `body` tags. */
const BODY_LINE_FORMATS = new Set(['conll', 'text']);

export async function exportCommand(argv: readonly string[], env: CliEnv): Promise<number> {
  const args = parseCommandLine(argv, {
    format: { type: 'string' },
    out: { type: 'string' },
    labels: { type: 'string' },
    status: { type: 'string' },
    offsets: { type: 'string' },
    include: { type: 'string' },
    review: { type: 'string' },
    glob: { type: 'string' },
    lexicons: { type: 'string' },
    model: { type: 'string' },
    ...WORKSPACE_OPTIONS,
  });
  if (args.positionals.length !== 1) throw new UsageError('export needs exactly one corpus folder');
  const [dir] = args.positionals;
  requireFolder(dir, 'the corpus');
  const format = requiredOption(args, 'format');
  if (!exporters.has(format)) throw new UsageError(`unknown --format "${format}" (known: ${[...exporters.keys()].join(', ')})`);
  const outDir = requiredOption(args, 'out');
  const corpusRoot = fs.realpathSync(dir);
  checkOutFolder(outDir, corpusRoot);
  const status = stringOption(args, 'status');
  if (status !== undefined && status !== 'done') throw new UsageError(`--status only accepts "done" (got "${status}")`);
  const options: ExportOptions = {
    onlyDone: status === 'done',
    include: choiceOption(args, 'include', ['accepted', 'pending'] as const, 'accepted'),
    offsets: choiceOption(args, 'offsets', ['codepoint', 'utf16'] as const, 'codepoint'),
    review: choiceOption(args, 'review', ['approved', 'any'] as const, 'any'),
  };
  const labels = listOption(args, 'labels');
  // a model changes only the suggestions exported as pending: anywhere else it would be read for nothing
  if (stringOption(args, 'model') !== undefined && options.include !== 'pending') throw new UsageError('--model only applies with --include pending (it changes the suggestions exported as pending)');
  const base = readModelOption(args, env);
  if (base === null) return 1;
  if (labels) options.labels = labels;
  const { reporter } = env;

  const ws = openWorkspace(dir, args, reporter);
  const files = listCorpus([dir], ws, reporter);
  reportSidecarsWithoutPage(dir, ws, reporter);
  const needsDetection = options.include === 'pending' || BODY_LINE_FORMATS.has(format);
  let ctx: AnalysisContext | undefined;
  if (needsDetection) {
    const lexicons = loadLexicons(env, ws.lexicons);
    // the suggestions the editor shows: the rules, the repeats of accepted texts, the span learner
    ctx = learnedCorpus(files, ws, reporter, lexicons, { relativeDates: false }, base).ctx;
  }

  let brokenSkipped = 0;
  function* documents(): Generator<ExportDocument> {
    for (let index = 0; index < files.length; index++) {
      const file = files[index];
      reporter.progress('exporting', index + 1, files.length);
      const { text, problem } = readPageReported(file.path, reporter);
      if (text === undefined) {
        yield { path: file.rel, text: '', skip: problem ?? '' };
        continue;
      }
      const read = readSidecar(file.path, ws, reporter);
      if (read.broken) {
        brokenSkipped++;
        yield { path: file.rel, text: '', skip: unusableSidecarReason(read.parsed?.problems ?? []) };
        continue;
      }
      const doc: ExportDocument = { path: file.rel, text };
      const invalidEntries = sidecarEntryProblems(read.parsed?.problems ?? []);
      if (invalidEntries.length > 0) doc.invalidEntries = invalidEntries;
      if (read.data) doc.sidecar = reanchorSidecar({ ...read, data: read.data }, text, reporter).data;
      const hasBodyTags = doc.sidecar?.annotations.some((tag) => tag.label === BODY_LABEL && !tag.orphaned) ?? false;
      if (ctx && (options.include === 'pending' || !hasBodyTags)) {
        const analysis = analyseText(file.path, text, ctx);
        if (options.include === 'pending') doc.suggestions = pendingOnly(analysis.suggestions, doc.sidecar);
        doc.lines = analysis.lines;
      }
      yield doc;
    }
  }

  let sink: ExportFolder;
  try {
    sink = ExportFolder.open(outDir, { protect: [corpusRoot] });
  } catch (error) {
    if (!(error instanceof ExportFolderError)) throw error;
    reporter.error(outDir, 1, 1, `${error.message}; nothing was exported`);
    return 1;
  }
  let manifest: Manifest;
  let removed: string[];
  try {
    manifest = exportDocuments(format, documents(), sink, options);
    removed = sink.commit().removed;
  } catch (error) {
    sink.abort();
    reporter.endProgress();
    if (!(error instanceof ExportFolderError)) throw error;
    reporter.error(outDir, 1, 1, `${error.message}; nothing was exported (the folder keeps what it held)`);
    return 1;
  }
  reporter.endProgress();
  env.io.stdout.write(terminalSafe(exportSummary(manifest, outDir, brokenSkipped, removed, ws)));
  return reporter.errors > 0 ? 1 : 0;
}

/** --out must be a folder (or not exist yet) outside the corpus: an export never writes among the pages. */
function checkOutFolder(outDir: string, corpusRoot: string): void {
  let existing = path.resolve(outDir);
  const rest: string[] = [];
  for (;;) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(existing);
    } catch {
      stat = undefined;
    }
    if (stat) {
      if (rest.length === 0 && !stat.isDirectory()) throw new UsageError(`--out "${outDir}" is a file, not a folder`);
      break;
    }
    const parent = path.dirname(existing);
    if (parent === existing) break;
    rest.unshift(path.basename(existing));
    existing = parent;
  }
  const real = path.join(fs.realpathSync(existing), ...rest);
  if (real === corpusRoot || isInside(corpusRoot, real)) {
    throw new UsageError(`--out "${outDir}" is inside the corpus folder: the export would be written among the pages it reads (choose a folder outside it)`);
  }
}

/** Suggestions the annotator has not already tagged or dismissed at the same place. */
function pendingOnly(suggestions: readonly Suggestion[], sidecar: SidecarData | undefined): Suggestion[] {
  if (!sidecar) return [...suggestions];
  const key = (s: { label: string; start: number; end: number }): string => `${s.label}\u0000${s.start}\u0000${s.end}`;
  const known = new Set([...sidecar.annotations, ...sidecar.dismissed].map(key));
  return suggestions.filter((s) => !known.has(key(s)));
}

function exportSummary(manifest: Manifest, outDir: string, brokenSkipped: number, removed: readonly string[], ws: Workspace): string {
  const tags = Object.entries(manifest.tags).map(([label, n]) => `${label} ${n}`).join(', ') || 'none';
  const files = manifest.files.length <= 4 ? manifest.files.join(', ') : `${manifest.files.length} files`;
  const lines = [
    `exported ${manifest.documents.exported} documents as ${manifest.format} to ${outDir} (${files})`,
    `tags: ${tags}`,
  ];
  // Where the tags came from, so an export of the wrong layout does not pass unnoticed.
  if (ws.locator.sidecarRoot) lines.push(`sidecars read from the sidecar folder ${path.relative(process.cwd(), fromPosix(ws.locator.sidecarRoot)) || '.'}`);
  const predictions = Object.entries(manifest.predictions).map(([label, n]) => `${label} ${n}`).join(', ');
  if (predictions) lines.push(`predictions: ${predictions}`);
  if (manifest.documents.skipped > 0) lines.push(`skipped: ${manifest.documents.skipped} documents (see manifest.json)`);
  if (brokenSkipped > 0) lines.push(`of these, ${brokenSkipped} documents whose sidecar could not be used`);
  if (manifest.review.leftOut > 0) {
    const { rejected, unreviewed } = manifest.review;
    lines.push(`left out by --review approved: ${manifest.review.leftOut} tags (${rejected} rejected, ${unreviewed} not reviewed)`);
  }
  if (manifest.orphaned.total > 0) lines.push(`orphaned tags not exported: ${manifest.orphaned.total}`);
  if (manifest.invalid.total > 0) lines.push(`invalid tags not exported: ${manifest.invalid.total}`);
  if (manifest.invalidEntries.total > 0) lines.push(`sidecar entries that could not be read: ${manifest.invalidEntries.total} (see manifest.json)`);
  if (removed.length > 0) lines.push(`removed ${removed.length} files of the earlier export that this one does not write`);
  if (manifest.dropped.total > 0) lines.push(`tags dropped by the format: ${manifest.dropped.total}`);
  if (manifest.widened.total > 0) lines.push(`tags widened to whole tokens: ${manifest.widened.total}`);
  return `${lines.join('\n')}\n`;
}
