// An SVG plot of a learning-curve result file (`newsmark eval --learning-curve K --out FILE`): per batch,
// exact F1 of one label and the effort, control beside learning. The README shows it.
//   npx tsx research/plot-learning-curve.ts eval/results/FILE.json [--label actor] [--out FILE.svg]
import { readFileSync, writeFileSync } from 'node:fs';

interface Batch {
  batch: number;
  trainedOn: number;
  control: { spans: Record<string, { exact: { f1: number } }>; effort: { ratio: number } };
  learning: { spans: Record<string, { exact: { f1: number } }>; effort: { ratio: number } };
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const file = process.argv[2];
const label = option('label') ?? 'actor';
const out = option('out') ?? file.replace(/\.json$/, '.svg');
const data = JSON.parse(readFileSync(file, 'utf8')) as { gold: string; documents: number; commit: string; retrainEvery?: number; results: Batch[] };
const W = 640;
const H = 360;
const left = 56;
const right = 20;
const top = 40;
const bottom = 56;
const xs = data.results.map((_, i) => left + (i * (W - left - right)) / Math.max(1, data.results.length - 1));
const y = (v: number): number => top + (1 - Math.min(1.2, v) / 1.2) * (H - top - bottom);
const path = (values: number[]): string => values.map((v, i) => `${i === 0 ? 'M' : 'L'}${xs[i].toFixed(1)},${y(v).toFixed(1)}`).join(' ');
const series = [
  { name: `${label} exact F1, learning`, color: '#1f77b4', dash: '', values: data.results.map((b) => b.learning.spans[label]?.exact.f1 ?? 0) },
  { name: `${label} exact F1, control (no learning)`, color: '#7f7f7f', dash: '', values: data.results.map((b) => b.control.spans[label]?.exact.f1 ?? 0) },
  { name: 'effort, learning', color: '#1f77b4', dash: '6 4', values: data.results.map((b) => b.learning.effort.ratio) },
  { name: 'effort, control', color: '#7f7f7f', dash: '6 4', values: data.results.map((b) => b.control.effort.ratio) },
];
const parts: string[] = [];
parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
parts.push(`<rect width="${W}" height="${H}" fill="white"/>`);
parts.push(`<text x="${left}" y="20" font-size="14">Simulated annotator, ${data.documents} pages in ${data.results.length} batches${data.retrainEvery ? `, retrained every ${data.retrainEvery} pages` : ''} (commit ${data.commit})</text>`);
for (const v of [0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2]) {
  parts.push(`<line x1="${left}" x2="${W - right}" y1="${y(v)}" y2="${y(v)}" stroke="#e0e0e0"/>`);
  parts.push(`<text x="${left - 8}" y="${y(v) + 4}" text-anchor="end">${v.toFixed(1)}</text>`);
}
data.results.forEach((b, i) => parts.push(`<text x="${xs[i]}" y="${H - bottom + 18}" text-anchor="middle">${b.trainedOn}</text>`));
parts.push(`<text x="${(left + W - right) / 2}" y="${H - bottom + 36}" text-anchor="middle">pages annotated before the batch</text>`);
for (const s of series) {
  parts.push(`<path d="${path(s.values)}" fill="none" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
  s.values.forEach((v, i) => parts.push(`<circle cx="${xs[i].toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${s.color}"/>`));
}
series.forEach((s, i) => {
  const lx = left + 10 + (i % 2) * 280;
  const ly = top + 8 + Math.floor(i / 2) * 16;
  parts.push(`<line x1="${lx}" x2="${lx + 24}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
  parts.push(`<text x="${lx + 30}" y="${ly}">${s.name}</text>`);
});
parts.push('</svg>');
writeFileSync(out, `${parts.join('\n')}\n`);
process.stdout.write(`${out}\n`);
