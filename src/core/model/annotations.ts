// Operations on lists of tags: ids, ordering, lookup, equality and three-way merging.
import { randomBytes } from 'node:crypto';
import { Annotation, Dismissal, Review, Span, SuggestedBy } from './types';

type SortableTag = Span & { label: string; text?: string; id?: string; before?: string; after?: string };

function compareStrings(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

/** Sidecar order: start, then end, then label, then id (then text and context, so that any order is total). */
export function compareTags(a: SortableTag, b: SortableTag): number {
  return a.start - b.start || a.end - b.end || compareStrings(a.label, b.label) || compareStrings(a.id, b.id)
    || compareStrings(a.text, b.text) || compareStrings(a.before, b.before) || compareStrings(a.after, b.after);
}

/** A sorted copy (the input is not modified). */
export function sortAnnotations<T extends SortableTag>(list: readonly T[]): T[] {
  return [...list].sort(compareTags);
}

/**
 * A new short hex id not in `existing`: 4 hex digits, longer only when random picks keep colliding
 * (a sidecar with tens of thousands of tags).
 */
export function newAnnotationId(existing: ReadonlySet<string>): string {
  for (let digits = 4; ; digits += 2) {
    for (let attempt = 0; attempt < 8; attempt++) {
      const id = randomBytes(digits / 2).toString('hex');
      if (!existing.has(id)) return id;
    }
  }
}

export interface AddTagResult {
  /** The new list (sorted), or the input list unchanged when the tag was refused. */
  list: Annotation[];
  added: boolean;
  /** The tag as inserted (its id replaced when it was already taken), or the existing duplicate. */
  tag: Annotation;
}

/**
 * Inserts `tag` at its sorted place. Refuses an exact duplicate (same label, start and end as an existing
 * tag). An id already used by another tag is replaced with a fresh one.
 */
export function addTag(list: readonly Annotation[], tag: Annotation): AddTagResult {
  const duplicate = list.find((t) => t.label === tag.label && t.start === tag.start && t.end === tag.end);
  if (duplicate) return { list: [...list], added: false, tag: duplicate };
  const ids = new Set(list.map((t) => t.id));
  const inserted = ids.has(tag.id) ? { ...tag, id: newAnnotationId(ids) } : tag;
  const sorted = sortAnnotations(list);
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareTags(sorted[mid], inserted) <= 0) lo = mid + 1;
    else hi = mid;
  }
  sorted.splice(lo, 0, inserted);
  return { list: sorted, added: true, tag: inserted };
}

/** The index of the first of `sorted` (in start order) that starts at or after `offset` (binary search). */
export function firstStartingAt(sorted: readonly { start: number }[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle].start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Tags covering `offset`: start <= offset < end, or start <= offset <= end with `inclusiveEnd` (a cursor
 * just after a tagged name is "on" it).
 */
export function tagsAt<T extends Span>(list: readonly T[], offset: number, opts: { inclusiveEnd?: boolean } = {}): T[] {
  return list.filter((t) => t.start <= offset && (offset < t.end || (opts.inclusiveEnd === true && offset === t.end)));
}

export function sameValue(a: string | string[] | undefined, b: string | string[] | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

export function sameDismissal(a: Dismissal, b: Dismissal): boolean {
  return a.label === b.label && a.start === b.start && a.end === b.end && a.text === b.text
    && a.before === b.before && a.after === b.after;
}

/** Equal in every stored field, `at` and `suggested` too (sameDismissal compares the span fields only). */
export function sameDismissalEntry(a: Dismissal, b: Dismissal): boolean {
  return sameDismissal(a, b) && a.at === b.at && sameSuggested(a.suggested, b.suggested);
}

export function sameSuggested(a: SuggestedBy | undefined, b: SuggestedBy | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.source === b.source && a.rule === b.rule && a.score === b.score && a.label === b.label;
}

export function sameReview(a: Review | undefined, b: Review | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.verdict === b.verdict && a.by === b.by && a.at === b.at;
}

/** Equal in every stored field (`orphaned: false` and no `orphaned` are the same). */
export function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return a.id === b.id && sameDismissal(a, b) && sameValue(a.value, b.value) && a.source === b.source
    && a.by === b.by && a.at === b.at && sameReview(a.review, b.review) && sameSuggested(a.suggested, b.suggested)
    && (a.orphaned === true) === (b.orphaned === true);
}

/** A deep copy, so that later changes to the original do not show in the copy. */
export function cloneAnnotation<T extends Annotation | Dismissal>(tag: T): T {
  const copy = { ...tag };
  if ('value' in copy && Array.isArray(copy.value)) copy.value = [...copy.value]; // an existing key: shape kept
  if ('review' in copy && copy.review) copy.review = { ...copy.review };
  if ('suggested' in copy && copy.suggested) copy.suggested = { ...copy.suggested };
  return copy;
}

// Fields merged as one unit: a span's offsets, text, context and orphaned flag only make sense together.
const MERGE_GROUPS = [
  ['start', 'end', 'text', 'before', 'after', 'orphaned'], ['label'], ['value'], ['source'], ['by'], ['at'], ['review'], ['suggested'],
] as const;
type MergedField = (typeof MERGE_GROUPS)[number][number];

function sameField(field: MergedField, a: Annotation, b: Annotation): boolean {
  if (field === 'value') return sameValue(a.value, b.value);
  if (field === 'review') return sameReview(a.review, b.review);
  if (field === 'suggested') return sameSuggested(a.suggested, b.suggested);
  if (field === 'orphaned') return (a.orphaned === true) === (b.orphaned === true);
  return a[field] === b[field];
}

function sameGroup(group: readonly MergedField[], a: Annotation, b: Annotation): boolean {
  return group.every((field) => sameField(field, a, b));
}

/** Three-way merge of one tag edited on both sides, group by group; undefined when a group conflicts. */
function mergeFields(base: Annotation, mine: Annotation, theirs: Annotation): Annotation | undefined {
  const takeTheirs = new Set<MergedField>();
  for (const group of MERGE_GROUPS) {
    if (sameGroup(group, mine, theirs) || sameGroup(group, theirs, base)) continue; // mine's values stand
    if (!sameGroup(group, mine, base)) return undefined; // changed differently on both sides
    for (const field of group) takeTheirs.add(field);
  }
  const merged: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
    const value = takeTheirs.has(key as MergedField) ? theirs[key as keyof Annotation] : mine[key as keyof Annotation];
    if (value !== undefined) merged[key] = value;
  }
  return merged as unknown as Annotation;
}

export interface MergeConflict {
  id: string;
  /** Undefined when mine deleted the tag. */
  mine?: Annotation;
  /** Undefined when theirs deleted the tag. */
  theirs?: Annotation;
}

export interface MergeResult {
  merged: Annotation[];
  conflicts: MergeConflict[];
}

/**
 * Three-way merge by id. A change (edit, addition, deletion) made on one side only wins; edits to different
 * fields of one tag combine. Conflicts lose nothing: an edit against a deletion keeps the edited tag; two
 * different edits keep both, theirs under a new id. Result sorted.
 */
export function mergeById(base: readonly Annotation[], mine: readonly Annotation[], theirs: readonly Annotation[]): MergeResult {
  const baseById = new Map(base.map((t) => [t.id, t]));
  const mineById = new Map(mine.map((t) => [t.id, t]));
  const theirsById = new Map(theirs.map((t) => [t.id, t]));
  const ids = new Set([...mineById.keys(), ...theirsById.keys(), ...baseById.keys()]);
  const usedIds = new Set(ids);
  const merged: Annotation[] = [];
  const conflicts: MergeConflict[] = [];
  for (const id of ids) {
    const b = baseById.get(id);
    const m = mineById.get(id);
    const t = theirsById.get(id);
    if (m && t) {
      const combined = sameAnnotation(m, t) ? m : b ? mergeFields(b, m, t) : undefined;
      if (combined) merged.push(combined);
      else {
        const renamed = { ...t, id: newAnnotationId(usedIds) };
        usedIds.add(renamed.id);
        merged.push(m, renamed);
        conflicts.push({ id, mine: m, theirs: t });
      }
    } else if (m || t) {
      const present = (m ?? t) as Annotation;
      if (!b) merged.push(present); // added on one side
      else if (!sameAnnotation(present, b)) {
        merged.push(present); // edited on one side, deleted on the other: keep the edit
        conflicts.push({ id, mine: m, theirs: t });
      } // else: unchanged on one side, deleted on the other
    }
  }
  return { merged: sortAnnotations(merged), conflicts };
}

function dismissalKey(d: Dismissal): string {
  return JSON.stringify([d.label, d.start, d.end, d.text, d.before ?? null, d.after ?? null]);
}

/** Three-way set merge of dismissed suggestions: additions and removals of both sides apply. Sorted. */
export function mergeDismissals(base: readonly Dismissal[], mine: readonly Dismissal[], theirs: readonly Dismissal[]): Dismissal[] {
  const inBase = new Set(base.map(dismissalKey));
  const inMine = new Set(mine.map(dismissalKey));
  const inTheirs = new Set(theirs.map(dismissalKey));
  const merged = new Map<string, Dismissal>();
  for (const d of [...mine, ...theirs]) {
    const key = dismissalKey(d);
    const keep = (inMine.has(key) && inTheirs.has(key)) || !inBase.has(key);
    if (keep) merged.set(key, d);
  }
  return sortAnnotations([...merged.values()]);
}
