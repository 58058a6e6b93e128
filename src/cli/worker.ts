// Entry of the detection worker threads (bundled to dist/worker.js). The main thread sends the corpus
// statistics, lexicon texts and accepted entities once (workerData), then document paths; the worker reads
// and analyses each document and sends back its formatted output.

import { parentPort, workerData } from 'node:worker_threads';
import { CorpusModel } from '../core/detect/corpus';
import { WordProfile } from '../core/detect/wordProfile';
import { SpanLearner } from '../core/learn/learner';
import { FileRefused, pageReadProblem, readPage } from '../node/files';
import { lexiconsFromFiles } from '../node/lexicons';
import { analyseText, analysisContext, detectionJson, detectionSummary } from './analysis';
import type { DetectTask, DetectWorkerInit, DetectResult } from './pool';

const init = workerData as DetectWorkerInit;
const { stopwords, entities } = lexiconsFromFiles(init.lexicons);
const ctx = analysisContext(CorpusModel.fromJSON(init.corpus), stopwords, entities, init.acceptances, init.settings, init.untagged);
if (init.model) ctx.learner = SpanLearner.fromJSON(init.model);
if (init.words) ctx.words = WordProfile.fromJSON(init.words);

parentPort?.on('message', (task: DetectTask) => {
  let result: DetectResult;
  try {
    const text = readPage(task.path);
    const analysis = analyseText(task.path, text, ctx);
    if (init.raw) result = { seq: task.seq, analysis };
    else result = { seq: task.seq, output: init.json ? detectionJson(task.path, analysis) : detectionSummary(task.path, text, analysis) };
  } catch (error) {
    result = { seq: task.seq, error: error instanceof FileRefused || (error as NodeJS.ErrnoException).code ? pageReadProblem(error) : (error as Error).message };
  }
  parentPort?.postMessage(result);
});
