// Moving tags through a batch of text edits (one VS Code change event), so that they keep covering the
// same words while the annotator types.
import { Span, TextEdit } from './types';

export interface RebaseResult<T> {
  kept: T[];
  /** Tags whose whole text was deleted; returned so the caller can report them, never silently dropped. */
  removed: T[];
}

/** The batch sorted by start, with what each edit adds to the offsets after it. */
interface SortedEdits {
  starts: number[];
  ends: number[];
  inserted: number[];
  /** shiftBefore[i]: total length change of edits 0..i-1. */
  shiftBefore: number[];
}

function sortEdits(edits: readonly TextEdit[]): SortedEdits {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: SortedEdits = { starts: [], ends: [], inserted: [], shiftBefore: [0] };
  let shift = 0;
  sorted.forEach((e, i) => {
    if (e.end < e.start || e.start < 0) throw new RangeError(`Invalid edit [${e.start}, ${e.end})`);
    if (i > 0 && e.start < sorted[i - 1].end) throw new RangeError('Edits of one batch must not overlap');
    out.starts.push(e.start);
    out.ends.push(e.end);
    out.inserted.push(e.text.length);
    shift += e.text.length - (e.end - e.start);
    out.shiftBefore.push(shift);
  });
  return out;
}

/** Number of entries of the sorted array `values` that are <= x (or < x when `strict`). */
function countUpTo(values: number[], x: number, strict: boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (strict ? values[mid] < x : values[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Applies one batch of edits (offsets in the text before the batch, non-overlapping, any order) to tags.
 * - An edit before a tag shifts it; one after it leaves it.
 * - An insertion exactly at a tag's start or end does not extend it.
 * - An edit inside a tag grows or shrinks it.
 * - An edit across a boundary clips the tag to what remains of its text.
 * - A tag none of whose characters survive is removed.
 * Kept tags get `text` from `newText`. Tags no edit reached are returned as the same objects.
 */
export function rebase<T extends Span & { text: string }>(tags: readonly T[], edits: readonly TextEdit[], newText: string): RebaseResult<T> {
  if (edits.length === 0) return { kept: [...tags], removed: [] };
  const { starts, ends, inserted, shiftBefore } = sortEdits(edits);
  const firstStart = starts[0];
  const kept: T[] = [];
  const removed: T[] = [];
  for (const tag of tags) {
    const { start, end } = tag;
    // Most tags end before the first edit: nothing to do.
    if (end <= firstStart && start < end) {
      kept.push(tag);
      continue;
    }
    // Edits [first, last) are those reaching into the tag: ending after its start and starting before its end.
    const first = countUpTo(ends, start, false);
    const last = countUpTo(starts, end, true);
    let newStart = start + shiftBefore[first];
    if (first < starts.length && starts[first] < start) {
      newStart = starts[first] + shiftBefore[first] + inserted[first]; // clipped after the replacement
    }
    if (start === end) {
      kept.push({ ...tag, start: newStart, end: newStart });
      continue;
    }
    let newEnd = end + shiftBefore[last];
    if (last > 0 && ends[last - 1] > end) {
      newEnd = starts[last - 1] + shiftBefore[last - 1]; // clipped before the replacement
    }
    if (first >= last) {
      // Only shifted: the text is unchanged.
      kept.push(newStart === start ? tag : { ...tag, start: newStart, end: newEnd });
      continue;
    }
    let deleted = 0;
    for (let i = first; i < last; i++) deleted += Math.min(end, ends[i]) - Math.max(start, starts[i]);
    if (deleted >= end - start) removed.push(tag);
    else kept.push({ ...tag, start: newStart, end: newEnd, text: newText.slice(newStart, newEnd) });
  }
  return { kept, removed };
}

/** The text after applying a batch of edits (offsets in the text before the batch). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
