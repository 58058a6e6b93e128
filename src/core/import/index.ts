// Import of labelled data: readers for brat, jsonl and doccano records, document matching and merging.

export { importBrat } from './brat';
export { importJsonl } from './jsonl';
export { matchDocument, type CorpusDocument } from './match';
export { mergeImported, type ImportConflict, type MergeResult } from './merge';
export { ImportError, type ImportedRecord, type ImportedTag } from './types';
