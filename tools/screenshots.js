#!/usr/bin/env node
// `npm run screenshots`: photographs the real editor (code-server + Chromium) with Newsmark on the sample
// corpus, for the README: media/screenshots/{editor,hover,quickfix,view}.png.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { runSuiteInHost, scratchCorpus } = require('./lib/run-in-host');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'media', 'screenshots');

async function main() {
  if (spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
  fs.mkdirSync(OUT, { recursive: true });
  const { ws, cleanup } = scratchCorpus('shots');
  const shots = [];
  try {
    const { code } = await runSuiteInHost({
      testsEntry: path.join(ROOT, 'out/test/screenshots/scenario.js'),
      workspace: ws,
      extensionPath: ROOT,
      timeoutMs: 5 * 60_000,
      onLine: (line, page) => {
        const m = /^NEWSMARK_SHOT (\w+)$/.exec(line);
        if (!m) return false;
        const file = path.join(OUT, `${m[1]}.png`);
        shots.push(page.screenshot({ path: file }).then(() => console.log(`wrote ${path.relative(ROOT, file)}`)));
        return true;
      },
    });
    await Promise.all(shots);
    process.exitCode = code;
  } finally {
    cleanup();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
