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
  it('reads the _index terms', () => {
    const response = { aggregations: { [INDEX_AGG]: { names: { buckets: [{ key: 'a' }, { key: 'b' }] } } } };
    expect(indicesFound(response)).toEqual(['a', 'b']);
  });
  it('trusts no partial answer', () => {
    expect(
      indicesFound({ aggregations: { [INDEX_AGG]: { names: { buckets: [], sum_other_doc_count: 3 } } } }),
    ).toBeUndefined();
    expect(indicesFound({})).toBeUndefined();
    const failedShard = { _shards: { failed: 1 }, aggregations: { [INDEX_AGG]: { names: { buckets: [] } } } };
    expect(indicesFound(failedShard)).toBeUndefined();
  });
});

describe('narrowIndices', () => {
  function fake(found: string[], more: Record<string, unknown> = {}) {
    const calls: { kind: string; index: string | string[]; body?: Record<string, unknown> }[] = [];
    const answer = { aggregations: { [INDEX_AGG]: { names: { buckets: found.map((key) => ({ key })) } } }, ...more };
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

  const days = 'logs-*2026.12.05,logs-*2026.12.06,logs-undated';
  const shape = (calls: ReturnType<typeof fake>['calls']) =>
    calls.map((c) => [c.kind, String(c.index), Object.keys(c.body ?? {}).includes('terminate_after') ? 'probe' : '']);

  it('probes the days first (one document per index), then searches only the indices found', async () => {
    const { calls, backends } = fake(['logs-own-2026.12.06']);
    await backends.esFieldCaps(endpoint, 'logs-*', [], call);
    await backends.esSearch(endpoint, 'logs-*', { size: 0, query: { term: { a: 1 } } }, call);
    await backends.esSearch(endpoint, 'logs-*', { size: 0 }, call);
    expect(shape(calls)).toEqual([
      ['caps', 'logs-*', ''],
      ['search', days, 'probe'],
      ['search', 'logs-own-2026.12.06', ''],
      ['search', 'logs-own-2026.12.06', ''],
    ]);
    // The probe asks the first search's query, and stops at the first matching document of each index.
    expect(calls[1]?.body).toEqual({
      size: 0,
      track_total_hits: false,
      terminate_after: 1,
      query: { term: { a: 1 } },
      aggs: { [INDEX_AGG]: expect.any(Object) },
    });
  });

  it('probes once for searches sent together (the former hosts search too), each waiting for its answer', async () => {
    const { calls, backends } = fake(['logs-own-2026.12.06']);
    await backends.esFieldCaps(endpoint, 'logs-*', [], call);
    await Promise.all([
      backends.esSearch(endpoint, 'logs-*', { size: 0 }, call),
      backends.esSearch(endpoint, 'logs-*', { size: 0 }, call),
      backends.esSearchFound(endpoint, [{ index: ['logs-*'], body: { size: 0 } }], call),
    ]);
    expect(shape(calls).slice(1)).toEqual([
      ['search', days, 'probe'],
      ['search', 'logs-own-2026.12.06', ''],
      ['search', 'logs-own-2026.12.06', ''],
      ['search', 'logs-own-2026.12.06', ''],
    ]);
  });

  it('searches the days when the probe answer is not whole', async () => {
    const { calls, backends } = fake(['logs-own-2026.12.06'], { _shards: { failed: 1 } });
    await backends.esSearch(endpoint, 'logs-*', { size: 0 }, call);
    expect(shape(calls).map(([kind, index]) => `${kind} ${index}`)).toEqual([
      'search logs-*2026.12.05,logs-*2026.12.06',
      'search logs-*2026.12.05,logs-*2026.12.06',
    ]);
  });

  it('sends the former hosts search to the indices found, over the days before that or when none were', async () => {
    const found = fake(['logs-own-2026.12.06']);
    await found.backends.esFieldCaps(endpoint, 'logs-*', [], call);
    await found.backends.esSearchFound(endpoint, [{ index: ['logs-*'], body: { size: 0 } }], call);
    await found.backends.esSearch(endpoint, 'logs-*', { size: 0 }, call);
    await found.backends.esSearchFound(
      endpoint,
      [
        { index: ['logs-*'], body: { size: 0 } },
        { index: ['logs-other-*'], body: { size: 0 } },
      ],
      call,
    );
    expect(shape(found.calls)).toEqual([
      ['caps', 'logs-*', ''],
      // Before the probe, and probing nothing itself.
      ['search', days, ''],
      ['search', days, 'probe'],
      ['search', 'logs-own-2026.12.06', ''],
      // The other group holds none of the indices found: it is not asked.
      ['search', 'logs-own-2026.12.06', ''],
    ]);
    // Every instance silent: the former hosts' lines are looked for over the days.
    const none = fake([]);
    await none.backends.esFieldCaps(endpoint, 'logs-*', [], call);
    await none.backends.esSearch(endpoint, 'logs-*', { size: 0 }, call);
    await none.backends.esSearchFound(endpoint, [{ index: ['logs-*'], body: { size: 0 } }], call);
    expect(shape(none.calls).slice(1)).toEqual([
      ['search', days, 'probe'],
      ['search', NO_INDEX, ''],
      ['search', days, ''],
    ]);
  });

  it('probes and searches no index group that holds none of the service documents', async () => {
    const { calls, backends } = fake(['logs-own-2026.12.06']);
    await backends.esMultiSearch(
      endpoint,
      [
        { index: ['logs-own-2026.12.06'], body: {} },
        { index: ['logs-other-2026.11.01'], body: {} },
      ],
      call,
    );
    expect(calls.map((c) => [c.kind, c.index, 'terminate_after' in (c.body ?? {})])).toEqual([
      ['search', 'logs-own-2026.12.06', true],
      ['msearch', ['logs-own-2026.12.06'], false],
      ['msearch', [NO_INDEX], false],
    ]);
  });
});

describe('narrowIndices over an index group of many concrete names', () => {
  it('narrows the list as a whole: no repeats, and the no-index wildcard only when nothing is left', async () => {
    const sent: string[][] = [];
    const backends = narrowIndices(
      {
        esSearch: async (_e: unknown, index: string) => {
          sent.push(index.split(','));
          return {};
        },
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
    // The probe (its answer holds no _index terms here: the days stay) and the search itself.
    expect(sent).toEqual([
      ['logs-other-2026.12.06', 'logs-own-2026.12.05'],
      ['logs-other-2026.12.06', 'logs-own-2026.12.05'],
      [NO_INDEX],
    ]);
  });
});
