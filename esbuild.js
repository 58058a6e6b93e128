// Bundles the extension, the CLI, its worker and the integration tests. `--production` minifies; `--watch` rebuilds.
const esbuild = require('esbuild');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  absWorkingDir: __dirname,
  // jsonc-parser's UMD build requires its parts at run time; its ES module build bundles.
  mainFields: ['module', 'main'],
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['src/cli/worker.ts'], outfile: 'dist/worker.js' },
  { ...common, entryPoints: ['src/node/analysisWorker.ts'], outfile: 'dist/analysis-worker.js' },
];
if (!production) {
  // The in-host suites (integration, package): one bundle per file; mocha and vscode come from the host side.
  const fs = require('node:fs');
  const entries = [];
  for (const dir of ['test/integration', 'test/untrusted', 'test/package', 'test/bench', 'test/screenshots']) {
    if (!fs.existsSync(path.join(__dirname, dir))) continue;
    for (const f of fs.readdirSync(path.join(__dirname, dir))) if (f.endsWith('.ts')) entries.push(`${dir}/${f}`);
  }
  if (entries.length) builds.push({ ...common, entryPoints: entries, outdir: 'out', outbase: '.', external: ['vscode', 'mocha'] });
}

async function main() {
  const fs = require('node:fs');
  const existing = builds.filter((b) => b.entryPoints.every((e) => fs.existsSync(path.join(__dirname, e))));
  if (watch) {
    for (const b of existing) await (await esbuild.context(b)).watch();
    return;
  }
  await Promise.all(existing.map((b) => esbuild.build(b)));
  fs.chmodSync(path.join(__dirname, 'dist/cli.js'), 0o755);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
