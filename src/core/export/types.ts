// The export API: an Exporter opens a session on a sink, documents are added one at a time (so a large
// corpus streams through with flat memory), and end() writes and returns the manifest.

import type { SidecarData, Suggestion } from '../model/types';
import type { OffsetUnit } from '../text/offsets';

export interface DetectedLine {
  /** 0-based line number. */
  line: number;
  /** UTF-16 offsets of the line's text (without its line break). */
  start: number;
  end: number;
  label: string;
}

export interface ExportDocument {
  /** Relative posix path of the document in the corpus ("news/story.txt"). */
  path: string;
  text: string;
  sidecar?: SidecarData;
  /** Pending suggestions; exported as predictions when options.include is 'pending'. */
  suggestions?: Suggestion[];
  /** Detected body lines: used only when the document has no `body` tags (CoNLL and text exports). */
  lines?: DetectedLine[];
  /** Set when the document cannot be exported (its page or sidecar cannot be read): why, for the manifest. */
  skip?: string;
  /** Sidecar entries that could not be used (kept in the file as written), for the manifest. */
  invalidEntries?: Array<{ line: number; reason: string }>;
}

/** Where exported files go. Paths are relative posix paths inside the export folder. */
export interface ExportSink {
  /** Appends to a file. The first append of a session creates the file: a disk sink must truncate any older one. */
  appendText(relPath: string, text: string): void;
  /** Writes one whole file. */
  writeText(relPath: string, text: string): void;
}

export interface ExportOptions {
  /** Labels to export (default: all). `body` is the line-level body label. */
  labels?: readonly string[];
  /** Export only documents whose sidecar status is 'done'. */
  onlyDone?: boolean;
  /** 'pending' adds pending suggestions as predictions where the format has them (jsonl, labelstudio). */
  include?: 'accepted' | 'pending';
  /** Offset unit of the jsonl format (default 'codepoint'); other formats use their tool's unit. */
  offsets?: OffsetUnit;
  /** CoNLL: only the text of body lines (default true). */
  bodyOnly?: boolean;
  /** 'approved': only tags a reviewer approved are exported (default 'any'). */
  review?: 'any' | 'approved';
}

export interface ExportSession {
  add(doc: ExportDocument): void;
  /** Finishes the files, writes manifest.json and returns its content. */
  end(): Manifest;
}

export interface Exporter {
  id: string;
  title: string;
  description: string;
  begin(sink: ExportSink, options?: ExportOptions): ExportSession;
}

/** A capped list: `total` items were reported, the first MANIFEST_DETAIL_LIMIT are kept in `items`. */
export interface DetailList<T> {
  total: number;
  items: T[];
}

/** Offsets in manifest details are UTF-16 code units of the document (editor positions). */
export interface TagReport {
  document: string;
  label: string;
  start: number;
  end: number;
  text: string;
}

export interface Manifest {
  newsmarkExport: 1;
  format: string;
  /** Unit of the offsets in the exported files; null when the format has none (conll, text). */
  offsets: OffsetUnit | null;
  options: {
    labels: string[] | null;
    onlyDone: boolean;
    include: 'accepted' | 'pending';
    bodyOnly: boolean;
    review: 'any' | 'approved';
  };
  /** Files written, in order of first write (manifest.json included). */
  files: string[];
  documents: { exported: number; skipped: number };
  skipped: DetailList<{ document: string; reason: string }>;
  /** Exported tags per label. */
  tags: Record<string, number>;
  /** Verdicts of the tags the label filter kept, and how many the review filter left out. */
  review: { approved: number; rejected: number; unreviewed: number; leftOut: number };
  /** Exported predictions (pending suggestions) per label. */
  predictions: Record<string, number>;
  /** Pending suggestions the format could not carry (it has no predictions). */
  pendingNotExported: number;
  orphaned: DetailList<TagReport & { id: string }>;
  /** Tags whose offsets are out of range or whose text no longer matches the document. */
  invalid: DetailList<TagReport & { id: string; reason: string }>;
  /** Sidecar entries that could not be read as tags (the sidecar keeps them as written); line in the sidecar. */
  invalidEntries: DetailList<{ document: string; line: number; reason: string }>;
  /** CoNLL: spans widened to token boundaries. */
  widened: DetailList<TagReport & { widenedStart: number; widenedEnd: number; widenedText: string }>;
  /** CoNLL: tags that could not be written (overlap with another tag, outside the body, no token). */
  dropped: DetailList<TagReport & { reason: string }>;
  /** CoNLL and text: documents without `body` tags and what was used instead. */
  bodyFallback: DetailList<{ document: string; source: 'detected-lines' | 'whole-text' }>;
  notes: string[];
}
