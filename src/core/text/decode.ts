// A page's bytes as text, by one rule for the command-line tool and the editor, so that offsets, lengths and
// sha256 agree everywhere: a byte order mark says the encoding and is not part of the text (the editor drops
// a UTF-8 one from the document too); without one the page must be UTF-8. Binary files (NUL bytes) and bytes
// that are not UTF-8 are refused with a reason, never read as replacement characters.

export type PageEncoding = 'utf-8' | 'utf-8 with BOM' | 'UTF-16 LE' | 'UTF-16 BE';

export type DecodedPage =
  | { ok: true; text: string; encoding: PageEncoding }
  /** `reason` completes "it is ...": "not a text file (...)". */
  | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true });

export function decodePage(bytes: Uint8Array): DecodedPage {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeWith(utf8, bytes.subarray(3), 'utf-8 with BOM');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith(utf16le, bytes.subarray(2), 'UTF-16 LE');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith(utf16be, bytes.subarray(2), 'UTF-16 BE');
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { ok: false, reason: `not a text file (a NUL byte at byte ${nul}; UTF-16 pages need a byte order mark)` };
  }
  return decodeWith(utf8, bytes, 'utf-8');
}

function decodeWith(decoder: { decode(bytes: Uint8Array): string }, bytes: Uint8Array, encoding: PageEncoding): DecodedPage {
  try {
    return { ok: true, text: decoder.decode(bytes), encoding };
  } catch {
    const where = encoding.startsWith('utf-8') ? `, first at byte ${firstInvalidUtf8(bytes) + (encoding === 'utf-8' ? 0 : 3)}` : '';
    return { ok: false, reason: `not valid ${encoding.startsWith('utf-8') ? 'UTF-8' : encoding} text (bytes that are not characters${where}; save it as UTF-8)` };
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    if (need > 0) {
      if (i + need >= bytes.length) return i; // cut off at the end
      for (let k = 1; k <= need; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
      // Overlong three- and four-byte forms, surrogates and code points above U+10FFFF.
      const b1 = bytes[i + 1];
      if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f) || (b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) return i;
    }
    i += need + 1;
  }
  return i;
}
