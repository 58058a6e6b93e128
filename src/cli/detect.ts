// `newsmark detect`: corpus statistics from every document (pass 1), then one analysis per document
// (pass 2), in this thread or in worker threads, printed in path order as soon as each is ready.

import * as fs from 'node:fs';
import { flag, jobsOption, listOption, parseCommandLine, shardOption, stringOption } from './args';
import { analyseText, analysisContext, buildCorpus, detectionJson, detectionSummary, type DetectSettings } from './analysis';
import { type CliEnv, loadLexicons, writeOut } from './env';
import { runInWorkers } from './pool';
import { UsageError } from './report';
import { listCorpus } from './walk';

export async function detectCommand(argv: readonly string[], env: CliEnv): Promise<number> {
  const args = parseCommandLine(argv, {
    json: { type: 'boolean' },
    glob: { type: 'string' },
    shard: { type: 'string' },
    jobs: { type: 'string' },
    lexicons: { type: 'string' },
    'relative-dates': { type: 'boolean' },
  });
  if (args.positionals.length === 0) throw new UsageError('detect needs at least one file or folder');
  const json = flag(args, 'json');
  const shard = shardOption(args);
  const jobs = jobsOption(args);
  const settings: DetectSettings = { relativeDates: flag(args, 'relative-dates') };
  const { reporter } = env;

  const files = listCorpus(args.positionals, stringOption(args, 'glob') ?? '*.txt', reporter);
  const lexicons = loadLexicons(env, listOption(args, 'lexicons') ?? []);
  const { corpus, acceptances } = buildCorpus(files, reporter, true);

  const selected = files.map((file) => file.path).filter((_, index) => !shard || index % shard.count === shard.index);
  const format = (path: string, text: string, analysis: ReturnType<typeof analyseText>): string =>
    json ? detectionJson(path, analysis) : detectionSummary(path, text, analysis);

  if (jobs > 1 && env.workerFile && selected.length > 1) {
    const init = { corpus: corpus.toJSON(), lexicons: lexicons.files, acceptances, settings, json };
    await runInWorkers(env.workerFile, init, jobs, selected, async (index, result) => {
      reporter.progress('analysing', index + 1, selected.length);
      if (result.error !== undefined) reporter.error(selected[index], 1, 1, result.error);
      else await writeOut(env, result.output ?? '');
    });
  } else {
    const ctx = analysisContext(corpus, lexicons.stopwords, lexicons.entities, acceptances, settings);
    for (let index = 0; index < selected.length; index++) {
      const path = selected[index];
      reporter.progress('analysing', index + 1, selected.length);
      let text: string;
      try {
        text = fs.readFileSync(path, 'utf8');
      } catch (error) {
        reporter.error(path, 1, 1, `cannot read: ${(error as Error).message}`);
        continue;
      }
      await writeOut(env, format(path, text, analyseText(path, text, ctx)));
    }
  }
  reporter.endProgress();
  return reporter.errors > 0 ? 1 : 0;
}
