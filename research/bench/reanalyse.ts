// Re-analysis while typing in a 1 MB page, as the editor's worker does it: the quick analysis of the
// changed lines after each keystroke, and the full analysis once the typing pauses.
//   npx tsx research/bench/reanalyse.ts
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseFrom, reanalyseEdit } from '../../src/core/detect/analyse';
import { CorpusModel } from '../../src/core/detect/corpus';
import { LearnedEntities } from '../../src/core/detect/learned';
import { shippedEntityLexicon } from '../../test/unit/actors/fixture';
import { loadShippedStopwords } from '../../test/unit/body/shippedStopwords';
import type { BenchRow } from './types';

const KEYSTROKES = 41;
const QUICK_TARGET_MS = 30;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/** CPU milliseconds of one call (the machine is shared: wall time would count other processes). */
function cpuMs(run: () => void): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

export async function benchReanalyse(): Promise<BenchRow[]> {
  const folder = join(__dirname, '..', '..', 'samples');
  const pages = readdirSync(folder).filter((name) => name.endsWith('.txt')).sort().map((name) => readFileSync(join(folder, name), 'utf8'));
  const corpus = new CorpusModel();
  pages.forEach((page, i) => corpus.addDocument(`sample-${i}`, page));
  let text = '';
  while (text.length < 1_000_000) text += `${pages.join('\n\n')}\n\n`;
  // the annotator accepted what was suggested: learned entities are matched on every line too
  const learned = new LearnedEntities();
  const ctx = { corpus, stopwords: loadShippedStopwords({ largeVietnamese: true }), entities: shippedEntityLexicon(), learned, options: {} };
  let base = analyseFrom(text, undefined, ctx);
  for (const s of base.analysis.suggestions) learned.accept(s.label, s.text, typeof s.value === 'string' ? s.value : undefined);
  base = analyseFrom(text, undefined, ctx);

  const quick: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    const at = text.indexOf('\n', (text.length >> 1) + i * 997) + 1;
    // a fresh flat string, as the worker receives it
    text = Buffer.from(`${text.slice(0, at)}x${text.slice(at)}`).toString();
    let next: ReturnType<typeof reanalyseEdit>;
    quick.push(cpuMs(() => (next = reanalyseEdit(base, text, ctx))));
    if (!next) throw new Error('a one-character edit got no quick analysis');
    base = next.base;
    if (i % 4 === 0) full.push(cpuMs(() => (base = analyseFrom(text, undefined, ctx))));
  }
  const quickMs = median(quick);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return [
    {
      name: `1 MB page: quick re-analysis of the changed line after a keystroke (median of ${KEYSTROKES})`,
      value: round(quickMs),
      unit: 'ms',
      target: `< ${QUICK_TARGET_MS} ms`,
      ok: quickMs < QUICK_TARGET_MS,
      baseline: `full re-analysis of the page ${round(median(full))} ms (once typing pauses)`,
    },
  ];
}

if (require.main === module) {
  void benchReanalyse().then((rows) => {
    for (const r of rows) console.log(`${r.name}: ${r.value} ${r.unit} (${r.target}) [${r.baseline}]`);
  });
}
