/**
 * Index narrowing on the real stack (issue 14): beside the service's own daily indices, foreign apps'
 * daily indices of many days. Counts the indices each search of a diagnosis resolves to (no timing):
 * no foreign index of a day outside the baseline and window, and after the first search only the
 * indices holding the service's documents. The bench (`npm run bench:diagnose`) times the full size.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deregisterNode, registerExternal } from '../../src/backends/consul.js';
import { discoverEndpoints } from '../../src/backends/discover.js';
import {
  closeElasticClients,
  esBulkIndex,
  esDeleteIndex,
  esListIndices,
  type ElasticEndpoint,
} from '../../src/backends/elasticsearch.js';
import type { DiagnoseBackends } from '../../src/diagnose/collect.js';
import { createDiagnoseBackends } from '../../src/diagnose/backends.js';
import { diagnose } from '../../src/diagnose/run.js';
import { stackConfig } from './diagnose-helpers.js';

const tag = `scaletest${randomBytes(3).toString('hex')}`;
const service = `${tag}-svc`;
const nodes = [`${tag}-01`, `${tag}-02`];
const config = stackConfig();
const DAY_MS = 86_400_000;
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10).replaceAll('-', '.');
const now = Date.now();
let elastic: ElasticEndpoint;

/** Foreign apps × days: the indices a diagnosis must not touch unless their day overlaps. */
const FOREIGN_APPS = 4;
const FOREIGN_DAYS = 5;

beforeAll(async () => {
  const { elasticsearch } = await discoverEndpoints(config, ['elasticsearch']);
  if (!elasticsearch) throw new Error('the stack has no Elasticsearch');
  elastic = elasticsearch;
  await Promise.all(
    nodes.map((node, i) =>
      registerExternal(config, {
        node,
        address: `10.77.0.${i + 1}`,
        service: { id: `${service}-${i}`, name: service },
      }),
    ),
  );
  const docs = [];
  // The service: today and yesterday, many distinct errors (the sample is not whole: a follow-up runs).
  for (let i = 0; i < 400; i += 1) {
    const at = now - (i % 2 === 0 ? 10 * 60_000 : 3 * 3_600_000) - i * 1000;
    docs.push({
      index: `logs-${tag}-own-${day(at)}`,
      doc: {
        '@timestamp': new Date(at).toISOString(),
        'host.name': nodes[i % 2],
        'log.level': 'error',
        message: `Failed to fetch artifact ${i} from upstream ${randomBytes(4).toString('hex')}`,
      },
    });
  }
  for (let app = 0; app < FOREIGN_APPS; app += 1) {
    for (let d = 0; d < FOREIGN_DAYS; d += 1) {
      const at = now - d * DAY_MS;
      docs.push({
        index: `logs-${tag}-other${app}-${day(at)}`,
        doc: { '@timestamp': new Date(at).toISOString(), 'host.name': 'elsewhere', 'log.level': 'error', message: 'x' },
      });
    }
  }
  await esBulkIndex(elastic, docs, { refresh: true, timeoutMs: 120_000 });
}, 180_000);

afterAll(async () => {
  await Promise.all(nodes.map((node) => deregisterNode(config, node).catch(() => undefined)));
  if (elastic) await esDeleteIndex(elastic, `logs-${tag}-*`).catch(() => undefined);
  await closeElasticClients();
});

/** Real backends that note the index expression of every Elasticsearch call. */
function recording(): { backends: DiagnoseBackends; searched: string[][]; former: string[][] } {
  const real = createDiagnoseBackends(config);
  /** One entry per search request: the index expression of each of its searches. */
  const searched: string[][] = [];
  /** The searches for former hosts, apart: sent beside the main search, to the indices the probe found. */
  const former: string[][] = [];
  return {
    searched,
    former,
    backends: {
      ...real,
      esSearch: (endpoint, index, body, call) => {
        ('former' in ((body.aggs ?? {}) as object) ? former : searched).push([index]);
        return real.esSearch(endpoint, index, body, call);
      },
      esMultiSearch: (endpoint, searches, call) => {
        const formers = searches.every((s) => 'former' in ((s.body.aggs ?? {}) as object));
        (formers ? former : searched).push(searches.map((s) => s.index.join(',')));
        return real.esMultiSearch(endpoint, searches, call);
      },
    },
  };
}

describe('a diagnosis searches only the indices that can hold the service documents', () => {
  it('touches no foreign index of another day, and after the first search only the service own indices', async () => {
    const { backends, searched, former } = recording();
    const result = await diagnose(config, {
      query: service,
      to: new Date(now + 60_000),
      lengthMs: 3_600_000,
      backends,
      deadlineMs: 40_000,
    });
    expect([result.diagnosis.sources.elasticsearch, result.sourceErrors]).toEqual(['ok', {}]);
    expect(result.diagnosis.topErrors.length).toBeGreaterThan(0);
    expect(searched.length).toBeGreaterThanOrEqual(2);
    // Resolved in chunks: a long list does not fit in one URL.
    const resolve = async (expressions: string[]): Promise<string[]> => {
      const parts = [...new Set(expressions.flatMap((e) => e.split(',')))];
      const chunks = Array.from({ length: Math.ceil(parts.length / 40) }, (_, i) => parts.slice(i * 40, i * 40 + 40));
      const names = await Promise.all(chunks.map((chunk) => esListIndices(elastic, chunk.join(','))));
      return [...new Set(names.flat())].sort();
    };
    const own = await esListIndices(elastic, `logs-${tag}-own-*`);
    const allMine = await esListIndices(elastic, `logs-${tag}-*`);
    expect(allMine.length).toBe(own.length + FOREIGN_APPS * FOREIGN_DAYS);
    // First search: the days of the window and baseline only (5 h ending now: one or two days).
    const overlapped = new Set([day(now - 6 * 3_600_000), day(now)]);
    const first = (await resolve(searched[0] as string[])).filter((name) => name.startsWith(`logs-${tag}-`));
    expect(first.length).toBeLessThanOrEqual(own.length + FOREIGN_APPS * overlapped.size);
    for (const name of first) expect(overlapped.has(name.slice(-10))).toBe(true);
    // The search for former hosts: the indices the probe found, as every search after the probe.
    expect(former.length).toBeLessThanOrEqual(1);
    for (const search of former) expect(await resolve(search)).toEqual(own);
    // Every later search: exactly the service's own indices.
    for (const later of searched.slice(1)) expect(await resolve(later)).toEqual(own);
  }, 60_000);
});
