// Export throughput and memory: a generated in-memory corpus (2,000 pages of ~12 KB, 20 tags each) is
// streamed through the jsonl and conll exporters into a sink that discards output. Documents are generated
// one at a time, so heap growth measures what the exporter keeps, which should stay flat.

import { exporters } from '../../src/core/export/registry';
import type { ExportDocument, ExportSink } from '../../src/core/export/types';
import type { Annotation } from '../../src/core/model/types';
import type { BenchRow } from './types';

const PAGES = 2000;
const TAGS_PER_PAGE = 20;
const TARGET_MB_PER_S = 20;
const WORDS = ['Tổng', 'thống', 'Nga', 'đã', 'đề', 'nghị', 'đối', 'thoại', 'trực', 'tiếp', 'với', 'người', 'đồng', 'cấp', 'ngày', '22/3', 'năm', '2021', 'Bộ', 'Ngoại', 'giao', 'cho', 'biết', 'rằng', 'phía', 'Mỹ', 'bác', 'bỏ'];

function page(index: number): ExportDocument {
  let seed = index * 7919 + 1;
  const random = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  const lines: string[] = [];
  let length = 0;
  while (length < 12_000) {
    const words: string[] = [];
    for (let i = 0; i < 15 + random() * 15; i++) words.push(WORDS[Math.floor(random() * WORDS.length)]);
    const line = words.join(' ') + (index % 50 === 0 && lines.length === 3 ? ' 😀.' : '.');
    lines.push(line);
    length += line.length + 1;
  }
  const text = lines.join('\n') + '\n';
  const annotations: Annotation[] = [
    { id: `b${index}`, label: 'body', start: lines[0].length + 1, end: text.length - 1, text: text.slice(lines[0].length + 1, text.length - 1), source: 'manual' },
  ];
  for (let i = 0; i < TAGS_PER_PAGE; i++) {
    // Tag the i-th line's first word, as actor or date alternately.
    const lineStart = lines.slice(0, i + 1).reduce((sum, l) => sum + l.length + 1, 0);
    const end = text.indexOf(' ', lineStart);
    annotations.push({ id: `t${index}-${i}`, label: i % 2 ? 'date' : 'actor', start: lineStart, end, text: text.slice(lineStart, end), source: 'manual' });
  }
  return { path: `gen/${index}.txt`, text, sidecar: { newsmark: 1, document: `${index}.txt`, status: 'done', annotations, dismissed: [] } };
}

// Discards output but measures its UTF-8 size, which flattens the string as a file writer would.
let outputBytes = 0;
const discard: ExportSink = {
  appendText: (_path, text) => void (outputBytes += Buffer.byteLength(text, 'utf8')),
  writeText: (_path, text) => void (outputBytes += Buffer.byteLength(text, 'utf8')),
};

function measure(format: string): { mbPerS: number; heapGrowthMb: number; megabytes: number } {
  const exporter = exporters.get(format);
  if (!exporter) throw new Error(`no exporter ${format}`);
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let bytes = 0;
  let exportMs = 0;
  const session = exporter.begin(discard, {});
  for (let i = 0; i < PAGES; i++) {
    const doc = page(i); // generation is not timed
    bytes += Buffer.byteLength(doc.text, 'utf8');
    const started = performance.now();
    session.add(doc);
    exportMs += performance.now() - started;
  }
  session.end();
  globalThis.gc?.();
  const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  const megabytes = bytes / 1e6;
  return { mbPerS: megabytes / (exportMs / 1000), heapGrowthMb, megabytes };
}

export async function benchExport(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const format of ['jsonl', 'conll']) {
    const { mbPerS, heapGrowthMb, megabytes } = measure(format);
    rows.push({
      name: `export ${format} throughput (${PAGES} pages, ${megabytes.toFixed(0)} MB)`,
      value: Math.round(mbPerS * 10) / 10,
      unit: 'MB/s',
      target: `> ${TARGET_MB_PER_S}`,
      ok: mbPerS > TARGET_MB_PER_S,
    });
    rows.push({
      name: `export ${format} heap growth after ${PAGES} pages${globalThis.gc ? '' : ' (no --expose-gc: noisy)'}`,
      value: Math.round(heapGrowthMb * 10) / 10,
      unit: 'MB',
      target: '< 20 (flat: far below the corpus size)',
      ok: heapGrowthMb < 20,
    });
  }
  return rows;
}

if (require.main === module) {
  benchExport().then((rows) => console.table(rows));
}
