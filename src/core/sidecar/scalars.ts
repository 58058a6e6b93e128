// How Newsmark writes a string in YAML: plain when that is unambiguous, otherwise double-quoted with a small,
// fixed set of escapes. "Unambiguous" is decided conservatively: every string written plain must read back,
// under the YAML 1.2 core schema, as exactly the same string.

/** Plain scalars that the YAML 1.2 core schema reads as null, a boolean or a number (the `yaml` package's
 *  own core-schema patterns, in one expression). */
const CORE_NON_STRING = new RegExp('^(?:' + [
  '~|[Nn]ull|NULL',
  '[Tt]rue|TRUE|[Ff]alse|FALSE',
  '0o[0-7]+',
  '[-+]?[0-9]+',
  '0x[0-9a-fA-F]+',
  '[-+]?\\.(?:inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN',
  '[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?',
].join('|') + ')$');

/** Characters never written raw: controls, C1, line/paragraph separators, BOM, non-characters and unpaired
 *  surrogates (which UTF-8 cannot carry). The `u` flag is needed to tell unpaired surrogates from pairs, and
 *  is slow, so a plain pre-check (any surrogate) comes first. */
const SPECIAL = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\p{Cs}/u;
const MAYBE_SPECIAL = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;
const MAYBE_ESCAPED = /["\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;
/** Indicators at the start, `: ` and ` #` inside, and a trailing space or colon change a plain scalar. */
const NOT_PLAIN_SHAPE = /^[\s,[\]{}#&*!|>'"%@`?:-]|: |\s#|[\s:]$/;

export function isPlainSafe(value: string): boolean {
  if (value === '' || NOT_PLAIN_SHAPE.test(value) || CORE_NON_STRING.test(value)) return false;
  return !(MAYBE_SPECIAL.test(value) && SPECIAL.test(value));
}

const SHORT_ESCAPES: Record<number, string> = { 0x22: '\\"', 0x5c: '\\\\', 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t' };

/** The escape for the UTF-16 unit at `i`, or undefined when it is written raw. */
function escapeAt(value: string, i: number): string | undefined {
  const code = value.charCodeAt(i);
  const short = SHORT_ESCAPES[code];
  if (short !== undefined) return short;
  let escape = code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029
    || code === 0xfeff || code === 0xfffe || code === 0xffff;
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = value.charCodeAt(i + 1);
    escape = !(next >= 0xdc00 && next <= 0xdfff);
  } else if (code >= 0xdc00 && code <= 0xdfff) {
    const prev = value.charCodeAt(i - 1);
    escape = !(prev >= 0xd800 && prev <= 0xdbff);
  }
  return escape ? '\\u' + code.toString(16).padStart(4, '0') : undefined;
}

export function quoteDouble(value: string): string {
  if (!MAYBE_ESCAPED.test(value)) return '"' + value + '"';
  let out = '"';
  let runStart = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    // Most characters: printable ASCII other than quote and backslash, or BMP text below the surrogates.
    if ((code >= 0x20 && code < 0x7f && code !== 0x22 && code !== 0x5c) || (code >= 0xa0 && code < 0x2028)) continue;
    const escape = escapeAt(value, i);
    if (escape === undefined) continue;
    out += value.slice(runStart, i) + escape;
    runStart = i + 1;
  }
  return out + value.slice(runStart) + '"';
}

/** The YAML text of a string scalar as Newsmark writes it. */
export function yamlString(value: string): string {
  return isPlainSafe(value) ? value : quoteDouble(value);
}

/**
 * Reads back a double-quoted scalar written by quoteDouble: `source` must be the whole scalar, quotes
 * included. Returns undefined for anything else (other escapes, stray quotes), so callers can fall back
 * to a full YAML parser.
 */
export function unquoteDouble(source: string): string | undefined {
  if (source.length < 2 || source[0] !== '"' || source[source.length - 1] !== '"') return undefined;
  const last = source.length - 1;
  let out = '';
  let runStart = 1;
  for (let i = 1; i < last; i++) {
    const ch = source.charCodeAt(i);
    if (ch === 0x22) return undefined; // an unescaped quote inside
    if (ch !== 0x5c) continue;
    out += source.slice(runStart, i);
    const esc = source[i + 1];
    if (esc === '"' || esc === '\\') out += esc;
    else if (esc === 'n') out += '\n';
    else if (esc === 'r') out += '\r';
    else if (esc === 't') out += '\t';
    else if (esc === 'u' && i + 6 <= last && /^[0-9a-f]{4}$/.test(source.slice(i + 2, i + 6))) {
      out += String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16));
      i += 4;
    } else return undefined;
    i += 1;
    runStart = i + 1;
  }
  return out + source.slice(runStart, last);
}

/** The string that `source` stands for, when `source` is exactly what yamlString writes for it. */
export function readYamlString(source: string): string | undefined {
  if (!source.startsWith('"')) return isPlainSafe(source) ? source : undefined;
  const value = unquoteDouble(source);
  return value !== undefined && !isPlainSafe(value) && quoteDouble(value) === source ? value : undefined;
}
