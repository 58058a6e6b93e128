// The local VS Code used by `npm start` and the integration tests: code-server (VS Code 1.100.3, the newest
// that runs on Node 20) driven by Debian's Chromium. Installed on first use into .vscode-test/, idempotently.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
const { spawn, spawnSync, execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const HOST_DIR = process.env.NEWSMARK_HOST_DIR || path.join(ROOT, '.vscode-test');
const CODE_SERVER_VERSION = '4.100.3';
const RIPGREP_PACKAGE_VERSION = '1.15.11'; // the @vscode/ripgrep that code-server 4.100.3 pins
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const CODE_SERVER_DIR = path.join(HOST_DIR, 'code-server');
const CODE_SERVER_BIN = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.NEWSMARK_CHROMIUM || '/usr/bin/chromium';
const DEBIAN_PACKAGES = [
  { pkg: 'chromium', present: () => fs.existsSync(CHROMIUM) },
  { pkg: 'ripgrep', present: () => fs.existsSync('/usr/bin/rg') },
  { pkg: 'libkrb5-dev', present: () => fs.existsSync('/usr/include/krb5.h') || fs.existsSync('/usr/include/gssapi/gssapi.h') },
  { pkg: 'fonts-noto-core', present: () => fs.existsSync('/usr/share/fonts/truetype/noto') },
  { pkg: 'fonts-noto-mono', present: () => fs.existsSync('/usr/share/fonts/truetype/noto/NotoMono-Regular.ttf') },
];

function log(msg) {
  process.stderr.write(`[newsmark host] ${msg}\n`);
}

function ensureDebianPackages() {
  const missing = DEBIAN_PACKAGES.filter((p) => !p.present()).map((p) => p.pkg);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(`Missing Debian packages: ${missing.join(' ')}. Install them with:\n  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-q'], { env });
  run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { env });
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with status ${r.status}`);
}

// @vscode/ripgrep downloads ripgrep in its postinstall; a cached archive makes it skip the download.
function seedRipgrepCache() {
  const cacheDir = path.join(os.tmpdir(), `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const archive = path.join(cacheDir, RIPGREP_ARCHIVE);
  if (fs.existsSync(archive)) return;
  fs.mkdirSync(cacheDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-rg-'));
  fs.copyFileSync('/usr/bin/rg', path.join(staging, 'rg'));
  fs.chmodSync(path.join(staging, 'rg'), 0o755);
  run('tar', ['-czf', archive, '-C', staging, 'rg']);
  fs.rmSync(staging, { recursive: true, force: true });
}

// Files that exist only once code-server's postinstall has built VS Code's native modules.
function postinstallDone() {
  const vscodeDir = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'lib', 'vscode');
  return (
    fs.existsSync(CODE_SERVER_BIN) &&
    fs.existsSync(path.join(vscodeDir, 'node_modules.asar')) &&
    fs.existsSync(path.join(vscodeDir, 'node_modules', '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node')) &&
    fs.existsSync(path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'))
  );
}

function codeServerInstalled() {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'package.json'), 'utf8'));
    return pkg.version === CODE_SERVER_VERSION && postinstallDone() && fs.existsSync(path.join(CODE_SERVER_DIR, '.complete'));
  } catch {
    return false;
  }
}

function ensureCodeServer() {
  if (codeServerInstalled()) return;
  seedRipgrepCache();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${path.relative(ROOT, CODE_SERVER_DIR)} (about a minute)`);
  fs.mkdirSync(CODE_SERVER_DIR, { recursive: true });
  fs.rmSync(path.join(CODE_SERVER_DIR, '.complete'), { force: true });
  if (!fs.existsSync(path.join(CODE_SERVER_DIR, 'package.json'))) {
    fs.writeFileSync(path.join(CODE_SERVER_DIR, 'package.json'), JSON.stringify({ name: 'newsmark-test-host', private: true }, null, 2));
  }
  fs.rmSync(path.join(CODE_SERVER_DIR, 'node_modules'), { recursive: true, force: true }); // a half-built install
  // unsafe_perm: code-server's postinstall refuses to run as root without it; yes: a postinstall calls npx;
  // dangerously_allow_all_scripts: npm 11 skips dependency install scripts unless allowed, and code-server
  // builds its native modules in nested installs (older npm ignores the setting and runs them anyway).
  run('npm', ['install', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: CODE_SERVER_DIR,
    env: { ...process.env, npm_config_yes: 'true', npm_config_unsafe_perm: 'true', npm_config_dangerously_allow_all_scripts: 'true' },
  });
  if (!fs.existsSync(CODE_SERVER_BIN)) throw new Error(`code-server installed but ${CODE_SERVER_BIN} is missing`);
  if (!postinstallDone()) {
    // npm versions that skip dependency install scripts leave code-server unbuilt: run its postinstall ourselves.
    log('running code-server postinstall (native modules)');
    run('sh', ['./postinstall.sh'], {
      cwd: path.join(CODE_SERVER_DIR, 'node_modules', 'code-server'),
      env: { ...process.env, npm_config_yes: 'true', npm_config_unsafe_perm: 'true', npm_config_dangerously_allow_all_scripts: 'true', npm_config_user_agent: `npm node/${process.version} linux x64` },
    });
  }
  if (!postinstallDone()) throw new Error('code-server postinstall did not build its native modules; see the output above');
  fs.writeFileSync(path.join(CODE_SERVER_DIR, '.complete'), CODE_SERVER_VERSION);
}

function ensureHost() {
  ensureDebianPackages();
  ensureCodeServer();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const sock = net.connect(port, '127.0.0.1');
      sock.once('connect', () => {
        sock.destroy();
        resolve();
      });
      sock.once('error', () => {
        sock.destroy();
        if (Date.now() > deadline) reject(new Error(`code-server did not listen on port ${port} within ${timeoutMs} ms`));
        else setTimeout(attempt, 200);
      });
    };
    attempt();
  });
}

/**
 * Starts code-server on loopback; resolves once it listens. Returns { port, proc, stop() }. Workspace trust
 * is off unless `workspaceTrust` (then the user settings decide, as for a user).
 */
async function startCodeServer({ workspace, port, userDataDir, extensionsDir, quiet = true, extraArgs = [], workspaceTrust = false }) {
  port = port || (await freePort());
  const args = [
    CODE_SERVER_BIN,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...extraArgs,
  ];
  if (workspace) args.push(workspace);
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const output = [];
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
    if (!quiet) process.stderr.write(chunk);
  };
  proc.stdout.on('data', keep);
  proc.stderr.on('data', keep);
  let exited = false;
  proc.on('exit', () => (exited = true));
  try {
    await waitForPort(port, 60_000);
  } catch (err) {
    killTree(proc);
    throw new Error(`${err.message}\n${output.join('')}`);
  }
  return {
    port,
    proc,
    output,
    stop: () => {
      if (!exited) killTree(proc);
    },
  };
}

function killTree(proc) {
  try {
    process.kill(-proc.pid, 'SIGKILL');
  } catch {
    try {
      proc.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

async function launchChromium() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Installs a .vsix into an extensions folder the way a user would. */
function installVsix(vsix, extensionsDir, userDataDir) {
  execFileSync(process.execPath, [CODE_SERVER_BIN, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

function workbenchUrl(port, folder, payload) {
  let url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

module.exports = { ROOT, HOST_DIR, ensureHost, startCodeServer, launchChromium, installVsix, workbenchUrl, freePort, log };
