import { describe, expect, it } from 'vitest';
import {
  assertOneRoute,
  grafanaRoute,
  isProvisionedInGrafana,
  routeGrafana,
} from '../../../src/deploy/grafana-route.js';
import type { DesiredObject } from '../../../src/deploy/types.js';

const KEY = 'config/services/dashboards/metrics/provisioning/dashboards/Calvinverse/calvin-queue';
const desired: DesiredObject[] = [
  { kind: 'grafana/dashboard', name: 'calvin-queue', body: {} },
  { kind: 'consul-kv/key', name: KEY, body: '{}' },
  { kind: 'consul-kv/key', name: 'config/services/dashboards/metrics/provisioning/datasources/system', body: '' },
];

describe('Grafana delivery route', () => {
  it('reads one route, or one per environment, default api', () => {
    expect(grafanaRoute({}, 'test')).toBe('api');
    expect(grafanaRoute({ grafanaDelivery: 'provisioning' }, 'test')).toBe('provisioning');
    const per = { grafanaDelivery: 'test=api, production=provisioning' };
    expect([grafanaRoute(per, 'test'), grafanaRoute(per, 'production'), grafanaRoute(per, 'other')]).toEqual([
      'api',
      'provisioning',
      'api',
    ]);
    expect(() => grafanaRoute({ grafanaDelivery: 'both' }, 'test')).toThrow(/neither api nor provisioning/);
  });

  it('keeps the dashboards of one route and the datasource keys always', () => {
    expect(routeGrafana(desired, 'api').map((d) => d.kind)).toEqual(['grafana/dashboard', 'consul-kv/key']);
    expect(routeGrafana(desired, 'provisioning').map((d) => d.name)).toEqual([KEY, desired[2]!.name]);
  });

  it('refuses one uid both ways', () => {
    expect(() => assertOneRoute(desired)).toThrow(/calvin-queue would be delivered both through the API and/);
    expect(() => assertOneRoute(routeGrafana(desired, 'api'))).not.toThrow();
  });

  it('counts the dashboards Grafana already holds from provisioning files as provisioned', () => {
    const viaApi = routeGrafana(desired, 'api');
    expect(() => assertOneRoute(viaApi, ['calvin-queue'])).toThrow(/calvin-queue would be delivered both/);
    expect(() => assertOneRoute(viaApi, ['calvin-other'])).not.toThrow();
    const live = { kind: 'grafana/dashboard' as const, name: 'calvin-queue', body: {}, managed: true };
    expect(isProvisionedInGrafana({ ...live, ref: { provisioned: true } })).toBe(true);
    expect(isProvisionedInGrafana(live)).toBe(false);
  });
});
