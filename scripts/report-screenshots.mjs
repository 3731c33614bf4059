#!/usr/bin/env node
// Screenshots of an HTML report at desktop and phone widths, as the docs show them:
//   node scripts/report-screenshots.mjs <report.html> <out-prefix>   → <out-prefix>-1280.png, -360.png
// Uses Debian's chromium through playwright-core (no browser download).
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ensureChromium } from './ensure-chromium.mjs';

const [file, prefix] = process.argv.slice(2);
if (!file || !prefix) {
  process.stderr.write('usage: node scripts/report-screenshots.mjs <report.html> <out-prefix>\n');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: ensureChromium(), args: ['--no-sandbox'] });
try {
  for (const width of [1280, 360]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`file://${path.resolve(file)}`);
    await page.screenshot({ path: `${prefix}-${width}.png`, fullPage: true });
    process.stdout.write(`${prefix}-${width}.png\n`);
    await page.close();
  }
} finally {
  await browser.close();
}
