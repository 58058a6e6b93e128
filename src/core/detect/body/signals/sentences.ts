// Sentence punctuation of a line: whether it ends like a sentence, and how many sentences end inside it.

const SENTENCE_MARKS = ['. ', '! ', '? '];
const CLOSERS = '"\'”’»)]}';
const FINAL = '.!?…';

/** Whether text ends with sentence-final punctuation, closing quotes and brackets allowed after it. */
export function endsLikeSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.includes(text[i])) i--;
  return i >= 0 && FINAL.includes(text[i]);
}

/** Sentence ends inside text: final punctuation followed by a space and an upper-case letter or quote. */
export function countInnerSentenceEnds(text: string): number {
  let count = 0;
  for (const mark of SENTENCE_MARKS) {
    for (let at = text.indexOf(mark, 1); at > 0 && at < text.length - 2; at = text.indexOf(mark, at + 2)) {
      const next = text[at + 2];
      if (next !== next.toLowerCase() || next === '"' || next === '“') count++;
    }
  }
  return count;
}

