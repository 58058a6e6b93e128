#!/usr/bin/env node
// `npm test`: every tier, one summary line. Tiers: static (type-check, lint, import cycles), unit (node:test over core),
// integration (mocha inside a real VS Code extension host), package (the .vsix installed like a user would).
// `--only TIER[,TIER]` runs some of them.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { runSuiteInHost, scratchCorpus } = require('./lib/run-in-host');
const host = require('./lib/host');

const ROOT = path.resolve(__dirname, '..');
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? process.argv[onlyArg + 1].split(',') : ['static', 'unit', 'integration', 'package'];
const totals = { passed: 0, failed: 0, skipped: 0 };

function banner(title) {
  process.stdout.write(`\n=== ${title} ===\n`);
}

function sh(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
}

function build() {
  if (sh(process.execPath, ['esbuild.js']).status !== 0) throw new Error('build failed');
}

function staticChecks() {
  banner('static: type-check and lint');
  for (const [name, args] of [
    ['type-check (tsc --noEmit)', [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', '.']],
    ['lint (eslint)', [path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), 'src', 'test', 'tools', 'research']],
    ['no import cycles in src/', [path.join(ROOT, 'tools', 'check-cycles.js')]],
  ]) {
    const ok = sh(process.execPath, args).status === 0;
    process.stdout.write(`${ok ? 'ok' : 'FAILED'}: ${name}\n`);
    totals[ok ? 'passed' : 'failed']++;
  }
}

function listFiles(dir, suffix) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith(suffix)).map((f) => path.join(dir, f)).sort();
}

function unit() {
  banner('unit: node:test over src/core');
  const files = listFiles(path.join(ROOT, 'test', 'unit'), '.test.ts');
  const tap = path.join(os.tmpdir(), `newsmark-unit-${process.pid}.tap`);
  const r = sh(process.execPath, [
    '--import', 'tsx', '--test', '--test-concurrency=2',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  const counts = readTapCounts(tap);
  fs.rmSync(tap, { force: true });
  if (r.status !== 0 && counts.failed === 0) counts.failed = 1; // a crash outside any test still fails the tier
  add(counts, 'unit');
}

function readTapCounts(file) {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const last = (key) => {
    const m = [...text.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))].pop();
    return m ? Number(m[1]) : 0;
  };
  return { passed: last('pass'), failed: last('fail') + last('cancelled'), skipped: last('skipped') + last('todo') };
}

function add(counts, label) {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped || 0;
  if (label) process.stdout.write(`${label}: ${counts.passed} passed, ${counts.failed} failed\n`);
}

async function inHost(tier, { testsEntry, extensionPath, extensionsDir, userSettings, workspaceSettings }) {
  const { ws, cleanup } = scratchCorpus(tier);
  try {
    if (workspaceSettings) {
      fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
      fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify(workspaceSettings(ws), null, 2));
    }
    const settings = typeof userSettings === 'function' ? userSettings(ws) : userSettings;
    const { code, counts } = await runSuiteInHost({ testsEntry, workspace: ws, extensionPath, extensionsDir, userSettings: settings, timeoutMs: 15 * 60_000 });
    if (!counts.reported || (code !== 0 && counts.failed === 0)) {
      process.stdout.write(`${tier}: the suite ended with code ${code} without a full report\n`);
      counts.failed = Math.max(counts.failed, 1);
    }
    add(counts, tier);
  } finally {
    cleanup();
  }
}

async function integration() {
  banner('integration: mocha in a real VS Code extension host (code-server)');
  await inHost('integration', { testsEntry: path.join(ROOT, 'out/test/integration/index.js'), extensionPath: ROOT });
  // The same host with workspace trust on and the folder not trusted (restricted mode), and a program
  // suggester in the user settings that must not start there.
  await inHost('integration (untrusted workspace)', {
    testsEntry: path.join(ROOT, 'out/test/untrusted/index.js'),
    extensionPath: ROOT,
    userSettings: (ws) => ({
      'security.workspace.trust.enabled': true,
      'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.untrustedFiles': 'open',
      'newsmark.suggesters': [{ name: 'program', command: `python3 ${path.join(ROOT, 'test/fixtures/suggesters/misbehaving.py')} good ${path.join(ws, 'program.started')}` }],
    }),
    // What an untrusted folder could set to make Newsmark read other files, refuse its sidecars or open
    // another file: ignored until the folder is trusted (test/untrusted/settings.test.ts).
    workspaceSettings: () => ({
      'newsmark.corpus': ['**/no-such-page-*.txt'],
      'newsmark.guidelines': 'workspace-guidelines.md',
      'newsmark.sidecars.maxSizeMB': 0.0001,
    }),
  });
}

/** The .vsix is small and ships only what users run (the .vscodeignore allow-list works). */
function checkPackageContents(vsix) {
  const size = fs.statSync(vsix).size;
  const small = size < 3 * 1024 * 1024;
  process.stdout.write(`${small ? 'ok' : 'FAILED'}: .vsix is ${(size / 1024).toFixed(0)} KB (limit 3 MB)\n`);
  const ls = spawnSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  const files = ls.stdout.split('\n').filter(Boolean);
  const leaked = files.filter((f) => /^(src|test|node_modules|tools|research|eval|samples|\.vscode-test)\//.test(f) || f.endsWith('.map'));
  const clean = ls.status === 0 && files.length > 0 && leaked.length === 0;
  process.stdout.write(`${clean ? 'ok' : 'FAILED'}: the package holds ${files.length} files and no sources, tests or node_modules${leaked.length ? ` (found: ${leaked.slice(0, 5).join(', ')})` : ''}\n`);
  add({ passed: Number(small) + Number(clean), failed: Number(!small) + Number(!clean) });
}

async function packageTier() {
  banner('package: the .vsix, installed like a user would');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-vsix-'));
  const vsix = path.join(dir, 'newsmark.vsix');
  try {
    if (sh(process.execPath, ['esbuild.js', '--production']).status !== 0) throw new Error('production build failed');
    const vsce = sh(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', vsix]);
    if (vsce.status !== 0) throw new Error('vsce package failed');
    checkPackageContents(vsix);
    const extensionsDir = path.join(dir, 'extensions');
    host.ensureHost();
    host.installVsix(vsix, extensionsDir, path.join(dir, 'user-data'));
    const stub = path.join(ROOT, 'test/package/stub-extension');
    await inHost('package', { testsEntry: path.join(ROOT, 'out/test/package/index.js'), extensionPath: stub, extensionsDir });
  } catch (err) {
    process.stdout.write(`package: ${err.message}\n`);
    add({ passed: 0, failed: 1 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    build(); // leave the development build in dist/
  }
}

async function main() {
  const started = Date.now();
  try {
    build();
    if (only.includes('static')) staticChecks();
    if (only.includes('unit')) unit();
    if (only.includes('integration')) await integration();
    if (only.includes('package')) await packageTier();
  } catch (err) {
    process.stdout.write(`\n${err.stack || err}\n`);
    totals.failed++;
  }
  process.stdout.write(`\n(${Math.round((Date.now() - started) / 1000)} s)\n`);
  process.stdout.write(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}\n`);
  process.exit(totals.failed > 0 ? 1 : 0);
}

main();
