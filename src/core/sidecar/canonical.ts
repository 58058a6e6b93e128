// The canonical text of a sidecar: what Newsmark writes when there is no hand-edited file to preserve.
// Reading it back is a line scan, far faster than the general YAML parser (which needs seconds for 10,000
// tags). The scan accepts a text only if it is exactly what writeCanonical would write for what was read
// (fixed lines and key order, sorted entries, each scalar in its canonical form), so it never disagrees with a
// YAML reading: it only recognises Newsmark's own output.
import { Annotation, Dismissal, SidecarData, TAG_SOURCES, TagSource } from '../model/types';
import { compareTags, sortAnnotations } from '../model/annotations';
import { isDocStatus, SIDECAR_FORMAT_VERSION } from './schema';
import { readYamlString, yamlString } from './scalars';

function pushSpanFields(out: string[], tag: Annotation | Dismissal, first: string): void {
  out.push(`${first}label: ${yamlString(tag.label)}`,
    `    start: ${tag.start}`,
    `    end: ${tag.end}`,
    `    text: ${yamlString(tag.text)}`);
  if (tag.before !== undefined) out.push(`    before: ${yamlString(tag.before)}`);
  if (tag.after !== undefined) out.push(`    after: ${yamlString(tag.after)}`);
}

/** Canonical YAML for `data`: fixed key order, annotations sorted, strings quoted only when needed. */
export function writeCanonical(data: SidecarData): string {
  const out: string[] = [`newsmark: ${data.newsmark}`, `document: ${yamlString(data.document)}`];
  if (data.sha256 !== undefined) out.push(`sha256: ${yamlString(data.sha256)}`);
  out.push(`status: ${yamlString(data.status)}`);
  if (data.annotations.length === 0) out.push('annotations: []');
  else {
    out.push('annotations:');
    for (const tag of sortAnnotations(data.annotations)) {
      out.push(`  - id: ${yamlString(tag.id)}`);
      pushSpanFields(out, tag, '    ');
      if (typeof tag.value === 'string') out.push(`    value: ${yamlString(tag.value)}`);
      else if (tag.value !== undefined) {
        if (tag.value.length === 0) out.push('    value: []');
        else {
          out.push('    value:');
          for (const v of tag.value) out.push(`      - ${yamlString(v)}`);
        }
      }
      out.push(`    source: ${yamlString(tag.source)}`);
      if (tag.by !== undefined) out.push(`    by: ${yamlString(tag.by)}`);
      if (tag.at !== undefined) out.push(`    at: ${yamlString(tag.at)}`);
      if (tag.orphaned) out.push('    orphaned: true');
    }
  }
  if (data.dismissed.length === 0) out.push('dismissed: []');
  else {
    out.push('dismissed:');
    for (const d of sortAnnotations(data.dismissed)) pushSpanFields(out, d, '  - ');
  }
  out.push('');
  return out.join('\n');
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

/** label, start, end, text, before, after: the fields every entry has, after its first line's prefix. */
function readSpanFields(c: LineCursor, labelPrefix: string): Dismissal | undefined {
  const label = c.string(labelPrefix);
  const start = c.offset('    start: ');
  const end = c.offset('    end: ');
  const text = c.string('    text: ');
  if (!label || start === undefined || end === undefined || text === undefined) return undefined;
  if (end <= start || text.length !== end - start) return undefined;
  const span: Dismissal = { label, start, end, text };
  if (c.at('    before: ')) {
    const before = c.string('    before: ');
    if (before === undefined) return undefined;
    span.before = before;
  }
  if (c.at('    after: ')) {
    const after = c.string('    after: ');
    if (after === undefined) return undefined;
    span.after = after;
  }
  return span;
}

function readAnnotation(c: LineCursor): Annotation | undefined {
  const id = c.string('  - id: ');
  if (!id) return undefined;
  const span = readSpanFields(c, '    label: ');
  if (!span) return undefined;
  let value: string | string[] | undefined;
  if (c.exact('    value: []')) value = [];
  else if (c.exact('    value:')) {
    const values: string[] = [];
    while (c.at('      - ')) {
      const item = c.string('      - ');
      if (item === undefined) return undefined;
      values.push(item);
    }
    if (values.length === 0) return undefined;
    value = values;
  } else if (c.at('    value: ')) {
    value = c.string('    value: ');
    if (value === undefined) return undefined;
  }
  const source = c.string('    source: ');
  if (!TAG_SOURCES.includes(source as TagSource)) return undefined;
  const tag: Annotation = { id, label: span.label, start: span.start, end: span.end, text: span.text, source: source as TagSource };
  if (span.before !== undefined) tag.before = span.before;
  if (span.after !== undefined) tag.after = span.after;
  if (value !== undefined) tag.value = value;
  for (const key of ['by', 'at'] as const) {
    if (!c.at(`    ${key}: `)) continue;
    const v = c.string(`    ${key}: `);
    if (v === undefined) return undefined;
    tag[key] = v;
  }
  if (c.exact('    orphaned: true')) tag.orphaned = true;
  return tag;
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
      const d = readSpanFields(c, '  - label: ');
      if (!d || (dismissed.length > 0 && compareTags(dismissed[dismissed.length - 1], d) > 0)) return undefined;
      dismissed.push(d);
    }
  }
  if (!c.done) return undefined;
  const data: SidecarData = { newsmark: SIDECAR_FORMAT_VERSION, document, status, annotations, dismissed };
  if (sha256 !== undefined) data.sha256 = sha256;
  return { data, annotationLines, dismissalLines };
}
