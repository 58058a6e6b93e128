// Actor suggestions: people and organisations (docs/annotation-guidelines.md). Two stages:
//
// 1. Per line (cacheable by line text, offsets relative to the line): names after honorifics ("ông X"),
//    after titles ("Tổng thống Nga Vladimir Putin" — kept raw, see 2), organisation names from head words
//    ("Bộ Ngoại giao Nga", "đảng Cộng hòa"), names after source cues ("theo Reuters") or before speech
//    verbs ("X cho biết"), and runs of capitalised words that nothing else explains.
// 2. Per document: decides which capitalised word after a title is a country or place that belongs to the
//    title (from the optional places gazetteer, and from the page itself: a word that stands alone after
//    titles and also before names is a qualifier), then suggests every other occurrence of the names found
//    and of names the annotator accepted, and links short forms to full names ("Putin" -> "Vladimir Putin").
//
// Every word list comes from lexicons/entities/{titles,org-heads,cues,places}.<lang>.txt.

import type { Suggestion } from '../model/types';
import type { EntityLexicon } from './lexicons';
import { containsWords, type LearnedEntities } from './learned';
import { lineSpans } from '../text/lines';
import { lineIndexOf, PhraseMatcher, TOKEN_NUMBER, TOKEN_PUNCT, TOKEN_WORD, type WordToken, wordTokens } from './words';

export interface ActorGrammar {
  honorifics: PhraseMatcher;
  titles: PhraseMatcher;
  links: Set<string>;
  orgDescriptors: PhraseMatcher;
  orgHeads: PhraseMatcher;
  standalone: PhraseMatcher;
  places: PhraseMatcher;
  sourceBefore: PhraseMatcher;
  speechAfter: PhraseMatcher;
  placePrepositions: PhraseMatcher;
  nameParticles: Set<string>;
  /** Date context words that may stand between a name and its speech verb ("X ngày 14/4 cho biết"). */
  dateContext: Set<string>;
  connectors: Set<string>;
  /** First words of the phrases that start a title, honorific, organisation or source cue. */
  triggers: Set<string>;
}

export function actorGrammar(lexicon: EntityLexicon, lang?: string): ActorGrammar {
  return lexicon.compiled('actors', lang, () => {
    const matcher = (kind: 'titles' | 'org-heads' | 'cues' | 'places', ...sections: string[]): PhraseMatcher => {
      const result = new PhraseMatcher();
      const all = lexicon.sections(kind, lang);
      const names = sections.length > 0 ? sections : [...all.keys()];
      for (const name of names) for (const entry of all.get(name) ?? []) result.add(entry.text, entry.value);
      return result;
    };
    const words = (kind: 'titles' | 'cues' | 'dates', section: string): Set<string> =>
      new Set(lexicon.entries(kind, section, lang).map((entry) => entry.text.toLowerCase()));
    const honorifics = matcher('titles', 'honorifics');
    const titles = matcher('titles', 'titles');
    const orgDescriptors = matcher('titles', 'org-descriptors');
    const orgHeads = matcher('org-heads', 'heads');
    const standalone = matcher('org-heads', 'standalone');
    const sourceBefore = matcher('cues', 'source-before');
    const triggers = new Set<string>();
    for (const m of [honorifics, titles, orgDescriptors, orgHeads, standalone, sourceBefore]) for (const w of m.firstWords()) triggers.add(w);
    return {
      triggers,
      honorifics,
      titles,
      links: words('titles', 'links'),
      orgDescriptors,
      orgHeads,
      standalone,
      places: matcher('places'),
      sourceBefore,
      speechAfter: matcher('cues', 'speech-after'),
      placePrepositions: matcher('cues', 'place-prepositions'),
      nameParticles: words('cues', 'name-particles'),
      dateContext: words('dates', 'context'),
      connectors: words('dates', 'alternatives'),
    };
  });
}

export type ActorEvidence = 'honorific' | 'title' | 'org' | 'org-descriptor' | 'standalone' | 'source' | 'speech' | 'capitalised';

/** A candidate found within one line; offsets relative to the line. */
export interface LineActorCandidate {
  start: number;
  end: number;
  text: string;
  evidence: ActorEvidence;
  cue: string;
  score: number;
}

/** A capitalised run right after a title, kept raw until the document tells which part is a qualifier. */
export interface TitleRun {
  title: string;
  words: { start: number; end: number; text: string }[];
  /** A lower-case content word follows the run ("Chủ tịch Hội hữu nghị"): one capitalised word is then
   * more likely the start of a compound than a name. */
  beforeContentWord: boolean;
}

export interface LineActorScan {
  /** The line's text. */
  text: string;
  candidates: LineActorCandidate[];
  titleRuns: TitleRun[];
  /** Word tokens of the line (relative offsets), for matching known names. */
  tokens: WordToken[];
  /** Lone capitalised words in mid-sentence that nothing explained ("từ Nga"): evidence of places. */
  bareWords: string[];
}

export interface ActorOptions {
  lang?: string;
  /** Lower-cased single word -> whether it is a function word (from the stop-word lexicon). */
  isStopword?: (word: string) => boolean;
}

const NEVER = (): boolean => false;

function isNameWord(token: WordToken | undefined): boolean {
  return token !== undefined && token.kind === TOKEN_WORD && token.capitalised;
}

/** Index after the capitalised run starting at `index` (name particles allowed inside). */
function capitalisedRunEnd(tokens: readonly WordToken[], index: number, grammar: ActorGrammar): number {
  if (!isNameWord(tokens[index])) return index;
  let end = index + 1;
  while (end < tokens.length) {
    const token = tokens[end];
    // "Jae-in", "Kyung-wha": a hyphen glued to a lower-case part continues the name ("Putin-Biden" does not)
    if (token.text === '-' && !token.spaceBefore && tokens[end + 1]?.kind === TOKEN_WORD && !tokens[end + 1].spaceBefore && !tokens[end + 1].capitalised) {
      end += 2;
      continue;
    }
    if (!token.spaceBefore) break;
    if (isNameWord(token)) {
      // a capitalised title or honorific starts the next name ("... Donald Trump Ông Biden ...")
      if (grammar.titles.matchAt(tokens, end) !== undefined || grammar.honorifics.matchAt(tokens, end) !== undefined) break;
      end++;
      continue;
    }
    if (token.kind === TOKEN_WORD && grammar.nameParticles.has(token.text) && isNameWord(tokens[end + 1]) && tokens[end + 1].spaceBefore) {
      end += 2;
      continue;
    }
    break;
  }
  return end;
}

function startsCue(tokens: readonly WordToken[], index: number, grammar: ActorGrammar): boolean {
  return (
    grammar.titles.matchAt(tokens, index) !== undefined ||
    grammar.orgHeads.matchAt(tokens, index) !== undefined ||
    (grammar.honorifics.matchAt(tokens, index) !== undefined && !tokens[index].capitalised)
  );
}

/**
 * The organisation name starting with a head word at tokens[index] (head length `headLength`): the head,
 * then capitalised words, each optionally followed by the lower-case rest of a Vietnamese compound ("Ngoại
 * giao"), then at most one trailing capitalised qualifier or a known place ("Bộ Ngoại giao Nga").
 */
function organisationEnd(tokens: readonly WordToken[], index: number, headLength: number, grammar: ActorGrammar, isStopword: (w: string) => boolean): number {
  let position = index + headLength;
  if (!isNameWord(tokens[position]) || !tokens[position].spaceBefore || startsCue(tokens, position, grammar)) return index;
  let end = position;
  let segments = 0;
  while (position < tokens.length) {
    const token = tokens[position];
    if (!token.spaceBefore && position > index + headLength) break;
    if (isNameWord(token)) {
      let runEnd = capitalisedRunEnd(tokens, position, grammar);
      if (segments === 0) {
        // the first name word only, unless the run is a known place: "Điện Kremlin | Dmitri Peskov"
        const place = grammar.places.matchAt(tokens, position);
        runEnd = place && position + place.length <= runEnd ? position + place.length : position + 1;
      } else {
        // after the first segment, a further capitalised run belongs to the name only when it is a single
        // qualifier word or a known place; two or more words are the next name ("đảng Cộng hòa Donald Trump")
        const place = grammar.places.matchAt(tokens, position);
        if (place && position + place.length === runEnd) {
          end = runEnd;
          break;
        }
        if (runEnd - position !== 1 || startsCue(tokens, position, grammar)) break;
      }
      position = runEnd;
      end = position;
      segments++;
      // the lower-case rest of a compound: up to two syllables, followed by another capitalised word or the end
      let look = position;
      while (look < tokens.length && look - position < 2 && tokens[look].kind === TOKEN_WORD && !tokens[look].capitalised && tokens[look].spaceBefore && !isStopword(tokens[look].lower) && !grammar.connectors.has(tokens[look].lower)) look++;
      if (look > position) {
        const after = tokens[look];
        const continues = after !== undefined && after.spaceBefore && isNameWord(after) && !startsCue(tokens, look, grammar);
        const joined = after !== undefined && after.kind === TOKEN_WORD && grammar.connectors.has(after.lower) && isNameWord(tokens[look + 1]);
        const closes = after === undefined || (after.kind === TOKEN_PUNCT && look === position + 1);
        if (continues || joined || closes) {
          position = look;
          end = position;
        } else break;
      }
      const next = tokens[position];
      if (next && next.kind === TOKEN_WORD && grammar.connectors.has(next.lower) && isNameWord(tokens[position + 1]) && tokens[position + 1].spaceBefore) {
        position++;
        continue;
      }
      if (!isNameWord(tokens[position])) break;
      continue;
    }
    break;
  }
  return end;
}

function textOf(line: string, tokens: readonly WordToken[], from: number, to: number): string {
  return line.slice(tokens[from].start, tokens[to - 1].end);
}

/** Stage 1: candidates of one line of text (offsets relative to `line`). */
export function scanActorLine(line: string, grammar: ActorGrammar, options: ActorOptions = {}, lineTokens?: WordToken[]): LineActorScan {
  const isStopword = options.isStopword ?? NEVER;
  const tokens = lineTokens ?? wordTokens(line);
  const candidates: LineActorCandidate[] = [];
  const titleRuns: TitleRun[] = [];
  const consumed = new Uint8Array(tokens.length);
  const consume = (from: number, to: number): void => {
    consumed.fill(1, from, to);
  };
  const add = (from: number, to: number, evidence: ActorEvidence, cue: string, score: number): void => {
    candidates.push({ start: tokens[from].start, end: tokens[to - 1].end, text: textOf(line, tokens, from, to), evidence, cue, score });
    consume(from, to);
  };

  /** Organisation starting at `index`, if any: its end index. */
  const organisationAt = (index: number): number => {
    const head = grammar.orgHeads.matchAt(tokens, index);
    // a lower-case head right after a capitalised word is the end of that word ("Cơ sở"), not a head
    const previous = tokens[index - 1];
    const insideWord = !tokens[index].capitalised && isNameWord(previous) && tokens[index].spaceBefore;
    if (head && !insideWord) {
      const end = organisationEnd(tokens, index, head.length, grammar, isStopword);
      if (end > index + head.length) {
        add(index, end, 'org', `organisation head word '${head.text}'`, 0.85);
        return end;
      }
    }
    const standalone = grammar.standalone.matchAt(tokens, index);
    if (standalone && tokens[index].capitalised) {
      add(index, index + standalone.length, 'standalone', `institution '${standalone.text}'`, 0.8);
      return index + standalone.length;
    }
    return index;
  };

  for (let index = 0; index < tokens.length; index++) {
    if (consumed[index]) continue;
    const token = tokens[index];
    if (token.kind !== TOKEN_WORD || !grammar.triggers.has(token.lower)) continue;

    // Honorifics: "ông Peskov". In mid-sentence they count only in lower case ("Anh" is also a country).
    const honorific = grammar.honorifics.matchAt(tokens, index);
    if (honorific && (!token.capitalised || token.sentenceStart)) {
      let position = index + honorific.length;
      if (tokens[position]?.text === '.') position++;
      const end = capitalisedRunEnd(tokens, position, grammar);
      if (end > position && !startsCue(tokens, position, grammar)) {
        consume(index, position);
        add(position, end, 'honorific', `after honorific '${honorific.text}'`, 0.9);
        index = end - 1;
        continue;
      }
    }

    // Titles, possibly chained ("Người phát ngôn của Tổng thống Nga ..."), possibly followed by an
    // organisation ("phát ngôn viên Điện Kremlin Dmitri Peskov").
    const title = grammar.titles.matchAt(tokens, index) ?? grammar.orgDescriptors.matchAt(tokens, index);
    if (title) {
      let position = index + title.length;
      let lastTitle = title.text;
      for (;;) {
        const link = tokens[position];
        if (link && grammar.links.has(link.lower)) {
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
        const organisationEndIndex = organisationAt(position);
        if (organisationEndIndex > position) {
          position = organisationEndIndex;
          continue;
        }
        break;
      }
      consume(index, position);
      const end = capitalisedRunEnd(tokens, position, grammar);
      // an organisation head without a name after it ("Chủ tịch Hội đồng ...") is no person's name
      if (end > position && tokens[position].spaceBefore && !grammar.orgHeads.matchAt(tokens, position)) {
        const after = tokens[end];
        const beforeContentWord = !tokens[position].acronym && after !== undefined && after.kind === TOKEN_WORD && !after.capitalised && !isStopword(after.lower);
        titleRuns.push({ title: lastTitle, words: tokens.slice(position, end).map((t) => ({ start: t.start, end: t.end, text: t.text })), beforeContentWord });
        consume(position, end);
        index = end - 1;
      } else {
        index = position - 1;
      }
      continue;
    }

    const organisationEndIndex = organisationAt(index);
    if (organisationEndIndex > index) {
      index = organisationEndIndex - 1;
      continue;
    }

    // Source cues: "theo Reuters", "Theo lời ông X" (the honorific is handled on the next round).
    const source = grammar.sourceBefore.matchAt(tokens, index);
    if (source && (!token.capitalised || token.sentenceStart)) {
      const position = index + source.length;
      const end = capitalisedRunEnd(tokens, position, grammar);
      if (end > position && !startsCue(tokens, position, grammar) && !grammar.places.matchAt(tokens, position)) {
        consume(index, position);
        add(position, end, 'source', `after '${source.text}'`, 0.75);
        index = end - 1;
        continue;
      }
    }
  }

  // Remaining capitalised runs.
  const bareWords: string[] = [];
  for (let index = 0; index < tokens.length; index++) {
    if (consumed[index] || !isNameWord(tokens[index])) continue;
    let end = capitalisedRunEnd(tokens, index, grammar);
    // "The Kremlin said": a function word capitalised only because it starts the sentence is not part of it
    if (tokens[index].sentenceStart && isStopword(tokens[index].lower) && end > index + 1) {
      index++;
      if (consumed[index]) continue;
    }
    for (let k = index + 1; k < end; k++) {
      if (consumed[k]) {
        end = k;
        break;
      }
    }
    const run = tokens.slice(index, end);
    const previous = tokens[index - 1];
    const afterPlaceWord = index > 0 && placePrepositionBefore(tokens, index, grammar);
    const place = grammar.places.matchAt(tokens, index);
    const isPlace = place !== undefined && index + place.length === end;
    // speech verb after the run (a date may stand between: "X ngày 14/4 cho biết")
    let after = end;
    if (tokens[after] && grammar.dateContext.has(tokens[after].lower) && tokens[after + 1]?.kind === TOKEN_NUMBER) after += 2;
    if (tokens[after]?.text === ',') after++;
    const speech = grammar.speechAfter.matchAt(tokens, after);
    if (speech && !isPlace && !afterPlaceWord) {
      add(index, end, 'speech', `before '${speech.text}'`, 0.7);
    } else if (run.length === 1 && !run[0].sentenceStart) {
      bareWords.push(run[0].text);
    } else if (
      run.length >= 2 &&
      !isPlace &&
      !afterPlaceWord &&
      !(run[0].sentenceStart && isStopword(run[0].lower)) &&
      !(previous?.kind === TOKEN_PUNCT && previous.text === '-' && !tokens[index].spaceBefore)
    ) {
      add(index, end, 'capitalised', 'capitalised name', run[0].sentenceStart ? 0.4 : 0.45);
    }
    index = end - 1;
  }
  return { text: line, candidates, titleRuns, tokens, bareWords };
}

function placePrepositionBefore(tokens: readonly WordToken[], index: number, grammar: ActorGrammar): boolean {
  for (let length = 1; length <= 2 && index - length >= 0; length++) {
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
}

/** Qualifier words of a page: they stand alone after titles ("Tổng thống Mỹ cho biết") and before names. */
function pageQualifiers(lines: readonly ScannedLine[], honorificWords: ReadonlySet<string>): Set<string> {
  const alone = new Set<string>();
  const leading = new Set<string>();
  const bare = new Map<string, number>();
  for (const { scan } of lines) {
    for (const run of scan.titleRuns) {
      if (run.words.length === 1) alone.add(run.words[0].text);
      else leading.add(run.words[0].text);
    }
    for (const word of scan.bareWords) bare.set(word, (bare.get(word) ?? 0) + 1);
  }
  // A word that leads names after titles and also stands alone, after a title or twice in mid-sentence
  // without one, is a qualifier ("Tổng thống Nga Vladimir Putin" ... "từ Nga"); a name never stands there.
  return new Set([...leading].filter((word) => !honorificWords.has(word) && (alone.has(word) || (bare.get(word) ?? 0) >= 2)));
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
  const honorificWords = new Set<string>();
  for (const { scan } of scanned) {
    for (const candidate of scan.candidates) {
      if (candidate.evidence === 'honorific') for (const word of candidate.text.split(' ')) honorificWords.add(word);
    }
  }
  const qualifiers = pageQualifiers(scanned, honorificWords);
  const multiWordNameWords = new Set<string>();
  const multiWordNames = new Set<string>();
  for (const { scan } of scanned) {
    for (const run of scan.titleRuns) {
      if (run.words.length < 2) continue;
      for (const word of run.words) multiWordNameWords.add(word.text);
      multiWordNames.add(run.words.map((w) => w.text).join(' '));
    }
    for (const candidate of scan.candidates) if (candidate.text.includes(' ')) multiWordNames.add(candidate.text);
  }

  const found: DocCandidate[] = [];
  for (const { line, start, scan } of scanned) {
    for (const candidate of scan.candidates) {
      if (qualifiers.has(candidate.text)) continue;
      found.push({ start: start + candidate.start, end: start + candidate.end, text: candidate.text, line, score: candidate.score, reasons: [candidate.cue] });
    }
    for (const run of scan.titleRuns) {
      const words = run.words;
      const wordTokensOfRun = words.map((w) => ({ lower: w.text.toLowerCase() }) as WordToken);
      let skip = 0;
      let why = '';
      const place = grammar.places.matchAt(wordTokensOfRun, 0);
      if (place) {
        skip = place.length;
        why = `'${words.slice(0, skip).map((w) => w.text).join(' ')}' is a place`;
      } else if (qualifiers.has(words[0].text)) {
        skip = 1;
        why = `'${words[0].text}' qualifies titles on this page`;
      } else if (words.length >= 3 && multiWordNames.has(words.slice(1).map((w) => w.text).join(' '))) {
        skip = 1;
        why = `'${words.slice(1).map((w) => w.text).join(' ')}' also stands without '${words[0].text}'`;
      }
      if (skip >= words.length) continue;
      let nameWords = words.slice(skip);
      // a name does not end with a place: "Tổng thống Biden | Nga tức tốc ..." (a title run into the next)
      for (let cut = 1; cut < nameWords.length; cut++) {
        const tail = nameWords.slice(cut).map((w) => ({ lower: w.text.toLowerCase() }) as WordToken);
        const tailPlace = grammar.places.matchAt(tail, 0);
        if ((tailPlace && tailPlace.length === tail.length) || (tail.length === 1 && qualifiers.has(nameWords[cut].text))) {
          nameWords = nameWords.slice(0, cut);
          break;
        }
      }
      const text = scan.text.slice(nameWords[0].start, nameWords[nameWords.length - 1].end);
      const known = nameWords.every((w) => honorificWords.has(w.text));
      if (nameWords.length === 1 && run.beforeContentWord && !known && !multiWordNameWords.has(text)) continue;
      const score = nameWords.length >= 2 || known ? 0.85 : 0.6;
      const reasons = [`after title '${run.title}'`];
      if (why) reasons.push(why);
      found.push({ start: start + nameWords[0].start, end: start + nameWords[nameWords.length - 1].end, text, line, score, reasons });
    }
  }

  // Names known on this page, by first word, for finding their other occurrences.
  const known = new Map<string, { words: string[]; text: string; score: number; line: number }[]>();
  const names = new Map<string, { words: string[]; text: string }>();
  for (const candidate of found) {
    if (candidate.score < 0.5) continue;
    if (names.has(candidate.text)) continue;
    const words = wordTokens(candidate.text).map((token) => token.text);
    names.set(candidate.text, { words, text: candidate.text });
    let list = known.get(words[0]);
    if (!list) known.set(words[0], (list = []));
    if (!list.some((entry) => entry.text === candidate.text)) list.push({ words, text: candidate.text, score: candidate.score, line: candidate.line });
  }
  for (const list of known.values()) list.sort((a, b) => b.words.length - a.words.length);

  for (const { line, start, scan } of scanned) {
    if (report && !report(line)) continue;
    const tokens = scan.tokens;
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index];
      if (!isNameWord(token)) continue;
      const list = known.get(token.text);
      if (!list) continue;
      const previous = tokens[index - 1];
      if (previous && !token.spaceBefore && previous.kind === TOKEN_WORD) continue;
      for (const entry of list) {
        if (!wordsAt(tokens, index, entry.words)) continue;
        const endIndex = index + entry.words.length;
        if (scan.text.slice(token.start, tokens[endIndex - 1].end) !== entry.text) continue;
        const next = tokens[endIndex];
        if (next && !next.spaceBefore && next.kind === TOKEN_WORD) continue;
        if (placePrepositionBefore(tokens, index, grammar)) break;
        // at a sentence start a capital proves nothing: a weak one-word name ("Hội") is not repeated there
        if (token.sentenceStart && entry.words.length === 1 && entry.score < 0.85) break;
        found.push({
          start: start + token.start,
          end: start + tokens[endIndex - 1].end,
          text: entry.text,
          line,
          score: Math.min(0.8, entry.score - 0.05),
          reasons: [`same name as on line ${entry.line + 1}`],
        });
        break;
      }
    }
    if (learned && learned.size > 0) {
      for (const match of learned.matchTokens(tokens)) {
        if (match.entry.label !== 'actor') continue;
        const count = match.entry.count;
        found.push({
          start: start + match.start,
          end: start + match.end,
          text: match.entry.text,
          line,
          score: Math.min(0.95, 0.7 + 0.05 * count),
          reasons: [`accepted ${count} time${count === 1 ? '' : 's'} elsewhere`],
        });
      }
    }
  }

  // Best candidate wins where candidates overlap; reasons of identical spans are merged.
  found.sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: DocCandidate[] = [];
  const chosenByLine = new Map<number, DocCandidate[]>(); // candidates never cross lines
  const bySpan = new Map<string, DocCandidate>();
  for (const candidate of found) {
    if (report && !report(candidate.line)) continue;
    const same = bySpan.get(`${candidate.start}:${candidate.end}`);
    if (same) {
      for (const reason of candidate.reasons) if (!same.reasons.includes(reason)) same.reasons.push(reason);
      continue;
    }
    let onLine = chosenByLine.get(candidate.line);
    if (!onLine) chosenByLine.set(candidate.line, (onLine = []));
    if (onLine.some((other) => other.start < candidate.end && candidate.start < other.end)) continue;
    onLine.push(candidate);
    chosen.push(candidate);
    bySpan.set(`${candidate.start}:${candidate.end}`, candidate);
  }
  chosen.sort((a, b) => a.start - b.start);

  const learnedNames = learned ? learned.entries('actor').map((entry) => ({ words: entry.words, text: entry.text })) : [];
  const longNames = [...learnedNames, ...[...names.values()].filter((name) => name.words.length > 1)];
  const canonical = new Map<string, string>();
  return chosen.map((candidate) => {
    let value = canonical.get(candidate.text);
    if (value === undefined) canonical.set(candidate.text, (value = canonicalName(candidate.text, longNames, learned)));
    const suggestion: Suggestion = {
      start: candidate.start,
      end: candidate.end,
      label: 'actor',
      text: candidate.text,
      value,
      score: candidate.score,
      reasons: candidate.reasons,
      line: candidate.line,
    };
    if (value !== candidate.text) suggestion.reasons = [...candidate.reasons, `short for '${value}'`];
    return suggestion;
  });
}

function wordsAt(tokens: readonly WordToken[], index: number, words: readonly string[]): boolean {
  if (index + words.length > tokens.length) return false;
  for (let k = 0; k < words.length; k++) if (tokens[index + k].text !== words[k]) return false;
  return true;
}

/** The longest name on the page or among accepted ones that ends with (or contains) `text`. */
function canonicalName(text: string, longNames: readonly { words: string[]; text: string }[], learned: LearnedEntities | undefined): string {
  const accepted = learned?.get('actor', text)?.value;
  if (accepted !== undefined) return accepted;
  const words = wordTokens(text).map((token) => token.text);
  let best: { words: string[]; text: string } | undefined;
  let bestIsSuffix = false;
  for (const candidate of longNames) {
    const longer = candidate.words;
    if (longer.length <= words.length || !containsWords(longer, words)) continue;
    // family names: a name ending with the short form beats one merely containing it
    const isSuffix = longer.slice(longer.length - words.length).join('\u0000') === words.join('\u0000');
    if (best && bestIsSuffix && !isSuffix) continue;
    if (best && isSuffix === bestIsSuffix && longer.length <= best.words.length) continue;
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
  const wanted = new Set(lines.map((span) => lineIndexOf(all, span.start)));
  const evidence = opts.evidenceLines ?? lines;
  const seen = new Set<number>();
  const scanned: ScannedLine[] = [];
  for (const span of [...evidence, ...lines]) {
    const line = lineIndexOf(all, span.start);
    if (seen.has(line)) continue;
    seen.add(line);
    scanned.push({ line, start: span.start, scan: scanActorLine(text.slice(span.start, span.end), grammar, opts) });
  }
  return resolveActors(scanned, grammar, learned, (line) => wanted.has(line));
}
