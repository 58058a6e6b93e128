// Adds imported tags to a document's sidecar without ever changing the tags already there (not even their
// offsets or an `orphaned` flag): an identical tag (same label and span, where the existing tag is found in
// the current text) is a duplicate and skipped; a tag of the same label overlapping an existing one with
// different bounds is a conflict, reported and not added (the annotator decides).

import { newAnnotationId, sortAnnotations } from '../model/annotations';
import { CONTEXT_CHARS, type Annotation, type SidecarData, type Span } from '../model/types';
import { reanchor } from '../sidecar/anchor';
import type { ImportedTag } from './types';

export interface ImportConflict {
  imported: ImportedTag & { text: string };
  /** The existing (or earlier imported) tag it overlaps. */
  existing: { id: string; label: string; start: number; end: number; text: string };
}

export interface MergeResult {
  sidecar: SidecarData;
  added: number;
  duplicates: number;
  conflicts: ImportConflict[];
  /** Imported tags whose offsets do not fit the document text. */
  invalid: ImportedTag[];
}

/**
 * Merges imported tags (UTF-16 offsets into docText) into a copy of `existing`, the sidecar as stored: its
 * tags are looked up in docText to find duplicates and conflicts, and kept exactly as they are. A new sidecar
 * is created when there is none, for `documentName` (the document's file name, relative to the sidecar).
 */
export function mergeImported(
  existing: SidecarData | undefined,
  docText: string,
  imported: readonly ImportedTag[],
  now: string | Date,
  by: string,
  documentName = '',
): MergeResult {
  const sidecar: SidecarData = existing
    ? { ...existing, annotations: [...existing.annotations], dismissed: [...existing.dismissed] }
    : { newsmark: 1, document: documentName, status: 'todo', annotations: [], dismissed: [] };
  const at = typeof now === 'string' ? now : now.toISOString();
  const ids = new Set(sidecar.annotations.map((tag) => tag.id));
  // Where the existing tags are in the current text; orphaned ones have no position there, so they can
  // neither duplicate nor conflict.
  const found = reanchor(docText, sidecar.annotations);
  const placed = new PlacedTags();
  for (const tag of [...found.placed, ...found.moved]) placed.add(tag);
  const result: MergeResult = { sidecar, added: 0, duplicates: 0, conflicts: [], invalid: [] };

  for (const tag of imported) {
    if (!(Number.isInteger(tag.start) && Number.isInteger(tag.end) && tag.start >= 0 && tag.start < tag.end && tag.end <= docText.length)) {
      result.invalid.push(tag);
      continue;
    }
    const sameLabel = placed.overlapping(tag.label, tag);
    if (sameLabel.some((other) => other.start === tag.start && other.end === tag.end)) {
      result.duplicates++;
      continue;
    }
    const text = docText.slice(tag.start, tag.end);
    if (sameLabel.length > 0) {
      const other = sameLabel[0];
      result.conflicts.push({
        imported: { ...tag, text },
        existing: { id: other.id, label: other.label, start: other.start, end: other.end, text: other.text },
      });
      continue;
    }
    const annotation: Annotation = {
      id: newAnnotationId(ids),
      label: tag.label,
      start: tag.start,
      end: tag.end,
      text,
      ...context(docText, tag),
      source: 'imported',
      by,
      at,
    };
    if (tag.value !== undefined) annotation.value = tag.value;
    ids.add(annotation.id);
    sidecar.annotations.push(annotation);
    placed.add(annotation);
    result.added++;
  }
  sidecar.annotations = sortAnnotations(sidecar.annotations);
  return result;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

type PlacedTag = Span & { id: string; label: string; text: string };

const BUCKET_CHARS = 64;

/**
 * The tags placed so far, per label in buckets of where they start, so that finding the ones a new tag
 * overlaps looks at its neighbourhood only: re-importing n tags that are all there costs n lookups, not n².
 */
class PlacedTags {
  private readonly byLabel = new Map<string, { buckets: Map<number, Array<{ tag: PlacedTag; seq: number }>>; longest: number }>();
  private seq = 0;

  add(tag: PlacedTag): void {
    let index = this.byLabel.get(tag.label);
    if (!index) this.byLabel.set(tag.label, (index = { buckets: new Map(), longest: 0 }));
    const key = Math.floor(tag.start / BUCKET_CHARS);
    let bucket = index.buckets.get(key);
    if (!bucket) index.buckets.set(key, (bucket = []));
    bucket.push({ tag, seq: this.seq++ });
    index.longest = Math.max(index.longest, tag.end - tag.start);
  }

  /** Tags of `label` overlapping `span`, in the order they were added. */
  overlapping(label: string, span: Span): PlacedTag[] {
    const index = this.byLabel.get(label);
    if (!index) return [];
    const hits: Array<{ tag: PlacedTag; seq: number }> = [];
    // A tag overlapping the span starts before its end and at most `longest` characters before its start.
    const first = Math.floor(Math.max(0, span.start - index.longest) / BUCKET_CHARS);
    const last = Math.floor((span.end - 1) / BUCKET_CHARS);
    if (last - first > index.buckets.size) {
      for (const bucket of index.buckets.values()) for (const hit of bucket) if (overlaps(hit.tag, span)) hits.push(hit);
    } else {
      for (let key = first; key <= last; key++) for (const hit of index.buckets.get(key) ?? []) if (overlaps(hit.tag, span)) hits.push(hit);
    }
    return hits.sort((a, b) => a.seq - b.seq).map((hit) => hit.tag);
  }
}

// Local stand-in for withContext of src/core/sidecar/anchor.ts, which did not exist yet when this was
// written; the lead will switch to the shared one.
function context(docText: string, span: Span): { before: string; after: string } {
  return {
    before: docText.slice(Math.max(0, span.start - CONTEXT_CHARS), span.start),
    after: docText.slice(span.end, span.end + CONTEXT_CHARS),
  };
}
