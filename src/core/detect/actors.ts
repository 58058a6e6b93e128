// Actor suggestions: people and organisations (docs/annotation-guidelines.md). Two stages:
//
// 1. Per line (cacheable by line text, offsets relative to the line): names after honorifics ("ông X"),
//    after titles ("Tổng thống Pháp Emmanuel Macron" — kept raw, see 2), organisation names from head words
//    ("Bộ Ngoại giao Nga", "đảng Cộng hòa"), names after source cues ("theo Reuters") or before speech
//    verbs ("X cho biết"), runs of capitalised words that nothing else explains (organisations by their head,
//    tail and joiner words: "Bank of England", "Xinhua News Agency"; Vietnamese names by a family name; not
//    places: "Hubei province", "đường Nguyễn Huệ"), and a speaker label opening the line ("Eugênio: ...").
// 2. Per document: decides which capitalised word after a title is a country or place that belongs to the
//    title (from the optional places gazetteer, and from the page itself: a word that stands alone after
//    titles and also before names is a qualifier), then suggests every other occurrence of the names found
//    and of names the annotator accepted, and links short forms to full names ("Macron" -> "Emmanuel Macron").
//    A person's last name alone (and first name in mid-sentence) is suggested wherever it stands alone.
//
// Every word list comes from lexicons/entities/{titles,org-heads,cues,places,names}.<lang>.txt.

import type { Suggestion } from '../model/types';
import type { EntityLexicon } from './lexicons';
import { containsWords, type LearnedEntities, type NameFacts, shortFormAllowed, type TitleTest } from './learned';
import { lineSpans } from '../text/lines';
import { IdTable, lineIndexOf, type PhraseMatch, PhraseMatcher, TOKEN_PUNCT, TOKEN_WORD, type Tokens, tokenize, Vocabulary, WordSet } from './words';

export interface ActorGrammar {
  /** Tokens scanned with this grammar must come from this vocabulary. */
  vocabulary: Vocabulary;
  honorifics: PhraseMatcher;
  titles: PhraseMatcher;
  links: WordSet;
  orgDescriptors: PhraseMatcher;
  orgHeads: PhraseMatcher;
  /** Last words of organisation names ("Agency", "Party", "Brothers"). */
  orgTails: WordSet;
  /** Head and tail words: what makes a joiner ("of", "and") part of a name. */
  orgWords: WordSet;
  joiners: WordSet;
  /** Administrative units that may end an organisation name with a place ("tỉnh", "thành phố"). */
  localities: PhraseMatcher;
  standalone: PhraseMatcher;
  places: PhraseMatcher;
  sourceBefore: PhraseMatcher;
  speechAfter: PhraseMatcher;
  placePrepositions: PhraseMatcher;
  nameParticles: WordSet;
  articles: WordSet;
  /** Kinds of place ("province", "stadium") that make the capitalised run before or ending with them a place. */
  placeNouns: WordSet;
  /** Words joining places ("và", "với"): a capitalised run after one, right after a place, is a place. */
  placeJoiners: WordSet;
  /** Words of events and holidays ("Cup", "Tết", "Lễ hội"): a capitalised run holding one is no actor. */
  eventWords: PhraseMatcher;
  /** Family names: a short capitalised run starting with one is a person's name. */
  familyNames: WordSet;
  /** Date context words that may stand between a name and its speech verb ("X ngày 14/4 cho biết"). */
  dateContext: WordSet;
  connectors: WordSet;
  /** Vietnamese function words ("đã", "cũng", "sẽ"): never the lower-case end of a name's last word. The rule
   * that lets a name's last word take one lower-case syllable applies only when the list is not empty. */
  functionWords: WordSet;
  hasFunctionWords: boolean;
  /** Markers of a verb ("sẽ", "đã"): a lower-case head after one is a verb ("sẽ tổ chức Hội chợ"). */
  verbMarkers: WordSet;
  /** Vocabulary ids of the first words of the phrases that start a title, honorific, organisation or source cue. */
  triggers: IdTable;
}

export function actorGrammar(lexicon: EntityLexicon, lang?: string): ActorGrammar {
  return lexicon.compiled('actors', lang, () => {
    const vocabulary = lexicon.vocabulary;
    const matcher = (kind: 'titles' | 'org-heads' | 'cues' | 'places', ...sections: string[]): PhraseMatcher => {
      const result = new PhraseMatcher(vocabulary);
      const all = lexicon.sections(kind, lang);
      const names = sections.length > 0 ? sections : [...all.keys()];
      for (const name of names) for (const entry of all.get(name) ?? []) result.add(entry.text, entry.value);
      return result;
    };
    const texts = (kind: 'titles' | 'cues' | 'dates' | 'org-heads' | 'names', section: string): string[] =>
      lexicon.entries(kind, section, lang).map((entry) => entry.text);
    const words = (kind: 'titles' | 'cues' | 'dates' | 'org-heads' | 'names', section: string): WordSet => new WordSet(vocabulary, texts(kind, section));
    const honorifics = matcher('titles', 'honorifics');
    const titles = matcher('titles', 'titles');
    const orgDescriptors = matcher('titles', 'org-descriptors');
    const orgHeads = matcher('org-heads', 'heads');
    const standalone = matcher('org-heads', 'standalone');
    const sourceBefore = matcher('cues', 'source-before');
    const triggers = new IdTable();
    for (const m of [honorifics, titles, orgDescriptors, orgHeads, standalone, sourceBefore]) for (const w of m.firstWords()) triggers.set(w, 1);
    return {
      vocabulary,
      triggers,
      honorifics,
      titles,
      links: words('titles', 'links'),
      orgDescriptors,
      orgHeads,
      orgTails: words('org-heads', 'tails'),
      orgWords: new WordSet(vocabulary, [...texts('org-heads', 'heads'), ...texts('org-heads', 'tails')]),
      joiners: words('org-heads', 'joiners'),
      localities: matcher('org-heads', 'localities'),
      standalone,
      places: matcher('places'),
      sourceBefore,
      speechAfter: matcher('cues', 'speech-after'),
      placePrepositions: matcher('cues', 'place-prepositions'),
      nameParticles: words('cues', 'name-particles'),
      articles: words('cues', 'articles'),
      placeNouns: words('cues', 'place-nouns'),
      placeJoiners: words('cues', 'place-joiners'),
      eventWords: matcher('cues', 'event-words'),
      familyNames: words('names', 'family-names'),
      dateContext: words('dates', 'context'),
      connectors: words('dates', 'alternatives'),
      functionWords: words('cues', 'function-words'),
      hasFunctionWords: texts('cues', 'function-words').length > 0,
      verbMarkers: words('cues', 'verb-markers'),
    };
  });
}

/**
 * Ids of the rules behind actor suggestions (a suggestion's `rules`): the line-scan evidence kinds
 * (ActorEvidence) and the page-level rules. A learner reads them as features, so a rule's id must not change
 * meaning; a new rule gets a new id.
 */
export const ACTOR_RULES = [
  'honorific', 'title', 'title-abbreviation', 'org', 'org-descriptor', 'standalone', 'source', 'speech', 'capitalised',
  'organisation-word', 'family-name', 'capitalised-phrase', 'abbreviation', 'speaker', 'repeat', 'abbreviation-repeat',
  'short-form-last', 'short-form-first', 'accepted',
] as const;

/** The rule id of suggestions repeating what the annotator accepted elsewhere (propagation). */
export const ACCEPTED_RULE = 'accepted';

export type ActorEvidence =
  | 'honorific' | 'title' | 'org' | 'org-descriptor' | 'standalone' | 'source' | 'speech' | 'capitalised'
  | 'organisation-word' | 'family-name' | 'capitalised-phrase' | 'abbreviation';

/** A candidate found within one line; offsets relative to the line. */
export interface LineActorCandidate {
  start: number;
  end: number;
  text: string;
  evidence: ActorEvidence;
  cue: string;
  score: number;
  /** An abbreviation in brackets right after an organisation name ("(ECB)"): that name. */
  full?: string;
}

/** A capitalised run right after a title, kept raw until the document tells which part is a qualifier. */
export interface TitleRun {
  title: string;
  /** Token indexes of the run in its line: [first, end). */
  first: number;
  end: number;
  words: { start: number; end: number; text: string }[];
  /** A lower-case content word follows the run ("Chủ tịch Hội hữu nghị"): one capitalised word is then
   * more likely the start of a compound than a name. */
  beforeContentWord: boolean;
}

export interface LineActorScan {
  /** The line's text. */
  text: string;
  candidates: readonly LineActorCandidate[];
  titleRuns: readonly TitleRun[];
  /** Tokens of the line (offsets relative to it), for matching known names. */
  tokens: Tokens;
  /** Lone capitalised words in mid-sentence that nothing explained ("từ Nga"): evidence of places. */
  bareWords: readonly string[];
  /** A name opening the line before a colon ("Eugênio: ..."): a speaker when the page has it twice. */
  speaker: SpeakerLabel | undefined;
}

/** Offsets relative to the line. */
export interface SpeakerLabel {
  start: number;
  end: number;
  text: string;
}

export interface ActorOptions {
  lang?: string;
  /** Lower-cased single word -> whether it is a function word (from the stop-word lexicon). */
  isStopword?: (word: string) => boolean;
}

// Read once into module constants: a CommonJS build (tsx, tests) turns every use of an imported binding into
// a getter call, and these are compared for every token.
const WORD = TOKEN_WORD;
const PUNCT = TOKEN_PUNCT;

const NEVER = (): boolean => false;
/** Shared by the scans of lines without findings (most lines): scans are cached, so fewer objects to keep. */
const NONE: readonly never[] = Object.freeze([]);
const HYPHEN = 0x2d;
const DOT = 0x2e;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACKET = 0x28;
const CLOSE_BRACKET = 0x29;
const MAX_ABBREVIATION_LENGTH = 12;
/** Lower-case and capitalised words an organisation name may still run through before its abbreviation in
 * brackets ("Cục Dự trữ | liên bang Mỹ (Fed)"): the bracket shows where the name ends. */
const MAX_WORDS_BEFORE_ABBREVIATION = 8;

/** A one-letter capitalised word followed by a dot: an initial ("J. K. Smith"). */
function isInitial(tokens: Tokens, index: number): boolean {
  return tokens.isNameWord(index) && tokens.end(index) - tokens.start(index) === 1 && tokens.isChar(index + 1, DOT) && !tokens.spaceBefore(index + 1);
}

/** Index after the plain capitalised words from `index` (no particles, joiners or initials). */
function plainRunEnd(tokens: Tokens, index: number): number {
  let end = index;
  while (tokens.isNameWord(end) && (end === index || tokens.spaceBefore(end))) end++;
  return end;
}

function hasOrganisationWord(tokens: Tokens, from: number, to: number, grammar: ActorGrammar): boolean {
  for (let k = from; k < to; k++) if (grammar.orgWords.has(tokens, k)) return true;
  return false;
}

function insidePlace(tokens: Tokens, start: number, index: number, grammar: ActorGrammar): boolean {
  const place = grammar.places.matchAt(tokens, start);
  return place !== undefined && start + place.length > index;
}

/**
 * Index after the capitalised run starting at `index`: name particles ("van"), initials ("J. K. Smith") and,
 * inside organisation names, joiners ("House of Representatives") are allowed inside.
 */
function capitalisedRunEnd(tokens: Tokens, index: number, grammar: ActorGrammar): number {
  if (!tokens.isNameWord(index)) return index;
  let end = index + 1;
  while (end < tokens.count) {
    // "Jae-in", "Kyung-wha": a hyphen glued to a lower-case part continues the name ("Macron-Scholz" does not)
    if (tokens.isChar(end, HYPHEN) && !tokens.spaceBefore(end) && tokens.isWord(end + 1) && !tokens.spaceBefore(end + 1) && !tokens.capitalised(end + 1)) {
      end += 2;
      continue;
    }
    // an initial's dot, when a name goes on after it ("B. U. Nzeribe"; not "Plan B. The ...")
    if (isInitial(tokens, end - 1) && tokens.isNameWord(end + 1) && tokens.spaceBefore(end + 1) && !grammar.articles.has(tokens, end + 1)) {
      end++;
      continue;
    }
    if (!tokens.spaceBefore(end)) break;
    if (tokens.isNameWord(end)) {
      // a capitalised title or honorific starts the next name ("... Donald Trump Ông Scholz ..."),
      // unless it is inside a known place ("Trung Quốc Vương Nghị": "Quốc vương" is a title); a capitalised
      // honorific that is a place is no honorific ("Đinh Thị Mai Anh": "Anh" is also England)
      const personCue = grammar.titles.matchAt(tokens, end) !== undefined || (grammar.honorifics.matchAt(tokens, end) !== undefined && grammar.places.matchAt(tokens, end) === undefined);
      if (personCue && !insidePlace(tokens, index, end, grammar)) break;
      end++;
      continue;
    }
    if (tokens.isWord(end) && grammar.nameParticles.hasExact(tokens, end) && tokens.isNameWord(end + 1) && tokens.spaceBefore(end + 1)) {
      end += 2;
      continue;
    }
    // "Bank of England", "Food and Drug Administration": a joiner belongs to an organisation name when the
    // word before it or a word of the part after it is an organisation word ("Smith and Jones" stay apart)
    if (tokens.isWord(end) && !tokens.capitalised(end) && grammar.joiners.has(tokens, end) && tokens.isNameWord(end + 1) && tokens.spaceBefore(end + 1)) {
      const partEnd = plainRunEnd(tokens, end + 1);
      if (grammar.orgWords.has(tokens, end - 1) || hasOrganisationWord(tokens, end + 1, partEnd, grammar)) {
        end++;
        continue;
      }
    }
    break;
  }
  return end;
}

/** An organisation descriptor ("news agency") at `index`; capitalised in mid-sentence it is part of a name
 * ("Kyodo News Agency", "Grupo Globo") and is none. */
function descriptorAt(tokens: Tokens, index: number, grammar: ActorGrammar): PhraseMatch<string | undefined> | undefined {
  const descriptor = grammar.orgDescriptors.matchAt(tokens, index);
  if (descriptor && tokens.capitalised(index) && !tokens.sentenceStart(index)) return undefined;
  return descriptor;
}

function startsCue(tokens: Tokens, index: number, grammar: ActorGrammar): boolean {
  return (
    grammar.titles.matchAt(tokens, index) !== undefined ||
    grammar.orgHeads.matchAt(tokens, index) !== undefined ||
    (grammar.honorifics.matchAt(tokens, index) !== undefined && !tokens.capitalised(index))
  );
}

/** A lower-case syllable that may end a Vietnamese word begun by a capitalised one ("Ngoại giao", "Tự do"):
 * not a connector ("và"), a link ("của"), a date word ("ngày") or the start of a cue ("cho biết", "tại"). */
function isWordRest(tokens: Tokens, index: number, grammar: ActorGrammar): boolean {
  return (
    tokens.isWord(index) && !tokens.capitalised(index) && tokens.spaceBefore(index) &&
    !grammar.connectors.has(tokens, index) && !grammar.links.has(tokens, index) && !grammar.dateContext.has(tokens, index) &&
    grammar.speechAfter.matchAt(tokens, index) === undefined && grammar.placePrepositions.matchAt(tokens, index) === undefined &&
    (!startsCue(tokens, index, grammar) || headWithoutName(tokens, index, grammar))
  );
}

/** An organisation head that starts no name, a lower-case word following it ("Môi trường", "Nhà nước"):
 * the syllable of a compound, not the start of the next organisation. */
function headWithoutName(tokens: Tokens, index: number, grammar: ActorGrammar): boolean {
  const head = grammar.orgHeads.matchAt(tokens, index);
  return (
    head !== undefined && grammar.titles.matchAt(tokens, index) === undefined && grammar.honorifics.matchAt(tokens, index) === undefined &&
    tokens.isWord(index + head.length) && !tokens.capitalised(index + head.length)
  );
}

/** Whether tokens[index] opens "(ECB)": a bracket after a space, one capitalised word of 2 to 12 characters
 * that is no known place and no number ("(Hà Nội)", "(2019)", "(+84)" are not), and the closing bracket. */
function abbreviationAt(tokens: Tokens, index: number, grammar: ActorGrammar): boolean {
  if (!tokens.isChar(index, OPEN_BRACKET) || !tokens.spaceBefore(index) || !tokens.isChar(index + 2, CLOSE_BRACKET)) return false;
  const word = index + 1;
  if (!tokens.isNameWord(word) || tokens.spaceBefore(word) || tokens.spaceBefore(index + 2)) return false;
  const length = tokens.end(word) - tokens.start(word);
  return length >= 2 && length <= MAX_ABBREVIATION_LENGTH && grammar.places.matchAt(tokens, word) === undefined;
}

/** Index of the bracket of an abbreviation that ends the organisation name at `end` after a few more words
 * ("Cục Dự trữ | liên bang Mỹ (Fed)", "Hiệp hội Cà phê | - Ca cao Việt Nam (Vicofa)"), or `end`. */
function nameEndBeforeAbbreviation(tokens: Tokens, end: number, grammar: ActorGrammar): number {
  for (let k = end; k < tokens.count && k - end <= MAX_WORDS_BEFORE_ABBREVIATION; k++) {
    if (abbreviationAt(tokens, k, grammar)) return k;
    const spacedHyphen = tokens.isChar(k, HYPHEN) && tokens.spaceBefore(k) && tokens.spaceBefore(k + 1);
    if (!(tokens.isWord(k) && tokens.spaceBefore(k)) && !spacedHyphen) return end;
    if (grammar.speechAfter.matchAt(tokens, k) !== undefined || startsPersonCue(tokens, k, grammar)) return end;
  }
  return end;
}

/** A diacritic (after NFD) or "đ": Vietnamese writes one on most syllables. The rule using it is gated by the
 * Vietnamese function-word list, so European accents ("Saúde") meet it only on pages of unknown language. */
const DIACRITIC_OR_D = /[\u0300-\u0323đ]/u;

/** Whether `syllable` may end the Vietnamese word begun by the capitalised word before it: not a function word
 * ("đã", "cũng"), not a locality ("tỉnh"), at most seven letters (the longest Vietnamese syllable, "nghiêng").
 * Only with a function-word list (Vietnamese lexicons). */
function isContentSyllable(tokens: Tokens, syllable: number, grammar: ActorGrammar): boolean {
  return (
    grammar.hasFunctionWords && !grammar.functionWords.has(tokens, syllable) && grammar.localities.matchAt(tokens, syllable) === undefined &&
    tokens.end(syllable) - tokens.start(syllable) <= 7
  );
}

/** A capitalised word that looks Vietnamese: a diacritic or "đ", or a single letter ("Y tế"); "Élysée", "Tesla" not. */
function looksVietnamese(tokens: Tokens, word: number): boolean {
  return tokens.isNameWord(word) && (tokens.end(word) - tokens.start(word) === 1 || DIACRITIC_OR_D.test(tokens.lower(word).normalize('NFD')));
}

/**
 * The organisation name starting with a head word at tokens[index] (head length `headLength`): the head,
 * then capitalised words, each optionally followed by the lower-case rest of a Vietnamese compound ("Ngoại
 * giao"), then at most one trailing capitalised qualifier or a known place ("Bộ Ngoại giao Nga").
 *
 * Vietnamese names capitalise only the first syllable of each word ("Đảng Dân chủ Tự do", "Bộ Giáo dục và
 * Đào tạo"), and the second syllable of a word is often also a function word on its own ("do", "chủ",
 * "tạo"), so stop words do not end a name: lower-case syllables after a capitalised one belong to the name
 * when the name goes on after them (another capitalised word, a connector and one, or its end), and the
 * last word of a name built of such words takes its one lower-case syllable too.
 */
function organisationEnd(tokens: Tokens, index: number, headLength: number, grammar: ActorGrammar, isStopword: (w: string) => boolean): number {
  const count = tokens.count;
  let position = index + headLength;
  // "Công an tỉnh Nghệ An", "UBND TP.HCM": a capitalised head, a locality and a place
  const locality = localityEnd(tokens, position, grammar);
  if (locality > position && tokens.capitalised(index)) return locality;
  // a head word may start the name itself ("Ngân hàng Nhà nước", "Tập đoàn Điện lực"), a person cue not
  if (!tokens.isNameWord(position) || !tokens.spaceBefore(position) || startsPersonCue(tokens, position, grammar)) return index;
  let end = position;
  let segments = 0;
  /** Whether an earlier word of this name had a lower-case rest ("Dân chủ"). */
  let compoundWords = false;
  /** Whether the name is a run after an acronym ("Công ty TNHH Minh Long"): a brand, maybe not Vietnamese. */
  let brandName = false;
  while (position < count) {
    if (!tokens.spaceBefore(position) && position > index + headLength) break;
    if (!tokens.isNameWord(position)) break;
    // an institution inside the name ends it: "Hội đồng Bảo an Liên hợp quốc"
    const institution = grammar.standalone.matchAt(tokens, position);
    if (institution && segments > 0) {
      end = position + institution.length;
      break;
    }
    let runEnd = capitalisedRunEnd(tokens, position, grammar);
    const place = grammar.places.matchAt(tokens, position);
    if (segments === 0) {
      // the first name word only, unless the run is a known place: "Điện Élysée | Olivier Véran"; after an
      // acronym the whole run is the name ("Trường THPT Chu Văn An", "Công ty TNHH Minh Long")
      if (tokens.acronym(position)) {
        runEnd = Math.max(runEnd, position + 1);
        brandName = true;
      }
      else if (place && position + place.length <= runEnd) return position + place.length; // "Công an Hà Nội" is whole
      else runEnd = position + 1;
    } else {
      // after the first segment, a further capitalised run belongs to the name only when it is a single
      // qualifier word or a known place (possibly after one word: "Công ty Cổ phần Sữa Việt Nam"); two or
      // more other words are the next name ("đảng Cộng hòa Donald Trump")
      if (place) {
        end = position + place.length;
        break;
      }
      const tailPlace = grammar.places.matchAt(tokens, position + 1);
      if (tailPlace && tokens.spaceBefore(position + 1) && !startsCue(tokens, position, grammar)) {
        end = position + 1 + tailPlace.length;
        break;
      }
      // a capitalised head without a name after it is a word of this name ("Ủy ban Chứng khoán Nhà nước")
      if (runEnd - position !== 1 || (startsCue(tokens, position, grammar) && !headWithoutName(tokens, position, grammar))) break;
    }
    position = runEnd;
    end = position;
    segments++;
    // the lower-case rest of the word: up to two syllables, kept when the name goes on after them
    let rest = position;
    while (rest < count && rest - position < 2 && isWordRest(tokens, rest, grammar)) rest++;
    let taken = 0;
    for (let length = rest - position; length > 0 && taken === 0; length--) {
      const after = position + length;
      const continues =
        (after < count && tokens.spaceBefore(after) && tokens.isNameWord(after) && (!startsCue(tokens, after, grammar) || headWithoutName(tokens, after, grammar))) ||
        localityEnd(tokens, after, grammar) > after;
      const joined = tokens.isWord(after) && grammar.connectors.has(tokens, after) && tokens.isNameWord(after + 1);
      // a speech verb right after ("Bộ Ngoại giao cho biết") ends the name, unless function words stand between
      const beforeSpeech =
        grammar.speechAfter.matchAt(tokens, after) !== undefined && !someStopword(tokens, position, after, isStopword) && !someFunctionWord(tokens, position, after, grammar);
      const closes = after >= count || (tokens.kind(after) === PUNCT && length === 1) || beforeSpeech;
      if (continues || joined || closes) taken = length;
    }
    if (taken === 0 && rest > position) {
      // the last word of a name takes one lower-case content syllable (no function word) when it looks
      // Vietnamese ("Bộ Tài chính tổ chức", "Bộ Y tế cũng") or ends a name of compounds ("Cục Quản lý nợ và
      // Kinh tế đối ngoại") other than a brand after a legal form ("Công ty CP Tập đoàn Bim sớm"); without a
      // function-word list, only after compounds; a known place takes none ("Bộ Ngoại giao Nga đã ...")
      const takesSyllable = grammar.hasFunctionWords
        ? isContentSyllable(tokens, position, grammar) && (looksVietnamese(tokens, position - 1) || (compoundWords && !brandName))
        : compoundWords;
      if (!place && takesSyllable) {
        end = position + 1;
        const localityTail = localityEnd(tokens, end, grammar);
        if (localityTail > end) return localityTail;
      }
      break;
    }
    if (taken > 0) {
      compoundWords = true;
      position += taken;
      end = position;
    }
    if (tokens.isWord(position) && grammar.connectors.has(tokens, position) && tokens.isNameWord(position + 1) && tokens.spaceBefore(position + 1)) {
      position++;
      continue;
    }
    const localityTail = localityEnd(tokens, position, grammar);
    if (localityTail > position) return localityTail;
    if (!tokens.isNameWord(position)) break;
  }
  return end;
}

/** Index after "tỉnh Quảng Ninh", "TP.HCM", "thành phố Huế" at `index` (a locality word and a place or
 * capitalised run), or `index`. */
function localityEnd(tokens: Tokens, index: number, grammar: ActorGrammar): number {
  const locality = grammar.localities.matchAt(tokens, index);
  if (!locality || !tokens.spaceBefore(index)) return index;
  const whole = grammar.places.matchAt(tokens, index); // "TP.HCM"
  if (whole && whole.length > locality.length) return index + whole.length;
  let position = index + locality.length;
  if (tokens.isChar(position, DOT) && !tokens.spaceBefore(position)) position++;
  const place = grammar.places.matchAt(tokens, position);
  if (place) return position + place.length;
  const end = capitalisedRunEnd(tokens, position, grammar);
  if (end <= position || startsCue(tokens, position, grammar)) return index;
  // an unknown place is a word or two; a longer run goes on with a person's name ("tỉnh Nam Sơn Trần Văn A")
  return end - position >= 4 ? position + 2 : end;
}

function startsPersonCue(tokens: Tokens, index: number, grammar: ActorGrammar): boolean {
  return grammar.titles.matchAt(tokens, index) !== undefined || (grammar.honorifics.matchAt(tokens, index) !== undefined && !tokens.capitalised(index));
}

function someFunctionWord(tokens: Tokens, from: number, to: number, grammar: ActorGrammar): boolean {
  for (let index = from; index < to; index++) if (grammar.functionWords.has(tokens, index)) return true;
  return false;
}

function someStopword(tokens: Tokens, from: number, to: number, isStopword: (w: string) => boolean): boolean {
  for (let index = from; index < to; index++) if (isStopword(tokens.lower(index))) return true;
  return false;
}

let consumedScratch = new Uint8Array(256);

/** A zeroed per-token flag array for one line scan (reused: scans do not nest). */
function consumedFlags(count: number): Uint8Array {
  if (consumedScratch.length < count) consumedScratch = new Uint8Array(Math.max(count, consumedScratch.length * 2));
  consumedScratch.fill(0, 0, count);
  return consumedScratch;
}

/** The candidates of one line as they are found; tokens once used by a candidate or cue are consumed. */
class LineCandidates {
  /** Made on the first candidate: most lines have none. */
  candidates: LineActorCandidate[] | undefined;
  readonly consumed: Uint8Array;

  constructor(
    private readonly tokens: Tokens,
    private readonly grammar: ActorGrammar,
    private readonly isStopword: (word: string) => boolean,
  ) {
    this.consumed = consumedFlags(tokens.count);
  }

  consume(from: number, to: number): void {
    this.consumed.fill(1, from, to);
  }

  add(from: number, to: number, evidence: ActorEvidence, cue: string, score: number): void {
    const tokens = this.tokens;
    (this.candidates ??= []).push({ start: tokens.start(from), end: tokens.end(to - 1), text: tokens.textOf(from, to), evidence, cue, score });
    this.consume(from, to);
  }

  /** Whether a known place starting up to three words before `index` covers it. */
  private insideKnownPlace(index: number): boolean {
    for (let back = 1; back <= 3 && index - back >= 0; back++) {
      const place = this.grammar.places.matchAt(this.tokens, index - back);
      if (place && place.length > back) return true;
    }
    return false;
  }

  /** Organisation starting at `index`, if any (added as a candidate): its end index. */
  organisationAt(index: number): number {
    const { tokens, grammar } = this;
    if (index >= tokens.count) return index; // a title ends the line
    const head = grammar.orgHeads.matchAt(tokens, index);
    // a lower-case head right after a capitalised word is the end of that word ("Cơ sở"), and after a verb
    // marker a verb ("sẽ tổ chức Hội chợ"), not a head; nor is a head inside a known place ("Tây Ban Nha")
    const insideWord = !tokens.capitalised(index) && tokens.spaceBefore(index) && (tokens.isNameWord(index - 1) || grammar.verbMarkers.has(tokens, index - 1));
    // nor the end of a place word ("cơ sở Kim Chung": a facility)
    const placeWord = index > 0 ? grammar.placePrepositions.matchAt(tokens, index - 1) : undefined;
    if (head && !insideWord && !(placeWord && placeWord.length >= 2) && !this.insideKnownPlace(index)) {
      let end = organisationEnd(tokens, index, head.length, grammar, this.isStopword);
      // "Liên minh châu Âu (EU)": a capitalised head and its abbreviation in brackets frame the name
      if (end <= index + head.length && tokens.capitalised(index)) {
        const bracket = nameEndBeforeAbbreviation(tokens, index + head.length, grammar);
        if (bracket > index + head.length && tokens.isNameWord(bracket - 1)) end = bracket;
      }
      // "Banco Central do Brasil": a name particle and more capitalised words continue the name
      while (end > index + head.length && tokens.isWord(end) && grammar.nameParticles.hasExact(tokens, end) && tokens.isNameWord(end + 1) && tokens.spaceBefore(end + 1)) {
        end = plainRunEnd(tokens, end + 1);
      }
      if (end > index + head.length) {
        end = nameEndBeforeAbbreviation(tokens, end, grammar);
        this.add(index, end, 'org', `organisation head word '${head.text}'`, 0.85);
        return end;
      }
    }
    const standalone = grammar.standalone.matchAt(tokens, index);
    if (standalone && tokens.capitalised(index)) {
      // a capitalised qualifier right before belongs to it ("the Nigerian Senate"), a title or function word not
      const before = index - 1;
      const qualified =
        tokens.isNameWord(before) && tokens.spaceBefore(index) && !this.consumed[before] &&
        (!tokens.isNameWord(before - 1) || grammar.articles.has(tokens, before - 1)) &&
        !this.isStopword(tokens.lower(before)) && !startsCue(tokens, before, grammar) && grammar.places.matchAt(tokens, before) === undefined;
      this.add(qualified ? before : index, index + standalone.length, 'standalone', `institution '${standalone.text}'`, 0.8);
      return index + standalone.length;
    }
    return index;
  }
}

/** Stage 1: candidates of one line of text (offsets relative to `line`). */
export function scanActorLine(line: string, grammar: ActorGrammar, options: ActorOptions = {}, lineTokens?: Tokens): LineActorScan {
  const isStopword = options.isStopword ?? NEVER;
  const tokens = lineTokens ?? tokenize(line, grammar.vocabulary);
  const count = tokens.count;
  const found = new LineCandidates(tokens, grammar, isStopword);
  const consumed = found.consumed;
  let titleRuns: TitleRun[] | undefined;

  for (let index = 0; index < count; index++) {
    if (consumed[index]) continue;
    if (tokens.kind(index) !== WORD || !grammar.triggers.has(tokens.word(index))) continue;
    const capitalised = tokens.capitalised(index);
    const sentenceStart = tokens.sentenceStart(index);

    // Honorifics: "ông Véran", "Mr. Smith". Capitalised in mid-sentence they count unless a place starts
    // there ("Anh" is also a country).
    const honorific = grammar.honorifics.matchAt(tokens, index);
    if (honorific && (!capitalised || sentenceStart || grammar.places.matchAt(tokens, index) === undefined)) {
      let position = index + honorific.length;
      if (tokens.isChar(position, DOT)) position++;
      const end = capitalisedRunEnd(tokens, position, grammar);
      if (end > position && !startsCue(tokens, position, grammar)) {
        found.consume(index, position);
        found.add(position, end, 'honorific', `after honorific '${honorific.text}'`, 0.9);
        index = end - 1;
        continue;
      }
    }

    // Titles, possibly chained ("Người phát ngôn của Tổng thống Nga ..."), possibly followed by an
    // organisation ("phát ngôn viên Điện Élysée Olivier Véran").
    const title = grammar.titles.matchAt(tokens, index) ?? descriptorAt(tokens, index, grammar);
    if (title) {
      let position = index + title.length;
      let lastTitle = title.text;
      for (;;) {
        if (grammar.links.has(tokens, position)) {
          const linked = grammar.titles.matchAt(tokens, position + 1);
          if (linked) {
            position += 1 + linked.length;
            lastTitle = linked.text;
            continue;
          }
        }
        const next = grammar.titles.matchAt(tokens, position);
        if (next) {
          position += next.length;
          lastTitle = next.text;
          continue;
        }
        const organisationEndIndex = found.organisationAt(position);
        if (organisationEndIndex > position) {
          position = organisationEndIndex;
          continue;
        }
        break;
      }
      found.consume(index, position);
      const end = capitalisedRunEnd(tokens, position, grammar);
      // an organisation head without a name after it ("Chủ tịch Hội đồng ...") is no person's name
      if (end > position && tokens.spaceBefore(position) && !grammar.orgHeads.matchAt(tokens, position)) {
        // (Vietnamese: a syllable that is no function word; stop lists hold content syllables like "tích")
        const contentWord = grammar.hasFunctionWords ? !grammar.functionWords.has(tokens, end) && grammar.speechAfter.matchAt(tokens, end) === undefined : !isStopword(tokens.lower(end));
        const beforeContentWord = !tokens.acronym(position) && tokens.isWord(end) && !tokens.capitalised(end) && contentWord;
        const words: TitleRun['words'] = [];
        for (let k = position; k < end; k++) words.push({ start: tokens.start(k), end: tokens.end(k), text: tokens.text(k) });
        (titleRuns ??= []).push({ title: lastTitle, first: position, end, words, beforeContentWord });
        found.consume(position, end);
        index = end - 1;
      } else {
        index = position - 1;
      }
      continue;
    }

    const organisationEndIndex = found.organisationAt(index);
    if (organisationEndIndex > index) {
      index = organisationEndIndex - 1;
      continue;
    }

    // Source cues: "theo Reuters", "Theo lời ông X" (the honorific is handled on the next round).
    const source = grammar.sourceBefore.matchAt(tokens, index);
    if (source && (!capitalised || sentenceStart)) {
      const position = index + source.length;
      const end = capitalisedRunEnd(tokens, position, grammar);
      // a Vietnamese compound written with a capital is a thing, not a source ("theo Nghị định số ...")
      const compound = end === position + 1 && looksVietnamese(tokens, position) && tokens.spaceBefore(end) && tokens.isWord(end) && !tokens.capitalised(end) &&
        isContentSyllable(tokens, end, grammar) && grammar.speechAfter.matchAt(tokens, end) === undefined;
      if (end > position && !compound && !startsCue(tokens, position, grammar) && !grammar.places.matchAt(tokens, position)) {
        found.consume(index, position);
        found.add(position, end, 'source', `after '${source.text}'`, 0.75);
        index = end - 1;
        continue;
      }
    }
  }

  // Remaining capitalised runs.
  let bareWords: string[] | undefined;
  let speaker: SpeakerLabel | undefined;
  /** Token index after the last run of this line taken for a place: a list or route goes on with places. */
  let placeEnd = -1;
  /** Token index after the last event phrase or event run of this line. */
  let eventEnd = -1;
  for (let index = 0; index < count; index++) {
    if (consumed[index] || !tokens.isNameWord(index)) continue;
    let end = capitalisedRunEnd(tokens, index, grammar);
    // an event, a competition or a holiday ("Asian Cup", "Tết Nguyên đán") is no actor, nor is the run
    // right after an event phrase ("Lễ hội | Hoa Ban")
    const eventPhraseEnd = eventWordIn(tokens, index, end, grammar);
    if (eventPhraseEnd >= 0 || index === eventEnd) {
      eventEnd = Math.max(end, eventPhraseEnd);
      index = end - 1;
      continue;
    }
    // a person's name never follows an article ("the Black Death"); an organisation's may
    let afterArticle = grammar.articles.has(tokens, index - 1) && !tokens.capitalised(index - 1);
    // an article ("The Doobie Brothers"), or a function word capitalised only because it starts the
    // sentence ("The Elysee said"), is not part of the name
    if (end > index + 1 && (grammar.articles.has(tokens, index) || (tokens.sentenceStart(index) && isStopword(tokens.lower(index))))) {
      afterArticle = grammar.articles.has(tokens, index);
      index++;
      if (consumed[index]) continue;
    }
    for (let k = index + 1; k < end; k++) {
      if (consumed[k]) {
        end = k;
        break;
      }
    }
    const runLength = end - index;
    const runStartsSentence = tokens.sentenceStart(index);
    const afterPlaceWord = index > 0 && placePrepositionBefore(tokens, index, grammar);
    const place = grammar.places.matchAt(tokens, index);
    // "Hubei province", "Inner Mongolia Autonomous Region", "Wembley Stadium"
    const placeNoun =
      (runLength >= 2 && grammar.placeNouns.has(tokens, end - 1)) ||
      (tokens.isWord(end) && !tokens.capitalised(end) && tokens.spaceBefore(end) && grammar.placeNouns.has(tokens, end));
    const isPlace = (place !== undefined && index + place.length === end) || placeNoun;
    // a run joined to a place is one too: "ở Bãi Cháy, Tuần Châu", "nối Hạ Long với Cẩm Phả", "Vân Đồn - Seoul";
    // a person's name by a family name is not ("tại Hà Nội, Nguyễn Văn An ...")
    const joinedPlace =
      !isPlace && !(grammar.familyNames.has(tokens, index) && !tokens.acronym(index)) &&
      ((placeEnd === index - 1 && joinsPlaces(tokens, index - 1, grammar)) || (spacedHyphen(tokens, end) && grammar.places.matchAt(tokens, end + 1) !== undefined));
    if (isPlace || joinedPlace || (afterPlaceWord && !tokens.capitalised(index - 1))) placeEnd = end;
    // a transcript's speaker label: "Eugênio: ..." at the start of the line (counted on the page)
    if (index === 0 && runLength <= 3 && tokens.isChar(end, COLON) && !isPlace && !isStopword(tokens.lower(index)) && tokens.end(index) - tokens.start(index) > 1) {
      speaker = { start: tokens.start(index), end: tokens.end(end - 1), text: tokens.textOf(index, end) };
      index = end - 1;
      continue;
    }
    // speech verb after the run (a date may stand between: "X ngày 14/4 cho biết")
    let after = end;
    if (grammar.dateContext.has(tokens, after) && tokens.isNumber(after + 1)) after += 2;
    if (tokens.isChar(after, COMMA)) after++;
    const speech = grammar.speechAfter.matchAt(tokens, after);
    // a capitalised function word before a speech verb is a pronoun ("He said"), not a name
    if (speech && !isPlace && !afterPlaceWord && !(runLength === 1 && isStopword(tokens.lower(index)))) {
      found.add(index, end, 'speech', `before '${speech.text}'`, 0.7);
    } else if (runLength === 1 && !runStartsSentence) {
      (bareWords ??= []).push(tokens.text(index));
    } else if (runLength >= 2 && !isPlace && !joinedPlace && !(tokens.isChar(index - 1, HYPHEN) && !tokens.spaceBefore(index))) {
      // an organisation may stand after a place word when it starts with a head or ends with a tail ("na
      // Escola de Belas Artes"), a person not; a head word elsewhere is part of a place ("sân Thiên Trường")
      const headOrTail = grammar.orgTails.has(tokens, end - 1) || grammar.orgHeads.matchAt(tokens, index) !== undefined;
      if (headOrTail || (!afterPlaceWord && hasOrganisationWord(tokens, index, end, grammar))) {
        found.add(index, end, 'organisation-word', 'organisation name', 0.7);
      } else if (afterPlaceWord) {
        if (place !== undefined && end - (index + place.length) >= 2) {
          // "tại Việt Nam Yamada Takio": a name right after the place
          found.add(index + place.length, end, 'capitalised', 'capitalised name after a place', 0.45);
        }
      } else if (runLength <= 4 && grammar.familyNames.has(tokens, index) && !tokens.acronym(index)) {
        found.add(index, end, 'family-name', `family name '${tokens.text(index)}'`, 0.7);
      } else if (!afterArticle && !(runStartsSentence && isStopword(tokens.lower(index)))) {
        // a function word inside ("Como Educar Seus Filhos") makes it a title of a work or a phrase, not a person
        const evidence = someStopword(tokens, index + 1, end, isStopword) ? 'capitalised-phrase' : 'capitalised';
        found.add(index, end, evidence, 'capitalised name', runStartsSentence ? 0.4 : 0.45);
      }
    }
    index = end - 1;
  }
  // Abbreviations in brackets after a name: "Ngân hàng Trung ương châu Âu (ECB)", "Mỹ (Fed)".
  for (let index = 1; index + 2 < count; index++) {
    if (!tokens.isChar(index, OPEN_BRACKET) || consumed[index + 1] || !tokens.isWord(index - 1) || !abbreviationAt(tokens, index, grammar)) continue;
    const nameEnd = tokens.end(index - 1);
    const organisation = found.candidates?.find((candidate) => candidate.end === nameEnd && (candidate.evidence === 'org' || candidate.evidence === 'standalone' || candidate.evidence === 'organisation-word'));
    // after a capitalised word or an organisation name ("Liên hợp quốc (FAO)"), not after a common word
    if (!organisation && !tokens.isNameWord(index - 1)) continue;
    found.add(index + 1, index + 2, 'abbreviation', organisation ? `abbreviation of '${organisation.text}'` : 'abbreviation in brackets after a name', 0.85);
    if (organisation) found.candidates![found.candidates!.length - 1].full = organisation.text;
    index += 2;
  }

  return {
    text: line,
    candidates: found.candidates ?? NONE,
    titleRuns: titleRuns ?? NONE,
    tokens,
    bareWords: bareWords ?? NONE,
    speaker,
  };
}

/** Index after the first event phrase ("Cup", "Lễ hội") starting with a capitalised word from `from` to `to`
 * (exclusive), or -1. */
function eventWordIn(tokens: Tokens, from: number, to: number, grammar: ActorGrammar): number {
  for (let k = from; k < to; k++) {
    if (!tokens.capitalised(k)) continue;
    const event = grammar.eventWords.matchAt(tokens, k);
    if (event !== undefined) return k + event.length;
  }
  return -1;
}

function spacedHyphen(tokens: Tokens, index: number): boolean {
  return tokens.isChar(index, HYPHEN) && tokens.spaceBefore(index) && tokens.spaceBefore(index + 1);
}

/** Whether tokens[index] joins two places: a comma, a spaced hyphen or a place joiner ("và", "với"). */
function joinsPlaces(tokens: Tokens, index: number, grammar: ActorGrammar): boolean {
  return tokens.isChar(index, COMMA) || spacedHyphen(tokens, index) || (!tokens.capitalised(index) && grammar.placeJoiners.has(tokens, index));
}

function placePrepositionBefore(tokens: Tokens, index: number, grammar: ActorGrammar): boolean {
  for (let length = 1; length <= 3 && index - length >= 0; length++) {
    const match = grammar.placePrepositions.matchAt(tokens, index - length);
    if (match && match.length === length) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// Stage 2: the document.

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
    found.push({ start: start + speaker.start, end: start + speaker.end, text: speaker.text, line, score: 0.7, reasons: [`speaker label on ${speakerLines} lines`], rules: ['speaker'], person: true });
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
      found.push({ start: start + words[0].start, end: start + words[0].end, text: words[0].text, line, score: 0.8, reasons: [`abbreviation after title '${run.title}'`], rules: ['title-abbreviation'], person: false });
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
    const score = nameWords.length >= 2 || known ? 0.85 : 0.6;
    const reasons = [`after title '${run.title}'`];
    if (why) reasons.push(why);
    found.push({ start: start + nameWords[0].start, end: start + nameWords[nameWords.length - 1].end, text, line, score, reasons, rules: ['title'], person: true });
  }
}

/** A weak capitalised run holding a strongly found one-word name ("Eugênio Tadeu", "Eugênio" a speaker)
 * is that person's full name. */
function strengthenContainingNames(found: DocCandidate[]): void {
  const strong = new Set<string>();
  for (const candidate of found) if (candidate.score >= 0.6 && candidate.person && !candidate.text.includes(' ')) strong.add(candidate.text);
  if (strong.size === 0) return;
  for (const candidate of found) {
    if (candidate.score >= 0.5 || !candidate.person) continue;
    const holding = candidate.text.split(' ').find((word) => strong.has(word));
    if (holding !== undefined) {
      candidate.score = 0.6;
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
      if (candidate.score < 0.45 || this.names.has(candidate.text)) continue;
      const tokens = tokenize(candidate.text, grammar.vocabulary);
      const words = tokens.texts();
      if (candidate.score < 0.5) {
        if (candidate.person && words.length > 1) this.names.set(candidate.text, { words, text: candidate.text });
      } else {
        this.names.set(candidate.text, { words, text: candidate.text });
        const reason = candidate.full !== undefined ? `abbreviation of '${candidate.full}' (line ${candidate.line + 1})` : `same name as on line ${candidate.line + 1}`;
        this.register({ words, text: candidate.text, score: candidate.score, reason, rule: candidate.full !== undefined ? 'abbreviation-repeat' : 'repeat', origin: candidate.start });
      }
      if (!candidate.person || words.length < 2) continue;
      // a weak name (a bare capitalised run) gives short forms only when it looks like a person's: two or
      // three words, none of them a lexicon word (function words were ruled out by the line scan)
      if (candidate.score < 0.6 && (words.length > 3 || !allWords(tokens) || hasKnownWord(tokens, grammar))) continue;
      const lastIndex = tokens.count - 1;
      if (isShortFormWord(tokens, lastIndex, grammar, qualifiers)) shortForms.push({ word: words[lastIndex], candidate, last: true });
      if (isShortFormWord(tokens, 0, grammar, qualifiers)) shortForms.push({ word: words[0], candidate, last: false });
    }
    // family names first: "Lawan" of "Ahmad Lawan" beats a first name that happens to be the same
    shortForms.sort((a, b) => Number(b.last) - Number(a.last));
    for (const { word, candidate, last } of shortForms) {
      if (this.names.has(word)) continue;
      const strong = candidate.score >= 0.6;
      this.names.set(word, { words: [word], text: word });
      this.register({
        words: [word],
        text: word,
        score: last && strong ? 0.8 : 0.55,
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
        if (!name.short && tokens.sentenceStart(index) && name.words.length === 1 && name.score < 0.85) break;
        // nor a name the page also writes in lower case ("Chính sách ..." with "ông Chính" elsewhere)
        if (!name.short && tokens.sentenceStart(index) && name.words.length === 1 && this.writtenInLowerCase(tokens.lower(index))) break;
        const reasons = [name.reason];
        found.push({ start: start + from, end: start + to, text: name.text, line, score: Math.min(0.8, name.score - 0.05), reasons, rules: [name.rule], person: false });
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
    const { count, dismissed } = match.entry;
    const reasons = [`accepted ${count} time${count === 1 ? '' : 's'} elsewhere`];
    if (dismissed > 0) reasons.push(`dismissed ${dismissed} time${dismissed === 1 ? '' : 's'}`);
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
    cache.set(text, (facts = computeNameFacts(text, grammar)));
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

  const learnedNames = learned ? learned.entries('actor').filter((entry) => entry.words.length > 1).map((entry) => ({ words: entry.words, text: entry.text, samePage: false })) : [];
  const longNames = [...learnedNames, ...[...known.names.values()].filter((name) => name.words.length > 1).map((name) => ({ ...name, samePage: true }))];
  const canonical = new Map<string, string>();
  for (const candidate of found) if (candidate.full !== undefined && !canonical.has(candidate.text)) canonical.set(candidate.text, learned?.get('actor', candidate.full)?.value ?? candidate.full);
  return chosen.map((candidate) => {
    let value = canonical.get(candidate.text);
    if (value === undefined) canonical.set(candidate.text, (value = canonicalName(candidate.text, longNames, learned, grammar)));
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
 * organisation's name), a name ending with it first.
 */
function canonicalName(
  text: string,
  longNames: readonly { words: string[]; text: string; samePage: boolean }[],
  learned: LearnedEntities | undefined,
  grammar: ActorGrammar,
): string {
  const accepted = learned?.get('actor', text)?.value;
  if (accepted !== undefined) return accepted;
  const words = tokenize(text, grammar.vocabulary).texts();
  let best: { words: string[]; text: string } | undefined;
  let bestIsSuffix = false;
  for (const candidate of longNames) {
    const longer = candidate.words;
    if (longer.length <= words.length) continue;
    // family names: a name ending with the short form beats one merely containing it
    const isSuffix = longer.slice(longer.length - words.length).join('\u0000') === words.join('\u0000');
    if (best && bestIsSuffix && !isSuffix) continue;
    if (best && isSuffix === bestIsSuffix && longer.length <= best.words.length) continue;
    if (!isSuffix && !(candidate.samePage && containsWords(longer, words))) continue;
    if (!shortFormAllowed(longer, words, nameFacts(candidate.text, grammar), candidate.samePage)) continue;
    best = candidate;
    bestIsSuffix = isSuffix;
  }
  if (!best) return text;
  const full = best.text;
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
