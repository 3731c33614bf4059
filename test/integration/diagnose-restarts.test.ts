/**
 * A service restart only the logs show, on the real stack, with calvin's own index templates deployed
 * (as in production) and with dynamic mapping: one Nexus-like instance restarts (a new pid, the
 * "Started Sonatype Nexus" line) and fails from then on; a cron job on every node spawns a new pid
 * every few minutes (no restart); a node that served the service logged it until 40 minutes ago and
 * is no instance any more (found by the logs' `service.name`: it has no metrics at all). The restarts
 * come from the log search diagnose sends anyway, the former node from the small search beside it.
 * Unique names throughout: the stack is shared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deregisterNode, registerExternal } from '../../src/backends/consul.js';
import { discoverEndpoints } from '../../src/backends/discover.js';
import {
  closeElasticClients,
  esBulkIndex,
  esDeleteIndex,
  esPutIndexTemplate,
  esRefresh,
  type BulkDocument,
} from '../../src/backends/elasticsearch.js';
import { service } from '../../src/define/service.js';
import { createDiagnoseBackends } from '../../src/diagnose/backends.js';
import type { DiagnoseBackends } from '../../src/diagnose/backend-types.js';
import { diagnose } from '../../src/diagnose/run.js';
import { schemaValidator } from '../helpers/schemas.js';
import { calvinLogsTemplate } from '../../scripts/seed/calvin-template.js';
import { repoRoot, stackConfig } from './diagnose-helpers.js';

const SFX = `rst${process.pid}`;
const SERVICE = `cause-nexus-${SFX}`;
const NODES = ['a1', 'b2', 'c3'].map((s) => `nexus-${SFX}-${s}`);
const RESTARTED = NODES[1] as string;
const FORMER = `nexus-${SFX}-old`;
const MAPPINGS = ['templates', 'dynamic'] as const;
const MINUTE = 60_000;
const NOW = Math.floor(Date.now() / MINUTE) * MINUTE;
const RESTART_AT = NOW - 20 * MINUTE;
const config = stackConfig();

const definition = service(SERVICE, { title: 'Nexus under test', owner: 'test' })
  .logs({ serviceNames: [SERVICE], processNames: ['nexus'] })
  .startMarkers(['Started Sonatype Nexus'])
  .build();
const catalog = { services: [definition], dashboards: [], alerts: [], logFilters: [], indexTemplates: [] };

function line(index: string, t: number, node: string, process: string, pid: number, message: string, level = 'info') {
  return {
    index,
    doc: {
      '@timestamp': new Date(t).toISOString(),
      message,
      host: { name: node },
      service: { name: SERVICE },
      process: { name: process, pid },
      log: { level },
    },
  };
}

function docs(index: string): BulkDocument[] {
  const out: BulkDocument[] = [];
  for (const [i, node] of NODES.entries()) {
    const pidAt = (t: number) => (node === RESTARTED && t >= RESTART_AT ? 3_100 + i : 2_100 + i);
    for (let t = NOW - 5 * 60 * MINUTE + i * 1_000; t < NOW; t += MINUTE)
      out.push(line(index, t, node, 'nexus', pidAt(t), 'Scheduled task purge-unused-manifests finished'));
    for (let t = NOW - 5 * 60 * MINUTE + i * 7_000; t < NOW; t += 5 * MINUTE)
      out.push(
        line(
          index,
          t,
          node,
          'CRON',
          10_000 + (Math.round(t / MINUTE) % 20_000),
          'pam_unix(cron:session): session opened',
        ),
      );
  }
  out.push(line(index, RESTART_AT + 30_000, RESTARTED, 'nexus', 3_101, 'Started Sonatype Nexus OSS 3.19.1-01'));
  for (let t = RESTART_AT + 2 * MINUTE; t < NOW; t += 10_000)
    out.push(
      line(index, t, RESTARTED, 'nexus', 3_101, 'Failed to open blob store default: java.io.IOException', 'error'),
    );
  for (let t = NOW - 5 * 60 * MINUTE; t < NOW - 40 * MINUTE; t += MINUTE)
    out.push(line(index, t, FORMER, 'nexus', 2_999, 'Scheduled task purge-unused-manifests finished'));
  return out;
}

const indices: string[] = [];

beforeAll(async () => {
  const { elasticsearch } = await discoverEndpoints(config, ['elasticsearch']);
  if (!elasticsearch) throw new Error('no Elasticsearch in the catalog');
  for (const mapping of MAPPINGS) {
    const pattern = `logs-${SFX}-${mapping}-*`;
    const body =
      mapping === 'templates'
        ? await calvinLogsTemplate(repoRoot, pattern)
        : { index_patterns: [pattern], priority: 900 };
    await esPutIndexTemplate(elasticsearch, `${SFX}-${mapping}`, body as never);
  }
  await Promise.all(
    NODES.map((node, i) =>
      registerExternal(config, {
        node,
        address: `10.79.0.${i + 1}`,
        service: { id: `nexus_${node}`, name: SERVICE, tags: ['http'], port: 8081 },
        checks: [{ checkId: `nx-${node}`, name: 'Nexus status', status: 'passing', serviceId: `nexus_${node}` }],
      }),
    ),
  );
}, 120_000);

afterAll(async () => {
  const { elasticsearch } = await discoverEndpoints(config, ['elasticsearch']);
  await Promise.all(NODES.map((n) => deregisterNode(config, n)));
  if (elasticsearch) {
    for (const index of indices) await esDeleteIndex(elasticsearch, index);
    for (const mapping of MAPPINGS)
      await fetch(`${elasticsearch.url}/_index_template/${SFX}-${mapping}`, { method: 'DELETE' });
  }
  await closeElasticClients();
});

/** The real backends, counting the log searches diagnose sends. */
function counting(): { backends: DiagnoseBackends; searches: () => number } {
  const real = createDiagnoseBackends(config);
  let n = 0;
  return {
    backends: {
      ...real,
      esSearch: (...args) => ((n += 1), real.esSearch(...args)),
      esMultiSearch: (...args) => ((n += 1), real.esMultiSearch(...args)),
    },
    searches: () => n,
  };
}

describe('diagnose sees a restart in the logs', () => {
  for (const mapping of MAPPINGS) {
    it(`with ${mapping === 'templates' ? "calvin's own index templates" : 'dynamic mapping'}`, async () => {
      const { elasticsearch } = await discoverEndpoints(config, ['elasticsearch']);
      if (!elasticsearch) throw new Error('no Elasticsearch in the catalog');
      const index = `logs-${SFX}-${mapping}-app`;
      indices.push(index);
      await esDeleteIndex(elasticsearch, index);
      await esBulkIndex(elasticsearch, docs(index));
      await esRefresh(elasticsearch, [index]);
      const { backends, searches } = counting();
      const { diagnosis } = await diagnose(config, {
        query: SERVICE,
        to: new Date(NOW),
        deadlineMs: 30_000,
        catalog,
        backends,
      }).finally(() => esDeleteIndex(elasticsearch, index));
      const context = `${diagnosis.summary}\n${JSON.stringify(diagnosis.timeline, null, 1)}`;
      expect(diagnosis.sources.elasticsearch).toBe('ok');
      const restarts = diagnosis.timeline.filter((e) => e.summary.startsWith('restarted (log'));
      expect(restarts, context).toEqual([
        {
          time: new Date(RESTART_AT + 1_000).toISOString(),
          node: RESTARTED,
          source: 'logs',
          summary: "restarted (log: nexus pid 2101 → 3101, 'Started Sonatype Nexus OSS 3.19.1-01')",
        },
      ]);
      expect(diagnosis.suspects[0]?.node, context).toBe(RESTARTED);
      expect(diagnosis.summary, context).toMatch(
        new RegExp(`began \\d+ min after ${RESTARTED} restarted at \\d\\d:\\d\\d \\(log\\)`),
      );
      expect(diagnosis.timeline, context).toContainEqual(
        expect.objectContaining({ node: FORMER, source: 'consul', summary: `1 instance vanished: ${FORMER}` }),
      );
      // Restarts came with the log search diagnose sends anyway (after the probe that names its
      // indices, beside the error sample), the former node with the search after it: four, plus
      // (text-only message) the follow-up that completes the sampled messages, as without them.
      expect(searches()).toBe(mapping === 'templates' ? 5 : 4);
      expect(schemaValidator()('diagnosis', diagnosis)).toEqual([]);
    }, 60_000);
  }
});
