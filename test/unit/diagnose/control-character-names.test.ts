/**
 * One Consul service named with control characters must not break close-name suggestions (or id
 * prefix look-ups) for every other service: Consul answers 400 to its health, and only that one is lost.
 */
import { describe, expect, it } from 'vitest';
import { collect, type DiagnoseBackends } from '../../../src/diagnose/collect.js';
import { CalvinError } from '../../../src/errors.js';
import { emptyCatalog } from '../../../src/load/index.js';

const HOSTILE = 'evil\u001b[2J\u0007name';

function backends(options: { everyHealthFails?: boolean } = {}): DiagnoseBackends {
  const unused = (): never => {
    throw new Error('not used by these tests');
  };
  return {
    datacenter: async () => 'test',
    listServices: async () => ['artefacts', HOSTILE, 'queue'],
    serviceInstances: async (service) => {
      if (service === HOSTILE || options.everyHealthFails)
        throw new CalvinError('BACKEND_ERROR', `Consul answered 400 to GET /v1/health/service/${service}`);
      return service === 'artefacts'
        ? [{ node: 'nexus-01', address: '10.0.0.1', serviceId: 'nexus_nexus-01', checks: [] }]
        : [];
    },
    endpoints: async () => ({}),
    influxQuery: unused,
    esFieldCaps: unused,
    esSearch: unused,
    esMultiSearch: unused,
  };
}

const request = (query: string) => ({
  query,
  to: new Date('2026-11-23T11:00:00Z'),
  lengthMs: 3_600_000,
  deadlineAt: Date.now() + 10_000,
  now: () => Date.now(),
  catalog: emptyCatalog(),
  knownIssues: [],
  systemDatabase: 'system',
});

describe('a Consul service named with control characters', () => {
  it('does not break close-name suggestions for the other services', async () => {
    await expect(collect(backends(), request('artefact'))).rejects.toMatchObject({
      code: 'UNKNOWN_SERVICE',
      hint: expect.stringContaining('artefacts'),
    });
  });

  it('does not break service id prefix look-ups', async () => {
    expect((await collect(backends(), request('nexus_nexus-01'))).service).toBe('artefacts');
  });

  it('when every health look-up fails, Consul itself is the problem', async () => {
    await expect(collect(backends({ everyHealthFails: true }), request('artefact'))).rejects.toBeInstanceOf(
      CalvinError,
    );
    await expect(collect(backends({ everyHealthFails: true }), request('artefact'))).rejects.not.toMatchObject({
      code: 'UNKNOWN_SERVICE',
    });
  });
});
