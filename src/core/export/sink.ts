// An in-memory sink: for tests, previews, and callers that write the files themselves afterwards.

import type { ExportSink } from './types';

export class MemorySink implements ExportSink {
  /** File contents by relative path, in order of creation. */
  readonly files = new Map<string, string>();

  appendText(relPath: string, text: string): void {
    this.files.set(relPath, (this.files.get(relPath) ?? '') + text);
  }

  writeText(relPath: string, text: string): void {
    this.files.set(relPath, text);
  }
}
