// Reads brat standoff (DOC.txt + DOC.ann): text-bound annotations (T) and their AnnotatorNotes values.
// Offsets are code points; discontinuous fragments ("0 5;6 20") become one tag from the first fragment's
// start to the last fragment's end, which restores the multi-line spans the brat export splits at line breaks.

import { offsetConverter } from '../text/offsets';
import { VALUE_SEPARATOR } from '../export/prepare';
import type { ImportedRecord, ImportedTag } from './types';

const TEXT_BOUND = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t?(.*)$/;
const NOTE = /^#\d+\tAnnotatorNotes (T\d+)\t(.*)$/;

export function importBrat(txt: string, ann: string): ImportedRecord {
  const converter = offsetConverter(txt);
  const byId = new Map<string, ImportedTag>();
  const problems: string[] = [];
  const notes: Array<[string, string]> = [];
  const codePointLength = converter.toCodePoint(txt.length);
  ann.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `line ${index + 1}`;
    const textBound = TEXT_BOUND.exec(line);
    if (textBound) {
      const [, id, label, offsets, text] = textBound;
      const numbers = offsets.split(/[ ;]/).map(Number);
      const start = numbers[0];
      const end = numbers[numbers.length - 1];
      if (!(start < end && end <= codePointLength)) {
        problems.push(`${where}: ${id} offsets ${offsets} are outside the text`);
        return;
      }
      const tag: ImportedTag = { label, start: converter.toUtf16(start), end: converter.toUtf16(end) };
      const fragmentsText = fragmentText(txt, numbers, converter.toUtf16);
      if (text !== '' && text !== fragmentsText) {
        problems.push(`${where}: ${id} text "${text}" differs from the document's "${fragmentsText}"; not imported`);
        return;
      }
      byId.set(id, tag);
      return;
    }
    const note = NOTE.exec(line);
    if (note) {
      notes.push([note[1], note[2]]);
      return;
    }
    problems.push(`${where}: not a text-bound annotation or note, ignored`);
  });
  for (const [id, value] of notes) {
    const tag = byId.get(id);
    if (!tag) continue;
    const parts = value.split(VALUE_SEPARATOR);
    tag.value = parts.length > 1 ? parts : value;
  }
  return { text: txt, tags: [...byId.values()], problems };
}

function fragmentText(txt: string, numbers: number[], toUtf16: (offset: number) => number): string {
  const parts: string[] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) parts.push(txt.slice(toUtf16(numbers[i]), toUtf16(numbers[i + 1])));
  return parts.join(' ');
}
