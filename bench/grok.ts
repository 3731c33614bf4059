/**
 * `npm run bench:grok`: grok lines per second on one core, calvin (Oniguruma WASM) against the
 * peers grok-js and node-grok (native Oniguruma bindings), in the same run on the same lines.
 *
 * Workload: 100,000 generated lines, 60% BSD syslog (sshd, consul, nexus, telegraf, kernel...) and
 * 40% Sonatype Nexus request.log lines. Each line goes through one grok with two expressions
 * tried in order (break_on_match), as a Logstash filter would: syslog first, then the Nexus
 * request log. Every engine uses its own definitions of the standard pattern names.
 * Goals: ≥ 100,000 lines/s, and ≥ 2× the faster peer. Prints figures only; never asserts.
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { GrokLibrary, loadOniguruma } from '../src/logstash/index.js';
import type { GrokField } from '../src/logstash/grok/grok.js';
import { stopGrokGuard } from '../src/logstash/grok/guard.js';

const LINES = 100_000;
const ROUNDS = 5;

const SYSLOG = '%{SYSLOGTIMESTAMP:timestamp} %{SYSLOGHOST:logsource} %{SYSLOGPROG}: %{GREEDYDATA:syslog_message}';
const NEXUS =
  '%{IPORHOST:clientip} %{USER:ident} %{NOTSPACE:auth} \\[%{HTTPDATE:timestamp}\\] "%{WORD:verb} %{NOTSPACE:request} HTTP/%{NUMBER:httpversion}" %{INT:response} (?:-|%{INT:request_bytes}) (?:-|%{INT:bytes}) %{INT:elapsed} "%{DATA:agent}" \\[%{NOTSPACE:thread}\\]';

// Deterministic generator (mulberry32).
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(n: number): string[] {
  const r = rng(20261123);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const hosts = ['build-01', 'build-02', 'hashi-01', 'nexus-01', 'logs-01', 'metrics-01', 'queue-01', '10.0.4.17'];
  const programs = [
    'sshd',
    'consul',
    'vault',
    'nexus',
    'telegraf',
    'kernel',
    'systemd',
    'run_jenkins.sh',
    'rabbitmq-server',
  ];
  const messages = [
    'Accepted publickey for admin from 10.0.%d.%d port %d ssh2',
    '2026-11-23T09:15:02.123Z [INFO]  agent: Synced node info',
    '[WARN] agent: Check is now critical: check=service:nexus',
    'E! [outputs.influxdb] when writing to [http://http.metrics.service.consulverse:8086]: timeout',
    '[UFW BLOCK] IN=eth0 OUT= MAC=01:00:5e:00:00:01 SRC=172.17.35.254 DST=224.0.0.1 LEN=32 PROTO=2',
    'Started Telegraf Agent.',
    'org.sonatype.nexus.blobstore.file.FileBlobStore - Blob store default is over quota %d%%',
  ];
  const paths = [
    '/repository/maven-public/org/apache/commons/commons-lang3/3.14.0/commons-lang3-3.14.0.jar',
    '/repository/npm-hosted/left-pad/-/left-pad-1.3.0.tgz',
    '/service/rest/v1/status',
    '/repository/nuget-hosted/FindPackagesById()?id=%27Newtonsoft.Json%27',
  ];
  const agents = [
    'Apache-Maven/3.8.6 (Java 17.0.2; Linux 5.15.0)',
    'npm/10.2.0 node/v20.11.0 linux x64',
    'NuGet Command Line/6.8.0 (Microsoft Windows NT 10.0.20348.0)',
    'curl/8.5.0',
  ];
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const day = 1 + Math.floor(r() * 28);
    const time = `${String(Math.floor(r() * 24)).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}`;
    if (r() < 0.6) {
      const prog = pick(programs);
      const pid = r() < 0.8 ? `[${1 + Math.floor(r() * 30000)}]` : '';
      const msg = pick(messages)
        .replace('%d', String(Math.floor(r() * 255)))
        .replace('%d', String(Math.floor(r() * 255)))
        .replace('%d', String(40000 + Math.floor(r() * 20000)))
        .replace('%%', '%');
      lines.push(`${pick(months)} ${String(day).padStart(2, ' ')} ${time} ${pick(hosts)} ${prog}${pid}: ${msg}`);
    } else {
      const user = r() < 0.5 ? '-' : pick(['admin', 'jenkins', 'deploy-bot']);
      const status = pick([200, 200, 200, 304, 401, 404, 500]);
      const reqBytes = r() < 0.7 ? '-' : String(Math.floor(r() * 100000));
      lines.push(
        `10.0.${Math.floor(r() * 255)}.${Math.floor(r() * 255)} - ${user} [${String(day).padStart(2, '0')}/${pick(months)}/2026:${time} +0000] "${pick(['GET', 'GET', 'PUT', 'HEAD'])} ${pick(paths)} HTTP/1.1" ${status} ${reqBytes} ${Math.floor(r() * 5_000_000)} ${Math.floor(r() * 900)} "${pick(agents)}" [qtp1147985808-${Math.floor(r() * 400)}]`,
      );
    }
  }
  return lines;
}

interface Engine {
  name: string;
  /** Parses a line with the two expressions in order; returns the captures of the first that matches. */
  parse(line: string): Record<string, unknown> | null;
}

async function calvinEngine(fastPath = true): Promise<Engine> {
  await loadOniguruma();
  const lib = new GrokLibrary({ fastPath });
  const syslog = lib.compile(SYSLOG);
  const nexus = lib.compile(NEXUS);
  const name = fastPath ? 'calvin (vscode-oniguruma WASM)' : 'calvin, public API only';
  return { name, parse: (line) => syslog.match(line) ?? nexus.match(line) };
}

/** The path `calvin test` takes by default: each match on a worker, bounded by timeout_millis. */
async function calvinGuardedEngine(): Promise<Engine> {
  await loadOniguruma();
  const lib = new GrokLibrary();
  const syslog = lib.compile(SYSLOG);
  const nexus = lib.compile(NEXUS);
  const fields = (f: GrokField[] | null | 'timeout'): Record<string, unknown> | null =>
    f === null || f === 'timeout' ? null : Object.fromEntries(f.map(({ spec, value }) => [spec.field, value]));
  return {
    name: 'calvin, timeout_millis on a worker',
    parse: (line) => fields(syslog.matchFieldsWithin(line, 30_000)) ?? fields(nexus.matchFieldsWithin(line, 30_000)),
  };
}

type Peer = { engine?: Engine; reason?: string };

interface GrokPatternLike {
  parseSync(s: string): Record<string, unknown> | null;
}
interface GrokCollectionLike {
  createPattern(expression: string, id?: string): GrokPatternLike;
}

/** The peers live in bench/peers (installed by `npm run bench:grok`), not among calvin's dependencies. */
const requirePeer = createRequire(new URL('./peers/package.json', import.meta.url));

function grokJsEngine(): Peer {
  const require = requirePeer;
  try {
    const grok = require('grok-js') as { loadDefaultSync(): GrokCollectionLike };
    const patterns = grok.loadDefaultSync();
    const syslog = patterns.createPattern(SYSLOG, 'bench-syslog');
    const nexus = patterns.createPattern(NEXUS, 'bench-nexus');
    return {
      engine: {
        name: 'grok-js 3.2.4 (native oniguruma)',
        parse: (line) => syslog.parseSync(line) ?? nexus.parseSync(line),
      },
    };
  } catch (err) {
    return { reason: `grok-js cannot be loaded: ${(err as Error).message.split('\n')[0]}` };
  }
}

function nodeGrokEngine(): Peer {
  const require = requirePeer;
  let mod: { loadDefaultSync(): GrokCollectionLike };
  try {
    mod = require('node-grok') as { loadDefaultSync(): GrokCollectionLike };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'MODULE_NOT_FOUND')
      return {
        reason:
          'node-grok is not installable here: its native dependency oniguruma@6.1.0 fails to compile against Node 20 (node-gyp rebuild exits 1); try `npm install --prefix bench/peers node-grok` on an older Node',
      };
    return { reason: `node-grok cannot be loaded: ${(err as Error).message.split('\n')[0]}` };
  }
  try {
    const patterns = mod.loadDefaultSync();
    const syslog = patterns.createPattern(SYSLOG, 'bench-syslog');
    const nexus = patterns.createPattern(NEXUS, 'bench-nexus');
    return {
      engine: {
        name: 'node-grok (native oniguruma)',
        parse: (line) => syslog.parseSync(line) ?? nexus.parseSync(line),
      },
    };
  } catch (err) {
    return { reason: `node-grok fails: ${(err as Error).message.split('\n')[0]}` };
  }
}

function measure(engine: Engine, lines: readonly string[]): { perSecond: number; matched: number } {
  let matched = 0;
  const start = performance.now();
  for (const line of lines) if (engine.parse(line) !== null) matched++;
  const seconds = (performance.now() - start) / 1000;
  return { perSecond: lines.length / seconds, matched };
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  const lines = generate(LINES);
  const calvin = await calvinEngine();
  const peers: { name: string; peer: Peer }[] = [
    { name: 'grok-js', peer: grokJsEngine() },
    { name: 'node-grok', peer: nodeGrokEngine() },
  ];
  const variants = [await calvinEngine(false), await calvinGuardedEngine()];
  const engines = [calvin, ...variants, ...peers.flatMap((p) => (p.peer.engine ? [p.peer.engine] : []))];

  // Same answers? Compare the captures every engine agrees on for a sample of lines.
  const sample = lines.slice(0, 2000);
  for (const e of engines) {
    const disagree = sample.filter((l) => {
      const a = calvin.parse(l);
      const b = e.parse(l);
      return (
        (a === null) !== (b === null) ||
        (a && b && (a.timestamp !== b.timestamp || (a.response ?? null) !== (b.response ?? null)))
      );
    }).length;
    if (disagree > 0)
      console.log(`note: ${e.name} disagrees with calvin on ${disagree} of ${sample.length} sample lines`);
  }

  // Warm up, then interleave the engines round by round; report the best round of each.
  for (const e of engines) measure(e, lines.slice(0, 20_000));
  const best = new Map<string, { perSecond: number; matched: number }>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const e of engines) {
      const m = measure(e, lines);
      const prev = best.get(e.name);
      if (!prev || m.perSecond > prev.perSecond) best.set(e.name, m);
    }
  }

  console.log(
    `bench:grok: ${fmt(LINES)} lines (60% syslog, 40% Nexus request.log), 2 expressions tried in order, best of ${ROUNDS} rounds, Node ${process.version}, one thread`,
  );
  for (const e of engines) {
    const m = best.get(e.name);
    if (m) console.log(`  ${e.name.padEnd(36)} ${fmt(m.perSecond).padStart(10)} lines/s   (${fmt(m.matched)} matched)`);
  }
  for (const p of peers) if (!p.peer.engine) console.log(`  ${p.name.padEnd(36)} unavailable: ${p.peer.reason}`);

  const ours = best.get(calvin.name)?.perSecond ?? 0;
  const publicOnly = best.get(variants[0]?.name ?? '')?.perSecond ?? 0;
  const guarded = best.get(variants[1]?.name ?? '')?.perSecond ?? 0;
  if (publicOnly > 0) console.log(`  private fast path gain: ${(ours / publicOnly).toFixed(2)}× the public API path`);
  if (guarded > 0) console.log(`  timeout_millis (worker) path: ${(guarded / ours).toFixed(2)}× the unguarded rate`);
  const peerRates = engines
    .filter((e) => e !== calvin && !variants.includes(e))
    .map((e) => best.get(e.name)?.perSecond ?? 0);
  const fastestPeer = Math.max(0, ...peerRates);
  console.log(`  goal ≥ 100,000 lines/s: ${ours >= 100_000 ? 'met' : 'NOT met'} (${fmt(ours)})`);
  if (fastestPeer > 0)
    console.log(
      `  goal ≥ 2× the faster peer: ${ours >= 2 * fastestPeer ? 'met' : 'NOT met'} (${(ours / fastestPeer).toFixed(2)}×)`,
    );
  else console.log('  goal ≥ 2× the faster peer: no peer available to compare with');
}

await main();
stopGrokGuard();
