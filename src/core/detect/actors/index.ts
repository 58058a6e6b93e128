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
//
// By stage: grammar.ts (word lists compiled), scan.ts (stage 1), resolve.ts (stage 2); rules.ts holds the rule
// ids and their scores.
export { actorGrammar, type ActorGrammar } from './grammar';
export { ACCEPTED_RULE, ACTOR_RULES, type ActorEvidence } from './rules';
export { type ActorOptions, type LineActorCandidate, type LineActorScan, scanActorLine, type SpeakerLabel, type TitleRun } from './scan';
export { detectActors, resolveActors, type ScannedLine } from './resolve';
