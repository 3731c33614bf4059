/**
 * diagnose says what failed and whose fault it was: a too-short --deadline is blamed, not Consul; an
 * internal error's message is never a reason shown to users; InfluxDB is not "ok" when its queries failed.
 */
import { describe, expect, it } from 'vitest';
import { collect, type DiagnoseBackends } from '../../../src/diagnose/collect.js';
import { CalvinError } from '../../../src/errors.js';
import { emptyCatalog } from '../../../src/load/index.js';

function backends(overrides: Partial<DiagnoseBackends> = {}): DiagnoseBackends {
  return {
    datacenter: async () => 'test',
    listServices: async () => ['consul'],
    serviceInstances: async () => [{ node: 'consul-01', address: '10.0.0.1', serviceId: 'consul', checks: [] }],
    endpoints: async () => ({ influx: { url: 'http://influx' } }),
    influxQuery: async () => [],
    esFieldCaps: async () => ({}),
    esSearch: async () => ({}),
    esMultiSearch: async () => [],
    ...overrides,
  };
}

const request = (query: string, deadlineMs = 10_000) => ({
  query,
  to: new Date('2026-11-23T11:00:00Z'),
  lengthMs: 3_600_000,
  deadlineAt: Date.now() + deadlineMs,
  now: () => Date.now(),
  catalog: emptyCatalog(),
  knownIssues: [],
  systemDatabase: 'system',
});

describe('diagnose failures are reported honestly', () => {
  it('--deadline 100ms blames the deadline, not Consul', async () => {
    const error = await collect(backends(), request('consul', 100)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CalvinError);
    expect((error as CalvinError).oneLine()).toMatch(
      /deadline .* ran out before Consul could answer \(raise --deadline/,
    );
    expect((error as CalvinError).oneLine()).not.toMatch(/Consul is unreachable|timed out \(1ms\)/);
  });

  it('a Consul call cut short by the deadline blames the deadline', async () => {
    const slow: Partial<DiagnoseBackends> = {
      listServices: (call) =>
        new Promise((_resolve, reject) =>
          setTimeout(
            () => reject(new CalvinError('BACKEND_UNREACHABLE', `request timed out (${call.timeoutMs}ms)`)),
            call.timeoutMs,
          ),
        ),
    };
    const error = await collect(backends(slow), request('consul', 400)).catch((e: unknown) => e);
    expect((error as CalvinError).oneLine()).toMatch(/deadline/);
    expect((error as CalvinError).oneLine()).not.toMatch(/Consul is unreachable/);
  });

  it('internal errors never reach users as reasons (entries.map is not a function)', async () => {
    const broken = backends({
      listServices: async () => ['consul', 'other'],
      serviceInstances: async () => {
        throw new TypeError('entries.map is not a function');
      },
    });
    const error = (await collect(broken, request('nosuch')).catch((e: unknown) => e)) as CalvinError;
    expect(error.oneLine()).not.toContain('entries.map');
    expect(error.oneLine()).not.toMatch(/Consul is unreachable/);
    const influxBug = await collect(
      backends({
        influxQuery: async () => {
          throw new TypeError('entries.map is not a function');
        },
      }),
      request('consul'),
    );
    expect(influxBug.sourceErrors.influx).toBe('internal error in calvin (run with --debug for details)');
  });

  it('diagnose consul does not say sources.influx "ok" when its queries failed (database missing)', async () => {
    let n = 0;
    const partly = backends({
      influxQuery: async (_endpoint, database) => {
        n += 1;
        if (n % 2 === 0 || database === 'services')
          throw new CalvinError(
            'BACKEND_ERROR',
            `InfluxDB rejected the query in database "${database}": database not found`,
          );
        return [];
      },
    });
    const collected = await collect(partly, request('consul'));
    expect(collected.sources.influx).toBe('error');
    expect(collected.sourceErrors.influx).toMatch(/queries failed: .*database not found/);
  });
});
