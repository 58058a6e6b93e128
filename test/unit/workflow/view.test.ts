// The view model: what the editor shows of a page's suggestions once the annotator has tagged and dismissed.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentAnalysis } from '../../../src/core/detect/analyse';
import type { Annotation, LineDecision, SidecarData, Suggestion } from '../../../src/core/model/types';
import { normaliseSettings } from '../../../src/core/settings';
import { buildView } from '../../../src/core/workflow/view';

// Line 0: a menu (boilerplate); line 1 and 2: article body.
const TEXT = 'Home | World | Sport\nAna Lima met Bo Chen on 3 May.\nLater Ana Lima flew home.\n';
const lineAt = (n: number, label: 'body' | 'boilerplate'): LineDecision => {
  const lines = TEXT.split('\n');
  const start = lines.slice(0, n).reduce((sum, l) => sum + l.length + 1, 0);
  return { line: n, start, end: start + lines[n].length, label, score: label === 'body' ? 0.9 : 0.1, reasons: [] };
};
const suggest = (text: string, label: string, nth = 0): Suggestion => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = TEXT.indexOf(text, at + 1);
  const line = TEXT.slice(0, at).split('\n').length - 1;
  return { start: at, end: at + text.length, text, label, score: 0.8, reasons: [], line };
};
const analysis: DocumentAnalysis = {
  lines: [lineAt(0, 'boilerplate'), lineAt(1, 'body'), lineAt(2, 'body')],
  suggestions: [suggest('World', 'actor'), suggest('Ana Lima', 'actor'), suggest('Bo Chen', 'actor'), suggest('3 May', 'date'), suggest('Ana Lima', 'actor', 1)],
};
const settings = (over: Record<string, unknown> = {}) => normaliseSettings((key) => over[key]);
const tag = (text: string, label: string, nth = 0): Annotation => {
  const s = suggest(text, label, nth);
  return { id: `${label}-${s.start}`, label, start: s.start, end: s.end, text, source: 'manual' };
};
const sidecar = (annotations: Annotation[], dismissed: SidecarData['dismissed'] = []): SidecarData => ({ newsmark: 1, document: 'page.txt', status: 'todo', annotations, dismissed });
const texts = (list: Array<{ text?: string; start: number; end: number }>) => list.map((s) => s.text ?? TEXT.slice(s.start, s.end));
const all = () => true;

describe('the view model of a page', () => {
  it('shows entity suggestions on body lines only, and the body lines not yet tagged', () => {
    const view = buildView(1, analysis, undefined, settings(), false, all);
    assert.deepEqual(texts(view.suggestions), ['Ana Lima', 'Bo Chen', '3 May', 'Ana Lima']);
    assert.deepEqual(view.bodyLines.map((l) => l.line), [1, 2]);
    assert.deepEqual(view.boilerplateLines.map((l) => l.line), [0]);
  });

  it('hides a suggestion where a tag of its label overlaps, and one that was dismissed', () => {
    const d = suggest('Bo Chen', 'actor');
    const view = buildView(1, analysis, sidecar([tag('Ana', 'actor')], [{ label: 'actor', start: d.start, end: d.end, text: 'Bo Chen' }]), settings(), false, all);
    assert.deepEqual(texts(view.suggestions), ['3 May', 'Ana Lima'], 'the first Ana Lima is covered by a tag, Bo Chen dismissed');
  });

  it('a tag of another label does not hide a suggestion', () => {
    const view = buildView(1, analysis, sidecar([tag('3 May', 'actor')]), settings(), false, all);
    assert.ok(texts(view.suggestions).includes('3 May'));
  });

  it('a body tag on a boilerplate line shows the suggestions inside it and stops dimming the line', () => {
    const menu = lineAt(0, 'boilerplate');
    const body: Annotation = { id: 'b1', label: 'body', start: menu.start, end: menu.end, text: TEXT.slice(menu.start, menu.end), source: 'manual' };
    const view = buildView(1, analysis, sidecar([body]), settings(), false, all);
    assert.ok(texts(view.suggestions).includes('World'));
    assert.deepEqual(view.boilerplateLines, []);
  });

  it('a dismissed body line is dimmed like boilerplate and its suggestions go', () => {
    const line = lineAt(2, 'body');
    const view = buildView(1, analysis, sidecar([], [{ label: 'body', start: line.start, end: line.end, text: TEXT.slice(line.start, line.end) }]), settings(), false, all);
    assert.deepEqual(view.bodyLines.map((l) => l.line), [1]);
    assert.deepEqual(view.boilerplateLines.map((l) => l.line), [0, 2]);
    assert.deepEqual(texts(view.suggestions), ['Ana Lima', 'Bo Chen', '3 May']);
  });

  it('orphaned tags hide nothing; the settings switch each kind off; `shown` filters the rest', () => {
    const orphan = { ...tag('Bo Chen', 'actor'), orphaned: true as const };
    assert.ok(texts(buildView(1, analysis, sidecar([orphan]), settings(), false, all).suggestions).includes('Bo Chen'));
    const off = buildView(1, analysis, undefined, settings({ 'suggestions.entities': false, 'suggestions.bodyBlock': false, 'suggestions.boilerplate': false }), false, all);
    assert.deepEqual([off.suggestions, off.bodyLines, off.boilerplateLines], [[], [], []]);
    const dates = buildView(1, analysis, undefined, settings(), true, (s) => s.label === 'date');
    assert.deepEqual(texts(dates.suggestions), ['3 May']);
    assert.equal(dates.partial, true);
  });
});
