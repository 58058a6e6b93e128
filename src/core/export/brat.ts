// `brat`: standoff files, DOC.txt (the text as stored) and DOC.ann per document, mirroring relative paths.
// Offsets are code points (brat is a Python application). A span crossing line breaks is written as
// fragments split at the breaks ("T1\tbody 0 5;6 20\t..."), since brat cannot show a text-bound annotation
// across lines; a normalised value becomes an AnnotatorNotes note ("#1\tAnnotatorNotes T1\t2021-03-22").

import { offsetConverter, type OffsetConverter } from '../text/offsets';
import { ManifestBuilder } from './manifest';
import { outputStem, prepareDocument, valueText } from './prepare';
import type { Exporter, ExportOptions, ExportSink } from './types';

export const bratExporter: Exporter = {
  id: 'brat',
  title: 'brat standoff',
  description: 'DOC.txt + DOC.ann per document: text-bound annotations (T), code point offsets, values as AnnotatorNotes.',
  begin(sink: ExportSink, options: ExportOptions = {}) {
    const manifest = new ManifestBuilder('brat', 'codepoint', options);
    if (options.include === 'pending') manifest.manifest.notes.push('brat has no predictions: pending suggestions are not exported.');
    const stems = new Set<string>();
    return {
      add(doc) {
        const stem = outputStem(doc.path);
        if (stems.has(stem)) {
          manifest.skip(doc.path, `output name ${stem}.txt is taken by another document`);
          return;
        }
        const prepared = prepareDocument(doc, options, manifest);
        if (!prepared) return;
        stems.add(stem);
        manifest.manifest.pendingNotExported += prepared.suggestions.length;
        const converter = offsetConverter(doc.text);
        const lines: string[] = [];
        let noteNumber = 0;
        prepared.tags.forEach((tag, index) => {
          const id = `T${index + 1}`;
          const fragments = lineFragments(doc.text, tag.start, tag.end);
          const offsets = fragments.map((f) => `${cp(converter, f.start)} ${cp(converter, f.end)}`).join(';');
          const text = fragments.map((f) => doc.text.slice(f.start, f.end)).join(' ');
          lines.push(`${id}\t${bratType(tag.label)} ${offsets}\t${text}`);
          if (tag.value !== undefined) lines.push(`#${++noteNumber}\tAnnotatorNotes ${id}\t${oneLine(valueText(tag.value))}`);
          manifest.countTag(tag.label);
        });
        manifest.noteFile(`${stem}.txt`);
        manifest.noteFile(`${stem}.ann`);
        sink.writeText(`${stem}.txt`, doc.text);
        sink.writeText(`${stem}.ann`, lines.length > 0 ? lines.join('\n') + '\n' : '');
        manifest.manifest.documents.exported++;
      },
      end() {
        return manifest.finish(sink);
      },
    };
  },
};

function cp(converter: OffsetConverter, offset: number): number {
  return converter.toCodePoint(offset);
}

/** The parts of [start, end) between line breaks, without the breaks and without empty parts. */
export function lineFragments(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const fragments: Array<{ start: number; end: number }> = [];
  const lineBreak = /\r\n|\r|\n/g;
  lineBreak.lastIndex = start;
  let fragmentStart = start;
  for (let match = lineBreak.exec(text); match && match.index < end; match = lineBreak.exec(text)) {
    if (match.index > fragmentStart) fragments.push({ start: fragmentStart, end: match.index });
    fragmentStart = match.index + match[0].length;
  }
  if (end > fragmentStart) fragments.push({ start: fragmentStart, end });
  return fragments;
}

/** brat type names cannot hold whitespace. */
function bratType(label: string): string {
  return label.replace(/\s+/g, '_');
}

function oneLine(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}
