// Placing stored tags in a document's current text. Offsets can go stale when the document changed outside
// the editor (or was re-saved in another Unicode normalisation); the covered text and a little context on
// each side let the tag be found again, and a tag that cannot be found is marked, not dropped.
import { Annotation, CONTEXT_CHARS, Dismissal, Span } from '../model/types';

type Anchored = Annotation | Dismissal;

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Up to CONTEXT_CHARS code units before `start`, not starting in the middle of a surrogate pair. */
function contextBefore(text: string, start: number): string {
  let from = Math.max(0, start - CONTEXT_CHARS);
  if (from > 0 && isLow(text.charCodeAt(from)) && isHigh(text.charCodeAt(from - 1))) from++;
  return text.slice(from, start);
}

/** Up to CONTEXT_CHARS code units after `end`, not ending in the middle of a surrogate pair. */
function contextAfter(text: string, end: number): string {
  let to = Math.min(text.length, end + CONTEXT_CHARS);
  if (to < text.length && isHigh(text.charCodeAt(to - 1)) && isLow(text.charCodeAt(to))) to--;
  return text.slice(end, to);
}

/** A copy of `tag` with `before`/`after` taken from `docText` around its offsets. */
export function withContext<T extends Anchored>(docText: string, tag: T): T & { before: string; after: string } {
  // Object.assign rather than a spread: spreading and adding keys gives every copy its own V8 hidden class,
  // which makes later passes over thousands of tags many times slower.
  return Object.assign({}, tag, { before: contextBefore(docText, tag.start), after: contextAfter(docText, tag.end) });
}

export interface ReanchorResult<T> {
  /** Tags found at their stored offsets (a stale `orphaned` flag cleared). */
  placed: T[];
  /** Tags found elsewhere: new offsets, the current text and fresh context; `orphaned` cleared. */
  moved: T[];
  /** Tags not found: old offsets kept, `orphaned: true`. */
  orphaned: T[];
}

/** Context that a candidate must share with the stored context (when the tag has that much). */
const MIN_CONTEXT_MATCH = 8;

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** NFD form of the document with a map from NFD offsets back to offsets in the document as it is. */
interface DecomposedText {
  text: string;
  /** original[i]: document offset for NFD offset i when i is a character boundary in both, else -1. */
  original: Int32Array;
}

function decompose(docText: string): DecomposedText {
  const parts: string[] = [];
  const boundaries: number[] = []; // pairs: NFD offset, original offset
  let nfdLength = 0;
  // A base character and its combining marks decompose and reorder only among themselves.
  for (const m of docText.matchAll(/\P{M}\p{M}*|\p{M}+/gsu)) {
    const nfd = m[0].normalize('NFD');
    boundaries.push(nfdLength, m.index);
    parts.push(nfd);
    nfdLength += nfd.length;
  }
  const original = new Int32Array(nfdLength + 1).fill(-1);
  for (let i = 0; i < boundaries.length; i += 2) original[boundaries[i]] = boundaries[i + 1];
  original[nfdLength] = docText.length;
  return { text: parts.join(''), original };
}

interface Candidate {
  start: number;
  end: number;
  context: number;
  distance: number;
}

/** How much of the stored context matches around [start, end), compared in NFD so both forms agree. */
function contextMatch(docText: string, start: number, end: number, before: string, after: string): number {
  const docBefore = docText.slice(Math.max(0, start - 2 * CONTEXT_CHARS), start).normalize('NFD');
  const docAfter = docText.slice(end, end + 2 * CONTEXT_CHARS).normalize('NFD');
  return commonSuffix(before, docBefore) + commonPrefix(after, docAfter);
}

/**
 * Puts tags back in `docText`. A tag whose text is at its offsets stays. Otherwise the occurrences of its
 * text (exact, then compared in NFD so a page re-saved in another normalisation still matches; offsets are
 * always in `docText` as given) are scored by how much stored context matches and then by distance to where
 * the tag is expected (its old offset, shifted as much as the tag before it moved); the best one wins if it
 * is unique and shares enough context. Otherwise the tag is orphaned.
 */
export function reanchor<T extends Anchored>(docText: string, tags: readonly T[]): ReanchorResult<T> {
  const order = tags.map((_, i) => i).sort((a, b) => tags[a].start - tags[b].start || a - b);
  const result = new Array<{ tag: T; kind: keyof ReanchorResult<T> }>(tags.length);
  const search = new TextSearch(docText);
  let drift = 0;
  for (const i of order) {
    const tag = tags[i];
    const { start, end, text } = tag;
    if (end <= docText.length && docText.slice(start, end) === text) {
      result[i] = { tag: clearOrphaned(tag), kind: 'placed' };
      drift = 0;
      continue;
    }
    const expected = start + drift;
    const before = tag.before ?? '';
    const after = tag.after ?? '';
    // Quick accept: the text and its full stored context right where neighbours moved to.
    if (expected >= 0 && text !== '' && docText.startsWith(text, expected)
      && docText.slice(expected - before.length, expected) === before && docText.startsWith(after, expected + text.length)) {
      result[i] = { tag: relocate(docText, tag, { start: expected, end: expected + text.length }), kind: 'moved' };
      continue;
    }
    const found = bestCandidate(docText, tag, expected, search);
    if (found) {
      result[i] = { tag: relocate(docText, tag, found), kind: 'moved' };
      drift = found.start - start;
    } else {
      result[i] = { tag: 'orphaned' in tag && tag.orphaned ? tag : Object.assign({}, tag, { orphaned: true }), kind: 'orphaned' };
    }
  }
  const out: ReanchorResult<T> = { placed: [], moved: [], orphaned: [] };
  for (const r of result) out[r.kind].push(r.tag);
  return out;
}

function clearOrphaned<T extends Anchored>(tag: T): T {
  if (!('orphaned' in tag) || tag.orphaned === undefined) return tag;
  const { orphaned: _orphaned, ...rest } = tag;
  return rest as T;
}

function relocate<T extends Anchored>(docText: string, tag: T, span: Span): T {
  return withContext(docText, clearOrphaned({ ...tag, start: span.start, end: span.end, text: docText.slice(span.start, span.end) }));
}

/** Occurrences of strings in the document, exact and in NFD, each looked up once per reanchor call (many
 *  tags share a text: the same name tagged throughout a page). */
class TextSearch {
  private readonly exact = new Map<string, number[]>();
  private readonly normalised = new Map<string, Span[]>();
  private decomposed: DecomposedText | undefined;

  constructor(private readonly docText: string) {}

  occurrences(text: string): number[] {
    let found = this.exact.get(text);
    if (!found) {
      found = [];
      for (let at = this.docText.indexOf(text); at >= 0; at = this.docText.indexOf(text, at + 1)) found.push(at);
      this.exact.set(text, found);
    }
    return found;
  }

  /** Spans of the document whose NFD form is `nfdText`, on whole characters. */
  normalisedOccurrences(nfdText: string): Span[] {
    let found = this.normalised.get(nfdText);
    if (!found) {
      found = [];
      const decomposed = (this.decomposed ??= decompose(this.docText));
      for (let at = decomposed.text.indexOf(nfdText); at >= 0; at = decomposed.text.indexOf(nfdText, at + 1)) {
        const start = decomposed.original[at];
        const end = decomposed.original[at + nfdText.length];
        if (start >= 0 && end >= 0 && this.docText.slice(start, end).normalize('NFD') === nfdText) found.push({ start, end });
      }
      this.normalised.set(nfdText, found);
    }
    return found;
  }
}

function bestCandidate(docText: string, tag: Anchored, expected: number, search: TextSearch): Span | undefined {
  if (tag.text === '') return undefined;
  const before = (tag.before ?? '').normalize('NFD');
  const after = (tag.after ?? '').normalize('NFD');
  const required = Math.min(MIN_CONTEXT_MATCH, before.length + after.length);
  const candidates: Candidate[] = [];
  const consider = (start: number, end: number): void => {
    const context = contextMatch(docText, start, end, before, after);
    if (context >= required) candidates.push({ start, end, context, distance: Math.abs(start - expected) });
  };
  for (const at of search.occurrences(tag.text)) consider(at, at + tag.text.length);
  if (candidates.length === 0) {
    for (const span of search.normalisedOccurrences(tag.text.normalize('NFD'))) consider(span.start, span.end);
  }
  let best: Candidate | undefined;
  let tied = false;
  for (const c of candidates) {
    const better = !best || c.context > best.context || (c.context === best.context && c.distance < best.distance);
    if (better) {
      best = c;
      tied = false;
    } else if (best && c.context === best.context && c.distance === best.distance) tied = true;
  }
  return best && !tied ? best : undefined;
}
