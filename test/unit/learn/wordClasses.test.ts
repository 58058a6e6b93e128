// Word classes: the corpus's words grouped by their neighbours, and what the span learner makes of them.

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { type AnalysisContext, learningDocument } from '../../../src/core/detect/analyse';
import { CorpusModel } from '../../../src/core/detect/corpus';
import { LearnedEntities } from '../../../src/core/detect/learned';
import { WordClasses } from '../../../src/core/detect/wordClasses';
import { WordProfile } from '../../../src/core/detect/wordProfile';
import { SpanLearner, type TrainingExample } from '../../../src/core/learn';
import { shippedEntityLexicon } from '../actors/fixture';
import { loadShippedStopwords } from '../body/shippedStopwords';
import { syntheticPage } from './pages';

const NOUNS = 'cat dog horse cow goat sheep mule hen duck goose pig lamb calf foal colt mare ram ewe boar sow ox yak deer elk moose hare fox wolf bear lynx'.split(' ');
const VERBS = 'ran walked jumped slept ate drank sang swam hid stood sat fell rose waited hunted played rested grazed barked howled roared hissed purred crept fled leapt dozed woke stirred'.split(' ');
const ADJECTIVES = 'old young big small brown white black grey red wild tame shy bold calm lazy quick slow tall lean fat sleek shaggy lame sick hungry thirsty tired proud gentle fierce noisy quiet timid clever dull loyal nervous curious patient stubborn'.split(' ');
const ADVERBS = 'then soon later once again often rarely slowly quickly quietly loudly early late twice gladly sadly calmly boldly softly finally'.split(' ');
const PLACES = 'barn field river forest hill meadow stable yard pond valley garden orchard shed pasture creek marsh'.split(' ');

/** Pages of "the ADJECTIVE NOUN ADVERB VERB near the PLACE" sentences: five kinds of words in five places. */
function farmPages(count: number, offset = 0): string[] {
  return Array.from({ length: count }, (_, page) =>
    Array.from({ length: 12 }, (_, s) => {
      const n = (page + offset) * 12 + s;
      return `the ${ADJECTIVES[(n * 3) % ADJECTIVES.length]} ${NOUNS[(n * 7) % NOUNS.length]} ${ADVERBS[(n * 13) % ADVERBS.length]} ${VERBS[(n * 11) % VERBS.length]} near the ${PLACES[(n * 5) % PLACES.length]}.`;
    }).join('\n'));
}

/** A made-up lower-case word per n. */
const letters = (n: number): string => 'w' + [...n.toString(26)].map((c) => String.fromCharCode(97 + parseInt(c, 26))).join('') + 'q';

describe('word classes', () => {
  it('puts words that stand in the same places in the same classes, and words of other places apart', () => {
    const classes = WordProfile.of(farmPages(40)).wordClasses();
    assert.ok(classes, 'enough words to class');
    const kind = new Map<number, Set<string>>();
    for (const [name, words] of [['adjective', ADJECTIVES], ['noun', NOUNS], ['adverb', ADVERBS], ['verb', VERBS], ['place', PLACES]] as const) {
      for (const word of words) {
        const c = classes.classOf(word);
        assert.ok(c >= 0, `${word} has a class`);
        kind.set(c, (kind.get(c) ?? new Set()).add(name));
      }
    }
    for (const [c, kinds] of kind) assert.equal(kinds.size, 1, `class ${c} mixes ${[...kinds].join(' and ')}`);
    assert.equal(classes.classOf('Cat'), -1, 'a capitalised word is not read as its lower-case twin');
    assert.equal(classes.classOf('unicorn'), -1);
  });

  it('are the same whatever order the pages come in and however they are named (editor and CLI agree)', () => {
    const pages = farmPages(40);
    const inOrder = WordProfile.of(pages).wordClasses()!.toJSON();
    const shuffled = new WordProfile();
    [...pages.keys()].sort((a, b) => ((a * 17) % 40) - ((b * 17) % 40)).forEach((i) => shuffled.addPage(`file:///corpus/${i}.txt`, pages[i]));
    assert.deepEqual(shuffled.wordClasses()!.toJSON(), inOrder);
  });

  it('after replacing and removing pages are the classes of the pages left, and are made again only then', () => {
    const pages = farmPages(40);
    const profile = new WordProfile();
    pages.forEach((text, i) => profile.addPage(String(i), text));
    const before = profile.wordClasses();
    assert.equal(profile.wordClasses(), before, 'nothing changed: the same classes');
    profile.addPage('extra', farmPages(5, 100).join('\n'));
    profile.addPage('0', 'a page that replaced another');
    profile.removePage('extra');
    profile.removePage('0');
    assert.deepEqual(profile.wordClasses()!.toJSON(), WordProfile.of(pages.slice(1)).wordClasses()!.toJSON());
  });

  it('round-trip through JSON, and a corpus with too few words has none', () => {
    const classes = WordProfile.of(farmPages(40)).wordClasses()!;
    const copy = WordClasses.fromJSON(JSON.parse(JSON.stringify(classes.toJSON())));
    for (const word of [...NOUNS, ...VERBS, 'near', 'nothing']) assert.equal(copy.classOf(word), classes.classOf(word), word);
    assert.equal(WordProfile.of(['the cat ran near the barn.']).wordClasses(), undefined);
    assert.equal(WordProfile.fromJSON(WordProfile.of(farmPages(40)).toJSON()).wordClasses(), undefined, 'a profile without pages');
  });
});

describe('span learner with word classes', () => {
  const entities = shippedEntityLexicon();
  const stopwords = loadShippedStopwords();
  // pages nobody annotated use "alias" as "codename" is used; only names after "codename" are ever tagged
  const usage = Array.from({ length: 40 }, (_, n) =>
    ['codename', 'alias'].map((cue, k) => `Reporters describe ${cue} ${letters(4 * n + 2 * k)} as the buyer.\nA contact, ${cue} ${letters(4 * n + 2 * k + 1)}, was paid.`).join('\n') + '\n' + farmPages(1, n)[0]);
  const unseen = 'Files seen by reporters describe alias vorkastin as the buyer of the cargo.\nA second contact, alias meltravo, was paid in cash.\n';

  function trained(): { learner: SpanLearner; ctx: AnalysisContext } {
    const ctx: AnalysisContext = { corpus: new CorpusModel(), stopwords, entities, learned: new LearnedEntities(), options: { language: 'en' } };
    ctx.words = WordProfile.of([...Array.from({ length: 24 }, (_, n) => syntheticPage(n).text), ...usage, unseen]);
    const examples: TrainingExample[] = Array.from({ length: 24 }, (_, n) => {
      const page = syntheticPage(n);
      return { doc: learningDocument(page.text, ctx), tags: page.spans, done: true };
    });
    return { learner: SpanLearner.empty().train(examples, { folds: 0 }), ctx };
  }

  it('finds a name after a word it never saw tagged when the corpus uses that word as it uses a learned cue', () => {
    const { learner, ctx } = trained();
    assert.equal(ctx.words!.wordClasses()!.classOf('alias'), ctx.words!.wordClasses()!.classOf('codename'));
    const found = learner.tag(learningDocument(unseen, ctx)).map((s) => s.text);
    assert.ok(found.length > 0 && found.every((name) => ['vorkastin', 'meltravo'].includes(name)), found.join(', '));
    // the same model without its classes does not
    const file = learner.toJSON();
    assert.ok(file.classes, 'the model file holds its classes');
    const withoutClasses = SpanLearner.fromJSON({ ...file, classes: undefined });
    assert.deepEqual(withoutClasses.tag(learningDocument(unseen, ctx)).map((s) => s.text), []);
  });

  it('reads a page of another corpus with the classes of the corpus it was trained on (a model file travels)', () => {
    const { learner, ctx } = trained();
    const loaded = SpanLearner.fromJSON(JSON.parse(JSON.stringify(learner.toJSON())));
    // another corpus, whose own classes would number its words otherwise
    const other: AnalysisContext = { ...ctx, words: WordProfile.of([...farmPages(40, 7), unseen]) };
    const text = (l: SpanLearner): string[] => l.tag(learningDocument(unseen, other)).map((s) => `${s.text} ${s.score}`);
    assert.deepEqual(text(loaded), text(learner));
    assert.ok(text(loaded).length > 0);
    assert.throws(() => SpanLearner.fromJSON({ ...learner.toJSON(), classes: { classes: 7 } as never }), /word classes do not read/);
  });
});
