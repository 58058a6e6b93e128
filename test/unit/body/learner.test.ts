// The body line model learned per site from the annotator's body tags (detect/body/learner.ts), as
// detectLines applies it: pages of a site whose template the rules get wrong follow the annotator once two
// of them are annotated; without annotated pages (or with one) nothing changes.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodyLearningReport, detectLines } from '../../../src/core/detect/body/index';
import { CorpusModel } from '../../../src/core/detect/corpus';
import type { Annotation } from '../../../src/core/model/types';
import { lineSpans } from '../../../src/core/text/lines';
import { lessonsOf } from '../../../src/core/workflow/lessons';
import { headlineAndListing } from './headlineFixture';
import { loadShippedStopwords } from './shippedStopwords';

const stopwords = loadShippedStopwords();

const PEOPLE = [
  ['Maria Lindqvist', 'Oslo', 'energy markets', '2011'],
  ['Tomas Berger', 'Vienna', 'central banks', '2014'],
  ['Ines Carvalho', 'Lisbon', 'the housing market', '2009'],
  ['Jonah Whitfield', 'Dublin', 'farm policy', '2016'],
];
const TOPICS = ['port strike', 'rail budget', 'harbour expansion', 'wind farm auction'];
/** Sites of the same make: each its own template lines. */
const SITES = [
  { name: 'Northern Courier', menu: 'World | Politics | Business | Sport | Culture | Opinion', subscribe: 'Subscribe to the morning briefing for the news that matters before breakfast', region: '' },
  { name: 'Southern Gazette', menu: 'Home | Local | Nation | Money | Games | Letters', subscribe: 'Sign up for our evening newsletter and never miss a local story again', region: 'south' },
  { name: 'Western Ledger', menu: 'Front | Region | Economy | Football | Arts | Views', subscribe: 'Get the weekend digest delivered to your inbox every Saturday morning', region: 'west' },
];

/**
 * A page of one site: the template, the article, and a box about the reporter after it, written as prose
 * and different on every page, so the rules take it for body and no exact line repeats it.
 */
function sitePage(i: number, site = SITES[0], inserted: readonly string[] = []): { text: string; body: Set<number> } {
  const [name, city, beat, year] = PEOPLE[i];
  const topic = TOPICS[i];
  const lines = [
    `The ${site.name}`,
    site.menu,
    site.subscribe,
    `Talks over the ${topic} resume as both sides signal a compromise`,
    `Negotiators met again on Tuesday to discuss the ${topic}, which has divided the city council for most of the year and delayed several other projects.`,
    `The mayor said that a deal was close, although she warned that the details of the ${topic} would still need the approval of the regional government.`,
    ...inserted,
    `Opposition members argued that the plan had been rushed and that residents living near the site had not been consulted about the noise and the traffic.`,
    `Business groups welcomed the progress and said that the uncertainty around the ${topic} had already cost local firms a great deal of money this year.`,
    `A final vote is expected next month, when the council will also debate a proposal to set up an independent review of the whole process.`,
    `${name} reports on ${beat} from ${city} and has written for the ${site.name.split(' ')[1]} since ${year}, after several years at a news agency.`,
    `Before that, ${name.split(' ')[0]} spent a decade covering ${beat} for radio, and she still presents a weekly programme about it.`,
    `You can send ${name.split(' ')[0]} tips and corrections about ${beat} through the newsroom's secure contact form at any time.`,
    `Copyright The ${site.name}. All rights reserved.`,
  ];
  // another site's articles and boxes are its own (sites are told apart by the lines they share)
  if (site.region) for (let k = 4; k <= 11; k++) lines[k] = `${lines[k].slice(0, -1)}, here in the ${site.region}.`;
  // the headline and the article's five paragraphs (lines inserted after the second are the caller's)
  return { text: `${lines.join('\n')}\n`, body: new Set([3, 4, 5, 6, 7, 8].map((line) => (line > 5 ? line + inserted.length : line))) };
}

/** What the annotator does on a page: tags its body lines body and marks it done (the editor's lessons). */
function annotate(corpus: CorpusModel, id: string, page: { text: string; body: Set<number> }): void {
  const annotations: Annotation[] = lineSpans(page.text)
    .filter((span) => page.body.has(span.line))
    .map((span) => ({ id: `b${span.line}`, label: 'body', start: span.start, end: span.end, text: page.text.slice(span.start, span.end), source: 'manual' }));
  for (const lesson of lessonsOf(page.text, { annotations, dismissed: [], status: 'done' })) {
    if (lesson.kind === 'line') corpus.learnLine(lesson.text, lesson.label);
    else if (lesson.kind === 'page') corpus.learnBodyPage(id, lesson.page);
  }
}

function siteCorpus(): { corpus: CorpusModel; pages: { text: string; body: Set<number> }[] } {
  const corpus = new CorpusModel();
  const pages = PEOPLE.map((_, i) => sitePage(i));
  pages.forEach((page, i) => corpus.addDocument(`page${i}`, page.text));
  return { corpus, pages };
}

const labels = (corpus: CorpusModel, id: string, text: string) => detectLines(text, corpus, stopwords, { documentId: id }).map((d) => `${d.line}:${d.label}`);
const bodyLines = (corpus: CorpusModel, id: string, text: string) =>
  detectLines(text, corpus, stopwords, { documentId: id })
    .filter((d) => d.label === 'body')
    .map((d) => d.line);

describe('the body line model learned per site', () => {
  it('after two annotated pages of a site whose template the rules get wrong, the next page follows the annotator', () => {
    const { corpus, pages } = siteCorpus();
    // the rules take the reporter box for body
    assert.deepEqual(bodyLines(corpus, 'page2', pages[2].text), [3, 4, 5, 6, 7, 8, 9, 10, 11]);
    annotate(corpus, 'page0', pages[0]);
    annotate(corpus, 'page1', pages[1]);
    assert.deepEqual(bodyLines(corpus, 'page2', pages[2].text), [3, 4, 5, 6, 7, 8]);
    assert.deepEqual(bodyLines(corpus, 'page3', pages[3].text), [3, 4, 5, 6, 7, 8]);
    const box = detectLines(pages[2].text, corpus, stopwords, { documentId: 'page2' })[9];
    assert.match(box.reasons[0], /^boilerplate by what 2 annotated pages of this site taught \(the rules alone: inside the main block\)$/);
  });

  it('the hand-set decision stands with no annotated page or one, and again once the tags are gone', () => {
    const { corpus, pages } = siteCorpus();
    const before = detectLines(pages[2].text, corpus, stopwords, { documentId: 'page2' });
    annotate(corpus, 'page0', pages[0]);
    // one annotated page cannot be measured: only its exact lines are learned, as before
    const fresh = new CorpusModel();
    pages.forEach((page, i) => fresh.addDocument(`page${i}`, page.text));
    for (const lesson of lessonsOf(pages[0].text, { annotations: [], dismissed: [] })) assert.fail(`no tags, no lesson: ${lesson.kind}`);
    assert.deepEqual(labels(corpus, 'page2', pages[2].text), before.map((d) => `${d.line}:${d.label}`));
    annotate(corpus, 'page1', pages[1]);
    assert.notDeepEqual(labels(corpus, 'page2', pages[2].text), before.map((d) => `${d.line}:${d.label}`));
    corpus.forgetBodyPage('page0');
    corpus.forgetBodyPage('page1');
    assert.deepEqual(
      detectLines(pages[2].text, corpus, stopwords, { documentId: 'page2' }).map((d) => [d.line, d.label, d.score]),
      detectLines(pages[2].text, corpus, stopwords, { documentId: 'page2', bodyLearner: false }).map((d) => [d.line, d.label, d.score]),
    );
    // and without any lesson at all, exactly today's decisions, reasons and scores
    assert.deepEqual(detectLines(pages[2].text, fresh, stopwords, { documentId: 'page2' }), detectLines(pages[2].text, fresh, stopwords, { documentId: 'page2', bodyLearner: false }));
    assert.deepEqual(detectLines(pages[2].text, fresh, stopwords, { documentId: 'page2' }), before);
  });

  it('reports what each site measured: nothing with one annotated page, then the site, its pages and its errors', () => {
    const { corpus, pages } = siteCorpus();
    annotate(corpus, 'page0', pages[0]);
    assert.deepEqual(bodyLearningReport(corpus, stopwords).sites, []);
    annotate(corpus, 'page1', pages[1]);
    const [site, ...others] = bodyLearningReport(corpus, stopwords).sites;
    assert.deepEqual(others, []);
    assert.deepEqual(site.pages, ['page0', 'page1']);
    assert.equal(site.active, true);
    assert.ok(site.errors !== undefined && site.handErrors !== undefined && site.errors < site.handErrors, JSON.stringify(site));
  });

  it('a page of another site is left alone', () => {
    const { corpus, pages } = siteCorpus();
    const other =
      'Harbour Weekly\nNews | Events | Contact\nThe ferry timetable changes on Monday, the operator said in a statement on its website this morning.\n' +
      'Passengers travelling to the islands will have two more departures each day during the summer months, and fewer in the winter.\n' +
      'Our reporter Anna Holm has covered the islands for the paper since 2012 and lives on the largest of them with her family.\n';
    corpus.addDocument('other', other);
    const before = detectLines(other, corpus, stopwords, { documentId: 'other' });
    annotate(corpus, 'page0', pages[0]);
    annotate(corpus, 'page1', pages[1]);
    assert.deepEqual(detectLines(other, corpus, stopwords, { documentId: 'other' }), before);
  });

  it('what was learned travels with the corpus statistics (the command line sends them to its workers)', () => {
    const { corpus, pages } = siteCorpus();
    annotate(corpus, 'page0', pages[0]);
    annotate(corpus, 'page1', pages[1]);
    const copy = CorpusModel.fromJSON(JSON.parse(JSON.stringify(corpus.toJSON())));
    assert.deepEqual(detectLines(pages[2].text, copy, stopwords, { documentId: 'page2' }), detectLines(pages[2].text, corpus, stopwords, { documentId: 'page2' }));
    assert.deepEqual(bodyLines(copy, 'page2', pages[2].text), [3, 4, 5, 6, 7, 8]);
  });

  it('a run of lines longer than any the model changed on its annotated pages keeps the rules\' decision', () => {
    // two annotated pages teach that two links to related stories inside the article, and the reporter box
    // after it, are not body; the third page has a numbered list inside its article, which the rules keep
    const related = (topics: string[]) => topics.map((topic) => `More on this: ${topic}`);
    const pages = [
      sitePage(0, SITES[0], related(['Council budget vote delayed again', 'Mayor names a new harbour chief'])),
      sitePage(1, SITES[0], related(['Ferry operator cuts winter timetable', 'Rail workers vote on a new pay offer'])),
      sitePage(2, SITES[0], [
        'The members of the new review panel:',
        ...['Anna Berg (University of Oslo)', 'Karl Idris (Port Authority)', 'Lena Marsh (Chamber of Commerce)', 'Omar Haddad (Transport Union)', 'Rita Novak (City Planning Office)', 'Sven Dahl (Harbour Residents Association)', 'Tara Quinn (Regional Audit Office)', 'Uwe Lang (Rail Freight Group)'].map((member, k) => `${k + 1}. ${member}`),
      ]),
    ];
    for (const page of pages.slice(0, 2)) for (const line of [6, 7]) page.body.delete(line);
    const corpus = new CorpusModel();
    pages.forEach((page, i) => corpus.addDocument(`page${i}`, page.text));
    const article = [3, 4, 5, ...Array.from({ length: 9 }, (_, k) => 6 + k), 15, 16, 17];
    const box = [18, 19, 20];
    assert.deepEqual(bodyLines(corpus, 'page2', pages[2].text), [...article, ...box]);
    annotate(corpus, 'page0', pages[0]);
    annotate(corpus, 'page1', pages[1]);
    // the box goes, as on the annotated pages; the list of eight members stays
    const decisions = detectLines(pages[2].text, corpus, stopwords, { documentId: 'page2' });
    assert.deepEqual(decisions.filter((d) => d.label === 'body').map((d) => d.line), article);
    assert.match(decisions[18].reasons[0], /^boilerplate by what 2 annotated pages of this site taught/);
    assert.match(decisions[8].reasons[0], /^inside the main block; kept: what 2 annotated pages of this site taught would change 8 lines in a row here/);
  });

  it('a site with one annotated page follows a model of it only when other sites showed one page teaching the next', () => {
    const corpus = new CorpusModel();
    const pages = SITES.map((site) => PEOPLE.map((_, i) => sitePage(i, site)));
    pages.forEach((site, s) => site.forEach((page, i) => corpus.addDocument(`site${s}-page${i}`, page.text)));
    const third = pages[2][1];
    const handSet = bodyLines(corpus, 'site2-page1', third.text);
    // the reporter box reads as prose: the rules take it for body
    for (const line of [4, 5, 6, 7, 8, 9, 10, 11]) assert.ok(handSet.includes(line), `line ${line} is body by the rules`);
    annotate(corpus, 'site2-page0', pages[2][0]);
    annotate(corpus, 'site0-page0', pages[0][0]);
    annotate(corpus, 'site0-page1', pages[0][1]);
    // one site where one page taught the next is not enough to trust a single page elsewhere
    const untaught = detectLines(third.text, corpus, stopwords, { documentId: 'site2-page1' });
    for (const line of [9, 10, 11]) assert.equal(untaught[line].label, 'body', `line ${line} of the box is left to the rules`);
    assert.ok(untaught.every((d) => !d.reasons.some((reason) => reason.includes('annotated page'))));
    annotate(corpus, 'site1-page0', pages[1][0]);
    annotate(corpus, 'site1-page1', pages[1][1]);
    // two such sites are: the box follows the one annotated page of its site, the article stays
    const taught = detectLines(third.text, corpus, stopwords, { documentId: 'site2-page1' });
    for (const line of [4, 5, 6, 7, 8]) assert.equal(taught[line].label, 'body', `line ${line} stays body`);
    for (const line of [10, 11]) {
      assert.equal(taught[line].label, 'boilerplate', `line ${line} of the box is boilerplate`);
      assert.match(taught[line].reasons[0], /^boilerplate by what 1 annotated pages of this site taught/);
    }
  });

  it('the memory of body tags is measured on done pages, each page without its own tags, where it would carry them', () => {
    const corpus = new CorpusModel();
    // every page has the line "Advertisement" (line 1) between its headline and its article
    const topics = ['', 'the harbour', 'the new bridge', 'the school year', 'the river'];
    const page = (n: number): string => `News about ${topics[n]}\nAdvertisement\nThe article about ${topics[n]} goes on for a while.\n`;
    const annotate = (id: string, n: number, tagsAdvertisement: boolean): void => {
      const text = page(n);
      const lines: [number, 'body'][] = tagsAdvertisement ? [[1, 'body'], [2, 'body']] : [[2, 'body']];
      for (const [line] of lines) corpus.learnLine(text.split('\n')[line], 'body');
      corpus.learnBodyPage(id, { text, lines, done: true });
    };
    annotate('a', 1, true);
    annotate('b', 2, true);
    annotate('c', 3, false);
    // on c the two tags elsewhere would carry it as body, wrongly; on a and b one tag elsewhere is matched
    // by c leaving it untagged, so nothing is carried there
    assert.deepEqual(bodyLearningReport(corpus, stopwords).memory, { right: 0, wrong: 1 });
    annotate('d', 4, true);
    // now a, b and d each see two tags elsewhere against one page leaving it untagged: carried, and right
    assert.deepEqual(bodyLearningReport(corpus, stopwords).memory, { right: 3, wrong: 1 });
    // a page not marked done is not measured
    corpus.learnBodyPage('d', { text: page(4), lines: [[1, 'body'], [2, 'body']], done: false });
    assert.deepEqual(bodyLearningReport(corpus, stopwords).memory, { right: 2, wrong: 1 });
    // outside the article a tag on one other page is not carried (detect.test.ts), so it is not measured:
    // the article tags its headline, the done listing page shows it as a link and leaves it untagged
    const once = new CorpusModel();
    const [article, listing] = headlineAndListing();
    once.addDocument('article', article);
    once.addDocument('listing', listing);
    const articleLines = article.split('\n');
    for (const line of [1, 2, 3, 4]) once.learnLine(articleLines[line], 'body');
    once.learnBodyPage('article', { text: article, lines: [[1, 'body'], [2, 'body'], [3, 'body'], [4, 'body']], done: true });
    const listingLines = listing.split('\n');
    for (const line of [1, 2, 3]) once.learnLine(listingLines[line], 'body');
    once.learnBodyPage('listing', { text: listing, lines: [[1, 'body'], [2, 'body'], [3, 'body']], done: true });
    assert.deepEqual(bodyLearningReport(once, stopwords).memory, { right: 0, wrong: 0 });
  });
});
