// Converts PhoNER-COVID19 (Truong et al., NAACL 2021) into `newsmark eval --gold` records, on this machine
// only: its licence forbids redistributing the data or any part of it, so the output goes to a folder
// outside the repository and nothing derived from it is committed.
//
//   npx tsx research/fetch-phoner.ts --phoner DIR --out DIR [--split train,dev] [--page-size 20]
//   (or PHONER_DIR / NEWSMARK_DATA in the environment instead of the flags)
//
// DIR for --phoner is a checkout of the PhoNER_COVID19 repository, or its bare git directory (read with
// `git show HEAD:…`). Reads data/syllable/<split>_syllable.json (one sentence per line: syllables and BIO
// tags) and writes <out>/phoner-<split>.gold.jsonl: pseudo-pages of --page-size consecutive sentences, one
// sentence per line, every line a body line (spans are scored on body lines only).
//
// The text is detokenised the way Vietnamese news is written: no space before , . ; : ! ? ) … and after (,
// quotes closed against their words, and a hyphen glued between digits ("17 - 4" -> "17-4", "20 - 22" ->
// "20-22", "8 - 3 - 2020" -> "8-3-2020") and after a capitalised or digit-bearing word before digits
// ("COVID - 19" -> "COVID-19"); other hyphens keep their spaces ("Hà Nội - Đà Nẵng").
//
// Labels mapped: DATE -> date; ORGANIZATION and NAME (people) -> actor. Not mapped: PATIENT_ID (a case
// number, not who acts), LOCATION, AGE, GENDER, JOB, SYMPTOM_AND_DISEASE, TRANSPORTATION.
//
// The test split is held out: convert it only for the one final measurement (--split test).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GoldRecord, GoldSpan } from '../src/core/eval/gold';

const LABELS: Record<string, string> = { DATE: 'date', ORGANIZATION: 'actor', NAME: 'actor' };

interface Sentence {
  words: string[];
  tags: string[];
}

function option(name: string, env: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  if (at > 0 && at + 1 < process.argv.length) return process.argv[at + 1];
  return process.env[env];
}

function readSplit(root: string, split: string): string {
  const relative = `data/syllable/${split}_syllable.json`;
  const file = path.join(root, relative);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  // a bare mirror of the repository
  return execFileSync('git', ['--git-dir', root, 'show', `HEAD:${relative}`], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '!', '?', ')', ']', '}', '%', '...', '..', '…', '”']);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '“']);
const STRAIGHT_QUOTES = new Set(['"', "'"]);

function isDigits(word: string): boolean {
  return /^\d/.test(word) && /\d$/.test(word);
}

/** A word a hyphen joins to following digits: "COVID", "Covid", "VN54" (not a lower-case word, "tháng"). */
function codeLike(word: string): boolean {
  return /[A-ZĐ0-9]/u.test(word) && /[\p{L}\p{N}]$/u.test(word);
}

/** Text of one sentence and the UTF-16 offset of each word in it. */
function detokenise(words: readonly string[]): { text: string; starts: number[] } {
  let text = '';
  const starts: number[] = [];
  const openQuotes = new Set<string>();
  let glueNext = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    let space = i > 0 && !glueNext;
    glueNext = false;
    if (NO_SPACE_BEFORE.has(word)) space = false;
    if (STRAIGHT_QUOTES.has(word)) {
      if (openQuotes.has(word)) {
        openQuotes.delete(word);
        space = false;
      } else {
        openQuotes.add(word);
        glueNext = true;
      }
    }
    if (NO_SPACE_AFTER.has(word)) glueNext = true;
    if (word === '-' && i > 0 && i + 1 < words.length && isDigits(words[i + 1]) && (isDigits(words[i - 1]) || codeLike(words[i - 1]))) {
      space = false;
      glueNext = true;
    }
    if (word === '/' && i > 0) {
      space = false;
      glueNext = true;
    }
    if (space) text += ' ';
    starts.push(text.length);
    text += word;
  }
  return { text, starts };
}

/** Entity spans of a sentence (offsets into its text), the BIO tags read leniently (an I- without its B- opens). */
function sentenceSpans(sentence: Sentence, starts: readonly number[], lineStart: number): GoldSpan[] {
  const spans: GoldSpan[] = [];
  const { words, tags } = sentence;
  let i = 0;
  while (i < words.length) {
    const tag = tags[i];
    if (tag === 'O' || tag.length < 3) {
      i++;
      continue;
    }
    const type = tag.slice(2);
    let j = i + 1;
    while (j < words.length && tags[j] === `I-${type}`) j++;
    const label = LABELS[type];
    if (label) spans.push({ start: lineStart + starts[i], end: lineStart + starts[j - 1] + words[j - 1].length, label });
    i = j;
  }
  return spans;
}

function main(): void {
  const root = option('phoner', 'PHONER_DIR');
  const out = option('out', 'NEWSMARK_DATA');
  if (!root || !out) {
    console.error('usage: npx tsx research/fetch-phoner.ts --phoner DIR --out DIR [--split train,dev] [--page-size 20]\n(or PHONER_DIR and NEWSMARK_DATA)');
    process.exit(2);
  }
  const splits = (option('split', 'PHONER_SPLITS') ?? 'train,dev').split(',');
  const pageSize = Number(option('page-size', 'PHONER_PAGE_SIZE') ?? 20);
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error('--page-size must be a positive integer');
  fs.mkdirSync(out, { recursive: true });
  for (const split of splits) {
    const sentences: Sentence[] = readSplit(root, split)
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line, index) => {
        const sentence = JSON.parse(line) as Sentence;
        if (!Array.isArray(sentence.words) || !Array.isArray(sentence.tags) || sentence.words.length !== sentence.tags.length) {
          throw new Error(`${split} line ${index + 1}: needs "words" and "tags" of the same length`);
        }
        return sentence;
      });
    const records: GoldRecord[] = [];
    for (let first = 0; first < sentences.length; first += pageSize) {
      let text = '';
      const spans: GoldSpan[] = [];
      const bodyLines: number[] = [];
      sentences.slice(first, first + pageSize).forEach((sentence, line) => {
        if (line > 0) text += '\n';
        const { text: lineText, starts } = detokenise(sentence.words);
        spans.push(...sentenceSpans(sentence, starts, text.length));
        text += lineText;
        bodyLines.push(line);
      });
      records.push({ id: `phoner-${split}-${String(records.length + 1).padStart(4, '0')}`, text, body_lines: bodyLines, spans });
    }
    const file = path.join(out, `phoner-${split}.gold.jsonl`);
    const temporary = `${file}.tmp`;
    fs.writeFileSync(temporary, records.map((record) => JSON.stringify(record)).join('\n') + '\n');
    fs.renameSync(temporary, file);
    const count = (label: string) => records.reduce((sum, record) => sum + record.spans.filter((span) => span.label === label).length, 0);
    console.log(`${file}: ${sentences.length} sentences, ${records.length} pages, ${count('date')} dates, ${count('actor')} actors`);
  }
}

main();
