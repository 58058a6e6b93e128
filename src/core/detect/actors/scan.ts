// Stage 1 of actor suggestions, per line (cacheable by line text, offsets relative to the line): names after
// honorifics and titles, organisation names from head words, names after source cues or before speech verbs,
// capitalised runs that nothing else explains, and a speaker label opening the line.
import { type PhraseMatch, TOKEN_PUNCT, TOKEN_WORD, type Tokens, tokenize } from '../words';
import type { ActorGrammar } from './grammar';
import { ACTOR_SCORES as S, type ActorEvidence } from './rules';

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
const AMPERSAND = 0x26;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACKET = 0x28;
const CLOSE_BRACKET = 0x29;
const MAX_ABBREVIATION_LENGTH = 12;
/** Lower-case and capitalised words an organisation name may still run through before its abbreviation in
 * brackets ("Cục Dự trữ | liên bang Mỹ (Fed)"): the bracket shows where the name ends. */
const MAX_WORDS_BEFORE_ABBREVIATION = 8;

/** A capital letter standing as a word of its own ("J", "K"). */
function isCapitalLetter(tokens: Tokens, index: number): boolean {
  return tokens.isNameWord(index) && tokens.end(index) - tokens.start(index) === 1;
}

/** A one-letter capitalised word followed by a dot: an initial ("J. K. Smith"). */
function isInitial(tokens: Tokens, index: number): boolean {
  return isCapitalLetter(tokens, index) && tokens.isChar(index + 1, DOT) && !tokens.spaceBefore(index + 1);
}

/**
 * Index after the name word at `index` with what is glued to it without a space: acronyms joined by an
 * ampersand ("AT&T", "GD&ĐT") or, with `hyphens` (after an organisation's head: "Bộ NN-PTNT"; elsewhere
 * they are document codes, "số 12/NĐ-CP"), two acronyms joined by a hyphen; a capital letter's apostrophe
 * and the rest of the name ("O'Brien", "K’Tiêng"). Written so, they are one name.
 */
function gluedNameEnd(tokens: Tokens, index: number, hyphens = false): number {
  let end = index + 1;
  while (!tokens.spaceBefore(end) && !tokens.spaceBefore(end + 1) && tokens.isWord(end + 1)) {
    const joins =
      (tokens.isChar(end, AMPERSAND) && tokens.isNameWord(end + 1)) ||
      (hyphens && tokens.isChar(end, HYPHEN) && tokens.acronym(end - 1) && tokens.acronym(end + 1)) ||
      ((tokens.isChar(end, APOSTROPHE) || tokens.isChar(end, RIGHT_QUOTE)) && isCapitalLetter(tokens, end - 1));
    if (!joins) break;
    end += 2;
  }
  return end;
}

/** Index after initials written alone ("N.T.T.", "anh H."), dots included, or undefined where the
 * initials begin a longer name ("J. K. Rowling") or `index` holds none. */
function initialsEnd(tokens: Tokens, index: number): number | undefined {
  if (!isInitial(tokens, index)) return undefined;
  let end = index + 2;
  while (!tokens.spaceBefore(end) && isInitial(tokens, end)) end += 2;
  // "H.T.H": the last initial without its dot
  if (!tokens.spaceBefore(end) && isCapitalLetter(tokens, end)) end++;
  if (tokens.isNameWord(end) && tokens.spaceBefore(end)) return undefined;
  // "Q.1", "V.League", "H.Chư Chê": a dot glued to what follows is an abbreviation's
  if (end < tokens.count && !tokens.spaceBefore(end) && (tokens.isWord(end) || tokens.isNumber(end))) return undefined;
  return end;
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
  const initials = initialsEnd(tokens, index);
  if (initials !== undefined) return initials;
  let end = gluedNameEnd(tokens, index);
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
      end = gluedNameEnd(tokens, end);
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

/** Whether tokens [from, runEnd) are a person's name: two to four capitalised words, the first a family name. */
function officialAfter(tokens: Tokens, from: number, runEnd: number, grammar: ActorGrammar): boolean {
  const words = runEnd - from;
  return words >= 2 && words <= 4 && tokens.spaceBefore(from) && grammar.familyNames.has(tokens, from) && !tokens.acronym(from);
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
function organisationEnd(tokens: Tokens, index: number, headLength: number, grammar: ActorGrammar, isStopword: (w: string) => boolean, afterTitle = false): number {
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
        const acronymEnd = gluedNameEnd(tokens, position, true);
        runEnd = Math.max(runEnd, acronymEnd);
        brandName = true;
        // after a title, a person's name after the acronym is the official's ("Thứ trưởng Bộ GTVT Nguyễn
        // Nhật"), unless the head is one that people give their names to ("Hiệu trưởng Trường THPT Chu Văn An")
        if (afterTitle && officialAfter(tokens, acronymEnd, runEnd, grammar) && !grammar.namedAfterPeople.matchAt(tokens, index)) runEnd = acronymEnd;
      }
      else if (place && position + place.length <= runEnd) return position + place.length; // "Công an Hà Nội" is whole
      else runEnd = gluedNameEnd(tokens, position);
    } else {
      // after the first segment, a further capitalised run belongs to the name only when it is a single
      // qualifier word or a known place (possibly after one word: "Công ty Cổ phần Sữa Việt Nam"); two or
      // more other words are the next name ("đảng Cộng hòa Donald Trump")
      if (place) {
        end = position + place.length;
        break;
      }
      const tailPlace = grammar.places.matchAt(tokens, position + 1);
      // (after a title, a family name and a place are the official's name: "Bộ GTVT | Nguyễn Nhật")
      if (tailPlace && tokens.spaceBefore(position + 1) && !startsCue(tokens, position, grammar) && !(afterTitle && grammar.familyNames.has(tokens, position))) {
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
  organisationAt(index: number, afterTitle = false): number {
    const { tokens, grammar } = this;
    if (index >= tokens.count) return index; // a title ends the line
    const head = grammar.orgHeads.matchAt(tokens, index);
    // a lower-case head right after a capitalised word is the end of that word ("Cơ sở"), and after a verb
    // marker a verb ("sẽ tổ chức Hội chợ"), not a head; nor is a head inside a known place ("Tây Ban Nha")
    const insideWord = !tokens.capitalised(index) && tokens.spaceBefore(index) && (tokens.isNameWord(index - 1) || grammar.verbMarkers.has(tokens, index - 1));
    // nor the end of a place word ("cơ sở Kim Chung": a facility)
    const placeWord = index > 0 ? grammar.placePrepositions.matchAt(tokens, index - 1) : undefined;
    if (head && !insideWord && !(placeWord && placeWord.length >= 2) && !this.insideKnownPlace(index)) {
      let end = organisationEnd(tokens, index, head.length, grammar, this.isStopword, afterTitle);
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
        this.add(index, end, 'org', `organisation head word '${head.text}'`, S.orgHead);
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
      this.add(qualified ? before : index, index + standalone.length, 'standalone', `institution '${standalone.text}'`, S.standalone);
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
        found.add(position, end, 'honorific', `after honorific '${honorific.text}'`, S.honorific);
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
        const organisationEndIndex = found.organisationAt(position, true);
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
        found.add(position, end, 'source', `after '${source.text}'`, S.source);
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
      found.add(index, end, 'speech', `before '${speech.text}'`, S.speech);
    } else if (runLength === 1 && !runStartsSentence) {
      (bareWords ??= []).push(tokens.text(index));
    } else if (runLength >= 2 && !isPlace && !joinedPlace && !(tokens.isChar(index - 1, HYPHEN) && !tokens.spaceBefore(index))) {
      // an organisation may stand after a place word when it starts with a head or ends with a tail ("na
      // Escola de Belas Artes"), a person not; a head word elsewhere is part of a place ("sân Thiên Trường")
      const headOrTail = grammar.orgTails.has(tokens, end - 1) || grammar.orgHeads.matchAt(tokens, index) !== undefined;
      if (headOrTail || (!afterPlaceWord && hasOrganisationWord(tokens, index, end, grammar))) {
        found.add(index, end, 'organisation-word', 'organisation name', S.organisationWord);
      } else if (afterPlaceWord) {
        if (place !== undefined && end - (index + place.length) >= 2) {
          // "tại Việt Nam Yamada Takio": a name right after the place
          found.add(index + place.length, end, 'capitalised', 'capitalised name after a place', S.capitalisedAfterPlace);
        }
      } else if (runLength <= 4 && grammar.familyNames.has(tokens, index) && !tokens.acronym(index)) {
        found.add(index, end, 'family-name', `family name '${tokens.text(index)}'`, S.familyName);
      } else if (!afterArticle && !(runStartsSentence && isStopword(tokens.lower(index)))) {
        // a function word inside ("Como Educar Seus Filhos") makes it a title of a work or a phrase, not a person
        const evidence = someStopword(tokens, index + 1, end, isStopword) ? 'capitalised-phrase' : 'capitalised';
        found.add(index, end, evidence, 'capitalised name', runStartsSentence ? S.capitalisedAtSentenceStart : S.capitalised);
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
    found.add(index + 1, index + 2, 'abbreviation', organisation ? `abbreviation of '${organisation.text}'` : 'abbreviation in brackets after a name', S.abbreviation);
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

export function placePrepositionBefore(tokens: Tokens, index: number, grammar: ActorGrammar): boolean {
  for (let length = 1; length <= 3 && index - length >= 0; length++) {
    const match = grammar.placePrepositions.matchAt(tokens, index - length);
    if (match && match.length === length) return true;
  }
  return false;
}

