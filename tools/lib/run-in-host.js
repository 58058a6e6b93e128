// Runs a compiled mocha suite (a module exporting `run()`) inside a real VS Code extension host: code-server
// on loopback, its workbench opened in headless Chromium. Resolves with the suite's exit code and the counts
// the suite reports on its result line.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');
const host = require('./host');

const RESULT_PREFIX = 'NEWSMARK_RESULT ';

/**
 * @param {object} o
 * @param {string} o.testsEntry absolute path of the compiled suite entry
 * @param {string} o.workspace absolute path of the folder to open
 * @param {string} [o.extensionPath] the extension under development (omit to test an installed package)
 * @param {string} [o.extensionsDir] extensions folder (an installed .vsix lives here)
 * @param {number} [o.timeoutMs]
 * @param {Record<string,string>} [o.env] extra environment for code-server (and so the extension host)
 * @param {Record<string,unknown>} [o.userSettings] user settings on top of the test defaults
 * @param {(page: import('playwright-core').Page, port: number) => Promise<void>} [o.whileRunning] hook run once the workbench is open
 * @param {(line: string, page: import('playwright-core').Page) => boolean} [o.onLine] sees each log line first; true swallows it
 */
async function runSuiteInHost(o) {
  host.ensureHost();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-host-'));
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = o.extensionsDir || path.join(scratch, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir, o.userSettings);
  const timeoutMs = o.timeoutMs || 10 * 60_000;

  let server;
  let browser;
  let timer;
  const counts = { passed: 0, failed: 0, skipped: 0, reported: false };
  try {
    Object.assign(process.env, o.env || {});
    const workspaceTrust = o.userSettings?.['security.workspace.trust.enabled'] === true;
    server = await host.startCodeServer({ workspace: o.workspace, userDataDir, extensionsDir, workspaceTrust });
    browser = await host.launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const exitCode = new Promise((resolve) => {
      page.exposeFunction('codeAutomationLog', (type, args) => {
        const text = util.format(...(Array.isArray(args) ? args : [args]));
        for (const line of text.split('\n')) {
          if (o.onLine && o.onLine(line, page)) continue;
          if (line.startsWith(RESULT_PREFIX)) {
            Object.assign(counts, JSON.parse(line.slice(RESULT_PREFIX.length)), { reported: true });
          } else if (!isNoise(line)) {
            process.stdout.write(`${line}\n`);
          }
        }
      });
      page.exposeFunction('codeAutomationExit', (code) => resolve(code));
      timer = setTimeout(() => {
        process.stdout.write(`[newsmark host] the suite did not finish within ${timeoutMs / 1000} s\n`);
        resolve(124);
      }, timeoutMs);
    });
    const payload = [['extensionTestsPath', remoteUri(server.port, o.testsEntry)], ['skipWelcome', 'true']];
    if (o.extensionPath) payload.unshift(['extensionDevelopmentPath', remoteUri(server.port, o.extensionPath)]);
    await page.goto(host.workbenchUrl(server.port, o.workspace, payload));
    if (o.whileRunning) await o.whileRunning(page, server.port);
    return { code: await exitCode, counts };
  } finally {
    clearTimeout(timer);
    if (browser) await browser.close().catch(() => undefined);
    if (server) server.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function remoteUri(port, absPath) {
  return `vscode-remote://127.0.0.1:${port}${absPath}`;
}

// Messages of the closed network and of the web build's missing optional files, not of our tests.
// The workbench's own chatter is dropped too: only the suites' output is worth reading.
function isNoise(line) {
  return (
    /gallery|vsda|marketplace|open-vsx|ERR_NAME_NOT_RESOLVED|Failed to fetch|update\.code|\/static\/out\//i.test(line) ||
    /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin|\[Service Worker\]|ChatSessionStore|Started local extension host|Extension host)/.test(line.trim())
  );
}

function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'telemetry.telemetryLevel': 'off',
        'security.workspace.trust.enabled': false,
        'update.mode': 'none',
        'git.enabled': false,
        'window.commandCenter': false,
        ...extra,
      },
      null,
      2,
    ),
  );
}

/** A scratch copy of the sample corpus: in-host suites write sidecars and must not touch samples/. */
function scratchCorpus(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `newsmark-${name}-`));
  const ws = path.join(dir, 'samples');
  fs.cpSync(path.join(host.ROOT, 'samples'), ws, { recursive: true });
  return { ws, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

module.exports = { runSuiteInHost, scratchCorpus, RESULT_PREFIX };
