// A fourth held-out body set for issue #13, made after the detector was last changed: L3S-GN1 (Kohlschütter,
// Fankhauser and Nejdl, WSDM 2010), 621 English news articles of 408 sites from Google News in 2008, each
// page's text blocks labelled by people as headline, full text, supplemental (captions, dates), related
// content, comments or not content. Its licence allows research use only and no redistribution: the pages
// stay on your machine. Written as NAME.txt + NAME.gold.json (boilerplate-dev format, with ignore_lines)
// and manifest.json, into $NEWSMARK_DATA/heldout-body-l3s unless --out says otherwise.
//
//   npx tsx research/fetch-l3s-gn1-body.ts --dataset GITDIR [--out DIR]
//
// GITDIR: a clone (bare is fine) of geodrome/page-signal, which holds the data set as HTML pages
// (L3S-GN1-*/annotated/*.html, the labelled copy of each page). Read from HEAD with git.
//
// Text: the labelled copy's lines, made as htmlToLines (fetch-heldout-body.ts) makes a page's lines; the
// labels are inline spans, so they change no line. How many of those lines the original page's own lines
// hold as well is recorded per page (sameLines).
// Gold, from the letters and digits of each line by the label of the span nearest around them, following
// docs/annotation-guidelines.md (decided before anything was measured):
//   - body: half or more of the line is headline or full text;
//   - left to the annotator (ignore_lines): otherwise, half or more is headline, full text or
//     supplemental (photo captions and the like, which the guidelines leave to the annotator);
//   - boilerplate: the rest (related content, comments, not content, unlabelled and invisible text).
// Left out: pages with no body line or fewer than MIN_LINES lines.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { BLOCK, htmlToLines, SKIP } from './fetch-heldout-body';
import { datasetCommandLine, decodeHtml } from './fetch-zh-body';

const MIN_LINES = 5;
const REPOSITORY = 'geodrome/page-signal';

/** What a text's letters belong to, by the labelled copy's span classes. */
const enum Part {
  Other = 0,
  Body = 1,
  Supplemental = 2,
}

function partOf(element: Element, around: Part): Part {
  const classes = (element.attribs.class ?? '').split(/\s+/);
  if (classes.includes('x-nc-invisible')) return Part.Other;
  for (const name of classes) {
    const label = /^x-nc-sel([0-5])$/.exec(name)?.[1];
    if (label === undefined) continue;
    return label === '1' || label === '2' ? Part.Body : label === '3' ? Part.Supplemental : Part.Other;
  }
  return around;
}

const countable = (text: string): number => (text.match(/[\p{L}\p{N}]/gu) ?? []).length;

interface LabelledLine {
  text: string;
  body: number;
  supplemental: number;
  all: number;
}

/** The lines of a labelled page, as htmlToLines makes them, with how many letters of each are which part. */
function labelledLines(html: string): LabelledLine[] {
  const doc = parseDocument(html, { decodeEntities: true });
  const lines: LabelledLine[] = [];
  let current = '';
  let counts = [0, 0, 0];
  const flush = (): void => {
    const text = current.replace(/[\u200b\ufeff]/g, '').replace(/\s+/g, ' ').trim();
    if (text) lines.push({ text, body: counts[Part.Body], supplemental: counts[Part.Supplemental], all: counts[0] + counts[1] + counts[2] });
    current = '';
    counts = [0, 0, 0];
  };
  const walk = (nodes: ChildNode[], part: Part): void => {
    for (const node of nodes) {
      if (node.type === 'text') {
        current += node.data;
        counts[part] += countable(node.data);
      } else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
        const element = node as Element;
        const name = element.name.toLowerCase();
        if (SKIP.has(name)) continue;
        const block = BLOCK.has(name);
        if (block) flush();
        walk(element.children, partOf(element, part));
        if (block) flush();
        else if (name === 'td' || name === 'th') current += ' ';
      }
    }
  };
  walk(doc.children, Part.Other);
  flush();
  return lines;
}

function main(): void {
  const { out, git, commit } = datasetCommandLine('heldout-body-l3s');
  const files = git(['ls-tree', '-r', '--name-only', 'HEAD'])
    .toString()
    .trim()
    .split('\n')
    .filter((f) => /^L3S-GN1-[^/]+\/annotated\/[^/]+\.html$/.test(f))
    .sort();
  fs.mkdirSync(out, { recursive: true });
  for (const file of fs.readdirSync(out)) if (/\.(txt|gold\.json)$/.test(file)) fs.rmSync(path.join(out, file));
  const pages: Array<Record<string, unknown>> = [];
  const skipped: string[] = [];
  for (const file of files) {
    const name = path.basename(file, '.html');
    const lines = labelledLines(decodeHtml(git(['show', `HEAD:${file}`])));
    const body: number[] = [];
    const ignored: number[] = [];
    lines.forEach((line, i) => {
      if (line.all === 0) return;
      if (line.body * 2 >= line.all) body.push(i);
      else if ((line.body + line.supplemental) * 2 >= line.all) ignored.push(i);
    });
    if (body.length === 0 || lines.length < MIN_LINES) {
      skipped.push(name);
      continue;
    }
    const original = new Set(htmlToLines(decodeHtml(git(['show', `HEAD:${file.replace('/annotated/', '/original/')}`]))));
    const sameLines = lines.filter((line) => original.has(line.text)).length / lines.length;
    const id = `l3s-${name.slice(0, 8)}`;
    fs.writeFileSync(path.join(out, `${id}.txt`), `${lines.map((line) => line.text).join('\n')}\n`);
    fs.writeFileSync(path.join(out, `${id}.gold.json`), `${JSON.stringify({ body_lines: body, ignore_lines: ignored, lines: lines.length })}\n`);
    pages.push({ id, name, lang: 'en', group: 'other-sites', lines: lines.length, bodyLines: body.length, ignoredLines: ignored.length, sameLines: Number(sameLines.toFixed(3)) });
  }
  fs.writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify({ dataset: { repository: REPOSITORY, commit }, rules: { MIN_LINES }, skipped, pages }, null, 1)}\n`);
  process.stdout.write(`${pages.length} pages to ${out}; skipped ${skipped.length} (no body line or under ${MIN_LINES} lines)\n`);
}

if (require.main === module) main();
