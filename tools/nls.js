#!/usr/bin/env node
// Localisation upkeep for Newsmark.
//
//   node tools/nls.js          Move every user-visible literal in package.json (command titles, setting
//                                descriptions, view names, walkthrough texts, colour descriptions, ...) into
//                                a %key% placeholder, with the English text in package.nls.json. Entries that
//                                already are placeholders are left alone, so running it again changes nothing.
//   node tools/nls.js --check  List what still lacks a Vietnamese translation: package.nls.json keys missing
//                                from package.nls.vi.json, and runtime strings passed to l10n.t('…') in
//                                src/**/*.ts missing from l10n/bundle.l10n.vi.json. Exits 1 if anything is
//                                missing (or a placeholder has no English text, or a literal was not moved).
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const PREFIX = 'newsmark.';
const PLACEHOLDER = /^%[^%\s]+%$/;

/** `newsmark.tagBody` -> `tagBody`: keys stay short and readable. */
function shortId(id) {
  return String(id).startsWith(PREFIX) ? String(id).slice(PREFIX.length) : String(id);
}

/** A key segment made from free text: "Newsmark" -> "newsmark", "in-progress" -> "inProgress". */
function slug(text) {
  const words = String(text).normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ');
  return words
    .filter(Boolean)
    .map((word, index) => (index === 0 ? word.toLowerCase() : word[0].toUpperCase() + word.slice(1).toLowerCase()))
    .join('') || 'empty';
}

/**
 * Every localisable string field of a manifest: { holder, field, key } where holder[field] is the string
 * (or an already placeholdered '%key%'). Order follows the manifest, so package.nls.json reads like it.
 */
function localizableFields(pkg) {
  const found = [];
  const add = (holder, field, key) => {
    if (holder && typeof holder[field] === 'string') found.push({ holder, field, key });
  };
  const addList = (holder, field, keyOf) => {
    if (holder && Array.isArray(holder[field])) {
      holder[field].forEach((_, index) => add(holder[field], index, keyOf(index)));
    }
  };
  const contributes = pkg.contributes || {};

  add(pkg, 'displayName', 'extension.displayName');
  add(pkg, 'description', 'extension.description');

  for (const command of contributes.commands || []) {
    const id = shortId(command.command);
    add(command, 'title', `command.${id}.title`);
    add(command, 'shortTitle', `command.${id}.shortTitle`);
    if (typeof command.category === 'string' && !PLACEHOLDER.test(command.category)) {
      add(command, 'category', `category.${slug(command.category)}`);
    }
  }

  const settingFields = (schema, base) => {
    for (const field of ['title', 'description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage']) {
      add(schema, field, `${base}.${field}`);
    }
    for (const field of ['enumDescriptions', 'markdownEnumDescriptions', 'enumItemLabels']) {
      addList(schema, field, (index) =>
        `${base}.${field}.${Array.isArray(schema.enum) && index < schema.enum.length ? slug(schema.enum[index]) : index}`);
    }
    for (const [name, property] of Object.entries(schema.properties || {})) {
      settingFields(property, `${base}.${slug(name)}`);
    }
    if (schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items)) {
      settingFields(schema.items, `${base}.items`);
    }
  };
  const configurations = Array.isArray(contributes.configuration)
    ? contributes.configuration
    : contributes.configuration ? [contributes.configuration] : [];
  configurations.forEach((configuration, index) => {
    const section = configurations.length > 1 ? `config.${configuration.id ? slug(configuration.id) : index}` : 'config';
    add(configuration, 'title', `${section}.title`);
    for (const [name, property] of Object.entries(configuration.properties || {})) {
      settingFields(property, `config.${shortId(name)}`);
    }
  });

  for (const [location, containers] of Object.entries(contributes.viewsContainers || {})) {
    for (const container of containers) add(container, 'title', `viewContainer.${location}.${shortId(container.id)}.title`);
  }
  for (const views of Object.values(contributes.views || {})) {
    for (const view of views) {
      add(view, 'name', `view.${shortId(view.id)}.name`);
      add(view, 'contextualTitle', `view.${shortId(view.id)}.contextualTitle`);
    }
  }
  const welcomeCount = new Map();
  for (const welcome of contributes.viewsWelcome || []) {
    const view = shortId(welcome.view);
    const seen = welcomeCount.get(view) || 0;
    welcomeCount.set(view, seen + 1);
    add(welcome, 'contents', `viewsWelcome.${view}${seen ? `.${seen + 1}` : ''}.contents`);
  }
  for (const submenu of contributes.submenus || []) add(submenu, 'label', `submenu.${shortId(submenu.id)}.label`);
  for (const color of contributes.colors || []) add(color, 'description', `color.${shortId(color.id)}.description`);
  for (const [id, icon] of Object.entries(contributes.icons || {})) add(icon, 'description', `icon.${shortId(id)}.description`);
  for (const type of contributes.semanticTokenTypes || []) add(type, 'description', `semanticTokenType.${type.id}.description`);
  for (const modifier of contributes.semanticTokenModifiers || []) add(modifier, 'description', `semanticTokenModifier.${modifier.id}.description`);
  for (const editor of contributes.customEditors || []) add(editor, 'displayName', `customEditor.${shortId(editor.viewType)}.displayName`);

  for (const walkthrough of contributes.walkthroughs || []) {
    const base = `walkthrough.${shortId(walkthrough.id)}`;
    add(walkthrough, 'title', `${base}.title`);
    add(walkthrough, 'description', `${base}.description`);
    for (const step of walkthrough.steps || []) {
      add(step, 'title', `${base}.${step.id}.title`);
      add(step, 'description', `${base}.${step.id}.description`);
      if (step.media) add(step.media, 'altText', `${base}.${step.id}.altText`);
    }
  }
  return found;
}

function readJson(file, fallback) {
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : fallback;
}

function writeJson(file, data) {
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
}

/** Replaces literals with placeholders in `pkg` (in place); returns the new English table and what moved. */
function extractPlaceholders(pkg, english) {
  const ordered = {};
  const moved = [];
  for (const { holder, field, key } of localizableFields(pkg)) {
    const value = holder[field];
    if (PLACEHOLDER.test(value)) {
      const existing = value.slice(1, -1);
      if (existing in english) ordered[existing] = english[existing];
      continue;
    }
    if (key in ordered && ordered[key] !== value) {
      throw new Error(`two different texts want the nls key ${key}: "${ordered[key]}" and "${value}"`);
    }
    ordered[key] = value;
    holder[field] = `%${key}%`;
    moved.push(key);
  }
  // Keys no longer referenced are kept (another branch may still use them); --check reports them.
  for (const [key, value] of Object.entries(english)) if (!(key in ordered)) ordered[key] = value;
  return { english: ordered, moved };
}

function listTypeScriptFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listTypeScriptFiles(full);
    return entry.isFile() && entry.name.endsWith('.ts') ? [full] : [];
  });
}

const ESCAPES = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', 0: '\0' };

function unescapeLiteral(body) {
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r?\n|.)/g, (_, escape) => {
    if (escape[0] === 'u' && escape[1] === '{') return String.fromCodePoint(parseInt(escape.slice(2, -1), 16));
    if (escape[0] === 'u' || escape[0] === 'x') return String.fromCharCode(parseInt(escape.slice(1), 16));
    if (escape[0] === '\n' || escape[0] === '\r') return '';
    return escape in ESCAPES ? ESCAPES[escape] : escape;
  });
}

const STRING = String.raw`(['"\x60])((?:\\[\s\S]|(?!\1)[^\\])*)\1`;
const CALL_WITH_STRING = new RegExp(String.raw`\bl10n\.t\(\s*` + STRING, 'g');
const CALL_WITH_OPTIONS = new RegExp(String.raw`\bl10n\.t\(\s*\{([^{}]*)\}`, 'g');
const OPTION_MESSAGE = new RegExp(String.raw`\bmessage\s*:\s*` + STRING);
const OPTION_COMMENT = new RegExp(String.raw`\bcomment\s*:\s*` + STRING);

/**
 * Runtime strings passed to `l10n.t` in the TypeScript sources under `srcDir`, as bundle keys
 * (`message`, or `message/comment` when a comment is given, as @vscode/l10n keys them), with where each
 * is used. Template literals with ${…} are not keys and are skipped.
 */
function collectRuntimeStrings(srcDir) {
  const strings = new Map();
  const note = (key, file, source, index) => {
    const line = source.slice(0, index).split('\n').length;
    if (!strings.has(key)) strings.set(key, []);
    strings.get(key).push(`${path.relative(ROOT, file)}:${line}`);
  };
  for (const file of listTypeScriptFiles(srcDir)) {
    const source = fs.readFileSync(file, 'utf8');
    for (const match of source.matchAll(CALL_WITH_STRING)) {
      if (match[1] === '`' && match[2].includes('${')) continue;
      note(unescapeLiteral(match[2]), file, source, match.index);
    }
    for (const match of source.matchAll(CALL_WITH_OPTIONS)) {
      const message = OPTION_MESSAGE.exec(match[1]);
      if (!message || (message[1] === '`' && message[2].includes('${'))) continue;
      const comment = OPTION_COMMENT.exec(match[1]);
      const key = unescapeLiteral(message[2]) + (comment ? `/${unescapeLiteral(comment[2])}` : '');
      note(key, file, source, match.index);
    }
  }
  return strings;
}

/** Everything that still needs a translator's (or a developer's) attention. */
function checkLocalization(root = ROOT) {
  const pkg = readJson(path.join(root, 'package.json'), {});
  const english = readJson(path.join(root, 'package.nls.json'), {});
  const vietnamese = readJson(path.join(root, 'package.nls.vi.json'), {});
  const bundle = readJson(path.join(root, 'l10n/bundle.l10n.vi.json'), {});
  const fields = localizableFields(pkg);
  const placeholders = JSON.stringify(pkg).match(/"%[^%\s"]+%"/g) || [];
  const referenced = new Set(placeholders.map((text) => text.slice(2, -2)));
  const runtime = collectRuntimeStrings(path.join(root, 'src'));
  const blank = (value) => typeof value !== 'string' || value.trim() === '';
  return {
    unmovedLiterals: fields.filter(({ holder, field }) => !PLACEHOLDER.test(holder[field])).map(({ key }) => key),
    placeholdersWithoutEnglish: [...referenced].filter((key) => blank(english[key])),
    missingVietnameseKeys: Object.keys(english).filter((key) => blank(vietnamese[key])),
    missingRuntimeTranslations: [...runtime.keys()].filter((key) => blank(bundle[key])),
    unusedEnglishKeys: Object.keys(english).filter((key) => !referenced.has(key)),
    unusedRuntimeTranslations: Object.keys(bundle).filter((key) => !runtime.has(key)),
    runtimeStrings: runtime,
  };
}

function main(args) {
  if (args.includes('--check')) {
    const result = checkLocalization();
    const report = (title, items, describe = (item) => item) => {
      if (!items.length) return;
      console.log(`${title} (${items.length}):`);
      for (const item of items) console.log(`  ${describe(item)}`);
    };
    report('Literals in package.json not yet moved to package.nls.json — run `node tools/nls.js`', result.unmovedLiterals);
    report('%placeholders% with no English text in package.nls.json', result.placeholdersWithoutEnglish);
    report('package.nls.json keys missing from package.nls.vi.json', result.missingVietnameseKeys);
    report('l10n.t strings missing from l10n/bundle.l10n.vi.json', result.missingRuntimeTranslations,
      (key) => `${JSON.stringify(key)}  (${result.runtimeStrings.get(key).join(', ')})`);
    report('note: package.nls.json keys no package.json entry uses', result.unusedEnglishKeys);
    report('note: translations in l10n/bundle.l10n.vi.json no source uses', result.unusedRuntimeTranslations, JSON.stringify);
    const failing = result.unmovedLiterals.length + result.placeholdersWithoutEnglish.length +
      result.missingVietnameseKeys.length + result.missingRuntimeTranslations.length;
    console.log(failing ? `${failing} localisation gap(s).` :
      `Localisation complete: ${Object.keys(readJson(path.join(ROOT, 'package.nls.json'), {})).length} manifest keys, ` +
      `${result.runtimeStrings.size} runtime strings.`);
    return failing ? 1 : 0;
  }
  // Read package.json just before writing it back: others may be editing it.
  const pkgFile = path.join(ROOT, 'package.json');
  const nlsFile = path.join(ROOT, 'package.nls.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  const { english, moved } = extractPlaceholders(pkg, readJson(nlsFile, {}));
  writeJson(nlsFile, english);
  if (moved.length) writeJson(pkgFile, pkg);
  console.log(moved.length ? `moved ${moved.length} string(s) to package.nls.json:\n  ${moved.join('\n  ')}` : 'package.json has no literal strings left to move.');
  return 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}

module.exports = { localizableFields, extractPlaceholders, collectRuntimeStrings, checkLocalization, unescapeLiteral };
