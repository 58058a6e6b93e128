// What every format needs from a document before writing it: the status filter, the tags that may be
// exported (orphaned and stale tags reported, label filter applied), pending suggestions, and body ranges.

import type { Annotation, DocStatus, Problem, Span, Suggestion } from '../model/types';
import { passesReview } from '../review';
import type { ManifestBuilder } from './manifest';
import type { ExportDocument, ExportOptions } from './types';

export const BODY_LABEL = 'body';

export interface PreparedDocument {
  path: string;
  text: string;
  status: DocStatus;
  /** Exportable tags (label filter applied), sorted by start, longer first. */
  tags: Annotation[];
  /** Pending suggestions (label filter applied), sorted like tags; empty unless include is 'pending'. */
  suggestions: Suggestion[];
  /** All valid `body` tags, whatever the label filter, sorted. */
  bodyTags: Annotation[];
}

/** Returns the document ready to write, or undefined when it is skipped (reported in the manifest). */
export function prepareDocument(
  doc: ExportDocument,
  options: ExportOptions,
  manifest: ManifestBuilder,
): PreparedDocument | undefined {
  if (doc.skip !== undefined) {
    manifest.skip(doc.path, doc.skip);
    return undefined;
  }
  for (const entry of doc.invalidEntries ?? []) manifest.report('invalidEntries', { document: doc.path, ...entry });
  const sidecar = doc.sidecar;
  const status: DocStatus = sidecar?.status ?? 'todo';
  if (options.onlyDone && status !== 'done') {
    manifest.skip(doc.path, sidecar ? `status is ${status}` : 'no sidecar (status todo)');
    return undefined;
  }
  const wanted = options.labels ? new Set(options.labels) : undefined;
  const tags: Annotation[] = [];
  const bodyTags: Annotation[] = [];
  for (const tag of sidecar?.annotations ?? []) {
    const report = { document: doc.path, id: tag.id, label: tag.label, start: tag.start, end: tag.end, text: tag.text };
    if (tag.orphaned) {
      manifest.report('orphaned', report);
      continue;
    }
    const problem = spanProblem(doc.text, tag, tag.text);
    if (problem) {
      manifest.report('invalid', { ...report, reason: problem });
      continue;
    }
    if (!wanted || wanted.has(tag.label)) {
      const verdict = tag.review?.verdict ?? 'unreviewed';
      manifest.manifest.review[verdict]++;
      if (!passesReview(tag.review, options.review ?? 'any')) {
        manifest.manifest.review.leftOut++;
        continue;
      }
      tags.push(tag);
    }
    if (tag.label === BODY_LABEL && passesReview(tag.review, options.review ?? 'any')) bodyTags.push(tag);
  }
  const suggestions: Suggestion[] = [];
  if (options.include === 'pending') {
    for (const suggestion of doc.suggestions ?? []) {
      if (wanted && !wanted.has(suggestion.label)) continue;
      if (!spanProblem(doc.text, suggestion, suggestion.text)) suggestions.push(suggestion);
    }
  }
  tags.sort(bySpan);
  bodyTags.sort(bySpan);
  suggestions.sort(bySpan);
  return { path: doc.path, text: doc.text, status, tags, suggestions, bodyTags };
}

function spanProblem(text: string, span: Span, expected: string | undefined): string | undefined {
  if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start < span.end)) {
    return 'bad offsets';
  }
  if (span.end > text.length) return 'offsets beyond the end of the text';
  if (expected !== undefined && text.slice(span.start, span.end) !== expected) return 'text does not match the document';
  return undefined;
}

export function bySpan(a: Span & { label: string }, b: Span & { label: string }): number {
  return a.start - b.start || b.end - a.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

/** Body ranges of a document for CoNLL and text exports, with the fallback rule reported in the manifest. */
export function bodyRanges(
  doc: ExportDocument,
  prepared: PreparedDocument,
  manifest: ManifestBuilder,
  wholeTextFallback: boolean,
): Span[] | undefined {
  if (prepared.bodyTags.length > 0) return mergeSpans(prepared.bodyTags);
  const detected = (doc.lines ?? []).filter((line) => line.label === BODY_LABEL && line.start < line.end);
  if (detected.length > 0) {
    manifest.report('bodyFallback', { document: doc.path, source: 'detected-lines' });
    return mergeSpans([...detected].sort(bySpan));
  }
  if (!wholeTextFallback) return undefined;
  manifest.report('bodyFallback', { document: doc.path, source: 'whole-text' });
  return [{ start: 0, end: doc.text.length }];
}

/** Union of sorted spans (overlapping ones merged; adjacent ones kept apart). */
function mergeSpans(sorted: readonly Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}

/** A normalised value as one string, for formats with a single free-text field. */
export function valueText(value: string | string[]): string {
  return Array.isArray(value) ? value.join(VALUE_SEPARATOR) : value;
}

/** Separator of alternative values ("2021-03-19 | 2021-03-22") in brat notes. */
export const VALUE_SEPARATOR = ' | ';

/** Replaces one file extension: "a/b.txt" -> "a/b" + suffix; names without ".txt" keep their name. */
export function outputStem(path: string): string {
  return path.endsWith('.txt') ? path.slice(0, -4) : path;
}

/** The manifest's reason for a document left out because its sidecar cannot be used. */
export function unusableSidecarReason(problems: readonly Problem[]): string {
  const first = problems.find((p) => p.severity === 'error');
  return `its sidecar cannot be used${first ? ` (line ${first.line}: ${first.message})` : ''}`;
}

/** The errors of a usable sidecar (entries it keeps as written but cannot use), for ExportDocument.invalidEntries. */
export function sidecarEntryProblems(problems: readonly Problem[]): Array<{ line: number; reason: string }> {
  return problems.filter((p) => p.severity === 'error').map((p) => ({ line: p.line, reason: p.message }));
}
