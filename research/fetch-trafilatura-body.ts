// A fifth held-out body set for issue #13, made after the detector was last changed, and the first of real
// size in many languages: the evaluation pages of adbar/trafilatura (tests/evaldata.json and the HTML pages
// of tests/eval and tests/cache), about a thousand web pages (news, blogs, institutions) mostly in German,
// English, Polish, French and Spanish. The pages are third-party content: they stay on your machine.
// Written as NAME.txt + NAME.gold.json (boilerplate-dev format, with ignore_lines) and manifest.json, into
// $NEWSMARK_DATA/heldout-body-trafilatura unless --out says otherwise.
//
//   npx tsx research/fetch-trafilatura-body.ts --dataset GITDIR [--out DIR]
//
// GITDIR: a clone (bare is fine) of adbar/trafilatura; files are read from HEAD with git.
//
// Text: the page's lines as htmlToLines (fetch-heldout-body.ts) makes them.
// Gold: the data set does not label every line. For each page it gives a few passages the main text must
// hold ("with") and a few it must not ("without"). A line is body when its letters and digits (normalised as
// in fetch-heldout-body.ts) hold a "with" passage, boilerplate when they hold a "without" passage; a line
// holding both, and every other line, is left out of the score (ignore_lines). So the score is over a few
// lines a page, about as many body lines as boilerplate: its base rate is not that of the other sets, and
// only the 80-character baseline of the same run says what is easy here. Passages found in no line (split
// over two lines, or in markup that makes no line) are counted in the manifest.
// Left out: pages with no body line or fewer than MIN_LINES lines, and pages one of whose "with" passages
// occurs in a page of ../shared/eval/boilerplate-dev (development data).
// Language and group as in fetch-heldout-body.ts, from the page's body lines and <html lang>.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { htmlToLines, languageOf, normalise } from './fetch-heldout-body';
import { datasetCommandLine, decodeHtml } from './fetch-zh-body';

const MIN_LINES = 5;
const REPOSITORY = 'adbar/trafilatura';
const DEV = path.join(__dirname, '..', '..', 'shared', 'eval', 'boilerplate-dev');

interface EvalEntry {
  file: string;
  with?: string[];
  without?: string[];
}

function main(): void {
  const { out, git, commit } = datasetCommandLine('heldout-body-trafilatura');
  const entries = JSON.parse(git(['show', 'HEAD:tests/evaldata.json']).toString('utf8')) as Record<string, EvalEntry>;
  const present = new Set(git(['ls-tree', '-r', '--name-only', 'HEAD', 'tests/eval/', 'tests/cache/']).toString().trim().split('\n'));
  const devText = fs.existsSync(DEV)
    ? fs.readdirSync(DEV).filter((f) => f.endsWith('.txt')).map((f) => normalise(fs.readFileSync(path.join(DEV, f), 'utf8'))).join('\n')
    : '';
  fs.mkdirSync(out, { recursive: true });
  for (const file of fs.readdirSync(out)) if (/\.(txt|gold\.json)$/.test(file)) fs.rmSync(path.join(out, file));
  const pages: Array<Record<string, unknown>> = [];
  const skipped: Record<string, string[]> = { missingFile: [], noBody: [], inBoilerplateDev: [] };
  let passages = 0;
  let unmatched = 0;
  const seen = new Set<string>();
  for (const [url, entry] of Object.entries(entries)) {
    const file = ['tests/eval/', 'tests/cache/'].map((dir) => dir + entry.file).find((f) => present.has(f));
    if (!file || seen.has(file)) {
      if (!file) skipped.missingFile.push(entry.file);
      continue;
    }
    seen.add(file);
    const html = decodeHtml(git(['show', `HEAD:${file}`]));
    const lines = htmlToLines(html);
    const norms = lines.map(normalise);
    const wanted = (entry.with ?? []).map(normalise).filter((p) => p !== '');
    const unwanted = (entry.without ?? []).map(normalise).filter((p) => p !== '');
    if (devText !== '' && wanted.some((p) => p.length >= 20 && devText.includes(p))) {
      skipped.inBoilerplateDev.push(entry.file);
      continue;
    }
    const body: number[] = [];
    const scored = new Set<number>();
    norms.forEach((n, i) => {
      const isBody = wanted.some((p) => n.includes(p));
      const isFurniture = unwanted.some((p) => n.includes(p));
      if (isBody === isFurniture) return;
      scored.add(i);
      if (isBody) body.push(i);
    });
    passages += wanted.length + unwanted.length;
    unmatched += [...wanted, ...unwanted].filter((p) => !norms.some((n) => n.includes(p))).length;
    if (body.length === 0 || lines.length < MIN_LINES) {
      skipped.noBody.push(entry.file);
      continue;
    }
    const ignored = lines.flatMap((_, i) => (scored.has(i) ? [] : [i]));
    const { lang, by } = languageOf(html, body.map((i) => lines[i]).join('\n'));
    const id = `traf-${String(pages.length + 1).padStart(4, '0')}`;
    fs.writeFileSync(path.join(out, `${id}.txt`), `${lines.join('\n')}\n`);
    fs.writeFileSync(path.join(out, `${id}.gold.json`), `${JSON.stringify({ body_lines: body, ignore_lines: ignored, lines: lines.length })}\n`);
    pages.push({ id, file: entry.file, url, lang, langBy: by, group: lang === 'en' ? 'other-sites' : 'other-languages', lines: lines.length, bodyLines: body.length, scoredLines: scored.size });
  }
  const manifest = { dataset: { repository: REPOSITORY, commit }, rules: { MIN_LINES }, passages, unmatchedPassages: unmatched, skipped, pages };
  fs.writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  const count = (group: string): number => pages.filter((p) => p.group === group).length;
  process.stdout.write(
    `${pages.length} pages to ${out} (other-sites ${count('other-sites')}, other-languages ${count('other-languages')}); ` +
      `${unmatched} of ${passages} passages in no line; skipped ${Object.entries(skipped).map(([k, v]) => `${k} ${v.length}`).join(', ')}\n`,
  );
}

if (require.main === module) main();
