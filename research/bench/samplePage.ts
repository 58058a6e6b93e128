// One big page for the throughput rows: the sample pages repeated, each copy's lines numbered so that
// per-line caches do not make every repeat free.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function bigSamplePage(minBytes: number): string {
  const folder = join(__dirname, '..', '..', 'samples');
  const pages = readdirSync(folder).filter((name) => name.endsWith('.txt')).sort().map((name) => readFileSync(join(folder, name), 'utf8'));
  const parts: string[] = [];
  let size = 0;
  for (let copy = 0; size < minBytes; copy++) {
    for (const page of pages) {
      const numbered = page.replace(/\n/g, ` ${copy}\n`);
      parts.push(numbered);
      size += Buffer.byteLength(numbered, 'utf8');
    }
  }
  return parts.join('\n');
}
