// Undo/redo of annotation changes for one document. Records hold only the tags that changed (by id), not
// snapshots: undoing "add tag X" after the text was edited removes X without reverting the offsets that
// typing moved in the meantime.
import { cloneAnnotation, sameAnnotation, sortAnnotations } from './annotations';
import { Annotation } from './types';

export interface AnnotationChange {
  id: string;
  /** The tag before the change; undefined when the change added it. */
  before?: Annotation;
  /** The tag after the change; undefined when the change removed it. */
  after?: Annotation;
}

export interface HistoryRecord {
  /** What the user did, for menus ("Undo accept suggestion"). */
  label?: string;
  changes: AnnotationChange[];
}

export const DEFAULT_HISTORY_DEPTH = 100;

/** The tags that differ, by id, between two lists (copies, so later changes to the lists do not leak in). */
export function diffAnnotations(before: readonly Annotation[], after: readonly Annotation[]): AnnotationChange[] {
  const old = new Map(before.map((t) => [t.id, t]));
  const changes: AnnotationChange[] = [];
  for (const tag of after) {
    const prev = old.get(tag.id);
    old.delete(tag.id);
    if (!prev) changes.push({ id: tag.id, after: cloneAnnotation(tag) });
    else if (!sameAnnotation(prev, tag)) changes.push({ id: tag.id, before: cloneAnnotation(prev), after: cloneAnnotation(tag) });
  }
  for (const [id, prev] of old) changes.push({ id, before: cloneAnnotation(prev) });
  return changes;
}

function samePlacement(a: Annotation, b: Annotation): boolean {
  return a.start === b.start && a.end === b.end && a.text === b.text;
}

/**
 * `current` with each change's `before` (undo) or `after` (redo) put in place by id. Sorted. When the change
 * did not move a tag but typing has moved it since, the tag keeps its current place.
 */
function applyChanges(current: readonly Annotation[], changes: readonly AnnotationChange[], side: 'before' | 'after'): Annotation[] {
  const byId = new Map(current.map((t) => [t.id, t]));
  for (const change of changes) {
    const target = change[side];
    const other = change[side === 'before' ? 'after' : 'before'];
    const now = byId.get(change.id);
    if (!target) byId.delete(change.id);
    else if (now && other && samePlacement(target, other) && !samePlacement(now, other)) {
      const { before: _before, after: _after, ...rest } = target;
      const context: Partial<Annotation> = {};
      if (now.before !== undefined) context.before = now.before;
      if (now.after !== undefined) context.after = now.after;
      byId.set(change.id, Object.assign(rest, { start: now.start, end: now.end, text: now.text }, context));
    } else byId.set(change.id, target);
  }
  return sortAnnotations([...byId.values()]);
}

export class AnnotationHistory {
  private readonly done: HistoryRecord[] = [];
  private readonly undone: HistoryRecord[] = [];

  constructor(readonly maxDepth = DEFAULT_HISTORY_DEPTH) {}

  /** Records the change from `before` to `after`; returns false (and records nothing) if there is none. */
  record(before: readonly Annotation[], after: readonly Annotation[], label?: string): boolean {
    const changes = diffAnnotations(before, after);
    if (changes.length === 0) return false;
    this.done.push({ label, changes });
    if (this.done.length > this.maxDepth) this.done.shift();
    this.undone.length = 0;
    return true;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** The record the next undo would revert. */
  peekUndo(): HistoryRecord | undefined {
    return this.done[this.done.length - 1];
  }

  peekRedo(): HistoryRecord | undefined {
    return this.undone[this.undone.length - 1];
  }

  /** The tags with the last recorded change reverted, or undefined when there is nothing to undo. */
  undo(current: readonly Annotation[]): Annotation[] | undefined {
    const record = this.done.pop();
    if (!record) return undefined;
    this.undone.push(record);
    return applyChanges(current, record.changes, 'before');
  }

  /** The tags with the last undone change applied again, or undefined when there is nothing to redo. */
  redo(current: readonly Annotation[]): Annotation[] | undefined {
    const record = this.undone.pop();
    if (!record) return undefined;
    this.done.push(record);
    return applyChanges(current, record.changes, 'after');
  }

  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
  }
}
