// What the annotator tagged, remembered by text: each tagged span's words (case kept) per label, how many
// times it was tagged, and how many times the same words stood untagged on a page marked done. The tagger
// reads a match as a feature together with that ratio, so a text tagged once and left untagged ten times
// ("An" of a place name) weighs little, and a name tagged wherever it occurs weighs much. Counts are kept per
// document, so a training page's own tags can be left out of its features (no leak of the answer).

import type { Tokens } from '../detect/words';

export interface MemoryEntry {
  label: string;
  words: string[];
  tagged: number;
  seen: number;
  /** Document index -> [tagged, seen] there (training only). */
  byDoc?: Map<number, [number, number]>;
}

export interface MemoryMatch {
  from: number;
  to: number;
  entry: MemoryEntry;
}

/** Serialised: [label, words joined by a space, tagged, seen]. */
export type MemoryJson = [string, string, number, number][];

const MAX_WORDS = 12;

export class SpanMemory {
  private readonly entries = new Map<string, MemoryEntry>();
  private readonly byFirst = new Map<string, MemoryEntry[]>();

  get size(): number {
    return this.entries.size;
  }

  private entry(label: string, words: string[]): MemoryEntry {
    const key = `${label}\u0000${words.join('\u0001')}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { label, words, tagged: 0, seen: 0 };
      this.entries.set(key, entry);
      const list = this.byFirst.get(words[0]);
      if (list) {
        list.push(entry);
        list.sort((a, b) => b.words.length - a.words.length);
      } else this.byFirst.set(words[0], [entry]);
    }
    return entry;
  }

  /** One tagged occurrence of tokens[from, to) as `label` in document `doc`. */
  addTagged(label: string, tokens: Tokens, from: number, to: number, doc: number): void {
    if (to <= from || to - from > MAX_WORDS) return;
    const entry = this.entry(label, tokens.texts(from, to));
    entry.tagged++;
    bump(entry, doc, 0);
  }

  /** One untagged occurrence of an entry on a fully annotated page. */
  addSeen(entry: MemoryEntry, doc: number): void {
    entry.seen++;
    bump(entry, doc, 1);
  }

  /** Longest matches of entries among `tokens`, left to right, not overlapping. */
  match(tokens: Tokens): MemoryMatch[] {
    const found: MemoryMatch[] = [];
    if (this.entries.size === 0) return found;
    for (let k = 0; k < tokens.count; k++) {
      if (!tokens.isWord(k) && !tokens.isNumber(k)) continue;
      const list = this.byFirst.get(tokens.text(k));
      if (!list) continue;
      for (const entry of list) {
        const words = entry.words;
        if (k + words.length > tokens.count) continue;
        let same = true;
        for (let j = 1; j < words.length && same; j++) same = tokens.textIs(k + j, words[j]);
        if (!same) continue;
        // whole words: not glued to a following word
        const next = k + words.length;
        if (next < tokens.count && tokens.isWord(next) && !tokens.spaceBefore(next)) continue;
        found.push({ from: k, to: next, entry });
        k = next - 1;
        break;
      }
    }
    return found;
  }

  /** [tagged, seen] of an entry, without document `exclude`'s own counts. */
  counts(entry: MemoryEntry, exclude: number): [number, number] {
    const own = exclude >= 0 ? entry.byDoc?.get(exclude) : undefined;
    return own ? [entry.tagged - own[0], entry.seen - own[1]] : [entry.tagged, entry.seen];
  }

  toJSON(): MemoryJson {
    return [...this.entries.values()].map((e) => [e.label, e.words.join(' '), e.tagged, e.seen]);
  }

  static fromJSON(json: MemoryJson): SpanMemory {
    const memory = new SpanMemory();
    for (const [label, text, tagged, seen] of json) {
      const entry = memory.entry(label, text.split(' '));
      entry.tagged += tagged;
      entry.seen += seen;
    }
    return memory;
  }

  /** A copy without per-document counts (for a model file or a base for more training). */
  merged(other: SpanMemory | undefined): SpanMemory {
    const copy = SpanMemory.fromJSON(this.toJSON());
    if (other) for (const [label, text, tagged, seen] of other.toJSON()) {
      const entry = copy.entry(label, text.split(' '));
      entry.tagged += tagged;
      entry.seen += seen;
    }
    return copy;
  }
}

function bump(entry: MemoryEntry, doc: number, slot: 0 | 1): void {
  if (doc < 0) return;
  entry.byDoc ??= new Map();
  let counts = entry.byDoc.get(doc);
  if (!counts) entry.byDoc.set(doc, (counts = [0, 0]));
  counts[slot]++;
}
