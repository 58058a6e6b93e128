// Shared by the throughput rows: one big page made of the sample pages, and MB per CPU second.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The sample pages repeated up to `minBytes`, each copy's lines numbered so per-line caches do not make every repeat free. */
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

export const ROUNDS = 5;

/** MB per CPU second of the median of `rounds` runs (five unless a row needs a steadier median) after a
 * warm-up (JIT, lexicon compilation): CPU time and the median, not wall time or the best, because the
 * machine is shared. */
export function cpuRate(bytes: number, run: () => void, rounds = ROUNDS): number {
  run();
  const seconds: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = process.cpuUsage();
    run();
    const used = process.cpuUsage(started);
    seconds.push((used.user + used.system) / 1e6);
  }
  seconds.sort((a, b) => a - b);
  return bytes / 1e6 / seconds[rounds >> 1];
}
