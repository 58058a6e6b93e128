// The canonical text of a sidecar: what Newsmark writes when there is no hand-edited file to preserve.
// Reading it back is a line scan, far faster than the general YAML parser (which needs seconds for 10,000
// tags). The scan accepts a text only if it is exactly what writeCanonical would write for what was read
// (fixed lines and key order, sorted entries, each scalar in its canonical form), so it never disagrees with a
// YAML reading: it only recognises Newsmark's own output.
import { Annotation, Dismissal, Review, SidecarData, SuggestedBy, TAG_SOURCES, TagSource, Verdict, VERDICTS } from '../model/types';
import { compareTags, sortAnnotations } from '../model/annotations';
import { isDocStatus, SIDECAR_FORMAT_VERSION } from './schema';
import { readYamlString, yamlString } from './scalars';

function spanFields(tag: Annotation | Dismissal, first: string): string {
  let out = `${first}label: ${yamlString(tag.label)}\n    start: ${tag.start}\n    end: ${tag.end}\n    text: ${yamlString(tag.text)}\n`;
  if (tag.before !== undefined) out += `    before: ${yamlString(tag.before)}\n`;
  if (tag.after !== undefined) out += `    after: ${yamlString(tag.after)}\n`;
  return out;
}

function annotationText(tag: Annotation): string {
  let out = `  - id: ${yamlString(tag.id)}\n` + spanFields(tag, '    ');
  if (typeof tag.value === 'string') out += `    value: ${yamlString(tag.value)}\n`;
  else if (tag.value !== undefined) {
    if (tag.value.length === 0) out += '    value: []\n';
    else {
      out += '    value:\n';
      for (const v of tag.value) out += `      - ${yamlString(v)}\n`;
    }
  }
  out += `    source: ${yamlString(tag.source)}\n`;
  if (tag.by !== undefined) out += `    by: ${yamlString(tag.by)}\n`;
  if (tag.at !== undefined) out += `    at: ${yamlString(tag.at)}\n`;
  if (tag.review !== undefined) {
    out += `    review:\n      verdict: ${yamlString(tag.review.verdict)}\n`;
    if (tag.review.by !== undefined) out += `      by: ${yamlString(tag.review.by)}\n`;
    if (tag.review.at !== undefined) out += `      at: ${yamlString(tag.review.at)}\n`;
  }
  out += suggestedText(tag.suggested);
  if (tag.orphaned) out += '    orphaned: true\n';
  return out;
}

function suggestedText(suggested: SuggestedBy | undefined): string {
  if (suggested === undefined) return '';
  let out = `    suggested:\n      source: ${yamlString(suggested.source)}\n`;
  if (suggested.rule !== undefined) out += `      rule: ${yamlString(suggested.rule)}\n`;
  if (suggested.score !== undefined) out += `      score: ${String(suggested.score)}\n`;
  if (suggested.label !== undefined) out += `      label: ${yamlString(suggested.label)}\n`;
  return out;
}

function dismissalText(d: Dismissal): string {
  let out = spanFields(d, '  - ');
  if (d.at !== undefined) out += `    at: ${yamlString(d.at)}\n`;
  return out + suggestedText(d.suggested);
}

/** `list` sorted, without copying when it already is (the usual case). */
function sorted<T extends Annotation | Dismissal>(list: readonly T[]): readonly T[] {
  for (let i = 1; i < list.length; i++) {
    if (compareTags(list[i - 1], list[i]) > 0) return sortAnnotations(list);
  }
  return list;
}

/** Canonical YAML for `data`: fixed key order, annotations sorted, strings quoted only when needed. */
export function writeCanonical(data: SidecarData): string {
  let out = `newsmark: ${data.newsmark}\ndocument: ${yamlString(data.document)}\n`;
  if (data.sha256 !== undefined) out += `sha256: ${yamlString(data.sha256)}\n`;
  out += `status: ${yamlString(data.status)}\n`;
  if (data.source !== undefined) out += `source: ${yamlString(data.source)}\n`;
  if (data.annotators !== undefined) {
    if (data.annotators.length === 0) out += 'annotators: []\n';
    else {
      out += 'annotators:\n';
      for (const name of data.annotators) out += `  - ${yamlString(name)}\n`;
    }
  }
  // One piece per entry, joined at the end: the result is a flat string, cheap to write or compare.
  const pieces = [out];
  if (data.annotations.length === 0) pieces.push('annotations: []\n');
  else {
    pieces.push('annotations:\n');
    for (const tag of sorted(data.annotations)) pieces.push(annotationText(tag));
  }
  if (data.dismissed.length === 0) pieces.push('dismissed: []\n');
  else {
    pieces.push('dismissed:\n');
    for (const d of sorted(data.dismissed)) pieces.push(dismissalText(d));
  }
  return pieces.join('');
}

export interface CanonicalReading {
  data: SidecarData;
  /** 1-based line of each entry's first line, parallel to data.annotations / data.dismissed. */
  annotationLines: number[];
  dismissalLines: number[];
}

const OFFSET = /^(?:0|[1-9][0-9]{0,15})$/;

/** Reads canonical lines in order; every method returns undefined (or false) when the next line differs.
 *  Works on positions in the text rather than split lines, which keeps garbage (and GC time) low. */
class LineCursor {
  /** 1-based number of the next line. */
  line = 1;
  private pos = 0;

  constructor(private readonly text: string) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  private next(end: number): void {
    this.pos = end + 1;
    this.line++;
  }

  private lineEnd(): number {
    const end = this.text.indexOf('\n', this.pos);
    return end < 0 ? this.text.length : end;
  }

  /** Consumes a line that is exactly `line`. */
  exact(line: string): boolean {
    if (!this.text.startsWith(line, this.pos) || this.text.charCodeAt(this.pos + line.length) !== 10) return false;
    this.next(this.pos + line.length);
    return true;
  }

  /** Consumes a line starting with `prefix`; returns the string scalar after it (if canonical). */
  string(prefix: string): string | undefined {
    if (!this.text.startsWith(prefix, this.pos)) return undefined;
    const end = this.lineEnd();
    const value = readYamlString(this.text.slice(this.pos + prefix.length, end));
    this.next(end);
    return value;
  }

  /** Consumes a line starting with `prefix`; returns the rest of the line as written. */
  raw(prefix: string): string | undefined {
    if (!this.text.startsWith(prefix, this.pos)) return undefined;
    const end = this.lineEnd();
    const value = this.text.slice(this.pos + prefix.length, end);
    this.next(end);
    return value;
  }

  offset(prefix: string): number | undefined {
    if (!this.text.startsWith(prefix, this.pos)) return undefined;
    const end = this.lineEnd();
    const source = this.text.slice(this.pos + prefix.length, end);
    if (!OFFSET.test(source)) return undefined;
    this.next(end);
    return Number(source);
  }

  /** Whether the next line starts with `prefix` (without consuming it). */
  at(prefix: string): boolean {
    return this.text.startsWith(prefix, this.pos);
  }
}

/**
 * label, start, end, text, before, after: the fields every entry has, after its first line's prefix. `make`
 * builds the entry from the required ones (so each entry is created once, with its final shape).
 */
function readSpanFields<T extends Dismissal>(c: LineCursor, labelPrefix: string, make: (label: string, start: number, end: number, text: string) => T): T | undefined {
  const label = c.string(labelPrefix);
  const start = c.offset('    start: ');
  const end = c.offset('    end: ');
  const text = c.string('    text: ');
  if (!label || start === undefined || end === undefined || text === undefined) return undefined;
  if (end <= start || text.length !== end - start) return undefined;
  const entry = make(label, start, end, text);
  if (c.at('    before: ')) {
    const before = c.string('    before: ');
    if (before === undefined) return undefined;
    entry.before = before;
  }
  if (c.at('    after: ')) {
    const after = c.string('    after: ');
    if (after === undefined) return undefined;
    entry.after = after;
  }
  return entry;
}

function readAnnotation(c: LineCursor): Annotation | undefined {
  const id = c.string('  - id: ');
  if (!id) return undefined;
  // `source` is read after the optional fields; 'manual' holds its place so the object keeps one shape.
  const tag = readSpanFields(c, '    label: ', (label, start, end, text): Annotation => ({ id, label, start, end, text, source: 'manual' }));
  if (!tag) return undefined;
  if (c.exact('    value: []')) tag.value = [];
  else if (c.exact('    value:')) {
    const values: string[] = [];
    while (c.at('      - ')) {
      const item = c.string('      - ');
      if (item === undefined) return undefined;
      values.push(item);
    }
    if (values.length === 0) return undefined;
    tag.value = values;
  } else if (c.at('    value: ')) {
    const value = c.string('    value: ');
    if (value === undefined) return undefined;
    tag.value = value;
  }
  const source = c.string('    source: ');
  if (!TAG_SOURCES.includes(source as TagSource)) return undefined;
  tag.source = source as TagSource;
  for (const key of ['by', 'at'] as const) {
    if (!c.at(`    ${key}: `)) continue;
    const v = c.string(`    ${key}: `);
    if (v === undefined) return undefined;
    tag[key] = v;
  }
  if (c.exact('    review:')) {
    const verdict = c.string('      verdict: ');
    if (!VERDICTS.includes(verdict as Verdict)) return undefined;
    const review: Review = { verdict: verdict as Verdict };
    for (const key of ['by', 'at'] as const) {
      if (!c.at(`      ${key}: `)) continue;
      const v = c.string(`      ${key}: `);
      if (v === undefined) return undefined;
      review[key] = v;
    }
    tag.review = review;
  }
  if (!readSuggested(c, tag)) return undefined;
  if (c.exact('    orphaned: true')) tag.orphaned = true;
  return tag;
}

/** A score as String(number) writes it, from 0 to 1. */
const SCORE = /^(?:0|1|0\.[0-9]*[1-9])$/;

/** The optional `suggested` mapping of an entry; false when it is there but not canonical. */
function readSuggested(c: LineCursor, entry: Annotation | Dismissal): boolean {
  if (!c.exact('    suggested:')) return true;
  const source = c.string('      source: ');
  if (!source) return false;
  const suggested: SuggestedBy = { source };
  if (c.at('      rule: ')) {
    const rule = c.string('      rule: ');
    if (rule === undefined) return false;
    suggested.rule = rule;
  }
  if (c.at('      score: ')) {
    const score = c.raw('      score: ');
    if (score === undefined || !SCORE.test(score)) return false;
    suggested.score = Number(score);
  }
  if (c.at('      label: ')) {
    const label = c.string('      label: ');
    if (label === undefined) return false;
    suggested.label = label;
  }
  entry.suggested = suggested;
  return true;
}

/**
 * Reads text written by writeCanonical. Returns undefined for any other text (comments, other layouts,
 * unknown keys, invalid entries, ...): the caller then uses the general YAML path.
 */
export function readCanonical(text: string): CanonicalReading | undefined {
  if (!text.endsWith('\n')) return undefined;
  const c = new LineCursor(text);
  if (!c.exact(`newsmark: ${SIDECAR_FORMAT_VERSION}`)) return undefined;
  const document = c.string('document: ');
  let sha256: string | undefined;
  if (c.at('sha256: ')) {
    sha256 = c.string('sha256: ');
    if (sha256 === undefined) return undefined;
  }
  const status = c.string('status: ');
  if (document === undefined || !isDocStatus(status)) return undefined;
  let source: string | undefined;
  if (c.at('source: ')) {
    source = c.string('source: ');
    if (source === undefined) return undefined;
  }
  let annotators: string[] | undefined;
  if (c.exact('annotators: []')) annotators = [];
  else if (c.exact('annotators:')) {
    annotators = [];
    while (c.at('  - ')) {
      const name = c.string('  - ');
      if (name === undefined) return undefined;
      annotators.push(name);
    }
    if (annotators.length === 0) return undefined;
  }

  const annotations: Annotation[] = [];
  const annotationLines: number[] = [];
  const ids = new Set<string>();
  if (!c.exact('annotations: []')) {
    if (!c.exact('annotations:')) return undefined;
    while (c.at('  - ')) {
      annotationLines.push(c.line);
      const tag = readAnnotation(c);
      // Sorted and unique, as written.
      if (!tag || ids.has(tag.id) || (annotations.length > 0 && compareTags(annotations[annotations.length - 1], tag) >= 0)) return undefined;
      ids.add(tag.id);
      annotations.push(tag);
    }
  }
  const dismissed: Dismissal[] = [];
  const dismissalLines: number[] = [];
  if (!c.exact('dismissed: []')) {
    if (!c.exact('dismissed:')) return undefined;
    while (c.at('  - ')) {
      dismissalLines.push(c.line);
      const d = readSpanFields(c, '  - label: ', (label, start, end, text): Dismissal => ({ label, start, end, text }));
      if (d && c.at('    at: ')) {
        const at = c.string('    at: ');
        if (at === undefined) return undefined;
        d.at = at;
      }
      if (!d || !readSuggested(c, d) || (dismissed.length > 0 && compareTags(dismissed[dismissed.length - 1], d) > 0)) return undefined;
      dismissed.push(d);
    }
  }
  if (!c.done) return undefined;
  const data: SidecarData = { newsmark: SIDECAR_FORMAT_VERSION, document, status, annotations, dismissed };
  if (sha256 !== undefined) data.sha256 = sha256;
  if (source !== undefined) data.source = source;
  if (annotators !== undefined) data.annotators = annotators;
  return { data, annotationLines, dismissalLines };
}
