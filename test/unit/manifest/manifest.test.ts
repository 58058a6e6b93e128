// Checks on package.json that VS Code itself does not make at build time but users notice: untranslated or
// missing texts, commands outside the "Newsmark" category, colours without high-contrast defaults, missing
// walkthrough media, a grammar that does not parse, an engine newer than the one we test against.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const ROOT = path.resolve(__dirname, '../../..');

type Json = Record<string, unknown>;
type Field = { holder: Json; field: string | number; key: string };
interface NlsScript {
  localizableFields(pkg: Json): Field[];
  extractPlaceholders(pkg: Json, english: Record<string, string>): { english: Record<string, string>; moved: string[] };
  collectRuntimeStrings(srcDir: string): Map<string, string[]>;
  checkLocalization(root?: string): {
    unmovedLiterals: string[];
    placeholdersWithoutEnglish: string[];
    missingVietnameseKeys: string[];
    missingRuntimeTranslations: string[];
  };
}
// tools/nls.js is plain CommonJS (run with node, no build step) and has no type declarations.
const nls = createRequire(__filename)(path.join(ROOT, 'tools/nls.js')) as NlsScript;

function readJson(relative: string): Json {
  return JSON.parse(fs.readFileSync(path.join(ROOT, relative), 'utf8')) as Json;
}

const pkg = readJson('package.json');
const contributes = (pkg.contributes ?? {}) as Json;
const english = readJson('package.nls.json') as Record<string, string>;
const vietnamese = readJson('package.nls.vi.json') as Record<string, string>;

/** The English text a manifest string shows: '%key%' is looked up in package.nls.json. */
function resolve(value: unknown): unknown {
  if (typeof value === 'string' && /^%[^%\s]+%$/.test(value)) return english[value.slice(1, -1)];
  return value;
}

function list<T = Json>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/** Smallest version a range like "^1.100.0", "~1.99.1" or "1.100.0" admits, as [major, minor, patch]. */
function minimumVersion(range: string): number[] {
  const match = /(\d+)\.(\d+)\.(\d+)/.exec(range);
  assert.ok(match, `not a version range: ${range}`);
  return match.slice(1, 4).map(Number);
}

function atMost(version: number[], limit: number[]): boolean {
  for (let i = 0; i < 3; i++) if (version[i] !== limit[i]) return version[i] < limit[i];
  return true;
}

describe('manifest: commands and settings', () => {
  it('gives every command a title and the category "Newsmark"', () => {
    const commands = list(contributes.commands);
    assert.ok(commands.length > 0);
    const wrong = commands
      .filter((command) => typeof resolve(command.title) !== 'string' || !resolve(command.title) ||
        resolve(command.category) !== 'Newsmark')
      .map((command) => command.command);
    assert.deepEqual(wrong, []);
  });

  it('describes every setting', () => {
    const configurations = Array.isArray(contributes.configuration)
      ? (contributes.configuration as Json[])
      : contributes.configuration ? [contributes.configuration as Json] : [];
    const undescribed: string[] = [];
    for (const configuration of configurations) {
      for (const [name, property] of Object.entries((configuration.properties ?? {}) as Record<string, Json>)) {
        const text = resolve(property.markdownDescription) ?? resolve(property.description);
        if (typeof text !== 'string' || !text.trim()) undescribed.push(name);
      }
    }
    assert.deepEqual(undescribed, []);
  });

  it('gives every contributed colour a default for light, dark and both high-contrast themes', () => {
    const incomplete = list(contributes.colors)
      .filter((color) => {
        const defaults = (color.defaults ?? {}) as Json;
        return !['light', 'dark', 'highContrast', 'highContrastLight'].every((theme) => typeof defaults[theme] === 'string');
      })
      .map((color) => color.id);
    assert.deepEqual(incomplete, []);
  });

  it('targets a VS Code no newer than 1.100 and types to match', () => {
    const engine = minimumVersion(String((pkg.engines as Json).vscode));
    assert.ok(atMost(engine, [1, 100, 0]), `engines.vscode ${engine.join('.')} is newer than 1.100.0`);
    const types = minimumVersion(String((pkg.devDependencies as Json)['@types/vscode']));
    assert.ok(types[0] === 1 && types[1] <= 100, `@types/vscode ${types.join('.')} is newer than 1.100`);
    assert.ok(atMost(types, [engine[0], engine[1], Number.MAX_SAFE_INTEGER]), '@types/vscode is newer than engines.vscode');
  });
});

describe('manifest: localisation', () => {
  it('has no user-visible literal left in package.json (run `node tools/nls.js`)', () => {
    assert.deepEqual(nls.checkLocalization(ROOT).unmovedLiterals, []);
  });

  it('has English and Vietnamese text for every %placeholder%', () => {
    const keys = [...new Set((JSON.stringify(pkg).match(/"%[^%\s"]+%"/g) ?? []).map((text) => text.slice(2, -2)))];
    assert.ok(keys.length > 0);
    assert.deepEqual(keys.filter((key) => !english[key]?.trim()), [], 'missing in package.nls.json');
    assert.deepEqual(keys.filter((key) => !vietnamese[key]?.trim()), [], 'missing in package.nls.vi.json');
  });

  it('translates every key of package.nls.json and keeps its command links and placeholders', () => {
    assert.deepEqual(nls.checkLocalization(ROOT).missingVietnameseKeys, []);
    const tokens = (text: string) => [...text.matchAll(/\(command:[^)]+\)|\{\d+\}|`[^`]+`/g)].map((m) => m[0]).sort();
    const differing = Object.keys(english).filter(
      (key) => vietnamese[key] !== undefined && JSON.stringify(tokens(english[key])) !== JSON.stringify(tokens(vietnamese[key])));
    assert.deepEqual(differing, []);
  });

  it('has a Vietnamese translation for every runtime l10n.t string in src/', () => {
    assert.deepEqual(nls.checkLocalization(ROOT).missingRuntimeTranslations, []);
  });

  it('keeps {0} argument markers in runtime translations', () => {
    const bundle = readJson('l10n/bundle.l10n.vi.json') as Record<string, string>;
    const markers = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort().join();
    const differing = Object.keys(bundle).filter((key) => markers(key) !== markers(bundle[key]));
    assert.deepEqual(differing, []);
  });
});

describe('tools/nls.js', () => {
  const sample = (): Json => ({
    displayName: 'Sample',
    contributes: {
      commands: [
        { command: 'newsmark.tagBody', title: 'Tag Selection as Body', category: 'Newsmark' },
        { command: 'newsmark.tagDate', title: '%command.tagDate.title%', category: '%category.newsmark%' },
      ],
      configuration: {
        title: 'Newsmark',
        properties: {
          'newsmark.labels': { type: 'array', markdownDescription: 'Labels offered when tagging.' },
          'newsmark.mode': { enum: ['auto', 'off'], description: 'Mode.', enumDescriptions: ['Automatic.', 'Off.'] },
        },
      },
      walkthroughs: [{ id: 'newsmark.start', title: 'Start', steps: [{ id: 'one', title: 'One', media: { svg: 'a.svg', altText: 'Alt' } }] }],
    },
  });

  it('moves literals to %key% placeholders and leaves existing placeholders alone', () => {
    const manifest = sample();
    const { english: table, moved } = nls.extractPlaceholders(manifest, { 'command.tagDate.title': 'Tag Selection as Date', 'category.newsmark': 'Newsmark' });
    const commands = (manifest.contributes as Json).commands as Json[];
    assert.equal(commands[0].title, '%command.tagBody.title%');
    assert.equal(commands[0].category, '%category.newsmark%');
    assert.equal(commands[1].title, '%command.tagDate.title%');
    const properties = ((manifest.contributes as Json).configuration as Json).properties as Record<string, Json>;
    assert.equal(properties['newsmark.labels'].markdownDescription, '%config.labels.markdownDescription%');
    assert.deepEqual(properties['newsmark.mode'].enumDescriptions, ['%config.mode.enumDescriptions.auto%', '%config.mode.enumDescriptions.off%']);
    assert.equal(table['command.tagBody.title'], 'Tag Selection as Body');
    assert.equal(table['command.tagDate.title'], 'Tag Selection as Date');
    assert.equal(table['config.mode.enumDescriptions.off'], 'Off.');
    assert.equal(table['walkthrough.start.one.altText'], 'Alt');
    assert.ok(!moved.includes('command.tagDate.title'));
  });

  it('is idempotent: a second run moves nothing and keeps the table', () => {
    const manifest = sample();
    const first = nls.extractPlaceholders(manifest, {});
    const snapshot = JSON.stringify(manifest);
    const second = nls.extractPlaceholders(manifest, first.english);
    assert.deepEqual(second.moved, []);
    assert.equal(JSON.stringify(manifest), snapshot);
    assert.deepEqual(second.english, first.english);
  });

  it('finds l10n.t strings, unescaping them and skipping template literals with ${…}', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-nls-'));
    try {
      fs.mkdirSync(path.join(dir, 'editor'));
      fs.writeFileSync(path.join(dir, 'editor', 'a.ts'), [
        "vscode.l10n.t('Tagged {0} occurrences of \\'{1}\\'', count, text);",
        'l10n.t("Sidecar saved");',
        'l10n.t(`Line ${n}`);',
        "l10n.t({ message: 'Accept', comment: 'button' });",
      ].join('\n'));
      const strings = nls.collectRuntimeStrings(dir);
      assert.deepEqual([...strings.keys()].sort(), ["Accept/button", 'Sidecar saved', "Tagged {0} occurrences of '{1}'"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('manifest: language, grammar, schema, walkthrough and icons', () => {
  it('contributes the news-text language with a configuration that parses', () => {
    const language = list(contributes.languages).find((entry) => entry.id === 'news-text');
    assert.ok(language, 'language news-text');
    assert.ok(list<string>(language.aliases).includes('News Text'));
    assert.equal(language.extensions, undefined, 'news-text assigns no file extension of its own');
    assert.ok(!list<string>(language.filenamePatterns).some((pattern) => /^\*\.[a-z]+$/i.test(pattern)), 'no generic filename pattern');
    JSON.parse(fs.readFileSync(path.join(ROOT, String(language.configuration)), 'utf8'));
  });

  it('selects a whole syllable, NFD syllables and whole dates on double-click', () => {
    const configuration = readJson('language-configuration.json');
    const { pattern, flags } = configuration.wordPattern as { pattern: string; flags: string };
    const words = (text: string) => text.match(new RegExp(pattern, flags + 'g'));
    assert.deepEqual(words('Tổng thống ngày 22/3, 23/03/2021 và 2019-11-18.'),
      ['Tổng', 'thống', 'ngày', '22/3', '23/03/2021', 'và', '2019-11-18']);
    const decomposed = 'Tổng thống'.normalize('NFD');
    assert.deepEqual(words(decomposed), decomposed.split(' '));
    assert.deepEqual(words('Nga-Mỹ (TH)'), ['Nga', 'Mỹ', 'TH']);
  });

  it('registers a TextMate grammar for news-text that parses and has the declared scope', () => {
    const grammars = list(contributes.grammars).filter((entry) => entry.language === 'news-text');
    assert.equal(grammars.length, 1);
    const grammar = readJson(String(grammars[0].path));
    assert.equal(grammar.scopeName, grammars[0].scopeName);
    assert.equal(grammars[0].scopeName, 'text.news');
  });

  it('validates *.ann.yaml sidecars with the bundled schema', () => {
    const entry = list(contributes.yamlValidation).find((item) => item.fileMatch === '*.ann.yaml');
    assert.ok(entry);
    const schema = readJson(String(entry.url));
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  });

  it('has the walkthrough with existing media and completion events for real commands', () => {
    const walkthrough = list(contributes.walkthroughs).find((entry) => entry.id === 'newsmark.start');
    assert.ok(walkthrough);
    assert.equal(resolve(walkthrough.title), 'Annotate news with Newsmark');
    const commandIds = new Set(list(contributes.commands).map((command) => command.command));
    const missing: string[] = [];
    for (const step of list(walkthrough.steps)) {
      const media = (step.media ?? {}) as Json;
      const files = [media.svg, media.markdown, ...(typeof media.image === 'object' && media.image
        ? Object.values(media.image as Json) : [media.image])].filter((file): file is string => typeof file === 'string');
      if (files.length === 0) missing.push(`${String(step.id)}: no media`);
      for (const file of files) if (!fs.existsSync(path.join(ROOT, file))) missing.push(file);
      if (!media.markdown && !resolve(media.altText)) missing.push(`${String(step.id)}: no altText`);
      for (const event of list<string>(step.completionEvents)) {
        const command = /^onCommand:(.+)$/.exec(event)?.[1];
        if (command && !commandIds.has(command)) missing.push(`${String(step.id)}: unknown command ${command}`);
      }
      for (const link of String(resolve(step.description)).matchAll(/\(command:(newsmark\.[^)?]+)/g)) {
        if (!commandIds.has(link[1])) missing.push(`${String(step.id)}: link to unknown command ${link[1]}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('has a 128×128 PNG extension icon', () => {
    const png = fs.readFileSync(path.join(ROOT, String(pkg.icon)));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.equal(png.readUInt32BE(16), 128);
    assert.equal(png.readUInt32BE(20), 128);
  });

  it('points l10n at the folder holding the runtime bundle', () => {
    assert.equal(pkg.l10n, './l10n');
    JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n/bundle.l10n.vi.json'), 'utf8'));
  });
});

describe('untrusted workspaces', () => {
  it('ignore the workspace values of every setting that decides which files are read, how big, or which file opens', () => {
    const pkg = readJson('package.json') as { capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } } };
    const restricted = new Set(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations);
    for (const key of ['newsmark.corpus', 'newsmark.corpusFolders', 'newsmark.guidelines', 'newsmark.lexicons', 'newsmark.sidecars.folder', 'newsmark.sidecars.maxSizeMB']) {
      assert.ok(restricted.has(key), `${key} is read from an untrusted workspace`);
    }
  });
});
