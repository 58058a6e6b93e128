// README's measured tables, generated from the committed result files so every figure can be traced to the
// commit and machine it was measured on. Each table sits between `<!-- results:NAME -->` and
// `<!-- /results -->`; a unit test fails when README and the result files disagree.
//   npx tsx tools/readme-tables.ts          rewrite README.md's tables
//   npx tsx tools/readme-tables.ts --check  exit 1 if they are out of date
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

interface Score {
  precision: number;
  recall: number;
  f1: number;
}
interface Scores {
  body?: Score | null;
  spans?: Record<string, { exact: Score; overlap: Score }>;
}
interface Machine {
  host?: string;
  cores?: number;
  /** Load averages (1, 5, 15 min) when the run ended: these machines are shared, so read ratios, not figures. */
  load?: number[];
}

const f3 = (v: number | undefined): string => (v === undefined ? '—' : v.toFixed(3));

function read<T>(file: string): T | undefined {
  const full = path.join(ROOT, file);
  return existsSync(full) ? (JSON.parse(readFileSync(full, 'utf8')) as T) : undefined;
}

function machineName(m: Machine | string | undefined, cores?: number): string {
  if (typeof m === 'string') return `${m}, ${cores ?? '?'} cores`;
  const load = m?.load ? `, load average ${m.load[0]} at the end` : '';
  return `${m?.host ?? '?'}, ${m?.cores ?? '?'} cores${load}`;
}

function source(files: string[], commit: string, machine: string): string {
  return `<sub>From ${files.map((f) => `\`${f}\``).join(', ')}: commit ${commit}, ${machine}.</sub>`;
}

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function quality(): string | undefined {
  const file = 'eval/results/quality.json';
  const data = read<{ commit: string; machine: Machine; sets: Array<Scores & { id: string; gold: string; what: string }> }>(file);
  if (!data) return undefined;
  const rows = data.sets.map((s) => {
    const gold = s.gold.replace('<shared>', '../shared');
    const body = s.body ? (s.id === 'boilerplate-dev' ? `${f3(s.body.f1)} (P ${f3(s.body.precision)}, R ${f3(s.body.recall)})` : f3(s.body.f1)) : '—';
    const date = s.spans?.date ? f3(s.spans.date.exact.f1) : '—';
    const actor = s.spans?.actor ? `${f3(s.spans.actor.exact.f1)} (${f3(s.spans.actor.overlap.f1)})` : '—';
    return [`\`${gold}\`: ${s.what}`, body, date, actor];
  });
  return `${table(['Set', 'Body line F1', 'Date exact F1', 'Actor exact F1 (overlap)'], rows)}\n\n${source([file], data.commit, machineName(data.machine))}`;
}

interface PhonerResult {
  commit: string;
  machine: string;
  nproc: number;
  ranges: Record<'whole' | 'ends', { date: { exact: Score; overlap: Score } }>;
}

function phoner(): string | undefined {
  const splits: Array<[string, string]> = [
    ['eval/results/phoner-dev.json', 'dev (development)'],
    ['eval/results/phoner-test.json', 'test (held out, measured once)'],
  ];
  const rows: string[][] = [];
  let last: PhonerResult | undefined;
  // the splits are measured at different times (the held-out one once): each commit is named
  const commits: string[] = [];
  for (const [file, name] of splits) {
    const d = read<PhonerResult>(file);
    if (!d) continue;
    last = d;
    commits.push(`${d.commit} (${name.split(' ')[0]})`);
    const cell = (r: 'whole' | 'ends') => `${f3(d.ranges[r].date.exact.f1)} (${f3(d.ranges[r].date.overlap.f1)})`;
    rows.push([name, cell('whole'), cell('ends')]);
  }
  if (!last) return undefined;
  const head = ['Split', 'Date exact F1 (overlap), ranges as one span', 'Date exact F1 (overlap), `--date-ranges ends`'];
  const commit = new Set(commits.map((c) => c.split(' ')[0])).size === 1 ? last.commit : commits.join(', ');
  return `${table(head, rows)}\n\n${source(splits.map((s) => s[0]), commit, machineName(last.machine, last.nproc))}`;
}

interface Curve {
  commit: string;
  machine: Machine;
  results: Array<{
    batch: number;
    trainedOn: number;
    control: { spans: Record<string, { exact: Score; overlap: Score }>; effort: { ratio: number } };
    learning: { spans: Record<string, { exact: Score; overlap: Score }>; effort: { ratio: number } };
    gate?: Record<string, unknown>;
  }>;
  retrainEvery?: number;
}

/** A learning curve per batch: `labels`' exact F1, control beside learning, then the effort (all labels). */
function curve(file: string, labels: readonly string[] = ['actor']): string | undefined {
  const d = read<Curve>(file);
  if (!d) return undefined;
  const head = ['Batch', 'Pages before', ...labels.flatMap((l) => [`Control ${l} exact F1`, `Learning ${l} exact F1`]), 'Control effort', 'Learning effort'];
  const rows = d.results.map((b) => [
    String(b.batch),
    String(b.trainedOn),
    ...labels.flatMap((l) => [f3(b.control.spans[l]?.exact.f1), f3(b.learning.spans[l]?.exact.f1)]),
    f3(b.control.effort.ratio),
    f3(b.learning.effort.ratio),
  ]);
  return `${table(head, rows)}\n\n${source([file], d.commit, machineName(d.machine))}`;
}

/** The gold sets simulated with --retrain-every (learning inside a batch), in the order of the table. */
const RETRAIN_SETS: [string, string][] = [
  ['VLSP-2018 train slice (development)', 'eval/results/learning-curve-vlsp2018-train-slice-retrain13.json'],
  ['the 521 other VLSP-2018 training articles (development)', 'eval/results/learning-curve-vlsp2018-train-rest521-retrain13.json'],
  ['all 781 VLSP-2018 training articles (development)', 'eval/results/learning-curve-vlsp2018-train781-retrain13.json'],
  ['PhoNER-COVID19 train (development)', 'eval/results/learning-curve-phoner-train-retrain13.json'],
  ['VLSP-2018 dev (held out)', 'eval/results/learning-curve-vlsp2018-dev-heldout-retrain13.json'],
];

/**
 * One table over several result files: `rowsOf` gives each set's rows (files that are missing are left
 * out), and the note under it names every file, commit and the machine.
 */
function setsTable<T extends { commit: string; machine: Machine }>(sets: readonly [string, string][], head: string[], rowsOf: (name: string, d: T) => string[][]): string | undefined {
  const rows: string[][] = [];
  const files: string[] = [];
  const commits = new Set<string>();
  let machine = '';
  for (const [name, file] of sets) {
    const d = read<T>(file);
    if (!d) continue;
    files.push(file);
    commits.add(d.commit);
    machine = machineName(d.machine);
    rows.push(...rowsOf(name, d));
  }
  if (rows.length === 0) return undefined;
  return `${table(head, rows)}\n\n${source(files, [...commits].join(', '), machine)}`;
}

/** Per gold set and batch: actor exact (overlap) F1 and effort, control beside learning, learning inside batches. */
function retrainCurves(): string | undefined {
  const head = ['Set, retrained', 'Batch', 'Control actor exact (overlap) F1', 'Learning actor exact (overlap) F1', 'Control effort', 'Learning effort'];
  const f = (arm: Curve['results'][number]['control']): string => `${f3(arm.spans.actor?.exact.f1)} (${f3(arm.spans.actor?.overlap.f1)})`;
  return setsTable<Curve>(RETRAIN_SETS, head, (name, d) =>
    d.results.map((b, i) => [i === 0 ? `${name}, every ${d.retrainEvery ?? '?'} pages` : '', String(b.batch), f(b.control), f(b.learning), f3(b.control.effort.ratio), f3(b.learning.effort.ratio)]),
  );
}

interface SeedSpread {
  commit: string;
  machine: Machine;
  seeds: number[];
  results: Array<{
    batch: number;
    control: { spans: Record<string, { exact: number; overlap: number }>; effort: number };
    learning: { spans: Record<string, { exact: Spread; overlap: Spread }>; effort: Spread };
  }>;
}
interface Spread {
  bySeed: number[];
  mean: number;
  min: number;
  max: number;
}

/** The gold sets measured with several training orders (research/seed-spread.ts), in the order of the table. */
const SEED_SETS: [string, string][] = [
  ['VLSP-2018 train slice, 260 articles (development)', 'eval/results/learning-seeds-vlsp2018-train-slice.json'],
  ['the 521 other VLSP-2018 training articles (development)', 'eval/results/learning-seeds-vlsp2018-train-rest521.json'],
  ['all 781 VLSP-2018 training articles (development)', 'eval/results/learning-seeds-vlsp2018-train781.json'],
  ['PhoNER-COVID19 train (development)', 'eval/results/learning-seeds-phoner-train.json'],
  ['VLSP-2018 dev, 260 articles (held out)', 'eval/results/learning-seeds-vlsp2018-dev-heldout.json'],
];

/** The same for curves learned inside batches (--retrain-every), where overlap F1 is checked too. */
const RETRAIN_SEED_SETS: [string, string][] = [
  ['VLSP-2018 train slice (development)', 'eval/results/learning-seeds-vlsp2018-train-slice-retrain13.json'],
  ['the 521 other VLSP-2018 training articles (development)', 'eval/results/learning-seeds-vlsp2018-train-rest521-retrain13.json'],
  ['PhoNER-COVID19 train (development)', 'eval/results/learning-seeds-phoner-train-retrain13.json'],
  ['VLSP-2018 dev (held out)', 'eval/results/learning-seeds-vlsp2018-dev-heldout-retrain13.json'],
];

/** Per gold set: the learning arm's last fifth over several training orders, and the batches where one fell below the control. */
function learningSeeds(sets: readonly [string, string][], overlapToo = false): string | undefined {
  const range = (s: Spread): string => `${f3(s.mean)} (${f3(s.min)}–${f3(s.max)})`;
  const head = ['Set', 'Seeds', 'Last fifth: learning actor exact F1, mean (min–max)', 'Control', 'Learning effort, mean (min–max)', 'Control', `Batches where a seed is below the control (${overlapToo ? 'exact or overlap F1, or effort' : 'exact F1 or effort'})`];
  return setsTable<SeedSpread>(sets, head, (name, d) => {
    const last = d.results[d.results.length - 1];
    const below = d.results
      .filter(
        (b) =>
          b.learning.spans.actor.exact.min < b.control.spans.actor.exact ||
          b.learning.effort.max > b.control.effort ||
          (overlapToo && b.learning.spans.actor.overlap.min < b.control.spans.actor.overlap),
      )
      .map((b) => String(b.batch));
    return [[name, d.seeds.join(', '), range(last.learning.spans.actor.exact), f3(last.control.spans.actor.exact), range(last.learning.effort), f3(last.control.effort), below.length > 0 ? below.join(', ') : 'none']];
  });
}

interface BenchResult {
  commit: string;
  machine: Machine;
  rows: Array<{ name: string; measured?: string; target?: string; ok?: boolean; baseline?: string }>;
}

function speed(): string | undefined {
  const file = 'bench/results/bench.json';
  const d = read<BenchResult>(file);
  if (!d) return undefined;
  const cell = (s: string | undefined) => (s ?? '').replace(/\|/g, '\\|');
  const rows = d.rows.map((r) => [cell(r.name), cell(r.measured), cell(r.target), r.ok === undefined ? '' : r.ok ? 'yes' : '**no**', cell(r.baseline)]);
  return `${table(['What', 'Measured', 'Target', 'Met', 'Baseline, same run'], rows)}\n\n${source([file], d.commit, machineName(d.machine))}`;
}

interface LearningScores {
  pages: number;
  rules: { f1: number };
  control: { f1: number };
  learned: { f1: number };
  changedLines: number;
  changedPages: number;
}
type LearningHalf = Record<'all' | 'afterOne' | 'afterTwo', LearningScores>;

function bodyLearning(file: string): string | undefined {
  const d = read<{ commit: string; machine: Machine; sets: Record<string, { pages: number; sites: number; dev: LearningHalf; test: LearningHalf }> }>(file);
  if (!d) return undefined;
  const head = [
    'Set',
    'Half',
    'Pages',
    'With 1 / 2 annotated pages of their site before',
    'Body line F1 on those: rules',
    'Control',
    'Learned',
    'Lines the learner changed',
  ];
  const rows: string[][] = [];
  for (const [name, set] of Object.entries(d.sets)) {
    for (const half of ['dev', 'test'] as const) {
      const h = set[half];
      const after = h.afterOne;
      // F1 of no pages says nothing
      const cell = (v: number) => (after.pages === 0 ? '—' : f3(v));
      const gold = name === 'boilerplate-dev' ? '../shared/eval/boilerplate-dev' : name.startsWith('heldout-body-') ? `$NEWSMARK_DATA/${name}` : name;
      rows.push([
        half === 'dev' ? `\`${gold}\` (${set.pages} pages, ${set.sites} sites)` : '',
        half === 'dev' ? 'development' : 'test',
        String(h.all.pages),
        `${after.pages} / ${h.afterTwo.pages}`,
        cell(after.rules.f1),
        cell(after.control.f1),
        cell(after.learned.f1),
        String(h.all.changedLines),
      ]);
    }
  }
  return `${table(head, rows)}\n\n${source([file], d.commit, machineName(d.machine))}`;
}

interface TrainedModelResult {
  heldOut: boolean;
  commit: string;
  machine: Machine;
  commands: string[];
  trainedModel: Scores;
  rulesOnly: Scores;
}

/** Models trained with `newsmark train`, scored on other articles beside the rules (one row per file). */
function trainedModels(): string | undefined {
  const files = [
    ['eval/results/vlsp2018-slice-train521.json', 'the 521 training articles outside the slice', 'the 260-article slice (development)'],
    ['eval/results/vlsp2018-dev-heldout-train781.json', 'all 781 training articles', 'the 260 dev articles (held out)'],
  ];
  const found = files.map(([file, train, test]) => ({ file, train, test, d: read<TrainedModelResult>(file) })).filter((f) => f.d?.trainedModel?.spans);
  if (found.length === 0) return undefined;
  const cell = (s: Scores): string => {
    const a = s.spans?.actor;
    return a ? `${f3(a.exact.f1)} (${f3(a.overlap.f1)})` : '—';
  };
  const rows = found.map(({ train, test, d }) => [train, test, cell(d!.trainedModel), cell(d!.rulesOnly)]);
  const commits = [...new Set(found.map((f) => f.d!.commit))].join(', ');
  return `${table(['Trained on', 'Tested on', 'Model: actor exact F1 (overlap)', 'Rules only'], rows)}

${source(found.map((f) => f.file), commits, machineName(found[0].d!.machine))}`;
}

interface HeldoutScore {
  pages: number;
  p: number;
  r: number;
  f1: number;
}
interface HeldoutResult {
  commit: string;
  machine: Machine;
  targets: Record<string, number>;
  groups: Record<string, HeldoutScore & { bySource: Record<string, HeldoutScore> }>;
  byLanguage: Record<string, HeldoutScore>;
  /** A simple rule measured on the same pages in the same run. */
  baseline?: { rule: string; all: HeldoutScore; groups?: Record<string, HeldoutScore> };
}

/** Body lines on a held-out set of pages: per group (with its target) and source, then per language, then the baseline. */
function bodyHeldout(file: string): string | undefined {
  const d = read<HeldoutResult>(file);
  if (!d) return undefined;
  const cells = (s: HeldoutScore): string[] => [String(s.pages), f3(s.p), f3(s.r), f3(s.f1)];
  const rows: string[][] = [];
  const names: Record<string, string> = { 'other-sites': 'Other sites (English)', 'other-languages': 'Other languages and scripts' };
  for (const [group, s] of Object.entries(d.groups)) {
    const target = d.targets[group];
    rows.push([`**${names[group] ?? group}**`, ...cells(s), target === undefined ? '' : `≥ ${target.toFixed(2)}: ${s.f1 >= target ? 'met' : '**not met**'}`]);
    const sources = Object.entries(s.bySource);
    if (sources.length > 1) for (const [source, t] of sources) if (t.pages > 0) rows.push([`${names[group] ?? group}: ${source} pages`, ...cells(t), '']);
  }
  const languages = Object.entries(d.byLanguage);
  if (languages.length > 1) for (const [lang, s] of languages) if (lang !== 'en') rows.push([`\`${lang}\``, ...cells(s), '']);
  if (d.baseline) {
    rows.push([`Baseline, all pages: ${d.baseline.rule}`, ...cells(d.baseline.all), '']);
    const byGroup = Object.entries(d.baseline.groups ?? {});
    if (byGroup.length > 1) for (const [group, b] of byGroup) rows.push([`Baseline, ${names[group] ?? group}`, ...cells(b), '']);
  }
  const head = ['Pages', 'Count', 'Body line P', 'R', 'F1', 'Target'];
  return `${table(head, rows)}\n\n${source([file], d.commit, machineName(d.machine))}`;
}

/** Every held-out body set of issue #13 in one table: each set measured once, at its own commit. */
const HELDOUT_BODY_SETS: ReadonlyArray<[file: string, name: string]> = [
  ['eval/results/body-heldout.json', 'readability + Scrapinghub pages (mixed: news, Wikipedia, blogs, forums, changelogs)'],
  ['eval/results/body-heldout-zh.json', 'Chinese-Web-Content-Extraction-Dataset (zh news and government pages)'],
  ['eval/results/body-heldout-htmltotext.json', 'htmltotext-benchmark news pages'],
  ['eval/results/body-heldout-l3s.json', 'L3S-GN1 (English news, 408 sites)'],
  ['eval/results/body-heldout-trafilatura.json', "trafilatura's evaluation pages (web pages, mostly German; a few lines a page scored)"],
];

function bodyHeldoutSummary(): string | undefined {
  const names: Record<string, string> = { 'other-sites': 'other sites (English)', 'other-languages': 'other languages and scripts' };
  const rows: string[][] = [];
  const sources: string[] = [];
  for (const [file, name] of HELDOUT_BODY_SETS) {
    const d = read<HeldoutResult>(file);
    if (!d) continue;
    sources.push(`\`${file}\`: commit ${d.commit}, ${machineName(d.machine)}`);
    for (const [group, s] of Object.entries(d.groups)) {
      const target = d.targets[group];
      rows.push([name, names[group] ?? group, d.commit, String(s.pages), f3(s.f1), target === undefined ? '' : `≥ ${target.toFixed(2)}: ${s.f1 >= target ? 'met' : '**not met**'}`]);
    }
  }
  if (rows.length === 0) return undefined;
  const head = ['Held-out set', 'Pages of', 'Measured at', 'Pages', 'Body line F1', 'Target'];
  return `${table(head, rows)}\n\n<sub>From ${sources.join('; ')}.</sub>`;
}

/**
 * The same pages as development data: each row's figures now beside those of the one held-out measurement
 * (the same rows as bodyHeldout's, from both files).
 */
function bodyFormerlyHeldout(file: string, before: string): string | undefined {
  const d = read<HeldoutResult & { developmentSince: string }>(file);
  const b = read<HeldoutResult>(before);
  if (!d || !b) return undefined;
  const cells = (s: HeldoutScore | undefined): string[] => (s ? [f3(s.p), f3(s.r), f3(s.f1)] : ['—', '—', '—']);
  const rows: string[][] = [];
  const names: Record<string, string> = { 'other-sites': 'Other sites (English)', 'other-languages': 'Other languages and scripts' };
  for (const [group, s] of Object.entries(d.groups)) {
    const target = d.targets[group];
    const was = b.groups[group];
    rows.push([`**${names[group] ?? group}**`, String(s.pages), was ? f3(was.f1) : '—', ...cells(s), target === undefined ? '' : `≥ ${target.toFixed(2)}: ${s.f1 >= target ? 'met' : '**not met**'}`]);
    const sources = Object.entries(s.bySource);
    if (sources.length > 1) {
      for (const [source, t] of sources) {
        if (t.pages > 0) rows.push([`${names[group] ?? group}: ${source} pages`, String(t.pages), was?.bySource[source] ? f3(was.bySource[source].f1) : '—', ...cells(t), '']);
      }
    }
  }
  for (const [lang, s] of Object.entries(d.byLanguage)) if (lang !== 'en') rows.push([`\`${lang}\``, String(s.pages), b.byLanguage[lang] ? f3(b.byLanguage[lang].f1) : '—', ...cells(s), '']);
  const head = ['Pages', 'Count', `F1 held out (${b.commit})`, 'Body line P (development)', 'R', 'F1', 'Target'];
  return `${table(head, rows)}\n\n<sub>From \`${file}\`: commit ${d.commit}, ${machineName(d.machine)}; development data since ${d.developmentSince}. Held-out column: \`${before}\`, commit ${b.commit}.</sub>`;
}

interface QuickFitRun {
  commit: string;
  machine: Machine;
  command: string;
  rows: { model: string; ms: number; actorExactF1: number }[];
}

/** The model shown right after a decision past the quick fit's budget, before and after a change, per corpus. */
function quickFit(): string | undefined {
  const file = 'eval/results/quick-fit-quality.json';
  const d = read<{ before: QuickFitRun[]; after: QuickFitRun[] }>(file);
  if (!d) return undefined;
  const corpus = (run: QuickFitRun): string => {
    const train = /--train (\S+)/.exec(run.command)?.[1] ?? '';
    const test = /--test (\S+)/.exec(run.command)?.[1] ?? '';
    const pages = /--pages (\d+)/.exec(run.command)?.[1] ?? '';
    return `${pages} of \`${train.replace('<data>/', '')}\`, tested on \`${test.replace('<data>/', '')}\``;
  };
  const rows: string[][] = [];
  d.after.forEach((after, i) => {
    const before = d.before[i];
    after.rows.forEach((row, k) => {
      const was = before?.rows[k];
      rows.push([k === 0 ? corpus(after) : '', row.model, was ? `${was.ms} ms, ${f3(was.actorExactF1)}` : '—', `${row.ms} ms, ${f3(row.actorExactF1)}`]);
    });
  });
  const head = ['Corpus', 'Model', `Before (${d.before[0]?.commit}): CPU, actor exact F1`, `After (${d.after[0]?.commit})`];
  return `${table(head, rows)}\n\n${source([file], `${d.before[0]?.commit} and ${d.after[0]?.commit}`, machineName(d.after[0]?.machine))}`;
}

const BLOCKS: Record<string, () => string | undefined> = {
  'quick-fit': quickFit,
  'trained-models': trainedModels,
  quality,
  phoner,
  'learning-dev': () => curve('eval/results/learning-curve-vlsp2018-train-slice.json'),
  'learning-heldout': () => curve('eval/results/learning-curve-vlsp2018-dev-heldout.json'),
  'learning-phoner': () => curve('eval/results/learning-curve-phoner-train.json', ['actor', 'date']),
  'learning-seeds': () => learningSeeds(SEED_SETS),
  'learning-retrain-seeds': () => learningSeeds(RETRAIN_SEED_SETS, true),
  'learning-retrain': retrainCurves,
  'body-learning': () => bodyLearning('eval/results/body-learning.json'),
  'body-learning-l3s-heldout': () => bodyLearning('eval/results/body-learning-heldout-body-l3s.json'),
  'body-learning-l3s': () => bodyLearning('eval/results/body-learning-heldout-body-l3s-development.json'),
  'body-heldout': () => bodyHeldout('eval/results/body-heldout.json'),
  'body-heldout-summary': bodyHeldoutSummary,
  'body-heldout-zh': () => bodyHeldout('eval/results/body-heldout-zh.json'),
  'body-heldout-htmltotext': () => bodyHeldout('eval/results/body-heldout-htmltotext.json'),
  'body-heldout-l3s': () => bodyHeldout('eval/results/body-heldout-l3s.json'),
  'body-heldout-trafilatura': () => bodyHeldout('eval/results/body-heldout-trafilatura.json'),
  'body-formerly-heldout': () => bodyFormerlyHeldout('eval/results/body-formerly-heldout.json', 'eval/results/body-heldout.json'),
  'body-formerly-heldout-l3s': () => bodyFormerlyHeldout('eval/results/body-formerly-heldout-l3s.json', 'eval/results/body-heldout-l3s.json'),
  speed,
};

/** README with every generated table replaced by what the result files say now. */
export function renderReadme(readme: string): string {
  return readme.replace(/(<!-- results:([\w-]+) -->\n)[\s\S]*?(<!-- \/results -->)/g, (whole, open: string, name: string, close: string) => {
    const make = BLOCKS[name];
    const body = make?.();
    return body === undefined ? whole : `${open}${body}\n${close}`;
  });
}

if (require.main === module) {
  const file = path.join(ROOT, 'README.md');
  const before = readFileSync(file, 'utf8');
  const after = renderReadme(before);
  if (process.argv.includes('--check')) {
    if (after !== before) {
      process.stderr.write('README.md tables differ from the result files: run npx tsx tools/readme-tables.ts\n');
      process.exitCode = 1;
    }
  } else if (after !== before) {
    writeFileSync(file, after);
    process.stderr.write('README.md tables rewritten from the result files\n');
  }
}
