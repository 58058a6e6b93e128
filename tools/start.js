#!/usr/bin/env node
// `npm start [-- CORPUS_DIR] [--port N]`: builds Newsmark, installs it into a local VS Code (code-server, set up
// on first use) and serves that VS Code on loopback with the corpus open. Ctrl+C stops it.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const host = require('./lib/host');

function parseArgs(argv) {
  const opts = { port: 8080, corpus: path.join(host.ROOT, 'samples') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--port') opts.port = Number(argv[++i]);
    else if (argv[i] === '--help' || argv[i] === '-h') opts.help = true;
    else opts.corpus = path.resolve(argv[i]);
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    console.log('usage: npm start [-- CORPUS_DIR] [--port N]   (default: the sample corpus in samples/, port 8080)');
    return;
  }
  if (!Number.isInteger(opts.port) || opts.port <= 0 || opts.port > 65535) throw new Error('--port needs a port number');
  if (!fs.existsSync(opts.corpus) || !fs.statSync(opts.corpus).isDirectory()) throw new Error(`not a folder: ${opts.corpus}`);

  host.ensureHost();
  const stateDir = path.join(host.HOST_DIR, 'start');
  const extensionsDir = path.join(stateDir, 'extensions');
  const userDataDir = path.join(stateDir, 'user-data');
  fs.mkdirSync(extensionsDir, { recursive: true });

  host.log('building and packaging Newsmark');
  const vsix = path.join(stateDir, 'newsmark.vsix');
  const build = spawnSync(process.execPath, ['esbuild.js', '--production'], { cwd: host.ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  const pack = spawnSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', vsix], { cwd: host.ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (pack.status !== 0) throw new Error('vsce package failed');
  spawnSync(process.execPath, ['esbuild.js'], { cwd: host.ROOT, stdio: 'inherit' }); // keep the dev build in dist/
  host.installVsix(vsix, extensionsDir, userDataDir);

  const server = await host.startCodeServer({ workspace: opts.corpus, port: opts.port, userDataDir, extensionsDir, quiet: true });
  const url = `http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(opts.corpus)}`;
  console.log(`\nNewsmark is running in VS Code on ${opts.corpus}\nOpen ${url}\n(Ctrl+C to stop)`);
  const stop = () => {
    server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.proc.on('exit', (code) => {
    console.error(`code-server exited (${code})\n${server.output.slice(-20).join('')}`);
    process.exit(1);
  });
}

main().catch((err) => {
  console.error(`npm start: ${err.message}`);
  process.exit(1);
});
