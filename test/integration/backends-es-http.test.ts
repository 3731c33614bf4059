/**
 * The diagnosis's Elasticsearch reads over plain HTTP (es-http.ts) give what the official client
 * gives for the same request, on the real local Elasticsearch, and fail the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as client from '../../src/backends/elasticsearch.js';
import { esHttpFieldCaps, esHttpMultiSearch, esHttpSearch } from '../../src/backends/es-http.js';
import { isCalvinError } from '../../src/errors.js';
import { closedPort, STACK } from './stack-helpers.js';

const endpoint = STACK.elasticsearch;
const prefix = `perf-es-http-${process.pid}`;
const dated = `${prefix}-2026.11.23`;
const undated = `${prefix}-plain`;
const mappings = {
  properties: {
    '@timestamp': { type: 'date' as const },
    message: { type: 'text' as const, fields: { keyword: { type: 'keyword' as const } } },
    host: { properties: { name: { type: 'keyword' as const } } },
  },
};

beforeAll(async () => {
  const settings = { number_of_shards: 1, number_of_replicas: 0 };
  await client.esEnsureIndex(endpoint, dated, { settings, mappings });
  // No message.keyword here: field caps must say which index lacks it.
  await client.esEnsureIndex(endpoint, undated, {
    settings,
    mappings: { properties: { message: { type: 'keyword' } } },
  });
  await client.esBulkIndex(
    endpoint,
    Array.from({ length: 30 }, (_, i) => ({
      index: i % 3 === 0 ? undated : dated,
      doc: {
        '@timestamp': `2026-11-23T08:00:${String(i).padStart(2, '0')}Z`,
        message: `m${i % 4}`,
        host: { name: 'h' },
      },
    })),
    { refresh: true },
  );
});

afterAll(async () => {
  await client.esDeleteIndex(endpoint, `${prefix}-*`);
  await client.closeElasticClients();
});

const strip = (response: object): object => {
  const { took: _took, ...rest } = response as { took?: number };
  return rest;
};

describe('Elasticsearch reads over HTTP', () => {
  const body = {
    size: 2,
    sort: [{ '@timestamp': 'asc' as const }],
    query: { term: { 'host.name': 'h' } },
    aggs: { messages: { terms: { field: 'message.keyword' } }, indices: { terms: { field: '_index' } } },
  };

  it('a search answers what the client answers, over a list and a pattern matching nothing', async () => {
    const indices = [dated, undated, `${prefix}-missing-*`];
    expect(strip(await esHttpSearch(endpoint, indices, body))).toEqual(
      strip(await client.esSearch(endpoint, indices, body)),
    );
    expect((await esHttpSearch(endpoint, `${prefix}-none-*`, { size: 0 })).hits.hits).toEqual([]);
  });

  it('a multi-search answers each search in order, an error in its place', async () => {
    const searches = [
      { index: [dated], body },
      { index: `${prefix}-*`, body: { size: 0, query: { range: { '@timestamp': { gte: 'not a date' } } } } },
    ];
    const viaHttp = await esHttpMultiSearch(endpoint, searches);
    const viaClient = await client.esMultiSearch(endpoint, searches);
    expect(viaHttp.map((r) => ('error' in r ? 'error' : strip(r)))).toEqual(
      viaClient.map((r) => ('error' in r ? 'error' : strip(r))),
    );
    expect('error' in (viaHttp[1] as object)).toBe(true);
  });

  it('field caps names every index of the pattern and the ones lacking a field', async () => {
    const caps = await esHttpFieldCaps(endpoint, `${prefix}-*`, ['message', 'message.keyword', 'host.name']);
    expect([...caps.indices].sort()).toEqual([dated, undated].sort());
    const keyword = caps.fields['message.keyword'] as Record<string, { indices?: string[] }>;
    expect(keyword.unmapped?.indices).toEqual([undated]);
  });

  it('a bad request is BACKEND_ERROR with the reason; a closed port is BACKEND_UNREACHABLE', async () => {
    const bad = await esHttpSearch(endpoint, dated, { size: 0, query: { bogus: {} } } as never).catch((e) => e);
    expect(isCalvinError(bad) && bad.code).toBe('BACKEND_ERROR');
    expect(String(bad.message)).toMatch(/^Elasticsearch answered 400 to a search of .*: parsing_exception/);
    const down = { url: `http://127.0.0.1:${await closedPort()}` };
    const unreachable = await esHttpSearch(down, dated, { size: 0 }).catch((e) => e);
    expect(isCalvinError(unreachable) && unreachable.code).toBe('BACKEND_UNREACHABLE');
  });
});
