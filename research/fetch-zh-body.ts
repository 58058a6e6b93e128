// A second held-out set for issue #13, in Chinese: the pages of immortal-autumn/Chinese-Web-Content-Extraction-
// Dataset (MIT licence; 69 cached pages of Chinese news and government sites, each with its article text
// copied by hand), made into the form the body detector reads, as research/fetch-heldout-body.ts does for its
// pages: NAME.txt + NAME.gold.json (boilerplate-dev format) and manifest.json.
//
//   npx tsx research/fetch-zh-body.ts --dataset GITDIR [--out DIR (default $NEWSMARK_DATA/heldout-body-zh)]
//
// GITDIR: a clone (bare is fine) of the dataset; files are read from HEAD with git. A page's HTML is decoded
// by the charset its <meta> names (gb2312 and gbk read as gb18030, their superset); a page that names none
// is UTF-8 when it is valid UTF-8, else GB 18030. Text lines and
// gold body lines come from htmlToLines and goldBodyLines of fetch-heldout-body.ts, with the hand-copied text
// (cleaned/NAME.txt, split at line breaks) as the body. That text leaves the headline, the author and the
// date out, as the other held-out sets do.
//
// This set was made after the detector was last changed and is measured once (eval/results/body-heldout-zh.json).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { goldBodyLines, htmlToLines, languageOf } from './fetch-heldout-body';

const MIN_LINES = 5;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && at + 1 < process.argv.length ? process.argv[at + 1] : undefined;
}

/** The page's text, decoded by the charset its markup declares; undeclared, UTF-8 when it is valid UTF-8,
 * else GB 18030 (older pages of this set are GB-encoded without saying so). */
export function decodeHtml(bytes: Buffer): string {
  const head = bytes.subarray(0, 16384).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)/i.exec(head)?.[1].toLowerCase();
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    try {
      return new TextDecoder(declared === 'gb2312' || declared === 'gbk' ? 'gb18030' : declared).decode(bytes);
    } catch {
      // an unknown charset name: guess as if none were declared
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * The command line of a script that converts one dataset clone: --dataset GITDIR and --out DIR (default
 * $NEWSMARK_DATA/DEFAULT_DIR); a reader of the clone's files at HEAD, and its commit. Exits with the usage
 * when either is missing.
 */
export function datasetCommandLine(defaultDir: string): { out: string; git: (args: string[]) => Buffer; commit: string } {
  const dataset = option('dataset');
  const out = option('out') ?? (process.env.NEWSMARK_DATA ? path.join(process.env.NEWSMARK_DATA, defaultDir) : undefined);
  if (!dataset || !out) {
    process.stderr.write(`usage: --dataset GITDIR [--out DIR (default $NEWSMARK_DATA/${defaultDir})]\n`);
    process.exit(2);
  }
  const git = (args: string[]): Buffer => execFileSync('git', ['--git-dir', dataset, ...args], { maxBuffer: 1 << 28 });
  return { out, git, commit: git(['rev-parse', 'HEAD']).toString().trim() };
}

function main(): void {
  const { out, git, commit } = datasetCommandLine('heldout-body-zh');
  const names = git(['ls-tree', '--name-only', 'HEAD', 'original/'])
    .toString()
    .trim()
    .split('\n')
    .filter((f) => f.endsWith('.html'))
    .map((f) => path.basename(f, '.html'))
    .sort();
  fs.mkdirSync(out, { recursive: true });
  for (const file of fs.readdirSync(out)) if (/\.(txt|gold\.json)$/.test(file)) fs.rmSync(path.join(out, file));
  const pages: Array<Record<string, unknown>> = [];
  const skipped: string[] = [];
  for (const name of names) {
    const html = decodeHtml(git(['show', `HEAD:original/${name}.html`]));
    let cleaned: string;
    try {
      cleaned = git(['show', `HEAD:cleaned/${name}.txt`]).toString('utf8');
    } catch {
      skipped.push(name);
      continue;
    }
    const lines = htmlToLines(html);
    const body = goldBodyLines(lines, cleaned.split(/\r?\n/));
    if (body.length === 0 || lines.length < MIN_LINES) {
      skipped.push(name);
      continue;
    }
    const id = `zh-${name.slice(0, 8)}`;
    const { lang, by } = languageOf(html, body.map((i) => lines[i]).join('\n'));
    fs.writeFileSync(path.join(out, `${id}.txt`), `${lines.join('\n')}\n`);
    fs.writeFileSync(path.join(out, `${id}.gold.json`), `${JSON.stringify({ body_lines: body, lines: lines.length })}\n`);
    pages.push({ id, name, lang, langBy: by, lines: lines.length, bodyLines: body.length, goldChars: cleaned.replace(/\s+/g, '').length });
  }
  fs.writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify({ dataset: { repository: 'immortal-autumn/Chinese-Web-Content-Extraction-Dataset', commit }, skipped, pages }, null, 1)}\n`);
  process.stdout.write(`${pages.length} pages to ${out}; skipped ${skipped.length} (no body line found or under ${MIN_LINES} lines)\n`);
}

if (require.main === module) main();
