// Where the local stack lives and which loopback ports it uses. One place, so docs and tests agree.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const stackDir = process.env.CALVIN_STACK_DIR
  ? path.resolve(process.env.CALVIN_STACK_DIR)
  : path.join(repoRoot, '.stack');

export const dirs = {
  root: stackDir,
  cache: path.join(stackDir, 'cache'),
  apt: path.join(stackDir, 'cache', 'apt'),
  pkgs: path.join(stackDir, 'cache', 'debs'),
  opt: path.join(stackDir, 'opt'),
  data: path.join(stackDir, 'data'),
  logs: path.join(stackDir, 'logs'),
  run: path.join(stackDir, 'run'),
  conf: path.join(stackDir, 'conf'),
};

// CALVIN_STACK_PORT_OFFSET shifts every port: a second, throw-away stack (e.g. to time a cold start)
// can run beside the usual one. Tests and discovery expect the default ports.
const offset = Number(process.env.CALVIN_STACK_PORT_OFFSET ?? 0) || 0;
export const ports = Object.fromEntries(
  Object.entries({
    consulHttp: 18500,
    consulServer: 18300,
    consulSerfLan: 18301,
    consulSerfWan: 18302,
    // The second datacenter, `production`: its own server agent, WAN-joined to `test`.
    consulProdHttp: 18510,
    consulProdServer: 18310,
    consulProdSerfLan: 18311,
    consulProdSerfWan: 18312,
    kapacitorHttp: 19092,
    influxHttp: 18086,
    influxRpc: 18088,
    esHttp: 19200,
    esTransport: 19300,
  }).map(([k, v]) => [k, v + offset]),
);

export const versions = {
  consul: { suite: 'bullseye', package: 'consul' },
  influx: { suite: 'bookworm', package: 'influxdb' },
  // Latest 8.x integ-test-zip on Maven Central when this was written; override with CALVIN_ES_VERSION.
  elasticsearch: process.env.CALVIN_ES_VERSION ?? '8.19.21',
  // Built from the Go module proxy (scripts/stack/kapacitor-build.mjs); pinned: the alert simulator is
  // proven equal to this version by test/integration/kapacitor-differential.test.ts.
  kapacitor: '1.7.6',
};

/** Consul datacenters of the stack: each one is an environment (`--env`). */
export const DATACENTERS = { test: 'test', production: 'production' };

export const esUser = process.env.CALVIN_ES_USER ?? 'calvin-es';

export const urls = {
  consul: `http://127.0.0.1:${ports.consulHttp}`,
  consulProduction: `http://127.0.0.1:${ports.consulProdHttp}`,
  kapacitor: `http://127.0.0.1:${ports.kapacitorHttp}`,
  influx: `http://127.0.0.1:${ports.influxHttp}`,
  elasticsearch: `http://127.0.0.1:${ports.esHttp}`,
};
