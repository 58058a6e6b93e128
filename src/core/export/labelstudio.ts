// `labelstudio`: labelstudio.json, a JSON list of Label Studio tasks with their annotations (and pending
// suggestions as predictions when include is 'pending').
//
// Offsets are code points: Label Studio's text tag converts the browser's UTF-16 positions to code points
// before storing a region ("for external usage js length should be converted to code points count",
// web/libs/editor/src/utils/selection-tools.js, charsToCodePoints), so that Python slicing matches.
// The list is streamed: "[" on the first document, one element per document, "]" at the end.

import { offsetConverter, type OffsetConverter } from '../text/offsets';
import type { Span } from '../model/types';
import { ManifestBuilder } from './manifest';
import { sha256Utf8 } from '../sidecar/hash';
import { prepareDocument } from './prepare';
import type { Exporter, ExportOptions, ExportSink } from './types';

export const LABELSTUDIO_FILE = 'labelstudio.json';
/** Names of the <Labels> and <Text> tags of the labelling config the tasks are written for. */
export const LABELSTUDIO_FROM_NAME = 'label';
export const LABELSTUDIO_TO_NAME = 'text';
export const LABELSTUDIO_MODEL_VERSION = 'newsmark';

export interface LabelStudioResult {
  id: string;
  from_name: string;
  to_name: string;
  type: 'labels';
  value: { start: number; end: number; text: string; labels: string[] };
  score?: number;
}

export const labelStudioExporter: Exporter = {
  id: 'labelstudio',
  title: 'Label Studio (JSON tasks)',
  description: 'labelstudio.json: a list of tasks {data:{text}, annotations:[{result:[...]}], predictions}, code point offsets.',
  begin(sink: ExportSink, options: ExportOptions = {}) {
    const manifest = new ManifestBuilder('labelstudio', 'codepoint', options);
    let count = 0;
    manifest.noteFile(LABELSTUDIO_FILE);
    return {
      add(doc) {
        const prepared = prepareDocument(doc, options, manifest);
        if (!prepared) return;
        const converter = offsetConverter(doc.text);
        const taskNumber = count + 1;
        const annotationResult = prepared.tags.map((tag, i) => {
          manifest.countTag(tag.label);
          return result(converter, doc.text, tag, tag.label, `t${taskNumber}-${i + 1}`);
        });
        const task: Record<string, unknown> = {
          data: { text: doc.text, document: doc.path },
          meta: { document: doc.path, sha256: sha256Utf8(doc.text), status: prepared.status },
          annotations: [{ result: annotationResult }],
        };
        if (options.include === 'pending') {
          const predictionResult = prepared.suggestions.map((suggestion, i) => {
            manifest.countPrediction(suggestion.label);
            return { ...result(converter, doc.text, suggestion, suggestion.label, `p${taskNumber}-${i + 1}`), score: suggestion.score };
          });
          task.predictions = [{ model_version: LABELSTUDIO_MODEL_VERSION, result: predictionResult }];
        }
        sink.appendText(LABELSTUDIO_FILE, (count === 0 ? '[\n' : ',\n') + JSON.stringify(task));
        count++;
        manifest.manifest.documents.exported++;
      },
      end() {
        sink.appendText(LABELSTUDIO_FILE, count === 0 ? '[]\n' : '\n]\n');
        return manifest.finish(sink);
      },
    };
  },
};

function result(converter: OffsetConverter, text: string, span: Span, label: string, id: string): LabelStudioResult {
  return {
    id,
    from_name: LABELSTUDIO_FROM_NAME,
    to_name: LABELSTUDIO_TO_NAME,
    type: 'labels',
    value: {
      start: converter.toCodePoint(span.start),
      end: converter.toCodePoint(span.end),
      text: text.slice(span.start, span.end),
      labels: [label],
    },
  };
}
