// The body line model learned per site (src/core/detect/body/learner.ts), simulated as an annotator would
// meet it: the pages of a set in order, each predicted with what the pages before it taught, then
// annotated (its gold body lines tagged body, the page done) through the editor's lessons (lessons.ts).
// Beside it, the same pages decided by the rules with the same exact line memory (what Newsmark learned
// from tags before: the control) and by the rules with nothing learned. Each set is one corpus: the
// boilerplate development pages (--dev), eval/dev-en-pt (pages of that set, with our guidelines' gold),
// eval/dev-vi, eval/baoquocte and eval/dev-scripts.
//
// Sites are the learner's own (pages sharing template lines). They are split in two (see testSites): a
// development half, the only one the learner's settings were chosen on, and a test half. Writes eval/results/body-learning.json with the commit and machine.
//
//   npx tsx research/body-learning.ts --dev ../shared/eval/boilerplate-dev [--out FILE]
//   npx tsx research/body-learning.ts --dev DIR --grid     settings compared on the development half only
//   npx tsx research/body-learning.ts --heldout DIR        one held-out set alone (e.g. $NEWSMARK_DATA/heldout-body-l3s),
//     written to eval/results/body-learning-NAME.json (NAME: the folder's name); with --development-since COMMIT
//     to body-learning-NAME-development.json
//   BL_CHANGES=1 ...                                        also every line the learned arm decides otherwise than the rules (stderr)
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { detectLines } from '../src/core/detect/body/index';
import { type BodyLearnerOptions, DEFAULT_BODY_LEARNER, sameSite, substantialHashes } from '../src/core/detect/body/learner';
import { CorpusModel } from '../src/core/detect/corpus';
import { evaluateBody, microAverage, type Counts, type GoldRecord } from '../src/core/eval/index';
import type { Annotation } from '../src/core/model/types';
import { lineSpans } from '../src/core/text/lines';
import { lessonsOf, type Lesson } from '../src/core/workflow/lessons';
import { loadShippedStopwords } from '../test/unit/body/shippedStopwords';
import { readGoldDir, readGoldJsonl } from './gold-sets';

const ROOT = path.join(__dirname, '..');
const stopwords = loadShippedStopwords();

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && at + 1 < process.argv.length ? process.argv[at + 1] : undefined;
}

/** The sites of a set as the learner groups annotated pages: connected components sharing template lines. */
function sitesOf(records: readonly GoldRecord[]): GoldRecord[][] {
  const hashes = records.map((record) => substantialHashes(record.text));
  const parent = records.map((_, index) => index);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let a = 0; a < records.length; a++) {
    for (let b = a + 1; b < records.length; b++) {
      if (sameSite(hashes[a], hashes[b])) parent[find(b)] = find(a);
    }
  }
  const sites = new Map<number, GoldRecord[]>();
  records.forEach((record, index) => {
    const root = find(index);
    sites.set(root, [...(sites.get(root) ?? []), record]);
  });
  return [...sites.values()].map((pages) => [...pages].sort((a, b) => (a.id < b.id ? -1 : 1)));
}

/**
 * The test half: the sites of a set ordered by their first page id, alternately development and test,
 * sites of one page and of several apart (only the latter can show learning, so both halves get some).
 */
function testSites(sites: readonly GoldRecord[][]): Set<GoldRecord[]> {
  const test = new Set<GoldRecord[]>();
  for (const several of [false, true]) {
    const group = sites.filter((site) => site.length > 1 === several).sort((a, b) => (a[0].id < b[0].id ? -1 : 1));
    group.forEach((site, index) => {
      if (index % 2 === 1) test.add(site);
    });
  }
  return test;
}

/** What the annotator's decisions on a page teach: its gold body lines tagged body, the page done. */
function lessonsOfGold(record: GoldRecord): Lesson[] {
  const body = new Set(record.body_lines);
  const annotations: Annotation[] = [];
  for (const span of lineSpans(record.text)) {
    if (!body.has(span.line)) continue;
    const text = record.text.slice(span.start, span.end);
    annotations.push({ id: `body:${span.line}`, label: 'body', start: span.start, end: span.end, text, source: 'manual' });
  }
  return lessonsOf(record.text, { annotations, dismissed: [], status: 'done' });
}

function teach(corpus: CorpusModel, record: GoldRecord, pages: boolean): void {
  for (const lesson of lessonsOfGold(record)) {
    if (lesson.kind === 'line') corpus.learnLine(lesson.text, lesson.label);
    else if (lesson.kind === 'page' && pages) corpus.learnBodyPage(record.id, lesson.page);
  }
}

type Arm = 'rules' | 'control' | 'learned';
const ARMS: Arm[] = ['rules', 'control', 'learned'];

interface PagePrediction {
  id: string;
  test: boolean;
  /** Annotated pages of its site before it. */
  before: number;
  counts: Record<Arm, Counts>;
  /** Lines the learned arm decided otherwise than the control (the learner switched on for the page). */
  changed: number;
}

/**
 * Every page of a set predicted in order (by id, so sites interleave as they come), under each arm, from
 * what the pages before it taught; then annotated.
 */
function simulate(records: readonly GoldRecord[], learner: BodyLearnerOptions): PagePrediction[] {
  const siteOf = new Map<string, GoldRecord[]>();
  const sites = sitesOf(records);
  const test = testSites(sites);
  for (const site of sites) for (const record of site) siteOf.set(record.id, site);
  // one corpus per arm, every page of the set in it
  const corpora = {} as Record<Arm, CorpusModel>;
  for (const arm of ARMS) {
    corpora[arm] = new CorpusModel();
    for (const record of records) corpora[arm].addDocument(record.id, record.text);
  }
  const predictions: PagePrediction[] = [];
  const annotated = new Set<string>();
  for (const record of [...records].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const site = siteOf.get(record.id) as GoldRecord[];
    const counts = {} as Record<Arm, Counts>;
    const labels = {} as Record<Arm, string[]>;
    let rulesDecisions: ReturnType<typeof detectLines> = [];
    for (const arm of ARMS) {
      const decisions = detectLines(record.text, corpora[arm], stopwords, { documentId: record.id, bodyLearner: arm === 'learned' ? learner : false });
      if (arm === 'rules') rulesDecisions = decisions;
      if (process.env.BL_CHANGES && arm === 'learned') writeChanges(record, test.has(site), rulesDecisions, decisions);
      counts[arm] = evaluateBody(record, decisions);
      labels[arm] = decisions.map((d) => d.label);
      if (process.env.BL_ERRORS && arm === 'learned' && annotatedSite(site, annotated)) {
        const body = new Set(record.body_lines);
        for (const d of decisions) {
          if (body.has(d.line) === (d.label === 'body') || (record.ignore_lines ?? []).includes(d.line)) continue;
          process.stderr.write(`${record.id.slice(0, 8)} ${body.has(d.line) ? 'MISS' : 'FP  '} ${d.score.toFixed(2)} ${record.text.slice(d.start, d.end).slice(0, 60)} | ${d.reasons.slice(0, 3).join('; ')}\n`);
        }
      }
    }
    const changed = labels.learned.filter((label, index) => label !== labels.control[index]).length;
    predictions.push({ id: record.id, test: test.has(site), before: site.filter((page) => annotated.has(page.id)).length, counts, changed });
    teach(corpora.control, record, false);
    teach(corpora.learned, record, true);
    annotated.add(record.id);
  }
  return predictions;
}

const annotatedSite = (site: readonly GoldRecord[], annotated: ReadonlySet<string>): boolean => site.some((page) => annotated.has(page.id));

/**
 * BL_CHANGES=1: every line the learned arm decides otherwise than the rules, to stderr: the half, the page,
 * "right" (the learned arm agrees with the gold) or "wrong", what decided it (the site's model, the line
 * memory of tags), the line and its first reasons.
 */
function writeChanges(record: GoldRecord, test: boolean, rules: ReturnType<typeof detectLines>, learned: ReturnType<typeof detectLines>): void {
  const body = new Set(record.body_lines);
  const ignored = new Set(record.ignore_lines ?? []);
  learned.forEach((decision, index) => {
    if (decision.label === rules[index].label || ignored.has(decision.line)) return;
    const by = decision.reasons.some((reason) => reason.includes('annotated pages of this site taught')) ? 'model' : 'memory';
    const right = (decision.label === 'body') === body.has(decision.line);
    const line = record.text.slice(decision.start, decision.end).slice(0, 70);
    process.stderr.write(`${test ? 'test' : 'dev '} ${record.id} ${right ? 'right' : 'wrong'} ${by} ${line} | ${decision.reasons.slice(0, 4).join('; ')}\n`);
  });
}

function scores(counts: readonly Counts[]): Record<string, number> {
  const s = microAverage([...counts]);
  const round = (value: number): number => Math.round(value * 1000) / 1000;
  return { p: round(s.precision), r: round(s.recall), f1: round(s.f1), tp: s.truePositives, fp: s.falsePositives, fn: s.falseNegatives };
}

const errorsOf = (c: Counts): number => c.falsePositives + c.falseNegatives;

/** Scores of each arm over some pages, and the pages where learning made more or fewer line errors. */
function summary(pages: readonly PagePrediction[]): Record<string, unknown> {
  const out: Record<string, unknown> = { pages: pages.length };
  for (const arm of ARMS) out[arm] = scores(pages.map((page) => page.counts[arm]));
  out.worse = pages.filter((page) => errorsOf(page.counts.learned) > errorsOf(page.counts.control)).map((page) => page.id);
  out.better = pages.filter((page) => errorsOf(page.counts.learned) < errorsOf(page.counts.control)).length;
  out.changedPages = pages.filter((page) => page.changed > 0).length;
  out.changedLines = pages.reduce((sum, page) => sum + page.changed, 0);
  return out;
}

function halves(pages: readonly PagePrediction[]): Record<string, unknown> {
  const half = (test: boolean) => {
    const own = pages.filter((page) => page.test === test);
    // the learner can only act on a page of a site with annotated pages
    // with two, the site's own model is measured on them (with one, it is used only where one page taught the next one better elsewhere)
    return { all: summary(own), afterOne: summary(own.filter((page) => page.before >= 1)), afterTwo: summary(own.filter((page) => page.before >= 2)) };
  };
  return { dev: half(false), test: half(true) };
}

const sets: Array<[string, GoldRecord[]]> = [];
// --heldout DIR: one held-out set of pages alone, measured with the learner's settings as they are;
// --development-since COMMIT: the set's errors were looked at to change the code after COMMIT (it is
// development data now, and the file says so)
const heldOutDir = option('heldout');
const developmentSince = option('development-since');
const devDir = option('dev') ?? process.env.NEWSMARK_BOILERPLATE_DEV;
if (heldOutDir) sets.push([path.basename(path.resolve(heldOutDir)), readGoldDir(heldOutDir)]);
else {
  if (devDir) sets.push(['boilerplate-dev', readGoldDir(devDir)]);
  else process.stderr.write('no --dev DIR (or NEWSMARK_BOILERPLATE_DEV): the boilerplate development pages are left out\n');
  for (const name of ['dev-en-pt', 'dev-vi', 'baoquocte']) sets.push([`eval/${name}.gold.jsonl`, readGoldJsonl(path.join(ROOT, 'eval', `${name}.gold.jsonl`))]);
  sets.push(['eval/dev-scripts', readGoldDir(path.join(ROOT, 'eval', 'dev-scripts'))]);
}

if (process.argv.includes('--grid')) {
  // development half only: the test half is read once, with the settings chosen here
  // margin -1e9: no gate (the model of every site with annotated pages is used), to see what it learns
  for (const strengths of [[0.5], [4], [32], [0.5, 4, 32]]) {
    for (const margin of [-1e9, 1, 3]) {
      for (const learnBlockStart of [false, true]) {
        const learner: BodyLearnerOptions = { ...DEFAULT_BODY_LEARNER, strengths, margin, learnBlockStart };
        const dev = sets.flatMap(([, records]) => simulate(records, learner)).filter((page) => !page.test && page.before >= 1);
        const s = summary(dev) as Record<string, Record<string, number>>;
        process.stdout.write(
          `strengths ${strengths.join(',')} margin ${margin} blockStart ${learnBlockStart}: ${String(s.pages)} pages control F1 ${s.control.f1} learned F1 ${s.learned.f1}` +
            ` better ${String(s.better)} worse ${(s.worse as unknown as string[]).length}\n`,
        );
      }
    }
  }
} else {
  // --settings JSON: other settings than the learner's defaults (to look at one of the grid's)
  const settings: BodyLearnerOptions = { ...DEFAULT_BODY_LEARNER, ...(JSON.parse(option('settings') ?? '{}') as Partial<BodyLearnerOptions>) };
  const bySet: Record<string, unknown> = {};
  const everything: PagePrediction[] = [];
  for (const [name, records] of sets) {
    const started = performance.now();
    const pages = simulate(records, settings);
    everything.push(...pages);
    bySet[name] = { pages: records.length, sites: sitesOf(records).length, ms: Math.round(performance.now() - started), ...halves(pages) };
  }
  const git = (args: string[]): string => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  const result = {
    what:
      'body line P/R/F1 (micro-averaged) of each page predicted from the earlier pages of its site: rules (nothing learned), ' +
      'control (rules + exact line memory of the tags), learned (control + the per-site body line model); ' +
      'dev/test: the sites ordered by first page id, alternately (sites of one page and of several apart); afterOne (afterTwo): pages of a site with at least one (two) annotated pages before them; ' +
      'changedPages, changedLines: pages and lines the learned arm decided otherwise than the control',
    ...(heldOutDir && developmentSince
      ? { heldOut: false, developmentSince, note: `${sets[0][0]}: held out until ${developmentSince}; the learning from tags was changed with its errors in view, so it is development data since` }
      : heldOutDir
        ? { heldOut: `${sets[0][0]}: held-out pages, measured once; its dev/test halves are both held out` }
        : {}),
    settings,
    commit: git(['rev-parse', '--short', 'HEAD']),
    dirty: git(['status', '--porcelain', '--untracked-files=no']) !== '',
    machine: { host: os.hostname(), cores: os.cpus().length },
    all: halves(everything),
    sets: bySet,
  };
  const out = option('out') ?? path.join(ROOT, 'eval', 'results', heldOutDir ? `body-learning-${sets[0][0]}${developmentSince ? '-development' : ''}.json` : 'body-learning.json');
  fs.writeFileSync(`${out}.tmp`, `${JSON.stringify(result, null, 2)}\n`);
  fs.renameSync(`${out}.tmp`, out);
  const brief = (h: Record<string, Record<string, Record<string, unknown>>>, half: string, part: string) => {
    const s = h[half][part] as Record<string, Record<string, number>>;
    return (
      `${half} ${part}: ${String(s.pages)} pages  rules ${s.rules.f1}  control ${s.control.f1}  learned ${s.learned.f1}  better ${String(s.better)} worse ${(s.worse as unknown as string[]).length}` +
      `  changed ${String(s.changedLines)} lines on ${String(s.changedPages)} pages`
    );
  };
  for (const [name, value] of [['all', result.all], ...Object.entries(bySet)] as Array<[string, Record<string, Record<string, Record<string, unknown>>>]>) {
    const parts = ['dev', 'test'].flatMap((half) => ['all', 'afterOne', 'afterTwo'].map((part) => `  ${brief(value, half, part)}\n`));
    process.stdout.write(`${name}\n${parts.join('')}`);
  }
}
