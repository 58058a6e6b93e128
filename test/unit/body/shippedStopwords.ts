// Loads the stop-word lists shipped in lexicons/stopwords (core does no I/O, so tests and scripts read
// them here). jusText lists are named after their language; the larger Vietnamese list can be merged into
// "Vietnamese" on request.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseStopwords, SHIPPED_STOPWORD_FOLDERS, StopwordLexicon } from '../../../src/core/detect/stopwords';

export const STOPWORD_DIR = path.join(__dirname, '..', '..', '..', 'lexicons', 'stopwords');

export interface ShippedStopwordOptions {
  /** Also add lexicons/stopwords/vietnamese/vietnamese-stopwords.txt to "Vietnamese". */
  largeVietnamese?: boolean;
}

export function loadShippedStopwords(options: ShippedStopwordOptions = {}): StopwordLexicon {
  const lexicon = new StopwordLexicon();
  for (const folder of SHIPPED_STOPWORD_FOLDERS) {
    const dir = path.join(STOPWORD_DIR, folder);
    for (const file of fs.readdirSync(dir).sort()) {
      if (!file.endsWith('.txt')) continue;
      lexicon.add(path.basename(file, '.txt'), parseStopwords(fs.readFileSync(path.join(dir, file), 'utf8')));
    }
  }
  if (options.largeVietnamese) {
    const file = path.join(STOPWORD_DIR, 'vietnamese', 'vietnamese-stopwords.txt');
    lexicon.add('Vietnamese', parseStopwords(fs.readFileSync(file, 'utf8')));
  }
  return lexicon;
}
