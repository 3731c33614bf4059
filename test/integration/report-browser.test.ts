/**
 * The HTML report in a real browser (Debian's chromium through playwright-core): screenshots at 1280
 * and 360 px kept as test output (test-output/report/, git-ignored), nothing wider than the viewport,
 * and axe-core finds no serious or critical accessibility violation. Needs no backend.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/diagnose/analyze.js';
import { keyCharts } from '../../src/diagnose/charts.js';
import type { Diagnosis } from '../../src/diagnose/types.js';
import { renderReport } from '../../src/report/index.js';
import { diskFull } from '../unit/diagnose/fixtures.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'test-output', 'report');
const WIDTHS = [1280, 360] as const;

/** The disk-full diagnosis, with the long unbroken tokens real backends send (URLs, paths, ids). */
function report(): string {
  const c = diskFull();
  const base = analyze(c, { now: () => 412 }, 0);
  const long = `/srv/nexus/blobs/default/content/${'0f3c2a9e5d4b4c1e9a7b2f1e3d4c5b6a'.repeat(4)}.bytes`;
  const diagnosis: Diagnosis = {
    ...base,
    topErrors: [{ ...(base.topErrors[0] as Diagnosis['topErrors'][number]), example: `Failed to write ${long}` }],
    runbooks: [
      ...base.runbooks,
      {
        alert: 'X',
        title: `https://runbooks.example/${'very-long-runbook-name-'.repeat(6)}`,
        url: 'https://x.example',
      },
    ],
  };
  return renderReport('html', { diagnosis, charts: keyCharts(c, diagnosis) });
}

interface Overflow {
  scrollWidth: number;
  viewport: number;
  wide: string[];
}

// Evaluated in the page (the project's TypeScript has no DOM types).
const MEASURE = `(() => {
  const viewport = window.innerWidth;
  const wide = [...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > viewport + 0.5)
    .map((el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className : ''));
  return { scrollWidth: document.documentElement.scrollWidth, viewport, wide };
})()`;

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: unknown[] }[];
}

describe('the HTML report in Chromium', () => {
  let browser: Browser;
  const file = path.join(out, 'disk-full.html');

  beforeAll(async () => {
    const specifier = '../../scripts/ensure-chromium.mjs';
    const { ensureChromium } = (await import(specifier)) as { ensureChromium: () => string };
    browser = await chromium.launch({ executablePath: ensureChromium(), args: ['--no-sandbox'] });
    mkdirSync(out, { recursive: true });
    writeFileSync(file, report());
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const width of WIDTHS) {
    it(`fits ${width} px without horizontal scroll (screenshot in test-output/report/)`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`file://${file}`);
      await page.screenshot({ path: path.join(out, `disk-full-${width}.png`), fullPage: true });
      const measured = (await page.evaluate(MEASURE)) as Overflow;
      await page.close();
      expect(measured.wide).toEqual([]);
      expect(measured.scrollWidth).toBeLessThanOrEqual(measured.viewport);
    });
  }

  it('shows the instances as stacked cards on a phone, with every cell labelled', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
    await page.goto(`file://${file}`);
    const display = await page.evaluate(`getComputedStyle(document.querySelector('table.cards tr:has(td)')).display`);
    const label = await page.evaluate(
      `getComputedStyle(document.querySelector('table.cards td[data-label]'), '::before').content`,
    );
    await page.close();
    expect(display).toBe('block');
    expect(label).toBe('"Node: "');
  });

  for (const width of WIDTHS) {
    it(`has no serious or critical axe-core violation at ${width} px`, async () => {
      // The report's Content-Security-Policy forbids scripts; axe is injected past it.
      const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`file://${file}`);
      await page.addScriptTag({ content: axe.source });
      const result = (await page.evaluate(
        `axe.run(document, { resultTypes: ['violations'], runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] })`,
      )) as AxeResult;
      await context.close();
      const serious = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
      expect(serious).toEqual([]);
    });
  }
});
