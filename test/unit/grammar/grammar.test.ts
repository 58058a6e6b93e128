// Tokenizes fixture pages with the real TextMate engine (vscode-textmate + Oniguruma, as VS Code does) and
// checks which text gets which scope, so themes colour timestamps, bylines, headers and credits as intended.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const ROOT = path.resolve(__dirname, '../../..');
const GRAMMAR_FILE = path.join(ROOT, 'syntaxes/news-text.tmLanguage.json');
const FIXTURES = path.join(ROOT, 'test/fixtures/grammar');

/** Each fixture line mapped to its tokens; fixture files are tokenized top to bottom like an editor does. */
const tokensByLine = new Map<string, textmate.IToken[]>();

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = fs.readFileSync(path.join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === 'text.news' ? textmate.parseRawGrammar(fs.readFileSync(GRAMMAR_FILE, 'utf8'), GRAMMAR_FILE) : null,
  });
  const grammar = await registry.loadGrammar('text.news');
  assert.ok(grammar, 'grammar text.news loads');
  return grammar;
}

before(async () => {
  const grammar = await loadGrammar();
  for (const file of fs.readdirSync(FIXTURES).filter((name) => name.endsWith('.txt'))) {
    let state = textmate.INITIAL;
    for (const line of fs.readFileSync(path.join(FIXTURES, file), 'utf8').split(/\r?\n/)) {
      const result = grammar.tokenizeLine(line, state);
      state = result.ruleStack;
      tokensByLine.set(line, result.tokens);
    }
  }
});

/** The maximal runs of `line` whose scopes include one starting with `scopePrefix`. */
function scoped(line: string, scopePrefix: string): string[] {
  const tokens = tokensByLine.get(line);
  assert.ok(tokens, `fixture line not found: ${line}`);
  const runs: string[] = [];
  let current = '';
  for (const token of tokens) {
    const text = line.slice(token.startIndex, token.endIndex);
    if (token.scopes.some((scope) => scope === scopePrefix || scope.startsWith(scopePrefix + '.'))) {
      current += text;
    } else if (current) {
      runs.push(current);
      current = '';
    }
  }
  if (current) runs.push(current);
  return runs;
}

const DATELINE = 'comment.line.dateline';
const DATE = 'constant.numeric.date';
const TIME = 'constant.numeric.time';
const ZONE = 'constant.other.timezone';
const HEADER = 'markup.heading.section';
const AUTHOR = 'entity.name.type.author';
const BYLINE = 'meta.byline';
const SLUG = 'string.other.slug';
const LINK = 'markup.underline.link';
const CREDIT_LABEL = 'keyword.other.credit';
const CREDIT_TEXT = 'string.other.credit';

describe('grammar: Vietnamese page', () => {
  it('marks the page timestamp line as a dateline with its date, time and zone', () => {
    const line = '06:16 | 23/03/2021 GMT+7';
    assert.deepEqual(scoped(line, DATELINE), [line]);
    assert.deepEqual(scoped(line, TIME), ['06:16']);
    assert.deepEqual(scoped(line, DATE), ['23/03/2021']);
    assert.deepEqual(scoped(line, ZONE), ['GMT+7']);
  });

  it('colours a day/month date inside a sentence without making the sentence a dateline', () => {
    const line = 'Tuy nhiên, Bộ Ngoại giao Nga ngày 22/3 thông báo rằng phía Mỹ đã bác bỏ đề nghị của Tổng thống Putin.';
    assert.deepEqual(scoped(line, DATE), ['22/3']);
    assert.deepEqual(scoped(line, DATELINE), []);
    assert.deepEqual(scoped(line, HEADER), []);
  });

  it('takes the whole "22 tháng 3 năm 2021" as one date', () => {
    assert.deepEqual(scoped('Văn bản ký ngày 22 tháng 3 năm 2021 có hiệu lực ngay.', DATE), ['22 tháng 3 năm 2021']);
  });

  it('does not treat a sentence with a time in it as a timestamp line', () => {
    const line = 'Cuộc họp bắt đầu lúc 10:30 tại Hà Nội và kéo dài hai giờ.';
    assert.deepEqual(scoped(line, DATELINE), []);
    assert.deepEqual(scoped(line, TIME), ['10:30']);
  });

  it('reads caption credits after a sentence, in parentheses and alone on a line', () => {
    const caption = 'Tổng thống Mỹ Joe Biden và người đồng cấp Nga Vladimir Putin. Ảnh: Getty';
    assert.deepEqual(scoped(caption, CREDIT_LABEL), ['Ảnh']);
    assert.deepEqual(scoped(caption, CREDIT_TEXT), ['Getty']);
    const note = 'Ngày 29/11, Tổng thống Mỹ Donald Trump tuyên bố hủy cuộc gặp bên lề Hội nghị G20. (Nguồn: AFP)';
    assert.deepEqual(scoped(note, CREDIT_LABEL), ['Nguồn']);
    assert.deepEqual(scoped(note, CREDIT_TEXT), ['AFP']);
    assert.deepEqual(scoped(note, DATE), ['29/11']);
    assert.deepEqual(scoped('Nguồn:', CREDIT_LABEL), ['Nguồn']);
  });

  it('recognises a short name followed by a source mark as a byline', () => {
    assert.deepEqual(scoped('Tú Anh (TH)', AUTHOR), ['Tú Anh']);
    assert.deepEqual(scoped('Tú Anh (TH)', 'entity.name.tag.source'), ['(TH)']);
  });

  it('marks an upper-case line as a section header, but not a headline in sentence case', () => {
    assert.deepEqual(scoped('TIN BÀI LIÊN QUAN', HEADER), ['TIN BÀI LIÊN QUAN']);
    assert.deepEqual(scoped('Mỹ khước từ đề nghị đàm phán từ Nga sau khi công khai chỉ trích nhà lãnh đạo Putin', HEADER), []);
    assert.deepEqual(scoped('Trang chủ Quốc tế Nhịp sống', HEADER), []);
  });

  it('marks a lower-case ASCII title line as a URL slug, not a line with diacritics', () => {
    const slug = 'nga lay lam tiec vi doi thoai voi my giam chan tai cho';
    assert.deepEqual(scoped(slug, SLUG), [slug]);
    assert.deepEqual(scoped('Trang chủ Quốc tế Nhịp sống', SLUG), []);
  });

  it('leaves percentages and thousands alone', () => {
    const line = 'Giá xăng tăng 10.30% so với tháng trước, lên 1.234 đồng.';
    assert.deepEqual(scoped(line, TIME), []);
    assert.deepEqual(scoped(line, DATE), []);
  });
});

describe('grammar: English page', () => {
  it('marks "Updated …" and weekday datelines, with time, zone and named-month dates', () => {
    const updated = 'Updated 3:04 PM ET, Nov 18, 2019';
    assert.deepEqual(scoped(updated, DATELINE), [updated]);
    assert.deepEqual(scoped(updated, TIME), ['3:04 PM']);
    assert.deepEqual(scoped(updated, ZONE), ['ET']);
    assert.deepEqual(scoped(updated, DATE), ['Nov 18, 2019']);
    const weekday = 'Mon 18 Nov 2019 10.30 GMT';
    assert.deepEqual(scoped(weekday, DATELINE), [weekday]);
    assert.deepEqual(scoped(weekday, DATE), ['18 Nov 2019']);
    assert.deepEqual(scoped(weekday, TIME), ['10.30']);
  });

  it('recognises bylines, with a credit or a date after the name', () => {
    assert.deepEqual(scoped('By Jane Doe', AUTHOR), ['Jane Doe']);
    assert.deepEqual(scoped('By Jane Doe', 'keyword.other.byline'), ['By']);
    assert.deepEqual(scoped('By Troy L. Smith, Cleveland.com', AUTHOR), ['Troy L. Smith']);
    const dated = 'By Joseph Tsidulko November 19, 2019, 07:47 PM EST';
    assert.deepEqual(scoped(dated, AUTHOR), ['Joseph Tsidulko']);
    assert.deepEqual(scoped(dated, DATE), ['November 19, 2019']);
    assert.deepEqual(scoped(dated, TIME), ['07:47 PM']);
  });

  it('does not take sentences that start with "By" for bylines', () => {
    assert.deepEqual(scoped('By Monday, officials expect the talks to resume.', BYLINE), []);
    assert.deepEqual(scoped('By checking this box, I agree to the terms of service.', BYLINE), []);
  });

  it('separates upper-case section headers from title-case headlines', () => {
    assert.deepEqual(scoped('LATEST NEWS', HEADER), ['LATEST NEWS']);
    assert.deepEqual(scoped('Republicans Are Following Trump to Nowhere', HEADER), []);
  });

  it('does not read "COVID-19" as a date or the line as a header', () => {
    const line = 'COVID-19 cases rose sharply in the state.';
    assert.deepEqual(scoped(line, DATE), []);
    assert.deepEqual(scoped(line, HEADER), []);
  });

  it('does not make a line with a time in the middle a dateline', () => {
    const line = 'Polls close at 20:00 in most of the country';
    assert.deepEqual(scoped(line, DATELINE), []);
    assert.deepEqual(scoped(line, TIME), ['20:00']);
  });

  it('colours ISO dates and a.m./p.m. times inside running text', () => {
    const line = 'The vote was held on 2019-11-18 and counted by 11:30 p.m.';
    assert.deepEqual(scoped(line, DATE), ['2019-11-18']);
    assert.deepEqual(scoped(line, TIME), ['11:30 p.m.']);
    assert.deepEqual(scoped(line, DATELINE), []);
  });

  it('underlines URLs without the sentence punctuation after them', () => {
    const line = 'Read the full report at https://example.com/reports/2019/climate-report.html, then comment.';
    assert.deepEqual(scoped(line, LINK), ['https://example.com/reports/2019/climate-report.html']);
    assert.deepEqual(scoped(line, DATE), []);
  });

  it('reads "Photo:" credits and hyphenated slugs, but not fractions or hyphenated words', () => {
    assert.deepEqual(scoped('Photo: Doug Mills/The New York Times', CREDIT_TEXT), ['Doug Mills/The New York Times']);
    const slug = 'browns-player-on-mason-rudolphs-role-in-fight';
    assert.deepEqual(scoped(slug, SLUG), [slug]);
    assert.deepEqual(scoped('1/2 tsp ground cloves', DATELINE), []);
    assert.deepEqual(scoped('He is her great-great-great-great-grandson.', SLUG), []);
  });
});

describe('grammar: other languages', () => {
  it('marks Portuguese and German datelines', () => {
    const portuguese = 'sexta-feira, 22 de outubro de 2010 às 20:13';
    assert.deepEqual(scoped(portuguese, DATELINE), [portuguese]);
    assert.deepEqual(scoped(portuguese, DATE), ['22 de outubro de 2010']);
    assert.deepEqual(scoped(portuguese, TIME), ['20:13']);
    const german = 'Dienstag, 19. November 2019, 14:35 Uhr';
    assert.deepEqual(scoped(german, DATELINE), [german]);
    assert.deepEqual(scoped(german, DATE), ['19. November 2019']);
  });

  it('keeps a Russian sentence with a time a sentence', () => {
    const line = 'Голосование продлится до 8 октября до 18:00 по московскому времени.';
    assert.deepEqual(scoped(line, DATELINE), []);
    assert.deepEqual(scoped(line, TIME), ['18:00']);
  });

  it('finds upper-case headers in Cyrillic and Greek but not in a caseless script', () => {
    assert.deepEqual(scoped('ПОСЛЕДНИЕ НОВОСТИ', HEADER), ['ПОСЛЕДНИЕ НОВОСТИ']);
    assert.deepEqual(scoped('ΤΕΛΕΥΤΑΙΑ ΝΕΑ', HEADER), ['ΤΕΛΕΥΤΑΙΑ ΝΕΑ']);
    assert.deepEqual(scoped('最新新闻 NATO', HEADER), []);
  });

  it('reads a credit in parentheses in another language', () => {
    assert.deepEqual(scoped('(Foto: dpa)', CREDIT_TEXT), ['dpa']);
  });
});

describe('grammar file', () => {
  it('is exactly what tools/build-grammar.js generates', () => {
    // build-grammar.js is plain CommonJS without type declarations.
    const loadScript = createRequire(__filename);
    const builder = loadScript(path.join(ROOT, 'tools/build-grammar.js')) as { renderGrammar(): string };
    assert.equal(fs.readFileSync(GRAMMAR_FILE, 'utf8'), builder.renderGrammar());
  });

  it('matches Vietnamese credit words in decomposed (NFD) text too', () => {
    const line = 'Phát ngôn viên Dmitry Peskov. Ảnh: TASS'.normalize('NFD');
    assert.deepEqual(scoped(line, CREDIT_LABEL), ['Ảnh'.normalize('NFD')]);
    assert.deepEqual(scoped(line, CREDIT_TEXT), ['TASS']);
  });
});
