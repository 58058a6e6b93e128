// Converts the VLSP-2018 NER raw articles (.muc, inline <ENAMEX TYPE="..."> tags) into gold records that
// `newsmark eval --gold` and `newsmark train --gold` read: one JSON line per article, {id, text, spans}, with
// PERSON and ORGANIZATION as `actor` (outermost ones: an organisation holding a location is one actor; a
// person or organisation nested inside a location or miscellaneous name is still an actor).
//
//   npx tsx research/fetch-vlsp2018.ts --repo DIR [--commit 327e6afc] [--out DIR]
//   (or VLSP2018_REPO=DIR, NEWSMARK_DATA=DIR)
//
// DIR is a git directory of the undertheseanlp/ner repository (a bare mirror is fine). Writes into OUT
// (default $NEWSMARK_DATA/vlsp2018):
//   train.gold.jsonl       the 781 training articles, in path order (development data)
//   train-slice.gold.jsonl every third training article, 260 of them (development learning curves)
//   rest.gold.jsonl        the other 521 training articles (development: a model trained on them is tested
//                          on the slice; their own learning curve)
//   dev.gold.jsonl         the 260 dev articles: HELD OUT, measured once at the end, never tuned on
// The data's licence forbids redistribution: keep OUT outside the repository, never commit it.

import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ACTOR_TYPES = new Set(['PERSON', 'ORGANIZATION']);

interface Span {
  start: number;
  end: number;
  label: string;
}

export interface ConvertedArticle {
  id: string;
  text: string;
  spans: Span[];
}

/** Strips the ENAMEX tags of one article; actor spans are the outermost PERSON/ORGANIZATION names. */
export function convertMuc(id: string, raw: string): ConvertedArticle {
  const tag = /<ENAMEX\s+TYPE="([A-Z]+)"\s*>|<\/ENAMEX>/g;
  let text = '';
  let last = 0;
  const open: { type: string; start: number }[] = [];
  const spans: Span[] = [];
  for (let m = tag.exec(raw); m; m = tag.exec(raw)) {
    text += raw.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[1] !== undefined) {
      open.push({ type: m[1], start: text.length });
      continue;
    }
    const opened = open.pop();
    if (!opened) throw new Error(`${id}: </ENAMEX> without an opening tag`);
    if (!ACTOR_TYPES.has(opened.type)) continue;
    const insideActor = open.some((outer) => ACTOR_TYPES.has(outer.type));
    if (insideActor) continue;
    // trim spaces the tags enclose
    let start = opened.start;
    let end = text.length;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) spans.push({ start, end, label: 'actor' });
  }
  text += raw.slice(last);
  if (open.length > 0) throw new Error(`${id}: ${open.length} ENAMEX tags left open`);
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return { id, text, spans };
}

function git(repo: string, args: string[]): string {
  return execFileSync('git', [`--git-dir=${repo}`, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
}

function articles(repo: string, commit: string, folder: string): ConvertedArticle[] {
  const paths = git(repo, ['ls-tree', '-r', '--name-only', commit, `${folder}/`]).split('\n').filter((p) => p.endsWith('.muc')).sort();
  return paths.map((p) => {
    // line ends normalised before the tags are read, so offsets hold for the text written out
    const raw = git(repo, ['show', `${commit}:${p}`]).replace(/\r\n?/g, '\n');
    return convertMuc(p.slice(folder.length + 1), raw);
  });
}

function writeJsonl(file: string, records: readonly ConvertedArticle[]): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  renameSync(temporary, file);
  const spans = records.reduce((n, r) => n + r.spans.length, 0);
  process.stdout.write(`${file}: ${records.length} articles, ${spans} actor spans\n`);
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function main(): void {
  const repo = option('repo') ?? process.env.VLSP2018_REPO;
  const data = process.env.NEWSMARK_DATA;
  const out = option('out') ?? (data ? join(data, 'vlsp2018') : undefined);
  if (!repo || !out) {
    process.stderr.write('usage: npx tsx research/fetch-vlsp2018.ts --repo GIT_DIR --out DIR (or VLSP2018_REPO, NEWSMARK_DATA)\n');
    process.exit(2);
  }
  const commit = option('commit') ?? '327e6afc';
  mkdirSync(out, { recursive: true });
  const train = articles(repo, commit, 'data/2018/raw/VLSP2018-NER-train-Jan14');
  writeJsonl(join(out, 'train.gold.jsonl'), train);
  const slice = train.filter((_, i) => i % 3 === 0).slice(0, 260);
  writeJsonl(join(out, 'train-slice.gold.jsonl'), slice);
  const inSlice = new Set(slice);
  writeJsonl(join(out, 'rest.gold.jsonl'), train.filter((article) => !inSlice.has(article)));
  writeJsonl(join(out, 'dev.gold.jsonl'), articles(repo, commit, 'data/2018/raw/VLSP2018-NER-dev'));
}

if (require.main === module) main();
