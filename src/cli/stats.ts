// `newsmark stats`: what a corpus folder holds: documents by status, tags by label and source, the most
// frequent actors, orphaned tags and broken sidecars.

import { flag, parseCommandLine, stringOption } from './args';
import { reanchorSidecar, readSidecar } from './documents';
import type { CliEnv } from './env';
import { readPageReported, reportSidecarsWithoutPage } from './pages';
import { UsageError, terminalSafe } from './report';
import { listCorpus, requireFolder } from './walk';
import { openWorkspace, WORKSPACE_OPTIONS } from './workspace';
import { type Decision, decisionsOf, qualityReport, type QualityReport, type Tally } from '../core/quality';
import { addReviewCounts, isFullyReviewed, reviewCounts, reviewSummary, type ReviewCounts } from '../core/review';

export interface CorpusStats {
  documents: number;
  /** Documents without a sidecar count as todo. */
  status: Record<string, number>;
  withSidecar: number;
  tags: { total: number; byLabel: Record<string, number>; bySource: Record<string, number> };
  /** Actors by normalised value (else text), most frequent first. */
  topActors: { name: string; count: number }[];
  /** Verdicts of placed tags, and pages whose every tag has one (of the pages with tags). */
  review: ReviewCounts & { pagesReviewed: number; pagesWithTags: number };
  orphaned: { document: string; id: string; label: string; text: string }[];
  brokenSidecars: string[];
  /** Pages listed but not read (no permission, binary, too large): reported, counted in `documents`. */
  unreadablePages: string[];
  /** Sidecars whose page does not exist (reported): their tags are not counted. */
  sidecarsWithoutPage: string[];
  /** Accepted, dismissed and corrected suggestions per source and rule, and the learning curve so far. */
  suggestions: QualityReport;
}

const ACTOR_LABEL = 'actor';

export async function statsCommand(argv: readonly string[], env: CliEnv): Promise<number> {
  const args = parseCommandLine(argv, { json: { type: 'boolean' }, top: { type: 'string' }, glob: { type: 'string' }, ...WORKSPACE_OPTIONS });
  if (args.positionals.length !== 1) throw new UsageError('stats needs exactly one corpus folder');
  const [dir] = args.positionals;
  requireFolder(dir, 'the corpus');
  const topText = stringOption(args, 'top') ?? '20';
  if (!/^\d+$/.test(topText)) throw new UsageError(`--top must be a whole number (got "${topText}")`);
  const { reporter } = env;

  const ws = openWorkspace(dir, args, reporter);
  const files = listCorpus([dir], ws, reporter);
  const stats: CorpusStats = {
    documents: files.length, status: {}, withSidecar: 0, tags: { total: 0, byLabel: {}, bySource: {} }, topActors: [],
    review: { tags: 0, approved: 0, rejected: 0, unreviewed: 0, pagesReviewed: 0, pagesWithTags: 0 }, orphaned: [], brokenSidecars: [], unreadablePages: [], sidecarsWithoutPage: [],
    suggestions: qualityReport([]),
  };
  const decisions: Decision[] = [];
  const actors = new Map<string, number>();
  files.forEach((file, index) => {
    reporter.progress('reading', index + 1, files.length);
    // Every page is read, so one that cannot be is reported (and not counted as a document to do).
    const { text } = readPageReported(file.path, reporter, 'it is not counted');
    if (text === undefined) {
      stats.unreadablePages.push(file.path);
      return;
    }
    const read = readSidecar(file.path, ws, reporter);
    if (read.broken) {
      stats.brokenSidecars.push(read.sidecarPath);
      return;
    }
    const status = read.data?.status ?? 'todo';
    stats.status[status] = (stats.status[status] ?? 0) + 1;
    if (!read.data) return;
    stats.withSidecar++;
    for (const d of decisionsOf(read.data)) decisions.push(d);
    const { data, orphaned } = reanchorSidecar({ ...read, data: read.data }, text);
    const pageReview = reviewCounts(data.annotations);
    addReviewCounts(stats.review, pageReview);
    if (pageReview.tags > 0) stats.review.pagesWithTags++;
    if (isFullyReviewed(pageReview)) stats.review.pagesReviewed++;
    for (const tag of orphaned) stats.orphaned.push({ document: file.rel, id: tag.id, label: tag.label, text: tag.text });
    for (const tag of data.annotations) {
      stats.tags.total++;
      stats.tags.byLabel[tag.label] = (stats.tags.byLabel[tag.label] ?? 0) + 1;
      stats.tags.bySource[tag.source] = (stats.tags.bySource[tag.source] ?? 0) + 1;
      if (tag.label !== ACTOR_LABEL) continue;
      const names = tag.value === undefined ? [tag.text] : Array.isArray(tag.value) ? tag.value : [tag.value];
      for (const name of names) actors.set(name, (actors.get(name) ?? 0) + 1);
    }
  });
  reporter.endProgress();
  stats.sidecarsWithoutPage = reportSidecarsWithoutPage(dir, ws, reporter);
  stats.suggestions = qualityReport(decisions);
  stats.topActors = [...actors]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, Number(topText))
    .map(([name, count]) => ({ name, count }));
  env.io.stdout.write(flag(args, 'json') ? `${JSON.stringify(stats, null, 2)}\n` : terminalSafe(statsText(stats)));
  return reporter.errors > 0 ? 1 : 0;
}

function tallyText(t: Tally): string {
  const precision = t.precision === undefined ? '-' : t.precision.toFixed(2);
  return `${t.accepted} accepted, ${t.dismissed} dismissed, ${t.corrected} corrected (precision ${precision})`;
}

function counts(record: Record<string, number>): string {
  const entries = Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1));
  return entries.length === 0 ? 'none' : entries.map(([key, n]) => `${key} ${n}`).join(', ');
}

function statsText(stats: CorpusStats): string {
  const lines = [
    `documents: ${stats.documents} (${stats.withSidecar} with a sidecar)`,
    `status: ${counts(stats.status)}`,
    `tags: ${stats.tags.total} (${counts(stats.tags.byLabel)})`,
    `sources: ${counts(stats.tags.bySource)}`,
    `review: ${reviewSummary(stats.review)}; pages reviewed: ${stats.review.pagesReviewed} of ${stats.review.pagesWithTags} with tags`,
    `orphaned tags: ${stats.orphaned.length}`,
    `broken sidecars: ${stats.brokenSidecars.length}`,
    ...(stats.unreadablePages.length > 0 ? [`pages not read: ${stats.unreadablePages.length}`] : []),
    ...(stats.sidecarsWithoutPage.length > 0 ? [`sidecars without their page: ${stats.sidecarsWithoutPage.length}`] : []),
    `suggestions decided: ${tallyText(stats.suggestions.total)}`,
  ];
  for (const source of stats.suggestions.sources) {
    lines.push(`  ${source.source}: ${tallyText(source.tally)}`);
    for (const rule of source.rules) lines.push(`    ${rule.rule}: ${tallyText(rule.tally)}`);
  }
  if (stats.suggestions.curve.length > 0) lines.push(`learning curve (share accepted per block of decisions): ${stats.suggestions.curve.map((p) => p.precision.toFixed(2)).join(' -> ')}`);
  if (stats.topActors.length > 0) {
    lines.push('top actors:');
    const width = Math.max(...stats.topActors.map((a) => String(a.count).length));
    for (const actor of stats.topActors) lines.push(`  ${String(actor.count).padStart(width)}  ${actor.name}`);
  }
  for (const o of stats.orphaned) lines.push(`orphan: ${o.document} ${o.id} ${o.label} "${o.text}"`);
  for (const b of stats.brokenSidecars) lines.push(`broken: ${b}`);
  for (const p of stats.unreadablePages) lines.push(`not read: ${p}`);
  for (const s of stats.sidecarsWithoutPage) lines.push(`without its page: ${s}`);
  return `${lines.join('\n')}\n`;
}
