/**
 * A half-done rollout on the real stack (issue 17): two instances on 1.2.0 serve for hours, two on
 * 1.3.0 (Consul service Meta `version`) appeared 30 minutes ago and log NullPointerExceptions since.
 * Diagnose must name version 1.3.0 and its two instances, and say the old version is healthy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deregisterNode, registerExternal } from '../../src/backends/consul.js';
import { discoverEndpoints } from '../../src/backends/discover.js';
import { closeElasticClients, esBulkIndex, esDeleteIndex, esRefresh } from '../../src/backends/elasticsearch.js';
import type { BulkDocument } from '../../src/backends/elasticsearch.js';
import { diagnose } from '../../src/diagnose/run.js';
import { schemaValidator } from '../helpers/schemas.js';
import { stackConfig } from './diagnose-helpers.js';

const SFX = `ro${process.pid}`;
const SERVICE = `cause-api-${SFX}`;
const OLD = ['a1', 'b2'].map((s) => `cv-api-1-2-0-${SFX}-${s}`);
const NEW = ['c3', 'd4'].map((s) => `cv-api-1-3-0-${SFX}-${s}`);
const INDEX = `logs-${SFX}-api`;
const NOW = Date.now();
const MINUTE = 60_000;
const config = stackConfig();

function docs(): BulkDocument[] {
  const out: BulkDocument[] = [];
  const doc = (node: string, t: number, level: string, message: string): BulkDocument => ({
    index: INDEX,
    doc: { '@timestamp': new Date(t).toISOString(), message, host: { name: node }, log: { level } },
  });
  for (const node of [...OLD, ...NEW]) {
    const since = OLD.includes(node) ? NOW - 5 * 60 * MINUTE : NOW - 30 * MINUTE;
    for (let t = since; t < NOW; t += MINUTE) out.push(doc(node, t, 'info', 'GET /api/items 200'));
    if (NEW.includes(node))
      for (let t = since + 2 * MINUTE; t < NOW; t += 20_000)
        out.push(doc(node, t, 'error', 'Request failed: java.lang.NullPointerException: name is null'));
  }
  return out;
}

beforeAll(async () => {
  const { elasticsearch } = await discoverEndpoints(config, ['elasticsearch']);
  if (!elasticsearch) throw new Error('no Elasticsearch in the catalog');
  await esBulkIndex(elasticsearch, docs());
  await esRefresh(elasticsearch, [INDEX]);
  await Promise.all(
    [...OLD, ...NEW].map((node, i) =>
      registerExternal(config, {
        node,
        address: `10.79.0.${i + 1}`,
        service: {
          id: `api_${node}`,
          name: SERVICE,
          tags: ['http'],
          port: 8080,
          meta: { version: OLD.includes(node) ? '1.2.0' : '1.3.0' },
        },
        checks: [{ checkId: `api-${node}`, name: 'API health', status: 'passing', serviceId: `api_${node}` }],
      }),
    ),
  );
}, 120_000);

afterAll(async () => {
  await Promise.all([...OLD, ...NEW].map((n) => deregisterNode(config, n)));
  const { elasticsearch } = await discoverEndpoints(config, ['elasticsearch']);
  if (elasticsearch) await esDeleteIndex(elasticsearch, INDEX);
  await closeElasticClients();
});

describe('diagnose during a half-done rollout', () => {
  it('names version 1.3.0 and its two instances, and says 1.2.0 is healthy', async () => {
    const { diagnosis } = await diagnose(config, { query: SERVICE, to: new Date(NOW), deadlineMs: 30_000 });
    const context = `${diagnosis.summary}\n${JSON.stringify(diagnosis.suspects)}`;
    expect(diagnosis.rollout?.verdict, context).toBe('new-version-worse');
    expect(diagnosis.suspects[0], context).toMatchObject({ version: '1.3.0', nodes: NEW, node: NEW[0] });
    expect(diagnosis.summary).toMatch(/^rollout: instances on 1\.3\.0 fail \('[^']+' ×\d+\/instance\)/);
    expect(diagnosis.topErrors[0]?.pattern).toMatch(/NullPointerException/);
    expect(diagnosis.topErrors[0]?.nodes).toEqual(NEW);
    expect(diagnosis.summary).toContain('while 1.2.0 instances are healthy');
    expect(diagnosis.status).not.toBe('healthy');
    expect(schemaValidator()('diagnosis', diagnosis)).toEqual([]);
  }, 60_000);
});
