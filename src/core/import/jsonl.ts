// Reads one line of the jsonl export ({"text", "spans", "meta"}) or of doccano sequence-labelling JSONL
// ({"text", "label": [[start, end, label]]} or {"text", "entities": [{start_offset, end_offset, label}]}).
// Offsets are code points unless the record's meta says utf16; they come back as UTF-16.

import { offsetConverter, type OffsetUnit } from '../text/offsets';
import { ImportError, type ImportedRecord, type ImportedTag } from './types';

export function importJsonl(line: string): ImportedRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    throw new ImportError(`not JSON: ${(error as Error).message}`);
  }
  if (!isObject(parsed) || typeof parsed.text !== 'string') throw new ImportError('a record needs a "text" string');
  const text = parsed.text;
  const meta = isObject(parsed.meta) ? parsed.meta : {};
  const unit: OffsetUnit = meta.offsets === 'utf16' ? 'utf16' : 'codepoint';
  const converter = offsetConverter(text);
  const toUtf16 = unit === 'utf16' ? (n: number) => n : converter.toUtf16;
  const limit = unit === 'utf16' ? text.length : converter.toCodePoint(text.length);
  const problems: string[] = [];
  const tags: ImportedTag[] = [];

  const add = (where: string, start: unknown, end: unknown, label: unknown, value?: unknown, expectedText?: unknown) => {
    if (typeof label !== 'string' || !isOffset(start) || !isOffset(end) || start >= end || end > limit) {
      problems.push(`${where}: needs a label and offsets 0 <= start < end <= ${limit}`);
      return;
    }
    const tag: ImportedTag = { label, start: toUtf16(start), end: toUtf16(end) };
    if (typeof expectedText === 'string' && text.slice(tag.start, tag.end) !== expectedText) {
      problems.push(`${where}: span text "${expectedText}" differs from the document's "${text.slice(tag.start, tag.end)}"`);
      return;
    }
    if (typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))) tag.value = value;
    tags.push(tag);
  };

  if (Array.isArray(parsed.spans)) {
    parsed.spans.forEach((span, i) => {
      if (isObject(span)) add(`spans[${i}]`, span.start, span.end, span.label, span.value, span.text);
      else problems.push(`spans[${i}]: not an object`);
    });
  } else if (Array.isArray(parsed.label)) {
    parsed.label.forEach((entry, i) => {
      if (Array.isArray(entry)) add(`label[${i}]`, entry[0], entry[1], entry[2]);
      else problems.push(`label[${i}]: not a [start, end, label] triple`);
    });
  } else if (Array.isArray(parsed.entities)) {
    parsed.entities.forEach((entity, i) => {
      if (isObject(entity)) add(`entities[${i}]`, entity.start_offset, entity.end_offset, entity.label);
      else problems.push(`entities[${i}]: not an object`);
    });
  }
  const record: ImportedRecord = { text, tags, problems };
  if (typeof meta.document === 'string') record.document = meta.document;
  if (typeof meta.sha256 === 'string') record.sha256 = meta.sha256;
  return record;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
