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
