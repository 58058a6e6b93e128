// A fast line splitter shared by the detectors: line numbers and UTF-16 offsets of every line of a text.
// A line ends at "\n", "\r\n" or a lone "\r"; its span excludes the break. Like VS Code, a text ending in a
// line break has a last, empty line after it.

export interface LineSpan {
  /** 0-based line number. */
  line: number;
  /** UTF-16 offsets of the line's text without its line break, half-open. */
  start: number;
  end: number;
}

const LF = 10;

/** Every line of text, empty lines included, in order. */
export function lineSpans(text: string): LineSpan[] {
  const spans: LineSpan[] = [];
  forEachLine(text, (line, start, end) => {
    spans.push({ line, start, end });
  });
  return spans;
}

/** Calls visit for every line of text, as lineSpans lists them, without allocating the spans. */
export function forEachLine(text: string, visit: (line: number, start: number, end: number) => void): void {
  let start = 0;
  let line = 0;
  // indexOf runs natively and skips long lines fast; only the nearer of the two break characters matters.
  let nextLf = text.indexOf('\n');
  let nextCr = text.indexOf('\r');
  for (;;) {
    if (nextLf < 0 && nextCr < 0) break;
    let end: number;
    let next: number;
    if (nextCr < 0 || (nextLf >= 0 && nextLf < nextCr)) {
      end = nextLf;
      next = nextLf + 1;
    } else {
      end = nextCr;
      next = text.charCodeAt(nextCr + 1) === LF ? nextCr + 2 : nextCr + 1;
    }
    visit(line, start, end);
    line++;
    start = next;
    if (nextLf >= 0 && nextLf < next) nextLf = text.indexOf('\n', next);
    if (nextCr >= 0 && nextCr < next) nextCr = text.indexOf('\r', next);
  }
  visit(line, start, text.length);
}

/** True when text[start, end) holds only whitespace. */
export function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code > 32 && code !== 0xa0 && code !== 0x3000 && code !== 0xfeff && !(code >= 0x2000 && code <= 0x200b)) {
      return false;
    }
  }
  return true;
}
