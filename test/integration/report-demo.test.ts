/**
 * The joint as a user runs it: seed the demo incident on the real stack, write the HTML report with
 * the CLI, then read it as a person would: the disk chart shows the rise from the 78 % baseline to
 * 100 % on a 0–100 axis with the 90 % critical line crossed, runbook links open the project's files,
 * and the page fits a phone in Chromium.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedScenario } from '../../scripts/seed/index.js';
import { repoRoot, runCli, stackConfig } from './diagnose-helpers.js';

const out = path.join(repoRoot, 'test-output', 'report-demo');

describe('the HTML report of the demo incident', () => {
  it('charts the disk filling up past its threshold and fits 360 px', async () => {
    await seedScenario('nexus-disk-full', { config: stackConfig(), now: Date.now() });
    mkdirSync(out, { recursive: true });
    const file = path.join(out, 'nexus.html');
    const run = runCli(['diagnose', 'nexus', '--since', '1h', '--format', 'html', '--out', file, '--tz', 'UTC']);
    expect(run.status, run.stderr).toBe(1);
    const html = readFileSync(file, 'utf8');

    const disk =
      /<svg [^>]*>(?:(?!<\/svg>).)*?<desc id="chart-\d+-nexus-02-disk[^"]*">([^<]*)<\/desc>((?:(?!<\/svg>).)*)<\/svg>/s.exec(
        html,
      );
    expect(disk, 'a disk chart for nexus-02').not.toBeNull();
    const [, desc = '', body = ''] = disk ?? [];
    expect(desc).toMatch(/: 7\d% at \d\d:\d\d, 100% at \d\d:\d\d, peak 100%/);
    expect(desc).toMatch(/Critical threshold 90% crossed at \d\d:\d\d/);
    expect(desc).toMatch(/Anomaly since \d\d:\d\d/);
    expect(desc).not.toContain('zoomed');
    expect(body).toContain('>0%</text>');
    expect(body).toContain('>100%</text>');
    expect(body).toContain('>critical 90%</text>');
    expect(html).toContain('href="../../runbooks/artefacts-disk-full.md"');

    const { ensureChromium } = (await import('../../scripts/ensure-chromium.mjs' as string)) as {
      ensureChromium: () => string;
    };
    const browser = await chromium.launch({ executablePath: ensureChromium(), args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
      await page.goto(`file://${file}`);
      await page.screenshot({ path: path.join(out, 'nexus-360.png'), fullPage: true });
      const widest = (await page.evaluate(
        `Math.max(document.documentElement.scrollWidth, ...[...document.querySelectorAll('body *')].map((e) => e.getBoundingClientRect().right))`,
      )) as number;
      expect(widest).toBeLessThanOrEqual(360.5);
    } finally {
      await browser.close();
    }
  });
});
