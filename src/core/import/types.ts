// What the importers produce: a document text and its tags, with UTF-16 offsets into that text.

export interface ImportedTag {
  label: string;
  /** UTF-16 offsets, half-open. */
  start: number;
  end: number;
  value?: string | string[];
}

export interface ImportedRecord {
  text: string;
  tags: ImportedTag[];
  /** The source document's relative path, when the record names it (jsonl meta.document). */
  document?: string;
  /** SHA-256 of the text, when the record carries it (jsonl meta.sha256). */
  sha256?: string;
  /** Tags or lines that were not imported, and why. */
  problems: string[];
}

/** A record that cannot be read at all (not JSON, no text). */
export class ImportError extends Error {}
