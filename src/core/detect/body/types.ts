// The body detector's vocabulary, with no behaviour: what a line's text says (LineFeatures), what the
// signals know about a line of the page being analysed (LineInfo), a piece of evidence, a block of lines.
// Every stage imports these; this file imports nothing, so the stages form a chain without cycles:
// types -> evidence log -> features and signals -> context -> decision.

export interface Evidence {
  readonly weight: number;
  readonly reason: string;
}

/** The kinds of structured runs inside an article (see signals/structure.ts). */
export type StructureKind = 'table' | 'list' | 'dialogue' | 'code' | 'items';

/** One physical line of a hard-wrapped text (see wrap.ts). */
export interface PhysicalLine {
  /** 0-based line number and UTF-16 offsets of the line without its break. */
  line: number;
  start: number;
  end: number;
  /** The line without surrounding whitespace. */
  text: string;
}

/** A run of lines of the page: the article's main block or a further one (see context/blocks.ts). */
export interface Block {
  /** Indices into the non-empty lines, inclusive. */
  first: number;
  last: number;
}

/** What the detector computes from a line's text alone (features.ts); shared with the feature cache. */
export interface LineFeatures {
  /** Hash of the normalised line (lineKeyHash). */
  readonly hash: number;
  /** wordHash of each case-folded word; shared, never mutated. */
  readonly wordHashes: readonly number[];
  /** Words made only of digits. */
  readonly numberWords: number;
  /** The text's length in Latin letters' worth (textWidth: a wide CJK character counts two). */
  readonly width: number;
  /** The text holds letters of a script written without spaces: its words come from a word segmenter. */
  readonly unspaced: boolean;
  /** Most letters are of a script that marks no sentence end (Thai, Lao: writesWithoutSentenceMarks). */
  readonly unpunctuated: boolean;
  readonly endsSentence: boolean;
  readonly innerSentenceEnds: number;
  /** A title rendered twice on one line (signals/doubled.ts). */
  readonly writtenTwice: boolean;
  /** Short and built around a time or date (signals/timestamp.ts). */
  readonly timestampLike: boolean;
  /** A photo credit or byline (signals/credit.ts). */
  readonly creditLike: boolean;
  /** Short items between bars or middle dots (isOneLineMenu, signals/linkList.ts). */
  readonly oneLineMenu: boolean;
  /** The number of a numbered item, the label of a dialogue turn (signals/structure.ts). */
  readonly itemNumber: number | undefined;
  readonly speakerLabel: string | undefined;
  /**
   * Filled when first needed (signals/slug.ts): the first word case-folded (null: none) and its slug form,
   * the line's leading lower-case ASCII words.
   */
  firstWord?: string | null;
  firstWordSlug?: string;
  /** The line's slug form, or a prefix of it longer than every slug it was compared with. */
  slugPrefix?: string;
  slugComplete?: boolean;
  leadingAscii?: { readonly whole: boolean; readonly words: readonly string[] };
  /** Filled when first needed (signals/structure.ts): linePattern of the text. */
  pattern?: string;
}

/** What the signals know about one non-empty line of the page being analysed, and its evidence so far. */
export interface LineInfo {
  /** 0-based line number in the document. */
  line: number;
  /** UTF-16 offsets of the line without its break. */
  start: number;
  end: number;
  /** In a hard-wrapped text, the physical lines of the paragraph this entry stands for (see wrap.ts). */
  members?: readonly PhysicalLine[];
  /** The line (or wrapped paragraph, its lines joined by spaces) without surrounding whitespace. */
  text: string;
  /** The text's length in Latin letters' worth (a wide CJK character counts two): what length rules read. */
  width: number;
  /** What the text alone says (shared with the feature cache); the fields below copy the common ones. */
  features: LineFeatures;
  /** Hash of the normalised line (lineKeyHash). */
  hash: number;
  /** wordHash of each case-folded word (shared with the feature cache: never mutated). */
  wordHashes: readonly number[];
  /** Words made only of digits. */
  numberWords: number;
  /** How many documents of the corpus contain the line (CorpusModel.hashDocumentFrequency). */
  documentFrequency: number;
  /** Share of the words that are stop words of the document's language (0 when unknown). */
  stopwordShare: number;
  /** Ends like a sentence: . ! ? … (possibly followed by closing quotes or brackets). */
  endsSentence: boolean;
  /** Sentence ends inside the line ("... đó. Ông ..."). */
  innerSentenceEnds: number;
  /** A title rendered twice on one line (see signals/doubled.ts). */
  writtenTwice: boolean;
  /** Short and built around a time or a date (see signals/timestamp.ts). */
  timestampLike: boolean;
  /** A photo credit or byline (see signals/credit.ts). */
  creditLike: boolean;
  /** Short enough and shaped like the title of an article (signals/linkList.ts isTitleLikeLine). */
  titleLike: boolean;
  /** PRIOR_LOGIT plus the weights of the evidence so far, added in the order the evidence came. */
  logit: number;
  /** The line's first and last piece of evidence in the analysis's evidence log (-1: none yet). */
  firstEvidence: number;
  lastEvidence: number;
  /**
   * Set by a signal that is conclusive on its own (a title written twice, a slug, a linked title shown
   * twice, a template line of several pages, a bare timestamp, a line the annotator tagged boilerplate):
   * the line stays boilerplate even inside the main block.
   */
  conclusive?: boolean;
  /** Set by signals that recognise a link to another article (title written twice, slug, title pair). */
  linkLike?: boolean;
  /** The other pages where the annotator tagged this line body, when those tags are the line's memory (CorpusModel.lineMemory). */
  taggedBodyPages?: number;
  /** Set when the annotator's tags of this line elsewhere decided it (body or boilerplate). */
  learned?: boolean;
  /** Set for the lines of a table, a numbered list, a dialogue, code or items of one pattern (see signals/structure.ts). */
  structure?: StructureKind;
  /** Set for timestamp and dateline lines. */
  dated?: boolean;
  /** Set for a later copy of an earlier line of the page (image alt text, a repeated link). */
  copied?: boolean;
  /** Set for a title listed under a section header of the site (see signals/linkList.ts): not body even in the block. */
  listed?: boolean;
}
