import { afterAll, describe, expect, it } from 'vitest';
import {
  deregisterNode,
  listDatacenters,
  listServices,
  localDatacenter,
  nodesWithMeta,
  registerExternal,
  serviceInstances,
} from '../../src/backends/consul.js';
import { CalvinError } from '../../src/errors.js';
import { closedPort, HOSTILE_NAMES, stackConfig } from './stack-helpers.js';

const config = stackConfig();
const tag = `h3-consul-${process.pid}`;
const service = `backends-consul-test-${process.pid} we"ird'svc/.*+?()[]{}|\\^$ ☃`;
const nodes = HOSTILE_NAMES.map((name, i) => `${tag}-${i}-${name}`);

afterAll(async () => {
  await Promise.all(nodes.map((node) => deregisterNode(config, node)));
});

describe('Consul backend against the local stack', () => {
  it('reads the datacenter of the agent and the datacenter list', async () => {
    expect(await localDatacenter(config)).toBe('test');
    expect(await listDatacenters(config)).toContain('test');
  });

  it('lists the stack services with their tags', async () => {
    const services = await listServices(config);
    expect(services.metrics).toContain('http');
    expect(services.documents).toContain('http');
  });

  it('registers external nodes with hostile names and reads them back with node and service checks', async () => {
    for (const [i, node] of nodes.entries()) {
      await registerExternal(config, {
        node,
        address: `10.99.0.${i + 1}`,
        nodeMeta: { 'calvin-test': tag },
        service: { id: `svc_${i}`, name: service, tags: ['http', `t"ag${i}`], port: 8080 + i },
        checks: [
          // Not serfHealth: Consul's leader reaps catalog nodes whose serfHealth names no serf member.
          {
            checkId: 'externalNodeHealth',
            name: 'External Node Health',
            status: 'passing',
            output: 'Node alive and reachable',
          },
          {
            checkId: `service:svc_${i}`,
            name: 'HTTP status',
            status: i === 1 ? 'critical' : 'passing',
            output: i === 1 ? 'HTTP GET http://x:8080/: 503 Service Unavailable' : 'HTTP GET http://x:8080/: 200 OK',
            serviceId: `svc_${i}`,
          },
        ],
      });
    }
    expect(Object.keys(await listServices(config))).toContain(service);
    const instances = await serviceInstances(config, service);
    expect(instances.map((i) => i.node).sort()).toEqual([...nodes].sort());
    const critical = instances.find((i) => i.serviceId === 'svc_1');
    expect(critical?.node).toBe(nodes[1]);
    expect(critical?.address).toBe('10.99.0.2');
    expect(critical?.servicePort).toBe(8081);
    expect(critical?.serviceTags).toEqual(['http', 't"ag1']);
    expect(critical?.nodeMeta['external-node']).toBe('true');
    const nodeCheck = critical?.checks.find((c) => c.checkId === 'externalNodeHealth');
    expect(nodeCheck).toEqual({
      checkId: 'externalNodeHealth',
      name: 'External Node Health',
      status: 'passing',
      output: 'Node alive and reachable',
      serviceId: '',
    });
    const http = critical?.checks.find((c) => c.serviceId === 'svc_1');
    expect(http?.status).toBe('critical');
    expect(http?.output).toContain('503 Service Unavailable');
    expect((await nodesWithMeta(config, 'calvin-test', tag)).sort()).toEqual([...nodes].sort());
  });

  it('deregisters nodes with their services', async () => {
    await deregisterNode(config, nodes[0] as string);
    const instances = await serviceInstances(config, service);
    expect(instances.map((i) => i.node)).not.toContain(nodes[0]);
  });

  it('returns no instances for an unknown service', async () => {
    expect(await serviceInstances(config, `no-such-service-${tag}`)).toEqual([]);
  });

  it('fails fast with CONSUL_UNREACHABLE / BACKEND_UNREACHABLE when nothing listens', async () => {
    const dead = stackConfig({ consulAddr: `127.0.0.1:${await closedPort()}` });
    const error = await listServices(dead).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CalvinError);
    expect((error as CalvinError).code).toBe('CONSUL_UNREACHABLE');
    expect((error as CalvinError).hint).toContain('CONSUL_HTTP_ADDR');
    const registerError = await registerExternal(dead, { node: 'x', address: '10.0.0.1' }).catch((e: unknown) => e);
    expect((registerError as CalvinError).code).toBe('BACKEND_UNREACHABLE');
  }, 15_000);
});
