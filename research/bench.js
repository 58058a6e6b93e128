#!/usr/bin/env node
// `npm run bench [-- MODULE...]`: runs every bench module (research/bench/*.ts exporting `bench*()` functions
// that resolve to BenchRow lists; MODULE names select some of them, e.g. `cli corpus`), adds the editor-host
// rows measured in the real editor by research/bench-host.js (skip with NEWSMARK_BENCH_SKIP_HOST=1), and prints one table:
// name | measured | target | ok | baseline. Exit status 1 when a row misses its target or a bench fails.
 
'use strict';
require('tsx/cjs');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const BENCH_DIR = path.join(__dirname, 'bench');
const HOST_FILE = path.join(ROOT, '.bench', 'host.json');
const HOST_ROWS = ['extension activation time', 'keystroke to decoration'];

function benchModules(only) {
  return fs
    .readdirSync(BENCH_DIR)
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .filter((file) => only.length === 0 || only.includes(path.basename(file, '.ts')));
}

/** Rows measured in the editor host, or placeholders saying how to measure them. */
function hostRows() {
  if (fs.existsSync(HOST_FILE)) {
    const data = JSON.parse(fs.readFileSync(HOST_FILE, 'utf8'));
    return Array.isArray(data) ? data : data.rows;
  }
  return HOST_ROWS.map((name) => ({ name, measured: 'not measured (run npm run bench:host)' }));
}

function cells(row) {
  const measured = row.measured ?? (row.value === undefined ? '' : `${row.value} ${row.unit ?? ''}`.trim());
  const ok = row.ok === undefined ? '' : row.ok ? 'yes' : 'NO';
  return [row.name, measured, row.target ?? '', ok, row.baseline ?? ''];
}

function printTable(rows) {
  const table = [['name', 'measured', 'target', 'ok', 'baseline'], ...rows.map(cells)];
  const widths = table[0].map((_, c) => Math.max(...table.map((r) => String(r[c]).length)));
  const line = (r) => `| ${r.map((cell, c) => String(cell).padEnd(widths[c])).join(' | ')} |`;
  const out = [line(table[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...table.slice(1).map(line)];
  process.stdout.write(`${out.join('\n')}\n`);
}

/** A full run is kept in bench/results/bench.json, naming the commit and machine; README's speed table is made from it. */
function writeResults(rows) {
  const { execFileSync } = require('node:child_process');
  const os = require('node:os');
  const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  const out = {
    kind: 'bench',
    commit: git('rev-parse', '--short', 'HEAD'),
    dirty: git('status', '--porcelain', '--untracked-files=no', '--', 'src') !== '',
    machine: { host: os.hostname(), cores: os.cpus().length, load: os.loadavg().map((l) => Number(l.toFixed(1))) },
    measured_at: new Date().toISOString(),
    rows: rows.map((r) => { const [name, measured, target, , baseline] = cells(r); return { name, measured, target, ...(r.ok === undefined ? {} : { ok: r.ok }), baseline }; }),
  };
  fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench', 'results', 'bench.json'), `${JSON.stringify(out, null, 2)}\n`);
  process.stderr.write('wrote bench/results/bench.json\n');
}

async function main() {
  const only = process.argv.slice(2);
  const rows = [];
  for (const file of benchModules(only)) {
    const exports = require(path.join(BENCH_DIR, file));
    for (const [name, fn] of Object.entries(exports)) {
      if (!/^bench/.test(name) || typeof fn !== 'function') continue;
      process.stderr.write(`running ${file} ${name}...\n`);
      try {
        rows.push(...(await fn()));
      } catch (error) {
        rows.push({ name: `${file} ${name}`, measured: `failed: ${String(error && error.message).split('\n')[0]}`, ok: false });
      }
    }
  }
  if (only.length === 0) {
    // The editor rows are measured in the real VS Code host (research/bench-host.js writes .bench/host.json).
    if (!process.env.NEWSMARK_BENCH_SKIP_HOST) {
      process.stderr.write('running the in-editor benchmark (research/bench-host.js)...\n');
      require('node:child_process').spawnSync(process.execPath, [path.join(__dirname, 'bench-host.js')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    }
    rows.push(...hostRows());
  }
  printTable(rows);
  if (only.length === 0) writeResults(rows);
  if (rows.some((row) => row.ok === false)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
