// `jsonl`: corpus.jsonl, one JSON object per document with its text, spans and metadata.

import { convertSpan, offsetConverter, type OffsetUnit } from '../text/offsets';
import { ManifestBuilder } from './manifest';
import { sha256Utf8 } from '../sidecar/hash';
import { prepareDocument } from './prepare';
import type { Exporter, ExportOptions, ExportSink } from './types';

export const JSONL_FILE = 'corpus.jsonl';

export interface JsonlSpan {
  start: number;
  end: number;
  label: string;
  text: string;
  value?: string | string[];
}

export interface JsonlRecord {
  text: string;
  spans: JsonlSpan[];
  /** Pending suggestions, only when exported with include: 'pending'. */
  predictions?: Array<JsonlSpan & { score: number }>;
  meta: { document: string; sha256: string; status: string; offsets: OffsetUnit };
}

export const jsonlExporter: Exporter = {
  id: 'jsonl',
  title: 'JSONL (spans)',
  description: 'corpus.jsonl: one object per document {text, spans:[{start,end,label,text,value}], meta}; code point offsets by default.',
  begin(sink: ExportSink, options: ExportOptions = {}) {
    const unit: OffsetUnit = options.offsets ?? 'codepoint';
    const manifest = new ManifestBuilder('jsonl', unit, options);
    // Created up front so that an export where every document is skipped still has its (empty) file.
    manifest.noteFile(JSONL_FILE);
    sink.appendText(JSONL_FILE, '');
    return {
      add(doc) {
        const prepared = prepareDocument(doc, options, manifest);
        if (!prepared) return;
        const converter = offsetConverter(doc.text);
        const toUnit = <T extends { start: number; end: number }>(span: T) => convertSpan(converter, span, 'utf16', unit);
        const record: JsonlRecord = {
          text: doc.text,
          spans: prepared.tags.map((tag) => {
            manifest.countTag(tag.label);
            const { start, end } = toUnit(tag);
            return withValue({ start, end, label: tag.label, text: tag.text }, tag.value);
          }),
          meta: { document: doc.path, sha256: sha256Utf8(doc.text), status: prepared.status, offsets: unit },
        };
        if (options.include === 'pending') {
          record.predictions = prepared.suggestions.map((suggestion) => {
            manifest.countPrediction(suggestion.label);
            const { start, end } = toUnit(suggestion);
            const span = withValue({ start, end, label: suggestion.label, text: suggestion.text }, suggestion.value);
            return { ...span, score: suggestion.score };
          });
        }
        sink.appendText(JSONL_FILE, JSON.stringify(record) + '\n');
        manifest.manifest.documents.exported++;
      },
      end() {
        return manifest.finish(sink);
      },
    };
  },
};

function withValue(span: JsonlSpan, value: string | string[] | undefined): JsonlSpan {
  if (value !== undefined) span.value = value;
  return span;
}
