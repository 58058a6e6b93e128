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

const SHORT_UNESCAPES: Record<string, number> = { '"': 0x22, '\\': 0x5c, n: 0x0a, r: 0x0d, t: 0x09 };

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The string a double-quoted scalar stands for, when `source` (quotes included) is exactly what quoteDouble
 * writes for it: every character that must be escaped is, with the escape quoteDouble uses, and nothing else
 * is. Undefined otherwise, so callers can fall back to a full YAML parser. Checking while decoding avoids
 * encoding the result again to compare.
 */
function readQuoted(source: string): string | undefined {
  const last = source.length - 1;
  if (last < 1 || source.charCodeAt(0) !== 0x22 || source.charCodeAt(last) !== 0x22) return undefined;
  let out = '';
  let runStart = 1;
  let prev = -1; // the previous decoded UTF-16 unit
  for (let i = 1; i < last; i++) {
    const code = source.charCodeAt(i);
    if (code !== 0x5c) {
      if (code === 0x22) return undefined;
      const common = (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code < 0x2028);
      if (!common && escapeAt(source, i) !== undefined) return undefined; // should have been escaped
      prev = code;
      continue;
    }
    if (i + 1 >= last) return undefined; // the closing quote is not an escaped one
    out += source.slice(runStart, i);
    const esc = source[i + 1];
    let decoded = SHORT_UNESCAPES[esc];
    if (decoded !== undefined) i += 1;
    else {
      const hex = source.slice(i + 2, i + 6);
      if (esc !== 'u' || i + 6 > last || !/^[0-9a-f]{4}$/.test(hex)) return undefined;
      decoded = parseInt(hex, 16);
      const single = String.fromCharCode(decoded);
      // Only characters quoteDouble writes as \u: not those with a short escape, not surrogates that pair
      // (an escaped high one followed by a low one is caught when the low one is read).
      if (SHORT_ESCAPES[decoded] !== undefined || (isLowSurrogate(decoded) && isHighSurrogate(prev))) return undefined;
      if (!isHighSurrogate(decoded) && !isLowSurrogate(decoded) && escapeAt(single, 0) === undefined) return undefined;
      i += 5;
    }
    out += String.fromCharCode(decoded);
    prev = decoded;
    runStart = i + 1;
  }
  return out + source.slice(runStart, last);
}

/** The string that `source` stands for, when `source` is exactly what yamlString writes for it. */
export function readYamlString(source: string): string | undefined {
  if (source.charCodeAt(0) !== 0x22) return isPlainSafe(source) ? source : undefined;
  const value = readQuoted(source);
  return value !== undefined && !isPlainSafe(value) ? value : undefined;
}
