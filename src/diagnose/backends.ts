/** The real backends behind `DiagnoseBackends`: Consul, InfluxDB and Elasticsearch of src/backends. */
import type { Config } from '../config.js';
import { findNodes, listServices, localDatacenter, serviceInstances } from '../backends/consul.js';
import { discoverEndpoints } from '../backends/discover.js';
import { esHttpFieldCaps, esHttpMultiSearch, esHttpSearch } from '../backends/es-http.js';
import { influxQuery } from '../backends/influx.js';
import type { DiagnoseBackends } from './backend-types.js';

export function createDiagnoseBackends(config: Config): DiagnoseBackends {
  return {
    async datacenter(options) {
      return config.consul.datacenter ?? (await localDatacenter(config, { timeoutMs: options.timeoutMs }));
    },
    async listServices(options) {
      return Object.keys(await listServices(config, { timeoutMs: options.timeoutMs })).sort();
    },
    async serviceInstances(service, options) {
      const instances = await serviceInstances(config, service, { timeoutMs: options.timeoutMs });
      return instances.map((i) => ({
        node: i.node,
        address: i.address,
        serviceId: i.serviceId,
        tags: i.serviceTags,
        serviceMeta: i.serviceMeta,
        nodeMeta: i.nodeMeta,
        // Node-level checks (serfHealth) and the instance's own checks.
        checks: i.checks
          .filter((c) => c.serviceId === '' || c.serviceId === i.serviceId)
          .map((c) => ({ name: c.name, status: c.status, output: c.output })),
      }));
    },
    // Discovery runs inside the diagnosis budget: the caller's remaining time and abort signal.
    endpoints: async (options) =>
      discoverEndpoints(config, ['influx', 'elasticsearch'], {
        timeoutMs: options.timeoutMs,
        ...(options.signal ? { signal: options.signal } : {}),
      }),
    influxQuery: (endpoint, database, query, options) => influxQuery(endpoint, database, query, options),
    // Plain HTTP rather than the Elasticsearch client: see es-http.ts for why.
    esFieldCaps: (endpoint, index, fields, options) => esHttpFieldCaps(endpoint, index, fields, options),
    esSearch: async (endpoint, index, body, options) => esHttpSearch(endpoint, index, body, options),
    esMultiSearch: async (endpoint, searches, options) => esHttpMultiSearch(endpoint, searches, options),
    findNodes: (wanted, options) => findNodes(config, wanted, { timeoutMs: options.timeoutMs }),
  };
}
