// Synthetic pages for the learner's tests: people named by capitalised names (the rules find those) and
// agents named by lower-case code names after "codename" (the rules cannot: only learning can).

const SYLLABLES = ['ka', 'vel', 'mor', 'tin', 'dra', 'qua', 'zen', 'lor', 'bri', 'sto', 'fen', 'rux', 'pal', 'nim', 'gor', 'hes'];
const GIVEN = ['Anna', 'Boris', 'Clara', 'Dmitri', 'Elena', 'Felix', 'Greta', 'Hugo'];
const FAMILY = ['Ostrov', 'Delan', 'Marek', 'Suvor', 'Kallin', 'Brandt', 'Novak', 'Pellar'];

export interface SyntheticPage {
  text: string;
  spans: { start: number; end: number; label: string }[];
}

function codename(n: number): string {
  // unique per n (below 4096): no code name repeats, so remembering tagged texts cannot find them
  return SYLLABLES[(n * 7) % 16] + SYLLABLES[(n >> 4) % 16] + SYLLABLES[((n >> 8) + n) % 16];
}

/** Page `n`: three sentences, each with one actor span. */
export function syntheticPage(n: number): SyntheticPage {
  const spans: SyntheticPage['spans'] = [];
  let text = '';
  const say = (before: string, name: string, after: string): void => {
    text += before;
    spans.push({ start: text.length, end: text.length + name.length, label: 'actor' });
    text += name + after;
  };
  say('The ministry said on Monday that ', `${GIVEN[n % 8]} ${FAMILY[(n * 3) % 8]}`, ' had resigned.\n');
  say('Files seen by reporters describe codename ', codename(2 * n), ' as the buyer of the cargo.\n');
  say('A second contact, codename ', codename(2 * n + 1), ', was paid in cash.\n');
  return { text, spans };
}

/**
 * Pages where only the corpus word profile tells names from common words: on each, a name (tagged actor)
 * and a capitalised common word stand in the same place; both are made of the same syllables and differ per
 * page. `usage`: the other pages of the corpus, which write the names capitalised and the common words in
 * lower case. 16 training pages, 8 unseen ones.
 */
export function namesAndCommonWords(): { training: SyntheticPage[]; unseen: SyntheticPage[]; usage: string[] } {
  const pool: string[] = [];
  for (let n = 0; pool.length < 400; n++) {
    const h = Math.imul(n + 1, 2654435761) >>> 0;
    const w = SYLLABLES[h % 12] + SYLLABLES[(h >>> 8) % 12] + SYLLABLES[(h >>> 16) % 12];
    const word = w[0].toUpperCase() + w.slice(1);
    if (!pool.includes(word)) pool.push(word);
  }
  // names and common words taken from the pool in an order that has nothing to do with their letters
  const nameOf = (k: number): string => pool[2 * k];
  const commonOf = (k: number): string => pool[2 * k + 1];
  const page = (i: number): SyntheticPage => {
    const spans: SyntheticPage['spans'] = [];
    let text = '';
    for (let j = 0; j < 3; j++) {
      const name = nameOf(i * 3 + j);
      text += 'Reporters asked ';
      spans.push({ start: text.length, end: text.length + name.length, label: 'actor' });
      text += `${name} about it.\nReporters asked ${commonOf(i * 3 + j)} about it.\n`;
    }
    return { text, spans };
  };
  const usage: string[] = [];
  for (let k = 0; k < 72; k++) {
    for (let copy = 0; copy < 3; copy++) usage.push(`Later we wrote to ${nameOf(k)} again.\nlater we bought ${commonOf(k).toLowerCase()} again.`);
  }
  return { training: Array.from({ length: 16 }, (_, i) => page(i)), unseen: Array.from({ length: 8 }, (_, i) => page(16 + i)), usage };
}

/**
 * Page `n` of syntheticPage with a fourth sentence naming a capitalised two-word name no other page holds,
 * which the rules take for an actor: tagged actor on every page when `tagged`, never tagged otherwise (a
 * place, as the annotator reads it).
 */
export function pageWithNewName(n: number, tagged: boolean): SyntheticPage {
  const page = syntheticPage(n);
  const cap = (w: string): string => w[0].toUpperCase() + w.slice(1);
  const name = `${cap(codename(3000 + n))} ${cap(codename(3500 + n))}`;
  const before = `${page.text}The convoy reached `;
  const spans = tagged ? [...page.spans, { start: before.length, end: before.length + name.length, label: 'actor' }] : page.spans;
  return { text: `${before}${name} at dawn.\n`, spans };
}

/** Page `n` where an agent is named by a lower-case code name after "informant", a cue no syntheticPage has. */
export function informantPage(n: number): SyntheticPage {
  const before = 'Officers met informant ';
  const name = codename(3900 - n);
  return { text: `${before}${name} at the port.\n`, spans: [{ start: before.length, end: before.length + name.length, label: 'actor' }] };
}
