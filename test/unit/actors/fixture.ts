// Test and evaluation helper: the shipped entity lexicons, read from lexicons/entities/.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EntityLexicon } from '../../../src/core/detect/lexicons';

export const REPO_ROOT = join(__dirname, '..', '..', '..');

/** The shipped lexicons; `without` leaves out kinds (e.g. "places", to test the page-only evidence). */
export function shippedEntityLexicon(without: readonly string[] = []): EntityLexicon {
  const lexicon = new EntityLexicon();
  const folder = join(REPO_ROOT, 'lexicons', 'entities');
  for (const name of readdirSync(folder).sort()) {
    if (!name.endsWith('.txt') || without.includes(name.split('.')[0])) continue;
    const problems = lexicon.addFile(name, readFileSync(join(folder, name), 'utf8'));
    if (problems.length > 0) throw new Error(`${name}: ${problems.map((p) => `${p.line}: ${p.message}`).join('; ')}`);
  }
  return lexicon;
}
