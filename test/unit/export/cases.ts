// Export runs shared by the golden, consumer and round-trip tests: one per format, plus option variants.

import { exportDocuments } from '../../../src/core/export/registry';
import { MemorySink } from '../../../src/core/export/sink';
import type { ExportOptions, Manifest } from '../../../src/core/export/types';
import { fixtureCorpus } from '../../fixtures/export/corpus';

export interface ExportCase {
  /** Folder name under test/fixtures/export/golden/. */
  name: string;
  format: string;
  options: ExportOptions;
}

export const EXPORT_CASES: readonly ExportCase[] = [
  { name: 'jsonl', format: 'jsonl', options: {} },
  { name: 'jsonl-pending-utf16', format: 'jsonl', options: { include: 'pending', offsets: 'utf16' } },
  { name: 'jsonl-only-done', format: 'jsonl', options: { onlyDone: true } },
  { name: 'doccano', format: 'doccano', options: {} },
  { name: 'conll', format: 'conll', options: {} },
  { name: 'conll-whole-text-actor', format: 'conll', options: { bodyOnly: false, labels: ['actor'] } },
  { name: 'brat', format: 'brat', options: {} },
  { name: 'labelstudio', format: 'labelstudio', options: { include: 'pending' } },
  { name: 'text', format: 'text', options: {} },
];

export function runCase(exportCase: ExportCase): { files: Map<string, string>; manifest: Manifest } {
  const sink = new MemorySink();
  const manifest = exportDocuments(exportCase.format, fixtureCorpus(), sink, exportCase.options);
  return { files: sink.files, manifest };
}
