// The view model of a page: which suggestions are shown where, given what the annotator has tagged and
// dismissed. Decorations, hover, code actions and navigation in the editor all read it, so they agree.
import type { DocumentAnalysis } from '../detect/analyse';
import { firstStartingAt } from '../model/annotations';
import type { LineDecision, SidecarData, Suggestion } from '../model/types';
import type { NewsmarkSettings } from '../settings';

/** What the editor shows of a document's suggestions (already filtered by tags, dismissals and settings). */
export interface DocView {
  readonly version: number;
  readonly lines: LineDecision[];
  /** Entity suggestions to show: not on boilerplate lines, not already tagged, not dismissed. */
  readonly suggestions: Suggestion[];
  /** Lines suggested as article body that are not tagged body yet. */
  readonly bodyLines: LineDecision[];
  /** Lines suggested as boilerplate (dimmed), unless tagged body. */
  readonly boilerplateLines: LineDecision[];
  /** True when only part of a very large page was analysed. */
  readonly partial: boolean;
}

/**
 * What a page shows, from its analysis and its sidecar: entity suggestions only on body lines (or inside a body
 * tag), never where a tag of that label already is or the suggestion was dismissed; body lines not yet tagged;
 * boilerplate lines (and body lines dismissed) dimmed unless tagged body. `shown` filters further (a score
 * threshold, an external suggester's state).
 */
export function buildView(
  version: number, analysis: DocumentAnalysis, data: SidecarData | undefined, settings: NewsmarkSettings, partial: boolean, shown: (s: Suggestion) => boolean,
): DocView {
  const tags = data?.annotations.filter((a) => !a.orphaned) ?? [];
  const dismissedKeys = new Set((data?.dismissed ?? []).map((d) => spanKey(d.label, d.start, d.end)));
  const isDismissed = (label: string, start: number, end: number) => dismissedKeys.has(spanKey(label, start, end));
  const bodyTagged = overlapTest(tags.filter((t) => t.label === 'body'));
  const bodyTagCovers = (s: Suggestion) => tags.some((t) => t.label === 'body' && t.start <= s.start && t.end >= s.end);
  const taggedAs = new Map<string, (start: number, end: number) => boolean>();
  const isTagged = (s: Suggestion) => {
    let test = taggedAs.get(s.label);
    if (!test) taggedAs.set(s.label, (test = overlapTest(tags.filter((t) => t.label === s.label))));
    return test(s.start, s.end);
  };
  const taggedBody = (line: LineDecision) => bodyTagged(line.start, line.end);
  const dismissedBody = (line: LineDecision) => isDismissed('body', line.start, line.end);
  const lineLabel = new Map<number, LineDecision>();
  for (const l of analysis.lines) lineLabel.set(l.line, l);
  const onBody = (s: Suggestion) => {
    const l = lineLabel.get(s.line);
    if (!l) return true;
    return l.label === 'body' ? !dismissedBody(l) : bodyTagged(s.start, s.end) && bodyTagCovers(s);
  };
  const suggestions = settings.suggestions.entities
    ? analysis.suggestions.filter((s) => onBody(s) && !isDismissed(s.label, s.start, s.end) && !isTagged(s) && shown(s))
    : [];
  const bodyLines = settings.suggestions.bodyBlock ? analysis.lines.filter((l) => l.label === 'body' && !taggedBody(l) && !dismissedBody(l)) : [];
  const boilerplateLines = settings.suggestions.boilerplate
    ? analysis.lines.filter((l) => (l.label === 'boilerplate' || dismissedBody(l)) && !taggedBody(l))
    : [];
  return { version, lines: analysis.lines, suggestions, bodyLines, boilerplateLines, partial };
}

function spanKey(label: string, start: number, end: number): string {
  return `${label}\u0000${start}\u0000${end}`;
}

/**
 * Whether a span overlaps any of `spans`, in O(log n): among the spans starting before the query's end, the
 * largest end must pass the query's start. A 1 MB page has thousands of suggestions and hundreds of tags.
 */
function overlapTest(spans: ReadonlyArray<{ start: number; end: number }>): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  for (let i = 0; i < sorted.length; i++) maxEnd.push(Math.max(sorted[i].end, i > 0 ? maxEnd[i - 1] : -Infinity));
  return (start, end) => {
    const before = firstStartingAt(sorted, end);
    return before > 0 && maxEnd[before - 1] > start;
  };
}

