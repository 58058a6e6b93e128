// The actor grammar: every word list of lexicons/entities/{titles,org-heads,cues,places,names}.<lang>.txt,
// compiled once per lexicon and language into the matchers the line scan uses.
import type { EntityLexicon } from '../lexicons';
import { IdTable, PhraseMatcher, Vocabulary, WordSet } from '../words';

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
  /** Organisation heads whose names are often a person's name ("Trường THPT Chu Văn An"). */
  namedAfterPeople: PhraseMatcher;
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
      namedAfterPeople: matcher('org-heads', 'named-after-people'),
      dateContext: words('dates', 'context'),
      connectors: words('dates', 'alternatives'),
      functionWords: words('cues', 'function-words'),
      hasFunctionWords: texts('cues', 'function-words').length > 0,
      verbMarkers: words('cues', 'verb-markers'),
    };
  });
}
