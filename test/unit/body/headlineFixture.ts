import * as fs from 'node:fs';
import * as path from 'node:path';

/** An article, and another page of its site that lists the article's headline as a link (fixtures/headline-*.txt). */
export function headlineAndListing(): [string, string] {
  const read = (name: string): string => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
  return [read('headline-article.txt'), read('headline-listing.txt')];
}
