// Schema of sidecar format 1, checked on plain values (whatever the YAML reader produced). Shared by the
// fast canonical reader and the general YAML path so that both accept exactly the same entries.
import { Annotation, DOC_STATUSES, DocStatus, Dismissal, Review, SuggestedBy, TAG_SOURCES, TagSource, Verdict, VERDICTS } from '../model/types';

export const SIDECAR_FORMAT_VERSION = 1;

/** Known keys in the order Newsmark writes them. */
export const TOP_KEYS = ['newsmark', 'document', 'sha256', 'status', 'source', 'annotators', 'annotations', 'dismissed'] as const;
export const ANNOTATION_KEYS = [
  'id', 'label', 'start', 'end', 'text', 'before', 'after', 'value', 'source', 'by', 'at', 'review', 'suggested', 'orphaned',
] as const;
export const REVIEW_KEYS = ['verdict', 'by', 'at'] as const;
export const SUGGESTED_KEYS = ['source', 'rule', 'score', 'label'] as const;
export const DISMISSAL_KEYS = ['label', 'start', 'end', 'text', 'before', 'after', 'at', 'suggested'] as const;
/** Known keys of the mappings nested in entries. */
export const NESTED_KEYS: Readonly<Record<string, readonly string[]>> = { review: REVIEW_KEYS, suggested: SUGGESTED_KEYS };

export type EntryCheck<T> =
  | { ok: true; value: T; warnings: string[] }
  | { ok: false; errors: string[] };

type Raw = Record<string, unknown>;

function isRecord(raw: unknown): raw is Raw {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

function isOffset(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** Checks the fields every span entry has (label, start, end, text, before, after). */
function checkSpanFields(raw: Raw, errors: string[], warnings: string[]): void {
  if (typeof raw.label !== 'string' || raw.label === '') errors.push('"label" must be a non-empty string');
  for (const key of ['start', 'end'] as const) {
    if (raw[key] === undefined) errors.push(`"${key}" is missing`);
    else if (!isOffset(raw[key])) errors.push(`"${key}" must be a non-negative integer (got ${JSON.stringify(raw[key])})`);
  }
  if (isOffset(raw.start) && isOffset(raw.end)) {
    if (raw.end < raw.start) errors.push(`"end" (${raw.end}) is before "start" (${raw.start})`);
    else if (raw.end === raw.start) errors.push(`the span is empty ("start" and "end" are both ${raw.start})`);
  }
  if (typeof raw.text !== 'string') errors.push('"text" must be a string');
  else if (errors.length === 0 && raw.text.length !== (raw.end as number) - (raw.start as number)) {
    warnings.push(`"text" has ${raw.text.length} characters but the span covers ${(raw.end as number) - (raw.start as number)}`);
  }
  for (const key of ['before', 'after'] as const) {
    if (raw[key] !== undefined && typeof raw[key] !== 'string') errors.push(`"${key}" must be a string`);
  }
}

function describe(raw: unknown): string {
  if (Array.isArray(raw)) return 'a list';
  if (raw === null || raw === undefined) return 'empty';
  return typeof raw === 'object' ? 'a mapping' : `a ${typeof raw}`;
}

/** YAML 1.1 merge keys are not part of the YAML 1.2 that sidecars are read as: they would be a key "<<". */
const MERGE_KEY = 'it uses a YAML merge key ("<<: *name"), which sidecars do not read: write the keys it would bring in (label, source, ...) into the entry itself';

export function checkAnnotationEntry(raw: unknown): EntryCheck<Annotation> {
  if (!isRecord(raw)) return { ok: false, errors: [`an annotation must be a mapping, not ${describe(raw)}`] };
  if ('<<' in raw) return { ok: false, errors: [MERGE_KEY] };
  const errors: string[] = [];
  const warnings: string[] = [];
  if (typeof raw.id !== 'string' || raw.id === '') errors.push('"id" must be a non-empty string');
  checkSpanFields(raw, errors, warnings);
  const value = raw.value;
  if (value !== undefined && typeof value !== 'string'
    && !(Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
    errors.push('"value" must be a string or a list of strings');
  }
  // A hand-written entry without a source is the annotator's own.
  const source = raw.source === undefined ? 'manual' : raw.source;
  if (!TAG_SOURCES.includes(source as TagSource)) {
    errors.push(`"source" must be one of ${TAG_SOURCES.join(', ')} (got ${JSON.stringify(source)})`);
  }
  for (const key of ['by', 'at'] as const) {
    if (raw[key] !== undefined && typeof raw[key] !== 'string') errors.push(`"${key}" must be a string`);
  }
  if (raw.orphaned !== undefined && typeof raw.orphaned !== 'boolean') errors.push('"orphaned" must be true or false');
  if (errors.length > 0) return { ok: false, errors };
  // A review that cannot be read is left in the file as written; the tag counts as not reviewed.
  const review = raw.review === undefined || raw.review === null ? undefined : checkReview(raw.review);
  if (typeof review === 'string') warnings.push(`"review" ${review}; the tag counts as not reviewed`);

  const tag: Annotation = {
    id: raw.id as string,
    label: raw.label as string,
    start: raw.start as number,
    end: raw.end as number,
    text: raw.text as string,
    source: source as TagSource,
  };
  if (raw.before !== undefined) tag.before = raw.before as string;
  if (raw.after !== undefined) tag.after = raw.after as string;
  if (value !== undefined) tag.value = Array.isArray(value) ? [...value as string[]] : value as string;
  if (raw.by !== undefined) tag.by = raw.by as string;
  if (raw.at !== undefined) tag.at = raw.at as string;
  if (review !== undefined && typeof review !== 'string') tag.review = review;
  const suggested = readSuggested(raw, warnings);
  if (suggested !== undefined) tag.suggested = suggested;
  if (raw.orphaned === true) tag.orphaned = true;
  return { ok: true, value: tag, warnings };
}

/** The entry's `suggested` mapping; one that cannot be read is left in the file and not used (a warning). */
function readSuggested(raw: Raw, warnings: string[]): SuggestedBy | undefined {
  if (raw.suggested === undefined || raw.suggested === null) return undefined;
  const checked = checkSuggested(raw.suggested);
  if (typeof checked !== 'string') return checked;
  warnings.push(`"suggested" ${checked}; it is not counted in the suggestion quality`);
  return undefined;
}

function checkSuggested(raw: unknown): SuggestedBy | string {
  if (!isRecord(raw)) return `must be a mapping (source, rule, score), not ${describe(raw)}`;
  if (typeof raw.source !== 'string' || raw.source === '') return '"source" must be a non-empty string';
  const suggested: SuggestedBy = { source: raw.source };
  for (const key of ['rule', 'label'] as const) {
    if (raw[key] === undefined) continue;
    if (typeof raw[key] !== 'string') return `"${key}" must be a string`;
    suggested[key] = raw[key] as string;
  }
  if (raw.score !== undefined) {
    if (typeof raw.score !== 'number' || !(raw.score >= 0 && raw.score <= 1)) return '"score" must be a number from 0 to 1';
    suggested.score = raw.score;
  }
  return suggested;
}

/** A review mapping, or what is wrong with it. */
function checkReview(raw: unknown): Review | string {
  if (!isRecord(raw)) return `must be a mapping (verdict, by, at), not ${describe(raw)}`;
  if (!VERDICTS.includes(raw.verdict as Verdict)) return `"verdict" must be one of ${VERDICTS.join(', ')} (got ${JSON.stringify(raw.verdict)})`;
  const review: Review = { verdict: raw.verdict as Verdict };
  for (const key of ['by', 'at'] as const) {
    if (raw[key] === undefined) continue;
    if (typeof raw[key] !== 'string') return `"${key}" must be a string`;
    review[key] = raw[key] as string;
  }
  return review;
}

export function checkDismissalEntry(raw: unknown): EntryCheck<Dismissal> {
  if (!isRecord(raw)) return { ok: false, errors: [`a dismissed suggestion must be a mapping, not ${describe(raw)}`] };
  if ('<<' in raw) return { ok: false, errors: [MERGE_KEY] };
  const errors: string[] = [];
  const warnings: string[] = [];
  checkSpanFields(raw, errors, warnings);
  if (errors.length > 0) return { ok: false, errors };
  const dismissal: Dismissal = {
    label: raw.label as string,
    start: raw.start as number,
    end: raw.end as number,
    text: raw.text as string,
  };
  if (raw.before !== undefined) dismissal.before = raw.before as string;
  if (raw.after !== undefined) dismissal.after = raw.after as string;
  if (typeof raw.at === 'string') dismissal.at = raw.at;
  else if (raw.at !== undefined) warnings.push('"at" is not a string; it is ignored');
  const suggested = readSuggested(raw, warnings);
  if (suggested !== undefined) dismissal.suggested = suggested;
  return { ok: true, value: dismissal, warnings };
}

export function isDocStatus(v: unknown): v is DocStatus {
  return DOC_STATUSES.includes(v as DocStatus);
}
