// Measures date (and actor) spans on the PhoNER-COVID19 gold made by research/fetch-phoner.ts and writes the
// numbers, with the commit and machine they were measured on, to eval/results/phoner-<split>.json.
//
//   npm run build && npx tsx research/phoner-results.ts --data DIR [--split train,dev]
//   (or NEWSMARK_DATA in the environment instead of --data)
//
// Each split is scored twice with `newsmark eval`: ranges as one span (the default, as this project's
// guidelines and gold sets have them) and as their two ends (--date-ranges ends, PhoNER's own convention:
// its guidelines tag a range's first and last day apart). The test split is held out: measure it once, at
// the end (--split test), and never develop on its errors.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..');

function option(name: string, env: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  if (at > 0 && at + 1 < process.argv.length) return process.argv[at + 1];
  return process.env[env];
}

function main(): void {
  const data = option('data', 'NEWSMARK_DATA');
  if (!data) {
    console.error('usage: npx tsx research/phoner-results.ts --data DIR [--split train,dev] (or NEWSMARK_DATA)');
    process.exit(2);
  }
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', 'src', 'lexicons'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
  for (const split of (option('split', 'PHONER_SPLITS') ?? 'train,dev').split(',')) {
    const gold = path.join(data, `phoner-${split}.gold.jsonl`);
    if (!fs.existsSync(gold)) throw new Error(`${gold}: no such file (make it with research/fetch-phoner.ts)`);
    const runs: Record<string, unknown> = {};
    for (const ranges of ['whole', 'ends']) {
      const args = ['dist/cli.js', 'eval', '--gold', gold, '--json', '--date-ranges', ranges];
      const report = JSON.parse(execFileSync('node', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as { documents: number; spans: Record<string, unknown> };
      runs[ranges] = {
        command: `node dist/cli.js eval --gold <data>/phoner-${split}.gold.jsonl --date-ranges ${ranges}`,
        documents: report.documents,
        date: report.spans.date,
        actor: report.spans.actor,
      };
    }
    const result = {
      set: `PhoNER-COVID19 ${split} (syllable level, ${split === 'test' ? 'held out' : 'development'})`,
      held_out: split === 'test',
      commit: dirty ? `${commit}+uncommitted` : commit,
      machine: os.hostname(),
      nproc: os.cpus().length,
      measured_at: new Date().toISOString(),
      conversion: 'npx tsx research/fetch-phoner.ts --phoner <PhoNER_COVID19 checkout> --out <data> (20 sentences a page, every line body)',
      mapping: { DATE: 'date', ORGANIZATION: 'actor', NAME: 'actor', 'not mapped': ['PATIENT_ID', 'LOCATION', 'AGE', 'GENDER', 'JOB', 'SYMPTOM_AND_DISEASE', 'TRANSPORTATION'] },
      ranges: runs,
    };
    const out = path.join(ROOT, 'eval', 'results', `phoner-${split}.json`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(`${out}.tmp`, `${JSON.stringify(result, null, 2)}\n`);
    fs.renameSync(`${out}.tmp`, out);
    const f1 = (ranges: string, match: 'exact' | 'overlap') => ((runs[ranges] as { date: Record<string, { f1: number }> }).date[match].f1).toFixed(3);
    console.log(`${path.relative(ROOT, out)}: date exact/overlap F1 ${f1('whole', 'exact')}/${f1('whole', 'overlap')} (ranges whole), ${f1('ends', 'exact')}/${f1('ends', 'overlap')} (ranges as ends)`);
  }
}

main();
