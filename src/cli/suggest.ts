// `--suggester CMD` / `--suggester-url URL` of `newsmark detect`: external suggesters asked about every page
// beside the detectors. A suggester's problems go to stderr once each, with its name, and cost only its own
// suggestions; at the end of the run a line says how many pages each one missed.

import type { DocumentAnalysis } from '../core/detect/analyse';
import type { Suggestion } from '../core/model/types';
import {
  type SuggesterConfig, suggesterFromCommandArg, suggesterFromUrlArg, uniqueNames, withSuggestions,
} from '../core/suggesters/index';
import { Suggester } from '../node/suggesters';
import { type OptionSpec, type ParsedArgs, repeatedOption } from './args';
import { type Reporter, UsageError } from './report';

export const SUGGESTER_OPTIONS: OptionSpec = {
  suggester: { type: 'string', multiple: true },
  'suggester-url': { type: 'string', multiple: true },
};

/** What the suggesters said about one page. */
export interface PageSuggestions {
  suggestions: Suggestion[];
  /** Per suggester, in the order given: whether it answered, and its body lines if it gave any. */
  suggesters: Array<{ name: string; answered: boolean; body_lines?: number[] }>;
}

export class CliSuggesters {
  private constructor(private readonly suggesters: Suggester[], private readonly reporter: Reporter) {}

  /** The suggesters of the command line (none: undefined). Bad values are usage errors. */
  static fromArgs(args: ParsedArgs, reporter: Reporter, pathOf: (id: string) => string): CliSuggesters | undefined {
    const configs: SuggesterConfig[] = [];
    const read = (option: string, parse: (value: string) => SuggesterConfig) => {
      for (const value of repeatedOption(args, option)) {
        try {
          configs.push(parse(value));
        } catch (error) {
          throw new UsageError(`--${option} ${JSON.stringify(value)}: ${(error as Error).message}`);
        }
      }
    };
    read('suggester', suggesterFromCommandArg);
    read('suggester-url', suggesterFromUrlArg);
    if (configs.length === 0) return undefined;
    uniqueNames(configs);
    const suggesters = configs.map((config) => new Suggester(config, { patient: true, cwd: process.cwd() }, {
      problem: (message, page) => {
        if (page !== undefined) reporter.error(pathOf(page), 1, 1, `suggester "${config.name}" ${message}`);
        else reporter.generalError(`suggester "${config.name}" ${message}`);
      },
    }));
    return new CliSuggesters(suggesters, reporter);
  }

  /** Asks every suggester about one page (they work in parallel, each one page at a time). */
  async ask(id: string, text: string): Promise<PageSuggestions> {
    const outcomes = await Promise.all(this.suggesters.map((s) => s.suggest({ id, text })));
    const page: PageSuggestions = { suggestions: [], suggesters: [] };
    outcomes.forEach((outcome, i) => {
      const entry: PageSuggestions['suggesters'][number] = { name: this.suggesters[i].name, answered: outcome.ok };
      if (outcome.ok) {
        page.suggestions.push(...outcome.answer.suggestions);
        if (outcome.answer.bodyLines) entry.body_lines = outcome.answer.bodyLines;
      }
      page.suggesters.push(entry);
    });
    return page;
  }

  /** Ends the programs; says how each suggester did when something went wrong. */
  async close(): Promise<void> {
    for (const s of this.suggesters) {
      const summary = s.summary();
      if (summary) this.reporter.generalWarning(`suggester "${s.name}" ${summary}`);
    }
    await Promise.all(this.suggesters.map((s) => s.dispose()));
  }
}

/** The detectors' analysis with the suggesters' suggestions added. */
export function withPageSuggestions(analysis: DocumentAnalysis, page: PageSuggestions | undefined): DocumentAnalysis {
  return page ? withSuggestions(analysis, page.suggestions) : analysis;
}
