#!/usr/bin/env node
// Renders the SVG sources in media/ to the PNGs the marketplace needs (it does not accept SVG for the
// extension icon). Uses the system Chromium through playwright-core; run `node tools/make-icons.js`
// after editing media/icon.svg and commit both files.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const RENDERS = [{ svg: 'media/icon.svg', png: 'media/icon.png', size: 128 }];
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

async function main() {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run',
    ],
  });
  try {
    for (const { svg, png, size } of RENDERS) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const markup = fs.readFileSync(path.join(ROOT, svg), 'utf8');
      const html =
        '<!doctype html><html><body style="margin:0;background:transparent">' +
        `<img src="data:image/svg+xml;base64,${Buffer.from(markup).toString('base64')}" ` +
        `width="${size}" height="${size}" style="display:block"></body></html>`;
      await page.setContent(html);
      await page.waitForFunction(() => document.images[0] && document.images[0].complete);
      await page.screenshot({ path: path.join(ROOT, png), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      console.log(`wrote ${png} (${size}x${size})`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
