// Export of labelled data: formats by id, the streaming session API and an in-memory sink.

export { exporters, exportDocuments } from './registry';
export { MemorySink } from './sink';
export { MANIFEST_FILE, MANIFEST_DETAIL_LIMIT } from './manifest';
export type { DetectedLine, ExportDocument, Exporter, ExportOptions, ExportSession, ExportSink, Manifest } from './types';
