/**
 * Changes on the real stack (issues 10 and 17): a service whose three 1.2.0 instances were replaced
 * 18 minutes ago by three 1.3.0 instances that fail, right after a `calvin deploy` marker. The old
 * nodes are gone from Consul; only their metrics (tagged `service` and `version`) and logs remain.
 * Diagnose must show the replacement at its time, compare the new instances' errors with the
 * service's history (not with zero) and say which history it used.
 */
import { Point } from '@influxdata/influxdb-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deregisterNode, registerExternal } from '../../src/backends/consul.js';
import { discoverEndpoints } from '../../src/backends/discover.js';
import type { BulkDocument } from '../../src/backends/elasticsearch.js';
import {
  closeElasticClients,
  esBulkIndex,
  esDeleteIndex,
  esEnsureIndex,
  esRefresh,
} from '../../src/backends/elasticsearch.js';
import { createDatabase, dropSeriesWhereTag, writePoints } from '../../src/backends/influx.js';
import { diagnose } from '../../src/diagnose/run.js';
import { LOG_INDEX_BODY } from '../../scripts/seed/logs.js';
import { schemaValidator } from '../helpers/schemas.js';
import { CONSUL, stackConfig } from './diagnose-helpers.js';

const SFX = `chg${process.pid}`;
const SERVICE = `changes-api-${SFX}`;
const OLD = ['a1', 'b2', 'c3'].map((s) => `cv-api-1-2-0-${SFX}-${s}`);
const NEW = ['d4', 'e5', 'f6'].map((s) => `cv-api-1-3-0-${SFX}-${s}`);
const INDEX = `logs-${SFX}-api`;
const MINUTE = 60_000;
const NOW = Math.floor(Date.now() / MINUTE) * MINUTE;
const REPLACED_AT = NOW - 18 * MINUTE;
const DEPLOYED_AT = REPLACED_AT - MINUTE;
const DEPLOY_WHAT = `0 created, 1 updated, 0 deleted (${SFX})`;
const config = stackConfig();

function uptimePoints(): Point[] {
  const points: Point[] = [];
  for (const node of [...OLD, ...NEW]) {
    const old = OLD.includes(node);
    const [from, to] = old ? [NOW - 5 * 60 * MINUTE, REPLACED_AT - 2 * MINUTE] : [REPLACED_AT, NOW];
    for (let t = from; t < to; t += MINUTE)
      points.push(
        new Point('system')
          .tag('host', node)
          .tag('service', SERVICE)
          .tag('version', old ? '1.2.0' : '1.3.0')
          .intField('uptime', Math.round((t - from) / 1000) + 60)
          .timestamp(new Date(t)),
      );
  }
  return points;
}

function docs(): BulkDocument[] {
  const out: BulkDocument[] = [];
  const doc = (node: string, t: number, level: string, message: string): BulkDocument => ({
    index: INDEX,
    doc: { '@timestamp': new Date(t).toISOString(), message, host: { name: node }, log: { level } },
  });
  for (const node of OLD) {
    for (let t = NOW - 5 * 60 * MINUTE; t < REPLACED_AT - 2 * MINUTE; t += MINUTE) {
      out.push(doc(node, t, 'info', 'GET /api/items 200'));
      if ((t / MINUTE) % 5 === 0) out.push(doc(node, t, 'error', 'cache lookup timed out after 500 ms'));
    }
  }
  for (const node of NEW) {
    for (let t = REPLACED_AT; t < NOW; t += MINUTE) out.push(doc(node, t, 'info', 'GET /api/items 200'));
    for (let t = REPLACED_AT + MINUTE; t < NOW; t += 10_000)
      out.push(doc(node, t, 'error', 'Request failed: java.lang.NullPointerException: name is null'));
  }
  return out;
}

async function datacenter(): Promise<string> {
  const self = (await (await fetch(`http://${CONSUL}/v1/agent/self`)).json()) as { Config: { Datacenter: string } };
  return self.Config.Datacenter;
}

beforeAll(async () => {
  const { elasticsearch, influx } = await discoverEndpoints(config, ['elasticsearch', 'influx']);
  if (!elasticsearch || !influx) throw new Error('no Elasticsearch or InfluxDB in the catalog');
  await esEnsureIndex(elasticsearch, INDEX, LOG_INDEX_BODY);
  await esBulkIndex(elasticsearch, docs());
  await esRefresh(elasticsearch, [INDEX]);
  await writePoints(influx, config.databases.system, uptimePoints());
  await createDatabase(influx, config.databases.services);
  // The marker as `calvin deploy` writes it, plus a tag of this test's own to remove it afterwards.
  await writePoints(influx, config.databases.services, [
    new Point('calvin_deploys')
      .tag('environment', await datacenter())
      .tag('seed', SFX)
      .stringField('what', DEPLOY_WHAT)
      .stringField('who', 'changes-test')
      .stringField('commit', 'c0ffee1')
      .timestamp(new Date(DEPLOYED_AT)),
  ]);
  // Only the new instances are in Consul, without a version: their metrics' `version` tag gives it.
  await Promise.all(
    NEW.map((node, i) =>
      registerExternal(config, {
        node,
        address: `10.78.0.${i + 1}`,
        service: { id: `api_${node}`, name: SERVICE, tags: ['http'], port: 8080 },
        checks: [{ checkId: `api-${node}`, name: 'API health', status: 'passing', serviceId: `api_${node}` }],
      }),
    ),
  );
}, 120_000);

afterAll(async () => {
  await Promise.all(NEW.map((n) => deregisterNode(config, n)));
  const { elasticsearch, influx } = await discoverEndpoints(config, ['elasticsearch', 'influx']);
  if (elasticsearch) await esDeleteIndex(elasticsearch, INDEX);
  if (influx) {
    await dropSeriesWhereTag(influx, config.databases.system, 'service', SERVICE);
    await dropSeriesWhereTag(influx, config.databases.services, 'seed', SFX);
  }
  await closeElasticClients();
});

describe('diagnose after a full replacement', () => {
  it('shows the replacement and the deploy, and compares the new instances with the service history', async () => {
    const { diagnosis } = await diagnose(config, { query: SERVICE, to: new Date(NOW), deadlineMs: 30_000 });
    const context = `${diagnosis.summary}\n${JSON.stringify(diagnosis.timeline, null, 1)}`;
    expect(diagnosis.instances.map((i) => i.node)).toEqual(NEW);
    const replaced = diagnosis.timeline.find((e) => e.summary.includes('replaced'));
    expect(replaced?.summary, context).toBe(
      `3 instances replaced (1.2.0 → 1.3.0): ${OLD.join(', ')} → ${NEW.join(', ')}`,
    );
    expect(Math.abs(Date.parse(replaced?.time ?? '') - REPLACED_AT), context).toBeLessThanOrEqual(2 * MINUTE);
    expect(diagnosis.timeline, context).toContainEqual(
      expect.objectContaining({ source: 'deploy', summary: expect.stringContaining(DEPLOY_WHAT) }),
    );
    // The new instances fail from their second minute on.
    expect(diagnosis.summary).toMatch(/began (as|[12] min after) 3 instances replaced \(1\.2\.0 → 1\.3\.0\)/);

    expect(diagnosis.serviceBaseline).toEqual({ nodes: OLD, earlier: OLD, instances: NEW });
    for (const node of NEW) {
      const logs = diagnosis.instances.find((i) => i.node === node)?.anomalies.find((a) => a.source === 'logs');
      // 48 errors per old node over the 4-hour baseline: 12 expected per hour, not 0.
      expect(logs?.baseline, context).toBeGreaterThanOrEqual(10);
      expect(logs?.evidence).toContain(`the service's baseline (3 earlier instances: ${OLD.join(', ')})`);
    }
    expect(diagnosis.status).not.toBe('healthy');
    expect(diagnosis.suspects.map((s) => s.node)).not.toContain(OLD[0]);
    expect(schemaValidator()('diagnosis', diagnosis)).toEqual([]);
  }, 60_000);
});
