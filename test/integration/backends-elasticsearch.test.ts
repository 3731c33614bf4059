import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeElasticClients,
  esBulkIndex,
  esCount,
  esDeleteByQuery,
  esDeleteIndex,
  esEnsureIndex,
  esGetMapping,
  esIndexExists,
  esListIndices,
  esMultiSearch,
  esSearch,
} from '../../src/backends/elasticsearch.js';
import { CalvinError } from '../../src/errors.js';
import { closedPort, HOSTILE_NAMES, STACK } from './stack-helpers.js';

const endpoint = STACK.elasticsearch;
const prefix = `h3-backends-es-${process.pid}`;
const indexA = `${prefix}-2026.11.22`;
const indexB = `${prefix}-2026.11.23`;
const mapping = {
  settings: { number_of_shards: 1, number_of_replicas: 0 },
  mappings: {
    properties: {
      '@timestamp': { type: 'date' as const },
      message: { type: 'text' as const, fields: { keyword: { type: 'keyword' as const, ignore_above: 2048 } } },
      host: { properties: { name: { type: 'keyword' as const } } },
      log: { properties: { level: { type: 'keyword' as const } } },
    },
  },
};
const base = Date.parse('2026-11-23T08:00:00Z');

beforeAll(async () => {
  expect(await esEnsureIndex(endpoint, indexA, mapping)).toBe(true);
  expect(await esEnsureIndex(endpoint, indexA, mapping)).toBe(false);
  await esEnsureIndex(endpoint, indexB, mapping);
});

afterAll(async () => {
  await esDeleteIndex(endpoint, `${prefix}-*`);
  await closeElasticClients();
});

describe('Elasticsearch backend against the local stack', () => {
  it('bulk-indexes in parallel batches and refreshes at the end', async () => {
    const docs = Array.from({ length: 12_000 }, (_, i) => ({
      index: i % 2 === 0 ? indexA : indexB,
      doc: {
        '@timestamp': new Date(base + i * 1_000).toISOString(),
        message: i % 100 === 0 ? `ERROR write failed ${i}` : `INFO ok ${i}`,
        host: { name: HOSTILE_NAMES[i % HOSTILE_NAMES.length] },
        log: { level: i % 100 === 0 ? 'error' : 'info' },
      },
    }));
    expect(await esBulkIndex(endpoint, docs, { batchSize: 5_000, concurrency: 2 })).toBe(12_000);
    expect(await esCount(endpoint, `${prefix}-*`)).toBe(12_000);
  });

  it('aggregates per host with hostile names intact (terms + date histogram)', async () => {
    const res = await esSearch<
      unknown,
      {
        hosts: {
          buckets: {
            key: string;
            doc_count: number;
            errors: { doc_count: number };
            histogram: { buckets: unknown[] };
          }[];
        };
      }
    >(endpoint, `${prefix}-*`, {
      size: 0,
      query: { bool: { filter: [{ terms: { 'host.name': HOSTILE_NAMES } }] } },
      aggs: {
        hosts: {
          terms: { field: 'host.name', size: 10 },
          aggs: {
            errors: { filter: { term: { 'log.level': 'error' } } },
            histogram: { date_histogram: { field: '@timestamp', fixed_interval: '1h' } },
          },
        },
      },
    });
    const buckets = res.aggregations?.hosts.buckets ?? [];
    expect(buckets.map((b) => b.key).sort()).toEqual([...HOSTILE_NAMES].sort());
    expect(buckets.reduce((n, b) => n + b.doc_count, 0)).toBe(12_000);
    expect(buckets.reduce((n, b) => n + b.errors.doc_count, 0)).toBe(120);
    expect(buckets[0]?.histogram.buckets.length).toBeGreaterThan(1);
  });

  it('finds an exact hostile host with a term query (no query-string parsing)', async () => {
    for (const host of HOSTILE_NAMES) {
      expect(await esCount(endpoint, `${prefix}-*`, { term: { 'host.name': host } })).toBe(2_400);
    }
  });

  it('runs several searches in one multi-search', async () => {
    const [a, b] = await esMultiSearch(endpoint, [
      { index: indexA, body: { size: 0, track_total_hits: true } },
      { index: `${prefix}-none-*`, body: { size: 0, track_total_hits: true } },
    ]);
    expect(a && 'hits' in a ? a.hits.total : undefined).toEqual({ value: 6_000, relation: 'eq' });
    expect(b && 'hits' in b ? b.hits.total : undefined).toEqual({ value: 0, relation: 'eq' });
  });

  it('reports indices, mappings and existence', async () => {
    expect(await esIndexExists(endpoint, indexA)).toBe(true);
    expect(await esIndexExists(endpoint, `${prefix}-missing`)).toBe(false);
    expect(await esListIndices(endpoint, `${prefix}-*`)).toEqual([indexA, indexB]);
    const mappings = await esGetMapping(endpoint, `${prefix}-*`);
    expect(Object.keys(mappings).sort()).toEqual([indexA, indexB]);
    expect(mappings[indexA]?.mappings.properties?.host).toEqual({ properties: { name: { type: 'keyword' } } });
  });

  it('searches a pattern that matches nothing without failing', async () => {
    const res = await esSearch(endpoint, `${prefix}-nothing-*`, { size: 0, track_total_hits: true });
    expect(res.hits.total).toEqual({ value: 0, relation: 'eq' });
  });

  it('deletes by query (the documents of one host only)', async () => {
    const host = HOSTILE_NAMES[1] as string;
    expect(await esDeleteByQuery(endpoint, `${prefix}-*`, { term: { 'host.name': host } })).toBe(2_400);
    expect(await esCount(endpoint, `${prefix}-*`, { term: { 'host.name': host } })).toBe(0);
    expect(await esCount(endpoint, `${prefix}-*`)).toBe(9_600);
  });

  it('maps a bad request to BACKEND_ERROR', async () => {
    const error = await esSearch(endpoint, indexA, { size: 0, aggs: { bad: { terms: { field: 'message' } } } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CalvinError);
    expect((error as CalvinError).code).toBe('BACKEND_ERROR');
  });

  it('fails fast with BACKEND_UNREACHABLE when nothing listens', async () => {
    const dead = { url: `http://127.0.0.1:${await closedPort()}` };
    const error = await esSearch(dead, 'logs-*', { size: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CalvinError);
    expect((error as CalvinError).code).toBe('BACKEND_UNREACHABLE');
    const bulk = await esBulkIndex(dead, [{ index: 'x', doc: {} }]).catch((e: unknown) => e);
    expect((bulk as CalvinError).code).toBe('BACKEND_UNREACHABLE');
  }, 15_000);
});
