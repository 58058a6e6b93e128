// The readers of the gold sets the research scripts measure body detection on, in one place:
// a folder of pages with their gold beside them (<id>.txt + <id>.gold.json, as ../shared/eval/boilerplate-dev
// and eval/dev-scripts), and a .jsonl file of gold records (eval/*.gold.jsonl). Not in research/eval-body.ts,
// which reads its command line and loads the stop-word lists when it is imported.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readDevGold, type GoldRecord } from '../src/core/eval/index';

/** The pages of a folder that have gold beside them, in file name order; a record's id is its file name without `.gold.json`. */
export function readGoldDir(dir: string): GoldRecord[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.gold.json'))
    .sort()
    .map((file) => {
      const id = file.replace(/\.gold\.json$/, '');
      return readDevGold(fs.readFileSync(path.join(dir, `${id}.txt`), 'utf8'), fs.readFileSync(path.join(dir, file), 'utf8'), id);
    });
}

/** The records of a .jsonl gold file that carry body gold (`body_lines`). */
export function readGoldJsonl(file: string): GoldRecord[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as GoldRecord)
    .filter((record) => Array.isArray(record.body_lines));
}
