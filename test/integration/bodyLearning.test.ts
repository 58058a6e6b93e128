// Body detection that learns a site's template from the annotator, in the real editor: pages of one site
// whose rules take a box about the reporter (prose, different on every page) for article body; once the
// annotator has tagged the article on two pages and marked them done, the third page shows that box as
// boilerplate, as the annotator did, and the article as body; the Suggestion quality view says so.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, corpusUri, eventually, writeFile } from './helpers';

const STORIES = [
  { topic: 'library renovation', headline: 'Council approves a larger budget for the library renovation', reporter: ['Edwin Marsh', 'Millbrook', 'local government', 'he'] },
  { topic: 'new bus routes', headline: 'Residents ask for more evening services on the new bus routes', reporter: ['Priya Castell', 'Ashford Green', 'transport', 'she'] },
  { topic: 'flood defences', headline: 'Work on the river flood defences will start before the winter', reporter: ['Owen Talbot', 'Harrow Vale', 'the environment', 'he'] },
];

/** Lines of a page: the site's template, the headline and five paragraphs, the reporter box, the footer. */
const HEADLINE = 3;
const LAST_PARAGRAPH = 8;
const BOX = [9, 10, 11];

function page(story: (typeof STORIES)[number]): string {
  const [name, town, beat, pronoun] = story.reporter;
  const first = name.split(' ')[0];
  const { topic } = story;
  const lines = [
    'The Valley Ledger',
    'Home | Local | Region | Business | Sport | Weather | Letters',
    "Sign up for our evening newsletter to get the valley's stories in your inbox every weekday",
    story.headline,
    `Members of the council spent most of Thursday evening discussing the ${topic}, which has been debated in the town for more than two years.`,
    `Supporters said that the ${topic} would make daily life easier for many families, while critics worried about the cost and about the timetable.`,
    `A spokesperson for the council said that the money would come from reserves and that no other service would be cut to pay for the ${topic}.`,
    'Several residents who attended the meeting told the councillors that they had waited long enough and asked them to publish a clear plan.',
    'The council expects to share more details in the spring, after a public consultation that will be open to everyone living in the district.',
    `${name} covers ${beat} for the Ledger from ${town}, where ${pronoun} has lived with ${pronoun === 'he' ? 'his' : 'her'} family for many years.`,
    `Before joining the paper, ${first} worked for a regional radio station and wrote a book about the history of the valley's market towns.`,
    `Readers can send ${first} ideas, questions and corrections about ${beat} by writing to the newsroom at any time of the week.`,
    'Copyright The Valley Ledger. All rights reserved.',
  ];
  return `${lines.join('\n')}\n`;
}

const NAMES = ['site/first.txt', 'site/second.txt', 'site/third.txt'];

async function open(name: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(corpusUri(name)), { preview: false });
}

/** How each line of the page is drawn: 'body' (highlighted as suggested body), 'dimmed' (boilerplate) or ''. */
async function drawnLines(editor: vscode.TextEditor): Promise<string[]> {
  const nm = await api();
  await nm.settle();
  const drawn = nm.decorations(editor.document.uri) ?? {};
  const doc = editor.document;
  const covers = (kind: string, line: number) => {
    const { start, end } = { start: doc.offsetAt(doc.lineAt(line).range.start), end: doc.offsetAt(doc.lineAt(line).range.end) };
    return (drawn[kind] ?? []).some((r) => r.start <= start && end <= r.end);
  };
  const lines: string[] = [];
  for (let line = 0; line < doc.lineCount; line++) {
    if (doc.lineAt(line).isEmptyOrWhitespace) continue;
    lines[line] = covers('suggestion:body', line) ? 'body' : covers('boilerplate', line) ? 'dimmed' : '';
  }
  return lines;
}

suite('body detection learns the site from the annotator', () => {
  suiteSetup(async () => {
    for (const [i, name] of NAMES.entries()) await writeFile(corpusUri(name), page(STORIES[i]));
    await (await api()).rebuildCorpus();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(corpusUri('site'), { recursive: true }).then(undefined, () => undefined);
  });

  test('after the article is tagged on two pages of a site and they are done, the third page shows the reporter box as boilerplate', async () => {
    const nm = await api();
    const third = await open(NAMES[2]);
    const before = await drawnLines(third);
    // the rules take the box for body, like the article
    for (const line of [HEADLINE, LAST_PARAGRAPH, ...BOX]) assert.equal(before[line], 'body', `line ${line} before: ${JSON.stringify(before)}`);

    for (const name of NAMES.slice(0, 2)) {
      const editor = await open(name);
      await nm.settle();
      const doc = editor.document;
      // the annotator selects the headline and the paragraphs, tags them body, and marks the page done
      editor.selection = new vscode.Selection(doc.lineAt(HEADLINE).range.start, doc.lineAt(LAST_PARAGRAPH).range.end);
      const tagged = await vscode.commands.executeCommand<unknown[]>('newsmark.tagBody');
      assert.equal(tagged.length, 1);
      assert.equal(await vscode.commands.executeCommand('newsmark.setStatus', { status: 'done' }), true);
    }

    const shown = await open(NAMES[2]);
    const after = await eventually(async () => {
      const lines = await drawnLines(shown);
      return BOX.every((line) => lines[line] === 'dimmed') ? lines : undefined;
    }, 15_000, 'the reporter box dimmed on the third page');
    for (let line = HEADLINE; line <= LAST_PARAGRAPH; line++) assert.equal(after[line], 'body', `line ${line} after: ${JSON.stringify(after)}`);
    // the template stays dimmed, and a box line's reasons say where its decision came from
    for (const line of [0, 1, 2, 12]) assert.equal(after[line], 'dimmed', `line ${line} after: ${JSON.stringify(after)}`);
    const boxLine = (await nm.view(third.document.uri))!.boilerplateLines.find((l) => l.line === BOX[0]);
    assert.match(boxLine?.reasons[0] ?? '', /^boilerplate by what 2 annotated pages of this site taught/);

    // the Suggestion quality view says the site follows its annotated pages, with what that measured
    const body = await eventually(async () => (await nm.views.quality.getChildren()).find((n) => n.kind === 'body'), 10_000, 'body lines in the Suggestion quality view');
    assert.ok(body.kind === 'body');
    // (other suites may have left pages with body tags of other sites in the corpus)
    const followed = body.sites.filter((s) => s.active).length;
    assert.ok(followed >= 1);
    assert.equal(String(nm.views.quality.getTreeItem(body).description), `${followed} of ${body.sites.length} sites follow their annotated pages`);
    const site = (await nm.views.quality.getChildren(body)).find((n) => n.kind === 'bodySite' && n.site.pages.some((id) => id.endsWith(NAMES[0])));
    assert.ok(site?.kind === 'bodySite' && site.site.active, JSON.stringify(body.sites));
    assert.deepEqual(site.site.pages.map((id) => NAMES.find((name) => id.endsWith(name))), NAMES.slice(0, 2));
    assert.ok((site.site.errors ?? Infinity) < (site.site.handErrors ?? 0), JSON.stringify(site));
    assert.match(String(nm.views.quality.getTreeItem(site).description), /^followed: \d+ line errors on held-out pages, the rules \d+$/);
    // the two paragraphs every page of the site has were tagged on both pages: carried, and right
    const memory = (await nm.views.quality.getChildren(body)).find((n) => n.kind === 'bodyMemory');
    assert.ok(memory?.kind === 'bodyMemory' && memory.memory.right >= 2, JSON.stringify(memory));
    assert.match(String(nm.views.quality.getTreeItem(memory).description), /right on pages marked done \(\d+ of \d+\)$/);
  });
});
