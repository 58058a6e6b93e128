// The date grammar's vocabulary: the words of lexicons/entities/dates.<lang>.txt and relative-dates.<lang>.txt,
// compiled once per language into the sets and phrase matchers the scanner reads. The rules that use them are
// named in ./rules.ts.
import type { EntityLexicon } from '../lexicons';
import { IdTable, PhraseMatcher, phraseWords, Vocabulary, WordSet } from '../words';

export interface DateGrammar {
  /** Tokens scanned with this grammar must come from this vocabulary. */
  vocabulary: Vocabulary;
  monthWords: WordSet;
  yearWords: WordSet;
  context: WordSet;
  /** Context words that are prepositions ("từ", "trong", "sau"): they announce counts too ("từ 1-3 lần",
   * "trong 2-3 tuần"), so after them a count word still makes a number range a count. */
  prepositions: WordSet;
  modifiers: WordSet;
  /** Modifiers that pick a part of a period ("cuối" = end): narrow a quarter to a month, or with a month
   * count before them make a cumulative period ("9 tháng đầu năm 2025"). */
  modifierParts: PhraseMatcher<string | undefined>;
  /** Years named relative to the publication year after a month or quarter ("năm sau" = +1). */
  relativeYears: PhraseMatcher<string | undefined>;
  /** Quarter words before their numeral ("quý III", "quarter 3"). */
  quarterWords: WordSet;
  /** Quarter words after an ordinal ("third quarter", "3rd quarter"), with the ordinal words. */
  quarterAfterWords: WordSet;
  ordinals: Map<number, number>;
  /** Vocabulary id of a quarter written as one word ("q3") -> its quarter; capitalised ones need a capital. */
  gluedQuarters: Map<number, number>;
  capitalGluedQuarters: IdTable;
  /** "or" words: dates offered as alternatives, one span ("19 hoặc 22/3"). */
  alternatives: WordSet;
  /** "and" words (alternatives entries marked "= list"): dates listed, one span each ("19 và 22/3"). */
  listWords: WordSet;
  ranges: WordSet;
  /** Day words before a day number ("ngày", "mùng"): a day alone after them is a date ("các ngày 22, 23"). */
  dayWords: WordSet;
  /** Words after a number that make it a count ("3/5 bệnh nhân"), not a date; units ("2-3 tuần") also
   * after a date word. */
  countWords: WordSet;
  unitWords: WordSet;
  /** Words that start with a count word but are other words ("triệu chứng", symptom, is not "triệu"). */
  notCounts: WordSet;
  /** Words after a day that make it recur ("25 hằng tháng"): no date. */
  recurring: WordSet;
  /** Lunar day names after a day number ("mùng 3 Tết", "29 Tết"), the day word kept in their span. */
  lunarDays: WordSet;
  lunarDayWords: WordSet;
  /** Words after a date that say it is of the lunar calendar ("15/8 âm lịch"). */
  lunarMarkers: WordSet;
  /** Words between a day, a month name and a year ("18 de novembro de 2019"). */
  joiners: WordSet;
  /** Lower-case letters after a day or century number ("18th", "1er", "XXIe"). */
  ordinalSuffixes: ReadonlySet<string>;
  /** Century words before / after their number ("thế kỷ 20", "14th century"). */
  centuryBefore: WordSet;
  centuryAfter: WordSet;
  /** Vocabulary id of a month name -> month number. */
  months: Map<number, number>;
  /** Month names that must be capitalised to count ("May"; the lexicon writes them so). */
  capitalMonths: IdTable;
  yearPrepositions: WordSet;
  /** Year prepositions after which the year must end a phrase ("of 2020," but not "of 2000 people"). */
  pauseYearPrepositions: WordSet;
  notAfter: WordSet;
  relative: PhraseMatcher<string | undefined>;
  /** Weekday names, valued with their ISO number, and the most tokens one takes. */
  weekdays: PhraseMatcher<string | undefined>;
  weekdayTokens: number;
  /** Words of a page's timestamp line ("Published", "Cập nhật"). */
  publicationCues: PhraseMatcher<string | undefined>;
  /** Vocabulary ids of the words that can start a date (numbers always can). */
  triggers: IdTable;
  /** The triggers that need no digit ("November", "thế kỷ XXI"): a line without digits and without these
   * holds no date. */
  digitlessTriggers: IdTable;
}

export function dateGrammar(lexicon: EntityLexicon, lang?: string): DateGrammar {
  return lexicon.compiled('dates', lang, () => {
    const vocabulary = lexicon.vocabulary;
    const entries = (section: string) => lexicon.entries('dates', section, lang);
    const texts = (section: string): string[] => entries(section).map((entry) => entry.text.toLowerCase());
    const words = (section: string): WordSet => new WordSet(vocabulary, texts(section));
    const phrases = (section: string): PhraseMatcher<string | undefined> => {
      const matcher = new PhraseMatcher<string | undefined>(vocabulary);
      for (const entry of entries(section)) matcher.add(entry.text, entry.value);
      return matcher;
    };
    const months = new Map<number, number>();
    const lowerCaseMonths = new Set<number>();
    const capitalMonths = new IdTable();
    for (const entry of entries('months')) {
      const month = Number(entry.value);
      if (!Number.isInteger(month) || month < 1 || month > 12) continue;
      const lower = entry.text.toLowerCase();
      const id = vocabulary.intern(lower);
      months.set(id, month);
      // a name needs a capital only when every file writes it with one
      if (lower === entry.text) lowerCaseMonths.add(id);
      capitalMonths.set(id, lowerCaseMonths.has(id) ? 0 : 1);
    }
    const relative = new PhraseMatcher<string | undefined>(vocabulary);
    for (const [, list] of lexicon.sections('relative-dates', lang)) {
      for (const entry of list) relative.add(entry.text, entry.value);
    }
    let weekdayTokens = 0;
    for (const entry of entries('weekdays')) weekdayTokens = Math.max(weekdayTokens, phraseWords(entry.text, vocabulary).length);
    const pauseYearPrepositions = new WordSet(vocabulary, entries('year-prepositions').filter((entry) => entry.value === 'pause').map((entry) => entry.text));
    const yearPrepositions = new WordSet(vocabulary, entries('year-prepositions').filter((entry) => entry.value !== 'pause').map((entry) => entry.text));
    const quarterEntries = entries('quarter-words');
    const quarterWords = new WordSet(vocabulary, quarterEntries.filter((entry) => entry.value === undefined).map((entry) => entry.text.toLowerCase()));
    const quarterAfterWords = new WordSet(vocabulary, quarterEntries.filter((entry) => entry.value === 'after').map((entry) => entry.text.toLowerCase()));
    const gluedQuarters = new Map<number, number>();
    const capitalGluedQuarters = new IdTable();
    for (const entry of quarterEntries.filter((item) => item.value === 'glued')) {
      for (let quarter = 1; quarter <= 4; quarter++) {
        const id = vocabulary.intern(`${entry.text.toLowerCase()}${quarter}`);
        gluedQuarters.set(id, quarter);
        if (entry.text !== entry.text.toLowerCase()) capitalGluedQuarters.set(id, 1);
      }
    }
    const ordinals = new Map<number, number>();
    for (const entry of entries('ordinals')) {
      const value = Number(entry.value);
      if (Number.isInteger(value) && value >= 1 && value <= 4) ordinals.set(vocabulary.intern(entry.text.toLowerCase()), value);
    }
    const triggers = new IdTable();
    const digitlessTriggers = new IdTable();
    for (const id of gluedQuarters.keys()) triggers.set(id, 1);
    for (const text of quarterEntries.filter((entry) => entry.value !== 'glued').map((entry) => entry.text.toLowerCase())) {
      // "quý IV", "fourth quarter": no digit needed
      const id = vocabulary.intern(text);
      triggers.set(id, 1);
      digitlessTriggers.set(id, 1);
    }
    for (const section of ['month-words', 'year-words', 'year-prepositions', 'century-before', 'century-after']) {
      // the first word of a several-word entry ("thế" of "thế kỷ") starts the date
      for (const text of texts(section)) triggers.set(vocabulary.intern(phraseWords(text, vocabulary)[0] ?? text), 1);
    }
    for (const section of ['century-before', 'century-after']) {
      for (const text of texts(section)) digitlessTriggers.set(vocabulary.intern(phraseWords(text, vocabulary)[0] ?? text), 1);
    }
    for (const id of months.keys()) {
      triggers.set(id, 1);
      digitlessTriggers.set(id, 1);
    }
    return {
      vocabulary,
      triggers,
      digitlessTriggers,
      monthWords: words('month-words'),
      yearWords: words('year-words'),
      context: words('context'),
      prepositions: new WordSet(vocabulary, entries('context').filter((entry) => entry.value === 'preposition').map((entry) => entry.text)),
      modifiers: words('modifiers'),
      modifierParts: phrases('modifiers'),
      relativeYears: phrases('relative-years'),
      quarterWords,
      quarterAfterWords,
      ordinals,
      gluedQuarters,
      capitalGluedQuarters,
      alternatives: new WordSet(vocabulary, entries('alternatives').filter((entry) => entry.value !== 'list').map((entry) => entry.text)),
      listWords: new WordSet(vocabulary, entries('alternatives').filter((entry) => entry.value === 'list').map((entry) => entry.text)),
      dayWords: words('day-words'),
      countWords: words('count-words'),
      notCounts: words('not-counts'),
      recurring: words('recurring'),
      unitWords: new WordSet(vocabulary, entries('count-words').filter((entry) => entry.value === 'unit').map((entry) => entry.text)),
      lunarDays: words('lunar-days'),
      lunarDayWords: words('lunar-day-words'),
      lunarMarkers: words('lunar-markers'),
      ranges: words('ranges'),
      joiners: words('joiners'),
      ordinalSuffixes: new Set(texts('ordinal-suffixes')),
      centuryBefore: words('century-before'),
      centuryAfter: words('century-after'),
      months,
      capitalMonths,
      yearPrepositions,
      pauseYearPrepositions,
      notAfter: words('not-after'),
      relative,
      weekdays: phrases('weekdays'),
      weekdayTokens,
      publicationCues: phrases('publication-cues'),
    };
  });
}

/** The grammar without a lexicon: digits only (the publication date of a page read without lexicons). */
const EMPTY_VOCABULARY = new Vocabulary();
export const EMPTY_GRAMMAR: DateGrammar = {
  vocabulary: EMPTY_VOCABULARY,
  monthWords: new WordSet(EMPTY_VOCABULARY),
  yearWords: new WordSet(EMPTY_VOCABULARY),
  context: new WordSet(EMPTY_VOCABULARY),
  prepositions: new WordSet(EMPTY_VOCABULARY),
  modifiers: new WordSet(EMPTY_VOCABULARY),
  modifierParts: new PhraseMatcher<string | undefined>(EMPTY_VOCABULARY),
  relativeYears: new PhraseMatcher<string | undefined>(EMPTY_VOCABULARY),
  quarterWords: new WordSet(EMPTY_VOCABULARY),
  quarterAfterWords: new WordSet(EMPTY_VOCABULARY),
  ordinals: new Map(),
  gluedQuarters: new Map(),
  capitalGluedQuarters: new IdTable(),
  alternatives: new WordSet(EMPTY_VOCABULARY),
  listWords: new WordSet(EMPTY_VOCABULARY),
  dayWords: new WordSet(EMPTY_VOCABULARY),
  countWords: new WordSet(EMPTY_VOCABULARY),
  unitWords: new WordSet(EMPTY_VOCABULARY),
  notCounts: new WordSet(EMPTY_VOCABULARY),
  recurring: new WordSet(EMPTY_VOCABULARY),
  lunarDays: new WordSet(EMPTY_VOCABULARY),
  lunarDayWords: new WordSet(EMPTY_VOCABULARY),
  lunarMarkers: new WordSet(EMPTY_VOCABULARY),
  ranges: new WordSet(EMPTY_VOCABULARY),
  joiners: new WordSet(EMPTY_VOCABULARY),
  ordinalSuffixes: new Set(),
  centuryBefore: new WordSet(EMPTY_VOCABULARY),
  centuryAfter: new WordSet(EMPTY_VOCABULARY),
  months: new Map(),
  capitalMonths: new IdTable(),
  yearPrepositions: new WordSet(EMPTY_VOCABULARY),
  pauseYearPrepositions: new WordSet(EMPTY_VOCABULARY),
  notAfter: new WordSet(EMPTY_VOCABULARY),
  relative: new PhraseMatcher<string | undefined>(EMPTY_VOCABULARY),
  weekdays: new PhraseMatcher<string | undefined>(EMPTY_VOCABULARY),
  weekdayTokens: 0,
  publicationCues: new PhraseMatcher<string | undefined>(EMPTY_VOCABULARY),
  triggers: new IdTable(),
  digitlessTriggers: new IdTable(),
};

