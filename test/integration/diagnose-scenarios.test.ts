/**
 * Every scenario of the local stack, seeded for real (Consul, InfluxDB, Elasticsearch), then
 * diagnosed: status, suspect and top error as an on-call engineer would need them.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Point } from '@influxdata/influxdb-client';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/run.js';
import { renderDiagnosisJson } from '../../src/report/index.js';
import { schemaValidator } from '../helpers/schemas.js';
import { createDiagnoseBackends } from '../../src/diagnose/backends.js';
import type { DiagnoseBackends } from '../../src/diagnose/collect.js';
import { closeElasticClients, esBulkIndex, esDeleteIndex, esEnsureIndex } from '../../src/backends/elasticsearch.js';
import { deregisterNode, registerExternal } from '../../src/backends/consul.js';
import { dropSeriesWhereTag, writePoints } from '../../src/backends/influx.js';
import { discoverEndpoints } from '../../src/backends/discover.js';
import { renderReport } from '../../src/report/index.js';
import { escapeMarkdown } from '../../src/report/escape.js';
import { templateLabel } from '../../src/diagnose/templates.js';
import { FETCH_MAX_LINES } from '../../src/diagnose/error-lines.js';
import { HOSTILE_SERVICE, HOSTILE_SUSPECT, seedScenario } from '../../scripts/seed/index.js';
import { LOG_INDEX_BODY } from '../../scripts/seed/logs.js';
import { runCli, shippedCatalog, stackConfig } from './diagnose-helpers.js';
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
  /** The known issue (known-issues/*.yaml) the incident must match first. */
  knownIssue?: string;
  /** Scenarios seeded first (the dependency the incident's errors name). */
  alsoSeed?: string[];
}

const CASES: Case[] = [
  {
    scenario: 'nexus-disk-full',
    query: 'nexus',
    service: 'artefacts',
    status: 'critical',
    suspect: 'nexus-02',
    topError: /No space left on device/,
    knownIssue: 'nexus-blob-store-full',
  },
  {
    scenario: 'jenkins-memory-leak',
    query: 'jenkins',
    service: 'builds',
    status: 'critical',
    suspect: 'jenkins-03',
    topError: /OutOfMemoryError/,
    knownIssue: 'jvm-heap-exhausted',
  },
  {
    scenario: 'queue-crash-loop',
    query: 'queue',
    service: 'queue',
    status: 'critical',
    suspect: 'rabbit-02',
    topError: /BOOT FAILED/,
    knownIssue: 'rabbitmq-restart-loop',
  },
  {
    scenario: 'logs-queue-outage',
    query: 'logstash',
    service: 'logs',
    status: 'critical',
    // queue.service.consul resolves through Consul to the queue service, whose rabbit-02 crash-loops.
    alsoSeed: ['queue-crash-loop'],
    suspect: 'rabbit-02',
    topError: /Connection refused/,
    knownIssue: 'dependency-connection-refused',
  },
  {
    scenario: 'proxy-cpu-saturation',
    query: 'fabio',
    service: 'proxy',
    status: 'critical',
    suspect: 'fabio-01',
    topError: /context deadline exceeded/,
    knownIssue: 'proxy-upstream-timeouts',
  },
  { scenario: 'vault-healthy', query: 'secrets', service: 'secrets', status: 'healthy' },
];

const validate = schemaValidator();

/** The shared nexus-disk-full scenario seeded up to now, and the stack's Elasticsearch, for tests that add lines to it. */
async function seededNexus() {
  const config = stackConfig();
  const now = Date.now();
  await seedScenario('nexus-disk-full', { config, now });
  const { elasticsearch } = await discoverEndpoints(config, ['elasticsearch']);
  if (!elasticsearch) throw new Error('no Elasticsearch in the catalog');
  return { config, now, elasticsearch };
}

describe('calvin diagnose on the seeded scenarios', () => {
  for (const c of CASES) {
    it(`${c.scenario}: ${c.query} is ${c.status}${c.suspect ? `, suspect ${c.suspect}` : ''}`, async () => {
      const config = stackConfig();
      const now = Date.now();
      for (const other of c.alsoSeed ?? []) await seedScenario(other, { config, now });
      await seedScenario(c.scenario, { config, now });
      const { diagnosis } = await diagnose(config, {
        query: c.query,
        to: new Date(now),
        catalog: await shippedCatalog(),
      });
      const context = `${diagnosis.summary}\n${JSON.stringify(diagnosis.suspects)}`;
      // What `calvin diagnose --json` prints for this scenario validates against the published schema.
      expect(validate('diagnosis', JSON.parse(renderDiagnosisJson(diagnosis)))).toEqual([]);
      expect(diagnosis.service).toBe(c.service);
      expect(diagnosis.sources).toEqual({ consul: 'ok', influx: 'ok', elasticsearch: 'ok' });
      expect(diagnosis.instances.length).toBeGreaterThanOrEqual(3);
      expect(diagnosis.status, context).toBe(c.status);
      if (c.suspect) {
        expect(diagnosis.suspects[0]?.node, context).toBe(c.suspect);
        expect(diagnosis.topErrors[0]?.pattern, context).toMatch(c.topError ?? /./);
        expect(diagnosis.summary).toContain(c.suspect.replace('(dependency) ', ''));
        expect(diagnosis.knownIssues[0]?.id, JSON.stringify(diagnosis.knownIssues)).toBe(c.knownIssue);
        expect(diagnosis.knownIssues[0]?.matches).toBeGreaterThan(0);
      } else {
        expect(diagnosis.knownIssues, context).toEqual([]);
        expect(diagnosis.suspects, context).toEqual([]);
        expect(diagnosis.instances.every((i) => i.status === 'healthy')).toBe(true);
      }
    });
  }

  it('names the runbook of the anomalous signal and the known issue of the disk-full incident', async () => {
    const config = stackConfig();
    const now = Date.now();
    await seedScenario('nexus-disk-full', { config, now });
    const { diagnosis } = await diagnose(config, {
      query: 'nexus_nexus-02',
      to: new Date(now),
      catalog: await shippedCatalog(),
    });
    expect(diagnosis.service).toBe('artefacts');
    // Other tests deploy to the shared environment: a calvin deploy marker may line up with the onset.
    expect(diagnosis.summary).toMatch(
      /^nexus-02: Disk used \/srv\S* 1?\d\d% \(baseline \d+%\) since \d\d:\d\d; [\d,]+ 'No space left on device' errors(; began [^;]+)?; runbook: \S+artefacts-disk-full/,
    );
    expect(diagnosis.knownIssues[0]?.id).toBe('nexus-blob-store-full');
    expect(templateLabel(diagnosis.topErrors[0]?.pattern ?? '')).toBe('No space left on device');
    expect(diagnosis.timeline.length).toBeGreaterThan(0);
  });

  it('also counts logs in legacy indices that map the ECS fields as text (+ .keyword)', async () => {
    const { config, now, elasticsearch } = await seededNexus();
    const index = `logs-calvin-diagnose-legacy-${process.pid}`;
    const docs = Array.from({ length: 30 }, (_, i) => ({
      index,
      doc: {
        '@timestamp': new Date(now - (i + 1) * 30_000).toISOString(),
        message: `legacy archive ${i} could not be written: Read-only file system`,
        host: { name: 'nexus-02' },
        service: { name: 'nexus' },
        log: { level: 'error' },
      },
    }));
    try {
      await esBulkIndex(elasticsearch, docs);
      const { diagnosis } = await diagnose(config, {
        query: 'nexus',
        to: new Date(now),
        catalog: await shippedCatalog(),
      });
      const legacy = diagnosis.topErrors.find((e) => e.pattern.includes('Read-only file system'));
      expect(legacy).toMatchObject({ count: 30, nodes: ['nexus-02'] });
      // The keyword-mapped scenario indices are still counted alongside.
      expect(diagnosis.topErrors.some((e) => /No space left on device/.test(e.pattern))).toBe(true);
    } finally {
      await esDeleteIndex(elasticsearch, index);
    }
  });

  // Few error lines are fetched and counted whole; beyond FETCH_MAX_LINES, templates are counted by regexp queries.
  it.each([
    ['fetched whole', 0],
    ['counted by templates', FETCH_MAX_LINES],
  ] as const)(
    'counts errors exactly beyond the sampled distinct messages, in the window and the baseline (%s)',
    async (way, more) => {
      const { config, now, elasticsearch } = await seededNexus();
      const index = `logs-calvin-diagnose-exact-${process.pid}`;
      const doc = (ago: number, message: string) => ({
        index,
        doc: {
          '@timestamp': new Date(now - ago).toISOString(),
          message,
          host: { name: 'nexus-01' },
          service: { name: 'nexus' },
          log: { level: 'error' },
        },
      });
      const baselineAgo = 2 * 3_600_000;
      const docs = [
        // 300 distinct messages of one template in the window: far more than the 100 sampled terms.
        ...Array.from({ length: 300 }, (_, i) =>
          doc(60_000 + i * 5_000, `exact-check upload of artefact ${100_000 + i} rejected by quota`),
        ),
        // The baseline: 250 distinct fillers seen twice (they fill its 200 sampled terms), and an old
        // template seen once per message, which the sample therefore misses...
        ...Array.from({ length: 250 }, (_, i) => [
          doc(baselineAgo + i * 10_000, `baseline filler ${i} stalled`),
          doc(baselineAgo + i * 10_000 + 1, `baseline filler ${i} stalled`),
        ]).flat(),
        ...Array.from({ length: 30 }, (_, i) =>
          doc(baselineAgo + i * 20_000 + 7, `zz-old-check job ${i} stalled in queue`),
        ),
        // ...and which comes back in the window: not a new pattern.
        ...Array.from({ length: 8 }, (_, i) => doc(120_000 + i * 1_000, `zz-old-check job ${i % 4} stalled in queue`)),
        // Enough more lines of the baseline, when asked, for the fetch to be too big.
        ...Array.from({ length: more }, (_, i) => doc(baselineAgo + 60_000 + i * 1_000, 'baseline bulk stall')),
      ];
      const dir = await mkdtemp(path.join(os.tmpdir(), 'calvin-known-'));
      await writeFile(
        path.join(dir, 'quota.yaml'),
        'id: exact-check-quota\ntitle: Uploads rejected by quota\nrunbook: https://example.org/quota.md\nquery:\n  message: "exact-check upload .* rejected"\n',
      );
      try {
        await esEnsureIndex(elasticsearch, index, LOG_INDEX_BODY);
        await esBulkIndex(elasticsearch, docs);
        const real = createDiagnoseBackends(config);
        const followUps: string[] = [];
        const note = (body: Record<string, unknown>): void => {
          if ('_source' in body) followUps.push('fetched whole');
          else if (JSON.stringify(body.aggs ?? {}).includes('"templates"')) followUps.push('counted by templates');
        };
        const { diagnosis } = await diagnose(config, {
          query: 'nexus',
          to: new Date(now),
          catalog: await shippedCatalog(),
          knownIssuesDir: dir,
          backends: {
            ...real,
            esSearch: (endpoint, index, body, call) => (note(body), real.esSearch(endpoint, index, body, call)),
            esMultiSearch: (endpoint, searches, call) => {
              for (const search of searches) note(search.body);
              return real.esMultiSearch(endpoint, searches, call);
            },
          },
        });
        expect(followUps[0]).toBe(way);
        expect(diagnosis.sources.elasticsearch).toBe('ok');
        const quota = diagnosis.topErrors.find((e) => e.pattern.includes('exact-check upload'));
        expect(quota).toMatchObject({ count: 300, nodes: ['nexus-01'] });
        expect(Date.parse(quota?.first ?? '')).toBe(Date.parse(new Date(now - 60_000 - 299 * 5_000).toISOString()));
        expect(diagnosis.knownIssues.find((k) => k.id === 'exact-check-quota')?.matches).toBe(300);
        const told = [
          ...diagnosis.timeline.map((e) => e.summary),
          ...diagnosis.instances.flatMap((i) => i.anomalies.map((a) => a.evidence)),
        ].join('\n');
        expect(told).toContain('exact-check');
        expect(told).not.toContain('zz-old-check');
      } finally {
        await esDeleteIndex(elasticsearch, index);
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  it('keeps hostile service and node names from breaking queries or injecting into reports', async () => {
    const config = stackConfig();
    const now = Date.now();
    // Other hosts with data in the window, which a node name used as a pattern would match.
    await seedScenario('nexus-disk-full', { config, now });
    await seedScenario('hostile', { config, now });
    const { influx, elasticsearch } = await discoverEndpoints(config, ['influx', 'elasticsearch']);
    if (!influx || !elasticsearch) throw new Error('no backends in the catalog');
    // A node named like a regular expression that matches nexus-01..03, with data of its own.
    const regexNode = 'nexus-0.';
    const index = `logs-calvin-diagnose-regex-${process.pid}`;
    await registerExternal(config, {
      node: regexNode,
      address: '10.9.9.9',
      service: { id: 'hostile-regex-node', name: HOSTILE_SERVICE },
    });
    try {
      await writePoints(
        influx,
        config.databases.system,
        Array.from({ length: 30 }, (_, i) =>
          new Point('cpu')
            .tag('host', regexNode)
            .tag('cpu', 'cpu-total')
            .floatField('usage_idle', 80)
            .timestamp(new Date(now - i * 60_000)),
        ),
      );
      await esEnsureIndex(elasticsearch, index, LOG_INDEX_BODY);
      await esBulkIndex(
        elasticsearch,
        Array.from({ length: 5 }, (_, i) => ({
          index,
          doc: {
            '@timestamp': new Date(now - (i + 1) * 60_000).toISOString(),
            message: 'INFO ok',
            host: { name: regexNode },
            log: { level: 'info' },
          },
        })),
      );

      // Record what the backends answer, before parse.ts filters anything.
      const real = createDiagnoseBackends(config);
      const influxHosts = new Set<string>();
      const esHosts = new Set<string>();
      const hostsIn = (answer: unknown): void => {
        JSON.stringify(answer, (k, v: unknown) => {
          if (
            k === 'hosts' &&
            typeof v === 'object' &&
            v !== null &&
            Array.isArray((v as { buckets?: unknown }).buckets)
          )
            for (const b of (v as { buckets: { key: string }[] }).buckets) esHosts.add(b.key);
          return v;
        });
      };
      const backends: DiagnoseBackends = {
        ...real,
        influxQuery: async (...args) => {
          const answer = await real.influxQuery(...args);
          for (const series of answer) if (series.tags?.host !== undefined) influxHosts.add(series.tags.host);
          return answer;
        },
        esSearch: async (...args) => {
          const answer = await real.esSearch(...args);
          hostsIn(answer);
          return answer;
        },
        esMultiSearch: async (...args) => {
          const answers = await real.esMultiSearch(...args);
          answers.forEach(hostsIn);
          return answers;
        },
      };
      const result = await diagnose(config, {
        query: HOSTILE_SERVICE,
        to: new Date(now),
        catalog: await shippedCatalog(),
        backends,
      });
      const d = result.diagnosis;
      const nodes = new Set(d.instances.map((i) => i.node));
      expect(nodes).toContain(regexNode);
      expect(nodes.size).toBe(4);
      expect(influxHosts).toEqual(nodes);
      expect(esHosts).toEqual(nodes);
      expect(d.service).toBe(HOSTILE_SERVICE);
      expect(d.sources).toEqual({ consul: 'ok', influx: 'ok', elasticsearch: 'ok' });
      expect(d.status).toBe('critical');
      expect(d.suspects[0]?.node).toBe(HOSTILE_SUSPECT);
      // The metrics and logs of the hostile hosts were found: the escaped queries matched them.
      expect(d.instances.find((i) => i.node === HOSTILE_SUSPECT)?.anomalies.map((a) => a.source)).toEqual(
        expect.arrayContaining(['metrics', 'logs', 'health']),
      );
      expect(JSON.parse(renderReport('json', { diagnosis: d })).service).toBe(HOSTILE_SERVICE);
      const html = renderReport('html', { diagnosis: d, charts: result.charts });
      expect(html).not.toMatch(/<script|<img|<b>|<i>/);
      // eslint-disable-next-line no-control-regex
      expect(renderReport('text', { diagnosis: d, charts: result.charts })).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);

      // The CLI, end to end: valid JSON alone on stdout, and Markdown whose tables hold.
      const json = runCli(['diagnose', HOSTILE_SERVICE, '--json']);
      expect(json.status, json.stderr).toBe(1);
      const parsed = JSON.parse(json.stdout) as { service: string; instances: { node: string }[] };
      expect(parsed.service).toBe(HOSTILE_SERVICE);
      expect(new Set(parsed.instances.map((i) => i.node))).toEqual(nodes);
      const md = runCli(['diagnose', HOSTILE_SERVICE, '--format', 'markdown']);
      expect(md.status, md.stderr).toBe(1);
      // Outside code spans (where `<b>` is shown as typed), no HTML gets through.
      expect(md.stdout.replace(/(`+) .*? \1/g, '')).not.toMatch(/<(?:script|img|b|i)\b/);
      expect(md.stdout).toContain('&lt;b&gt;');
      expect(md.stdout).toContain(escapeMarkdown(HOSTILE_SUSPECT));
      const lines = md.stdout.split('\n');
      const header = lines.indexOf('| Node | Address | Status | Checks | Anomalies |');
      const end = lines.indexOf('', header);
      const instanceRows = lines.slice(header + 2, end);
      expect(instanceRows).toHaveLength(4);
      // Five cells: six pipes that are not escaped.
      for (const row of instanceRows) expect(row.match(/(?<!\\)\|/g)?.length, row).toBe(6);
    } finally {
      await deregisterNode(config, regexNode);
      await esDeleteIndex(elasticsearch, index);
      await dropSeriesWhereTag(influx, config.databases.system, 'host', regexNode);
    }
  });
});
