// Sidecar and tag-model timings on a synthetic document with 10,000 tags.
import { performance } from 'node:perf_hooks';
import { Annotation, SidecarData } from '../../src/core/model/types';
import { mergeImported } from '../../src/core/import/merge';
import { rebase } from '../../src/core/model/rebase';
import { reanchor, withContext } from '../../src/core/sidecar/anchor';
import { parseSidecar, serialiseSidecar } from '../../src/core/sidecar/codec';
import { sha256Utf8 } from '../../src/core/sidecar/hash';
import { BenchRow } from './types';

const TAGS = 10_000;

/** A document of numbered sentences with an actor and a date tag in each. */
function syntheticCorpus(): { text: string; data: SidecarData } {
  const parts: string[] = [];
  const annotations: Annotation[] = [];
  let at = 0;
  for (let i = 0; i < TAGS / 2; i++) {
    const name = `Người Số ${i}`;
    const date = `${(i % 28) + 1}/${(i % 12) + 1}`;
    const sentence = `Theo ông ${name}, cuộc họp ngày ${date} đã diễn ra "tốt đẹp": #${i}.\n`;
    const nameAt = at + sentence.indexOf(name);
    const dateAt = at + sentence.indexOf(date);
    annotations.push(
      { id: (2 * i).toString(16).padStart(4, '0'), label: 'actor', start: nameAt, end: nameAt + name.length, text: name, source: 'manual', by: 'bench', at: '2026-11-23T08:00:00Z' },
      { id: (2 * i + 1).toString(16).padStart(4, '0'), label: 'date', start: dateAt, end: dateAt + date.length, text: date, value: `2021-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, source: 'accepted' },
    );
    parts.push(sentence);
    at += sentence.length;
  }
  const text = parts.join('');
  return {
    text,
    data: {
      newsmark: 1, document: 'story.txt', sha256: sha256Utf8(text), status: 'in-progress',
      annotations: annotations.map((a) => withContext(text, a)), dismissed: [],
    },
  };
}

/** Median milliseconds of `runs` calls (after one warm-up call). */
function medianMs(runs: number, fn: () => void): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function row(name: string, ms: number, limit?: number, baseline?: string): BenchRow {
  const r: BenchRow = { name, value: Math.round(ms * 1000) / 1000, unit: 'ms' };
  if (limit !== undefined) {
    r.target = `< ${limit} ms`;
    r.ok = ms < limit;
  }
  if (baseline) r.baseline = baseline;
  return r;
}

export async function benchSidecar(): Promise<BenchRow[]> {
  const { text, data } = syntheticCorpus();
  const yaml = serialiseSidecar(data);
  const rows: BenchRow[] = [];

  // Buffer.byteLength reads the whole string, as writing the file would.
  rows.push(row(`serialise ${TAGS} tags`, medianMs(9, () => Buffer.byteLength(serialiseSidecar(data))), 50));
  rows.push(row(`parse + verify ${TAGS} tags`, medianMs(9, () => {
    const parsed = parseSidecar(yaml);
    const { placed } = reanchor(text, parsed.data?.annotations ?? []);
    if (placed.length !== TAGS) throw new Error('bench: tags not placed');
  }), 100));

  // Every tag after an insertion near the top moves: the re-anchoring worst common case.
  const shifted = 'Tin mới.\n' + text;
  rows.push(row(`re-anchor ${TAGS} tags after an insertion at the top`, medianMs(5, () => {
    const { moved } = reanchor(shifted, data.annotations);
    if (moved.length !== TAGS) throw new Error('bench: tags not moved');
  })));

  // Tags as the editor holds them: read from the sidecar. One character typed in the middle of the text.
  const tags = (parseSidecar(yaml).data as SidecarData).annotations;
  const middle = tags[TAGS / 2].start;
  const edit = { start: middle - 1, end: middle - 1, text: 'x' };
  const edited = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  rows.push(row(`rebase ${TAGS} tags for one edit (median of 200)`, medianMs(200, () => rebase(tags, [edit], edited)), 1));

  // Importing tags that are all there already costs what adding them costs (D18: it was quadratic).
  const imported = data.annotations.map(({ label, start, end }) => ({ label, start, end }));
  const empty: SidecarData = { ...data, annotations: [] };
  rows.push(row(`import ${TAGS} tags into an empty sidecar`, medianMs(3, () => mergeImported(empty, text, imported, '2026-12-02T00:00:00Z', 'bench'))));
  rows.push(row(`import ${TAGS} tags that are all there`, medianMs(3, () => {
    if (mergeImported(data, text, imported, '2026-12-02T00:00:00Z', 'bench').duplicates !== TAGS) throw new Error('bench: not duplicates');
  }), 200, 'about the import into an empty sidecar'));

  // A hand-edited sidecar (one comment) takes the general YAML path; reported for information.
  const handEdited = '# reviewed\n' + yaml;
  let parsedHand = parseSidecar(handEdited);
  rows.push(row(`parse hand-edited ${TAGS} tags (yaml Document path)`, medianMs(3, () => { parsedHand = parseSidecar(handEdited); })));
  rows.push(row(`serialise unchanged hand-edited ${TAGS} tags`, medianMs(5, () => serialiseSidecar(parsedHand.data as SidecarData, parsedHand))));
  const changed: SidecarData = { ...data, status: 'done' };
  rows.push(row(`serialise changed hand-edited ${TAGS} tags (Document edit)`, medianMs(3, () => serialiseSidecar(changed, parsedHand))));
  return rows;
}
