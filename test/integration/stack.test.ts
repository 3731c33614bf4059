import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { serviceInstances } from '../../src/backends/consul.js';
import { closeElasticClients, esCount } from '../../src/backends/elasticsearch.js';
import { influxQuery, listDatabases } from '../../src/backends/influx.js';
import { quoteIdent, quoteString } from '../../src/define/influxql.js';
import {
  HOSTILE_NODE_PREFIXES,
  HOSTILE_SERVICE,
  NODE_CHECK_ID,
  removeScenario,
  seedScenario,
} from '../../scripts/seed/index.js';
import { STACK, stackConfig } from './stack-helpers.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const stackDir = process.env.CALVIN_STACK_DIR
  ? path.resolve(process.env.CALVIN_STACK_DIR)
  : path.join(repoRoot, '.stack');
const runDir = path.join(stackDir, 'run');
const config = stackConfig();
const isolate = `stack-test-${process.pid}`;

function stack(...args: string[]) {
  return spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'stack.mjs'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
}

function snapshot(): Record<string, string> {
  const files = [
    ...fs
      .readdirSync(runDir)
      .filter((f) => f.endsWith('.pid'))
      .map((f) => path.join(runDir, f)),
    path.join(stackDir, 'conf', 'influxdb.conf'),
    path.join(stackDir, 'conf', 'kapacitor.conf'),
  ];
  return Object.fromEntries(files.map((f) => [f, `${fs.readFileSync(f, 'utf8')}@${fs.statSync(f).mtimeMs}`]));
}

async function footprint(nodes: string[]) {
  const where = nodes.map((n) => `${quoteIdent('host')} = ${quoteString(n)}`).join(' OR ');
  const series = await influxQuery(STACK.influx, 'system', `SHOW SERIES WHERE ${where}`);
  const points = await influxQuery(
    STACK.influx,
    'system',
    `SELECT count(${quoteIdent('usage_idle')}) FROM ${quoteIdent('cpu')} WHERE ${where}`,
  );
  return {
    series: series[0]?.values.length ?? 0,
    cpuPoints: points[0]?.values[0]?.[1] ?? 0,
    documents: await esCount(STACK.elasticsearch, 'logs-*', { terms: { 'host.name': nodes } }),
  };
}

afterAll(async () => {
  await removeScenario('jenkins-memory-leak', { config, isolate });
  await removeScenario('hostile', { config, isolate });
  await closeElasticClients();
});

describe('the local stack script', () => {
  it('brings the stack up, and a second `up` changes nothing', () => {
    const first = stack('up');
    expect(first.status, first.stderr).toBe(0);
    const before = snapshot();
    const second = stack('up');
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toContain('already up');
    expect(second.stderr).not.toMatch(/starting|registering|CREATE DATABASE|apt-get|unzip/);
    expect(snapshot()).toEqual(before);
  });

  it('reports every component running and healthy', () => {
    const status = stack('status');
    expect(status.status, status.stdout).toBe(0);
    for (const name of ['consul', 'consul-production', 'influx', 'elasticsearch', 'kapacitor'])
      expect(status.stdout).toMatch(new RegExp(`^${name}\\s+running, healthy`, 'm'));
  });

  it('registers the backends in Consul the Calvinverse way and creates the databases', async () => {
    const metrics = await serviceInstances(config, 'metrics');
    expect(metrics.some((i) => i.serviceTags.includes('http') && i.servicePort === 18086)).toBe(true);
    const documents = await serviceInstances(config, 'documents');
    expect(documents.some((i) => i.serviceTags.includes('http') && i.servicePort === 19200)).toBe(true);
    expect(await listDatabases(STACK.influx)).toEqual(expect.arrayContaining(['system', 'services']));
  });

  it('runs two WAN-joined datacenters, with the backends and Kapacitor registered in both', async () => {
    const dcs = (await (await fetch('http://127.0.0.1:18500/v1/catalog/datacenters')).json()) as string[];
    expect([...dcs].sort()).toEqual(['production', 'test']);
    for (const datacenter of ['test', 'production']) {
      const dcConfig = { ...config, consul: { ...config.consul, datacenter } };
      const metrics = await serviceInstances(dcConfig, 'metrics');
      expect(metrics.some((i) => i.serviceTags.includes('http') && i.servicePort === 18086)).toBe(true);
      expect(metrics.some((i) => i.serviceTags.includes('monitoring') && i.servicePort === 19092)).toBe(true);
      const documents = await serviceInstances(dcConfig, 'documents');
      expect(documents.some((i) => i.serviceTags.includes('http') && i.servicePort === 19200)).toBe(true);
    }
    expect((await fetch('http://127.0.0.1:19092/kapacitor/v1/ping')).status).toBe(204);
  });

  it('rejects an unknown command or component with exit 2', () => {
    expect(stack('frobnicate').status).toBe(2);
    const stop = stack('stop', 'grafana');
    expect(stop.status).toBe(2);
    expect(stop.stderr).toContain('unknown component');
  });
});

describe('scenario seeding', () => {
  it('seeding a scenario twice leaves the same nodes, series, points and documents', async () => {
    const now = Date.now();
    const first = await seedScenario('jenkins-memory-leak', { config, isolate, now });
    expect(first.nodes).toEqual([`jenkins-${isolate}-01`, `jenkins-${isolate}-02`, `jenkins-${isolate}-03`]);
    expect(first.suspect).toBe(`jenkins-${isolate}-03`);
    const once = await footprint(first.nodes);
    expect(once.series).toBeGreaterThan(0);
    expect(once.cpuPoints).toBe(3 * 181);
    expect(once.documents).toBe(first.logDocuments);
    const second = await seedScenario('jenkins-memory-leak', { config, isolate, now: now + 90_000 });
    expect(second.logDocuments).toBe(first.logDocuments);
    expect(second.metricPoints).toBe(first.metricPoints);
    expect(await footprint(second.nodes)).toEqual(once);
    const instances = await serviceInstances(config, `builds-${isolate}`);
    expect(instances).toHaveLength(3);
    const suspect = instances.find((i) => i.node === first.suspect);
    expect(suspect?.nodeMeta['external-node']).toBe('true');
    expect(suspect?.checks.map((c) => c.checkId).sort()).toEqual(
      [NODE_CHECK_ID, `service:jenkins_${first.suspect}`].sort(),
    );
  });

  it('seeds hostile service and node names that survive Consul, InfluxDB and Elasticsearch', async () => {
    const result = await seedScenario('hostile', { config, isolate });
    const expected = HOSTILE_NODE_PREFIXES.map((n) => `${n}-${isolate}`);
    expect(result.nodes).toEqual(expected);
    const instances = await serviceInstances(config, `${HOSTILE_SERVICE}-${isolate}`);
    expect(instances.map((i) => i.node).sort()).toEqual([...expected].sort());
    expect(instances.find((i) => i.node === expected[1])?.checks.find((c) => c.serviceId)?.status).toBe('critical');
    for (const node of expected) {
      const series = await influxQuery(
        STACK.influx,
        'system',
        `SELECT last(${quoteIdent('used_percent')}) FROM ${quoteIdent('disk')} WHERE ${quoteIdent('host')} = ${quoteString(node)} GROUP BY ${quoteIdent('host')}`,
      );
      expect(series.map((s) => s.tags.host)).toEqual([node]);
      expect(await esCount(STACK.elasticsearch, 'logs-*', { term: { 'host.name': node } })).toBeGreaterThan(100);
    }
    const injected = await esCount(STACK.elasticsearch, 'logs-*', {
      bool: {
        filter: [{ term: { 'host.name': expected[1] } }, { match_phrase: { message: '<script>alert("x")</script>' } }],
      },
    });
    expect(injected).toBeGreaterThan(0);
  });
});
