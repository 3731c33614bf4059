/** The shipped alerts close the loop: they notify calvin serve and link their runbooks there. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/load/index.js';
import { defaultRenderOptions, renderCatalog, serveRenderOptions } from '../../../src/render/index.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const SERVE = 'https://calvin.test.example';

describe('the shipped alerts and calvin serve', async () => {
  const catalog = await loadCatalog(repoRoot);
  const scripts = renderCatalog(catalog, defaultRenderOptions({ targets: ['kapacitor'], ...serveRenderOptions(SERVE) }))
    .filter((a) => a.type === 'kapacitor-task')
    .map((a) => ({ name: a.name, script: (a.body as { script: string }).script }));

  it('every alert but serve own notifies serve through calvin(); serve own page without it', () => {
    for (const alert of catalog.alerts) {
      const notifies = alert.handlers.some((h) => h.type === 'calvin');
      expect(notifies, alert.id).toBe(alert.service !== 'calvin');
    }
    expect(catalog.alerts.filter((a) => a.service !== 'calvin').length).toBeGreaterThanOrEqual(24);
  });

  it('the scripts post to <serve URL>/api/v1/alerts/kapacitor through the endpoint and carry no token', () => {
    for (const { name, script } of scripts) {
      if (name.startsWith('calvin-calvin-')) {
        expect(script, name).not.toContain('.endpoint(');
        continue;
      }
      expect(script, name).toContain(`.post('${SERVE}/api/v1/alerts/kapacitor')\n        .endpoint('calvin')`);
      expect(script, name).not.toMatch(/\.header\(|Bearer/);
    }
  });

  it('every runbook link points at <serve URL>/runbooks/<name>', () => {
    for (const { name, script } of scripts) {
      const links = [...script.matchAll(/runbook: (\S+)/g)].map((m) => m[1]);
      expect(links.length, name).toBeGreaterThan(0);
      for (const link of links) expect(link, name).toMatch(new RegExp(`^${SERVE}/runbooks/[\\w.-]+$`));
    }
  });
});
