// The command-line tool reads the workspace's `.vscode/settings.json` as the editor does: a mirrored sidecar
// folder (`newsmark.sidecars.folder`), the corpus globs, labels and lexicons, with flags to override. Before,
// `newsmark export` of a workspace with mirrored sidecars wrote its pages without their tags.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCli, cli, files, page, record, removeCli, scratch } from '../cliRun';

before(buildCli);
after(removeCli);

const SETTINGS = [
  '// Workspace settings, as VS Code writes them',
  '{',
  '  /* the tags live in a folder of their own */',
  '  "newsmark.sidecars.folder": ".newsmark/tags", // mirrored',
  '  "editor.wordWrap": "on",',
  '}',
  '',
].join('\n');

const TEXT = page('a');

function tag(id: string, label: string, text: string): string {
  const start = TEXT.indexOf(text);
  assert.ok(start >= 0, text);
  return [`  - id: ${id}`, `    label: ${label}`, `    start: ${start}`, `    end: ${start + text.length}`, `    text: ${JSON.stringify(text)}`, '    source: manual'].join('\n');
}

function sidecar(document: string): string {
  return ['newsmark: 1', `document: ${document}`, 'status: done', 'annotations:',
    tag('t1', 'actor', 'Barack Obama'), tag('t2', 'actor', 'Nguyen Van An'), tag('t3', 'date', '22/3/2021'), 'dismissed: []', ''].join('\n');
}

const MIRRORED = '.newsmark/tags/corpus/a/story.txt.ann.yaml';

/** The workspace of the issue: commented settings, a mirrored sidecar naming its page by file name. */
function workspace(extra: Record<string, string> = {}, document = 'story.txt'): string {
  const w = scratch('ws');
  files(w, { '.vscode/settings.json': SETTINGS, 'corpus/a/story.txt': TEXT, 'corpus/b/other.txt': page('b'), [MIRRORED]: sidecar(document), ...extra });
  return w;
}

interface JsonlRecord {
  spans: { start: number; end: number; label: string; text: string }[];
  meta: { document: string };
}

function exported(out: string): JsonlRecord[] {
  return fs.readFileSync(path.join(out, 'corpus.jsonl'), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as JsonlRecord);
}

function spansOf(records: JsonlRecord[], document: string): string[] {
  return (records.find((r) => r.meta.document === document)?.spans ?? []).map((s) => `${s.label} ${s.text}`).sort();
}

const ALL_TAGS = ['actor Barack Obama', 'actor Nguyen Van An', 'date 22/3/2021'];

/** Every sidecar under the workspace, by relative path. */
function sidecars(w: string): string[] {
  return (fs.readdirSync(w, { recursive: true }) as string[]).filter((f) => f.endsWith('.ann.yaml')).map((f) => f.split(path.sep).join('/')).sort();
}

describe('the command line reads the workspace settings', () => {
  it('exports the pages of a mirrored sidecar folder with all their tags, lists them in stats and writes nothing beside the pages', () => {
    const w = workspace();
    const out = path.join(w, '..', `${path.basename(w)}-out`);
    const r = cli(w, 'export', '.', '--format', 'jsonl', '--out', out);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /tags: actor 2, date 1/);
    assert.match(r.stdout, /^sidecars read from the sidecar folder \.newsmark\/tags$/m);
    const records = exported(out);
    assert.deepEqual(records.map((x) => x.meta.document).sort(), ['corpus/a/story.txt', 'corpus/b/other.txt']);
    assert.deepEqual(spansOf(records, 'corpus/a/story.txt'), ALL_TAGS);

    const stats = cli(w, 'stats', '.', '--json');
    assert.equal(stats.status, 0, stats.stderr);
    const s = JSON.parse(stats.stdout) as { documents: number; withSidecar: number; status: Record<string, number>; tags: { total: number } };
    assert.deepEqual({ documents: s.documents, withSidecar: s.withSidecar, done: s.status.done, tags: s.tags.total }, { documents: 2, withSidecar: 1, done: 1, tags: 3 });
    assert.deepEqual(sidecars(w), [MIRRORED]);
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('also from inside a subfolder, and with the old-rule document field', () => {
    const w = workspace({}, '../../../../corpus/a/story.txt');
    const out = path.join(w, '..', `${path.basename(w)}-out`);
    const r = cli(path.join(w, 'corpus'), 'export', '.', '--format', 'jsonl', '--out', out);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(spansOf(exported(out), 'a/story.txt'), ALL_TAGS);
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('imports into the mirrored folder, rewriting an old-rule document field by the new rule', () => {
    const w = workspace({}, '../../../../corpus/a/story.txt');
    const other = page('b');
    const start = other.indexOf('Barack Obama');
    const source = path.join(w, '..', `${path.basename(w)}-import.jsonl`);
    fs.writeFileSync(source, `${record(other, 'corpus/b/other.txt', [[start, start + 12, 'actor']])}\n${record(TEXT, 'corpus/a/story.txt', [[TEXT.indexOf('Hanoi'), TEXT.indexOf('Hanoi') + 5, 'place']])}\n`);
    const r = cli(w, 'import', source, '--into', '.');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /2 tags added/);
    assert.deepEqual(sidecars(w), ['.newsmark/tags/corpus/a/story.txt.ann.yaml', '.newsmark/tags/corpus/b/other.txt.ann.yaml']);
    assert.match(fs.readFileSync(path.join(w, '.newsmark/tags/corpus/b/other.txt.ann.yaml'), 'utf8'), /^document: other\.txt$/m);
    const rewritten = fs.readFileSync(path.join(w, MIRRORED), 'utf8');
    assert.match(rewritten, /^document: story\.txt$/m);
    assert.equal((rewritten.match(/- id:/g) ?? []).length, 4, 'the three tags kept and the imported one added');
    fs.rmSync(source, { force: true });
  });

  it('evaluates against and learns from the mirrored sidecars (eval --gold, detect)', () => {
    const w = workspace();
    const evaluated = cli(w, 'eval', '--gold', '.', '--json');
    assert.equal(evaluated.status, 0, evaluated.stderr);
    const report = JSON.parse(evaluated.stdout) as { documents: number; spans: Record<string, { exact: { truePositives: number; falseNegatives: number } }> };
    assert.equal(report.documents, 1, 'the one page with a sidecar is the gold');
    const actor = report.spans.actor.exact;
    assert.equal(actor.truePositives + actor.falseNegatives, 2, 'both gold actors are counted');
    const detected = cli(w, 'detect', '.', '--json', '--jobs', '1');
    assert.equal(detected.status, 0, detected.stderr);
    assert.deepEqual(sidecars(w), [MIRRORED]);
  });

  it('flags override the settings: --sidecars DIR, --sidecars= (beside the pages), --no-settings', () => {
    const w = workspace({ 'corpus/a/story.txt.ann.yaml': sidecar('story.txt').replace(/ {2}- id: t2[\s\S]*?(?=dismissed)/, '') });
    const tagsOf = (...flags: string[]): number => {
      const r = cli(w, 'stats', '.', '--json', ...flags);
      assert.equal(r.status, 0, r.stderr);
      return (JSON.parse(r.stdout) as { tags: { total: number } }).tags.total;
    };
    assert.equal(tagsOf(), 3);
    assert.equal(tagsOf('--sidecars='), 1);
    assert.equal(tagsOf('--no-settings'), 1);
    fs.renameSync(path.join(w, '.newsmark/tags'), path.join(w, 'moved'));
    assert.equal(tagsOf('--sidecars', 'moved'), 3, 'a mirrored tree moved whole still names its pages');
  });

  it('warns about a sidecar left beside its page while the settings keep sidecars in a folder', () => {
    const w = workspace({ 'corpus/b/other.txt.ann.yaml': sidecar('other.txt') });
    const r = cli(w, 'stats', '.', '--json');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /corpus\/b\/other\.txt\.ann\.yaml:1:1: warning: not read: .*\.newsmark\/tags\/corpus\/b\/other\.txt\.ann\.yaml; move it there, or run with --sidecars=/);
    assert.equal((JSON.parse(r.stdout) as { withSidecar: number }).withSidecar, 1);
  });

  it('a broken settings file stops the command with its line, and nothing is written', () => {
    const w = workspace({ '.vscode/settings.json': '{\n  // the folder\n  "newsmark.sidecars.folder": ".newsmark/tags"\n  "newsmark.corpus": ["**/*.txt"]\n}\n' });
    const out = path.join(w, '..', `${path.basename(w)}-out`);
    const r = cli(w, 'export', '.', '--format', 'jsonl', '--out', out);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /settings\.json:4:3: the workspace settings cannot be read: a "," is missing/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(fs.existsSync(out), false);
  });

  it('refuses a sidecar folder outside the workspace from the settings file', () => {
    for (const folder of ['../elsewhere', '/tmp/elsewhere']) {
      const w = workspace({ '.vscode/settings.json': `{ "newsmark.sidecars.folder": ${JSON.stringify(folder)} }` });
      const r = cli(w, 'stats', '.');
      assert.equal(r.status, 1);
      assert.match(r.stderr, /is not a folder inside the workspace/);
    }
  });

  it('honours newsmark.corpus, newsmark.labels and newsmark.lexicons', () => {
    const w = workspace({
      '.vscode/settings.json': '{\n  "newsmark.sidecars.folder": ".newsmark/tags",\n  "newsmark.corpus": ["corpus/a/*.txt"],\n  "newsmark.labels": [{ "id": "actor" }],\n  "newsmark.lexicons": ["no-such-lexicons"],\n}\n',
      'notes/readme.txt': 'Not a news page.\n',
    });
    const stats = cli(w, 'stats', '.', '--json');
    assert.equal((JSON.parse(stats.stdout) as { documents: number }).documents, 1, 'only corpus/a/*.txt');
    assert.match(stats.stderr, /story\.txt\.ann\.yaml:\d+:\d+: warning: Unknown label "date"/);
    const detected = cli(w, 'detect', '.', '--json', '--jobs', '1');
    assert.equal(detected.status, 1);
    assert.match(detected.stderr, /no-such-lexicons/);
    assert.equal(cli(w, 'detect', '.', '--json', '--jobs', '1', '--lexicons', '').status, 0, 'the flag overrides the setting');
  });
});
