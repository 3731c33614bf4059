/**
 * Every scenario of the local stack, seeded for real (Consul, InfluxDB, Elasticsearch), then
 * diagnosed: status, suspect and top error as an on-call engineer would need them.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/run.js';
import { closeElasticClients, esBulkIndex, esDeleteIndex } from '../../src/backends/elasticsearch.js';
import { discoverEndpoints } from '../../src/backends/discover.js';
import { renderReport } from '../../src/report/index.js';
import { templateLabel } from '../../src/diagnose/templates.js';
import { HOSTILE_SERVICE, HOSTILE_SUSPECT, seedScenario } from '../../scripts/seed/index.js';
import { shippedCatalog, stackConfig } from './diagnose-helpers.js';
import { afterAll } from 'vitest';

afterAll(async () => {
  await closeElasticClients();
});

interface Case {
  scenario: string;
  query: string;
  service: string;
  status: string;
  suspect?: string;
  topError?: RegExp;
}

const CASES: Case[] = [
  { scenario: 'nexus-disk-full', query: 'nexus', service: 'artefacts', status: 'critical', suspect: 'nexus-02', topError: /No space left on device/ },
  { scenario: 'jenkins-memory-leak', query: 'jenkins', service: 'builds', status: 'critical', suspect: 'jenkins-03', topError: /OutOfMemoryError/ },
  { scenario: 'queue-crash-loop', query: 'queue', service: 'queue', status: 'critical', suspect: 'rabbit-02', topError: /BOOT FAILED/ },
  { scenario: 'logs-queue-outage', query: 'logstash', service: 'logs', status: 'critical', suspect: '(dependency) queue.service.consul', topError: /Connection refused/ },
  { scenario: 'proxy-cpu-saturation', query: 'fabio', service: 'proxy', status: 'critical', suspect: 'fabio-01', topError: /context deadline exceeded/ },
  { scenario: 'vault-healthy', query: 'secrets', service: 'secrets', status: 'healthy' },
];

describe('calvin diagnose on the seeded scenarios', () => {
  for (const c of CASES) {
    it(`${c.scenario}: ${c.query} is ${c.status}${c.suspect ? `, suspect ${c.suspect}` : ''}`, async () => {
      const config = stackConfig();
      const now = Date.now();
      await seedScenario(c.scenario, { config, now });
      const { diagnosis } = await diagnose(config, { query: c.query, to: new Date(now), catalog: await shippedCatalog() });
      const context = `${diagnosis.summary}\n${JSON.stringify(diagnosis.suspects)}`;
      expect(diagnosis.service).toBe(c.service);
      expect(diagnosis.sources).toEqual({ consul: 'ok', influx: 'ok', elasticsearch: 'ok' });
      expect(diagnosis.instances.length).toBeGreaterThanOrEqual(3);
      expect(diagnosis.status, context).toBe(c.status);
      if (c.suspect) {
        expect(diagnosis.suspects[0]?.node, context).toBe(c.suspect);
        expect(diagnosis.topErrors[0]?.pattern, context).toMatch(c.topError ?? /./);
        expect(diagnosis.summary).toContain(c.suspect.replace('(dependency) ', ''));
      } else {
        expect(diagnosis.suspects, context).toEqual([]);
        expect(diagnosis.instances.every((i) => i.status === 'healthy')).toBe(true);
      }
    });
  }

  it('names the runbook of the anomalous signal and the known issue of the disk-full incident', async () => {
    const config = stackConfig();
    const now = Date.now();
    await seedScenario('nexus-disk-full', { config, now });
    const { diagnosis } = await diagnose(config, { query: 'nexus_nexus-02', to: new Date(now), catalog: await shippedCatalog() });
    expect(diagnosis.service).toBe('artefacts');
    expect(diagnosis.summary).toMatch(/^nexus-02: Disk used \/srv\S* 1?\d\d% \(baseline \d+%\) since \d\d:\d\d; [\d,]+ 'No space left on device' errors; runbook: \S+artefacts-disk-full/);
    expect(diagnosis.knownIssues[0]?.id).toBe('nexus-blob-store-full');
    expect(templateLabel(diagnosis.topErrors[0]?.pattern ?? '')).toBe('No space left on device');
    expect(diagnosis.timeline.length).toBeGreaterThan(0);
  });

  it('also counts logs in legacy indices that map the ECS fields as text (+ .keyword)', async () => {
    const config = stackConfig();
    const now = Date.now();
    await seedScenario('nexus-disk-full', { config, now });
    const { elasticsearch } = await discoverEndpoints(config, ['elasticsearch']);
    if (!elasticsearch) throw new Error('no Elasticsearch in the catalog');
    const index = `logs-calvin-diagnose-legacy-${process.pid}`;
    const docs = Array.from({ length: 30 }, (_, i) => ({
      index,
      doc: { '@timestamp': new Date(now - (i + 1) * 30_000).toISOString(), message: `legacy archive ${i} could not be written: Read-only file system`, host: { name: 'nexus-02' }, service: { name: 'nexus' }, log: { level: 'error' } },
    }));
    try {
      await esBulkIndex(elasticsearch, docs);
      const { diagnosis } = await diagnose(config, { query: 'nexus', to: new Date(now), catalog: await shippedCatalog() });
      const legacy = diagnosis.topErrors.find((e) => e.pattern.includes('Read-only file system'));
      expect(legacy).toMatchObject({ count: 30, nodes: ['nexus-02'] });
      // The keyword-mapped scenario indices are still counted alongside.
      expect(diagnosis.topErrors.some((e) => /No space left on device/.test(e.pattern))).toBe(true);
    } finally {
      await esDeleteIndex(elasticsearch, index);
    }
  });

  it('keeps hostile service and node names from breaking queries or injecting into reports', async () => {
    const config = stackConfig();
    const now = Date.now();
    await seedScenario('hostile', { config, now });
    const result = await diagnose(config, { query: HOSTILE_SERVICE, to: new Date(now), catalog: await shippedCatalog() });
    const d = result.diagnosis;
    expect(d.service).toBe(HOSTILE_SERVICE);
    expect(d.sources).toEqual({ consul: 'ok', influx: 'ok', elasticsearch: 'ok' });
    expect(d.status).toBe('critical');
    expect(d.suspects[0]?.node).toBe(HOSTILE_SUSPECT);
    // The metrics and logs of the hostile hosts were found: the escaped queries matched them.
    expect(d.instances.find((i) => i.node === HOSTILE_SUSPECT)?.anomalies.map((a) => a.source)).toEqual(expect.arrayContaining(['metrics', 'logs', 'health']));
    expect(JSON.parse(renderReport('json', { diagnosis: d })).service).toBe(HOSTILE_SERVICE);
    const html = renderReport('html', { diagnosis: d, charts: result.charts });
    expect(html).not.toMatch(/<script|<img|<b>|<i>/);
    // eslint-disable-next-line no-control-regex
    expect(renderReport('text', { diagnosis: d, charts: result.charts })).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});
