// Synthetic corpus for scale tests: N pages varied from the sample pages (samples/*.txt), deterministic for a
// seed. Template lines (menus, footers) stay as they are, so they repeat across pages as on a real site;
// prose lines get other capitalised names, dates and numbers taken from or modelled on the samples;
// related-article link lists are shuffled (and sometimes take a link from another page); now and then two
// neighbouring paragraphs change places. Pages go into subfolders of 1,000 files.
//
//   npm run gen-corpus -- OUT N [--seed S] [--tags]
//
// --tags also writes a sidecar per page with about 20 tags (actors, dates and the body lines).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { withContext } from '../../src/core/sidecar/anchor';
import { serialiseSidecar } from '../../src/core/sidecar/codec';
import { sha256Utf8 } from '../../src/core/sidecar/hash';
import { sidecarPathFor } from '../../src/core/sidecar/paths';
import type { Annotation, DocStatus, SidecarData } from '../../src/core/model/types';

export const PAGES_PER_FOLDER = 1000;
/** Lines at least this long are prose (article paragraphs, long teasers); shorter ones are page furniture. */
const PROSE_MIN = 80;
const TAGS_PER_PAGE = 20;
const SAMPLE_DIR = path.join(__dirname, '..', '..', 'samples');

// A run of 2-3 capitalised words: names of people, organisations and places alike.
const NAME = /\p{Lu}[\p{Ll}\p{M}]+(?:[ -]\p{Lu}[\p{Ll}\p{M}]+){1,2}/gu;
const DATE = /\b\d{1,2}\/\d{1,2}(?:\/\d{4})?\b/g;
const NUMBER = /\d+/g;

/** mulberry32: a small, fast, seedable generator (the same sequence on every machine). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Sample {
  lines: string[];
}

interface Pools {
  names: string[];
  links: string[];
}

function loadSamples(): { samples: Sample[]; pools: Pools } {
  const files = fs.readdirSync(SAMPLE_DIR).filter((f) => f.endsWith('.txt')).sort();
  const samples = files.map((f) => ({ lines: fs.readFileSync(path.join(SAMPLE_DIR, f), 'utf8').split('\n') }));
  const names = new Set<string>();
  const links = new Set<string>();
  for (const { lines } of samples) {
    lines.forEach((line, i) => {
      if (line.length >= PROSE_MIN) for (const match of line.matchAll(NAME)) names.add(match[0]);
      if (isLink(lines, i)) links.add(line);
    });
  }
  return { samples, pools: { names: [...names].sort(), links: [...links].sort() } };
}

/** A list item of a link list: a short line between empty lines. */
function isLink(lines: readonly string[], i: number): boolean {
  const line = lines[i];
  return line.trim() !== '' && line.length < PROSE_MIN && lines[i - 1] === '' && (lines[i + 1] === '' || lines[i + 1] === undefined || i + 1 === lines.length);
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

function shuffle<T>(random: () => number, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

function randomDigits(random: () => number, length: number): string {
  let out = String(1 + Math.floor(random() * 9));
  while (out.length < length) out += String(Math.floor(random() * 10));
  return length === 1 ? String(Math.floor(random() * 10)) : out;
}

function varyProse(random: () => number, line: string, pools: Pools): string {
  // Placeholders (private-use characters, no digits) keep replaced names and dates from being touched again by the number rule.
  const kept: string[] = [];
  const hold = (text: string): string => String.fromCharCode(0xe000 + kept.push(text) - 1);
  let out = line.replace(NAME, (name) => hold(random() < 0.5 ? pick(random, pools.names) : name));
  out = out.replace(DATE, (date) => {
    const day = 1 + Math.floor(random() * 28);
    const month = 1 + Math.floor(random() * 12);
    return hold(date.split('/').length === 3 ? `${day}/${month}/${2015 + Math.floor(random() * 11)}` : `${day}/${month}`);
  });
  out = out.replace(NUMBER, (digits) => randomDigits(random, digits.length));
  return out.replace(/[\ue000-\uf8ff]/g, (mark) => kept[mark.charCodeAt(0) - 0xe000]);
}

/** One generated page: the lines of a sample, varied. */
export function generatePage(random: () => number, sample: Sample, pools: Pools): string {
  const lines = [...sample.lines];
  // Link lists: the items of each run of "empty line, link" pairs are shuffled.
  for (let i = 0; i < lines.length; i++) {
    if (!isLink(sample.lines, i)) continue;
    const positions: number[] = [];
    let j = i;
    while (j < lines.length && isLink(sample.lines, j)) {
      positions.push(j);
      j += 2;
    }
    const items = shuffle(random, positions.map((p) => lines[p]));
    if (items.length > 1 && random() < 0.3) items[0] = pick(random, pools.links);
    positions.forEach((p, k) => (lines[p] = items[k]));
    i = j - 1;
  }
  const prose: number[] = [];
  lines.forEach((line, i) => {
    if (line.length >= PROSE_MIN) {
      lines[i] = varyProse(random, line, pools);
      prose.push(i);
    }
  });
  // Paragraph order, slightly: one pair of neighbouring prose lines swapped on a third of the pages.
  if (prose.length > 3 && random() < 0.33) {
    const k = 1 + Math.floor(random() * (prose.length - 2));
    [lines[prose[k]], lines[prose[k + 1]]] = [lines[prose[k + 1]], lines[prose[k]]];
  }
  return lines.join('\n');
}

/** About TAGS_PER_PAGE tags: the longest prose lines as body, names as actors, dates as dates. */
export function generateSidecar(random: () => number, text: string, documentName: string): SidecarData {
  const annotations: Annotation[] = [];
  const addTag = (label: string, start: number, end: number): void => {
    if (annotations.some((t) => t.start < end && start < t.end)) return;
    annotations.push(withContext(text, { id: `g${annotations.length.toString(16).padStart(3, '0')}`, label, start, end, text: text.slice(start, end), source: 'manual' }));
  };
  let offset = 0;
  const candidates: { label: string; start: number; end: number }[] = [];
  for (const line of text.split('\n')) {
    if (line.length >= PROSE_MIN) {
      if (annotations.length < 4) addTag('body', offset, offset + line.length);
      else {
        for (const m of line.matchAll(NAME)) candidates.push({ label: 'actor', start: offset + (m.index ?? 0), end: offset + (m.index ?? 0) + m[0].length });
        for (const m of line.matchAll(DATE)) candidates.push({ label: 'date', start: offset + (m.index ?? 0), end: offset + (m.index ?? 0) + m[0].length });
      }
    }
    offset += line.length + 1;
  }
  for (const c of shuffle(random, candidates)) {
    if (annotations.length >= TAGS_PER_PAGE) break;
    addTag(c.label, c.start, c.end);
  }
  annotations.sort((a, b) => a.start - b.start || b.end - a.end);
  const statuses: DocStatus[] = ['todo', 'in-progress', 'done'];
  return { newsmark: 1, document: documentName, sha256: sha256Utf8(text), status: pick(random, statuses), annotations, dismissed: [] };
}

export interface GenerateOptions {
  seed?: number;
  tags?: boolean;
}

/** Writes `pages` pages (and sidecars with `tags`) under outDir/0000/, outDir/0001/, ...; returns their paths. */
export function generateCorpus(outDir: string, pages: number, options: GenerateOptions = {}): string[] {
  const random = seededRandom(options.seed ?? 1);
  // Tags draw from their own stream, so the pages are the same with and without --tags.
  const tagRandom = seededRandom((options.seed ?? 1) ^ 0x5bd1e995);
  const { samples, pools } = loadSamples();
  const written: string[] = [];
  for (let i = 0; i < pages; i++) {
    const folder = path.join(outDir, String(Math.floor(i / PAGES_PER_FOLDER)).padStart(4, '0'));
    if (i % PAGES_PER_FOLDER === 0) fs.mkdirSync(folder, { recursive: true });
    const name = `page-${String(i).padStart(6, '0')}.txt`;
    const file = path.join(folder, name);
    const text = generatePage(random, pick(random, samples), pools);
    fs.writeFileSync(file, text);
    if (options.tags) fs.writeFileSync(sidecarPathFor(file), serialiseSidecar(generateSidecar(tagRandom, text, name)));
    written.push(file);
  }
  return written;
}

export function main(argv: readonly string[]): number {
  const positionals: string[] = [];
  let seed = 1;
  let tags = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--seed') seed = Number(argv[++i]);
    else if (argv[i] === '--tags') tags = true;
    else positionals.push(argv[i]);
  }
  const [out, count] = positionals;
  if (!out || !/^\d+$/.test(count ?? '') || !Number.isInteger(seed)) {
    process.stderr.write('Usage: npm run gen-corpus -- OUT N [--seed S] [--tags]\n');
    return 2;
  }
  const started = Date.now();
  const files = generateCorpus(out, Number(count), { seed, tags });
  process.stdout.write(`wrote ${files.length} pages${tags ? ' with sidecars' : ''} to ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return 0;
}
