// Comparing my tags of a page with other annotators' tags of the same page, for adjudication in the editor:
// which of their tags I do not have as they have it ("ghosts"), how each one differs from mine, and the
// three resolutions (take theirs, keep mine, keep both), plus the merge of what every annotator agrees on.
import { newAnnotationId, sameValue, sortAnnotations } from '../model/annotations';
import type { Annotation } from '../model/types';

export interface AnnotatorTags {
  annotator: string;
  tags: readonly Annotation[];
}

export type GhostKind = 'missing' | 'boundary' | 'label' | 'value';

/** One of their tags that I do not have as they have it. */
export interface Ghost {
  annotator: string;
  tag: Annotation;
  kind: GhostKind;
  /** My tags it differs from: same span with another label or value, or the same label overlapping it. */
  mine: Annotation[];
}

/** Identifies a ghost in command arguments and in the set of ghosts resolved as "keep mine". */
export function ghostKey(g: { annotator: string; tag: Pick<Annotation, 'label' | 'start' | 'end'> }): string {
  return `${g.annotator}\u0000${g.tag.label}\u0000${g.tag.start}\u0000${g.tag.end}`;
}

function sameValues(a: Annotation['value'], b: Annotation['value']): boolean {
  const norm = (v: Annotation['value']) => (Array.isArray(v) ? [...v].sort() : v === undefined ? undefined : [v]);
  return sameValue(norm(a), norm(b));
}

/** Same label, span and value: the same tag, whoever made it. */
export function sameTagContent(a: Annotation, b: Annotation): boolean {
  return a.label === b.label && a.start === b.start && a.end === b.end && sameValues(a.value, b.value);
}

/** Their placed tags that none of mine matches, each with what it differs from. */
export function ghostsOf(mine: readonly Annotation[], theirs: readonly AnnotatorTags[], resolved: ReadonlySet<string> = new Set()): Ghost[] {
  const placed = mine.filter((t) => !t.orphaned);
  const ghosts: Ghost[] = [];
  for (const { annotator, tags } of theirs) {
    for (const tag of tags) {
      if (tag.orphaned || placed.some((m) => sameTagContent(m, tag))) continue;
      const g = { annotator, tag };
      if (resolved.has(ghostKey(g))) continue;
      const sameSpan = placed.filter((m) => m.start === tag.start && m.end === tag.end);
      const sameLabelSpan = sameSpan.filter((m) => m.label === tag.label);
      if (sameLabelSpan.length > 0) {
        ghosts.push({ ...g, kind: 'value', mine: sameLabelSpan });
        continue;
      }
      const overlapping = placed.filter((m) => m.label === tag.label && m.start < tag.end && tag.start < m.end);
      if (overlapping.length > 0) ghosts.push({ ...g, kind: 'boundary', mine: overlapping });
      else if (sameSpan.length > 0) ghosts.push({ ...g, kind: 'label', mine: sameSpan });
      else ghosts.push({ ...g, kind: 'missing', mine: [] });
    }
  }
  return ghosts.sort((a, b) => a.tag.start - b.tag.start || a.tag.end - b.tag.end || (a.annotator < b.annotator ? -1 : 1));
}

/** Their tag as it goes into my sidecar: a fresh id, their author kept, no review (nobody reviewed it here). */
function adopted(tag: Annotation, taken: Set<string>): Annotation {
  const { review: _review, orphaned: _orphaned, ...rest } = tag;
  const id = taken.has(tag.id) ? newAnnotationId(taken) : tag.id;
  taken.add(id);
  return { ...rest, id };
}

/** Take theirs: my tags the ghost differs from go, their tag comes in. */
export function takeTheirs(mine: readonly Annotation[], ghost: Ghost): Annotation[] {
  const gone = new Set(ghost.mine.map((t) => t.id));
  const kept = mine.filter((t) => !gone.has(t.id));
  return sortAnnotations([...kept, adopted(ghost.tag, new Set(kept.map((t) => t.id)))]);
}

/** Keep both: their tag comes in beside mine. */
export function keepBoth(mine: readonly Annotation[], ghost: Ghost): Annotation[] {
  return sortAnnotations([...mine, adopted(ghost.tag, new Set(mine.map((t) => t.id)))]);
}

/**
 * What every annotator agrees on (same label, span and value), added to `mine` where it is missing; nothing
 * of mine is removed. Returns the new list, how many tags were added, and how many of the annotators' tags
 * are left in conflict (not agreed and not already in mine).
 */
export function mergeAgreed(mine: readonly Annotation[], annotators: readonly AnnotatorTags[]): { tags: Annotation[]; added: number; conflicts: number } {
  if (annotators.length === 0) return { tags: [...mine], added: 0, conflicts: 0 };
  const [first, ...rest] = annotators;
  const agreed = first.tags.filter((t) => !t.orphaned && rest.every((o) => o.tags.some((u) => !u.orphaned && sameTagContent(t, u))));
  const out = [...mine];
  const ids = new Set(mine.map((t) => t.id));
  let added = 0;
  for (const tag of agreed) {
    if (out.some((m) => sameTagContent(m, tag))) continue;
    out.push(adopted(tag, ids));
    added++;
  }
  const conflicts = ghostsOf(out, annotators).length;
  return { tags: sortAnnotations(out), added, conflicts };
}
