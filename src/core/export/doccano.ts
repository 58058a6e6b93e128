// `doccano`: doccano's sequence-labelling JSONL, {"text", "label": [[start, end, "label"], ...]}, code points
// (doccano is a Python application and slices texts by code point).

import { offsetConverter } from '../text/offsets';
import { ManifestBuilder } from './manifest';
import { prepareDocument } from './prepare';
import type { Exporter, ExportOptions, ExportSink } from './types';

export const DOCCANO_FILE = 'doccano.jsonl';

export const doccanoExporter: Exporter = {
  id: 'doccano',
  title: 'doccano (sequence labelling JSONL)',
  description: 'doccano.jsonl: {"text", "label": [[start, end, "label"], ...]} per document, code point offsets.',
  begin(sink: ExportSink, options: ExportOptions = {}) {
    const manifest = new ManifestBuilder('doccano', 'codepoint', options);
    // Created up front so that an export where every document is skipped still has its (empty) file.
    manifest.noteFile(DOCCANO_FILE);
    sink.appendText(DOCCANO_FILE, '');
    if (options.include === 'pending') manifest.manifest.notes.push('doccano has no predictions: pending suggestions are not exported.');
    return {
      add(doc) {
        const prepared = prepareDocument(doc, options, manifest);
        if (!prepared) return;
        manifest.manifest.pendingNotExported += prepared.suggestions.length;
        const converter = offsetConverter(doc.text);
        const label = prepared.tags.map((tag) => {
          manifest.countTag(tag.label);
          return [converter.toCodePoint(tag.start), converter.toCodePoint(tag.end), tag.label];
        });
        sink.appendText(DOCCANO_FILE, JSON.stringify({ text: doc.text, label }) + '\n');
        manifest.manifest.documents.exported++;
      },
      end() {
        return manifest.finish(sink);
      },
    };
  },
};
