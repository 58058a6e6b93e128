// Accepted texts the annotator left untagged on pages marked done. A done page is fully annotated, so an
// occurrence of an accepted text there without a tag of its label is a decision against suggesting that
// text again, as a dismissal is: "ho" tagged once as a date by mistake, or a short form that only one page
// used for a name, stops being suggested at every other occurrence once done pages show it untagged.

import type { Annotation, DocStatus } from '../model/types';
import { lineSpans } from '../text/lines';
import type { LearnedEntities, LearnedEntry } from './learned';
import { type Tokens, tokenize, Vocabulary } from './words';

/** A page marked done and its tags (any source, document offsets). */
export interface DonePage {
  text: string;
  tags: readonly { start: number; end: number; label: string }[];
}

// Token lookups only: the vocabulary stays empty, so it never grows with the pages read.
const LOOKUP = new Vocabulary();
const linesOfPage = new WeakMap<DonePage, { start: number; tokens: Tokens }[]>();

function pageLines(page: DonePage): { start: number; tokens: Tokens }[] {
  let lines = linesOfPage.get(page);
  if (!lines) {
    lines = lineSpans(page.text)
      .filter((span) => span.end > span.start)
      .map((span) => ({ start: span.start, tokens: tokenize(page.text.slice(span.start, span.end), LOOKUP) }));
    linesOfPage.set(page, lines);
  }
  return lines;
}

/** A decided page of the corpus (the editor's and the CLI's view of a page and its sidecar data). */
interface DecidedPageData {
  text: string;
  decisions: { annotations: readonly Annotation[]; status?: DocStatus };
}

const donePageOf = new WeakMap<DecidedPageData, DonePage>();

/** The pages marked done among `pages`, with their placed tags (the same object for the same page, so its
 * line tokens are kept). */
export function donePages(pages: Iterable<DecidedPageData>): DonePage[] {
  const out: DonePage[] = [];
  for (const page of pages) {
    if (page.decisions.status !== 'done') continue;
    let done = donePageOf.get(page);
    if (!done) {
      done = { text: page.text, tags: page.decisions.annotations.filter((tag) => !tag.orphaned && tag.end <= page.text.length) };
      donePageOf.set(page, done);
    }
    out.push(done);
  }
  return out;
}

/** How often an accepted text was left without its label on pages marked done. */
export interface UntaggedCount {
  label: string;
  text: string;
  count: number;
}

/**
 * The occurrences, on `pages`, of `learned`'s entries that no tag of the entry's label overlaps, per entry.
 * Line tokens are kept per page object, so counting again after a decision tokenises no page twice.
 */
export function untaggedCounts(learned: LearnedEntities, pages: Iterable<DonePage>): UntaggedCount[] {
  const counts = new Map<LearnedEntry, number>();
  if (learned.size === 0) return [];
  for (const page of pages) {
    for (const line of pageLines(page)) {
      for (const match of learned.occurrencesIn(line.tokens)) {
        const start = line.start + match.start;
        const end = line.start + match.end;
        const label = match.entry.label;
        if (page.tags.some((tag) => tag.label === label && tag.start < end && start < tag.end)) continue;
        counts.set(match.entry, (counts.get(match.entry) ?? 0) + 1);
      }
    }
  }
  return [...counts].map(([entry, count]) => ({ label: entry.label, text: entry.text, count }));
}

/** Sets `learned`'s untagged counts from `pages` (which lower the propagation score as dismissals do). */
export function countUntagged(learned: LearnedEntities, pages: Iterable<DonePage>): void {
  learned.setUntagged(untaggedCounts(learned, pages));
}
