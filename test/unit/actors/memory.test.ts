// A corpus analysed page after page must not pile up in memory: the actor detector's long-lived cache of
// what each name is keeps copies of the names it saw, not slices that would keep each whole page alive.

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { detectActors } from '../../../src/core/detect/actors';
import { LearnedEntities } from '../../../src/core/detect/learned';
import { lineSpans } from '../../../src/core/text/lines';
import { shippedEntityLexicon } from './fixture';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const PAGES = 150;

/** Page n: its own names and lines, then a long run of text that only that page holds. */
function page(n: number): string {
  const family = `Lavrov${String.fromCharCode(0x61 + (n % 26))}${n}`;
  const filler = Array.from({ length: 400 }, (_, k) => `Đoạn ${n}-${k} nói về việc chuẩn bị cho mùa mưa bão sắp tới ở địa phương.`).join(' ');
  // a name, then its short form: the detector asks what the full name is
  return `Ngoại trưởng Nga Sergei ${family} phát biểu tại hội nghị.\n${filler}\nÔng ${family} cho biết kế hoạch đã sẵn sàng.\n`;
}

describe('memory over a corpus', () => {
  it('keeps no page alive after its analysis', () => {
    const entities = shippedEntityLexicon();
    const detect = (text: string): unknown => detectActors(text, lineSpans(text), entities, new LearnedEntities(), { lang: 'vi', isStopword: () => false });
    detect(page(-1));
    collect();
    const before = process.memoryUsage().heapUsed;
    let bytes = 0;
    for (let n = 0; n < PAGES; n++) {
      const text = page(n);
      bytes += text.length * 2;
      detect(text);
    }
    collect();
    const grown = process.memoryUsage().heapUsed - before;
    // the pages are UTF-16 strings of `bytes` in all: what their names are may be kept, not the pages
    assert.ok(grown < bytes / 4, `heap grew ${(grown / 1e6).toFixed(1)} MB over ${(bytes / 1e6).toFixed(1)} MB of pages`);
  });
});
