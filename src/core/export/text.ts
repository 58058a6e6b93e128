// `text`: the article body of each document as plain text, DOC.body.txt: the body spans in document order,
// joined by newlines. Without `body` tags the detected body lines are used; a document with neither is
// skipped rather than exported with its boilerplate.

import { ManifestBuilder } from './manifest';
import { bodyRanges, outputStem, prepareDocument } from './prepare';
import type { Exporter, ExportOptions, ExportSink } from './types';

export const BODY_TEXT_SUFFIX = '.body.txt';

export const textExporter: Exporter = {
  id: 'text',
  title: 'Plain body text',
  description: 'DOC.body.txt per document: the body spans joined by newlines.',
  begin(sink: ExportSink, options: ExportOptions = {}) {
    const manifest = new ManifestBuilder('text', null, options);
    const names = new Set<string>();
    return {
      add(doc) {
        const name = outputStem(doc.path) + BODY_TEXT_SUFFIX;
        if (names.has(name)) {
          manifest.skip(doc.path, `output name ${name} is taken by another document`);
          return;
        }
        const prepared = prepareDocument(doc, options, manifest);
        if (!prepared) return;
        const ranges = bodyRanges(doc, prepared, manifest, false);
        if (!ranges) {
          manifest.skip(doc.path, 'no body tags and no detected body lines');
          return;
        }
        names.add(name);
        manifest.countTag('body', prepared.bodyTags.length);
        manifest.noteFile(name);
        sink.writeText(name, ranges.map((range) => doc.text.slice(range.start, range.end)).join('\n') + '\n');
        manifest.manifest.documents.exported++;
      },
      end() {
        return manifest.finish(sink);
      },
    };
  },
};
