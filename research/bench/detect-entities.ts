// Throughput of the actor and date detectors on a large page built from the sample corpus.
//   npx tsx research/bench/detect-entities.ts
import { detectActors } from '../../src/core/detect/actors';
import { analyseDocument } from '../../src/core/detect/analyse';
import { detectLines } from '../../src/core/detect/body/index';
import { CorpusModel } from '../../src/core/detect/corpus';
import { detectDates, findPublicationDate } from '../../src/core/detect/dates';
import { LearnedEntities } from '../../src/core/detect/learned';
import { lineSpans } from '../../src/core/text/lines';
import { shippedEntityLexicon } from '../../test/unit/actors/fixture';
import { loadShippedStopwords } from '../../test/unit/body/shippedStopwords';
import { bigSamplePage as bigPage, cpuRate as rate } from './measure';
import type { BenchRow } from './types';

/** Goals on one core: the entity detectors alone, and the whole analysis (with line decisions). */
const ENTITY_TARGET_MB_S = 40;
const PIPELINE_TARGET_MB_S = 20;

export async function benchEntities(): Promise<BenchRow[]> {
  const text = bigPage(2_000_000);
  const bytes = Buffer.byteLength(text, 'utf8');
  const lines = lineSpans(text);
  const stopwords = loadShippedStopwords({ largeVietnamese: true });
  // memoised, as analyseDocument does: the stop-word lookup is not what this measures
  const stopwordMemo = new Map<string, boolean>();
  const isStopword = (word: string): boolean => {
    let known = stopwordMemo.get(word);
    if (known === undefined) stopwordMemo.set(word, (known = stopwords.stats(word, 'Vietnamese').stopwords > 0));
    return known;
  };
  const detectors = rate(bytes, () => {
    const entities = shippedEntityLexicon(); // fresh lexicon: nothing cached
    const publicationDate = findPublicationDate(text, entities);
    detectDates(text, { publicationDate, lang: 'vi' }, entities);
    detectActors(text, lines, entities, new LearnedEntities(), { lang: 'vi', isStopword });
  });
  const corpus = new CorpusModel();
  // for reference: analyseDocument's line decisions alone (src/core/detect/body/), as analyseDocument asks
  // for them the first time (guessed language, no line features of earlier runs)
  const language = stopwords.guessLanguage(text);
  const lineDetection = rate(bytes, () => {
    detectLines(text, corpus, stopwords, { language });
  });
  // a fresh lexicon and corpus: neither the entity scans nor the body detector's line features are cached
  const pipelineCold = rate(bytes, () => {
    analyseDocument(text, { corpus: new CorpusModel(), stopwords, entities: shippedEntityLexicon(), learned: new LearnedEntities(), options: {} });
  });
  const warmEntities = shippedEntityLexicon();
  const pipelineWarm = rate(bytes, () => {
    analyseDocument(text, { corpus, stopwords, entities: warmEntities, learned: new LearnedEntities(), options: {} });
  });
  const row = (name: string, value: number, target: number, baseline?: string): BenchRow => ({
    name,
    value: Math.round(value * 10) / 10,
    unit: 'MB/s',
    target: `>= ${target} MB/s`,
    ok: value >= target,
    ...(baseline ? { baseline } : {}),
  });
  return [
    row(`entity detection (dates + actors), ${(bytes / 1e6).toFixed(1)} MB page`, detectors, ENTITY_TARGET_MB_S),
    row('analyseDocument (lines + entities), cold line cache', pipelineCold, PIPELINE_TARGET_MB_S),
    row('analyseDocument again (warm line caches)', pipelineWarm, PIPELINE_TARGET_MB_S, 'cold line cache'),
    { name: 'line detection alone, cold (part of analyseDocument)', value: Math.round(lineDetection * 10) / 10, unit: 'MB/s' },
  ];
}

if (require.main === module) {
  void benchEntities().then((rows) => {
    for (const r of rows) console.log(`${r.ok === undefined ? '    ' : r.ok ? 'ok  ' : 'SLOW'} ${r.name}: ${r.value} ${r.unit}${r.target ? ` (${r.target})` : ''}`);
  });
}
