// What `up` does once the processes are healthy: register the backends in Consul the way Calvinverse
// does (metrics/http, metrics/monitoring, documents/http), in every datacenter, and create the InfluxDB databases. Each step checks first, so a
// second `up` changes nothing.
import { consul, consulProduction, elasticsearch, influx } from './components.mjs';
import { ports, urls } from './paths.mjs';
import { fetchJson, progress } from './util.mjs';

export const STACK_SERVICES = [
  {
    ID: 'calvin-stack-metrics-http',
    Name: 'metrics',
    Tags: ['http'],
    Address: '127.0.0.1',
    Port: ports.influxHttp,
    Check: { HTTP: `${urls.influx}/ping`, Interval: '10s', Timeout: '2s' },
  },
  {
    ID: 'calvin-stack-metrics-monitoring',
    Name: 'metrics',
    Tags: ['monitoring'],
    Address: '127.0.0.1',
    Port: ports.kapacitorHttp,
    Check: { HTTP: `${urls.kapacitor}/kapacitor/v1/ping`, Interval: '10s', Timeout: '2s' },
  },
  {
    ID: 'calvin-stack-documents-http',
    Name: 'documents',
    Tags: ['http'],
    Address: '127.0.0.1',
    Port: ports.esHttp,
    Check: { HTTP: `${urls.elasticsearch}/_cluster/health`, Interval: '10s', Timeout: '2s' },
  },
];

export const STACK_DATABASES = ['system', 'services'];

async function registerServices(agent) {
  const existing = await fetchJson(`${agent.url}/v1/agent/services`);
  for (const service of STACK_SERVICES) {
    const have = existing?.[service.ID];
    if (
      have &&
      have.Service === service.Name &&
      have.Port === service.Port &&
      JSON.stringify(have.Tags) === JSON.stringify(service.Tags)
    )
      continue;
    progress(
      `registering ${service.Name}/${service.Tags.join(',')} → 127.0.0.1:${service.Port} in Consul ${agent.datacenter}`,
    );
    await fetchJson(`${agent.url}/v1/agent/service/register`, {
      method: 'PUT',
      body: JSON.stringify(service),
      headers: { 'content-type': 'application/json' },
    });
  }
}

async function createDatabases() {
  const shown = await fetchJson(`${urls.influx}/query?q=${encodeURIComponent('SHOW DATABASES')}`);
  const have = new Set((shown?.results?.[0]?.series?.[0]?.values ?? []).map((v) => v[0]));
  for (const db of STACK_DATABASES.filter((d) => !have.has(d))) {
    progress(`CREATE DATABASE "${db}"`);
    const body = new URLSearchParams({ q: `CREATE DATABASE "${db}"` });
    await fetchJson(`${urls.influx}/query`, { method: 'POST', body });
  }
}

/** Runs the steps whose backends are up (a partial `start` must not fail on a stopped Consul). */
export async function afterStart() {
  for (const agent of [consul, consulProduction]) if (await agent.healthy()) await registerServices(agent);
  if (await influx.healthy()) await createDatabases();
  void elasticsearch;
}
