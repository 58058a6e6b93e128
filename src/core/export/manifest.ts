// Collects what an export session did, with detail lists capped so a 10,000-page export keeps flat memory.

import type { DetailList, ExportOptions, ExportSink, Manifest } from './types';
import type { OffsetUnit } from '../text/offsets';

export const MANIFEST_DETAIL_LIMIT = 1000;
export const MANIFEST_FILE = 'manifest.json';

type ListKey = 'skipped' | 'orphaned' | 'invalid' | 'invalidEntries' | 'widened' | 'dropped' | 'bodyFallback';
type ItemOf<K extends ListKey> = Manifest[K] extends DetailList<infer T> ? T : never;

export class ManifestBuilder {
  readonly manifest: Manifest;
  private readonly written = new Set<string>();

  constructor(format: string, offsets: OffsetUnit | null, options: ExportOptions) {
    this.manifest = {
      newsmarkExport: 1,
      format,
      offsets,
      options: {
        labels: options.labels ? [...options.labels] : null,
        onlyDone: options.onlyDone ?? false,
        include: options.include ?? 'accepted',
        bodyOnly: options.bodyOnly ?? true,
        review: options.review ?? 'any',
      },
      files: [],
      documents: { exported: 0, skipped: 0 },
      skipped: emptyList(),
      tags: {},
      review: { approved: 0, rejected: 0, unreviewed: 0, leftOut: 0 },
      predictions: {},
      pendingNotExported: 0,
      orphaned: emptyList(),
      invalid: emptyList(),
      invalidEntries: emptyList(),
      widened: emptyList(),
      dropped: emptyList(),
      bodyFallback: emptyList(),
      notes: [],
    };
  }

  report<K extends ListKey>(key: K, item: ItemOf<K>): void {
    const list = this.manifest[key] as DetailList<ItemOf<K>>;
    list.total++;
    if (list.items.length < MANIFEST_DETAIL_LIMIT) list.items.push(item);
  }

  skip(document: string, reason: string): void {
    this.manifest.documents.skipped++;
    this.report('skipped', { document, reason });
  }

  countTag(label: string, n = 1): void {
    this.manifest.tags[label] = (this.manifest.tags[label] ?? 0) + n;
  }

  countPrediction(label: string): void {
    this.manifest.predictions[label] = (this.manifest.predictions[label] ?? 0) + 1;
  }

  /** Records a file name the session writes to (for the manifest's file list). */
  noteFile(relPath: string): void {
    if (this.written.has(relPath)) return;
    this.written.add(relPath);
    this.manifest.files.push(relPath);
  }

  /** Writes manifest.json to the sink and returns the manifest. */
  finish(sink: ExportSink): Manifest {
    this.noteFile(MANIFEST_FILE);
    sink.writeText(MANIFEST_FILE, JSON.stringify(this.manifest, null, 2) + '\n');
    return this.manifest;
  }
}

function emptyList<T>(): DetailList<T> {
  return { total: 0, items: [] };
}
