// Command-line parsing on top of node:util parseArgs: unknown options and missing values become
// UsageErrors (exit status 2), and the few value types the commands need are checked here.

import * as os from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './report';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
}

export function parseCommandLine(argv: readonly string[], options: OptionSpec): ParsedArgs {
  try {
    const parsed = parseArgs({ args: [...argv], options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { positionals: parsed.positionals, values: parsed.values as ParsedArgs['values'] };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function requiredOption(args: ParsedArgs, name: string): string {
  const value = stringOption(args, name);
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

/** Every value of a repeatable option (`multiple: true`), in order. */
export function repeatedOption(args: ParsedArgs, name: string): string[] {
  const value = args.values[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

/** A comma-separated list ("a,b"); empty items are dropped. */
export function listOption(args: ParsedArgs, name: string): string[] | undefined {
  const value = stringOption(args, name);
  if (value === undefined) return undefined;
  return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

export function choiceOption<T extends string>(args: ParsedArgs, name: string, choices: readonly T[], fallback: T): T {
  const value = stringOption(args, name);
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${choices.join(', ')} (got "${value}")`);
  return value as T;
}

/** --jobs N: a positive integer, by default the number of cores. */
export function jobsOption(args: ParsedArgs): number {
  const value = stringOption(args, 'jobs');
  if (value === undefined) return Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`--jobs must be a positive whole number (got "${value}")`);
  return Number(value);
}

export interface Shard {
  /** 0-based. */
  index: number;
  count: number;
}

/** --shard I/N with 1 <= I <= N. */
export function shardOption(args: ParsedArgs): Shard | undefined {
  const value = stringOption(args, 'shard');
  if (value === undefined) return undefined;
  const match = /^([1-9]\d*)\/([1-9]\d*)$/.exec(value);
  if (!match || Number(match[1]) > Number(match[2])) throw new UsageError(`--shard must be I/N with 1 <= I <= N (got "${value}")`);
  return { index: Number(match[1]) - 1, count: Number(match[2]) };
}
