// Review of tags: a reviewer approves or rejects each tag; the verdict is stored on the tag (`review`) and is
// lost when the tag changes (label, span, covered text or value), since it was a verdict on what was there.
import { sameValue } from '../model/annotations';
import type { Annotation, Review, Verdict } from '../model/types';

/** The tag with `verdict` by `by` at `at`; `undefined` as verdict clears the review. */
export function withVerdict(tag: Annotation, verdict: Verdict | undefined, by: string, at: string): Annotation {
  const { review: _old, ...rest } = tag;
  return verdict === undefined ? rest : { ...rest, review: { verdict, by, at } };
}

/** Whether `after` is still the tag `before` was reviewed as. Moving (same text at a new offset) is not a change. */
export function sameReviewedContent(before: Annotation, after: Annotation): boolean {
  return before.label === after.label && before.text === after.text && (before.end - before.start) === (after.end - after.start)
    && sameValue(before.value, after.value);
}

/**
 * `after` with the review removed from every tag that changed since `before` (matched by id). Tags whose
 * review was itself changed are kept as they are: setting a verdict is not a change of the tag.
 */
export function dropStaleReviews(before: readonly Annotation[], after: readonly Annotation[]): Annotation[] {
  if (!after.some((t) => t.review !== undefined)) return after as Annotation[]; // the usual case while typing
  const old = new Map(before.map((t) => [t.id, t]));
  let changed = false;
  const out = after.map((tag) => {
    if (!tag.review) return tag;
    const prev = old.get(tag.id);
    if (!prev || sameReviewedContent(prev, tag)) return tag;
    changed = true;
    const { review: _stale, ...rest } = tag;
    return rest;
  });
  return changed ? out : (after as Annotation[]);
}

export interface ReviewCounts {
  /** Tags that can be reviewed (placed, not orphaned). */
  tags: number;
  approved: number;
  rejected: number;
  unreviewed: number;
}

export function emptyReviewCounts(): ReviewCounts {
  return { tags: 0, approved: 0, rejected: 0, unreviewed: 0 };
}

/** Verdicts of a document's placed tags (orphaned tags are not counted). */
export function reviewCounts(tags: readonly Annotation[], into: ReviewCounts = emptyReviewCounts()): ReviewCounts {
  for (const tag of tags) {
    if (tag.orphaned) continue;
    into.tags++;
    const verdict = tag.review?.verdict;
    if (verdict === 'approved') into.approved++;
    else if (verdict === 'rejected') into.rejected++;
    else into.unreviewed++;
  }
  return into;
}

export function addReviewCounts(total: ReviewCounts, more: ReviewCounts): ReviewCounts {
  total.tags += more.tags;
  total.approved += more.approved;
  total.rejected += more.rejected;
  total.unreviewed += more.unreviewed;
  return total;
}

/** A page is reviewed when it has tags and each has a verdict. */
export function isFullyReviewed(counts: ReviewCounts): boolean {
  return counts.tags > 0 && counts.unreviewed === 0;
}

/** Share of tags with a verdict, 0..1 (1 for no tags: nothing is left to review). */
export function reviewedShare(counts: ReviewCounts): number {
  return counts.tags === 0 ? 1 : (counts.approved + counts.rejected) / counts.tags;
}

/** "12 approved, 2 rejected, 30 not reviewed (32%)". */
export function reviewSummary(counts: ReviewCounts): string {
  const pct = Math.floor(reviewedShare(counts) * 100);
  return `${counts.approved} approved, ${counts.rejected} rejected, ${counts.unreviewed} not reviewed (${pct}% reviewed)`;
}

/**
 * Tags that "approve every tag on this page I have not rejected" approves: placed tags that are not already
 * approved and not rejected by `reviewer` (a rejection by someone else is overruled).
 */
export function approvableTags(tags: readonly Annotation[], reviewer: string): Annotation[] {
  return tags.filter((t) => !t.orphaned && t.review?.verdict !== 'approved' && !(t.review?.verdict === 'rejected' && t.review.by === reviewer));
}

export type ReviewFilter = 'any' | 'approved';

/** Whether a tag passes the export's review filter. */
export function passesReview(review: Review | undefined, filter: ReviewFilter): boolean {
  return filter === 'any' || review?.verdict === 'approved';
}
