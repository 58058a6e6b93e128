// Plain data shared by every part of Newsmark. Offsets are UTF-16 code units (as VS Code and JavaScript
// count them), half-open: [start, end).

export interface Span {
  start: number;
  end: number;
}

/** Where a tag came from. */
export type TagSource = 'manual' | 'accepted' | 'propagated' | 'imported';
export const TAG_SOURCES: readonly TagSource[] = ['manual', 'accepted', 'propagated', 'imported'];

/** A reviewer's verdict on one tag. */
export type Verdict = 'approved' | 'rejected';
export const VERDICTS: readonly Verdict[] = ['approved', 'rejected'];

/** Who reviewed a tag, when, and what they decided. A tag that changes loses its review. */
export interface Review {
  verdict: Verdict;
  by?: string;
  at?: string;
}

/**
 * The suggestion a tag or dismissal was decided on (format 1 extension; older versions keep it as an unknown
 * key): its source (rules, learned, propagation, suggester:NAME), rule id and score, and its label when the
 * tag's label was changed afterwards (a correction).
 */
export interface SuggestedBy {
  source: string;
  rule?: string;
  score?: number;
  label?: string;
}

export type DocStatus = 'todo' | 'in-progress' | 'done';
export const DOC_STATUSES: readonly DocStatus[] = ['todo', 'in-progress', 'done'];

/** A confirmed tag, as stored in a sidecar's `annotations` list. */
export interface Annotation extends Span {
  id: string;
  label: string;
  /** The covered text, checked on load. */
  text: string;
  /** Up to CONTEXT_CHARS characters of context on each side, for re-anchoring. */
  before?: string;
  after?: string;
  /** Normalised value: ISO date, canonical actor name. */
  value?: string | string[];
  source: TagSource;
  by?: string;
  at?: string;
  /** The reviewer's verdict (format 1 extension; older versions keep it as an unknown key). */
  review?: Review;
  /** The suggestion it was accepted from. */
  suggested?: SuggestedBy;
  /** Set when the tag could not be placed in the current text; it is kept, never dropped. */
  orphaned?: boolean;
}

/** A suggestion the annotator rejected; it never comes back at that place. */
export interface Dismissal extends Span {
  label: string;
  text: string;
  before?: string;
  after?: string;
  /** When it was dismissed (ISO 8601). */
  at?: string;
  /** The suggestion that was dismissed. */
  suggested?: SuggestedBy;
}

/** The content of a sidecar (format 1). */
export interface SidecarData {
  newsmark: 1;
  /** The document, relative to the sidecar. */
  document: string;
  sha256?: string;
  status: DocStatus;
  /** 'curated' for a sidecar written by adjudicating several annotators' tags. */
  source?: string;
  /** The annotators whose tags a curated sidecar was made from. */
  annotators?: string[];
  annotations: Annotation[];
  dismissed: Dismissal[];
}

/** A text replacement in a document: [start, end) of the text before the edit is replaced by `text`. */
export interface TextEdit extends Span {
  text: string;
}

/** A problem found in an input file, positioned for a diagnostic: 1-based line and column. */
export interface Problem {
  line: number;
  col: number;
  message: string;
  severity: 'error' | 'warning';
}

export type LineLabel = 'body' | 'boilerplate';

/** The detector's decision about one non-empty line. */
export interface LineDecision {
  /** 0-based line number. */
  line: number;
  start: number;
  end: number;
  label: LineLabel;
  /** Probability-like score in [0, 1] that the line is body. */
  score: number;
  reasons: string[];
}

/** A proposed entity span (actor, date) or body block, with the reasons behind it. */
export interface Suggestion extends Span {
  label: string;
  text: string;
  value?: string | string[];
  score: number;
  reasons: string[];
  /** Ids of the rules or sources that made it (actors: ACTOR_RULES in detect/actors.ts), for learners and
   * the per-rule quality counts. */
  rules?: string[];
  /** Best minus second-best label score where a model scored every label (the smaller, the less certain). */
  margin?: number;
  /** 0-based line of `start`. */
  line: number;
  /** Where it came from when not the built-in detectors: `suggester:NAME` for an external suggester. */
  source?: string;
}

export const CONTEXT_CHARS = 32;
