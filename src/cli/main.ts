// Dispatch of `newsmark <command>`: help, exit statuses (0 ok, 1 problems, 2 usage) and the last-resort
// handler that turns an unexpected exception into one line on stderr.

import { agreeCommand } from './agree';
import { detectCommand } from './detect';
import type { CliEnv } from './env';
import { evalCommand } from './eval';
import { exportCommand } from './export';
import { COMMAND_HELP, MAIN_HELP } from './help';
import { importCommand } from './import';
import { UsageError } from './report';
import { statsCommand } from './stats';
import { trainCommand } from './train';
import { SettingsError } from './workspace';

const COMMANDS: Record<string, (argv: readonly string[], env: CliEnv) => Promise<number>> = {
  agree: agreeCommand,
  detect: detectCommand,
  eval: evalCommand,
  export: exportCommand,
  import: importCommand,
  stats: statsCommand,
  train: trainCommand,
};

export async function runCli(argv: readonly string[], env: CliEnv): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    env.io.stderr.write(MAIN_HELP);
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    const topic = command === 'help' ? rest[0] : undefined;
    env.io.stdout.write(topic && COMMAND_HELP[topic] ? COMMAND_HELP[topic] : MAIN_HELP);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    env.io.stderr.write(`newsmark: unknown command "${command}"\n\n${MAIN_HELP}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    env.io.stdout.write(COMMAND_HELP[command]);
    return 0;
  }
  try {
    return await run(rest, env);
  } catch (error) {
    env.reporter.endProgress();
    if (error instanceof SettingsError) return 1; // already reported, with its place in the file
    if (error instanceof UsageError) {
      env.io.stderr.write(`newsmark ${command}: ${error.message}\nRun "newsmark ${command} --help" for usage.\n`);
      return 2;
    }
    env.io.stderr.write(`newsmark ${command}: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

