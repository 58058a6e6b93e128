// Lessons: what the incremental learners (the corpus model's body/boilerplate lines, the accepted and
// dismissed entities that are suggested again elsewhere) take from a page's decisions. One rule for the
// editor and the command line. The editor keeps what it taught per page and, on every change of the page's
// tags (a command, undo, redo, an import, a merge from disk, a deleted page), teaches only the difference,
// so what was learned always matches the tags as they are.
import type { BodyPageLesson } from '../detect/corpus';
import type { Annotation, Dismissal, DocStatus } from '../model/types';
import { isBlank, lineSpans } from '../text/lines';

export const BODY_LABEL = 'body';
export const BOILERPLATE_LABEL = 'boilerplate';

export type Lesson =
  /** A whole line of the page taught as body or boilerplate (body and boilerplate tags, dismissed body lines). */
  | { kind: 'line'; label: 'body' | 'boilerplate'; text: string }
  /** A tagged entity: suggested again where the same text stands. */
  | { kind: 'entity'; label: string; text: string; value?: string }
  /** A dismissed entity suggestion: suggested less there. */
  | { kind: 'dismissal'; label: string; text: string }
  /** A page with body tags, as a whole: the body line model learns the site's template from it. */
  | { kind: 'page'; page: BodyPageLesson };

export interface Decisions {
  readonly annotations: readonly Annotation[];
  readonly dismissed: readonly Dismissal[];
  /** Done: the page's untagged lines are boilerplate for the body line model. */
  readonly status?: DocStatus;
}

/**
 * The lessons of a page: every non-blank line a body or boilerplate tag touches (the corpus model learns
 * lines, so the whole line), every line of a dismissed body suggestion as boilerplate, each other tag as an
 * entity, each other dismissal as a dismissed entity. Orphaned tags teach nothing: their text is not there.
 * A page with a body tag is also one 'page' lesson (its tagged lines, and whether it is done). A done page
 * without body tags is none: its annotator did not mark the body, so its lines say nothing about it.
 */
export function lessonsOf(text: string, decisions: Decisions): Lesson[] {
  const lessons: Lesson[] = [];
  const lineTags: Array<{ start: number; end: number; label: 'body' | 'boilerplate' }> = [];
  for (const tag of decisions.annotations) {
    if (tag.orphaned) continue;
    if (tag.label === BODY_LABEL || tag.label === BOILERPLATE_LABEL) lineTags.push({ start: tag.start, end: tag.end, label: tag.label });
    else lessons.push({ kind: 'entity', label: tag.label, text: tag.text, ...(typeof tag.value === 'string' ? { value: tag.value } : {}) });
  }
  for (const d of decisions.dismissed) {
    if (d.label === BODY_LABEL) lineTags.push({ start: d.start, end: d.end, label: 'boilerplate' });
    else if (d.label !== BOILERPLATE_LABEL) lessons.push({ kind: 'dismissal', label: d.label, text: d.text });
  }
  if (lineTags.length > 0) {
    lineTags.sort((a, b) => a.start - b.start);
    const labelled: [number, 'body' | 'boilerplate'][] = [];
    for (const line of lineSpans(text)) {
      if (isBlank(text, line.start, line.end)) continue;
      // a tag on the line teaches it once; a body tag wins over a dismissal of the same line
      let label: 'body' | 'boilerplate' | undefined;
      for (const t of lineTags) {
        if (t.start >= line.end) break;
        if (t.end > line.start && (label === undefined || t.label === 'body')) label = t.label;
      }
      if (label === undefined) continue;
      lessons.push({ kind: 'line', label, text: text.slice(line.start, line.end) });
      labelled.push([line.line, label]);
    }
    if (labelled.some(([, label]) => label === 'body')) lessons.push({ kind: 'page', page: { text, lines: labelled, done: decisions.status === 'done' } });
  }
  return lessons;
}

function keyOf(l: Lesson): string {
  if (l.kind === 'page') return `page\u0000${JSON.stringify(l.page)}`;
  return l.kind === 'entity' ? `entity\u0000${l.label}\u0000${l.text}\u0000${l.value ?? ''}` : `${l.kind}\u0000${l.label}\u0000${l.text}`;
}

/** A multiset of lessons, as taught so far for one page. */
export type Taught = ReadonlyMap<string, { lesson: Lesson; count: number }>;

export function taughtOf(lessons: readonly Lesson[]): Taught {
  const taught = new Map<string, { lesson: Lesson; count: number }>();
  for (const lesson of lessons) {
    const key = keyOf(lesson);
    const known = taught.get(key);
    if (known) known.count++;
    else taught.set(key, { lesson, count: 1 });
  }
  return taught;
}

/** What to learn and what to forget to go from `before` to `after` (each as often as its count changed). */
export function lessonDiff(before: Taught | undefined, after: Taught | undefined): { learn: Lesson[]; forget: Lesson[] } {
  const learn: Lesson[] = [];
  const forget: Lesson[] = [];
  for (const [key, { lesson, count }] of after ?? []) {
    const was = before?.get(key)?.count ?? 0;
    for (let i = was; i < count; i++) learn.push(lesson);
  }
  for (const [key, { lesson, count }] of before ?? []) {
    const now = after?.get(key)?.count ?? 0;
    for (let i = now; i < count; i++) forget.push(lesson);
  }
  return { learn, forget };
}
