// What the body detector learns from a corpus: which normalised lines recur across its documents (the site
// template: menus, section headers, footers) and which lines the annotator tagged body or boilerplate.
//
// Memory: per document only the distinct hashes of its lines are kept (a Float64Array, 8 bytes a line), plus
// one Map entry per distinct hash for the document frequency; no line text is stored. 10,000 pages of ~300
// lines need ~24 MB of arrays plus the map (~100-200 MB in V8 in the worst case of all lines distinct).

import type { LineLabel } from '../model/types';
import { lineKeyHash } from '../text/normalize';
import { isBlank, lineSpans } from '../text/lines';

/** Counts of annotator tags on one normalised line. */
export interface LearnedCounts {
  body: number;
  boilerplate: number;
  /** Done pages (with body tags) where the line was left untagged (see CorpusModel.untaggedOnDonePages). */
  untagged?: number;
}

/**
 * What the annotator decided about the lines of one page, for the body line model (body/learner.ts): the
 * page's text, its lines tagged body or boilerplate (0-based line numbers; these are also learned as exact
 * lines), and whether the page is done (then its untagged lines are boilerplate).
 */
export interface BodyPageLesson {
  readonly text: string;
  readonly lines: readonly (readonly [number, LineLabel])[];
  readonly done: boolean;
}

/** Plain, JSON- and structured-clone-safe form of a CorpusModel (e.g. built in a worker, sent back). */
export interface CorpusModelData {
  format: 1;
  /** Document id -> distinct line hashes of that document. */
  documents: Record<string, number[]>;
  /** [line hash, times tagged body, times tagged boilerplate]. */
  learned: [number, number, number][];
  /** [page id, its lesson] of the pages annotated for body. */
  bodyPages?: [string, BodyPageLesson][];
}

export class CorpusModel {
  private readonly documentHashes = new Map<string, Float64Array>();
  private readonly frequency = new Map<number, number>();
  private readonly learned = new Map<number, LearnedCounts>();
  private readonly bodyPages = new Map<string, BodyPageLesson>();
  private bodyPagesVersion = 0;
  /** Per line hash, the done pages leaving it untagged, as of one body page version (made when asked). */
  private untaggedCounts: { version: number; counts: Map<number, number> } | undefined;
  /** Changes whenever a line is learned or forgotten. */
  private learnedVersion = 0;
  /** How often carrying body tags to other pages was right on the done pages (bodyMemoryRecord). */
  private memoryRecord: { version: string; right: number; wrong: number } | undefined;

  get documentCount(): number {
    return this.documentHashes.size;
  }

  /** Number of distinct normalised lines over all documents. */
  get distinctLineCount(): number {
    return this.frequency.size;
  }

  hasDocument(id: string): boolean {
    return this.documentHashes.has(id);
  }

  /** Adds (or replaces) a document's lines. */
  addDocument(id: string, text: string): void {
    this.removeDocument(id);
    const hashes = distinctLineHashes(text);
    for (const hash of hashes) this.frequency.set(hash, (this.frequency.get(hash) ?? 0) + 1);
    this.documentHashes.set(id, hashes);
  }

  /** Forgets a document; false when it was not in the corpus. */
  removeDocument(id: string): boolean {
    const hashes = this.documentHashes.get(id);
    if (!hashes) return false;
    for (const hash of hashes) {
      const count = (this.frequency.get(hash) ?? 0) - 1;
      if (count > 0) this.frequency.set(hash, count);
      else this.frequency.delete(hash);
    }
    this.documentHashes.delete(id);
    return true;
  }

  /** Number of documents containing the line (after normalisation: case, digits, punctuation). */
  lineDocumentFrequency(line: string): number {
    return this.frequency.get(lineKeyHash(line)) ?? 0;
  }

  /** Like lineDocumentFrequency, for a hash from lineKeyHash. */
  hashDocumentFrequency(hash: number): number {
    return this.frequency.get(hash) ?? 0;
  }

  /** Whether the document `id` contains the line with this hash. */
  documentHasHash(id: string, hash: number): boolean {
    const hashes = this.documentHashes.get(id);
    return hashes !== undefined && binarySearch(hashes, hash);
  }

  /** Records that the annotator tagged this line (in some document) with `label`. */
  learnLine(lineText: string, label: LineLabel): void {
    const hash = lineKeyHash(lineText);
    const counts = this.learned.get(hash) ?? { body: 0, boilerplate: 0 };
    counts[label]++;
    this.learned.set(hash, counts);
    this.learnedVersion++;
  }

  /** Undoes one learnLine (a tag removed); false when there was nothing to forget. */
  forgetLine(lineText: string, label: LineLabel): boolean {
    const hash = lineKeyHash(lineText);
    const counts = this.learned.get(hash);
    if (!counts || counts[label] === 0) return false;
    counts[label]--;
    if (counts.body === 0 && counts.boilerplate === 0) this.learned.delete(hash);
    this.learnedVersion++;
    return true;
  }

  /** Records (or replaces) what the annotator decided about the lines of page `id`. */
  learnBodyPage(id: string, lesson: BodyPageLesson): void {
    this.bodyPages.set(id, lesson);
    this.bodyPagesVersion++;
  }

  /** Forgets page `id`'s body lesson; false when there was none. */
  forgetBodyPage(id: string): boolean {
    if (!this.bodyPages.delete(id)) return false;
    this.bodyPagesVersion++;
    return true;
  }

  /** The pages annotated for body, in the order they were (last) learned. */
  get bodyPageLessons(): ReadonlyMap<string, BodyPageLesson> {
    return this.bodyPages;
  }

  /** Changes whenever a body page lesson is learned or forgotten (the body line model caches on it). */
  get bodyPageVersion(): number {
    return this.bodyPagesVersion;
  }

  /**
   * How many done pages with body tags hold this line untagged: there the annotator said it is not body, so
   * a body tag of the same line elsewhere does not carry over ("Advertisement" tagged inside one article
   * is furniture on every other page).
   */
  untaggedOnDonePages(hash: number): number {
    if (this.untaggedCounts?.version !== this.bodyPagesVersion) {
      const counts = new Map<number, number>();
      for (const lesson of this.bodyPages.values()) {
        if (!lesson.done) continue;
        for (const lineHash of untaggedLineHashes(lesson)) counts.set(lineHash, (counts.get(lineHash) ?? 0) + 1);
      }
      this.untaggedCounts = { version: this.bodyPagesVersion, counts };
    }
    return this.untaggedCounts.counts.get(hash) ?? 0;
  }

  /**
   * How the memory of body tags did on the pages marked done, each page as if its own tags were not there
   * (the Suggestion quality view): `right`, the lines it would have carried there as body that the page
   * tags body; `wrong`, those the page leaves untagged or tags boilerplate. `carried`: the hashes of the
   * lines the memory would carry on a page without its own tags (`own`), which takes the page's context.
   */
  bodyMemoryRecord(carried: (id: string, lesson: BodyPageLesson, own: ReadonlyMap<number, LearnedCounts>) => Iterable<number>): { right: number; wrong: number } {
    const version = `${this.bodyPagesVersion}:${this.learnedVersion}`;
    if (this.memoryRecord?.version !== version) {
      let right = 0;
      let wrong = 0;
      for (const [id, lesson] of this.bodyPages) {
        if (!lesson.done) continue;
        const own = ownLessonCounts(lesson);
        // only a page with a line the memory would make body is analysed
        if (![...own].some(([hash, mine]) => this.lineMemory(hash, mine)?.label === 'body')) continue;
        for (const hash of carried(id, lesson, own)) {
          if ((own.get(hash)?.body ?? 0) > 0) right++;
          else wrong++;
        }
      }
      this.memoryRecord = { version, right, wrong };
    }
    return { right: this.memoryRecord.right, wrong: this.memoryRecord.wrong };
  }

  /**
   * What the annotator's tags of this line say about it on a page, leaving out that page's own counts
   * (`own`, as ownLessonCounts makes them): boilerplate where its boilerplate tags outnumber its body tags;
   * body where its body tags outnumber its boilerplate tags and the done pages leaving it untagged; else
   * nothing. `count`: the tags behind the verdict.
   */
  lineMemory(hash: number, own?: Readonly<LearnedCounts>): { label: LineLabel; count: number } | undefined {
    const counts = this.learned.get(hash);
    if (counts === undefined) return undefined;
    const body = counts.body - (own?.body ?? 0);
    const boilerplate = counts.boilerplate - (own?.boilerplate ?? 0);
    if (boilerplate > body) return { label: 'boilerplate', count: boilerplate };
    const untagged = Math.max(0, this.untaggedOnDonePages(hash) - (own?.untagged ?? 0));
    return body > boilerplate + untagged ? { label: 'body', count: body } : undefined;
  }

  learnedCounts(lineText: string): LearnedCounts {
    return this.learnedCountsOfHash(lineKeyHash(lineText));
  }

  learnedCountsOfHash(hash: number): LearnedCounts {
    const counts = this.learned.get(hash);
    return counts ? { ...counts } : { body: 0, boilerplate: 0 };
  }

  toJSON(): CorpusModelData {
    const documents: Record<string, number[]> = {};
    for (const [id, hashes] of this.documentHashes) documents[id] = Array.from(hashes);
    const learned: [number, number, number][] = [];
    for (const [hash, counts] of this.learned) learned.push([hash, counts.body, counts.boilerplate]);
    const data: CorpusModelData = { format: 1, documents, learned };
    if (this.bodyPages.size > 0) data.bodyPages = [...this.bodyPages];
    return data;
  }

  static fromJSON(data: CorpusModelData): CorpusModel {
    if (data.format !== 1) throw new Error(`unsupported corpus model format ${String(data.format)}`);
    const model = new CorpusModel();
    for (const [id, hashList] of Object.entries(data.documents)) {
      const hashes = Float64Array.from(hashList).sort();
      for (const hash of hashes) model.frequency.set(hash, (model.frequency.get(hash) ?? 0) + 1);
      model.documentHashes.set(id, hashes);
    }
    for (const [hash, body, boilerplate] of data.learned) model.learned.set(hash, { body, boilerplate });
    for (const [id, lesson] of data.bodyPages ?? []) model.learnBodyPage(id, lesson);
    return model;
  }
}

/** Sorted distinct hashes of the non-blank lines of text. */
export function distinctLineHashes(text: string): Float64Array {
  const spans = lineSpans(text);
  const hashes = new Float64Array(spans.length);
  let count = 0;
  for (const span of spans) {
    if (isBlank(text, span.start, span.end)) continue;
    hashes[count++] = lineKeyHash(text.slice(span.start, span.end));
  }
  const sorted = hashes.subarray(0, count).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i];
  }
  return sorted.slice(0, distinct);
}

function binarySearch(sorted: Float64Array, value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const item = sorted[middle];
    if (item === value) return true;
    if (item < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/**
 * What a page adds to the line counts: per line hash its body and boilerplate tags and, on a done page,
 * whether it leaves the line untagged (left out when the page is seen as it was before its own tags).
 */
export function ownLessonCounts(lesson: BodyPageLesson): Map<number, LearnedCounts> {
  const own = new Map<number, LearnedCounts>();
  const spans = lineSpans(lesson.text);
  const countsOf = (hash: number): LearnedCounts => {
    let counts = own.get(hash);
    if (!counts) own.set(hash, (counts = { body: 0, boilerplate: 0 }));
    return counts;
  };
  for (const [line, label] of lesson.lines) {
    const span = spans[line];
    if (span) countsOf(lineKeyHash(lesson.text.slice(span.start, span.end)))[label]++;
  }
  if (lesson.done) for (const hash of untaggedLineHashes(lesson)) countsOf(hash).untagged = 1;
  return own;
}

/** The distinct hashes of a page's non-blank lines that no tag of the page touches, in any copy. */
export function untaggedLineHashes(lesson: BodyPageLesson): Set<number> {
  const spans = lineSpans(lesson.text);
  const hashOf = (span: { start: number; end: number }): number => lineKeyHash(lesson.text.slice(span.start, span.end));
  const tagged = new Set(lesson.lines.flatMap(([line]) => (spans[line] ? [hashOf(spans[line])] : [])));
  const untagged = new Set<number>();
  for (const span of spans) {
    if (isBlank(lesson.text, span.start, span.end)) continue;
    const hash = hashOf(span);
    if (!tagged.has(hash)) untagged.add(hash);
  }
  return untagged;
}
