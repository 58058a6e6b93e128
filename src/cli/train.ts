// `newsmark train --gold DIR|FILE --out model.json`: a span learner trained on gold data or on an annotated
// corpus, written as a model file that `detect --model`, `eval --model` and the `newsmark.model` setting
// start from.

import * as fs from 'node:fs';
import { learningDocument } from '../core/detect/analyse';
import { trainingExample } from '../core/learn/examples';
import { GATE_REDRAWS_OF_TEN } from '../core/learn/gate';
import { SpanLearner, type TrainingExample } from '../core/learn/learner';
import { listOption, parseCommandLine, requiredOption, stringOption } from './args';
import { analysisContext, buildCorpus, corpusWordProfile, goldCorpusContext } from './analysis';
import { type CliEnv, loadLexicons } from './env';
import { readGoldLines } from './eval';
import { readModelOption, writeModelFile } from './model';
import { UsageError } from './report';
import { listCorpus } from './walk';
import { openWorkspace, WORKSPACE_OPTIONS } from './workspace';

export async function trainCommand(argv: readonly string[], env: CliEnv): Promise<number> {
  const args = parseCommandLine(argv, {
    gold: { type: 'string' },
    out: { type: 'string' },
    model: { type: 'string' },
    labels: { type: 'string' },
    epochs: { type: 'string' },
    lexicons: { type: 'string' },
    ...WORKSPACE_OPTIONS,
  });
  const goldPath = requiredOption(args, 'gold');
  const out = requiredOption(args, 'out');
  const epochs = stringOption(args, 'epochs');
  if (epochs !== undefined && !/^[1-9]\d*$/.test(epochs)) throw new UsageError(`--epochs must be a positive whole number (got "${epochs}")`);
  const { reporter } = env;
  if (!fs.existsSync(goldPath)) {
    reporter.error(goldPath, 1, 1, 'no such file or folder');
    return 1;
  }
  const base = readModelOption(args, env);
  if (base === null) return 1;
  const ws = openWorkspace(goldPath, args, reporter);
  const lexicons = loadLexicons(env, ws.lexicons);
  const examples: TrainingExample[] = [];
  let context: ReturnType<typeof analysisContext> | undefined;
  if (fs.statSync(goldPath).isDirectory()) {
    // an annotated corpus: every page's sidecar decisions (tags, dismissals, status)
    const files = listCorpus([goldPath], ws, reporter);
    const { corpus, annotated, unreadable } = buildCorpus(files, ws, reporter, true);
    const ctx = analysisContext(corpus, lexicons.stopwords, lexicons.entities, [], { relativeDates: false });
    ctx.words = corpusWordProfile(files, unreadable, reporter);
    context = ctx;
    for (const page of annotated) {
      const example = trainingExample(page.text, page.data, { ...ctx, options: { ...ctx.options, documentId: page.path } });
      if (example) examples.push(example);
    }
  } else {
    // gold records: fully annotated pages
    const records = readGoldLines(goldPath, reporter).map((r) => r.gold);
    const ctx = goldCorpusContext(records, lexicons, { relativeDates: false }, true);
    context = ctx;
    records.forEach((r, index) => {
      reporter.progress('reading gold', index, records.length);
      examples.push({ doc: learningDocument(r.text, { ...ctx, options: { ...ctx.options, documentId: r.id } }), tags: r.spans, done: true });
    });
    reporter.endProgress();
  }
  if (!examples.some((e) => e.tags.length > 0)) {
    reporter.error(goldPath, 1, 1, 'no span tags to learn from (annotate pages or give gold spans)');
    return 1;
  }
  const labels = listOption(args, 'labels');
  const learner = (base ?? SpanLearner.empty()).train(examples, { context, ...(labels ? { labels } : {}), ...(epochs ? { epochs: Number(epochs) } : {}) });
  writeModelFile(out, learner);
  const q = learner.quality;
  const lines = [`${out}: trained on ${q.documents} pages (${q.done} done), ${q.tags} tags`];
  for (const [label, m] of Object.entries(q.labels)) {
    lines.push(q.folds > 0
      ? `  ${label}: held-out exact F1 ${m.learned.f1.toFixed(3)} learned vs ${m.control.f1.toFixed(3)} rules (${q.folds} folds)${m.advantage === undefined ? '' : `, ahead by at least ${m.advantage.toFixed(3)} in ${GATE_REDRAWS_OF_TEN} of 10 redraws of those pages`}: ${m.active ? 'the model replaces the rules' : 'the rules stay'}`
      : `  ${label}: not measured (fewer than 2 done pages)`);
    if (m.active && m.unknown && m.unknown.suggested > 0) {
      lines.push(`    rule suggestions the model left out that hold a word it has not learned: ${m.unknown.correct} of ${m.unknown.suggested} right on held-out pages; shown where their measured chance of being right is above 1 in 3`);
    }
  }
  env.io.stdout.write(`${lines.join('\n')}\n`);
  return reporter.errors > 0 ? 1 : 0;
}
