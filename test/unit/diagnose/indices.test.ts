import { describe, expect, it } from 'vitest';
import type { DiagnoseBackends } from '../../../src/diagnose/collect.js';
import { INDEX_AGG } from '../../../src/diagnose/index-agg.js';
import {
  NO_INDEX,
  dailyExpression,
  daysOverlapped,
  indicesFound,
  narrowIndices,
} from '../../../src/diagnose/indices.js';
import { planWindows } from '../../../src/diagnose/queries.js';

const windows = planWindows(new Date('2026-12-06T01:30:00Z'), 3_600_000);

describe('daysOverlapped', () => {
  it('lists the UTC days from the baseline start to the window end', () => {
    expect(daysOverlapped(windows)).toEqual(['2026.12.05', '2026.12.06']);
    expect(daysOverlapped(planWindows(new Date('2026-12-06T12:00:00Z'), 3_600_000))).toEqual(['2026.12.06']);
  });
});

describe('dailyExpression', () => {
  it('turns wildcard parts into one part per day and keeps undated indices of the pattern', () => {
    expect(
      dailyExpression('logs-*', ['2026.12.05', '2026.12.06'], ['logs-import', 'other', 'logs-a-2026.12.01']),
    ).toEqual(['logs-*2026.12.05', 'logs-*2026.12.06', 'logs-import']);
  });
  it('keeps concrete names of the days and aliases, drops dated names of other days', () => {
    expect(dailyExpression('logs-a-2026.12.06,logs-a-2026.11.01,my-alias', ['2026.12.06'])).toEqual([
      'logs-a-2026.12.06',
      'my-alias',
    ]);
    expect(dailyExpression('logs-a-2026.11.01', ['2026.12.06'])).toEqual([NO_INDEX]);
  });
});

describe('indicesFound', () => {
  it('reads the _index terms and takes the aggregation out of the answer', () => {
    const response = {
      aggregations: { [INDEX_AGG]: { names: { buckets: [{ key: 'a' }, { key: 'b' }] } }, window: {} },
    };
    expect(indicesFound(response)).toEqual(['a', 'b']);
    expect(Object.keys(response.aggregations)).toEqual(['window']);
  });
  it('trusts no partial answer', () => {
    expect(
      indicesFound({ aggregations: { [INDEX_AGG]: { names: { buckets: [], sum_other_doc_count: 3 } } } }),
    ).toBeUndefined();
    expect(indicesFound({})).toBeUndefined();
  });
});

describe('narrowIndices', () => {
  function fake(found: string[]) {
    const calls: { kind: string; index: string | string[]; body?: Record<string, unknown> }[] = [];
    const answer = { aggregations: { [INDEX_AGG]: { names: { buckets: found.map((key) => ({ key })) } } } };
    const backends = {
      esFieldCaps: async (_e: unknown, index: string) => {
        calls.push({ kind: 'caps', index });
        return { indices: ['logs-own-2026.12.06', 'logs-other-2026.11.01', 'logs-undated'], fields: {} };
      },
      esSearch: async (_e: unknown, index: string, body: Record<string, unknown>) => {
        calls.push({ kind: 'search', index, body });
        return structuredClone(answer);
      },
      esMultiSearch: async (_e: unknown, searches: { index: string[]; body: Record<string, unknown> }[]) => {
        calls.push(...searches.map((s) => ({ kind: 'msearch', index: s.index, body: s.body })));
        return searches.map(() => structuredClone(answer));
      },
    } as unknown as DiagnoseBackends;
    return { calls, backends: narrowIndices(backends, windows) };
  }
  const endpoint = { url: 'http://es' };
  const call = { timeoutMs: 1000 };

  it('searches the days first (with an _index aggregation), then only the indices found', async () => {
    const { calls, backends } = fake(['logs-own-2026.12.06']);
    await backends.esFieldCaps(endpoint, 'logs-*', [], call);
    const first = (await backends.esSearch(endpoint, 'logs-*', { size: 0 }, call)) as { aggregations: object };
    expect(first.aggregations).toEqual({});
    await backends.esSearch(endpoint, 'logs-*', { size: 0 }, call);
    expect(calls.map((c) => [c.kind, c.index, Object.keys((c.body?.aggs as object) ?? {})])).toEqual([
      ['caps', 'logs-*', []],
      ['search', 'logs-*2026.12.05,logs-*2026.12.06,logs-undated', [INDEX_AGG]],
      ['search', 'logs-own-2026.12.06', []],
    ]);
  });

  it('sends nothing to an index group that holds none of the service documents', async () => {
    const { calls, backends } = fake(['logs-own-2026.12.06']);
    await backends.esMultiSearch(endpoint, [{ index: ['logs-*'], body: {} }], call);
    await backends.esMultiSearch(
      endpoint,
      [
        { index: ['logs-own-2026.12.06'], body: {} },
        { index: ['logs-other-2026.12.06'], body: {} },
      ],
      call,
    );
    expect(calls.slice(1).map((c) => c.index)).toEqual([['logs-own-2026.12.06'], [NO_INDEX]]);
  });
});

describe('narrowIndices over an index group of many concrete names', () => {
  it('narrows the list as a whole: no repeats, and the no-index wildcard only when nothing is left', async () => {
    const sent: string[][] = [];
    const backends = narrowIndices(
      {
        esMultiSearch: async (_e: unknown, searches: { index: string[] }[]) => {
          sent.push(...searches.map((s) => s.index));
          return searches.map(() => ({}));
        },
      } as unknown as DiagnoseBackends,
      windows,
    );
    const old = Array.from({ length: 30 }, (_, d) => `logs-other-2026.11.${String(d + 1).padStart(2, '0')}`);
    await backends.esMultiSearch(
      { url: 'http://es' },
      [
        { index: [...old, 'logs-other-2026.12.06', 'logs-own-2026.12.05'], body: {} },
        { index: old, body: {} },
      ],
      { timeoutMs: 1000 },
    );
    expect(sent).toEqual([['logs-other-2026.12.06', 'logs-own-2026.12.05'], [NO_INDEX]]);
  });
});
