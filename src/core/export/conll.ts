// `conll`: CoNLL-2003 style "TOKEN TAG" lines with BIO tags (B-ACTOR, I-DATE, O), a blank line after each
// sentence, and "-DOCSTART- O" plus a blank line at the start of each document.
//
// Only body text is written by default (bodyOnly): the text covered by `body` tags, else the detected body
// lines, else the whole text (the manifest says which). `body` itself is not an entity tag. A tag always
// covers whole tokens: a span starting or ending inside a token is widened to the token's bounds (reported).
// BIO cannot nest, so of two overlapping tags the one starting first (the longer one on a tie) is kept and
// the other reported as dropped. Sentences never break inside a tag, so an I- tag never opens a sentence.

import { endsSentence, tokenize, type Token } from '../text/tokenize';
import { ManifestBuilder } from './manifest';
import { BODY_LABEL, bodyRanges, prepareDocument } from './prepare';
import type { Exporter, ExportOptions, ExportSink } from './types';

export const CONLL_FILE = 'corpus.conll';
export const DOCSTART = '-DOCSTART- O';

export const conllExporter: Exporter = {
  id: 'conll',
  title: 'CoNLL-2003 (BIO)',
  description: 'corpus.conll: one "TOKEN TAG" line per token, BIO tags, body text only by default.',
  begin(sink: ExportSink, options: ExportOptions = {}) {
    const manifest = new ManifestBuilder('conll', null, options);
    // Created up front so that an export where every document is skipped still has its (empty) file.
    manifest.noteFile(CONLL_FILE);
    sink.appendText(CONLL_FILE, '');
    if (options.include === 'pending') manifest.manifest.notes.push('CoNLL has no predictions: pending suggestions are not exported.');
    const bodyOnly = options.bodyOnly ?? true;
    return {
      add(doc) {
        const prepared = prepareDocument(doc, options, manifest);
        if (!prepared) return;
        manifest.manifest.pendingNotExported += prepared.suggestions.length;
        const regions = bodyOnly ? bodyRanges(doc, prepared, manifest, true) ?? [] : [{ start: 0, end: doc.text.length }];
        const { tokens, lineEnds } = tokenizeRegions(doc.text, regions);
        // Per token: 0 for O, else the tag's index in tagNames (B-X and I-X are different names).
        const tagOf = new Uint16Array(tokens.length);
        const tagNames: string[] = ['O'];
        const nameIndex = (name: string) => {
          let index = tagNames.indexOf(name);
          if (index === -1) index = tagNames.push(name) - 1;
          return index;
        };
        const inside = new Uint8Array(tokens.length);
        const report = (label: string, start: number, end: number) => ({ document: doc.path, label, start, end, text: doc.text.slice(start, end) });

        // Tags are sorted by start, so a single forward pointer finds each tag's first token.
        let first = 0;
        for (const tag of prepared.tags) {
          if (tag.label === BODY_LABEL) continue;
          while (first < tokens.length && tokens[first].end <= tag.start) first++;
          let last = first;
          while (last < tokens.length && tokens[last].start < tag.end) last++;
          if (last === first) {
            manifest.report('dropped', { ...report(tag.label, tag.start, tag.end), reason: bodyOnly ? 'outside the body' : 'no token' });
            continue;
          }
          if (tagOf[first] !== 0 || tagOf[last - 1] !== 0) {
            manifest.report('dropped', { ...report(tag.label, tag.start, tag.end), reason: 'overlaps another tag' });
            continue;
          }
          const widenedStart = tokens[first].start;
          const widenedEnd = tokens[last - 1].end;
          if (widenedStart !== tag.start || widenedEnd !== tag.end) {
            manifest.report('widened', {
              ...report(tag.label, tag.start, tag.end),
              widenedStart,
              widenedEnd,
              widenedText: doc.text.slice(widenedStart, widenedEnd),
            });
          }
          const type = tag.label.toUpperCase().replace(/\s+/g, '_');
          tagOf[first] = nameIndex(`B-${type}`);
          const insideName = nameIndex(`I-${type}`);
          for (let i = first + 1; i < last; i++) {
            tagOf[i] = insideName;
            inside[i] = 1;
          }
          manifest.countTag(tag.label);
        }

        const columns = tagNames.map((name) => ` ${name}\n`);
        let out = DOCSTART + '\n\n';
        for (let i = 0; i < tokens.length; i++) {
          out += tokens[i].text + columns[tagOf[i]];
          const nextInsideTag = i + 1 < tokens.length && inside[i + 1] === 1;
          if (!nextInsideTag && (lineEnds[i] === 1 || i === tokens.length - 1 || endsSentence(tokens, i))) out += '\n';
        }
        sink.appendText(CONLL_FILE, out);
        manifest.manifest.documents.exported++;
      },
      end() {
        return manifest.finish(sink);
      },
    };
  },
};

/** Tokens of the regions, line by line; lineEnds[i] is 1 when token i is the last of its line. */
function tokenizeRegions(text: string, regions: ReadonlyArray<{ start: number; end: number }>): { tokens: Token[]; lineEnds: Uint8Array } {
  const tokens: Token[] = [];
  const lastOfLine: number[] = [];
  for (const region of regions) {
    let lineStart = region.start;
    while (lineStart < region.end) {
      const newline = text.indexOf('\n', lineStart);
      const lineEnd = newline === -1 || newline >= region.end ? region.end : newline;
      const before = tokens.length;
      for (const token of tokenize(text, lineStart, lineEnd)) tokens.push(token);
      if (tokens.length > before) lastOfLine.push(tokens.length - 1);
      lineStart = lineEnd + 1;
    }
  }
  const lineEnds = new Uint8Array(tokens.length);
  for (const index of lastOfLine) lineEnds[index] = 1;
  return { tokens, lineEnds };
}
