// Model files for the CLI: `--model FILE` of detect and eval, the output of `newsmark train`.

import * as fs from 'node:fs';
import { ModelFileError, SpanLearner } from '../core/learn/learner';
import { writeFileAtomic } from '../node/files';
import { type ParsedArgs, stringOption } from './args';
import type { CliEnv } from './env';

/** The learner of a model file; problems are reported and give undefined. */
export function readModelFile(file: string, env: CliEnv): SpanLearner | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    env.reporter.error(file, 1, 1, `cannot read the model: ${(error as Error).message}`);
    return undefined;
  }
  try {
    return SpanLearner.fromJSON(raw);
  } catch (error) {
    if (!(error instanceof ModelFileError)) throw error;
    env.reporter.error(file, 1, 1, error.message);
    return undefined;
  }
}

/** The model of `--model FILE`: undefined without the option, null when the file cannot be used (reported). */
export function readModelOption(args: ParsedArgs, env: CliEnv): SpanLearner | undefined | null {
  const file = stringOption(args, 'model');
  if (file === undefined) return undefined;
  return readModelFile(file, env) ?? null;
}

export function writeModelFile(file: string, learner: SpanLearner): void {
  writeFileAtomic(file, `${JSON.stringify(learner.toJSON())}\n`);
}
