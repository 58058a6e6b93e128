// A `.vscode/settings.json` as VS Code writes it (comments, trailing commas), read for the command line:
// the settings that decide where data lives and what a page is come from the same file the editor reads.
import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import type { Problem } from './model/types';
import { normaliseSettings, type NewsmarkSettings } from './settings';

export interface SettingsFile {
  /** The top-level entries (`"newsmark.sidecars.folder": …`); empty when the file cannot be read. */
  values: Record<string, unknown>;
  /** Syntax errors, positioned in the file; a file with any is not used. */
  problems: Problem[];
}

const WORDS: Record<string, string> = {
  InvalidSymbol: 'an unexpected character',
  InvalidNumberFormat: 'a number that is not valid',
  PropertyNameExpected: 'a property name (in double quotes) is missing',
  ValueExpected: 'a value is missing',
  ColonExpected: 'a ":" is missing',
  CommaExpected: 'a "," is missing',
  CloseBraceExpected: 'a "}" is missing',
  CloseBracketExpected: 'a "]" is missing',
  EndOfFileExpected: 'something follows the closing "}"',
  InvalidCommentToken: 'a comment that is not closed',
  UnexpectedEndOfComment: 'a comment that is not closed',
  UnexpectedEndOfString: 'a string that is not closed',
  UnexpectedEndOfNumber: 'a number that is cut off',
  InvalidUnicode: 'a \\u escape that is not valid',
  InvalidEscapeCharacter: 'an escape that is not valid',
  InvalidCharacter: 'a character that is not allowed in a string',
};

export function parseSettingsFile(text: string): SettingsFile {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const problems: Problem[] = errors.map((e) => {
    const { line, col } = lineCol(text, e.offset);
    const code = printParseErrorCode(e.error);
    return { line, col, severity: 'error', message: WORDS[code] ?? code };
  });
  if (problems.length > 0) return { values: {}, problems };
  if (value === undefined) return { values: {}, problems: [] };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { values: {}, problems: [{ line: 1, col: 1, severity: 'error', message: 'the settings must be one object ({ … })' }] };
  }
  return { values: value as Record<string, unknown>, problems: [] };
}

/** Newsmark's settings from a settings file's entries (what is not set takes its default). */
export function settingsFromFile(values: Record<string, unknown>): NewsmarkSettings {
  return normaliseSettings((key) => values[`newsmark.${key}`]);
}

function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}
