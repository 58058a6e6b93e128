// Lessons: what the learners take from a page's decisions, and the difference a change makes.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Annotation, Dismissal } from '../../../src/core/model/types';
import { type Lesson, lessonDiff, lessonsOf, taughtOf } from '../../../src/core/workflow/lessons';

const TEXT = 'Menu | Home\nAna Lima met Bo Chen.\n\nShe left on 3 May.\n';
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });
const tag = (s: string, label: string, extra: Partial<Annotation> = {}): Annotation => ({ id: `${label}:${s}`, label, ...at(s), text: s, source: 'manual', ...extra });
const dismissal = (s: string, label: string): Dismissal => ({ label, ...at(s), text: s });
const show = (lessons: Lesson[]) =>
  lessons.map((l) =>
    l.kind === 'page'
      ? `page:${l.page.done ? 'done' : 'open'}:${l.page.lines.map(([line, label]) => `${line}${label}`).join(',')}`
      : `${l.kind}:${l.label}:${l.text}${l.kind === 'entity' && l.value ? `=${l.value}` : ''}`,
  );

describe('lessons of a page', () => {
  it('a body tag teaches every whole line it touches; blank lines teach nothing', () => {
    const body = { ...tag('Bo Chen.', 'body'), end: at('3 May').end };
    assert.deepEqual(show(lessonsOf(TEXT, { annotations: [body], dismissed: [] })), ['line:body:Ana Lima met Bo Chen.', 'line:body:She left on 3 May.', 'page:open:1body,3body']);
  });

  it('a page with body tags is also one lesson for the body line model, done or not; a done page without body tags is none', () => {
    const body = tag('Ana Lima met Bo Chen.', 'body');
    const menu = dismissal('Menu | Home', 'body');
    assert.deepEqual(show(lessonsOf(TEXT, { annotations: [body], dismissed: [menu], status: 'done' })).at(-1), 'page:done:0boilerplate,1body');
    assert.deepEqual(show(lessonsOf(TEXT, { annotations: [tag('Ana Lima', 'actor')], dismissed: [menu], status: 'done' })), ['entity:actor:Ana Lima', 'line:boilerplate:Menu | Home']);
  });

  it('a dismissed body line teaches boilerplate, unless a body tag covers it too', () => {
    const menu = dismissal('Menu | Home', 'body');
    assert.deepEqual(show(lessonsOf(TEXT, { annotations: [], dismissed: [menu] })), ['line:boilerplate:Menu | Home']);
    assert.deepEqual(show(lessonsOf(TEXT, { annotations: [tag('Menu | Home', 'body')], dismissed: [menu] })), ['line:body:Menu | Home', 'page:open:0body']);
  });

  it('other tags are entities with their value; other dismissals are dismissed entities; orphans teach nothing', () => {
    const lessons = lessonsOf(TEXT, {
      annotations: [tag('3 May', 'date', { value: '2026-05-03' }), tag('Ana Lima', 'actor'), tag('Bo Chen', 'actor', { orphaned: true })],
      dismissed: [dismissal('Bo Chen', 'actor')],
    });
    assert.deepEqual(show(lessons).sort(), ['dismissal:actor:Bo Chen', 'entity:actor:Ana Lima', 'entity:date:3 May=2026-05-03']);
  });
});

describe('the difference a change makes', () => {
  const before = taughtOf(lessonsOf(TEXT, { annotations: [tag('Ana Lima', 'actor'), tag('Bo Chen', 'actor')], dismissed: [] }));

  it('an undo forgets what the undone accept taught, and nothing else', () => {
    const after = taughtOf(lessonsOf(TEXT, { annotations: [tag('Ana Lima', 'actor')], dismissed: [] }));
    const diff = lessonDiff(before, after);
    assert.deepEqual([show(diff.learn), show(diff.forget)], [[], ['entity:actor:Bo Chen']]);
  });

  it('a label change forgets the old lesson and learns the new one', () => {
    const after = taughtOf(lessonsOf(TEXT, { annotations: [tag('Ana Lima', 'actor'), tag('Bo Chen', 'date')], dismissed: [] }));
    const diff = lessonDiff(before, after);
    assert.deepEqual([show(diff.learn), show(diff.forget)], [['entity:date:Bo Chen'], ['entity:actor:Bo Chen']]);
  });

  it('the same name tagged twice is taught twice and forgotten once when one tag goes', () => {
    const twice = taughtOf(lessonsOf(TEXT, { annotations: [tag('Ana Lima', 'actor'), { ...tag('Ana Lima', 'actor'), id: 'second' }], dismissed: [] }));
    assert.deepEqual(show(lessonDiff(undefined, twice).learn), ['entity:actor:Ana Lima', 'entity:actor:Ana Lima']);
    const once = taughtOf(lessonsOf(TEXT, { annotations: [tag('Ana Lima', 'actor')], dismissed: [] }));
    assert.deepEqual(show(lessonDiff(twice, once).forget), ['entity:actor:Ana Lima']);
  });

  it('a deleted page forgets all it taught; a page read again unchanged teaches nothing new', () => {
    assert.deepEqual(show(lessonDiff(before, undefined).forget).sort(), ['entity:actor:Ana Lima', 'entity:actor:Bo Chen']);
    const again = taughtOf(lessonsOf(TEXT, { annotations: [tag('Bo Chen', 'actor'), tag('Ana Lima', 'actor')], dismissed: [] }));
    assert.deepEqual(lessonDiff(before, again), { learn: [], forget: [] });
  });
});
