import { describe, expect, it } from 'vitest';
import { alertHost, pickNodeService, resolveService, type ResolveLookups } from '../../../src/serve/resolve-service.js';

const lookups: ResolveLookups = {
  alertServices: new Map([['artefacts-disk-full', 'artefacts']]),
  aliases: new Map([['nexus', 'artefacts']]),
  consulServices: async () => new Set(['artefacts', 'builds', 'consul']),
  nodeServices: async (node) => (node === 'jenkins-01' ? ['consul', 'builds'] : []),
};

describe('which service an alert is about', () => {
  it('prefers the calvin alert id, then a service tag (alias too), then the host through the catalog', async () => {
    expect(
      await resolveService({ alertId: 'calvin-artefacts-disk-full:host=x', tags: { service: 'builds' } }, lookups),
    ).toEqual({ service: 'artefacts', via: 'alert-id' });
    expect(await resolveService({ alertId: 'foreign', tags: { service: 'nexus' } }, lookups)).toEqual({
      service: 'artefacts',
      via: 'service-tag',
    });
    expect(
      await resolveService({ alertId: 'foreign', tags: { service: 'unknown', host: 'jenkins-01' } }, lookups),
    ).toEqual({ service: 'builds', via: 'host-tag' });
    expect(await resolveService({ alertId: 'foreign', tags: { instance: 'jenkins-01:9100' } }, lookups)).toEqual({
      service: 'builds',
      via: 'host-tag',
    });
    expect(await resolveService({ alertId: 'calvin-gone:x', tags: { host: 'nowhere' } }, lookups)).toEqual({
      service: null,
      via: 'unresolved',
    });
  });

  it('reads the host from host, else from instance without its port, and never picks consul when there is another', () => {
    expect(alertHost({ instance: 'n1:9100' })).toBe('n1');
    expect(alertHost({})).toBeUndefined();
    expect(pickNodeService(['consul', 'queue'])).toBe('queue');
    expect(pickNodeService(['consul'])).toBe('consul');
  });
});
