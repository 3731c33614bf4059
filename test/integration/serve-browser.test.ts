/**
 * serve's pages in a real browser (Debian's chromium through playwright-core) at 360 px: no console
 * error, keyboard navigation, no horizontal scroll, axe-core without serious violations. Screenshots
 * go to test-output/serve/ (git-ignored).
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeElasticClients } from '../../src/backends/elasticsearch.js';
import type { RunningServe } from '../../src/serve/server.js';
import { seedScenario } from '../../scripts/seed/index.js';
import { ensureChromium } from '../../scripts/ensure-chromium.mjs';
import { repoRoot, stackConfig } from './diagnose-helpers.js';
import { eventually, kapacitorAlert, post, startTestServe, uniqueSuffix } from './serve-helpers.js';

const OUT = path.join(repoRoot, 'test-output', 'serve');
let serve: RunningServe;
let browser: Browser;
let alertUrl: string;
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

beforeAll(async () => {
  await mkdir(OUT, { recursive: true });
  const seeded = await seedScenario('nexus-disk-full', { config: stackConfig(), now: Date.now(), isolate: 'serve-ui' });
  serve = await startTestServe({ indexSuffix: uniqueSuffix('ui'), deadlineMs: 15_000 });
  const res = await post(
    serve.url,
    '/api/v1/alerts/kapacitor',
    kapacitorAlert({
      id: 'calvin-artefacts-disk-full:host=x',
      tags: { service: seeded.service, host: seeded.suspect ?? '' },
    }),
  );
  const { id, url } = (await res.json()) as { id: string; url: string };
  alertUrl = url;
  await eventually(async () => {
    const view = (await (await fetch(`${serve.url}/api/v1/alerts/${id}`)).json()) as { state: string };
    return view.state === 'pending' ? undefined : true;
  }, 'snapshot taken');
  browser = await chromium.launch({ executablePath: ensureChromium(), args: ['--no-sandbox'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  await closeElasticClients();
});

const pages = () => [
  { name: 'overview', url: `${serve.url}/` },
  { name: 'alert', url: alertUrl },
  { name: 'runbook', url: `${serve.url}/runbooks/artefacts-disk-full` },
  { name: 'api-docs', url: `${serve.url}/api/docs` },
];

describe('serve pages in chromium at 360 px', () => {
  it('load without console errors, scroll only vertically, pass axe-core and work from the keyboard', async () => {
    for (const p of pages()) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      const response = await page.goto(p.url, { waitUntil: 'load' });
      expect(response?.status(), p.name).toBe(200);
      const widths = (await page.evaluate(
        '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
      )) as { scroll: number; client: number };
      expect(widths.scroll, `${p.name} horizontal scroll`).toBeLessThanOrEqual(widths.client);
      await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement?.textContent'), p.name).toBe('Skip to content');
      await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement?.tagName'), p.name).toBe('A');
      // Evaluated through the DevTools protocol: the page's CSP (rightly) refuses an injected script tag.
      await page.evaluate(axeSource);
      const serious = (await page.evaluate(
        `axe.run().then((r) => r.violations.filter((v) => ['serious', 'critical'].includes(v.impact))
          .map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
      )) as string[];
      expect(problems, p.name).toEqual([]);
      expect(serious, p.name).toEqual([]);
      await page.screenshot({ path: path.join(OUT, `${p.name}-360.png`), fullPage: true });
      expect(problems, p.name).toEqual([]);
      await context.close();
    }
  }, 120_000);

  it('the API page sends a request with its own script (CSP allows no inline script)', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(`${serve.url}/api/docs`);
    const form = page.locator('form.try[data-path="/healthz"]');
    await form.locator('button').click();
    await expect
      .poll(() => page.locator('form.try[data-path="/healthz"] + pre').textContent())
      .toContain('"status":"ok"');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(alertUrl);
    await page.screenshot({ path: path.join(OUT, 'alert-1280.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
