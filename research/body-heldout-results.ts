// Body line P/R/F1 on the held-out pages of issue #13 (made by research/fetch-heldout-body.ts; or the Chinese
// pages of research/fetch-zh-body.ts: --set zh, written to eval/results/body-heldout-zh.json; or the news
// pages of research/fetch-htmltotext-body.ts: --set htmltotext, eval/results/body-heldout-htmltotext.json; or
// L3S-GN1's news pages of research/fetch-l3s-gn1-body.ts: --set l3s, eval/results/body-heldout-l3s.json; or
// trafilatura's evaluation pages of research/fetch-trafilatura-body.ts: --set trafilatura), per group
// ("other-sites": English pages; "other-languages": the rest) and per language, micro-averaged over lines
// with every page in one corpus, as `newsmark eval --gold DIR` does. Writes eval/results/body-heldout.json
// with the commit and machine. These pages were held out for one measurement (eval/results/body-heldout.json,
// at 74ae3eb, kept as it was); after 19bf20a the detector was changed with their errors in view, so they are
// development pages since: --development-since COMMIT says so in the file, which then goes to
// eval/results/body-formerly-heldout.json unless --out names another.
//
//   npx tsx research/body-heldout-results.ts [--set zh|htmltotext|l3s|trafilatura] [--gold DIR (default $NEWSMARK_DATA/heldout-body,
//     or heldout-body-SET)] [--development-since COMMIT] [--out FILE]
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { detectLines } from '../src/core/detect/body/index';
import { CorpusModel } from '../src/core/detect/corpus';
import { evaluateBody, microAverage, type Counts } from '../src/core/eval/index';
import { loadShippedStopwords } from '../test/unit/body/shippedStopwords';
import { readGoldDir } from './gold-sets';

const ROOT = path.join(__dirname, '..');

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && at + 1 < process.argv.length ? process.argv[at + 1] : undefined;
}

const SETS: Record<string, { fetch: string; pages: string }> = {
  zh: {
    fetch: 'research/fetch-zh-body.ts',
    pages: 'the Chinese news and government pages of immortal-autumn/Chinese-Web-Content-Extraction-Dataset (MIT), converted by research/fetch-zh-body.ts',
  },
  l3s: {
    fetch: 'research/fetch-l3s-gn1-body.ts',
    pages: 'the 621 English news pages of L3S-GN1 (408 sites; research use only: local only), from geodrome/page-signal, converted by research/fetch-l3s-gn1-body.ts (captions left to the annotator)',
  },
  trafilatura: {
    fetch: 'research/fetch-trafilatura-body.ts',
    pages: 'the evaluation pages of adbar/trafilatura (web pages, mostly German and English; third-party content: local only), converted by research/fetch-trafilatura-body.ts; only the lines holding one of its "with" or "without" passages are scored',
  },
  htmltotext: {
    fetch: 'research/fetch-htmltotext-body.ts',
    pages: 'the news pages of leogao2/htmltotext-benchmark (en, de, hr, zh; no licence stated: local only), converted by research/fetch-htmltotext-body.ts',
  },
};
const setName = option('set');
if (setName !== undefined && !SETS[setName]) {
  process.stderr.write(`--set: one of ${Object.keys(SETS).join(', ')}\n`);
  process.exit(2);
}
const set = setName === undefined ? undefined : SETS[setName];
const gold = option('gold') ?? (process.env.NEWSMARK_DATA ? path.join(process.env.NEWSMARK_DATA, setName ? `heldout-body-${setName}` : 'heldout-body') : undefined);
if (!gold) {
  process.stderr.write('usage: --gold DIR (the output of research/fetch-heldout-body.ts) or NEWSMARK_DATA\n');
  process.exit(2);
}
interface ManifestPage {
  id: string;
  source: string;
  lang: string;
  group: string;
}
const manifest = JSON.parse(fs.readFileSync(path.join(gold, 'manifest.json'), 'utf8')) as {
  readability: { commit: string };
  scrapinghub: { commit: string };
  rules: Record<string, number>;
  skipped: Record<string, string[]>;
  pages: ManifestPage[];
};
const single = set ? (manifest as unknown as { dataset: { repository: string; commit: string }; skipped: string[] | Record<string, string[]> }) : undefined;
if (single) {
  // one source; a page in another language than English unless the manifest names its group
  if (Array.isArray(single.skipped)) manifest.skipped = { noBody: single.skipped };
  for (const page of manifest.pages) Object.assign(page, { source: single.dataset.repository, group: page.group ?? 'other-languages' });
}
const info = new Map(manifest.pages.map((p) => [p.id, p]));

const records = readGoldDir(gold);
const stopwords = loadShippedStopwords();
const corpus = new CorpusModel();
for (const record of records) corpus.addDocument(record.id, record.text);
const counts = new Map<string, Counts>();
for (const record of records) counts.set(record.id, evaluateBody(record, detectLines(record.text, corpus, stopwords, { documentId: record.id })));
// The baseline the issue compares with, in the same run: a line of 80 characters or more is body.
const LONG_LINE = 80;
const longLineCounts = new Map(records.map((record) => [
  record.id,
  evaluateBody(record, record.text.split('\n').flatMap((line, i) => (line.length >= LONG_LINE ? [i] : []))),
]));

function roundScores(s: ReturnType<typeof microAverage>, pages: number): Record<string, number> {
  const round = (value: number): number => Math.round(value * 1000) / 1000;
  return { pages, p: round(s.precision), r: round(s.recall), f1: round(s.f1), tp: s.truePositives, fp: s.falsePositives, fn: s.falseNegatives };
}

function scores(ids: string[]): Record<string, number> {
  return roundScores(microAverage(ids.map((id) => counts.get(id)!)), ids.length);
}

const ids = [...counts.keys()];
const of = (key: keyof ManifestPage, value: string, among = ids): string[] => among.filter((id) => info.get(id)?.[key] === value);
const groups: Record<string, unknown> = {};
for (const group of ['other-sites', 'other-languages']) {
  const inGroup = of('group', group);
  if (inGroup.length === 0) continue;
  const bySource: Record<string, unknown> = {};
  for (const source of new Set(inGroup.map((id) => info.get(id)!.source))) bySource[source] = scores(of('source', source, inGroup));
  groups[group] = { ...scores(inGroup), bySource };
}
const byLanguage: Record<string, unknown> = {};
for (const lang of [...new Set(ids.map((id) => info.get(id)?.lang ?? '?'))].sort()) byLanguage[lang] = scores(of('lang', lang));

const developmentSince = option('development-since');
const git = (args: string[]): string => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
const pagesWhat = set
  ? set.pages
  : 'mozilla/readability test pages and Scrapinghub article-extraction-benchmark pages not in boilerplate-dev, converted by research/fetch-heldout-body.ts';
const sources = single ? { [single.dataset.repository]: single.dataset.commit } : { readability: manifest.readability.commit, scrapinghub: manifest.scrapinghub.commit };
const result = {
  what: developmentSince
    ? `body line P/R/F1 (line level, micro-averaged), the formerly held-out pages in one corpus; ${pagesWhat}; development data since ${developmentSince} ` +
      '(held out until then and measured once, eval/results/body-heldout.json; the detector was changed after it with their errors in view)'
    : `body line P/R/F1 (line level, micro-averaged), all held-out pages in one corpus; ${pagesWhat}; measured once`,
  ...(developmentSince ? { heldOut: false, developmentSince } : {}),
  commit: git(['rev-parse', '--short', 'HEAD']),
  dirty: git(['status', '--porcelain', '--untracked-files=no']) !== '',
  machine: { host: os.hostname(), cores: os.cpus().length, load: os.loadavg().map((l) => Math.round(l * 100) / 100) },
  commands: [
    set ? `npx tsx ${set.fetch} --dataset GITDIR --out DIR` : 'npx tsx research/fetch-heldout-body.ts --readability GITDIR --scrapinghub GITDIR --out DIR',
    `npx tsx research/body-heldout-results.ts${setName ? ` --set ${setName}` : ''} --gold DIR${developmentSince ? ` --development-since ${developmentSince}` : ''}`,
    'node dist/cli.js eval --gold DIR (same total)',
  ],
  sources,
  ...(manifest.rules ? { rules: manifest.rules } : {}),
  skipped: Object.fromEntries(Object.entries(manifest.skipped).map(([k, v]) => [k, v.length])),
  targets: { 'other-languages': 0.75, 'other-sites': 0.87, readabilityLxmlOnBenchmark: 0.909 },
  all: scores(ids),
  baseline: {
    rule: `a line of ${LONG_LINE} characters or more is body`,
    all: roundScores(microAverage([...longLineCounts.values()]), ids.length),
    groups: Object.fromEntries(Object.keys(groups).map((group) => {
      const inGroup = of('group', group);
      return [group, roundScores(microAverage(inGroup.map((id) => longLineCounts.get(id)!)), inGroup.length)];
    })),
  },
  groups,
  byLanguage,
};
const stem = setName ? `-${setName}` : '';
const out = option('out') ?? path.join(ROOT, 'eval', 'results', developmentSince ? `body-formerly-heldout${stem}.json` : `body-heldout${stem}.json`);
fs.writeFileSync(`${out}.tmp`, `${JSON.stringify(result, null, 2)}\n`);
fs.renameSync(`${out}.tmp`, out);
process.stdout.write(`${JSON.stringify({ all: result.all, groups, byLanguage }, null, 1).replace(/\n\s*/g, ' ')}\n`);
