// Entry of the `newsmark` command-line tool (bundled to dist/cli.js; dist/worker.js sits beside it).

import { runCli } from './cli/main';
import { workerBesides } from './cli/env';
import { Reporter } from './cli/report';
import { findExtensionRoot } from './node/lexicons';

// `newsmark detect ... | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const io = { stdout: process.stdout, stderr: process.stderr };
const extensionRoot = findExtensionRoot(__dirname) ?? process.cwd();
runCli(process.argv.slice(2), { io, reporter: new Reporter(io), extensionRoot, workerFile: workerBesides(__dirname) }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`newsmark: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
