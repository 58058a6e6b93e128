#!/usr/bin/env node
// Builds syntaxes/news-text.tmLanguage.json from readable regex pieces.
// Oniguruma has no regex variables, so the pieces are composed here; the unit test checks that the JSON on
// disk is what this script produces. Run `node tools/build-grammar.js` after editing.
//
// Only shapes that hold in any language are coloured: numbers shaped like dates and times, short lines made
// of them, bylines, upper-case lines, URLs and ASCII slugs, and caption credits. Nothing site-specific.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/** A keyword in both NFC and NFD spelling, so decomposed Vietnamese text matches too. */
function bothForms(word) {
  const nfc = word.normalize('NFC');
  const nfd = word.normalize('NFD');
  return nfc === nfd ? nfc : `(?:${nfc}|${nfd})`;
}

const LETTER = String.raw`[\p{L}\p{M}]`;
const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])`;
const MONTH = String.raw`(?:0?[1-9]|1[0-2])`;
const YEAR = String.raw`(?:1[89]\d\d|2[01]\d\d)`;
// A date or time is not glued to other digits, letters or separators ("COVID-19", "v2.22/3", "1.234").
const NUM_BEFORE = String.raw`(?<![\p{L}\p{N}/.:,-])`;
const NUM_AFTER = String.raw`(?![\p{N}]|[/.:,-]\p{N})`;

// Dates that carry a year; a bare day/month ("22/3") is also a date in running text but too much like a
// fraction ("1/2 tsp") to make a line a dateline on its own.
const NUMERIC_DATE_WITH_YEAR =
  NUM_BEFORE +
  '(?:' +
  [
    String.raw`${YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])`, // 2019-11-18
    String.raw`[0-3]?\d/[0-3]?\d/(?:${YEAR}|\d\d)`, // 23/03/2021, 11/18/19
    String.raw`[0-3]?\d(?:\.[0-3]?\d\.|-[0-3]?\d-)${YEAR}`, // 23.03.2021, 11.14.2019, 18-11-2019
    String.raw`${MONTH}/${YEAR}`, // 3/2021
  ].join('|') +
  ')' +
  NUM_AFTER;
const NUMERIC_DATE = `(?:${NUMERIC_DATE_WITH_YEAR}|${NUM_BEFORE}${DAY}/${MONTH}${NUM_AFTER})`;

const NAMED_DATE =
  String.raw`(?<![\p{L}\p{N}])(?:` +
  [
    // Nov 18, 2019 / November 18th 2019
    String.raw`\p{Lu}\p{Ll}{2,}\.?\s${DAY}(?:st|nd|rd|th)?,?\s${YEAR}`,
    // 18 Nov 2019 / 18. November 2019 / 22 de outubro de 2010 / 8 октября 2020
    String.raw`${DAY}\.?\s(?:de\s)?${LETTER}{3,12}\.?,?\s(?:de\s)?${YEAR}`,
    // day word month word year: 22 tháng 3 năm 2021
    String.raw`${DAY}\s${LETTER}{2,8}\s${MONTH},?\s${LETTER}{2,8}\s${YEAR}`,
  ].join('|') +
  String.raw`)(?![\p{L}\p{N}])`;

const AM_PM = String.raw`(?i:[ap]\.?m\.?)(?!\p{L})`;
const ZONE_ABBREVIATION = String.raw`(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|BST|CET|CEST|EET|EEST|MSK|IST|ICT|JST|KST|AEST|AEDT|HKT|SGT|WIB)`;
const GMT_OFFSET = String.raw`(?:GMT|UTC)(?:\s?[+−-]\s?\d{1,2}(?::?\d\d)?)?`;
const TIME =
  String.raw`(?<![\p{L}\p{N}:.,/])(?:` +
  [
    // 06:16, 14:35:08, 10h30, 9:38 pm
    String.raw`(?:[01]?\d|2[0-3])[:h][0-5]\d(?::[0-5]\d)?(?![\p{N}]|:\p{N})(?:\s?${AM_PM})?`,
    // 10.30 only when a clock word follows: "10.30 GMT", "10.30 a.m." (otherwise it is a decimal)
    String.raw`(?:[01]?\d|2[0-3])\.[0-5]\d(?=\s?(?:${AM_PM}|${GMT_OFFSET}|(?i:${ZONE_ABBREVIATION})(?!\p{L})))(?:\s?${AM_PM})?`,
  ].join('|') +
  ')';
const FULL_DATE = `(?:${NUMERIC_DATE_WITH_YEAR}|${NAMED_DATE})`;
const FULL_DATE_OR_TIME = `(?:${FULL_DATE}|${TIME})`;

// Dateline: a short line with no sentence-final punctuation that is built around dates and times — it
// starts with one (and is very short), ends with one, or holds both a date and a time.
const TRAILER = String.raw`(?:\s*(?:${GMT_OFFSET}|(?i:${ZONE_ABBREVIATION})(?!\p{L})))?[\s|,·•–—)-]*`;
const DATELINE =
  '^' +
  String.raw`(?=\s*(?>\S+\s+){0,13}\S+\s*$)` + // at most 14 words
  String.raw`(?!.*(?<![aApP]\.[mM])[.!?…]["”’»)]*\s*$)` + // not a sentence
  String.raw`(?!(?:.*?(?<!\S)\p{Ll}[\p{Ll}\p{M}]*[,.;:]?(?!\S)){6})` + // nor prose: at most 5 lower-case words
  '(?:' +
  [
    String.raw`(?=\s*${FULL_DATE_OR_TIME})(?=\s*(?>\S+\s+){0,5}\S+\s*$)`,
    String.raw`(?=.*${FULL_DATE_OR_TIME}${TRAILER}$)`,
    String.raw`(?=.*${FULL_DATE}.*${TIME})`,
    String.raw`(?=.*${TIME}.*${FULL_DATE})`,
  ].join('|') +
  ')' +
  '.*$';

const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’-]*\.?`;
const NAME_PARTICLE = String.raw`(?:de|da|del|van|von|der|den|le|la|al|bin|ibn)`;
const NAME = String.raw`${NAME_WORD}(?:\s+(?:${NAME_PARTICLE}\s+)?${NAME_WORD}){0,4}?`;
const NAMES = String.raw`${NAME}(?:\s*(?:,|&|and|${bothForms('và')})\s*${NAME})*`;

// "By Jane Doe", optionally followed by a short credit or a date: "By Troy L. Smith, Cleveland.com".
const BYLINE =
  String.raw`^\s*(By|BY|${bothForms('Bởi')})\s+(${NAMES})` +
  String.raw`((?:\s*[,|·•–—/-]\s*|\s+(?=\d|\p{Lu}\p{Ll}{2,}\.?\s+\d)).{0,60}?(?<![.!?]))?\s*$`;

// "Tú Anh (TH)": a short name followed by an upper-case source mark, alone on its line.
const SOURCE_MARKED_NAME =
  String.raw`^\s*(${NAMES})\s*(\(\p{Lu}{1,8}(?:\s*[/,-]\s*\p{Lu}{1,8})*\))\s*$`;

// Lower-case ASCII words joined by hyphens or spaces: the slug of a URL, written out as a line. Only whole
// lines: inside running text, hyphenated words ("great-great-grandson") look the same.
const SLUG_LINE = String.raw`^\s*[a-z][a-z0-9]*(?:[- ][a-z0-9]+){2,}(?:\.html?)?\s*$`;

const URL = String.raw`(?i:https?://|www\.)[^\s<>"“”'‘’]*[^\s<>"“”'‘’.,;:!?)\]}]`;

// A whole line in upper case: at least two capitals, no lower-case letter, no caseless script.
const SECTION_HEADER = String.raw`^\s*(?=(?:[^\p{Ll}\p{Lo}]*?[\p{Lu}\p{Lt}]){2})[^\p{Ll}\p{Lo}]+$`;

const CREDIT_WORDS = [
  'Ảnh', 'Nguồn', 'Photo', 'Photos', 'Image', 'Images', 'Source', 'Credit', 'Foto', 'Fotos', 'Bild',
  'Quelle', 'Fuente', 'Graphic', 'Đồ họa', 'Minh họa',
].map(bothForms).join('|');
// "Ảnh: Getty", "(Nguồn: AFP)", "… Putin. Ảnh: ITN |": at line start, after "(", or after a sentence.
const CREDIT =
  String.raw`(?:^\s*|(?<=\()\s*|(?<=[.!?|·•]\s))((?i:${CREDIT_WORDS}))\s*(:)\s*([^()|]*?)(?=\s*(?:\)|\||$))`;

function buildGrammar() {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'News Text',
    scopeName: 'text.news',
    comment: 'Generated by tools/build-grammar.js; edit that file, not this one.',
    patterns: [
      { include: '#byline' },
      { include: '#source-marked-name' },
      { include: '#dateline' },
      { include: '#slug-line' },
      { include: '#section-header' },
      { include: '#inline' },
    ],
    repository: {
      byline: {
        match: BYLINE,
        name: 'meta.byline.news',
        captures: {
          1: { name: 'keyword.other.byline.news' },
          2: { name: 'entity.name.type.author.news' },
          3: { patterns: [{ include: '#date' }, { include: '#time' }, { include: '#timezone' }] },
        },
      },
      'source-marked-name': {
        match: SOURCE_MARKED_NAME,
        name: 'meta.byline.news',
        captures: {
          1: { name: 'entity.name.type.author.news' },
          2: { name: 'entity.name.tag.source.news' },
        },
      },
      dateline: {
        match: DATELINE,
        name: 'comment.line.dateline.news',
        captures: {
          0: { patterns: [{ include: '#date' }, { include: '#time' }, { include: '#timezone' }] },
        },
      },
      'slug-line': { match: SLUG_LINE, name: 'string.other.slug.news' },
      'section-header': { match: SECTION_HEADER, name: 'markup.heading.section.news' },
      inline: {
        patterns: [
          { include: '#url' },
          { include: '#credit' },
          { include: '#date' },
          { include: '#time' },
          { include: '#gmt-offset' },
        ],
      },
      url: { match: URL, name: 'markup.underline.link.news' },
      credit: {
        match: CREDIT,
        name: 'meta.credit.news',
        captures: {
          1: { name: 'keyword.other.credit.news' },
          2: { name: 'punctuation.separator.credit.news' },
          3: { name: 'string.other.credit.news' },
        },
      },
      date: {
        patterns: [
          { match: NAMED_DATE, name: 'constant.numeric.date.news' },
          { match: NUMERIC_DATE, name: 'constant.numeric.date.news' },
        ],
      },
      time: { match: TIME, name: 'constant.numeric.time.news' },
      timezone: {
        match: String.raw`(?<![\p{L}\p{N}])(?:${GMT_OFFSET}|(?i:${ZONE_ABBREVIATION}))(?![\p{L}\p{N}])`,
        name: 'constant.other.timezone.news',
      },
      'gmt-offset': {
        match: String.raw`(?<![\p{L}\p{N}])${GMT_OFFSET}(?![\p{L}\p{N}])`,
        name: 'constant.other.timezone.news',
      },
    },
  };
}

const GRAMMAR_PATH = path.join(__dirname, '..', 'syntaxes', 'news-text.tmLanguage.json');

function renderGrammar() {
  return JSON.stringify(buildGrammar(), null, 2) + '\n';
}

if (require.main === module) {
  fs.writeFileSync(GRAMMAR_PATH, renderGrammar());
  console.log(`wrote ${path.relative(process.cwd(), GRAMMAR_PATH)}`);
}

module.exports = { buildGrammar, renderGrammar, GRAMMAR_PATH };
