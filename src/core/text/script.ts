// Writing systems, for text in any script: which script a letter belongs to, whether that script
// separates its words with spaces, how wide its characters are, and which marks end a sentence in it.
// Scripts are Unicode's (the Script property, read through regular expressions once per character and
// cached), so nothing here is a list of languages.

/** The scripts the detectors tell apart; any other letter is 'Other'. */
export const SCRIPTS = [
  'Other',
  'Latin',
  'Cyrillic',
  'Greek',
  'Armenian',
  'Georgian',
  'Hebrew',
  'Arabic',
  'Devanagari',
  'Bengali',
  'Tamil',
  'Thai',
  'Lao',
  'Khmer',
  'Myanmar',
  'Ethiopic',
  'Hangul',
  'Hiragana',
  'Katakana',
  'Han',
] as const;

export type ScriptName = (typeof SCRIPTS)[number];

/** Index in SCRIPTS of each script, and NONE for a code point that is no letter or mark. */
export const NONE = 255;
const OTHER = 0;

const SCRIPT_TESTS = SCRIPTS.slice(1).map((name) => new RegExp(`^\\p{Script=${name}}$`, 'u'));
const LETTER = /^[\p{L}\p{M}]$/u;

/** Scripts whose words are not separated by spaces: their words come from a word segmenter. */
const UNSPACED = new Set<ScriptName>(['Thai', 'Lao', 'Khmer', 'Myanmar', 'Hiragana', 'Katakana', 'Han']);
const UNSPACED_FLAGS = new Uint8Array(SCRIPTS.length);
SCRIPTS.forEach((name, index) => {
  UNSPACED_FLAGS[index] = UNSPACED.has(name) ? 1 : 0;
});

/** Script index + 1 of each BMP code unit, 0 while not computed yet (a pure function's cache). */
const bmpScripts = new Uint8Array(0x10000);

function computeScript(codePoint: number): number {
  const char = String.fromCodePoint(codePoint);
  if (!LETTER.test(char)) return NONE;
  for (let i = 0; i < SCRIPT_TESTS.length; i++) if (SCRIPT_TESTS[i].test(char)) return i + 1;
  return OTHER;
}

/** The script (index in SCRIPTS) of a code point, or NONE when it is no letter or mark. */
export function scriptOf(codePoint: number): number {
  // ASCII and Latin-1 letters are Latin: the common case without a table read.
  if (codePoint < 0x80) {
    return (codePoint >= 97 && codePoint <= 122) || (codePoint >= 65 && codePoint <= 90) ? 1 : NONE;
  }
  if (codePoint < 0x10000) {
    const cached = bmpScripts[codePoint];
    if (cached !== 0) return cached - 1;
    const computed = computeScript(codePoint);
    bmpScripts[codePoint] = computed + 1;
    return computed;
  }
  return computeScript(codePoint);
}

export function scriptName(index: number): ScriptName | undefined {
  return index === NONE ? undefined : SCRIPTS[index];
}

/** Whether the script (an index) writes words without spaces between them. */
export function isUnspacedScript(index: number): boolean {
  return index !== NONE && UNSPACED_FLAGS[index] === 1;
}

/**
 * Whether a BMP code unit lies in a block of a script written without spaces: Thai and Lao, Myanmar,
 * Khmer, Hiragana and Katakana, Han (unified ideographs, extension A, compatibility), half-width Katakana.
 * Block ranges rather than the Script property: this is read for every character of every line.
 */
function isUnspacedBlock(code: number): boolean {
  if (code < 0x0e00) return false;
  if (code <= 0x0eff) return true;
  if (code < 0x1000) return false;
  if (code <= 0x109f) return true;
  if (code >= 0x1780 && code <= 0x17ff) return true;
  if (code < 0x3040) return false;
  if (code <= 0x30ff) return true;
  if (code >= 0x31f0 && code <= 0x31ff) return true;
  if (code >= 0x3400 && code <= 0x4dbf) return true;
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  if (code >= 0xf900 && code <= 0xfaff) return true;
  return code >= 0xff66 && code <= 0xff9f;
}

/**
 * Whether text holds a letter of a script written without spaces (Chinese, Japanese, Thai...). Cheap for
 * text without such letters: a range test per code unit.
 */
export function hasUnspacedLetters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Below Thai, and from Latin Extended Additional (Vietnamese) to the CJK radicals: nothing unspaced.
    if (code < 0x0e00 || (code >= 0x1e00 && code < 0x2e80)) continue;
    if (isUnspacedBlock(code)) return true;
    // Han of the supplementary planes (extension B and on: U+20000-U+3FFFF).
    if (code >= 0xd840 && code <= 0xd8bf) return true;
  }
  return false;
}

/**
 * Whether a BMP code unit is set wide (East Asian Width W or F): Hangul, CJK punctuation, Kana, Han,
 * compatibility forms, full-width forms.
 */
function isWide(code: number): boolean {
  if (code < 0x1100) return false;
  if (code <= 0x115f) return true;
  if (code < 0x2e80) return false;
  if (code <= 0xa4cf) return code !== 0x303f;
  if (code >= 0xac00 && code <= 0xd7a3) return true;
  if (code >= 0xf900 && code <= 0xfaff) return true;
  if (code >= 0xfe30 && code <= 0xfe4f) return true;
  if (code >= 0xff01 && code <= 0xff60) return true;
  return code >= 0xffe0 && code <= 0xffe6;
}

/**
 * The length of text in Latin letters' worth: every code unit counts one, and a wide character (Han,
 * Kana, Hangul, full-width forms) counts two, as it is set and as much as it says. Equal to text.length
 * for text without wide characters, so thresholds on line length read the same for them. (Astral Han is
 * already two code units.)
 */
export function textWidth(text: string): number {
  let extra = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x1100 || (code >= 0x1e00 && code < 0x2e80)) continue;
    if (isWide(code)) extra++;
  }
  return text.length + extra;
}

/** What lineShape finds in one pass over a line. */
export interface LineShape {
  /** textWidth of the line. */
  width: number;
  /** hasUnspacedLetters of the line. */
  unspaced: boolean;
  /** writesWithoutSentenceMarks of the line. */
  unpunctuated: boolean;
}

/** A code unit of Thai or a later block, outside Latin Extended Additional and the punctuation after it. */
const SPECIAL_CODE_UNIT = /[\u0e00-\u1dff\u2e80-\uffff]/;

/**
 * textWidth, hasUnspacedLetters and writesWithoutSentenceMarks of a line in one pass: text in the scripts
 * before Thai (Latin, Cyrillic, Arabic, Devanagari...) and Latin Extended Additional (Vietnamese) is
 * passed over with one comparison per code unit.
 */
export function lineShape(text: string): LineShape {
  // most lines have no such character: the regular expression tells natively
  if (!SPECIAL_CODE_UNIT.test(text)) return { width: text.length, unspaced: false, unpunctuated: false };
  let extra = 0;
  let unspaced = false;
  let thaiOrLao = 0;
  let special = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x0e00 || (code >= 0x1e00 && code < 0x2e80)) continue;
    special = true;
    if (code <= 0x0eff) {
      unspaced = true;
      thaiOrLao++;
    } else {
      if (!unspaced && (isUnspacedBlock(code) || (code >= 0xd840 && code <= 0xd8bf))) unspaced = true;
      if (isWide(code)) extra++;
    }
  }
  const unpunctuated = special && thaiOrLao > 0 && writesWithoutSentenceMarks(text);
  return { width: text.length + extra, unspaced, unpunctuated };
}

/**
 * Whether most letters of text are Thai or Lao, scripts that mark no sentence end: punctuation says
 * nothing about such a line being a sentence or a title.
 */
export function writesWithoutSentenceMarks(text: string): boolean {
  let unpunctuated = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) letters++;
    } else if (code >= 0x0e00 && code <= 0x0eff) {
      letters++;
      unpunctuated++;
    } else if (scriptOf(code) !== NONE) {
      letters++;
    }
  }
  return unpunctuated > 0 && unpunctuated * 2 > letters;
}

/** How many letters of each script (index in SCRIPTS) the text has, looking at most at `limit` code units. */
export function scriptCounts(text: string, limit = text.length): Uint32Array {
  const counts = new Uint32Array(SCRIPTS.length);
  const end = Math.min(limit, text.length);
  let latin = 0;
  for (let i = 0; i < end; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) latin++;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff) {
      code = text.codePointAt(i) as number;
      i++;
    }
    const script = scriptOf(code);
    if (script !== NONE) counts[script]++;
  }
  counts[SCRIPTS.indexOf('Latin')] += latin;
  return counts;
}

/** The scripts that hold at least `share` of the letters of the counts, most letters first. */
export function mainScripts(counts: ArrayLike<number>, share = 0.2): ScriptName[] {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  if (total === 0) return [];
  const indices: number[] = [];
  for (let i = 0; i < counts.length; i++) if (counts[i] > 0 && counts[i] >= share * total) indices.push(i);
  indices.sort((a, b) => counts[b] - counts[a]);
  return indices.map((i) => SCRIPTS[i]);
}

/** The script most of the text's letters are written in (undefined: no letters). */
export function dominantScript(text: string, limit = 4000): ScriptName | undefined {
  return mainScripts(scriptCounts(text, limit), 0)[0];
}
