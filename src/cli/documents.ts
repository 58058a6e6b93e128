// A corpus document and its sidecar as the command-line tool reads them: the sidecar parsed and checked
// (unreadable ones and ones naming a document outside their folder are reported and treated as broken),
// its tags put back in the current text, and what pass 1 of detection learns from them.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CorpusModel } from '../core/detect/corpus';
import { LearnedEntities } from '../core/detect/learned';
import { sortAnnotations } from '../core/model/annotations';
import type { Annotation, Dismissal, DocStatus, SidecarData } from '../core/model/types';
import { reanchor } from '../core/sidecar/anchor';
import { checkLabels, parseSidecar, type ParsedSidecar } from '../core/sidecar/codec';
import { SIDECAR_SUFFIX } from '../core/sidecar/paths';
import { lessonsOf } from '../core/workflow/lessons';
import { errnoText, FileRefused, readTextIfExists } from '../node/files';
import type { Reporter } from './report';
import { sidecarPathOf, toPosix, type Workspace } from './workspace';

export { BODY_LABEL, BOILERPLATE_LABEL } from '../core/workflow/lessons';

export interface SidecarRead {
  sidecarPath: string;
  /** Absent when the document has no sidecar. */
  parsed?: ParsedSidecar;
  /** The usable data; undefined when there is no sidecar or it is broken. */
  data?: SidecarData;
  /** The sidecar exists but cannot be used (unreadable, or its `document` leads outside its folder). */
  broken: boolean;
  /** Its `document:` field follows the old rule; a write puts the new one. */
  legacyDocument?: boolean;
}

/**
 * Reads and checks the sidecar of `docPath` where the workspace's layout puts it (beside the page or in the
 * mirrored sidecar folder); its problems are reported. One over `maxBytes` (default: the workspace's
 * newsmark.sidecars.maxSizeMB) is refused before anything is read.
 */
export function readSidecar(docPath: string, ws: Workspace, reporter: Reporter, maxBytes = ws.settings.maxSidecarBytes): SidecarRead {
  const sidecarPath = sidecarPathOf(ws, docPath);
  let text: string | undefined;
  try {
    text = readTextIfExists(sidecarPath, { maxBytes });
  } catch (error) {
    // A link out of its folder, a FIFO or device, a folder, an unreadable file: reported, never read.
    const why = error instanceof FileRefused ? `is ${error.reason}` : `cannot be read (${errnoText(error)})`;
    reporter.error(sidecarPath, 1, 1, `the sidecar ${why}; it is not used and not overwritten`);
    return { sidecarPath, broken: true };
  }
  if (text === undefined) {
    // Tags kept beside the page while the settings say the mirror: said, so they are not lost in silence.
    const beside = `${docPath}${SIDECAR_SUFFIX}`;
    if (ws.locator.mirrored && fs.existsSync(beside)) {
      reporter.warning(beside, 1, 1, `not read: the workspace keeps sidecars in a sidecar folder (newsmark.sidecars.folder), so this page's is ${sidecarPath}; move it there, or run with --sidecars= to read sidecars beside their pages`);
    }
    return { sidecarPath, broken: false };
  }
  const parsed = parseSidecar(text, { maxBytes });
  for (const problem of parsed.problems) reporter.problem(sidecarPath, problem);
  if (ws.labelsGiven) for (const problem of checkLabels(parsed, ws.settings.labels.map((l) => l.id))) reporter.problem(sidecarPath, problem);
  const data = parsed.data;
  // An empty file holds nothing to lose: it counts as no sidecar.
  if (!data) return { sidecarPath, parsed, broken: !parsed.writable };
  const resolved = ws.locator.resolveDocument(toPosix(path.resolve(sidecarPath)), data.document);
  const where = lineOfKey(text, 'document');
  if (resolved === undefined) {
    reporter.error(sidecarPath, where, 1, `"document: ${data.document}" does not name a file inside the folder the sidecar stands for; the sidecar is not used`);
    return { sidecarPath, parsed, broken: true };
  }
  if (resolved.path !== toPosix(path.resolve(docPath))) {
    reporter.warning(sidecarPath, where, 1, `"document: ${data.document}" differs from the page it stands for (${path.basename(docPath)}); using it for ${path.basename(docPath)}`);
  }
  return { sidecarPath, parsed, data, broken: false, ...(resolved.legacy ? { legacyDocument: true } : {}) };
}

/** 1-based line of a top-level `key:` in YAML text (1 when not found). */
function lineOfKey(text: string, key: string): number {
  const match = new RegExp(`^${key}\\s*:`, 'm').exec(text);
  return match ? text.slice(0, match.index).split('\n').length : 1;
}

export interface Reanchored {
  data: SidecarData;
  orphaned: Annotation[];
  moved: number;
}

/**
 * The sidecar's tags placed in the current text: moved ones get their new offsets, ones not found are kept
 * with `orphaned: true`. With a reporter, each orphan is reported at its entry in the sidecar.
 */
export function reanchorSidecar(read: SidecarRead & { data: SidecarData }, docText: string, reporter?: Reporter): Reanchored {
  const { data } = read;
  const result = reanchor(docText, data.annotations);
  if (reporter && result.orphaned.length > 0) {
    const indexOf = new Map(data.annotations.map((tag, i) => [tag.id, i]));
    for (const tag of result.orphaned) {
      const position = read.parsed?.source.annotationPositions[indexOf.get(tag.id) ?? -1] ?? { line: 1, col: 1 };
      reporter.warning(read.sidecarPath, position.line, position.col,
        `tag ${tag.id} (${tag.label} "${tag.text}") is not in the document any more (orphaned)`);
    }
  }
  const annotations = sortAnnotations([...result.placed, ...result.moved, ...result.orphaned]);
  return { data: { ...data, annotations }, orphaned: result.orphaned, moved: result.moved.length };
}

/** An entity the annotator confirmed (or, with `dismissed`, a suggestion they rejected), replayed into
 * LearnedEntities (also in worker threads). */
export interface Acceptance {
  label: string;
  text: string;
  value?: string;
  dismissed?: true;
}

/** What pass 1 learns from a document's decisions: the lessons of core (workflow/lessons.ts), as the editor learns them. */
export function learnFromTags(
  docText: string,
  tags: readonly Annotation[],
  corpus: CorpusModel,
  acceptances: Acceptance[],
  dismissed: readonly Dismissal[] = [],
  page?: { id: string; status: DocStatus },
): void {
  for (const lesson of lessonsOf(docText, { annotations: tags, dismissed, status: page?.status })) {
    if (lesson.kind === 'line') corpus.learnLine(lesson.text, lesson.label);
    else if (lesson.kind === 'page') {
      if (page) corpus.learnBodyPage(page.id, lesson.page);
    }
    else if (lesson.kind === 'dismissal') acceptances.push({ label: lesson.label, text: lesson.text, dismissed: true });
    else acceptances.push({ label: lesson.label, text: lesson.text, ...(lesson.value !== undefined ? { value: lesson.value } : {}) });
  }
}

export function learnedFrom(acceptances: readonly Acceptance[]): LearnedEntities {
  const learned = new LearnedEntities();
  for (const a of acceptances) {
    if (a.dismissed) learned.dismiss(a.label, a.text);
    else learned.accept(a.label, a.text, a.value);
  }
  return learned;
}
