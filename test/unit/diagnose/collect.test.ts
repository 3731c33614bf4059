import { describe, expect, it } from 'vitest';
import { collect, type DiagnoseBackends } from '../../../src/diagnose/collect.js';
import type { MetricInputs } from '../../../src/diagnose/collected.js';
import { CalvinError } from '../../../src/errors.js';
import { emptyCatalog } from '../../../src/load/index.js';

/** Backends answering from memory; `hang` never answers (until aborted). */
function fakeBackends(
  options: { influx?: 'ok' | 'down' | 'hang'; consulDown?: boolean; formerNode?: string } = {},
): DiagnoseBackends & { influxQueries: string[]; searches: unknown[]; abortedFieldCaps: number; events: string[] } {
  const influxQueries: string[] = [];
  const searches: unknown[] = [];
  let fieldCapsCalls = 0;
  const consul = async <T>(value: T): Promise<T> => {
    if (options.consulDown)
      throw new CalvinError(
        'CONSUL_UNREACHABLE',
        'Consul at 127.0.0.1:1 is unreachable (ECONNREFUSED)',
        'set CONSUL_HTTP_ADDR',
      );
    return value;
  };
  const backends = {
    influxQueries,
    searches,
    abortedFieldCaps: 0,
    events: [] as string[],
    datacenter: () => consul('test'),
    listServices: () => consul(['artefacts', 'queue']),
    serviceInstances: (service) =>
      consul(
        service === 'artefacts'
          ? [
              { node: 'nexus-02', address: '10.0.0.2', serviceId: 'nexus_nexus-02', checks: [] },
              { node: 'nexus-01', address: '10.0.0.1', serviceId: 'nexus_nexus-01', checks: [] },
            ]
          : [],
      ),
    endpoints: async () => ({ influx: { url: 'http://influx' }, elasticsearch: { url: 'http://es' } }),
    influxQuery: (_endpoint, _db, query, call) => {
      influxQueries.push(query);
      if (query.includes('"calvin_deploys"'))
        return Promise.resolve([
          {
            name: 'calvin_deploys',
            columns: ['time', 'what', 'who', 'commit'],
            values: [[Date.parse('2026-11-23T10:28:00Z'), '1 created, 0 updated, 0 deleted', 'alice', 'abc1234']],
          },
        ]);
      // The history of who served the service: a node replaced since, when asked for.
      if (options.formerNode && query.includes('"image"'))
        return Promise.resolve([
          {
            name: 'cpu',
            tags: { host: options.formerNode },
            columns: ['time', 'count'],
            values: [[Date.parse('2026-11-23T09:00:00Z'), 5]],
          },
        ]);
      if (options.influx === 'down')
        return Promise.reject(new CalvinError('BACKEND_UNREACHABLE', 'InfluxDB is unreachable'));
      if (options.influx === 'hang')
        return new Promise((_resolve, reject) =>
          call.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
        );
      return Promise.resolve([
        {
          name: 'cpu',
          tags: { host: 'nexus-01' },
          columns: ['time', 'mean'],
          values: [[Date.parse('2026-11-23T10:30:00Z'), 80]],
        },
      ]);
    },
    esFieldCaps: (_endpoint, _index, _fields, call) => {
      fieldCapsCalls += 1;
      // With a former node, the first log collection (current instances only) is superseded: it hangs until aborted.
      if (options.formerNode && fieldCapsCalls === 1)
        return new Promise((_resolve, reject) =>
          call.signal?.addEventListener('abort', () => {
            backends.abortedFieldCaps += 1;
            backends.events.push('first collection aborted');
            reject(new Error('aborted'));
          }),
        );
      return Promise.resolve({
        fields: { 'host.name': { keyword: { aggregatable: true } }, 'log.level': { keyword: { aggregatable: true } } },
      });
    },
    esSearch: async (_endpoint, _index, body) => {
      // The probe that names the indices before the first search (indices.ts) is no log search of its own.
      if ('terminate_after' in body) return { aggregations: {} };
      searches.push(body);
      backends.events.push('search');
      return { aggregations: {} };
    },
    esMultiSearch: async (_endpoint, list) => {
      searches.push(...list.map((l) => l.body));
      return list.map(() => ({ aggregations: {} }));
    },
  } satisfies DiagnoseBackends & {
    influxQueries: string[];
    searches: unknown[];
    abortedFieldCaps: number;
    events: string[];
  };
  return backends;
}

const request = (query: string, deadlineAt = Date.now() + 10_000) => ({
  query,
  to: new Date('2026-11-23T11:00:00Z'),
  lengthMs: 3_600_000,
  deadlineAt,
  now: () => Date.now(),
  catalog: emptyCatalog(),
  knownIssues: [],
  systemDatabase: 'system',
});

describe('collect', () => {
  it('reads every instance (sorted), queries metrics per signal and part, and logs in one search and its error sample', async () => {
    const backends = fakeBackends();
    const c = await collect(backends, request('artefacts'));
    expect(c.instances.map((i) => i.node)).toEqual(['nexus-01', 'nexus-02']);
    expect(c.sources).toEqual({ consul: 'ok', influx: 'ok', elasticsearch: 'ok' });
    // One query per signal and part, one for the nodes that served the service, one for calvin's deploy markers.
    expect(backends.influxQueries).toHaveLength(2 * c.signals.length + 2);
    expect(backends.influxQueries).toContainEqual(
      expect.stringMatching(/FROM "calvin_deploys" WHERE "environment" = 'test'/),
    );
    expect(c.deploys).toEqual([
      { time: '2026-11-23T10:28:00.000Z', what: '1 created, 0 updated, 0 deleted', who: 'alice', commit: 'abc1234' },
    ]);
    expect(backends.searches).toHaveLength(2);
    expect(c.metrics.find((m) => m.signal === 'cpu.used_percent' && m.host === 'nexus-01')?.points).toContainEqual({
      time: '2026-11-23T10:30:00.000Z',
      value: 80,
    });
  });

  it('asks the logs again with a node the history names, and stops the first collection instead of letting it run', async () => {
    const backends = fakeBackends({ formerNode: 'nexus-00' });
    const c = await collect(backends, request('artefacts'));
    expect(c.sources.elasticsearch).toBe('ok');
    expect(backends.abortedFieldCaps).toBe(1);
    // Stopped as soon as it was superseded, not when the diagnosis ended.
    expect(backends.events).toEqual(['first collection aborted', 'search', 'search']);
    expect(JSON.stringify(backends.searches)).toContain('nexus-00');
  });

  it('hands the metrics over as soon as they are in, before the log searches answer: the ones it returns', async () => {
    const backends = fakeBackends();
    const search = backends.esSearch;
    backends.esSearch = async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return search(...args);
    };
    const handed: MetricInputs[] = [];
    const c = await collect(backends, {
      ...request('artefacts'),
      onMetrics: (inputs) => {
        backends.events.push('metrics');
        handed.push(inputs);
      },
    });
    expect(backends.events).toEqual(['metrics', 'search', 'search']);
    expect(handed).toHaveLength(1);
    expect(handed[0]?.metrics).toBe(c.metrics);
    expect(handed[0]?.window).toEqual(c.window);
    expect(handed[0]?.signals).toBe(c.signals);
  });

  it('leaves no unhandled rejection when reading the metrics fails and onMetrics was waiting for them', async () => {
    const backends = fakeBackends();
    const influxQuery = backends.influxQuery;
    // A malformed answer (a null series) that collectMetrics cannot read.
    backends.influxQuery = async (...args) =>
      args[2].includes('"calvin_deploys"') ? influxQuery(...args) : ([null] as unknown as never[]);
    const unhandled: unknown[] = [];
    const record = (reason: unknown): number => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const handed: MetricInputs[] = [];
      const outcome = await collect(backends, { ...request('artefacts'), onMetrics: (m) => handed.push(m) }).then(
        () => 'collected',
        () => 'refused',
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(outcome).toBe('refused');
      expect(handed).toEqual([]);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('resolves a service id prefix', async () => {
    expect((await collect(fakeBackends(), request('nexus_nexus-02'))).service).toBe('artefacts');
  });

  it('names the closest services of an unknown one', async () => {
    await expect(collect(fakeBackends(), request('artefact'))).rejects.toMatchObject({
      code: 'UNKNOWN_SERVICE',
      hint: expect.stringContaining('artefacts'),
    });
  });

  it('stops with CONSUL_UNREACHABLE when Consul is down', async () => {
    await expect(collect(fakeBackends({ consulDown: true }), request('artefacts'))).rejects.toMatchObject({
      code: 'CONSUL_UNREACHABLE',
    });
  });

  it('marks a down InfluxDB unavailable and still collects the logs', async () => {
    const c = await collect(fakeBackends({ influx: 'down' }), request('artefacts'));
    expect(c.sources).toEqual({ consul: 'ok', influx: 'unavailable', elasticsearch: 'ok' });
    expect(c.sourceErrors.influx).toContain('unreachable');
  });

  it('cuts a hanging InfluxDB off at the deadline', async () => {
    const c = await collect(fakeBackends({ influx: 'hang' }), request('artefacts', Date.now() + 600));
    expect(c.sources.influx).toBe('unavailable');
    expect(c.sourceErrors.influx).toBe('no answer before the deadline');
  });

  it('returns no instances without querying metrics or logs', async () => {
    const backends = fakeBackends();
    const c = await collect(backends, request('queue'));
    expect(c.instances).toEqual([]);
    expect(backends.influxQueries).toEqual([]);
  });
});
