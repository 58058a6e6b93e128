// All export formats by id, and a helper that runs one over a sequence of documents.

import { bratExporter } from './brat';
import { conllExporter } from './conll';
import { doccanoExporter } from './doccano';
import { jsonlExporter } from './jsonl';
import { labelStudioExporter } from './labelstudio';
import { textExporter } from './text';
import type { ExportDocument, Exporter, ExportOptions, ExportSink, Manifest } from './types';

export const exporters: ReadonlyMap<string, Exporter> = new Map(
  [jsonlExporter, doccanoExporter, conllExporter, bratExporter, labelStudioExporter, textExporter].map((e) => [e.id, e]),
);

/** Runs the exporter `format` over the documents; throws on an unknown format id. */
export function exportDocuments(
  format: string,
  documents: Iterable<ExportDocument>,
  sink: ExportSink,
  options: ExportOptions = {},
): Manifest {
  const exporter = exporters.get(format);
  if (!exporter) throw new Error(`Unknown export format "${format}" (known: ${[...exporters.keys()].join(', ')})`);
  const session = exporter.begin(sink, options);
  for (const doc of documents) session.add(doc);
  return session.end();
}
