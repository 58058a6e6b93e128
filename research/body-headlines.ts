// Which line the body detector takes as each page's headline, scored against a gold set whose body lines
// include the headline (our guidelines: L3S-GN1 as research/fetch-l3s-gn1-body.ts makes it, eval/dev-vi):
// per page, the line given the reason "headline before the main block" is right when it is a gold body line
// (or one left to the annotator), wrong otherwise; pages with no such line have none. Each set is one
// corpus, as `newsmark eval --gold` makes it. Writes the counts with the commit and machine.
//
//   npx tsx research/body-headlines.ts --gold DIR|FILE.jsonl [--out FILE (default eval/results/body-headlines-NAME.json)]
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { detectLines } from '../src/core/detect/body/index';
import { CorpusModel } from '../src/core/detect/corpus';
import { loadShippedStopwords } from '../test/unit/body/shippedStopwords';
import { readGoldDir, readGoldJsonl } from './gold-sets';

const ROOT = path.join(__dirname, '..');
const HEADLINE_REASON = 'headline before the main block';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && at + 1 < process.argv.length ? process.argv[at + 1] : undefined;
}

const gold = option('gold');
if (!gold) {
  process.stderr.write('usage: --gold DIR|FILE.jsonl [--out FILE]\n');
  process.exit(2);
}
const records = gold.endsWith('.jsonl') ? readGoldJsonl(gold) : readGoldDir(gold);
const stopwords = loadShippedStopwords();
const corpus = new CorpusModel();
for (const record of records) corpus.addDocument(record.id, record.text);
const counts = { pages: records.length, right: 0, wrong: 0, none: 0 };
const wrongPages: string[] = [];
for (const record of records) {
  const decisions = detectLines(record.text, corpus, stopwords, { documentId: record.id });
  const headline = decisions.find((decision) => decision.reasons[0] === HEADLINE_REASON);
  if (!headline) counts.none++;
  else if ((record.body_lines ?? []).includes(headline.line) || (record.ignore_lines ?? []).includes(headline.line)) counts.right++;
  else {
    counts.wrong++;
    wrongPages.push(record.id);
  }
}
const git = (args: string[]): string => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
const name = path.basename(gold).replace(/\.gold\.jsonl$|\.jsonl$/, '');
const out = option('out') ?? path.join(ROOT, 'eval', 'results', `body-headlines-${name}.json`);
const result = {
  what: `the line taken as each page's headline, against gold body lines that include the headline: right (a gold body line or one left to the annotator), wrong, or none; ${name}, one corpus`,
  command: `npx tsx research/body-headlines.ts --gold ${gold.startsWith(ROOT) ? path.relative(ROOT, gold) : name}`,
  commit: git(['rev-parse', '--short', 'HEAD']),
  dirty: git(['status', '--porcelain', '--untracked-files=no']) !== '',
  machine: { host: os.hostname(), cores: os.cpus().length },
  ...counts,
  wrongPages,
};
fs.writeFileSync(`${out}.tmp`, `${JSON.stringify(result, null, 2)}\n`);
fs.renameSync(`${out}.tmp`, out);
process.stdout.write(`${name}: ${JSON.stringify(counts)}\n`);
