import { describe, expect, it } from 'vitest';
import type { ServiceDef } from '../../../src/define/types.js';
import {
  closestNames,
  editDistance,
  resolveByName,
  resolveByServiceId,
  unknownServiceError,
} from '../../../src/diagnose/resolve.js';

function def(id: string, consulName: string, aliases: string[], consulTags?: string[]): ServiceDef {
  return {
    kind: 'service',
    id,
    consulName,
    title: id,
    aliases,
    owner: 'x',
    ...(consulTags ? { consulTags } : {}),
    metrics: { database: 'system', measurements: [], tagFilters: {}, signals: [] },
    logs: { indexPattern: 'logs-*', serviceNames: [], processNames: [] },
    runbooks: [],
  };
}

const defs = [
  def('artefacts', 'artefacts', ['nexus']),
  def('grafana', 'metrics', ['grafana'], ['dashboard']),
  def('influxdb', 'metrics', ['influx']),
];
const names = ['artefacts', 'builds', 'consul', 'metrics', 'queue'];

describe('resolve', () => {
  it('takes an exact Consul name, with its definition when there is one', () => {
    expect(resolveByName('artefacts', names, defs)).toMatchObject({
      service: 'artefacts',
      how: 'name',
      definition: { id: 'artefacts' },
    });
    expect(resolveByName('builds', names, defs)).toEqual({ service: 'builds', how: 'name' });
  });

  it('prefers the untagged definition of a shared Consul name', () => {
    expect(resolveByName('metrics', names, defs)?.definition?.id).toBe('influxdb');
    expect(resolveByName('grafana', names, defs)?.definition?.id).toBe('grafana');
  });

  it('maps an alias, case-insensitively as a last resort', () => {
    expect(resolveByName('nexus', names, defs)).toMatchObject({ service: 'artefacts', how: 'alias' });
    expect(resolveByName('NEXUS', names, defs)).toMatchObject({ service: 'artefacts', how: 'alias' });
    expect(resolveByName('Queue', names, defs)).toMatchObject({ service: 'queue', how: 'name' });
  });

  it('takes a unique service id prefix', () => {
    const ids = new Map([
      ['artefacts', ['nexus_nexus-01', 'nexus_nexus-02']],
      ['queue', ['rabbit_rabbit-01']],
    ]);
    expect(resolveByServiceId('nexus_nexus-02', ids, defs)).toMatchObject({
      service: 'artefacts',
      how: 'id-prefix',
      serviceIds: ['nexus_nexus-02'],
    });
    expect(resolveByServiceId('zzz', ids, defs)).toBeNull();
  });

  it('lists the closest names of an unknown service', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(closestNames('qeueu', names, defs)[0]).toBe('queue');
    const error = unknownServiceError('nexsu', names, defs, 'test');
    expect(error.code).toBe('UNKNOWN_SERVICE');
    expect(error.oneLine()).toContain('closest: nexus');
  });

  it('keeps control characters of hostile names out of the message', () => {
    const error = unknownServiceError('x\u001b[31m', ['evil\u001b]0;pwned\u0007'], [], 'dc\u0007');
    expect(error.oneLine()).not.toMatch(/[\u0000-\u001f]/);
  });
});
