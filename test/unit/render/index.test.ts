import { describe, expect, it } from 'vitest';
import { DEFAULT_ENVIRONMENT } from '../../../src/define/environment.js';
import { isCalvinError } from '../../../src/errors.js';
import { TARGETS, defaultRenderOptions, renderCatalog } from '../../../src/render/index.js';
import { fixtureCatalog } from '../../fixtures/render/catalog.js';

describe('renderCatalog', () => {
  it('defaults to Calvinverse datasources, autogen and every target', () => {
    const options = defaultRenderOptions();
    expect(options.datasources).toEqual({});
    expect(options.environment).toBe(DEFAULT_ENVIRONMENT);
    expect(options.retentionPolicy).toBe('autogen');
    expect(options.targets).toEqual(TARGETS);
    expect(defaultRenderOptions({ runbookBaseUrl: 'https://x.invalid' }).runbookBaseUrl).toBe('https://x.invalid');
  });

  it('sorts artifacts by target, then path', () => {
    const artifacts = renderCatalog(fixtureCatalog(), defaultRenderOptions());
    const keys = artifacts.map((a) => `${a.target}\u0000${a.path}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('refuses two definitions that render to one path', () => {
    const catalog = fixtureCatalog();
    const twin = { ...catalog.alerts[0]! };
    const error = (() => {
      try {
        renderCatalog(
          { ...catalog, alerts: [...catalog.alerts, twin] },
          defaultRenderOptions({ targets: ['kapacitor'] }),
        );
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isCalvinError(error)).toBe(true);
    expect((error as Error).message).toMatch(/both render to kapacitor\/t/);
  });

  it('names the definition when a value cannot be written', () => {
    const catalog = fixtureCatalog();
    const filter = { ...catalog.logFilters[1]!, match: { op: 'tag' as const, tag: `both " and '` } };
    expect(() =>
      renderCatalog({ ...catalog, logFilters: [filter] }, defaultRenderOptions({ targets: ['logstash'] })),
    ).toThrow(/^log filter syslog-base: cannot write .* as a Logstash string/);
  });
});
