// `newsmark eval`: the detectors (or saved `detect --json` output) against gold data; line-level body
// scores and per-label span scores, exact and overlap, micro-averaged over the documents.

import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  addCounts, addSpanCounts, emptyCounts, evaluateBody, evaluateSpans, readDevGold, scoresOf, spanScores,
  type DevGoldFile, type GoldRecord, type GoldSpan, type LabelledSpan, type Scores, type SpanCountsByLabel,
} from '../core/eval';
import type { LineDecision } from '../core/model/types';
import { isBlank, lineSpans } from '../core/text/lines';
import { readPage } from '../node/files';
import { choiceOption, flag, parseCommandLine, requiredOption, stringOption } from './args';
import { analyseText, DATE_RANGE_CHOICES, type DetectSettings, goldCorpusContext } from './analysis';
import { BODY_LABEL, BOILERPLATE_LABEL, reanchorSidecar, readSidecar } from './documents';
import { type CliEnv, loadLexicons } from './env';
import { readPredFile } from './evalPred';
import type { SpanLearner } from '../core/learn/learner';
import { learningCurveCommand } from './learningCurve';
import { readModelOption } from './model';
import { readPageReported } from './pages';
import { type Reporter, terminalSafe, UsageError } from './report';
import { listCorpus } from './walk';
import { openWorkspace, type Workspace, WORKSPACE_OPTIONS } from './workspace';

/** A gold record and whether its spans are entity gold (the boilerplate dev set has body lines only). */
export interface EvalRecord {
  gold: GoldRecord;
  hasSpanGold: boolean;
}

interface Prediction {
  lines: LineDecision[] | number[];
  spans: LabelledSpan[];
}

export interface EvalReport {
  documents: number;
  /** Null when no record has body lines. */
  body: Scores | null;
  spans: Record<string, { exact: Scores; overlap: Scores }>;
}

export async function evalCommand(argv: readonly string[], env: CliEnv): Promise<number> {
  const args = parseCommandLine(argv, {
    gold: { type: 'string' },
    json: { type: 'boolean' },
    predictions: { type: 'string' },
    pred: { type: 'string' },
    offsets: { type: 'string' },
    lexicons: { type: 'string' },
    'relative-dates': { type: 'boolean' },
    'date-ranges': { type: 'string' },
    'learning-curve': { type: 'string' },
    seed: { type: 'string' },
    'retrain-every': { type: 'string' },
    model: { type: 'string' },
    out: { type: 'string' },
    ...WORKSPACE_OPTIONS,
  });
  const goldPath = requiredOption(args, 'gold');
  const { reporter } = env;
  if (!fs.existsSync(goldPath)) {
    reporter.error(goldPath, 1, 1, 'no such file or folder');
    return 1;
  }
  const ws = openWorkspace(goldPath, args, reporter);
  const records = fs.statSync(goldPath).isDirectory() ? readGoldFolder(goldPath, ws, reporter) : readGoldLines(goldPath, reporter);
  if (records.length === 0) {
    reporter.error(goldPath, 1, 1, 'no gold records');
    return 1;
  }

  const model = readModelOption(args, env);
  if (model === null) return 1;
  const curve = stringOption(args, 'learning-curve');
  if (curve !== undefined) {
    if (!/^[1-9]\d*$/.test(curve) || Number(curve) < 2) throw new UsageError(`--learning-curve needs a number of batches of 2 or more (got "${curve}")`);
    if (stringOption(args, 'predictions') !== undefined || stringOption(args, 'pred') !== undefined) throw new UsageError('--learning-curve runs the detectors itself: leave out --predictions and --pred');
    const seed = stringOption(args, 'seed');
    if (seed !== undefined && !/^\d+$/.test(seed)) throw new UsageError(`--seed needs a whole number of 0 or more (got "${seed}")`);
    const every = stringOption(args, 'retrain-every');
    if (every !== undefined && !/^[1-9]\d*$/.test(every)) throw new UsageError(`--retrain-every needs a number of pages of 1 or more (got "${every}")`);
    return learningCurveCommand(records.map((r) => r.gold), Number(curve), model, Number(seed ?? 0), every === undefined ? undefined : Number(every), args, env);
  }
  if (stringOption(args, 'seed') !== undefined) throw new UsageError('--seed orders the training of --learning-curve: use it with --learning-curve');
  if (stringOption(args, 'retrain-every') !== undefined) throw new UsageError('--retrain-every is a step of --learning-curve: use it with --learning-curve');

  // Gold without a single span is body-line gold only: predicted entities would all count as false alarms.
  const spanGold = records.some((r) => r.hasSpanGold && r.gold.spans.length > 0);

  const predictionsFile = stringOption(args, 'predictions');
  const predFile = stringOption(args, 'pred');
  if (predFile !== undefined && predictionsFile !== undefined) throw new UsageError('give --pred or --predictions, not both');
  const offsets = choiceOption(args, 'offsets', ['utf16', 'codepoint'] as const, 'utf16');
  if (args.values.offsets !== undefined && predFile === undefined) throw new UsageError('--offsets goes with --pred');
  const pred = predFile !== undefined ? readPredFile(predFile, records.map((r) => r.gold), offsets, reporter) : undefined;
  const predict = pred
    ? (gold: GoldRecord) => pred.predict(gold)
    : predictionsFile !== undefined
    ? savedPredictions(predictionsFile, reporter)
    : detectorPredictions(records, env, ws.lexicons, { relativeDates: flag(args, 'relative-dates'), dateRanges: choiceOption(args, 'date-ranges', DATE_RANGE_CHOICES, 'whole') }, model);

  const body = emptyCounts();
  let withBody = 0;
  const spans: SpanCountsByLabel = {};
  let scored = 0;
  for (const { gold, hasSpanGold } of records) {
    const prediction = predict(gold);
    if (!prediction) {
      reporter.error(goldPath, 1, 1, `no prediction for "${gold.id}"`);
      continue;
    }
    scored++;
    if (gold.body_lines && (!pred || pred.predictsBody)) {
      addCounts(body, evaluateBody(gold, prediction.lines));
      withBody++;
    }
    if (hasSpanGold && spanGold) {
      const scope = gold.body_lines ? { bodyLines: gold.body_lines, text: gold.text } : {};
      addSpanCounts(spans, evaluateSpans(gold.spans, prediction.spans, scope));
    }
  }
  const report: EvalReport = { documents: scored, body: withBody > 0 ? scoresOf(body) : null, spans: spanScores(spans) };
  env.io.stdout.write(flag(args, 'json') ? `${JSON.stringify(report, null, 2)}\n` : terminalSafe(evalTable(report)));
  return reporter.errors > 0 ? 1 : 0;
}

function detectorPredictions(records: readonly EvalRecord[], env: CliEnv, lexiconPaths: string[], settings: DetectSettings, model: SpanLearner | undefined): (gold: GoldRecord) => Prediction {
  const ctx = goldCorpusContext(records.map(({ gold }) => gold), loadLexicons(env, lexiconPaths), settings, model !== undefined);
  if (model) ctx.learner = model;
  return (gold) => {
    const analysis = analyseText(gold.id, gold.text, ctx);
    return { lines: analysis.lines, spans: analysis.suggestions };
  };
}

/** Predictions from `detect --json` output, looked up by the gold id. */
function savedPredictions(file: string, reporter: Reporter): (gold: GoldRecord) => Prediction | undefined {
  const byPath = new Map<string, Prediction>();
  const text = fs.readFileSync(file, 'utf8');
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      const record = JSON.parse(line) as { path: string; lines: LineDecision[]; suggestions: LabelledSpan[] };
      if (typeof record.path !== 'string' || !Array.isArray(record.lines) || !Array.isArray(record.suggestions)) throw new Error('needs "path", "lines" and "suggestions"');
      byPath.set(record.path, { lines: record.lines, spans: record.suggestions });
    } catch (error) {
      reporter.error(file, index + 1, 1, `not a detection record: ${(error as Error).message}`);
    }
  });
  return (gold) => {
    const exact = byPath.get(gold.id);
    if (exact) return exact;
    for (const [p, prediction] of byPath) if (p.endsWith(`/${gold.id}`) || p.endsWith(`${path.sep}${gold.id}`)) return prediction;
    return undefined;
  };
}

/** Gold records from a .jsonl file, each checked; bad lines are reported and left out. */
export function readGoldLines(file: string, reporter: Reporter): EvalRecord[] {
  const records: EvalRecord[] = [];
  fs.readFileSync(file, 'utf8').split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      records.push({ gold: checkGoldRecord(JSON.parse(line)), hasSpanGold: true });
    } catch (error) {
      reporter.error(file, index + 1, 1, `not a gold record: ${(error as Error).message}`);
    }
  });
  return records;
}

function checkGoldRecord(raw: unknown): GoldRecord {
  if (typeof raw !== 'object' || raw === null) throw new Error('not an object');
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string' || typeof r.text !== 'string') throw new Error('needs "id" and "text" strings');
  const text = r.text;
  const lineCount = lineSpans(text).length;
  const lineList = (name: string): number[] | undefined => {
    const value = r[name];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || !value.every((n) => Number.isInteger(n) && n >= 0 && n < lineCount)) {
      throw new Error(`"${name}" must list line numbers from 0 to ${lineCount - 1}`);
    }
    return value as number[];
  };
  const spans = r.spans ?? [];
  if (!Array.isArray(spans)) throw new Error('"spans" must be a list');
  const goldSpans: GoldSpan[] = spans.map((s: unknown, i) => {
    const span = s as Record<string, unknown>;
    if (typeof span !== 'object' || span === null || typeof span.label !== 'string'
      || !Number.isInteger(span.start) || !Number.isInteger(span.end)
      || (span.start as number) < 0 || (span.start as number) >= (span.end as number) || (span.end as number) > text.length) {
      throw new Error(`spans[${i}] needs a label and offsets 0 <= start < end <= ${text.length}`);
    }
    const out: GoldSpan = { start: span.start as number, end: span.end as number, label: span.label };
    if (span.optional === true) out.optional = true;
    return out;
  });
  const record: GoldRecord = { id: r.id, text, spans: goldSpans };
  const bodyLines = lineList('body_lines');
  const ignoreLines = lineList('ignore_lines');
  if (bodyLines) record.body_lines = bodyLines;
  if (ignoreLines) record.ignore_lines = ignoreLines;
  return record;
}

/** A folder of HASH.txt + HASH.gold.json pairs, or of documents annotated with sidecars. */
function readGoldFolder(dir: string, ws: Workspace, reporter: Reporter): EvalRecord[] {
  const texts = listCorpus([dir], ws, reporter);
  const devPairs = texts.filter((file) => fs.existsSync(file.path.replace(/\.txt$/, '.gold.json')));
  if (devPairs.length > 0) {
    const records: EvalRecord[] = [];
    for (const file of devPairs) {
      const goldFile = file.path.replace(/\.txt$/, '.gold.json');
      try {
        const gold = JSON.parse(fs.readFileSync(goldFile, 'utf8')) as DevGoldFile;
        records.push({ gold: readDevGold(file.rel, readPage(file.path), gold), hasSpanGold: false });
      } catch (error) {
        reporter.error(goldFile, 1, 1, (error as Error).message);
      }
    }
    return records;
  }
  const records: EvalRecord[] = [];
  for (const file of texts) {
    const read = readSidecar(file.path, ws, reporter);
    if (!read.data) continue;
    const { text } = readPageReported(file.path, reporter, 'it is not scored');
    if (text === undefined) continue;
    const tags = reanchorSidecar({ ...read, data: read.data }, text, reporter).data.annotations.filter((tag) => !tag.orphaned);
    const bodyTags = tags.filter((tag) => tag.label === BODY_LABEL);
    const gold: GoldRecord = {
      id: file.rel,
      text,
      spans: tags
        .filter((tag) => tag.label !== BODY_LABEL && tag.label !== BOILERPLATE_LABEL)
        .map((tag) => ({ start: tag.start, end: tag.end, label: tag.label })),
    };
    if (bodyTags.length > 0) {
      gold.body_lines = lineSpans(text)
        .filter((line) => !isBlank(text, line.start, line.end) && bodyTags.some((tag) => tag.start < line.end && line.start < tag.end))
        .map((line) => line.line);
    }
    records.push({ gold, hasSpanGold: true });
  }
  return records;
}

function evalTable(report: EvalReport): string {
  const rows: string[][] = [['', 'match', 'P', 'R', 'F1', 'tp', 'fp', 'fn']];
  const row = (name: string, match: string, s: Scores): string[] =>
    [name, match, s.precision.toFixed(3), s.recall.toFixed(3), s.f1.toFixed(3), String(s.truePositives), String(s.falsePositives), String(s.falseNegatives)];
  if (report.body) rows.push(row('body lines', 'line', report.body));
  for (const label of Object.keys(report.spans).sort()) {
    rows.push(row(label, 'exact', report.spans[label].exact));
    rows.push(row(label, 'overlap', report.spans[label].overlap));
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const lines = rows.map((r) => r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd());
  return `${report.documents} documents\n${lines.join('\n')}\n`;
}
