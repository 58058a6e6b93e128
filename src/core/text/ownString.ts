/**
 * `text` as a string that holds its own characters. A substring may share the memory of the string it was
 * cut from (V8 keeps a long one as a slice pointing at its parent), so a name or line cut from a page and kept
 * as a key of a long-lived cache keeps the whole page alive. Joining and cutting again makes a new flat string
 * that refers to no page; a short string is a copy already.
 */
export function ownString(text: string): string {
  return text.length < SLICE_MIN_LENGTH ? text : ` ${text}`.slice(1);
}

// V8 copies substrings shorter than this instead of slicing their parent.
const SLICE_MIN_LENGTH = 13;
