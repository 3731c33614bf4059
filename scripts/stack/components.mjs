// The three real backends: how each is installed, configured, started, probed and stopped.
import fs from 'node:fs';
import path from 'node:path';
import { debPackage, elasticsearchZip, extractDeb, unzip } from './install.mjs';
import { ensureKapacitor, kapacitorBin } from './kapacitor-build.mjs';
import { DATACENTERS, dirs, esUser, ports, urls, versions } from './paths.mjs';
import { kapacitorConf } from './kapacitor-conf.mjs';
import { kapacitorServeEndpoint } from './serve.mjs';
import { ensureDir, probe, progress, run, StackError, writeIfChanged } from './util.mjs';

const consulHome = path.join(dirs.opt, 'consul');
const influxHome = path.join(dirs.opt, 'influxdb');
const esHome = path.join(dirs.opt, `elasticsearch-${versions.elasticsearch}`);
const esDist = path.join(esHome, `elasticsearch-${versions.elasticsearch}`);

// Both agents share one binary: install it once even when they start side by side.
let consulInstall;
const installConsul = () => {
  consulInstall ??= debPackage(versions.consul).then((deb) => extractDeb(deb, consulHome));
  return consulInstall;
};

/** A -dev Consul server agent: one per datacenter (environment), all from the same binary. */
function consulAgent({ name, datacenter, node, url, http, server, serfLan, serfWan, joinWan }) {
  return {
    name,
    url,
    datacenter,
    logFile: path.join(dirs.logs, `${name}.log`),
    marker: path.join(consulHome, 'usr/bin/consul'),
    startTimeoutMs: 60_000,
    async install() {
      await installConsul();
    },
    async launch() {
      // -dev keeps all state in memory: `up` re-registers the stack's own services every time.
      const args = ['agent', '-dev', '-bind', '127.0.0.1', '-client', '127.0.0.1', '-datacenter', datacenter];
      args.push('-node', node, '-http-port', String(http), '-dns-port', '-1', '-grpc-port', '-1');
      args.push('-server-port', String(server), '-serf-lan-port', String(serfLan), '-serf-wan-port', String(serfWan));
      // A later agent joins the first over the WAN, so the first never needs a restart.
      if (joinWan) args.push('-retry-join-wan', joinWan);
      return { command: this.marker, args: [...args, '-log-level', 'warn'] };
    },
    async healthy() {
      const res = await probe(`${url}/v1/status/leader`);
      if (!res?.ok) return false;
      const leader = await res.json().catch(() => '');
      return typeof leader === 'string' && leader.length > 0;
    },
  };
}

export const consul = consulAgent({
  name: 'consul',
  datacenter: DATACENTERS.test,
  node: 'calvin-stack',
  url: urls.consul,
  http: ports.consulHttp,
  server: ports.consulServer,
  serfLan: ports.consulSerfLan,
  serfWan: ports.consulSerfWan,
});

export const consulProduction = consulAgent({
  name: 'consul-production',
  datacenter: DATACENTERS.production,
  node: 'calvin-stack-production',
  url: urls.consulProduction,
  http: ports.consulProdHttp,
  server: ports.consulProdServer,
  serfLan: ports.consulProdSerfLan,
  serfWan: ports.consulProdSerfWan,
  joinWan: `127.0.0.1:${ports.consulSerfWan}`,
});

function influxConfig() {
  const data = path.join(dirs.data, 'influxdb');
  return `# Written by scripts/stack.mjs: loopback only, everything under .stack.
reporting-disabled = true
bind-address = "127.0.0.1:${ports.influxRpc}"

[meta]
  dir = "${path.join(data, 'meta')}"

[data]
  dir = "${path.join(data, 'data')}"
  wal-dir = "${path.join(data, 'wal')}"
  query-log-enabled = false
  cache-max-memory-size = "1g"
  max-series-per-database = 0
  max-values-per-tag = 0

[coordinator]
  log-queries-after = "0s"

[monitor]
  store-enabled = false

[http]
  enabled = true
  bind-address = "127.0.0.1:${ports.influxHttp}"
  auth-enabled = false
  log-enabled = false
  max-body-size = 0

[logging]
  level = "warn"

[subscriber]
  enabled = false

[continuous_queries]
  enabled = false
`;
}

export const influx = {
  name: 'influx',
  url: urls.influx,
  logFile: path.join(dirs.logs, 'influxdb.log'),
  marker: path.join(influxHome, 'usr/bin/influxd'),
  startTimeoutMs: 60_000,
  async install() {
    await extractDeb(await debPackage(versions.influx), influxHome);
  },
  async launch() {
    const conf = path.join(ensureDir(dirs.conf), 'influxdb.conf');
    for (const d of ['meta', 'data', 'wal']) ensureDir(path.join(dirs.data, 'influxdb', d));
    writeIfChanged(conf, influxConfig());
    return { command: this.marker, args: ['-config', conf] };
  },
  async healthy() {
    const res = await probe(`${urls.influx}/ping`);
    return res?.status === 204;
  },
};

function esConfig() {
  return `# Written by scripts/stack.mjs: one loopback node, plain HTTP. The integ-test-zip carries only
# x-pack-core and x-pack-security; security off also stops first-start auto-configuration.
cluster.name: calvin-stack
node.name: calvin-stack
path.data: ${path.join(dirs.data, 'elasticsearch')}
path.logs: ${path.join(dirs.logs, 'elasticsearch')}
network.host: 127.0.0.1
http.port: ${ports.esHttp}
transport.port: ${ports.esTransport}
discovery.type: single-node
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
xpack.security.enabled: false
`;
}

async function userIds(user) {
  try {
    const uid = Number((await run('id', ['-u', user])).trim());
    const gid = Number((await run('id', ['-g', user])).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/** Elasticsearch refuses root: it runs as a dedicated system user, created on first use. */
async function ensureEsUser() {
  if (process.getuid?.() !== 0) return {}; // not root: run as ourselves
  let ids = await userIds(esUser);
  if (!ids) {
    progress(`useradd ${esUser} (Elasticsearch refuses to run as root)`);
    await run('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--home-dir',
      '/nonexistent',
      '--shell',
      '/usr/sbin/nologin',
      esUser,
    ]);
    ids = await userIds(esUser);
    if (!ids) throw new StackError(`useradd ${esUser} succeeded but id ${esUser} fails`);
  }
  return ids;
}

function javaHome() {
  if (process.env.ES_JAVA_HOME) return process.env.ES_JAVA_HOME;
  if (process.env.JAVA_HOME) return process.env.JAVA_HOME;
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const java = path.join(dir, 'java');
    if (fs.existsSync(java)) return path.dirname(path.dirname(fs.realpathSync(java)));
  }
  throw new StackError('no java on PATH: Elasticsearch needs Java 17 (set ES_JAVA_HOME)');
}

function chownTree(dir, ids) {
  if (ids.uid === undefined) return;
  const walk = (p) => {
    fs.lchownSync(p, ids.uid, ids.gid);
    if (fs.lstatSync(p).isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
  };
  walk(dir);
}

function ensureOwnedDir(dir, ids) {
  const existed = fs.existsSync(dir);
  ensureDir(dir);
  if (!existed || (ids.uid !== undefined && fs.statSync(dir).uid !== ids.uid)) chownTree(dir, ids);
}

export const elasticsearch = {
  name: 'elasticsearch',
  url: urls.elasticsearch,
  logFile: path.join(dirs.logs, 'elasticsearch', 'calvin-stack.log'),
  marker: esDist,
  pidFile: path.join(dirs.run, 'elasticsearch', 'server.pid'),
  startTimeoutMs: 240_000,
  async install() {
    const zip = await elasticsearchZip(versions.elasticsearch);
    const fresh = !fs.existsSync(path.join(esHome, '.extracted'));
    await unzip(zip, esHome);
    if (fresh) {
      for (const f of fs.readdirSync(path.join(esDist, 'bin'))) fs.chmodSync(path.join(esDist, 'bin', f), 0o755);
      chownTree(esHome, await ensureEsUser());
    }
  },
  async launch() {
    const ids = await ensureEsUser();
    ensureOwnedDir(esHome, ids);
    ensureOwnedDir(path.join(dirs.data, 'elasticsearch'), ids);
    ensureOwnedDir(path.join(dirs.logs, 'elasticsearch'), ids);
    ensureOwnedDir(path.dirname(this.pidFile), ids);
    const config = path.join(esDist, 'config');
    writeIfChanged(path.join(config, 'elasticsearch.yml'), esConfig());
    ensureDir(path.join(config, 'jvm.options.d'));
    writeIfChanged(path.join(config, 'jvm.options.d', 'calvin-heap.options'), '-Xms512m\n-Xmx512m\n');
    chownTree(config, ids);
    fs.rmSync(this.pidFile, { force: true });
    return {
      command: path.join(esDist, 'bin', 'elasticsearch'),
      args: ['-d', '-p', this.pidFile],
      env: { ES_JAVA_HOME: javaHome(), ES_JAVA_OPTS: '-Xms512m -Xmx512m', HOME: esHome, ES_PATH_CONF: config },
      cwd: esDist,
      ...ids,
      // -d: the launcher exits once the server runs; the server's pid is in pidFile.
      daemonPidFile: this.pidFile,
    };
  },
  async healthy() {
    const res = await probe(`${urls.elasticsearch}/_cluster/health`);
    if (!res?.ok) return false;
    const body = await res.json().catch(() => ({}));
    return body.status === 'green' || body.status === 'yellow';
  },
};

function kapacitorConfig() {
  return kapacitorConf({
    dataDir: ensureDir(path.join(dirs.data, 'kapacitor')),
    port: ports.kapacitorHttp,
    influxUrl: urls.influx,
    // Alerts of the calvin() handler reach the demo's calvin serve with its token (made once in run/serve.token).
    extra: kapacitorServeEndpoint(),
  });
}

export const kapacitor = {
  name: 'kapacitor',
  url: urls.kapacitor,
  logFile: path.join(dirs.logs, 'kapacitor.log'),
  marker: kapacitorBin,
  // A cold start may include the build.
  startTimeoutMs: 120_000,
  async install() {
    await ensureKapacitor();
  },
  /** The running Kapacitor read a config other than the one the stack writes now. */
  configStale() {
    const conf = path.join(dirs.conf, 'kapacitor.conf');
    return fs.existsSync(conf) && fs.readFileSync(conf, 'utf8') !== kapacitorConfig();
  },
  async launch() {
    const conf = path.join(ensureDir(dirs.conf), 'kapacitor.conf');
    writeIfChanged(conf, kapacitorConfig(), 0o600); // holds serve's token
    return { command: this.marker, args: ['-config', conf] };
  },
  async healthy() {
    const res = await probe(`${urls.kapacitor}/kapacitor/v1/ping`);
    return res?.status === 204;
  },
};

export const components = [consul, consulProduction, influx, elasticsearch, kapacitor];
export const byName = {
  consul,
  'consul-production': consulProduction,
  influx,
  influxdb: influx,
  elasticsearch,
  es: elasticsearch,
  kapacitor,
};
