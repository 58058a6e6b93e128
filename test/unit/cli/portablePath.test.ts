// Result files name their gold so that no machine's own folders end up committed.
import { strict as assert } from 'node:assert';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { portablePath } from '../../../src/cli/learningCurve';

describe('gold paths in result files', () => {
  it('names a file under $NEWSMARK_DATA by that variable, one in the working folder relatively, any other by its name', () => {
    const saved = process.env.NEWSMARK_DATA;
    const data = path.join(os.tmpdir(), 'licensed');
    try {
      process.env.NEWSMARK_DATA = data;
      assert.equal(portablePath(path.join(data, 'vlsp2018', 'dev.gold.jsonl')), '$NEWSMARK_DATA/vlsp2018/dev.gold.jsonl');
      assert.equal(portablePath(path.join(process.cwd(), 'eval', 'baoquocte.gold.jsonl')), 'eval/baoquocte.gold.jsonl');
      delete process.env.NEWSMARK_DATA;
      assert.equal(portablePath(path.join(data, 'vlsp2018', 'dev.gold.jsonl')), '<data>/dev.gold.jsonl');
    } finally {
      if (saved === undefined) delete process.env.NEWSMARK_DATA;
      else process.env.NEWSMARK_DATA = saved;
    }
  });
});
