// `newsmark import`: tags from brat standoff or JSON Lines (jsonl export, doccano) merged into the sidecars
// of a corpus. Records find their document by identical text; existing tags are never changed; each sidecar
// is read, merged and written atomically holding its lock (so concurrent imports and editor saves lose
// nothing), and a sidecar that cannot be read, or may not be replaced, is never overwritten.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { importBrat } from '../core/import/brat';
import { importJsonl } from '../core/import/jsonl';
import { type CorpusDocument, matchDocument } from '../core/import/match';
import { mergeImported } from '../core/import/merge';
import type { ImportedRecord } from '../core/import/types';
import { newSidecar, serialiseSidecar } from '../core/sidecar/codec';
import { sha256Utf8 } from '../core/sidecar/hash';
import { decodePage } from '../core/text/decode';
import { type CorpusFile, errnoText, FileRefused, readFileIfExists, readTextIfExists, walkCorpus, withFileLock, writeFileAtomic } from '../node/files';
import { parseCommandLine, requiredOption, stringOption } from './args';
import { readSidecar } from './documents';
import type { CliEnv } from './env';
import { positionOf, type Reporter, UsageError } from './report';
import { readPageReported } from './pages';
import { listCorpus, requireFolder } from './walk';
import { openWorkspace, sidecarPathOf, type Workspace, WORKSPACE_OPTIONS } from './workspace';

interface SourceRecord {
  record: ImportedRecord;
  /** Where the record came from, for messages: file and 1-based line. */
  file: string;
  line: number;
}

interface ImportTotals {
  records: number;
  matched: number;
  unmatched: number;
  added: number;
  duplicates: number;
  conflicts: number;
  sidecarsWritten: number;
}

export async function importCommand(argv: readonly string[], env: CliEnv): Promise<number> {
  const args = parseCommandLine(argv, { into: { type: 'string' }, by: { type: 'string' }, glob: { type: 'string' }, ...WORKSPACE_OPTIONS });
  if (args.positionals.length !== 1) throw new UsageError('import needs exactly one source file or folder');
  const [source] = args.positionals;
  const intoDir = requiredOption(args, 'into');
  requireFolder(intoDir, 'the corpus (--into)');
  const by = stringOption(args, 'by') ?? userName();
  const { reporter } = env;
  if (!fs.existsSync(source)) {
    reporter.error(source, 1, 1, 'no such file or folder');
    return 1;
  }

  const ws = openWorkspace(intoDir, args, reporter);
  const corpus = listCorpus([intoDir], ws, reporter);
  const byHash = new Map<string, (CorpusDocument & { file: CorpusFile })[]>();
  for (const file of corpus) {
    const { text } = readPageReported(file.path, reporter, 'nothing is imported into it');
    if (text === undefined) continue;
    const hash = sha256Utf8(text);
    let list = byHash.get(hash);
    if (!list) byHash.set(hash, (list = []));
    list.push({ path: file.rel, sha256: hash, file });
  }

  const totals: ImportTotals = { records: 0, matched: 0, unmatched: 0, added: 0, duplicates: 0, conflicts: 0, sidecarsWritten: 0 };
  const now = new Date();
  for (const item of readSources(source, reporter)) {
    totals.records++;
    const candidates = byHash.get(sha256Utf8(item.record.text)) ?? [];
    const rel = matchDocument(item.record.text, candidates, item.record.document);
    const target = candidates.find((c) => c.path === rel)?.file;
    if (!target) {
      totals.unmatched++;
      reporter.error(item.file, item.line, 1, `no document in ${intoDir} has the text of this record${item.record.document ? ` (${item.record.document})` : ''}`);
      continue;
    }
    totals.matched++;
    mergeInto(target, ws, item.record, now, by, reporter, totals);
  }
  env.io.stdout.write(
    `${totals.records} records: ${totals.matched} matched, ${totals.unmatched} without a document\n`
    + `${totals.added} tags added, ${totals.duplicates} already there, ${totals.conflicts} conflicts; ${totals.sidecarsWritten} sidecars written\n`,
  );
  return reporter.errors > 0 ? 1 : 0;
}

function mergeInto(target: CorpusFile, ws: Workspace, record: ImportedRecord, now: Date, by: string, reporter: Reporter, totals: ImportTotals): void {
  const sidecarPath = sidecarPathOf(ws, target.path);
  try {
    // A mirrored sidecar's folder may not exist yet; its lock file goes there.
    if (ws.locator.mirrored) fs.mkdirSync(path.dirname(sidecarPath), { recursive: true });
    // Read, merge and write under the sidecar's lock: another import or an editor save in between would
    // otherwise be overwritten, and the counts below would not match the file.
    withFileLock(sidecarPath, () => mergeLocked(target, ws, record, now, by, reporter, totals));
  } catch (error) {
    if (!(error instanceof FileRefused) && (error as NodeJS.ErrnoException).code === undefined) throw error;
    const why = error instanceof FileRefused ? `the sidecar is ${error.reason}` : `the sidecar cannot be written (${errnoText(error)})`;
    reporter.error(sidecarPath, 1, 1, `${why}: the imported tags for its document were not added`);
  }
}

function mergeLocked(target: CorpusFile, ws: Workspace, record: ImportedRecord, now: Date, by: string, reporter: Reporter, totals: ImportTotals): void {
  const text = record.text; // identical to the document's text: matched by hash
  const read = readSidecar(target.path, ws, reporter);
  if (read.broken || (read.parsed && !read.parsed.writable)) {
    reporter.error(read.sidecarPath, 1, 1, 'this sidecar cannot be read safely, so it is not overwritten: the imported tags for its document were not added');
    return;
  }
  const docName = ws.locator.documentField(target.path);
  // The sidecar as stored: merging never moves, re-anchors or flags the tags already there (an old-rule
  // `document:` is written by the new rule).
  const existing = read.data ? (read.legacyDocument ? { ...read.data, document: docName } : read.data) : newSidecar(docName, text);
  const result = mergeImported(existing, text, record.tags, now, by, docName);
  for (const conflict of result.conflicts) {
    const at = positionOf(text, conflict.imported.start);
    reporter.warning(target.path, at.line, at.col,
      `imported ${conflict.imported.label} "${conflict.imported.text}" overlaps the existing tag ${conflict.existing.id} "${conflict.existing.text}"; not added`);
  }
  for (const tag of result.invalid) reporter.warning(target.path, 1, 1, `imported ${tag.label} tag [${tag.start}, ${tag.end}) does not fit the text; not added`);
  if (result.added > 0) {
    writeFileAtomic(read.sidecarPath, serialiseSidecar(result.sidecar, read.parsed));
    totals.sidecarsWritten++;
  }
  // Counted once the file holds them.
  totals.added += result.added;
  totals.duplicates += result.duplicates;
  totals.conflicts += result.conflicts.length;
}

/** The records of every import file under `source`: brat .ann (with the .txt beside it) and .jsonl lines. */
function* readSources(source: string, reporter: Reporter): Generator<SourceRecord> {
  const files = fs.statSync(source).isDirectory()
    ? walkCorpus([source], {
      glob: '*.{ann,jsonl}',
      onEscape: (entry) => reporter.warning(entry, 1, 1, 'skipped: the link leads outside the folder'),
      onUnreadable: (entry, error) => reporter.error(entry, 1, 1, `the folder cannot be read (${errnoText(error)}); nothing in it is imported`),
    }).map((f) => f.path)
    : [source];
  for (const file of files) {
    let content: string;
    try {
      content = readImportFile(file);
    } catch (error) {
      reporter.error(file, 1, 1, `not imported: ${error instanceof FileRefused ? `it is ${error.reason}` : errnoText(error)}`);
      continue;
    }
    if (file.endsWith('.ann')) {
      const txtPath = file.replace(/\.ann$/, '.txt');
      let txt: string | undefined;
      try {
        // Never read through a link out of the folder (nor a FIFO or device): its content would be printed.
        txt = readTextIfExists(txtPath);
      } catch (error) {
        reporter.error(file, 1, 1, `not imported: its text ${path.basename(txtPath)} ${error instanceof FileRefused ? `is ${error.reason}` : `cannot be read (${errnoText(error)})`}`);
        continue;
      }
      if (txt === undefined) {
        reporter.error(file, 1, 1, `no ${path.basename(txtPath)} beside it: brat annotations need their text`);
        continue;
      }
      const record = importBrat(txt, content);
      for (const problem of record.problems) {
        const match = /^line (\d+): (.*)$/.exec(problem);
        reporter.warning(file, match ? Number(match[1]) : 1, 1, match ? match[2] : problem);
      }
      yield { record, file, line: 1 };
      continue;
    }
    const lines = content.split('\n');
    for (let index = 0; index < lines.length; index++) {
      if (lines[index].trim() === '') continue;
      let record: ImportedRecord;
      try {
        record = importJsonl(lines[index]);
      } catch (error) {
        reporter.error(file, index + 1, 1, (error as Error).message);
        continue;
      }
      for (const problem of record.problems) reporter.warning(file, index + 1, 1, `${problem}; not imported`);
      yield { record, file, line: index + 1 };
    }
  }
}

/**
 * An import file: a regular file (one named on the command line may be a link; FIFOs and devices never are),
 * decoded like a page (a byte order mark, as Windows editors write, is dropped, as the editor drops it).
 */
function readImportFile(file: string): string {
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw new FileRefused('not read', stat.isDirectory() ? 'a folder' : 'not a regular file');
  const decoded = decodePage(readFileIfExists(fs.realpathSync(file)) ?? new Uint8Array());
  if (!decoded.ok) throw new FileRefused('not read', decoded.reason);
  return decoded.text;
}

function userName(): string {
  try {
    return os.userInfo().username || 'import';
  } catch {
    return 'import';
  }
}
