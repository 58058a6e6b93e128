// Finds which corpus document an imported record belongs to: by exact content (SHA-256 of the text), so
// offsets are guaranteed to fit; a record whose text differs from every document is not matched.

import { sha256Utf8 } from '../sidecar/hash';

export interface CorpusDocument {
  path: string;
  /** SHA-256 (hex, of the UTF-8 text), as in a sidecar's sha256 and the jsonl meta.sha256; computed from text when absent. */
  sha256?: string;
  text?: string;
}

/**
 * The path of the corpus document whose content equals the record's text. When several documents have that content,
 * the one whose path equals `documentHint` (the record's meta.document) wins, else the first.
 */
export function matchDocument(
  recordText: string,
  corpus: Iterable<CorpusDocument>,
  documentHint?: string,
): string | undefined {
  const wanted = sha256Utf8(recordText);
  let found: string | undefined;
  for (const doc of corpus) {
    const hash = doc.sha256 ?? (doc.text !== undefined ? sha256Utf8(doc.text) : undefined);
    if (hash !== wanted) continue;
    if (doc.path === documentHint) return doc.path;
    found ??= doc.path;
  }
  return found;
}
