// Entry of the in-host suite: VS Code's extension host calls run(); every *.test.js beside this file is a suite.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export const RESULT_PREFIX = 'NEWSMARK_RESULT ';

export function runSuitesIn(dir: string, timeoutMs = 60_000): Promise<void> {
  // NEWSMARK_TEST_GREP runs only the tests whose titles match (while working on one suite).
  const grep = process.env.NEWSMARK_TEST_GREP;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: timeoutMs, reporter: 'spec', ...(grep ? { grep } : {}) });
  for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
      console.log(`${RESULT_PREFIX}${JSON.stringify({ passed: stats.passes, failed: stats.failures, skipped: stats.pending })}`);
      if (failures > 0) reject(new Error(`${failures} in-host test(s) failed`));
      else resolve();
    });
  });
}

export function run(): Promise<void> {
  return runSuitesIn(__dirname);
}
