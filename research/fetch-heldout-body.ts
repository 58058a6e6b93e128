// The held-out body pages of issue #13: mozilla/readability's test pages and the Scrapinghub article
// extraction benchmark pages that are not in ../shared/eval/boilerplate-dev, turned into the form the body
// detector reads and written as NAME.txt + NAME.gold.json (the boilerplate-dev format), with manifest.json
// (source, language, group of each page). The pages are third-party content: they stay on your machine.
//
//   npx tsx research/fetch-heldout-body.ts --readability GITDIR --scrapinghub GITDIR [--dev DIR] [--out DIR]
//
// GITDIR: a clone (bare is fine) of github.com/mozilla/readability and of
// github.com/scrapinghub/article-extraction-benchmark; files are read from HEAD with git. --out defaults to
// $NEWSMARK_DATA/heldout-body; --dev to ../shared/eval/boilerplate-dev.
//
// Text: one line per block-level element (the BLOCK list below; table cells, buttons and labels are inline, a
// cell ends with a space), text inside script, style, noscript, template, head, svg, math dropped, entities
// decoded, whitespace collapsed, zero-width spaces removed, empty lines dropped. On the 60 boilerplate-dev
// pages this reproduces 10,223 of their 10,224 lines exactly (from the same HTML).
//
// Gold: the article body is readability's expected.html (made into lines the same way) or the benchmark's
// articleBody (split at line breaks). Both are normalised to letters, marks and digits only (NFKC,
// lower case: punctuation, quotes and spaces dropped). A page line is body when its normalised text is
//   - at least MIN_CHARS long and contained in the normalised body text, or
//   - shorter and equal to a whole normalised body paragraph (each such paragraph used, in page order, no
//     more times than the body has it).
// On the 60 boilerplate-dev pages this rule finds 1,359 of their 1,369 gold body lines and adds 13 lines
// they count as boilerplate (both made from the same benchmark body; how that gold was made is not recorded). The headline is not in either body, so it counts as boilerplate,
// as in boilerplate-dev (our guidelines tag it body).
//
// Left out: benchmark pages whose id (the sha256 file name, the boilerplate-dev file name too) is in
// boilerplate-dev; any page half or more of whose body lines occur in a boilerplate-dev page (content
// check, for the readability pages which have no id there); readability pages whose source.html is under
// MIN_SOURCE_BYTES (hand-made feature tests such as "remove-extra-brs", not pages of a site); pages with no
// body line or fewer than MIN_LINES lines.
//
// Language, of the gold body text: the script 30% or more of its letters are in (Han, Hangul, Cyrillic,
// Arabic, Hebrew, Thai, Devanagari, Greek; Japanese when 10% are kana); else, of en, es, pt, fr, de, it, cs
// and id, the language whose ten commonest words (STOP_WORDS) are the largest share of its words, when
// that share is over 4%; else the <html lang> attribute's first subtag; else "und" (undetermined, counted
// as other languages). The attribute alone is not trusted: some English pages say lang="de" or "ja", a
// French one lang="en". Group: "other-sites" for English, "other-languages"
// for the rest.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

const MIN_CHARS = 20;
const MIN_SOURCE_BYTES = 10_000;
const MIN_LINES = 5;

export const BLOCK = new Set(
  (
    'address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption figure footer form ' +
    'frameset h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p pre section summary table tbody thead ' +
    'tfoot tr ul caption title br option select'
  ).split(' '),
);
export const SKIP = new Set('script style noscript template head svg math object embed canvas'.split(' '));

/** The page as a scraper dumps it: the text of each block-level element on a line of its own. */
export function htmlToLines(html: string): string[] {
  const doc = parseDocument(html, { decodeEntities: true });
  const lines: string[] = [];
  let current = '';
  const flush = (): void => {
    const text = current.replace(/[\u200b\ufeff]/g, '').replace(/\s+/g, ' ').trim();
    if (text) lines.push(text);
    current = '';
  };
  const walk = (nodes: ChildNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'text') current += node.data;
      else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
        const element = node as Element;
        const name = element.name.toLowerCase();
        if (SKIP.has(name)) continue;
        const block = BLOCK.has(name);
        if (block) flush();
        walk(element.children);
        if (block) flush();
        else if (name === 'td' || name === 'th') current += ' ';
      }
    }
  };
  walk(doc.children);
  flush();
  return lines;
}

export const normalise = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '');

/** The 0-based numbers of the page lines that belong to the body (paragraphs of the gold body text). */
export function goldBodyLines(lines: readonly string[], paragraphs: readonly string[]): number[] {
  const paras = paragraphs.map(normalise).filter((p) => p !== '');
  const text = paras.join('\n');
  const left = new Map<string, number>();
  for (const p of paras) left.set(p, (left.get(p) ?? 0) + 1);
  const norms = lines.map(normalise);
  const long = norms.map((n) => n.length >= MIN_CHARS && text.includes(n));
  const body: number[] = [];
  norms.forEach((n, i) => {
    if (long[i]) body.push(i);
    else if (n !== '' && n.length < MIN_CHARS && (left.get(n) ?? 0) > 0) {
      left.set(n, left.get(n)! - 1);
      body.push(i);
    }
  });
  return body;
}

const SCRIPTS: Array<[string, RegExp]> = [
  ['ja', /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ['zh', /\p{Script=Han}/gu],
  ['ko', /\p{Script=Hangul}/gu],
  ['ru', /\p{Script=Cyrillic}/gu],
  ['ar', /\p{Script=Arabic}/gu],
  ['he', /\p{Script=Hebrew}/gu],
  ['th', /\p{Script=Thai}/gu],
  ['hi', /\p{Script=Devanagari}/gu],
  ['el', /\p{Script=Greek}/gu],
];
const STOP_WORDS: Record<string, Set<string>> = {
  en: new Set(['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'with', 'you']),
  es: new Set(['el', 'la', 'los', 'las', 'y', 'en', 'que', 'del', 'por', 'con']),
  pt: new Set(['o', 'os', 'as', 'e', 'em', 'que', 'do', 'da', 'não', 'com']),
  fr: new Set(['le', 'la', 'les', 'et', 'des', 'du', 'que', 'est', 'une', 'dans']),
  de: new Set(['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'auf', 'ein']),
  it: new Set(['il', 'di', 'e', 'che', 'la', 'per', 'gli', 'non', 'della', 'con']),
  cs: new Set(['se', 'na', 'je', 'že', 've', 'jako', 'pro', 'jsou', 'ale', 'jeho']),
  id: new Set(['yang', 'dan', 'di', 'dari', 'ini', 'itu', 'untuk', 'dengan', 'tidak', 'ke']),
};

export function languageOf(html: string, bodyText: string): { lang: string; by: string } {
  const attr = /<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})/i.exec(html)?.[1].toLowerCase();
  const letters = (bodyText.match(/\p{L}/gu) ?? []).length || 1;
  for (const [lang, re] of SCRIPTS) {
    // Japanese text is mostly Han with kana: a tenth of the letters in kana is enough
    const share = (bodyText.match(re) ?? []).length / letters;
    if (share >= (lang === 'ja' ? 0.1 : 0.3)) return { lang, by: 'script' };
  }
  const words = bodyText.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best = 'und';
  let bestShare = 0.04;
  for (const [lang, stop] of Object.entries(STOP_WORDS)) {
    const share = words.filter((w) => stop.has(w)).length / (words.length || 1);
    if (share > bestShare) [best, bestShare] = [lang, share];
  }
  if (best !== 'und') return { lang: best, by: attr === best ? 'stop words, lang attribute' : 'stop words' };
  return attr ? { lang: attr, by: 'lang attribute' } : { lang: 'und', by: 'none' };
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && at + 1 < process.argv.length ? process.argv[at + 1] : undefined;
}

const git = (gitDir: string, args: string[]): Buffer => execFileSync('git', ['--git-dir', gitDir, ...args], { maxBuffer: 1 << 28 });
const gitText = (gitDir: string, file: string): string => git(gitDir, ['show', `HEAD:${file}`]).toString('utf8');

interface Page {
  id: string;
  source: 'readability' | 'scrapinghub';
  name: string;
  url?: string;
  html: string;
  paragraphs: string[];
}

function main(): void {
  const readability = option('readability');
  const scrapinghub = option('scrapinghub');
  const out = option('out') ?? (process.env.NEWSMARK_DATA ? path.join(process.env.NEWSMARK_DATA, 'heldout-body') : undefined);
  const devDir = option('dev') ?? path.join(__dirname, '..', '..', 'shared', 'eval', 'boilerplate-dev');
  if (!readability || !scrapinghub || !out) {
    process.stderr.write('usage: --readability GITDIR --scrapinghub GITDIR [--dev DIR] [--out DIR (default $NEWSMARK_DATA/heldout-body)]\n');
    process.exit(2);
  }
  const devIds = new Set(fs.readdirSync(devDir).filter((f) => f.endsWith('.gold.json')).map((f) => f.replace(/\.gold\.json$/, '')));
  const devLines = new Set<string>();
  for (const id of devIds) for (const line of fs.readFileSync(path.join(devDir, `${id}.txt`), 'utf8').split('\n')) devLines.add(normalise(line));

  const pages: Page[] = [];
  const skipped: Record<string, string[]> = { inBoilerplateDev: [], smallFeatureTest: [], sharesBodyWithBoilerplateDev: [], noBody: [] };
  const rdCommit = git(readability, ['rev-parse', 'HEAD']).toString().trim();
  const shCommit = git(scrapinghub, ['rev-parse', 'HEAD']).toString().trim();
  const dirs = git(readability, ['ls-tree', '--name-only', 'HEAD', 'test/test-pages/']).toString().trim().split('\n');
  for (const dir of dirs) {
    const name = path.basename(dir);
    const html = gitText(readability, `${dir}/source.html`);
    if (Buffer.byteLength(html) < MIN_SOURCE_BYTES) {
      skipped.smallFeatureTest.push(name);
      continue;
    }
    pages.push({ id: `rd-${name}`, source: 'readability', name, html, paragraphs: htmlToLines(gitText(readability, `${dir}/expected.html`)) });
  }
  const truth = JSON.parse(gitText(scrapinghub, 'ground-truth.json')) as Record<string, { articleBody: string; url: string }>;
  for (const [id, gold] of Object.entries(truth).sort()) {
    if (devIds.has(id)) {
      skipped.inBoilerplateDev.push(id);
      continue;
    }
    const html = zlib.gunzipSync(git(scrapinghub, ['show', `HEAD:html/${id}.html.gz`])).toString('utf8');
    pages.push({ id: `sh-${id.slice(0, 16)}`, source: 'scrapinghub', name: id, url: gold.url, html, paragraphs: gold.articleBody.split('\n') });
  }

  fs.mkdirSync(out, { recursive: true });
  for (const file of fs.readdirSync(out)) if (/\.(txt|gold\.json)$/.test(file)) fs.rmSync(path.join(out, file));
  const manifest: Array<Record<string, unknown>> = [];
  for (const page of pages) {
    const lines = htmlToLines(page.html);
    const body = goldBodyLines(lines, page.paragraphs);
    if (body.length === 0 || lines.length < MIN_LINES) {
      skipped.noBody.push(page.id);
      continue;
    }
    const shared = body.filter((i) => normalise(lines[i]).length >= MIN_CHARS && devLines.has(normalise(lines[i]))).length;
    if (shared * 2 >= body.length) {
      skipped.sharesBodyWithBoilerplateDev.push(page.id);
      continue;
    }
    const { lang, by } = languageOf(page.html, body.map((i) => lines[i]).join('\n'));
    fs.writeFileSync(path.join(out, `${page.id}.txt`), `${lines.join('\n')}\n`);
    fs.writeFileSync(path.join(out, `${page.id}.gold.json`), `${JSON.stringify({ body_lines: body, lines: lines.length })}\n`);
    manifest.push({
      id: page.id,
      source: page.source,
      name: page.name,
      url: page.url,
      lang,
      langBy: by,
      group: lang === 'en' ? 'other-sites' : 'other-languages',
      lines: lines.length,
      bodyLines: body.length,
    });
  }
  const info = { readability: { commit: rdCommit }, scrapinghub: { commit: shCommit }, rules: { MIN_CHARS, MIN_SOURCE_BYTES, MIN_LINES }, skipped, pages: manifest };
  fs.writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(info, null, 1)}\n`);
  const count = (key: string, value: string): number => manifest.filter((m) => m[key] === value).length;
  process.stdout.write(
    `${manifest.length} pages to ${out}: readability ${count('source', 'readability')}, scrapinghub ${count('source', 'scrapinghub')}; ` +
      `other-sites ${count('group', 'other-sites')}, other-languages ${count('group', 'other-languages')}; skipped ` +
      `${Object.entries(skipped).map(([k, v]) => `${k} ${v.length}`).join(', ')}\n`,
  );
}

if (require.main === module) main();
