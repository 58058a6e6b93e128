// File-name patterns (`*`, `?`, `{a,b}`) matched without regular expressions: a pattern like `*a*a*a*b`
// against a long name makes a backtracking RegExp take exponential time, while the two-pointer wildcard match
// below is bounded by name length × pattern length.

/** Alternatives are expanded into separate patterns; more than this is refused rather than matched slowly. */
const MAX_ALTERNATIVES = 256;

export interface FileNamePattern {
  readonly source: string;
  test(name: string): boolean;
}

/** Compiles a base-name pattern. Throws with a message for the user on a path separator, `..` or bad braces. */
export function compileFileNamePattern(glob: string): FileNamePattern {
  if (glob === '' || /[\\/]/.test(glob) || glob.includes('..')) {
    throw new Error(`the pattern "${glob}" must be a file name pattern (no "/" or "..")`);
  }
  const alternatives = expandBraces(glob).map((pattern) => [...pattern]);
  return {
    source: glob,
    test: (name: string) => {
      const chars = [...name];
      return alternatives.some((pattern) => wildcardMatch(pattern, chars));
    },
  };
}

function expandBraces(glob: string): string[] {
  const open = glob.indexOf('{');
  const stray = glob.indexOf('}');
  if (open < 0) {
    if (stray >= 0) throw new Error(`a "}" without its "{" in the pattern "${glob}"`);
    return [glob];
  }
  const close = glob.indexOf('}', open);
  if (close < 0) throw new Error(`unclosed "{" in the pattern "${glob}"`);
  if (glob.slice(open + 1, close).includes('{')) throw new Error(`nested "{" in the pattern "${glob}"`);
  const head = glob.slice(0, open);
  const rests = expandBraces(glob.slice(close + 1));
  const out: string[] = [];
  for (const choice of glob.slice(open + 1, close).split(',')) {
    for (const rest of rests) {
      out.push(head + choice + rest);
      if (out.length > MAX_ALTERNATIVES) throw new Error(`the pattern "${glob}" has more than ${MAX_ALTERNATIVES} alternatives`);
    }
  }
  return out;
}

/** `*` matches any run of characters, `?` one character; everything else itself. O(name × pattern). */
function wildcardMatch(pattern: readonly string[], name: readonly string[]): boolean {
  let p = 0;
  let n = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (n < name.length) {
    if (p < pattern.length && (pattern[p] === '?' || (pattern[p] !== '*' && pattern[p] === name[n]))) {
      p++;
      n++;
    } else if (p < pattern.length && pattern[p] === '*') {
      starAt = p++;
      resumeAt = n;
    } else if (starAt >= 0) {
      p = starAt + 1;
      n = ++resumeAt;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/**
 * Compiles a workspace-relative path glob as `newsmark.corpus` holds them (`**` for any run of folders, the
 * file-name wildcards within one part): `**\/*.txt`, `corpus/**\/*.{txt,md}`. Matched part by part, so no
 * backtracking RegExp is built. Throws with a message for the user on an absolute path or `..`.
 */
export function compilePathPattern(glob: string): FileNamePattern {
  const source = glob.trim().replace(/^\.\//, '');
  if (source === '' || source.startsWith('/') || /^[A-Za-z]:/.test(source) || source.includes('\\')) {
    throw new Error(`the pattern "${glob}" must be a path relative to the workspace (like **/*.txt)`);
  }
  // Alternatives first, so one may hold a "/" ({corpus/**/*.txt,extra/*.md}).
  const alternatives = expandBraces(source).map((alternative) =>
    alternative.split('/').filter((part) => part !== '').map((part) => (part === '**' ? undefined : compileFileNamePattern(part))));
  return {
    source: glob,
    test: (relPath: string) => {
      const parts = relPath.split('/').filter((part) => part !== '');
      return alternatives.some((compiled) => matchParts(compiled, parts));
    },
  };
}

/** `undefined` stands for `**` (zero or more parts). O(pattern parts × path parts). */
function matchParts(pattern: readonly (FileNamePattern | undefined)[], parts: readonly string[]): boolean {
  // can[j]: pattern[0..i) matches parts[0..j)
  let can = [true, ...new Array<boolean>(parts.length).fill(false)];
  for (const p of pattern) {
    const next = new Array<boolean>(parts.length + 1).fill(false);
    for (let j = 0; j <= parts.length; j++) {
      if (p === undefined) next[j] = can[j] || (j > 0 && next[j - 1]);
      else next[j] = j > 0 && can[j - 1] && p.test(parts[j - 1]);
    }
    can = next;
  }
  return can[parts.length];
}
