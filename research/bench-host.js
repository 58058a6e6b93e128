#!/usr/bin/env node
// Runs the in-host benchmark (test/bench/host.ts) in the real VS Code test host; rows go to .bench/host.json.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { runSuiteInHost, scratchCorpus } = require('../tools/lib/run-in-host');

const ROOT = path.resolve(__dirname, '..');

async function main() {
  if (spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
  const { ws, cleanup } = scratchCorpus('bench-host');
  // A 10,000-page corpus beside the samples: the host must stay responsive while it learns it.
  const pages = process.env.NEWSMARK_BENCH_PAGES || '10000';
  if (spawnSync(process.execPath, ['research/gen-corpus.js', path.join(ws, 'generated'), pages], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
  fs.mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
  const out = path.join(ROOT, '.bench', 'host.json');
  try {
    const { code } = await runSuiteInHost({
      testsEntry: path.join(ROOT, 'out/test/bench/host.js'),
      workspace: ws,
      extensionPath: ROOT,
      env: { NEWSMARK_BENCH_OUT: out },
      timeoutMs: 10 * 60_000,
    });
    process.exitCode = code;
  } finally {
    cleanup();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
