#!/usr/bin/env node
// Static check: no import cycles among the sources. Reads the import graph esbuild sees when it bundles the
// extension, the CLI and the workers (type-only imports vanish at build time, so they do not count), and prints
// every strongly connected group of files.
'use strict';
const path = require('node:path');
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '..');
const ENTRIES = ['src/extension.ts', 'src/cli.ts', 'src/cli/worker.ts', 'src/node/analysisWorker.ts'];

/** Tarjan's strongly connected components; returns the groups of more than one file (or a file importing itself). */
function cycles(graph) {
  let index = 0;
  const stack = [];
  const info = new Map();
  const found = [];
  const visit = (v) => {
    info.set(v, { index, low: index, onStack: true });
    index++;
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!info.has(w)) {
        visit(w);
        info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
      } else if (info.get(w).onStack) info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
    }
    if (info.get(v).low === info.get(v).index) {
      const group = [];
      let w;
      do {
        w = stack.pop();
        info.get(w).onStack = false;
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!info.has(v)) visit(v);
  return found;
}

async function main() {
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outdir: 'out/cycle-check',
    write: false,
    metafile: true,
    external: ['vscode'],
    logLevel: 'error',
  });
  const graph = new Map();
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    if (!file.startsWith('src/')) continue;
    graph.set(file, input.imports.map((i) => i.path).filter((p) => p.startsWith('src/')));
  }
  const found = cycles(graph);
  for (const group of found) process.stdout.write(`import cycle: ${group.join(' -> ')}\n`);
  process.stdout.write(`${graph.size} source files, ${found.length} import cycle(s)\n`);
  process.exitCode = found.length === 0 ? 0 : 1;
}

main().catch((err) => {
  process.stderr.write(`${err.stack || err}\n`);
  process.exitCode = 1;
});
