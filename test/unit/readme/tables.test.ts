// README's measured figures come from the committed result files: a table edited by hand, or a result file
// re-measured without regenerating README, fails here.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { renderReadme } from '../../../tools/readme-tables';

const README = path.join(__dirname, '..', '..', '..', 'README.md');

describe('README tables', () => {
  it('match the result files they are generated from (npx tsx tools/readme-tables.ts)', () => {
    const readme = readFileSync(README, 'utf8');
    assert.match(readme, /<!-- results:quality -->/);
    assert.equal(renderReadme(readme), readme);
  });

  it('say which file, commit and machine each table comes from', () => {
    const readme = readFileSync(README, 'utf8');
    const blocks = [...readme.matchAll(/<!-- results:([\w-]+) -->\n([\s\S]*?)<!-- \/results -->/g)];
    assert.ok(blocks.length >= 4, `${blocks.length} generated tables`);
    for (const [, name, body] of blocks) assert.match(body, /From `[^`]+\.json`.*: commit [0-9a-f]{7}/, name);
  });
});
