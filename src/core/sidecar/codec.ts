// Reading and writing sidecars (format 1). Files Newsmark wrote itself take a fast line-scan path; anything
// else (hand edits, comments, unknown keys, invalid entries) goes through the `yaml` Document API, and saving
// edits that Document in place so that what the annotator wrote by hand survives.
import { Document, isMap, isNode, isScalar, isSeq, LineCounter, Pair, parseDocument, Scalar, visit, YAMLError, YAMLMap, YAMLSeq } from 'yaml';
import { Annotation, DocStatus, Dismissal, Problem, Review, SidecarData, SuggestedBy } from '../model/types';
import { cloneAnnotation, sameAnnotation, sameDismissalEntry, sameValue, sortAnnotations } from '../model/annotations';
import { readCanonical, writeCanonical } from './canonical';
import {
  ANNOTATION_KEYS, checkAnnotationEntry, checkDismissalEntry, DISMISSAL_KEYS, isDocStatus, NESTED_KEYS, SIDECAR_FORMAT_VERSION, TOP_KEYS,
} from './schema';
import { isPlainSafe } from './scalars';
import { sha256Utf8 } from './hash';

export { SIDECAR_FORMAT_VERSION } from './schema';

export const DEFAULT_MAX_SIDECAR_BYTES = 20 * 1024 * 1024;
/** Aliases are never written by Newsmark; a handful are tolerated, more is treated as an expansion attack. */
export const MAX_ALIAS_COUNT = 100;

export interface ParseSidecarOptions {
  /** Inputs larger than this (UTF-8 bytes) are refused. Default DEFAULT_MAX_SIDECAR_BYTES. */
  maxBytes?: number;
}

interface Position {
  line: number;
  col: number;
}

/** An entry of `annotations` or `dismissed` as found in the file: its item index and, when valid, its value. */
interface SourceEntry<T> {
  index: number;
  value?: T;
}

interface BaseSource {
  /** The text as given to parseSidecar. */
  text: string;
  /** '\r\n' when every line of the input ended so; saves keep it. */
  eol: '\n' | '\r\n';
  annotationPositions: Position[];
  dismissalPositions: Position[];
}

interface UnreadSource extends BaseSource {
  kind: 'unread';
}

interface CanonicalSource extends BaseSource {
  kind: 'canonical';
}

interface DocumentSource extends BaseSource {
  kind: 'document';
  doc: Document.Parsed;
  /** The data as parsed, kept apart from the caller's copy so changes can be found. */
  snapshot: SidecarData;
  annotationEntries: SourceEntry<Annotation>[];
  dismissalEntries: SourceEntry<Dismissal>[];
  indentSeq: boolean;
}

/** What serialiseSidecar needs to reproduce the original text. Opaque: do not inspect or modify. */
export type SidecarSource = UnreadSource | CanonicalSource | DocumentSource;

export interface ParsedSidecar {
  /** Undefined when the text is not a readable format-1 sidecar (see problems). */
  readonly data: SidecarData | undefined;
  /** Syntax and schema problems, positioned (1-based) for diagnostics. */
  readonly problems: Problem[];
  /** False when saving over this text would lose something: the file must then never be overwritten. */
  readonly writable: boolean;
  readonly source: SidecarSource;
}

/** The data of a sidecar for a document that has no tags yet. */
export function newSidecar(documentRelPath: string, text: string): SidecarData {
  return {
    newsmark: SIDECAR_FORMAT_VERSION,
    document: documentRelPath,
    sha256: sha256Utf8(text),
    status: 'todo',
    annotations: [],
    dismissed: [],
  };
}

function error(pos: Position, message: string): Problem {
  return { line: pos.line, col: pos.col, message, severity: 'error' };
}

function detectEol(text: string): '\n' | '\r\n' {
  const first = text.indexOf('\n');
  for (let at = first; at >= 0; at = text.indexOf('\n', at + 1)) {
    if (text.charCodeAt(at - 1) !== 13) return '\n';
  }
  return first >= 0 ? '\r\n' : '\n';
}

function withEol(text: string, eol: '\n' | '\r\n'): string {
  return eol === '\n' ? text : text.replace(/\n/g, '\r\n');
}

function unreadable(text: string, problems: Problem[], writable = false): ParsedSidecar {
  return {
    data: undefined,
    problems,
    writable,
    source: { kind: 'unread', text, eol: detectEol(text), annotationPositions: [], dismissalPositions: [] },
  };
}

export function parseSidecar(text: string, opts: ParseSidecarOptions = {}): ParsedSidecar {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_SIDECAR_BYTES;
  // A UTF-16 unit takes at most 3 UTF-8 bytes: most texts need no exact count.
  const bytes = text.length * 3 <= maxBytes ? 0 : Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) {
    return unreadable(text, [error({ line: 1, col: 1 },
      `The sidecar is ${formatBytes(bytes)}, over the ${formatBytes(maxBytes)} limit: it is not read and will not be overwritten.`)]);
  }
  const eol = detectEol(text);
  const canonical = readCanonical(eol === '\n' ? text : text.replace(/\r\n/g, '\n'));
  if (canonical) {
    return {
      data: canonical.data,
      problems: [],
      writable: true,
      source: {
        kind: 'canonical',
        text,
        eol,
        // Entries start on "  - " lines: the first key is in column 5.
        annotationPositions: canonical.annotationLines.map((line) => ({ line, col: 5 })),
        dismissalPositions: canonical.dismissalLines.map((line) => ({ line, col: 5 })),
      },
    };
  }
  return parseWithDocument(text, eol);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${bytes} bytes`;
}

/**
 * Where an unclosed quoted string begins. The `yaml` package reports it at the end of the input, where the
 * missing quote was noticed; the annotator needs the opening quote, which is the last one of its kind (an
 * unclosed string contains no unescaped quote of its own kind).
 */
function openingQuote(text: string, e: YAMLError): number | undefined {
  if (e.code !== 'MISSING_CHAR') return undefined;
  const quote = /closing "quote/.test(e.message) ? '"' : /closing 'quote/.test(e.message) ? "'" : undefined;
  if (!quote) return undefined;
  for (let at = text.lastIndexOf(quote, e.pos[0]); at >= 0; at = text.lastIndexOf(quote, at - 1)) {
    const escaped = quote === '"' ? text[at - 1] === '\\' : text[at - 1] === "'";
    if (!escaped) return at;
    if (quote === "'") at--; // skip both quotes of a '' pair
  }
  return undefined;
}

function yamlProblem(e: YAMLError, severity: Problem['severity'], text: string, lineCounter: LineCounter): Problem {
  const opening = openingQuote(text, e);
  const pos = opening !== undefined ? lineCounter.linePos(opening) : e.linePos?.[0] ?? { line: 1, col: 1 };
  // prettyErrors appends " at line L, column C:" and a source excerpt; the position is reported separately.
  const original = e.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
  return { line: pos.line, col: pos.col, message: whatToFix(e.code, original, severity), severity };
}

/** A YAML error in the annotator's words: what is wrong at this place and what to change (the parser's own
 * words only for errors not known here). */
function whatToFix(code: string, original: string, severity: Problem['severity']): string {
  const fix = code === 'MISSING_CHAR' && /quote/.test(original)
    ? 'This quoted text is never closed: add the closing quote at its end (a quote inside it is written \\" in "..." or \'\' in \'...\').'
    : YAML_FIXES[code];
  const tail = severity === 'error' ? ' The file is not read and will not be overwritten until this is fixed.' : '';
  if (fix) return `${fix}${tail}`;
  return severity === 'error' ? `The sidecar is not valid YAML here: ${original}.${tail}` : original;
}

const YAML_FIXES: Record<string, string> = {
  MULTIPLE_DOCS: 'A second YAML document starts here (a "---" line): a sidecar holds one. Delete this line and what follows it, or move that part into a file of its own.',
  RESOURCE_EXHAUSTION: 'Lists or mappings are nested far too deeply here (a long run of "[" or "{"): a sidecar needs a few levels at most. Delete the extra brackets.',
  DUPLICATE_KEY: 'This key is written twice in the same mapping: keep one of the two.',
  TAB_AS_INDENT: 'This line is indented with a tab: YAML indents with spaces only. Replace the tab with spaces.',
  BAD_INDENT: 'This line is not indented like the lines of its entry: align it with the other keys of the entry (spaces only), and close any "[" or "{" that is still open.',
  BLOCK_AS_IMPLICIT_KEY: 'Two "key: value" pairs are on one line: put each key on a line of its own, or put quotes around a value that contains ": ".',
  MULTILINE_IMPLICIT_KEY: 'A key runs over more than one line: a ":" is probably missing after a key above, or a value needs quotes.',
  KEY_OVER_1024_CHARS: 'A key longer than 1024 characters: a ":" is probably missing after a key above, or a value needs quotes.',
  BAD_DQ_ESCAPE: 'An unknown backslash escape in double-quoted text: write \\\\ for a backslash, or use single quotes.',
  BAD_SCALAR_START: 'A value cannot start with this character (@, ` or %): put the value in quotes.',
  UNEXPECTED_TOKEN: 'YAML did not expect this here: check the indentation of this line and the line above, that each list entry starts with "- ", and that "[" and "{" are closed.',
  MISSING_CHAR: 'A character is missing here: a "," between the items of a "[...]" or "{...}", a ":" after a key, or the closing "]" or "}".',
  BAD_ALIAS: 'An alias (*name) is written wrong here: Newsmark never writes aliases, so write the value out in full.',
  MULTIPLE_ANCHORS: 'A value has two anchors (&name): keep one, or write the value out in full.',
  MULTIPLE_TAGS: 'A value has two tags (!name): keep one.',
};

function findPair(map: YAMLMap, key: string): Pair | undefined {
  for (const item of map.items) {
    if (isScalar(item.key) ? item.key.value === key : item.key === key) return item;
  }
  return undefined;
}

function nodeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : undefined;
}

function parseWithDocument(text: string, eol: '\n' | '\r\n'): ParsedSidecar {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  const at = (offset: number | undefined): Position => lineCounter.linePos(offset ?? 0);
  const problems: Problem[] = [
    ...doc.errors.map((e) => yamlProblem(e, 'error', text, lineCounter)),
    ...doc.warnings.map((w) => yamlProblem(w, 'warning', text, lineCounter)),
  ];
  if (doc.errors.length > 0) return unreadable(text, problems);

  const top = doc.contents;
  if (top === null) {
    // An empty file holds nothing to lose; one with only comments does.
    const empty = text.trim() === '';
    problems.push({ line: 1, col: 1, severity: empty ? 'warning' : 'error', message: 'The sidecar holds no data.' });
    return unreadable(text, problems, empty);
  }
  if (!isMap(top)) {
    problems.push(error(at(nodeStart(top)), 'A sidecar must be a YAML mapping of keys (newsmark, document, status, annotations, ...).'));
    return unreadable(text, problems);
  }
  let js: Record<string, unknown>;
  try {
    js = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>;
  } catch (e) {
    const why = (e as Error).message;
    const fix = /alias count/i.test(why)
      ? `It uses more than ${MAX_ALIAS_COUNT} aliases (*name), which could make it expand without end: Newsmark never writes them, so write the values out in full.`
      : /Unresolved alias/.test(why)
        ? `An alias names an anchor that is not set before it (${why.replace(/^.*: /, '*')}): write the value out in full, or set "&name" on an earlier value.`
        : `The sidecar could not be read (${why}).`;
    problems.push(error({ line: 1, col: 1 }, `${fix} It is not read and will not be overwritten.`));
    return unreadable(text, problems);
  }
  const keyPos = (key: string): Position => {
    const pair = findPair(top, key);
    return at(nodeStart(pair?.key) ?? nodeStart(top));
  };

  if (js.newsmark === undefined) {
    problems.push(error(at(nodeStart(top)), 'Not a Newsmark sidecar: the "newsmark" format version is missing. The file will not be overwritten.'));
    return unreadable(text, problems);
  }
  if (js.newsmark !== SIDECAR_FORMAT_VERSION) {
    problems.push(error(keyPos('newsmark'),
      `Unknown sidecar format version ${JSON.stringify(js.newsmark)}: this version of Newsmark reads format ${SIDECAR_FORMAT_VERSION}. The file will not be overwritten.`));
    return unreadable(text, problems);
  }

  let document = '';
  if (typeof js.document === 'string' && js.document !== '') document = js.document;
  else problems.push(error(keyPos('document'), '"document" (the annotated file, relative to the sidecar) is missing or not a string.'));
  let status: DocStatus = 'todo';
  if (isDocStatus(js.status)) status = js.status;
  else if (js.status !== undefined) {
    problems.push(error(keyPos('status'), `Unknown status ${JSON.stringify(js.status)}: use todo, in-progress or done.`));
  }
  const data: SidecarData = { newsmark: SIDECAR_FORMAT_VERSION, document, status, annotations: [], dismissed: [] };
  if (typeof js.sha256 === 'string') data.sha256 = js.sha256;
  else if (js.sha256 !== undefined && js.sha256 !== null) {
    problems.push({ ...keyPos('sha256'), severity: 'warning', message: '"sha256" is not a string; it is ignored.' });
  }
  if (typeof js.source === 'string') data.source = js.source;
  else if (js.source !== undefined && js.source !== null) {
    problems.push({ ...keyPos('source'), severity: 'warning', message: '"source" is not a string; it is ignored.' });
  }
  if (Array.isArray(js.annotators) && js.annotators.every((a) => typeof a === 'string')) data.annotators = [...js.annotators as string[]];
  else if (js.annotators !== undefined && js.annotators !== null) {
    problems.push({ ...keyPos('annotators'), severity: 'warning', message: '"annotators" is not a list of names; it is ignored.' });
  }

  let writable = true;
  let indentSeq = true;
  const listItems = (key: 'annotations' | 'dismissed'): { nodes: unknown[]; values: unknown[] } | undefined => {
    const pair = findPair(top, key);
    if (!pair || pair.value === null || (isScalar(pair.value) && pair.value.value === null)) return { nodes: [], values: [] };
    if (!isSeq(pair.value)) {
      problems.push(error(keyPos(key), `"${key}" must be a list. The file will not be overwritten.`));
      writable = false;
      return undefined;
    }
    const dash = nodeStart(pair.value);
    if (!pair.value.flow && dash !== undefined && at(dash).col === keyPos(key).col) indentSeq = false;
    return { nodes: pair.value.items, values: js[key] as unknown[] };
  };

  const annotationEntries: SourceEntry<Annotation>[] = [];
  const annotationPositions: Position[] = [];
  const snapshotAnnotations: Annotation[] = [];
  const annotationItems = listItems('annotations');
  const firstLineOfId = new Map<string, number>();
  annotationItems?.values.forEach((raw, index) => {
    const pos = at(nodeStart(annotationItems.nodes[index]) ?? nodeStart(top));
    const checked = checkAnnotationEntry(raw);
    const rawId = (raw as { id?: unknown } | null)?.id;
    const name = typeof rawId === 'string' ? `Annotation "${rawId}"` : 'Annotation';
    if (!checked.ok) {
      problems.push(error(pos, `${name}: ${checked.errors.join('; ')}. The entry is kept as written but not used.`));
      annotationEntries.push({ index });
      return;
    }
    const firstLine = firstLineOfId.get(checked.value.id);
    if (firstLine !== undefined) {
      problems.push(error(pos, `Duplicate annotation id "${checked.value.id}" (first used on line ${firstLine}). The entry is kept as written but not used.`));
      annotationEntries.push({ index });
      return;
    }
    firstLineOfId.set(checked.value.id, pos.line);
    for (const w of checked.warnings) problems.push({ ...pos, severity: 'warning', message: `${name}: ${w}.` });
    // The source keeps its own copy: the caller may change data, and saving compares against the file.
    const copy = cloneAnnotation(checked.value);
    data.annotations.push(checked.value);
    snapshotAnnotations.push(copy);
    annotationPositions.push(pos);
    annotationEntries.push({ index, value: copy });
  });

  const dismissalEntries: SourceEntry<Dismissal>[] = [];
  const dismissalPositions: Position[] = [];
  const snapshotDismissals: Dismissal[] = [];
  const dismissalItems = listItems('dismissed');
  dismissalItems?.values.forEach((raw, index) => {
    const pos = at(nodeStart(dismissalItems.nodes[index]) ?? nodeStart(top));
    const checked = checkDismissalEntry(raw);
    if (!checked.ok) {
      problems.push(error(pos, `Dismissed suggestion: ${checked.errors.join('; ')}. The entry is kept as written but not used.`));
      dismissalEntries.push({ index });
      return;
    }
    for (const w of checked.warnings) problems.push({ ...pos, severity: 'warning', message: `Dismissed suggestion: ${w}.` });
    const copy = cloneAnnotation(checked.value);
    data.dismissed.push(checked.value);
    snapshotDismissals.push(copy);
    dismissalPositions.push(pos);
    dismissalEntries.push({ index, value: copy });
  });

  const snapshot: SidecarData = {
    ...data, ...(data.annotators ? { annotators: [...data.annotators] } : {}), annotations: snapshotAnnotations, dismissed: snapshotDismissals,
  };
  return {
    data,
    problems,
    writable,
    source: {
      kind: 'document', text, eol, doc, snapshot, annotationEntries, dismissalEntries, indentSeq,
      annotationPositions, dismissalPositions,
    },
  };
}

/** Warnings for tags whose label is not one of `knownLabels` (the entries stay as they are). */
export function checkLabels(parsed: ParsedSidecar, knownLabels: Iterable<string>): Problem[] {
  if (!parsed.data) return [];
  const known = new Set(knownLabels);
  const problems: Problem[] = [];
  const report = (label: string, pos: Position | undefined, what: string): void => {
    if (known.has(label)) return;
    problems.push({
      ...(pos ?? { line: 1, col: 1 }),
      severity: 'warning',
      message: `Unknown label "${label}" on ${what}: it is kept; define the label or correct the entry.`,
    });
  };
  parsed.data.annotations.forEach((tag, i) => report(tag.label, parsed.source.annotationPositions[i], `annotation "${tag.id}"`));
  parsed.data.dismissed.forEach((d, i) => report(d.label, parsed.source.dismissalPositions[i], 'a dismissed suggestion'));
  return problems;
}

/**
 * The text to save for `data`. Without `previous` (or when it was written by Newsmark) the output is the
 * canonical layout. When `previous` was edited by hand, its Document is edited in place: comments, unknown
 * keys, key order, quoting and invalid entries survive, and unchanged data gives back the original text
 * byte for byte. Throws when `previous` is not writable (the file must not be overwritten).
 */
export function serialiseSidecar(data: SidecarData, previous?: ParsedSidecar): string {
  if (!previous) return writeCanonical(data);
  if (!previous.writable) {
    const reason = previous.problems.find((p) => p.severity === 'error')?.message ?? 'it could not be read';
    throw new Error(`This sidecar must not be overwritten: ${reason}`);
  }
  const source = previous.source;
  if (source.kind !== 'document') return withEol(writeCanonical(data), source.eol);
  if (sameSidecar(data, source.snapshot)) return source.text;
  return withEol(editDocument(data, source), source.eol);
}

function sameList<T extends Annotation | Dismissal>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a.length !== b.length) return false;
  const sa = sortAnnotations(a);
  const sb = sortAnnotations(b);
  return sa.every((x, i) => same(x, sb[i]));
}

function sameSidecar(a: SidecarData, b: SidecarData): boolean {
  return a.newsmark === b.newsmark && a.document === b.document && a.sha256 === b.sha256 && a.status === b.status
    && a.source === b.source && sameValue(a.annotators, b.annotators)
    && sameList(a.annotations, b.annotations, sameAnnotation) && sameList(a.dismissed, b.dismissed, sameDismissalEntry);
}

const TO_STRING = { lineWidth: 0, minContentWidth: 0, doubleQuotedAsJSON: true } as const;

/** A mapping nested in an entry (review, suggested): its known keys' values. */
type Nested = Review | SuggestedBy;
type FieldValue = string | number | boolean | string[] | Nested;

function nestedValue(value: Nested, key: string): string | number | undefined {
  return (value as unknown as Record<string, string | number | undefined>)[key];
}

function scalarNode(doc: Document, value: string | number): Scalar {
  return typeof value === 'string' ? stringScalar(doc, value) : (doc.createNode(value) as Scalar);
}

function stringScalar(doc: Document, value: string): Scalar {
  const node = doc.createNode(value) as Scalar;
  node.type = isPlainSafe(value) ? Scalar.PLAIN : Scalar.QUOTE_DOUBLE;
  return node;
}

function valueNode(doc: Document, value: FieldValue, nestedKeys: readonly string[] = []): Scalar | YAMLSeq | YAMLMap {
  if (typeof value === 'string') return stringScalar(doc, value);
  if (Array.isArray(value)) {
    const seq = new YAMLSeq<Scalar>(doc.schema);
    seq.items = value.map((v) => stringScalar(doc, v));
    return seq;
  }
  if (typeof value === 'object') {
    const map = new YAMLMap(doc.schema);
    for (const key of nestedKeys) {
      const v = nestedValue(value, key);
      if (v !== undefined) map.items.push(new Pair(doc.createNode(key), scalarNode(doc, v)));
    }
    return map;
  }
  return doc.createNode(value) as Scalar;
}

/** Sets `key` in `map`, reusing the existing scalar node (and its comment) when there is one. New keys go
 *  after the nearest known key that precedes them in `order`. */
function setField(doc: Document, map: YAMLMap, key: string, value: FieldValue, order: readonly string[]): void {
  const pair = findPair(map, key);
  const nestedKeys = NESTED_KEYS[key] ?? [];
  if (pair && isMap(pair.value) && typeof value === 'object' && !Array.isArray(value)) {
    // A review (or suggestion) edited in place: keys Newsmark does not know (a reviewer's note) stay.
    const nested = pair.value;
    for (const k of nestedKeys) {
      const v = nestedValue(value, k);
      if (v === undefined) nested.delete(k);
      else setField(doc, nested, k, v, nestedKeys);
    }
    return;
  }
  if (pair) {
    if (isScalar(pair.value) && !Array.isArray(value) && typeof value !== 'object') {
      const scalar = pair.value;
      scalar.value = value;
      if (typeof value !== 'string') scalar.type = Scalar.PLAIN;
      else if (scalar.type === Scalar.PLAIN || scalar.type === undefined) scalar.type = isPlainSafe(value) ? Scalar.PLAIN : Scalar.QUOTE_DOUBLE;
      return;
    }
    pair.value = valueNode(doc, value, nestedKeys);
    return;
  }
  const rank = order.indexOf(key);
  let insertAt = 0;
  map.items.forEach((item, i) => {
    const itemRank = order.indexOf(String(isScalar(item.key) ? item.key.value : item.key));
    if (itemRank >= 0 && itemRank < rank) insertAt = i + 1;
  });
  map.items.splice(insertAt, 0, new Pair(doc.createNode(key), valueNode(doc, value, nestedKeys)));
}

function fieldOf(tag: Annotation | Dismissal, key: string): FieldValue | undefined {
  const value = (tag as unknown as Record<string, FieldValue | undefined>)[key];
  return key === 'orphaned' && value !== true ? undefined : value;
}

function sameFieldValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  if (typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => nestedValue(a, k) === nestedValue(b, k));
  }
  return a === b;
}

function updateEntry(doc: Document, map: YAMLMap, before: Annotation | Dismissal, after: Annotation | Dismissal, keys: readonly string[]): void {
  for (const key of keys) {
    const value = fieldOf(after, key);
    if (sameFieldValue(fieldOf(before, key), value)) continue;
    if (value === undefined) map.delete(key);
    else setField(doc, map, key, value, keys);
  }
}

function newEntry(doc: Document, tag: Annotation | Dismissal, keys: readonly string[]): YAMLMap {
  const map = new YAMLMap(doc.schema);
  for (const key of keys) {
    const value = fieldOf(tag, key);
    if (value !== undefined) map.items.push(new Pair(doc.createNode(key), valueNode(doc, value, NESTED_KEYS[key])));
  }
  return map;
}

/**
 * Rebuilds one list (annotations or dismissed) of the edited Document: entries in sorted order, each reusing
 * its old node when `matchOf` pairs it with one (by object); entries that broke the schema stay right after the entry
 * that preceded them in the file (or at the top), untouched.
 */
function rebuildList<T extends Annotation | Dismissal>(
  doc: Document, top: YAMLMap, key: 'annotations' | 'dismissed', entries: SourceEntry<T>[], tags: T[],
  matchOf: ReadonlyMap<T, number>, keys: readonly string[], same: (a: T, b: T) => boolean,
): void {
  const pair = findPair(top, key);
  const oldSeq = pair && isSeq(pair.value) ? pair.value : undefined;
  const oldNodes = oldSeq ? oldSeq.items : [];
  const sorted = sortAnnotations(tags);
  const matches = sorted.map((tag) => matchOf.get(tag));
  const survivors = new Set(matchOf.values());

  const keptAfter = new Map<number, unknown[]>(); // entry index (-1: top) -> invalid nodes following it
  let anchor = -1;
  entries.forEach((entry, i) => {
    if (entry.value !== undefined) {
      if (survivors.has(i)) anchor = i;
      return;
    }
    const list = keptAfter.get(anchor) ?? [];
    list.push(oldNodes[entry.index]);
    keptAfter.set(anchor, list);
  });

  const items: unknown[] = [...keptAfter.get(-1) ?? []];
  sorted.forEach((tag, i) => {
    const match = matches[i];
    if (match === undefined) items.push(newEntry(doc, tag, keys));
    else {
      const entry = entries[match];
      const node = oldNodes[entry.index];
      const before = entry.value as T;
      if (same(before, tag)) items.push(node);
      else if (isMap(node)) {
        updateEntry(doc, node, before, tag, keys);
        items.push(node);
      } else items.push(newEntry(doc, tag, keys));
      items.push(...keptAfter.get(match) ?? []);
    }
  });

  if (oldSeq) {
    // A comment above the first entry is stored on the list; it belongs to that entry and moves with it.
    const firstOld = oldNodes[0];
    if (oldSeq.commentBefore && isNode(firstOld) && items[0] !== firstOld && items.includes(firstOld)) {
      firstOld.commentBefore = firstOld.commentBefore ? `${oldSeq.commentBefore}\n${firstOld.commentBefore}` : oldSeq.commentBefore;
      oldSeq.commentBefore = undefined;
    }
    if (oldSeq.items.length === 0 && items.length > 0) oldSeq.flow = false;
    oldSeq.items = items;
  } else if (items.length > 0) {
    const seq = new YAMLSeq(doc.schema);
    seq.items = items;
    if (pair) pair.value = seq;
    else setListPair(doc, top, key, seq);
  }
}

function setListPair(doc: Document, top: YAMLMap, key: string, seq: YAMLSeq): void {
  const rank = TOP_KEYS.indexOf(key as (typeof TOP_KEYS)[number]);
  let insertAt = 0;
  top.items.forEach((item, i) => {
    const itemRank = TOP_KEYS.indexOf(String(isScalar(item.key) ? item.key.value : item.key) as (typeof TOP_KEYS)[number]);
    if (itemRank >= 0 && itemRank < rank) insertAt = i + 1;
  });
  top.items.splice(insertAt, 0, new Pair(doc.createNode(key), seq));
}

/** A scalar written back exactly as it was in the file (its tag included). */
class Verbatim {
  constructor(readonly text: string) {}
}

const VERBATIM_TAG = {
  tag: 'tag:newsmark.invalid,2026:verbatim',
  default: true,
  identify: (value: unknown): boolean => value instanceof Verbatim,
  resolve: (text: string): string => text,
  stringify: (item: { value: unknown }): string => (item.value as Verbatim).text,
};

/**
 * Marks every scalar Newsmark does not read as a string (numbers, booleans, nulls, anything with a tag) to be
 * written back as its source text: `0x0A`, `+5`, `1e3`, `01234`, `!custom 5` and integers beyond 2^53 would
 * otherwise come back re-formatted or rounded. Scalars that a save changes get a new value and lose the mark.
 */
function keepScalarSource(doc: Document, text: string): void {
  doc.schema.tags.push(VERBATIM_TAG);
  visit(doc, {
    Scalar(_key, node) {
      if (!node.range || (typeof node.value === 'string' && !node.tag)) return;
      if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) return;
      const written = text.slice(node.range[0], node.range[1]);
      if (written === '' || /[\r\n]/.test(written)) return;
      const tag = node.tag ? `${doc.directives?.tagString(node.tag) ?? node.tag} ` : '';
      node.tag = undefined;
      node.value = new Verbatim(tag + written);
    },
  });
}

/** Whether the file writes flow collections as `{ a: 1 }` (the yaml package's default) or `{a: 1}`. */
function flowPadding(doc: Document, text: string): boolean {
  let padded = true;
  visit(doc, {
    Map(_key, node) {
      if (!node.flow || !node.range || node.items.length === 0) return undefined;
      padded = text[node.range[0] + 1] === ' ';
      return visit.BREAK;
    },
  });
  return padded;
}

function editDocument(data: SidecarData, source: DocumentSource): string {
  const doc = source.doc.clone();
  keepScalarSource(doc, source.text);
  const top = doc.contents as YAMLMap;
  const old = source.snapshot;
  for (const key of ['document', 'sha256', 'status', 'source', 'annotators'] as const) {
    const value = data[key];
    if (key === 'annotators' ? sameValue(data.annotators, old.annotators) : value === old[key]) continue;
    if (value === undefined) top.delete(key);
    else setField(doc, top, key, value, TOP_KEYS);
  }

  // Annotations pair with their old entry by id.
  const entryById = new Map<string, number>();
  source.annotationEntries.forEach((entry, i) => {
    if (entry.value) entryById.set(entry.value.id, i);
  });
  const annotationMatches = new Map<Annotation, number>();
  for (const tag of data.annotations) {
    const i = entryById.get(tag.id);
    if (i === undefined) continue;
    annotationMatches.set(tag, i);
    entryById.delete(tag.id); // a repeated id in data gets a new node
  }
  rebuildList(doc, top, 'annotations', source.annotationEntries, data.annotations, annotationMatches, ANNOTATION_KEYS, sameAnnotation);

  // Dismissals have no id: an identical old entry first, else one with the same label and text (moved).
  const exactKey = (d: Dismissal): string => JSON.stringify([d.label, d.start, d.end, d.text, d.before, d.after]);
  const looseKey = (d: Dismissal): string => JSON.stringify([d.label, d.text]);
  const byExact = new Map<string, number[]>();
  const byLoose = new Map<string, number[]>();
  source.dismissalEntries.forEach((entry, i) => {
    if (!entry.value) return;
    for (const [map, k] of [[byExact, exactKey(entry.value)], [byLoose, looseKey(entry.value)]] as const) {
      const list = map.get(k) ?? [];
      list.push(i);
      map.set(k, list);
    }
  });
  const taken = new Set<number>();
  const takeFrom = (list: number[] | undefined): number | undefined => {
    while (list && list.length > 0) {
      const i = list.shift() as number;
      if (!taken.has(i)) {
        taken.add(i);
        return i;
      }
    }
    return undefined;
  };
  const dismissalMatches = new Map<Dismissal, number>();
  const unmatched: Dismissal[] = [];
  for (const d of data.dismissed) {
    const i = takeFrom(byExact.get(exactKey(d)));
    if (i === undefined) unmatched.push(d);
    else dismissalMatches.set(d, i);
  }
  for (const d of unmatched) {
    const i = takeFrom(byLoose.get(looseKey(d)));
    if (i !== undefined) dismissalMatches.set(d, i);
  }
  rebuildList(doc, top, 'dismissed', source.dismissalEntries, data.dismissed, dismissalMatches, DISMISSAL_KEYS, sameDismissalEntry);

  return doc.toString({ ...TO_STRING, indentSeq: source.indentSeq, flowCollectionPadding: flowPadding(source.doc, source.text) });
}
