#!/usr/bin/env node
// `npm run test:desktop`: the same in-host suite under desktop VS Code through @vscode/test-electron.
// It downloads VS Code unless VSCODE_EXECUTABLE_PATH names an installed one (offline machines need that).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');

async function main() {
  if (spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
  const { runTests } = require('@vscode/test-electron');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-desktop-'));
  const ws = path.join(dir, 'corpus');
  fs.cpSync(path.join(ROOT, 'samples'), ws, { recursive: true });
  try {
    await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'out/test/integration/index.js'),
      launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`test:desktop: ${err instanceof Error ? err.message : err}`);
  console.error('Without internet, set VSCODE_EXECUTABLE_PATH to an installed VS Code (1.100 or later).');
  process.exit(1);
});
