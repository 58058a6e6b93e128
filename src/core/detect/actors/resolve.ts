// Stage 2 of actor suggestions, per document: which word after a title is a qualifier, every other
// occurrence of the names found and of names the annotator accepted, and short forms linked to full names.
import type { Suggestion } from '../../model/types';
import type { EntityLexicon } from '../lexicons';
import { containsWords, endsWithWords, type LearnedEntities, propagationReasons, type NameFacts, shortFormAllowed, type TitleTest } from '../learned';
import { lineSpans } from '../../text/lines';
import { lineIndexOf, TOKEN_WORD, type Tokens, tokenize, Vocabulary } from '../words';
import { actorGrammar, type ActorGrammar } from './grammar';
import { ACCEPTED_RULE, ACTOR_SCORES as S, ACTOR_THRESHOLDS as T, type ActorEvidence } from './rules';
import { type ActorOptions, type LineActorScan, placePrepositionBefore, scanActorLine } from './scan';
import { ownString } from '../../text/ownString';

// Module constants, as in the line scan: compared for every token.
const WORD = TOKEN_WORD;
const NONE: readonly never[] = Object.freeze([]);

export interface ScannedLine {
  line: number;
  /** Offset of the line in the document. */
  start: number;
  scan: LineActorScan;
}

interface DocCandidate {
  start: number;
  end: number;
  text: string;
  line: number;
  score: number;
  reasons: string[];
  /** Ids of the rules that found it (ACTOR_RULES), parallel to nothing: a span found twice lists both. */
  rules: string[];
  /** Found as a person's name: its last word (and first) may stand for it elsewhere on the page. */
  person: boolean;
  /** An abbreviation's full name ("ECB" -> "Ngân hàng Trung ương châu Âu"). */
  full?: string;
}

/** Evidence of the line scan that names a person rather than an organisation or a source. */
const PERSON_EVIDENCE: ReadonlySet<ActorEvidence> = new Set<ActorEvidence>(['honorific', 'speech', 'capitalised', 'family-name']);

/** What the whole page tells about words, gathered line by line. */
class PageEvidence {
  /** Words of names found after honorifics. */
  readonly honorificWords = new Set<string>();
  /** Words of names of two or more words after titles. */
  readonly multiWordNameWords = new Set<string>();
  /** Names of two or more words (after titles, or any candidate). */
  readonly multiWordNames = new Set<string>();
  private readonly alone = new Set<string>();
  private readonly leading = new Set<string>();
  private readonly bare = new Map<string, number>();
  /** Speaker labels -> lines that open with them. */
  readonly speakers = new Map<string, number>();
  /** Abbreviations written in brackets after a name ("(ECB)"). */
  readonly abbreviations = new Set<string>();

  // Indexed loops here and in lineFindings: the arrays of a scan are shared empty ones or not, and for-of
  // over both kinds allocates an iterator per loop, once per line of the page.
  addLine(scan: LineActorScan): void {
    const { candidates, titleRuns, bareWords } = scan;
    for (let c = 0; c < candidates.length; c++) {
      const candidate = candidates[c];
      if (candidate.evidence === 'honorific') for (const word of candidate.text.split(' ')) this.honorificWords.add(word);
      if (candidate.text.includes(' ')) this.multiWordNames.add(candidate.text);
      if (candidate.evidence === 'abbreviation') this.abbreviations.add(candidate.text);
    }
    for (let r = 0; r < titleRuns.length; r++) {
      const words = titleRuns[r].words;
      if (words.length === 1) {
        this.alone.add(words[0].text);
        continue;
      }
      this.leading.add(words[0].text);
      for (const word of words) this.multiWordNameWords.add(word.text);
      this.multiWordNames.add(words.map((w) => w.text).join(' '));
    }
    for (let w = 0; w < bareWords.length; w++) this.bare.set(bareWords[w], (this.bare.get(bareWords[w]) ?? 0) + 1);
    if (scan.speaker) this.speakers.set(scan.speaker.text, (this.speakers.get(scan.speaker.text) ?? 0) + 1);
  }

  /**
   * Qualifier words of the page: a word that leads names after titles and also stands alone, after a title
   * or twice in mid-sentence without one, is a qualifier ("Tổng thống Pháp Emmanuel Macron" ... "từ Pháp"); a
   * name never stands there.
   */
  qualifiers(): Set<string> {
    const result = new Set<string>();
    for (const word of this.leading) {
      if (!this.honorificWords.has(word) && (this.alone.has(word) || (this.bare.get(word) ?? 0) >= 2)) result.add(word);
    }
    return result;
  }
}

/** The candidates and title-run names of one line, in document offsets. */
function lineFindings(entry: ScannedLine, grammar: ActorGrammar, evidence: PageEvidence, qualifiers: ReadonlySet<string>, found: DocCandidate[]): void {
  const { line, start, scan } = entry;
  const { candidates, titleRuns } = scan;
  for (let c = 0; c < candidates.length; c++) {
    const candidate = candidates[c];
    if (qualifiers.has(candidate.text)) continue;
    found.push({
      start: start + candidate.start,
      end: start + candidate.end,
      text: candidate.text,
      line,
      score: candidate.score,
      reasons: [candidate.cue],
      rules: [candidate.evidence],
      person: PERSON_EVIDENCE.has(candidate.evidence),
      full: candidate.full,
    });
  }
  const speaker = scan.speaker;
  const speakerLines = speaker ? (evidence.speakers.get(speaker.text) ?? 0) : 0;
  if (speaker && speakerLines >= 2) {
    found.push({ start: start + speaker.start, end: start + speaker.end, text: speaker.text, line, score: S.speaker, reasons: [`speaker label on ${speakerLines} lines`], rules: ['speaker'], person: true });
  }
  for (let r = 0; r < titleRuns.length; r++) {
    const run = titleRuns[r];
    const words = run.words;
    let skip = 0;
    let why = '';
    const place = grammar.places.matchAt(scan.tokens, run.first, run.end);
    if (place) {
      skip = place.length;
      why = `'${words.slice(0, skip).map((w) => w.text).join(' ')}' is a place`;
    } else if (evidence.abbreviations.has(words[0].text)) {
      // "Chủ tịch Fed Jerome Powell": an organisation's abbreviation before the name
      skip = 1;
      why = `'${words[0].text}' is an abbreviation on this page`;
      found.push({ start: start + words[0].start, end: start + words[0].end, text: words[0].text, line, score: S.titleAbbreviation, reasons: [`abbreviation after title '${run.title}'`], rules: ['title-abbreviation'], person: false });
    } else if (qualifiers.has(words[0].text)) {
      skip = 1;
      why = `'${words[0].text}' qualifies titles on this page`;
    } else if (words.length >= 3 && evidence.multiWordNames.has(words.slice(1).map((w) => w.text).join(' '))) {
      skip = 1;
      why = `'${words.slice(1).map((w) => w.text).join(' ')}' also stands without '${words[0].text}'`;
    }
    if (skip >= words.length) continue;
    let nameWords = words.slice(skip);
    // a name does not end with a place: "Tổng thống Macron | Pháp tức tốc ..." (a title run into the next);
    // a Vietnamese name by its family name may ("Đinh Thị Mai Anh": "Anh" is also a country)
    const familyNamed = grammar.familyNames.has(scan.tokens, run.first + skip) && !scan.tokens.acronym(run.first + skip);
    for (let cut = 1; cut < nameWords.length && !familyNamed; cut++) {
      const tailStart = run.first + skip + cut;
      const tailLength = run.end - tailStart;
      const tailPlace = grammar.places.matchAt(scan.tokens, tailStart, run.end);
      if ((tailPlace && tailPlace.length === tailLength) || (tailLength === 1 && qualifiers.has(nameWords[cut].text))) {
        nameWords = nameWords.slice(0, cut);
        break;
      }
    }
    const text = scan.text.slice(nameWords[0].start, nameWords[nameWords.length - 1].end);
    const known = nameWords.every((w) => evidence.honorificWords.has(w.text));
    if (nameWords.length === 1 && run.beforeContentWord && !known && !evidence.multiWordNameWords.has(text)) continue;
    const score = nameWords.length >= 2 || known ? S.titleName : S.titleSingleWord;
    const reasons = [`after title '${run.title}'`];
    if (why) reasons.push(why);
    found.push({ start: start + nameWords[0].start, end: start + nameWords[nameWords.length - 1].end, text, line, score, reasons, rules: ['title'], person: true });
  }
}

/** A weak capitalised run holding a strongly found one-word name ("Eugênio Tadeu", "Eugênio" a speaker)
 * is that person's full name. */
function strengthenContainingNames(found: DocCandidate[]): void {
  const strong = new Set<string>();
  for (const candidate of found) if (candidate.score >= T.strongName && candidate.person && !candidate.text.includes(' ')) strong.add(candidate.text);
  if (strong.size === 0) return;
  for (const candidate of found) {
    if (candidate.score >= T.weakPerson || !candidate.person) continue;
    const holding = candidate.text.split(' ').find((word) => strong.has(word));
    if (holding !== undefined) {
      candidate.score = T.strongName;
      candidate.reasons.push(`holds the name '${holding}'`);
    }
  }
}

interface KnownName {
  words: string[];
  text: string;
  score: number;
  reason: string;
  /** Rule id of its repeats. */
  rule: string;
  /** Document offset of the occurrence that made it known (found there already: not a repeat of itself). */
  origin: number;
  /** A short form (one word of a longer person's name): it must stand alone, and where it may open a
   * sentence says `atSentenceStart`. */
  short?: { full: string; atSentenceStart: boolean; weak: boolean };
}

const SHAPE_SLOTS = 1024;

/** Names found on the page, looked up by their first word (case kept) to find their other occurrences. */
class KnownNames {
  private readonly firstWords = new Vocabulary();
  /** First word id -> names starting with it, longest first. */
  private readonly byFirstWord: KnownName[][] = [];
  /** First code unit of each first word (its low bits) -> a bit per its length (bit 31: 31 code units or
   * more): most capitalised words of a page start no name, and this tells without hashing them. */
  private readonly firstWordShapes = new Uint32Array(SHAPE_SLOTS);
  /** Every name once, in the order found, with its words (weak ones too: they name the short forms). */
  readonly names = new Map<string, { words: string[]; text: string }>();

  constructor(
    found: readonly DocCandidate[],
    grammar: ActorGrammar,
    qualifiers: ReadonlySet<string>,
    private readonly scanned: readonly ScannedLine[],
  ) {
    const shortForms: { word: string; candidate: DocCandidate; last: boolean }[] = [];
    for (const candidate of found) {
      if (candidate.score < T.repeatable || this.names.has(candidate.text)) continue;
      const tokens = tokenize(candidate.text, grammar.vocabulary);
      const words = tokens.texts();
      if (candidate.score < T.weakPerson) {
        if (candidate.person && words.length > 1) this.names.set(candidate.text, { words, text: candidate.text });
      } else {
        this.names.set(candidate.text, { words, text: candidate.text });
        const reason = candidate.full !== undefined ? `abbreviation of '${candidate.full}' (line ${candidate.line + 1})` : `same name as on line ${candidate.line + 1}`;
        this.register({ words, text: candidate.text, score: candidate.score, reason, rule: candidate.full !== undefined ? 'abbreviation-repeat' : 'repeat', origin: candidate.start });
      }
      if (!candidate.person || words.length < 2) continue;
      // a weak name (a bare capitalised run) gives short forms only when it looks like a person's: two or
      // three words, none of them a lexicon word (function words were ruled out by the line scan)
      if (candidate.score < T.strongName && (words.length > 3 || !allWords(tokens) || hasKnownWord(tokens, grammar))) continue;
      const lastIndex = tokens.count - 1;
      if (isShortFormWord(tokens, lastIndex, grammar, qualifiers)) shortForms.push({ word: words[lastIndex], candidate, last: true });
      if (isShortFormWord(tokens, 0, grammar, qualifiers)) shortForms.push({ word: words[0], candidate, last: false });
    }
    // family names first: "Lawan" of "Ahmad Lawan" beats a first name that happens to be the same
    shortForms.sort((a, b) => Number(b.last) - Number(a.last));
    for (const { word, candidate, last } of shortForms) {
      if (this.names.has(word)) continue;
      const strong = candidate.score >= T.strongName;
      this.names.set(word, { words: [word], text: word });
      this.register({
        words: [word],
        text: word,
        score: last && strong ? S.shortFormStrong : S.shortForm,
        reason: `short for '${candidate.text}' (line ${candidate.line + 1})`,
        rule: last ? 'short-form-last' : 'short-form-first',
        origin: -1,
        short: { full: candidate.text, atSentenceStart: last, weak: !strong },
      });
    }
    for (const list of this.byFirstWord) list.sort((a, b) => b.words.length - a.words.length);
  }

  private register(name: KnownName): void {
    (this.byFirstWord[this.firstWords.intern(name.words[0])] ??= []).push(name);
    const first = name.words[0];
    this.firstWordShapes[first.charCodeAt(0) & (SHAPE_SLOTS - 1)] |= 1 << Math.min(first.length, 31);
  }

  /** Adds the other occurrences of known names on one line to `found`. */
  repeatOn(entry: ScannedLine, grammar: ActorGrammar, found: DocCandidate[]): void {
    if (this.names.size === 0) return;
    const { line, start } = entry;
    const tokens = entry.scan.tokens;
    const source = tokens.source;
    const shapes = this.firstWordShapes;
    for (let index = 0; index < tokens.count; index++) {
      if (!tokens.isNameWord(index)) continue;
      const wordStart = tokens.start(index);
      const wordEnd = tokens.end(index);
      if ((shapes[source.charCodeAt(wordStart) & (SHAPE_SLOTS - 1)] & (1 << Math.min(wordEnd - wordStart, 31))) === 0) continue;
      const first = this.firstWords.idOfRange(source, wordStart, wordEnd);
      if (first < 0) continue;
      if (index > 0 && !tokens.spaceBefore(index) && tokens.kind(index - 1) === WORD) continue;
      for (const name of this.byFirstWord[first] ?? NONE) {
        if (!wordsAt(tokens, index, name.words)) continue;
        const endIndex = index + name.words.length;
        const from = tokens.start(index);
        const to = tokens.end(endIndex - 1);
        if (to - from !== name.text.length || !tokens.source.startsWith(name.text, from)) continue;
        if (start + from === name.origin) {
          index = endIndex - 1;
          break;
        }
        if (tokens.isWord(endIndex) && !tokens.spaceBefore(endIndex)) continue;
        if (placePrepositionBefore(tokens, index, grammar)) break;
        if (name.words.length === 1 && !this.standsAlone(tokens, index)) continue;
        if (name.short && !this.shortFormFits(tokens, index, name.short)) continue;
        // at a sentence start a capital proves nothing: a weak one-word name ("Hội") is not repeated there
        if (!name.short && tokens.sentenceStart(index) && name.words.length === 1 && name.score < T.sentenceStartRepeat) break;
        // nor a name the page also writes in lower case ("Chính sách ..." with "ông Chính" elsewhere)
        if (!name.short && tokens.sentenceStart(index) && name.words.length === 1 && this.writtenInLowerCase(tokens.lower(index))) break;
        const reasons = [name.reason];
        found.push({ start: start + from, end: start + to, text: name.text, line, score: Math.min(S.repeatMax, name.score - S.repeatDiscount), reasons, rules: [name.rule], person: false });
        index = endIndex - 1;
        break;
      }
    }
  }

  /** Whether the one-word name at `index` stands alone, not inside another capitalised run ("Eugênio
   * Tadeu"); a sentence's capitalised first word counts only when it is a word of a known name ("Although
   * Hitler was" vs "Ahmad Lawan said"). */
  private standsAlone(tokens: Tokens, index: number): boolean {
    if (tokens.isNameWord(index + 1) && tokens.spaceBefore(index + 1)) return false;
    if (!tokens.isNameWord(index - 1) || !tokens.spaceBefore(index)) return true;
    if (!tokens.sentenceStart(index - 1)) return false;
    if (!this.nameWords) {
      this.nameWords = new Set<string>();
      for (const name of this.names.values()) for (const word of name.words) this.nameWords.add(word);
    }
    return !this.nameWords.has(tokens.text(index - 1));
  }

  private nameWords: Set<string> | undefined;

  /** At a sentence start a short form counts only when allowed and when the page never writes it in lower
   * case ("Chính" of a name, "chính" the word); a weak name's short form neither. */
  private shortFormFits(tokens: Tokens, index: number, short: NonNullable<KnownName['short']>): boolean {
    const atSentenceStart = tokens.sentenceStart(index);
    if (atSentenceStart && !short.atSentenceStart) return false;
    // a weak name's word the page also writes in lower case is a common word ("Filhos Desobedientes", "filhos")
    return (atSentenceStart || short.weak) ? !this.writtenInLowerCase(tokens.lower(index)) : true;
  }

  /** Whether the page writes `word` (lower-cased) in lower case, as a whole word: a native string search
   * per line, cached per word. A common word shows early: a very long page is searched in its first
   * LOWER_CASE_SEARCH_CHARS characters only, so the cost per word stays bounded. */
  private writtenInLowerCase(word: string): boolean {
    let known = this.lowerCaseWords.get(word);
    if (known !== undefined) return known;
    known = false;
    let searched = 0;
    search: for (const entry of this.scanned) {
      const text = entry.scan.text;
      if ((searched += text.length) > LOWER_CASE_SEARCH_CHARS) break;
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
        if (!WORD_CHAR.test(text[at - 1] ?? ' ') && !WORD_CHAR.test(text[at + word.length] ?? ' ')) {
          known = true;
          break search;
        }
      }
    }
    this.lowerCaseWords.set(word, known);
    return known;
  }

  private readonly lowerCaseWords = new Map<string, boolean>();
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const LOWER_CASE_SEARCH_CHARS = 200_000;

/** Whether a word of a name may stand for all of it: a capitalised word of two letters or more, not an
 * initial, a place or a qualifier of titles ("Mỹ" of a misread "Mỹ Thông"). */
function isShortFormWord(tokens: Tokens, index: number, grammar: ActorGrammar, qualifiers: ReadonlySet<string>): boolean {
  if (!tokens.isNameWord(index) || tokens.end(index) - tokens.start(index) < 2) return false;
  const place = grammar.places.matchAt(tokens, index);
  return !(place && place.length === 1) && !qualifiers.has(tokens.text(index)) && !grammar.triggers.has(tokens.word(index));
}

function allWords(tokens: Tokens): boolean {
  for (let k = 0; k < tokens.count; k++) if (!tokens.isWord(k)) return false;
  return true;
}

/** Whether some word of the name is a lexicon word (a title, a head, a cue...): vocabulary ids exist only for those. */
function hasKnownWord(tokens: Tokens, grammar: ActorGrammar): boolean {
  for (let k = 0; k < tokens.count; k++) if (grammar.triggers.has(tokens.word(k)) || grammar.orgWords.has(tokens, k)) return true;
  return false;
}

/** Occurrences of accepted actors on one line, scored by the annotator's decisions on the same text. */
function learnedOn(entry: ScannedLine, learned: LearnedEntities, titles: TitleTest, found: DocCandidate[]): void {
  for (const match of learned.matchTokens(entry.scan.tokens, titles)) {
    if (match.entry.label !== 'actor') continue;
    const reasons = propagationReasons(match.entry);
    found.push({
      start: entry.start + match.start,
      end: entry.start + match.end,
      text: match.entry.text,
      line: entry.line,
      score: learned.score(match.entry),
      reasons,
      rules: [ACCEPTED_RULE],
      person: false,
    });
  }
}

const titleTests = new WeakMap<ActorGrammar, TitleTest>();

/**
 * Whether a word before a name is no part of it, per grammar (stable, for caches): a title, honorific or
 * organisation descriptor ends there ("President", "hãng tin"), or it opens the sentence and starts a
 * lexicon phrase ("Hãng Kyodo", capitalised only by the sentence).
 */
function titleTest(grammar: ActorGrammar): TitleTest {
  let test = titleTests.get(grammar);
  if (!test) {
    test = (tokens, index) => {
      if (tokens.sentenceStart(index) && grammar.triggers.has(tokens.word(index))) return true;
      for (let back = 0; back < 4 && index - back >= 0; back++) {
        const from = index - back;
        for (const phrases of [grammar.titles, grammar.honorifics, grammar.orgDescriptors]) {
          if (phrases.matchAt(tokens, from, index + 1)?.length === back + 1) return true;
        }
      }
      return false;
    };
    titleTests.set(grammar, test);
  }
  return test;
}

/**
 * What a name is, for short forms: an organisation (a head or tail word, a lower-case word that is no name
 * particle, an acronym, a digit or a symbol, more than four words), and whether it is in Vietnamese order (a
 * family name first, or Vietnamese letters).
 */
function nameFacts(text: string, grammar: ActorGrammar): NameFacts {
  let cache = factCaches.get(grammar);
  if (!cache) factCaches.set(grammar, (cache = new Map()));
  let facts = cache.get(text);
  if (facts === undefined) {
    if (cache.size > MAX_CACHED_FACTS) cache.clear();
    // the key is kept: a copy of its own, not a slice that would keep its page alive
    cache.set(ownString(text), (facts = computeNameFacts(text, grammar)));
  }
  return facts;
}

const factCaches = new WeakMap<ActorGrammar, Map<string, NameFacts>>();
const MAX_CACHED_FACTS = 100_000;

function computeNameFacts(text: string, grammar: ActorGrammar): NameFacts {
  const tokens = tokenize(text, grammar.vocabulary);
  let organisation = tokens.count > 4 || grammar.orgHeads.matchAt(tokens, 0) !== undefined;
  for (let k = 0; k < tokens.count && !organisation; k++) {
    if (!tokens.isWord(k)) organisation = !(tokens.isChar(k, 45) || tokens.isChar(k, 46)); // "-" and "." join names
    else if (grammar.orgWords.has(tokens, k) || (tokens.acronym(k) && tokens.end(k) - tokens.start(k) > 1)) organisation = true;
    else if (!tokens.capitalised(k) && !grammar.nameParticles.has(tokens, k)) organisation = true;
  }
  const vietnamese = grammar.familyNames.has(tokens, 0) || VIETNAMESE_LETTERS.test(text);
  return { organisation, vietnamese };
}

const VIETNAMESE_LETTERS = /[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;

/**
 * The best candidates where candidates overlap, in document order; reasons of identical spans are merged.
 * Candidates never cross lines, so each line is decided on its own; a line's candidates are ranked in the
 * order they were found.
 */
function bestCandidates(found: readonly DocCandidate[], report: ((line: number) => boolean) | undefined): DocCandidate[] {
  // a stable sort (found holds a few runs in line order: little more than a merge)
  const inLineOrder = found.slice().sort((a, b) => a.line - b.line);
  const chosen: DocCandidate[] = [];
  // Which chosen span covers each character of the current line (index in `chosen` + 1; 0 for none), so
  // a line with thousands of candidates (a page without line breaks) is decided in time linear in its size.
  let owner = new Int32Array(0);
  for (let from = 0; from < inLineOrder.length; ) {
    const lineNumber = inLineOrder[from].line;
    let to = from + 1;
    while (to < inLineOrder.length && inLineOrder[to].line === lineNumber) to++;
    if (report && !report(lineNumber)) {
      from = to;
      continue;
    }
    const line = inLineOrder.slice(from, to);
    from = to;
    if (line.length > 1) line.sort(betterCandidateFirst);
    let lineStart = Infinity;
    let lineEnd = 0;
    for (const candidate of line) {
      if (candidate.start < lineStart) lineStart = candidate.start;
      if (candidate.end > lineEnd) lineEnd = candidate.end;
    }
    if (owner.length < lineEnd - lineStart) owner = new Int32Array(Math.max(lineEnd - lineStart, owner.length * 2));
    else owner.fill(0, 0, lineEnd - lineStart);
    const first = chosen.length;
    next: for (const candidate of line) {
      const at = owner[candidate.start - lineStart];
      if (at !== 0) {
        const other = chosen[at - 1];
        if (other.start === candidate.start && other.end === candidate.end) {
          for (const reason of candidate.reasons) if (!other.reasons.includes(reason)) other.reasons.push(reason);
          for (const rule of candidate.rules) if (!other.rules.includes(rule)) other.rules.push(rule);
          continue;
        }
      }
      for (let k = candidate.start; k < candidate.end; k++) if (owner[k - lineStart] !== 0) continue next;
      chosen.push(candidate);
      for (let k = candidate.start; k < candidate.end; k++) owner[k - lineStart] = chosen.length;
    }
    // lines come in document order and the chosen spans of a line do not overlap: sorting each line's
    // spans by start sorts them all
    if (chosen.length - first > 1) {
      const ofLine = chosen.slice(first).sort((a, b) => a.start - b.start);
      for (let k = 0; k < ofLine.length; k++) chosen[first + k] = ofLine[k];
    }
  }
  return chosen;
}

/**
 * Stage 2: actor suggestions for scanned lines of one document. `scanned` should hold every line of the
 * document (evidence comes from all of them); suggestions are made for lines in `report` (all when omitted).
 */
export function resolveActors(
  scanned: readonly ScannedLine[],
  grammar: ActorGrammar,
  learned: LearnedEntities | undefined,
  report?: (line: number) => boolean,
): Suggestion[] {
  const evidence = new PageEvidence();
  for (let k = 0; k < scanned.length; k++) evidence.addLine(scanned[k].scan);
  const qualifiers = evidence.qualifiers();
  const found: DocCandidate[] = [];
  for (let k = 0; k < scanned.length; k++) lineFindings(scanned[k], grammar, evidence, qualifiers, found);
  strengthenContainingNames(found);
  const known = new KnownNames(found, grammar, qualifiers, scanned);
  const withLearned = learned !== undefined && learned.size > 0 ? learned : undefined;
  for (let k = 0; k < scanned.length; k++) {
    const entry = scanned[k];
    if (report && !report(entry.line)) continue;
    known.repeatOn(entry, grammar, found);
    if (withLearned) learnedOn(entry, withLearned, titleTest(grammar), found);
  }
  const chosen = bestCandidates(found, report);

  const pageNames = [...known.names.values()].filter((name) => name.words.length > 1);
  const canonical = new Map<string, string>();
  for (const candidate of found) if (candidate.full !== undefined && !canonical.has(candidate.text)) canonical.set(candidate.text, learned?.get('actor', candidate.full)?.value ?? candidate.full);
  return chosen.map((candidate) => {
    let value = canonical.get(candidate.text);
    if (value === undefined) canonical.set(candidate.text, (value = canonicalName(candidate.text, pageNames, learned, grammar)));
    const suggestion: Suggestion = {
      start: candidate.start,
      end: candidate.end,
      label: 'actor',
      text: candidate.text,
      value,
      score: candidate.score,
      reasons: candidate.reasons,
      rules: candidate.rules,
      line: candidate.line,
    };
    if (value !== candidate.text) suggestion.reasons = [...candidate.reasons, `short for '${value}'`];
    return suggestion;
  });
}

function betterCandidateFirst(a: DocCandidate, b: DocCandidate): number {
  return b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start;
}

function wordsAt(tokens: Tokens, index: number, words: readonly string[]): boolean {
  if (index + words.length > tokens.count) return false;
  for (let k = 0; k < words.length; k++) if (!tokens.textIs(index + k, words[k])) return false;
  return true;
}

/**
 * The longest name on the page or among accepted ones that `text` may stand for (shortFormAllowed: a part
 * of a person's name on the same page, a Western family name across pages, never part of an
 * organisation's name), a name ending with it first; among equals, accepted names first, then the page's
 * in page order.
 */
function canonicalName(text: string, pageNames: readonly { words: string[]; text: string }[], learned: LearnedEntities | undefined, grammar: ActorGrammar): string {
  const accepted = learned?.get('actor', text)?.value;
  if (accepted !== undefined) return accepted;
  const words = tokenize(text, grammar.vocabulary).texts();
  let best: { words: readonly string[]; text: string } | undefined;
  let bestIsSuffix = false;
  const consider = (candidate: { words: readonly string[]; text: string }, samePage: boolean): void => {
    const longer = candidate.words;
    if (longer.length <= words.length) return;
    // family names: a name ending with the short form beats one merely containing it
    const isSuffix = endsWithWords(longer, words);
    if (best && bestIsSuffix && !isSuffix) return;
    if (best && isSuffix === bestIsSuffix && longer.length <= best.words.length) return;
    if (!isSuffix && !(samePage && containsWords(longer, words))) return;
    if (!shortFormAllowed(longer, words, nameFacts(candidate.text, grammar), samePage)) return;
    best = candidate;
    bestIsSuffix = isSuffix;
  };
  // an accepted name stands for a short form only as its ending (across pages)
  if (learned) for (const entry of learned.endingWith('actor', words)) consider(entry, false);
  for (const name of pageNames) consider(name, true);
  if (!best) return text;
  const full = (best as { text: string }).text;
  return learned?.get('actor', full)?.value ?? full;
}

/**
 * Actor suggestions in `lines` of `text` (other lines still give evidence when passed in `evidenceLines`).
 */
export function detectActors(
  text: string,
  lines: readonly { start: number; end: number }[],
  lexicon: EntityLexicon,
  learned: LearnedEntities,
  opts: ActorOptions & { evidenceLines?: readonly { start: number; end: number }[] } = {},
): Suggestion[] {
  const grammar = actorGrammar(lexicon, opts.lang);
  const all = lineSpans(text);
  const lineOf = lineFinder(all);
  const seen = new Uint8Array(all.length);
  const scanned: ScannedLine[] = [];
  const scan = (spans: readonly { start: number; end: number }[]): void => {
    for (const span of spans) {
      const line = lineOf(span.start);
      if (seen[line] !== 0) continue;
      seen[line] = 1;
      scanned.push({ line, start: span.start, scan: scanActorLine(text.slice(span.start, span.end), grammar, opts) });
    }
  };
  scan(opts.evidenceLines ?? lines);
  if (opts.evidenceLines === undefined) return resolveActors(scanned, grammar, learned);
  const wanted = new Set(lines.map((span) => lineOf(span.start)));
  scan(lines);
  return resolveActors(scanned, grammar, learned, (line) => wanted.has(line));
}

/** 0-based line of an offset; offsets asked in increasing order (the usual case) cost no search. */
function lineFinder(all: readonly { line: number; start: number }[]): (offset: number) => number {
  let at = 0;
  return (offset) => {
    if (at >= all.length || all[at].start > offset) return lineIndexOf(all, offset);
    while (at + 1 < all.length && all[at + 1].start <= offset) at++;
    return all[at].line;
  };
}

