// `newsmark detect`: corpus statistics from every document (pass 1), then one analysis per document
// (pass 2), in this thread or in worker threads, printed in path order as soon as each is ready.

import { choiceOption, flag, jobsOption, parseCommandLine, shardOption } from './args';
import { analyseText, DATE_RANGE_CHOICES, detectionJson, detectionSummary, type DetectSettings, learnedCorpus } from './analysis';
import { type CliEnv, loadLexicons, writeOut } from './env';
import { readModelOption } from './model';
import { type DetectWorkerInit, runInWorkers } from './pool';
import { readPageReported } from './pages';
import { UsageError } from './report';
import { CliSuggesters, type PageSuggestions, SUGGESTER_OPTIONS, withPageSuggestions } from './suggest';
import { listCorpus } from './walk';
import { openWorkspace, WORKSPACE_OPTIONS } from './workspace';

export async function detectCommand(argv: readonly string[], env: CliEnv): Promise<number> {
  const args = parseCommandLine(argv, {
    json: { type: 'boolean' },
    glob: { type: 'string' },
    shard: { type: 'string' },
    jobs: { type: 'string' },
    lexicons: { type: 'string' },
    'relative-dates': { type: 'boolean' },
    ...SUGGESTER_OPTIONS,
    'date-ranges': { type: 'string' },
    model: { type: 'string' },
    ...WORKSPACE_OPTIONS,
  });
  if (args.positionals.length === 0) throw new UsageError('detect needs at least one file or folder');
  const json = flag(args, 'json');
  const shard = shardOption(args);
  const jobs = jobsOption(args);
  const settings: DetectSettings = { relativeDates: flag(args, 'relative-dates'), dateRanges: choiceOption(args, 'date-ranges', DATE_RANGE_CHOICES, 'whole') };
  const { reporter } = env;

  // The workspace of the first path: its settings and sidecar layout hold for every path named.
  const ws = openWorkspace(args.positionals[0], args, reporter);
  const files = listCorpus(args.positionals, ws, reporter);
  const lexicons = loadLexicons(env, ws.lexicons);
  const base = readModelOption(args, env);
  if (base === null) return 1;
  // the span learner trained on the corpus's decisions, as the editor trains it (from --model when given)
  const { ctx, build } = learnedCorpus(files, ws, reporter, lexicons, settings, base);
  const { corpus, acceptances, untagged, unreadable } = build;
  const learner = ctx.learner;

  // Pages pass 1 could not read are reported already: not analysed, not reported again.
  const selected = files.map((file) => file.path).filter((p, index) => (!shard || index % shard.count === shard.index) && !unreadable.has(p));
  // Suggesters are asked by the page's path relative to its corpus folder; problems are shown at the page.
  const idOf = new Map(files.map((file) => [file.path, file.rel]));
  const pathOf = new Map(files.map((file) => [file.rel, file.path]));
  const suggesters = CliSuggesters.fromArgs(args, reporter, (id) => pathOf.get(id) ?? id);
  const format = (path: string, text: string, analysis: ReturnType<typeof analyseText>, page?: PageSuggestions): string => {
    const merged = withPageSuggestions(analysis, page);
    return json ? detectionJson(path, merged, page && { suggesters: page.suggesters }) : detectionSummary(path, text, merged);
  };
  // A page's suggesters are asked while the detectors work on it (and, with workers, a few pages ahead).
  const asked = new Map<number, Promise<{ text?: string; page?: PageSuggestions }>>();
  const ask = (index: number, known?: string): Promise<{ text?: string; page?: PageSuggestions }> => {
    let promise = asked.get(index);
    if (!promise) {
      const path = selected[index];
      const text = known ?? readPageReported(path, reporter).text;
      promise = text === undefined || !suggesters ? Promise.resolve({ text }) : suggesters.ask(idOf.get(path) ?? path, text).then((page) => ({ text, page }));
      asked.set(index, promise);
    }
    return promise;
  };

  try {
    if (jobs > 1 && env.workerFile && selected.length > 1) {
      const init: DetectWorkerInit = { corpus: corpus.toJSON(), lexicons: lexicons.files, acceptances, untagged, settings, json, raw: suggesters !== undefined };
      if (learner?.changesSuggestions) {
        init.model = learner.toJSON();
        if (ctx.words) init.words = ctx.words.toJSON();
      }
      if (suggesters) for (let ahead = 0; ahead < Math.min(selected.length, jobs * 2); ahead++) void ask(ahead);
      await runInWorkers(env.workerFile, init, jobs, selected, async (index, result) => {
        reporter.progress('analysing', index + 1, selected.length);
        if (suggesters) for (let ahead = index; ahead < Math.min(selected.length, index + 1 + jobs * 2); ahead++) void ask(ahead);
        if (result.error !== undefined) reporter.error(selected[index], 1, 1, result.error);
        else if (result.analysis) {
          const { text, page } = await ask(index);
          asked.delete(index);
          await writeOut(env, format(selected[index], text ?? '', result.analysis, page));
        } else await writeOut(env, result.output ?? '');
      });
    } else {
      for (let index = 0; index < selected.length; index++) {
        const path = selected[index];
        reporter.progress('analysing', index + 1, selected.length);
        const { text } = readPageReported(path, reporter);
        if (text === undefined) continue;
        const pending = suggesters ? ask(index, text) : undefined;
        const analysis = analyseText(path, text, ctx);
        const page = pending && (await pending).page;
        asked.delete(index);
        await writeOut(env, format(path, text, analysis, page));
      }
    }
  } finally {
    await suggesters?.close();
  }
  reporter.endProgress();
  return reporter.errors > 0 ? 1 : 0;
}
