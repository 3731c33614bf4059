import { describe, expect, it } from 'vitest';
import { CONNECTION_ERROR, dependencyRefs, nodeLookups, resolveRef } from '../../../src/diagnose/dependency-refs.js';

const SERVICES = ['artefacts', 'builds', 'consul', 'logs', 'queue'];
const NODES = [
  { node: 'rabbit-01', address: '10.3.0.12', services: ['consul', 'queue'] },
  { node: 'nexus-01', address: '10.1.0.11', services: ['artefacts'] },
];

describe('dependencyRefs', () => {
  it('reads tag, service and datacenter forms of Consul DNS names', () => {
    expect(dependencyRefs('connect to amqp.queue.service.consul:5672 refused')).toEqual([
      { kind: 'service', text: 'amqp.queue.service.consul', service: 'queue', tag: 'amqp' },
    ]);
    expect(dependencyRefs('GET http://queue.service.dc1.consul:15672/ timed out')).toEqual([
      { kind: 'service', text: 'queue.service.dc1.consul', service: 'queue' },
    ]);
    expect(dependencyRefs('Connection refused - connect(2) for "queue.service.consul" port 5672')[0]).toMatchObject({
      service: 'queue',
    });
  });

  it('reads node names, addresses and host:port, once each', () => {
    expect(dependencyRefs('no route to rabbit-01.node.consul, then 10.3.0.12:5672 and 10.3.0.12 again')).toEqual([
      { kind: 'node', text: 'rabbit-01.node.consul', node: 'rabbit-01' },
      { kind: 'host', text: '10.3.0.12:5672', host: '10.3.0.12' },
    ]);
    expect(dependencyRefs('could not connect to rabbit-01:5672')).toEqual([
      { kind: 'host', text: 'rabbit-01', host: 'rabbit-01' },
    ]);
    expect(dependencyRefs('failed to write the blob')).toEqual([]);
  });

  it('asks the catalog only about nodes and hosts', () => {
    expect(nodeLookups(dependencyRefs('queue.service.consul, rabbit-01.node.consul, 10.3.0.12'))).toEqual([
      'rabbit-01',
      '10.3.0.12',
    ]);
  });

  it('recognises connection errors and nothing else', () => {
    expect(CONNECTION_ERROR.test('dial tcp 10.3.0.12:5672: connect: connection refused')).toBe(true);
    expect(CONNECTION_ERROR.test('upstream answered 503')).toBe(true);
    expect(CONNECTION_ERROR.test('job 5031 finished')).toBe(false);
  });
});

describe('resolveRef', () => {
  it('resolves a Consul service name, never to the service itself', () => {
    const [ref] = dependencyRefs('amqp.queue.service.consul refused');
    expect(resolveRef(ref!, 'logs', SERVICES, NODES)).toEqual({
      service: 'queue',
      reference: 'amqp.queue.service.consul',
      via: 'logs',
    });
    expect(resolveRef(ref!, 'queue', SERVICES, NODES)).toBeNull();
    const [unknown] = dependencyRefs('vault.service.consul refused');
    expect(resolveRef(unknown!, 'logs', SERVICES, NODES)).toBeNull();
  });

  it('resolves a node or its address to the service on it, naming the node', () => {
    for (const text of [
      'rabbit-01.node.consul down',
      'dial tcp 10.3.0.12:5672: refused',
      'connect to rabbit-01:5672',
    ]) {
      const [ref] = dependencyRefs(text);
      expect(resolveRef(ref!, 'logs', SERVICES, NODES)).toMatchObject({ service: 'queue', nodes: ['rabbit-01'] });
    }
  });

  it('takes a bare host that is no node for a service name', () => {
    const [ref] = dependencyRefs('cannot connect to queue:5672');
    expect(resolveRef(ref!, 'logs', SERVICES, NODES)).toMatchObject({ service: 'queue' });
  });
});

describe('findDependencies', () => {
  it('follows declared dependencies and the ones connection errors name, resolving addresses in Consul', async () => {
    const { findDependencies } = await import('../../../src/diagnose/collect-dependencies.js');
    const lookups: string[][] = [];
    const backends = {
      findNodes: async (wanted: string[]) => {
        lookups.push(wanted);
        return NODES.filter((n) => wanted.includes(n.address));
      },
    } as unknown as import('../../../src/diagnose/collect.js').DiagnoseBackends;
    const message = (text: string, count: number) => ({
      message: text,
      count,
      hosts: [],
      first: '',
      last: '',
      errorTypes: [],
      services: [],
      processes: [],
    });
    const found = await findDependencies(backends, {
      service: 'logs',
      services: SERVICES,
      definition: { dependsOn: ['builds', 'vault'] } as never,
      windowErrors: [
        message('job 10.1.0.11 finished', 900),
        message('dial tcp 10.3.0.12:5672: connect: connection refused', 40),
      ],
      call: () => ({ timeoutMs: 1000 }),
    });
    expect(lookups).toEqual([['10.3.0.12']]);
    expect(found).toEqual([
      { service: 'queue', reference: '10.3.0.12:5672', via: 'logs', nodes: ['rabbit-01'] },
      { service: 'builds', reference: 'dependsOn', via: 'definition' },
    ]);
  });
});
