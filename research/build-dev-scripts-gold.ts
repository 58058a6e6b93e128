// Builds eval/dev-scripts/*.txt and *.gold.json (the body gold format `newsmark eval --gold DIR` reads)
// from the hand-written pages in eval/dev-scripts/pages/*.page: one page line a line, body lines marked
// by a leading "+ " (taken off in the .txt), every other line boilerplate.
//   npx tsx research/build-dev-scripts-gold.ts [--check]   --check: fail when the built files differ
import * as fs from 'node:fs';
import * as path from 'node:path';

const DIR = path.join(__dirname, '..', 'eval', 'dev-scripts');
const PAGES = path.join(DIR, 'pages');
const check = process.argv.includes('--check');
let differ = 0;

function write(file: string, content: string): void {
  const target = path.join(DIR, file);
  if (check) {
    if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== content) {
      process.stderr.write(`${file} is not what its page builds\n`);
      differ++;
    }
    return;
  }
  fs.writeFileSync(`${target}.tmp`, content);
  fs.renameSync(`${target}.tmp`, target);
}

for (const file of fs.readdirSync(PAGES).filter((name) => name.endsWith('.page')).sort()) {
  const id = path.basename(file, '.page');
  const source = fs.readFileSync(path.join(PAGES, file), 'utf8').replace(/\r\n?/g, '\n').replace(/\n$/, '');
  const bodyLines: number[] = [];
  const lines = source.split('\n').map((line, index) => {
    if (!line.startsWith('+ ')) return line;
    bodyLines.push(index);
    return line.slice(2);
  });
  write(`${id}.txt`, `${lines.join('\n')}\n`);
  write(`${id}.gold.json`, `${JSON.stringify({ body_lines: bodyLines, lines: lines.length })}\n`);
}
if (differ > 0) process.exit(1);
