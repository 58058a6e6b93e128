#!/usr/bin/env node
// Body detection timed in several checkouts side by side: rounds of the body bench module, one checkout
// after the other in each round, so that a noisy machine slows them alike. Writes the runs and medians.
//
//   node research/bench-ab.js ROUNDS OUT.json "what was compared" DIR=HARNESS [DIR=HARNESS ...]
//
// DIR: a checkout (a git worktree with node_modules); HARNESS: its body bench module, relative to it
// (research/bench/detect-body.ts; scripts/bench/detect-body.ts before 0e35586).
'use strict';

const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const [rounds, out, what, ...pairs] = process.argv.slice(2);
if (!rounds || !out || !what || pairs.length === 0) {
  console.error('usage: node research/bench-ab.js ROUNDS OUT.json "what" DIR=HARNESS [DIR=HARNESS ...]');
  process.exit(2);
}
const checkouts = pairs.map((pair) => {
  const [dir, harness] = pair.split('=');
  return { dir, harness, commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim(), runs: [] };
});

const ROW = /^(?:ok {2}|FAIL) (body detection[^:]*): ([\d.]+ \S+)/;
for (let round = 0; round < Number(rounds); round++) {
  for (const checkout of checkouts) {
    const run = spawnSync(path.join('node_modules', '.bin', 'tsx'), [checkout.harness], { cwd: checkout.dir, encoding: 'utf8' });
    const rows = {};
    for (const line of run.stdout.split('\n')) {
      const match = ROW.exec(line);
      if (match) rows[match[1]] = match[2];
    }
    checkout.runs.push(rows);
    console.log(round, checkout.commit, JSON.stringify(rows));
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const result = {
  what,
  command: `node research/bench-ab.js ${process.argv.slice(2).map((arg) => JSON.stringify(arg)).join(' ')}`,
  machine: os.hostname(),
  cpus: os.cpus().length,
  load_at_end: os.loadavg().map((load) => Math.round(load * 100) / 100),
  rounds: Number(rounds),
  checkouts: checkouts.map(({ commit, harness, runs }) => ({
    commit,
    harness,
    runs,
    median: Object.fromEntries(Object.keys(runs[0] ?? {}).map((name) => [name, median(runs.map((rows) => parseFloat(rows[name])))])),
  })),
};
fs.writeFileSync(out, `${JSON.stringify(result, null, 1)}\n`);
for (const checkout of result.checkouts) console.log(checkout.commit, JSON.stringify(checkout.median));
