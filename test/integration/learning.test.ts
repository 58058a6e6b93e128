// Suggestions that learn from the annotator, in the real editor: an accepted name is suggested at its other
// occurrences with a score (a wrong short form is not), the Suggestion quality view counts the decisions,
// and newsmark.suggestions.minScore hides suggestions under a score.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { learningDocument } from '../../src/core/detect/analyse';
import { CorpusModel } from '../../src/core/detect/corpus';
import { LearnedEntities } from '../../src/core/detect/learned';
import { SpanLearner } from '../../src/core/learn/learner';
import { parseSidecar } from '../../src/core/sidecar/codec';
import { loadLexiconsFromDisk } from '../../src/node/lexicons';
import type { QualityNode } from '../../src/editor/views';
import { namesAndCommonWords } from '../unit/learn/pages';
import { api, cli, corpusUri, eventually, readFile, writeFile } from './helpers';

const FIRST = 'learning/first.txt';
const SECOND = 'learning/second.txt';
const THIRD = 'learning/third.txt';
const FOURTH = 'learning/fourth.txt';
const FIFTH = 'learning/fifth.txt';

const PAGES: Record<string, string> = {
  [FIRST]: 'Hội thảo nông nghiệp\n\nÔng Trần Văn Khải cho biết vụ lúa năm nay được mùa. Chị Bình, một nông dân trong xã, đồng ý với ông.\n',
  [SECOND]: 'Mùa gặt\n\nHôm qua Trần Văn Khải lại đến thăm cánh đồng ở tỉnh Ninh Bình cùng các cán bộ khuyến nông.\n',
  [FOURTH]: 'Bóng đá phong trào\n\nSáng nay đội Sấm Sét thắng trận mở màn.\n\nHuấn luyện viên nói đội Sấm Sét còn nhiều việc phải làm.\n',
  [FIFTH]: 'Họp dân\n\nÔng Nguyễn Văn Bảy, bà Trần Thị Tư và anh Hùng cùng đại diện Hội Nông dân xã dự họp ngày 3/4. Theo Reuters, Liên Hợp Quốc hoan nghênh.\n',
  [THIRD]: 'Tin vắn\n\nBà Lê Thị Hạnh và ông Phạm Quốc Dũng dự lễ khánh thành cây cầu mới ở Đông Hà.\n',
};

async function open(name: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(corpusUri(name)), { preview: false });
}

async function qualityNodes(): Promise<QualityNode[]> {
  return (await api()).views.quality.getChildren();
}

async function totals(): Promise<{ accepted: number; dismissed: number; corrected: number }> {
  const total = (await qualityNodes()).find((n) => n.kind === 'total');
  return total?.kind === 'total' ? total.tally : { accepted: 0, dismissed: 0, corrected: 0 };
}

suite('suggestions that learn from the annotator', () => {
  suiteSetup(async () => {
    for (const [name, text] of Object.entries(PAGES)) await writeFile(corpusUri(name), text);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('newsmark').update('suggestions.minScore', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.getConfiguration('newsmark').update('suggestions.leastCertainFirst', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(corpusUri('learning'), { recursive: true }).then(undefined, () => undefined);
  });

  test('an accepted name is suggested on another page with a score; an accepted given name is not suggested inside a place name', async () => {
    const nm = await api();
    const first = await open(FIRST);
    await nm.settle();
    const view = (await nm.view(first.document.uri))!;
    const text = first.document.getText();
    const khai = view.suggestions.find((s) => s.text === 'Trần Văn Khải');
    const binh = view.suggestions.find((s) => s.text === 'Bình');
    assert.ok(khai && binh, view.suggestions.map((s) => s.text).join(', '));
    for (const s of [khai, binh]) await vscode.commands.executeCommand('newsmark.acceptSuggestion', { uri: first.document.uri.toString(), start: s.start, end: s.end, label: 'actor' });
    await nm.settle();
    // the tags record the suggestion they were accepted from
    const saved = await eventually(async () => {
      const sidecar = await readFile(corpusUri(`${FIRST}.ann.yaml`));
      const data = sidecar === undefined ? undefined : parseSidecar(sidecar).data;
      return data && data.annotations.length === 2 ? data : undefined;
    }, 10_000, 'the accepted tags in the sidecar');
    for (const tag of saved.annotations) {
      assert.equal(tag.suggested?.source, 'rules', JSON.stringify(tag));
      assert.equal(typeof tag.suggested?.score, 'number');
    }
    assert.equal(text.slice(khai.start, khai.end), 'Trần Văn Khải');

    const second = await open(SECOND);
    await nm.settle();
    const suggestions = await eventually(async () => {
      const found = (await nm.view(second.document.uri))?.suggestions;
      return found?.some((s) => s.text === 'Trần Văn Khải' && s.reasons.some((r) => r.startsWith('accepted'))) ? found : undefined;
    }, 10_000, 'the accepted name suggested on the second page');
    const propagated = suggestions.find((s) => s.text === 'Trần Văn Khải')!;
    assert.ok(propagated.score > 0.5 && propagated.score < 1, `score ${propagated.score}`);
    const place = second.document.getText().indexOf('Ninh Bình');
    assert.ok(!suggestions.some((s) => s.text === 'Bình' && s.start === place + 'Ninh '.length), 'the given name is not suggested inside "Ninh Bình"');
    // the hover tells the score
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', second.document.uri, second.document.positionAt(propagated.start + 1));
    const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(hoverText, /Score: \d+%/);
    assert.match(hoverText, /accepted 1 time elsewhere/);
  });

  test('a tag teaches at once: its other occurrence on the open page is suggested within a second, without an edit; undo forgets it, redo teaches it again', async () => {
    const nm = await api();
    const editor = await open(FOURTH);
    await nm.settle();
    const text = editor.document.getText();
    const second = text.indexOf('đội Sấm Sét', text.indexOf('đội Sấm Sét') + 1);
    const before = (await nm.view(editor.document.uri))!.suggestions;
    assert.ok(!before.some((s) => s.start === second), 'not suggested before anything was taught');
    const at = text.indexOf('đội Sấm Sét');
    editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + 'đội Sấm Sét'.length));
    await vscode.commands.executeCommand('newsmark.tagActor');
    const version = editor.document.version;
    const found = await eventually(async () => {
      const view = await nm.view(editor.document.uri);
      return view?.suggestions.find((s) => s.start === second && s.reasons.some((r) => r.startsWith('accepted')));
    }, 10_000, 'the other occurrence suggested');
    assert.equal(editor.document.version, version, 'the page was not edited');
    assert.equal(found.text, 'đội Sấm Sét');
    const taught = async () => (await nm.view(editor.document.uri))?.suggestions.some((s) => s.start === second && s.reasons.some((r) => r.startsWith('accepted')));
    await vscode.commands.executeCommand('newsmark.undo');
    await eventually(async () => !(await taught()), 10_000, 'the other occurrence no longer suggested after undo');
    await vscode.commands.executeCommand('newsmark.redo');
    await eventually(taught, 10_000, 'the other occurrence suggested again after redo');
  });

  test("a sidecar written on disk for a page that is not open teaches at once (a teammate's tags pulled with git), and its deletion forgets", async () => {
    const nm = await api();
    const pulled = 'learning/pulled.txt';
    const pulledText = 'Tin đồng áng\n\nHôm qua nhóm Cánh Diều Xanh góp lúa cho bà con.\n';
    await writeFile(corpusUri(pulled), pulledText);
    await writeFile(corpusUri('learning/shown.txt'), 'Góp lúa cứu đói\n\nSáng nay nhóm Cánh Diều Xanh lại góp lúa cho các gia đình khó khăn trong xã.\n\nNgười dân cảm ơn các thành viên của nhóm vì sự giúp đỡ kịp thời.\n');
    const editor = await open('learning/shown.txt');
    await nm.settle();
    const at = editor.document.getText().indexOf('nhóm Cánh Diều Xanh');
    const taught = async () => (await nm.view(editor.document.uri))?.suggestions.some((s) => s.start === at && s.reasons.some((r) => r.startsWith('accepted')));
    assert.ok(!(await taught()), 'not suggested as accepted before anything was taught');
    const start = pulledText.indexOf('nhóm Cánh Diều Xanh');
    const sidecar = corpusUri(`${pulled}.ann.yaml`);
    await writeFile(sidecar, [
      'newsmark: 1', 'document: pulled.txt', 'status: todo', 'annotations:',
      '  - id: t1', '    label: actor', `    start: ${start}`, `    end: ${start + 'nhóm Cánh Diều Xanh'.length}`, '    text: nhóm Cánh Diều Xanh', '    source: manual',
      'dismissed: []', '',
    ].join('\n'));
    await eventually(taught, 10_000, 'the name from the pulled sidecar suggested on the open page');
    await vscode.workspace.fs.delete(sidecar);
    await eventually(async () => !(await taught()), 10_000, 'the name no longer suggested once that sidecar is deleted');
  });

  test('an accepted name that pages marked done leave untagged stops being suggested elsewhere, and comes back when those pages are no longer done', async () => {
    const nm = await api();
    const name = 'Sông Ngọc Lam';
    const tagged = 'learning/untagged-source.txt';
    const taggedText = `Tin làng\n\nHôm qua đoàn ${name} biểu diễn ở nhà văn hóa xã.\n`;
    const plain = ['learning/untagged-1.txt', 'learning/untagged-2.txt', 'learning/untagged-3.txt'];
    const plainText = (k: number): string => `Ghi chép ${k}\n\nNước ${name} mùa này trong xanh, thuyền đánh cá về bến lúc chiều.\n`;
    const sidecar = (file: string, status: string, annotations: string[]): string => [
      'newsmark: 1', `document: ${file.split('/').pop()}`, `status: ${status}`, ...(annotations.length > 0 ? ['annotations:', ...annotations] : ['annotations: []']), 'dismissed: []', '',
    ].join('\n');
    await writeFile(corpusUri(tagged), taggedText);
    for (const [k, file] of plain.entries()) await writeFile(corpusUri(file), plainText(k + 1));
    await writeFile(corpusUri('learning/untagged-shown.txt'), `Hội diễn\n\nTối nay đoàn ${name} lại biểu diễn cho bà con trong huyện.\n`);
    const editor = await open('learning/untagged-shown.txt');
    await nm.settle();
    const at = editor.document.getText().indexOf(name);
    const suggested = async () => (await nm.view(editor.document.uri))?.suggestions.some((s) => s.start === at && s.reasons.some((r) => r.startsWith('accepted')));
    const start = taggedText.indexOf(name);
    await writeFile(corpusUri(`${tagged}.ann.yaml`), sidecar(tagged, 'done', [
      '  - id: t1', '    label: actor', `    start: ${start}`, `    end: ${start + name.length}`, `    text: ${name}`, '    source: manual',
    ]));
    await eventually(suggested, 10_000, 'the accepted name suggested on the open page');
    for (const file of plain) await writeFile(corpusUri(`${file}.ann.yaml`), sidecar(file, 'done', []));
    await eventually(async () => !(await suggested()), 10_000, 'the name no longer suggested once three done pages leave it untagged');
    for (const file of plain) await writeFile(corpusUri(`${file}.ann.yaml`), sidecar(file, 'in-progress', []));
    await eventually(suggested, 10_000, 'the name suggested again once those pages are no longer done');
  });

  test('the Suggestion quality view counts accepted and dismissed suggestions', async () => {
    const nm = await api();
    await nm.views.ready();
    const before = await totals();
    const third = await open(THIRD);
    await nm.settle();
    const view = (await nm.view(third.document.uri))!;
    const actors = view.suggestions.filter((s) => s.label === 'actor');
    assert.ok(actors.length >= 2, actors.map((s) => s.text).join(', '));
    const args = (s: (typeof actors)[number]) => ({ uri: third.document.uri.toString(), start: s.start, end: s.end, label: s.label });
    await vscode.commands.executeCommand('newsmark.acceptSuggestion', args(actors[0]));
    await vscode.commands.executeCommand('newsmark.dismissSuggestion', args(actors[1]));
    await nm.settle();
    const after = await eventually(async () => {
      const now = await totals();
      return now.accepted === before.accepted + 1 && now.dismissed === before.dismissed + 1 ? now : undefined;
    }, 10_000, 'the quality counts to include the new decisions');
    assert.equal(after.corrected, before.corrected);
    const nodes = await qualityNodes();
    const rules = nodes.find((n) => n.kind === 'source' && n.source === 'rules');
    assert.ok(rules, JSON.stringify(nodes));
    const item = nm.views.quality.getTreeItem(rules);
    assert.match(String(item.description), /\d+% precision · \d+ accepted · \d+ dismissed · \d+ corrected/);
    const perRule = await nm.views.quality.getChildren(rules);
    assert.ok(perRule.length > 0 && perRule.every((n) => n.kind === 'rule'), JSON.stringify(perRule));
  });

  test('newsmark.suggestions.minScore hides suggestions under the score, and 0 shows them again', async () => {
    const nm = await api();
    const second = await open(SECOND);
    await nm.settle();
    const all = (await nm.view(second.document.uri))!.suggestions.length;
    assert.ok(all > 0);
    const config = vscode.workspace.getConfiguration('newsmark');
    await config.update('suggestions.minScore', 0.99, vscode.ConfigurationTarget.Workspace);
    await eventually(async () => {
      await nm.settle();
      return (await nm.view(second.document.uri))!.suggestions.length < all;
    }, 10_000, 'suggestions under the score hidden');
    assert.equal(nm.decorations(second.document.uri)!['suggestion:actor']?.length ?? 0, (await nm.view(second.document.uri))!.suggestions.filter((s) => s.label === 'actor').length);
    await config.update('suggestions.minScore', 0, vscode.ConfigurationTarget.Workspace);
    await eventually(async () => {
      await nm.settle();
      return (await nm.view(second.document.uri))!.suggestions.length === all;
    }, 10_000, 'every suggestion shown again');
  });

  test('with newsmark.suggestions.leastCertainFirst, Next Suggestion visits the least certain suggestions first', async () => {
    const nm = await api();
    await vscode.workspace.getConfiguration('newsmark').update('suggestions.leastCertainFirst', true, vscode.ConfigurationTarget.Workspace);
    const editor = await open(FIFTH);
    await nm.settle();
    const shown = (await nm.view(editor.document.uri))!.suggestions;
    assert.ok(shown.length >= 2, shown.map((s) => s.text).join(', '));
    const doubt = (s: (typeof shown)[number]) => s.margin ?? Math.abs(s.score - 0.5);
    const expected = [...shown].sort((a, b) => doubt(a) - doubt(b) || a.start - b.start);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const first = await vscode.commands.executeCommand<{ start: number }>('newsmark.nextSuggestion');
    assert.equal(first?.start, expected[0].start);
    assert.equal(editor.document.offsetAt(editor.selection.active), expected[0].start, 'the cursor is on the least certain suggestion');
    const second = await vscode.commands.executeCommand<{ start: number }>('newsmark.nextSuggestion');
    assert.equal(second?.start, expected[1].start);
  });
});

suite('the span learner in the editor', () => {
  const TEACH_A = 'learning/retrain-a.txt';
  const TEACH_B = 'learning/retrain-b.txt';
  const TARGET = 'learning/retrain-target.txt';
  const DISH = 'learning/dish.txt';
  const MODEL = 'learning/dish-model.json';
  const BROKEN = 'learning/broken-model.json';
  const pages: Record<string, string> = {
    [TEACH_A]: 'Lễ hội làng\n\nBà Đỗ Thị Mai và ông Hoàng Văn Nam dự lễ hội ở làng bên sông. Ông Hoàng Văn Nam nói lễ hội năm nay đông vui.\n',
    [TEACH_B]: 'Chợ phiên\n\nÔng Vũ Đức Thành và bà Lý Thị Hoa đi chợ phiên từ sáng sớm. Bà Lý Thị Hoa mua rau và cá.\n',
    [TARGET]: 'Hội nghị nông dân\n\nBà Tạ Thị Lan và ông Cao Văn Tuấn phát biểu tại hội nghị. Ông Cao Văn Tuấn đề nghị mở thêm lớp học nghề.\n',
    [DISH]: 'Ẩm thực\n\nTrưa nay bà Nguyễn Thị Sen nấu bún chả cá cho cả nhà ở Hải Phòng.\n',
  };

  suiteSetup(async () => {
    for (const [name, text] of Object.entries(pages)) await writeFile(corpusUri(name), text);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('newsmark').update('model', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(corpusUri('learning'), { recursive: true }).then(undefined, () => undefined);
  });

  test('marking pages done retrains the learner: suggestions on another open page are scored anew, without an edit or a reload', async () => {
    const nm = await api();
    const target = await open(TARGET);
    await nm.settle();
    const before = new Map((await nm.view(target.document.uri))!.suggestions.map((s) => [`${s.start}:${s.end}`, s.score]));
    assert.ok(before.size >= 2, `suggestions on the target page: ${before.size}`);
    const version = target.document.version;
    for (const name of [TEACH_A, TEACH_B]) {
      const editor = await open(name);
      await nm.settle();
      const actors = (await nm.view(editor.document.uri))!.suggestions.filter((s) => s.label === 'actor');
      assert.ok(actors.length >= 2, actors.map((s) => s.text).join(', '));
      const uri = editor.document.uri.toString();
      // the annotator keeps the names and dismisses anything else the rules suggested
      for (const s of actors) {
        const name = /^(Đỗ|Hoàng|Vũ|Lý)/.test(s.text);
        await vscode.commands.executeCommand(name ? 'newsmark.acceptSuggestion' : 'newsmark.dismissSuggestion', { uri, start: s.start, end: s.end, label: 'actor' });
      }
      await vscode.commands.executeCommand('newsmark.setStatus', { uri, status: 'done' });
    }
    await vscode.window.showTextDocument(target.document, { preview: false });
    const changed = await eventually(async () => {
      await nm.settle();
      const now = (await nm.view(target.document.uri))!.suggestions;
      return now.some((s) => before.get(`${s.start}:${s.end}`) !== s.score || s.rules?.includes('learned')) ? now : undefined;
    }, 15_000, 'a suggestion on the target page scored by what was learned');
    assert.equal(target.document.version, version, 'the target page was not edited');
    assert.ok(changed.length > 0);
    // the Suggestion quality view shows what the model in use measured on held-out done pages
    const model = await eventually(async () => (await qualityNodes()).find((n) => n.kind === 'model'), 15_000, 'the learned model in the Suggestion quality view');
    assert.ok(model.kind === 'model' && model.quality.done >= 2 && model.quality.folds >= 2, JSON.stringify(model));
    const labels = await nm.views.quality.getChildren(model);
    const actor = labels.find((n) => n.kind === 'modelLabel' && n.label === 'actor');
    assert.ok(actor, JSON.stringify(labels));
    const item = nm.views.quality.getTreeItem(actor);
    assert.match(String(item.description), /exact F1 \d+% learned, \d+% rules/);
    assert.match(String(item.description), /replaces the rules|the rules stay/);
    // and how sure the model's lead is, which decides whether it replaces the rules
    assert.match(String(item.tooltip), /In 9 of 10 redraws of those pages its exact F1 is at least [+-]?\d+\.\d points above the rules'/);
  });

  test('newsmark.model starts the learner from a model file; a damaged one is reported and the rules still suggest', async () => {
    const nm = await api();
    const root = vscode.extensions.getExtension('newsmark.newsmark')!.extensionPath;
    const lexicons = loadLexiconsFromDisk(root, []);
    const corpus = new CorpusModel();
    const sentences = [
      'Quán ven đường bán bún chả cá từ sáng tới trưa.',
      'Nhiều du khách thích ăn bún chả cá khi ghé thành phố biển.',
      'Bữa sáng của gia đình thường là bún chả cá nóng hổi.',
      'Mỗi tô bún chả cá có giá ba mươi nghìn đồng.',
      'Người bán hàng nói bún chả cá ngon nhất vào mùa đông.',
      'Chị ấy học nấu bún chả cá từ bà ngoại.',
    ];
    const records = sentences.map((text, i) => ({ id: `s${i}`, text, spans: [{ start: text.indexOf('bún chả cá'), end: text.indexOf('bún chả cá') + 'bún chả cá'.length, label: 'dish' }] }));
    for (const r of records) corpus.addDocument(r.id, r.text);
    const ctx = { corpus, stopwords: lexicons.stopwords, entities: lexicons.entities, learned: new LearnedEntities(), options: {} };
    const model = SpanLearner.empty().train(records.map((r) => ({ doc: learningDocument(r.text, ctx), tags: r.spans, done: true })), { folds: 0, labels: ['dish'] });
    await writeFile(corpusUri(MODEL), JSON.stringify(model.toJSON()));
    const editor = await open(DISH);
    await nm.settle();
    const start = editor.document.getText().indexOf('bún chả cá');
    assert.ok(!(await nm.view(editor.document.uri))!.suggestions.some((s) => s.label === 'dish'), 'no dish suggested before the model');
    const config = vscode.workspace.getConfiguration('newsmark');
    await config.update('model', MODEL, vscode.ConfigurationTarget.Workspace);
    const dish = await eventually(async () => {
      await nm.settle();
      return (await nm.view(editor.document.uri))!.suggestions.find((s) => s.label === 'dish');
    }, 15_000, 'the model\'s dish suggested');
    assert.equal(dish.start, start);
    assert.equal(dish.text, 'bún chả cá');
    assert.ok(dish.reasons.some((r) => r.startsWith('learned from')), dish.reasons.join('; '));

    await writeFile(corpusUri(BROKEN), '{"format": "newsmark-model", "version": 999}');
    await config.update('model', BROKEN, vscode.ConfigurationTarget.Workspace);
    const after = await eventually(async () => {
      await nm.settle();
      const now = (await nm.view(editor.document.uri))!.suggestions;
      return now.some((s) => s.label === 'dish') ? undefined : now;
    }, 15_000, 'the damaged model no longer used');
    assert.ok(after.some((s) => s.label === 'actor' && s.text === 'Nguyễn Thị Sen'), `the rules still suggest: ${after.map((s) => s.text).join(', ')}`);
  });
});

suite('the span learner reads how the corpus writes its words', () => {
  // names and capitalised common words only the corpus's other pages tell apart (test/unit/learn/pages.ts)
  const { training, unseen, usage } = namesAndCommonWords();
  const dir = 'profiled';

  suiteSetup(async () => {
    for (const [i, page] of training.entries()) {
      await writeFile(corpusUri(`${dir}/t${i}.txt`), page.text);
      const tags = page.spans.flatMap((span, k) => [`  - id: a${k}`, '    label: actor', `    start: ${span.start}`, `    end: ${span.end}`, `    text: ${page.text.slice(span.start, span.end)}`, '    source: manual']);
      await writeFile(corpusUri(`${dir}/t${i}.txt.ann.yaml`), ['newsmark: 1', `document: t${i}.txt`, 'status: done', 'annotations:', ...tags, ''].join('\n'));
    }
    for (const [i, page] of unseen.entries()) await writeFile(corpusUri(`${dir}/u${i}.txt`), page.text);
    for (let i = 0; i < usage.length; i += 3) await writeFile(corpusUri(`${dir}/w${i}.txt`), usage[i]);
    // the corpus pass reads the new pages (the training engine their words) and the done pages' tags
    await (await api()).rebuildCorpus();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(corpusUri(dir), { recursive: true }).then(undefined, () => undefined);
    await (await api()).rebuildCorpus();
  });

  test('a name the annotated pages never showed is suggested on a new page, its capitalised common neighbour is not, as newsmark detect suggests', async () => {
    const nm = await api();
    const page = unseen[0];
    const editor = await open(`${dir}/u0.txt`);
    const expected = page.spans.map((s) => page.text.slice(s.start, s.end));
    // the first model after the pages arrive may still be unmeasured (it keeps the rules' suggestions): wait
    // for the measured one, and fail with what was shown last if it never comes
    let shown: string[] = [];
    await eventually(async () => {
      await nm.settle();
      const found = (await nm.view(editor.document.uri))!.suggestions.filter((s) => s.label === 'actor');
      shown = found.map((s) => s.text);
      return found.some((s) => s.rules?.includes('learned')) && JSON.stringify(shown) === JSON.stringify(expected) ? found : undefined;
    }, 20_000, 'learned suggestions on the new page').catch(() => undefined);
    assert.deepEqual(shown, expected);
    // newsmark detect over the same workspace trains on the same sidecars and suggests the same
    const detected = cli('detect', '.', '--json', '--jobs', '1');
    assert.equal(detected.status, 0, detected.stderr);
    const record = detected.stdout.trim().split('\n').map((line) => JSON.parse(line) as { path: string; suggestions: { label: string; text: string }[] })
      .find((r) => r.path.endsWith(`${dir}/u0.txt`));
    assert.deepEqual(record?.suggestions.filter((s) => s.label === 'actor').map((s) => s.text), shown);
  });
});
