// A third held-out body set for issue #13, made after the detector was last changed: the news, blog and
// wiki pages of leogao2/htmltotext-benchmark (pages saved as HTML, each with its text extracted by hand;
// English, German, Croatian and Chinese). The repository states no licence, so the pages stay on your
// machine. Made into the form the body detector reads, as research/fetch-heldout-body.ts does for its pages:
// NAME.txt + NAME.gold.json (boilerplate-dev format) and manifest.json.
//
//   npx tsx research/fetch-htmltotext-body.ts --dataset GITDIR [--out DIR (default $NEWSMARK_DATA/heldout-body-htmltotext)]
//
// GITDIR: a clone (bare is fine) of the dataset; files are read from HEAD with git. Only its news pages (file
// names starting "news-") are used, chosen before anything was measured: that set's guidelines keep a
// thread's posts and a blog's reader comments, which is not the article body our guidelines ask for. A page
// is left out when the gold lines found hold under 90% or over 110% of the hand-extracted text's letters and
// digits (the HTML as saved does not hold that text, or holds it twice). Language: the dataset's folder (its ISO code); group
// "other-sites" for English, "other-languages" for the rest. Text lines and gold body lines come from
// htmlToLines and goldBodyLines of fetch-heldout-body.ts, with the hand-extracted text (split at line breaks)
// as the body; the HTML is decoded as research/fetch-zh-body.ts does.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { goldBodyLines, htmlToLines } from './fetch-heldout-body';
import { datasetCommandLine, decodeHtml } from './fetch-zh-body';

const MIN_LINES = 5;
const MIN_COVER = 0.9;
const MAX_COVER = 1.1;
const REPOSITORY = 'leogao2/htmltotext-benchmark';

/** How many letters, marks and digits `text` holds (what the gold match compares). */
function letters(text: string): number {
  return text.normalize('NFKC').replace(/[^\p{L}\p{M}\p{N}]/gu, '').length;
}

function main(): void {
  const { out, git, commit } = datasetCommandLine('heldout-body-htmltotext');
  const files = git(['ls-tree', '-r', '--name-only', 'HEAD', 'benchmarkdata/'])
    .toString()
    .trim()
    .split('\n')
    .filter((f) => /^benchmarkdata\/[a-z]+\/html\/.+\.html$/.test(f))
    .sort();
  fs.mkdirSync(out, { recursive: true });
  for (const file of fs.readdirSync(out)) if (/\.(txt|gold\.json)$/.test(file)) fs.rmSync(path.join(out, file));
  const pages: Array<Record<string, unknown>> = [];
  const skipped: Record<string, string[]> = { notNews: [], noBody: [], textNotFound: [] };
  for (const file of files) {
    const [, lang, , base] = file.split('/');
    const name = base.replace(/\.html$/, '');
    if (!name.startsWith('news-')) {
      skipped.notNews.push(`${lang}/${name}`);
      continue;
    }
    let extracted: string;
    try {
      extracted = git(['show', `HEAD:benchmarkdata/${lang}/text/${name}.txt`]).toString('utf8');
    } catch {
      skipped.noBody.push(`${lang}/${name}`);
      continue;
    }
    const lines = htmlToLines(decodeHtml(git(['show', `HEAD:${file}`])));
    const body = goldBodyLines(lines, extracted.split(/\r?\n/));
    if (body.length === 0 || lines.length < MIN_LINES) {
      skipped.noBody.push(`${lang}/${name}`);
      continue;
    }
    const found = body.reduce((sum, i) => sum + letters(lines[i]), 0) / Math.max(1, letters(extracted));
    if (found < MIN_COVER || found > MAX_COVER) {
      skipped.textNotFound.push(`${lang}/${name}`);
      continue;
    }
    const id = `ht-${lang}-${name.slice(0, 40).replace(/[^A-Za-z0-9-]/g, '')}`;
    fs.writeFileSync(path.join(out, `${id}.txt`), `${lines.join('\n')}\n`);
    fs.writeFileSync(path.join(out, `${id}.gold.json`), `${JSON.stringify({ body_lines: body, lines: lines.length })}\n`);
    pages.push({ id, name, lang, group: lang === 'en' ? 'other-sites' : 'other-languages', lines: lines.length, bodyLines: body.length });
  }
  fs.writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify({ dataset: { repository: REPOSITORY, commit }, skipped, pages }, null, 1)}\n`);
  const counts = Object.entries(skipped).map(([why, names]) => `${names.length} ${why}`).join(', ');
  process.stdout.write(`${pages.length} pages to ${out}; skipped ${counts}\n`);
}

if (require.main === module) main();
