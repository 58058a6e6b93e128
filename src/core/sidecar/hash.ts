import { createHash } from 'node:crypto';

/** Hex SHA-256 of the UTF-8 encoding of `text` (what a sidecar's `sha256` records). */
export function sha256Utf8(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
