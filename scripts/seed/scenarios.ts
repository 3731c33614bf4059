/**
 * The scenarios: each one a Consul service of its own, on its own nodes, so that all can coexist.
 * Incidents start 20-40 minutes before `now`; everything else is ordinary chatter.
 */
import { HOSTILE_NODE_PREFIXES, HOSTILE_SERVICE } from './hostile.js';
import { MINUTE, type CheckState, type HostContext, type LogLine, type ScenarioSpec } from './model.js';

const ok = (url: string): CheckState => ({ status: 'passing', output: `HTTP GET ${url}: 200 OK Output: ` });

function isIncidentHost(spec: ScenarioSpec, ctx: HostContext): boolean {
  return spec.incidentIndex === 'all' || spec.incidentIndex === ctx.index;
}

/** Consul's own syslog lines when a check changes state. */
function checkTransition(
  _ctx: HostContext,
  time: number,
  checkId: string,
  status: 'warning' | 'critical' | 'passing',
): LogLine {
  const level = status === 'passing' ? 'info' : 'warn';
  return {
    time,
    level,
    source: 'syslog',
    process: 'consul',
    pid: 711,
    message: `agent: Check is now ${status}: check=${checkId}`,
  };
}

/** Regular events from `from` to `to`, every `everyMs` ± jitter. */
function every(
  ctx: HostContext,
  from: number,
  to: number,
  everyMs: number,
  make: (time: number, n: number) => LogLine,
): LogLine[] {
  const out: LogLine[] = [];
  let n = 0;
  for (let t = from; t < to; t += everyMs) {
    const time = Math.min(to - 1, t + Math.floor(ctx.random.between(0, everyMs * 0.8)));
    out.push(make(time, n));
    n += 1;
  }
  return out;
}

const NEXUS_CHATTER = [
  'INFO  [qtp1480010240-{n}] *UNKNOWN org.sonatype.nexus.repository.httpclient.internal.HttpClientFacetImpl - Repository status for npm-proxy changed from READY to AVAILABLE',
  "INFO  [quartz-9-thread-{n}] *SYSTEM org.sonatype.nexus.quartz.internal.task.QuartzTaskInfo - Task 'Cleanup service' [repository.cleanup] state change WAITING -> RUNNING",
  "INFO  [quartz-9-thread-{n}] *SYSTEM org.sonatype.nexus.quartz.internal.task.QuartzTaskInfo - Task 'Cleanup service' [repository.cleanup] state change RUNNING -> WAITING (OK)",
  'INFO  [qtp1480010240-{n}] admin org.sonatype.nexus.repository.storage.StorageFacetImpl - Stored component maven-releases:com/calvinverse/build/{v}',
  'INFO  [event-12-thread-{n}] *SYSTEM org.sonatype.nexus.repository.search.index.SearchUpdateService - Updated search index for maven-releases',
];
const NEXUS_WARNINGS = [
  'WARN  [qtp1480010240-{n}] *UNKNOWN org.eclipse.jetty.server.HttpChannel - /repository/npm-proxy/left-pad: org.eclipse.jetty.io.EofException: Early EOF',
];

const nexusDiskFull = (name: string, service: string, nodePrefix: string, subnet: number): ScenarioSpec => ({
  name,
  summary: `disk /srv fills up on ${nodePrefix}-02; Nexus fails to write blobs and its status check goes critical`,
  service,
  nodePrefix,
  serviceIdPrefix: 'nexus_',
  app: 'nexus',
  process: 'java',
  port: 8081,
  tags: ['active', 'read', 'write'],
  category: 'artefacts-storage',
  dataPath: '/srv/nexus',
  java: true,
  rabbit: false,
  checkName: 'Nexus management status',
  checkUrl: (node) => `http://${node}:8081/service/rest/v1/status`,
  incidentIndex: 1,
  onsetMinutesAgo: 35,
  subnet,
  appChatter: NEXUS_CHATTER,
  appWarnings: NEXUS_WARNINGS,
  shape(ctx, t, s) {
    if (ctx.index !== 1) return;
    s.diskDataPercent = 78 + (s.diskDataPercent - 60) * 0.2; // fuller than its peers, but steady
    if (t >= ctx.onset) {
      const climb = Math.min(1, (t - ctx.onset) / (12 * MINUTE));
      s.diskDataPercent = Math.min(100, 78 + climb * 21.6 + (climb === 1 ? ctx.random.between(0, 0.4) : 0));
      s.iowait = 6 + ctx.random.between(0, 4);
    }
  },
  incidentLogs(ctx) {
    if (ctx.index !== 1) return [];
    const checkId = `service:nexus_${ctx.node}`;
    const full = ctx.onset + 9 * MINUTE;
    const lines: LogLine[] = [
      {
        time: ctx.onset + 5 * MINUTE,
        level: 'warn',
        source: 'app',
        message:
          'WARN  [quartz-9-thread-3] *SYSTEM org.sonatype.nexus.blobstore.file.internal.FileBlobStoreMetricsStore - Blob store default is nearly full: 1.2 GB available of 500.0 GB',
      },
      checkTransition(ctx, full + 2 * MINUTE, checkId, 'warning'),
      checkTransition(ctx, full + 6 * MINUTE, checkId, 'critical'),
    ];
    lines.push(
      ...every(ctx, full, ctx.now, 12_000, (time) => {
        const blob = `${ctx.random.hex(8)}-${ctx.random.hex(4)}-${ctx.random.hex(4)}-${ctx.random.hex(4)}-${ctx.random.hex(12)}`;
        const vol = ctx.random.int(1, 43);
        const chap = ctx.random.int(1, 47);
        return {
          time,
          level: 'error',
          source: 'app',
          errorType: 'java.io.IOException',
          message: `ERROR [qtp1480010240-${ctx.random.int(100, 999)}] deployer org.sonatype.nexus.blobstore.file.FileBlobStore - Failed to write blob ${blob} to /srv/nexus/blobs/default/content/vol-${String(vol).padStart(2, '0')}/chap-${String(chap).padStart(2, '0')}/${blob}.bytes: java.io.IOException: No space left on device`,
        };
      }),
    );
    return lines;
  },
  check(ctx) {
    if (ctx.index !== 1) return undefined;
    return {
      status: 'critical',
      output: `HTTP GET http://${ctx.node}:8081/service/rest/v1/status: 503 Service Unavailable Output: `,
    };
  },
});

const JENKINS_CHATTER = [
  'INFO: Started Poll of build/calvinverse.base.vm.linux/master #{n}',
  'INFO: Finished Poll of build/calvinverse.base.vm.linux/master #{n}. No changes',
  'INFO: build/resource.artefacts/PR-{n} #12 completed: SUCCESS',
  'INFO: Agent build-agent-win-{n} is connected',
  'INFO: Started Workspace clean-up',
  'INFO: Finished Workspace clean-up. 12 ms',
];
const JENKINS_WARNINGS = [
  'WARNING: Failed to retrieve build/resource.queue from https://github.com: HTTP 429 Too Many Requests; retrying in 60 s',
];

const jenkinsMemoryLeak: ScenarioSpec = {
  name: 'jenkins-memory-leak',
  summary:
    'jenkins-03 leaks heap for two hours, throws OutOfMemoryError and restarts three times in the last 40 minutes',
  service: 'builds',
  nodePrefix: 'jenkins',
  serviceIdPrefix: 'jenkins_',
  app: 'jenkins',
  process: 'java',
  port: 8080,
  tags: ['active', 'http'],
  category: 'build-master',
  dataPath: '/srv/jenkins',
  java: true,
  rabbit: false,
  checkName: 'Jenkins HTTP status',
  checkUrl: (node) => `http://${node}:8080/login`,
  incidentIndex: 2,
  onsetMinutesAgo: 38,
  subnet: 2,
  appChatter: JENKINS_CHATTER,
  appWarnings: JENKINS_WARNINGS,
  restarts(ctx) {
    if (ctx.index !== 2) return [];
    return [ctx.onset, ctx.onset + 16 * MINUTE, ctx.onset + 29 * MINUTE];
  },
  shape(ctx, t, s) {
    if (ctx.index !== 2) return;
    const restarts = this.restarts?.(ctx) ?? [];
    const lastRestart = [...restarts].reverse().find((r) => r <= t);
    const leakStart = ctx.now - 120 * MINUTE;
    if (t < leakStart) return;
    if (lastRestart === undefined) {
      const f = (t - leakStart) / (ctx.onset - leakStart);
      s.heapFraction = Math.min(0.985, 0.42 + f * 0.56 + ctx.random.between(0, 0.01));
    } else {
      // after a restart the leak refills the heap in ~12 minutes
      const f = Math.min(1, (t - lastRestart) / (12 * MINUTE));
      s.heapFraction = Math.min(0.985, 0.3 + f * 0.67 + ctx.random.between(0, 0.01));
    }
    s.memUsedPercent = 55 + s.heapFraction * 38;
    s.cpuBusy = s.heapFraction > 0.9 ? 70 + ctx.random.between(0, 20) : s.cpuBusy; // GC thrash
  },
  incidentLogs(ctx) {
    if (ctx.index !== 2) return [];
    const lines: LogLine[] = [];
    const restarts = this.restarts?.(ctx) ?? [];
    restarts.forEach((restart, n) => {
      lines.push(
        ...every(ctx, restart - 6 * MINUTE, restart - 5_000, 20_000, (time) => ({
          time,
          level: 'error',
          source: 'app',
          errorType: 'java.lang.OutOfMemoryError',
          message: `SEVERE: Error while serving http://${ctx.node}:8080/job/build/job/resource.artefacts/${ctx.random.int(100, 999)}/console java.lang.OutOfMemoryError: Java heap space`,
        })),
      );
      lines.push({
        time: restart - 3_000,
        level: 'error',
        source: 'app',
        errorType: 'java.lang.OutOfMemoryError',
        message: 'Terminating due to java.lang.OutOfMemoryError: Java heap space',
      });
      lines.push({
        time: restart - 2_000,
        level: 'error',
        source: 'syslog',
        process: 'systemd',
        pid: 1,
        message: 'jenkins.service: Main process exited, code=exited, status=3/NOTIMPLEMENTED',
      });
      lines.push({
        time: restart,
        level: 'info',
        source: 'syslog',
        process: 'systemd',
        pid: 1,
        message: `jenkins.service: Scheduled restart job, restart counter is at ${n + 1}.`,
      });
      lines.push({
        time: restart + 95_000,
        level: 'info',
        source: 'app',
        message: 'INFO: Jenkins is fully up and running',
      });
    });
    return lines;
  },
};

const RABBIT_CHATTER = [
  'accepting AMQP connection <0.{n}.0> (10.3.0.21:{p} -> 10.3.0.11:5672)',
  "connection <0.{n}.0> (10.3.0.21:{p} -> 10.3.0.11:5672): user 'logstash' authenticated and granted access to vhost '/'",
  "closing AMQP connection <0.{n}.0> (10.3.0.22:{p} -> 10.3.0.11:5672, vhost: '/', user: 'logstash')",
  "Mirrored queue 'logs.syslog' in vhost '/': Synchronising: 0 messages to synchronise",
];
const RABBIT_WARNINGS = [
  'closing AMQP connection <0.{n}.0> (10.3.0.23:{p} -> 10.3.0.11:5672): client unexpectedly closed TCP connection',
];

const queueCrashLoop: ScenarioSpec = {
  name: 'queue-crash-loop',
  summary: 'rabbit-02 crash-loops: systemd restarts it every few minutes and its health check flaps',
  service: 'queue',
  nodePrefix: 'rabbit',
  serviceIdPrefix: 'rabbitmq_',
  app: 'rabbitmq',
  process: 'beam.smp',
  port: 5672,
  tags: ['amqp'],
  category: 'queue',
  dataPath: '/srv/rabbitmq',
  java: false,
  rabbit: true,
  checkName: 'RabbitMQ health check',
  checkUrl: (node) => `http://${node}:15672/api/healthchecks/node`,
  incidentIndex: 1,
  onsetMinutesAgo: 30,
  subnet: 3,
  appChatter: RABBIT_CHATTER,
  appWarnings: RABBIT_WARNINGS,
  restarts(ctx) {
    if (ctx.index !== 1) return [];
    const out: number[] = [];
    for (let t = ctx.onset; t < ctx.now - MINUTE; t += 3 * MINUTE + 20_000) out.push(t);
    return out;
  },
  shape(ctx, t, s) {
    if (ctx.index !== 1 || t < ctx.onset) return;
    const restarts = this.restarts?.(ctx) ?? [];
    const last = [...restarts].reverse().find((r) => r <= t) ?? ctx.onset;
    // down for the first ~50 s after each crash (systemd RestartSec), then booting
    s.down = t - last < 50_000;
    s.cpuBusy = 35 + ctx.random.between(0, 25);
  },
  incidentLogs(ctx) {
    if (ctx.index !== 1) return [];
    const checkId = `service:rabbitmq_${ctx.node}`;
    const lines: LogLine[] = [];
    (this.restarts?.(ctx) ?? []).forEach((crash, n) => {
      lines.push({
        time: crash - 4_000,
        level: 'error',
        source: 'app',
        errorType: 'boot_failed',
        message: `BOOT FAILED: Error during startup: {error,{schema_integrity_check_failed,[{table_attributes_mismatch,rabbit_queue}]}}`,
      });
      lines.push({
        time: crash - 1_000,
        level: 'error',
        source: 'syslog',
        process: 'systemd',
        pid: 1,
        message: 'rabbitmq-server.service: Main process exited, code=exited, status=1/FAILURE',
      });
      lines.push({
        time: crash - 900,
        level: 'warn',
        source: 'syslog',
        process: 'systemd',
        pid: 1,
        message: "rabbitmq-server.service: Failed with result 'exit-code'.",
      });
      lines.push(checkTransition(ctx, crash + 5_000, checkId, 'critical'));
      lines.push({
        time: crash + 50_000,
        level: 'info',
        source: 'syslog',
        process: 'systemd',
        pid: 1,
        message: `rabbitmq-server.service: Scheduled restart job, restart counter is at ${n + 1}.`,
      });
      lines.push({
        time: crash + 52_000,
        level: 'info',
        source: 'syslog',
        process: 'systemd',
        pid: 1,
        message: 'Started RabbitMQ broker.',
      });
      lines.push(checkTransition(ctx, crash + 110_000, checkId, 'passing'));
    });
    return lines;
  },
  check(ctx) {
    if (ctx.index !== 1) return undefined;
    return {
      status: 'critical',
      output: `HTTP GET http://${ctx.node}:15672/api/healthchecks/node: Get "http://${ctx.node}:15672/api/healthchecks/node": dial tcp 10.3.0.12:15672: connect: connection refused`,
    };
  },
};

const LOGSTASH_CHATTER = [
  '[INFO ][logstash.outputs.elasticsearch] Elasticsearch pool URLs updated {:changes=>{:removed=>[], :added=>[http://documents.service.consul:9200/]}}',
  '[INFO ][logstash.pipeline        ] Pipeline main is running; {n} events processed in the last minute',
  '[INFO ][logstash.filters.grok    ] Pattern cache hit ratio 0.99',
];
const LOGSTASH_WARNINGS = [
  "[WARN ][logstash.filters.grok    ] Timeout executing grok '%{SYSLOGLINE}' against field 'message' with value 'Value too large to output (4120 bytes)'",
];

const logsQueueOutage: ScenarioSpec = {
  name: 'logs-queue-outage',
  summary:
    'every Logstash instance logs connection refused to queue.service.consul:5672 while its own metrics look fine',
  service: 'logs',
  nodePrefix: 'logstash',
  serviceIdPrefix: 'logstash_',
  app: 'logstash',
  process: 'java',
  port: 9600,
  tags: ['http'],
  category: 'logs-processor',
  dataPath: '/var/lib/logstash',
  java: true,
  rabbit: false,
  checkName: 'Logstash API',
  checkUrl: (node) => `http://${node}:9600/`,
  incidentIndex: 'all',
  onsetMinutesAgo: 25,
  subnet: 4,
  appChatter: LOGSTASH_CHATTER,
  appWarnings: LOGSTASH_WARNINGS,
  incidentLogs(ctx) {
    return every(ctx, ctx.onset + ctx.index * 7_000, ctx.now, 10_000, (time) => ({
      time,
      level: 'error',
      source: 'app',
      errorType: 'MarchHare::ConnectionRefused',
      message:
        '[ERROR][logstash.inputs.rabbitmq ] RabbitMQ connection error, will retry. Connection refused - connect(2) for "queue.service.consul" port 5672 (MarchHare::ConnectionRefused)',
    }));
  },
};

const FABIO_CHATTER = [
  '[INFO] Updated config to',
  '[INFO] route add artefacts /artefacts http://10.1.0.11:8081/ tags "active"',
  '[INFO] Config updates',
  '[INFO] Health changed to passing for service builds',
];
const FABIO_WARNINGS = ['[WARN] No route for metrics.example.com/favicon.ico'];

const proxyCpuSaturation: ScenarioSpec = {
  name: 'proxy-cpu-saturation',
  summary: 'fabio-01 runs at ~98 % CPU with a very high load and answers slowly',
  service: 'proxy',
  nodePrefix: 'fabio',
  serviceIdPrefix: 'fabio_',
  app: 'fabio',
  process: 'fabio',
  port: 9999,
  tags: ['http', 'edge'],
  category: 'proxy-edge',
  dataPath: '/var/lib/fabio',
  java: false,
  rabbit: false,
  checkName: 'Fabio health',
  checkUrl: (node) => `http://${node}:9998/health`,
  incidentIndex: 0,
  onsetMinutesAgo: 30,
  subnet: 5,
  appChatter: FABIO_CHATTER,
  appWarnings: FABIO_WARNINGS,
  shape(ctx, t, s) {
    if (ctx.index !== 0 || t < ctx.onset) return;
    const ramp = Math.min(1, (t - ctx.onset) / (3 * MINUTE));
    s.cpuBusy = s.cpuBusy + (98 - s.cpuBusy) * ramp - ctx.random.between(0, 1.2) * ramp;
    s.load1 = s.load1 + (17 + ctx.random.between(0, 5) - s.load1) * ramp;
    s.load5 = s.load5 + (14 + ctx.random.between(0, 2) - s.load5) * ramp;
  },
  incidentLogs(ctx) {
    if (ctx.index !== 0) return [];
    return every(ctx, ctx.onset + 2 * MINUTE, ctx.now, 9_000, (time) => {
      const seconds = ctx.random.between(3.5, 9.5).toFixed(2);
      const route = ctx.random.pick(['/artefacts', '/builds', '/metrics', '/documents']);
      return ctx.random.next() < 0.8
        ? {
            time,
            level: 'warn',
            source: 'app',
            message: `[WARN] slow upstream response: route ${route} upstream http://10.1.0.${ctx.random.int(11, 13)}:8081 took ${seconds}s`,
          }
        : {
            time,
            level: 'error',
            source: 'app',
            errorType: 'context.DeadlineExceeded',
            message: `[ERROR] http: proxy error: context deadline exceeded (route ${route})`,
          };
    });
  },
};

const VAULT_CHATTER = [
  '[INFO]  expiration: revoked lease: lease_id=auth/approle/login/{h}',
  '[INFO]  core: successful mount: namespace= path=secret/ type=kv',
  '[INFO]  rollback: starting rollback manager',
  '[INFO]  expiration: tidy operation on leases completed successfully',
];
const VAULT_WARNINGS = ['[WARN]  core: cluster listener is not running, forwarding will not work'];

const vaultHealthy: ScenarioSpec = {
  name: 'vault-healthy',
  summary: 'a healthy control: three Vault instances with ordinary chatter only',
  service: 'secrets',
  nodePrefix: 'vault',
  serviceIdPrefix: 'vault_',
  app: 'vault',
  process: 'vault',
  port: 8200,
  tags: ['active'],
  category: 'secrets',
  dataPath: '/var/lib/vault',
  java: false,
  rabbit: false,
  checkName: 'Vault Sealed Status',
  checkUrl: (node) => `http://${node}:8200/v1/sys/health`,
  onsetMinutesAgo: 30,
  subnet: 6,
  appChatter: VAULT_CHATTER,
  appWarnings: VAULT_WARNINGS,
};

const HOSTILE_MESSAGES = [
  'ERROR <script>alert("x")</script> upload of <img src=x onerror=alert(1)> failed: /srv/data/../../etc/passwd',
  'ERROR **bold** [click me](javascript:alert(1)) | table | `code` {{handlebars}} ${template} failed',
  'ERROR \u001b[31mRED\u001b[0m \u001b[2J\u001b[H terminal reset attempt; status=\u0007bell\r\noverwritten line',
];

const hostile: ScenarioSpec = {
  name: 'hostile',
  summary:
    'a service and nodes with hostile names (quotes, regex characters, unicode, 200 characters) and log messages that try HTML, Markdown and ANSI injection',
  service: HOSTILE_SERVICE,
  nodePrefix: '',
  serviceIdPrefix: 'hostile_',
  app: 'hostile',
  process: 'hostile"proc',
  port: 8443,
  tags: ['we"ird', "ta'g"],
  category: 'hostile',
  serviceTag: HOSTILE_SERVICE,
  dataPath: '/srv/ho"stile',
  java: false,
  rabbit: false,
  checkName: 'Hostile "check" <b>status</b>',
  checkUrl: (node) => `http://${encodeURIComponent(node)}:8443/health`,
  incidentIndex: 1,
  onsetMinutesAgo: 25,
  subnet: 7,
  appChatter: ['INFO request served <b>ok</b> in {n} ms', 'INFO cache | hit | ratio 0.{n}'],
  appWarnings: ['WARN slow ```request``` took {n} ms'],
  shape(ctx, t, s) {
    if (ctx.index !== 1 || t < ctx.onset) return;
    s.diskDataPercent = Math.min(99.5, 70 + ((t - ctx.onset) / (10 * MINUTE)) * 30);
  },
  incidentLogs(ctx) {
    if (ctx.index !== 1) return [];
    return every(ctx, ctx.onset, ctx.now, 15_000, (time, n) => ({
      time,
      level: 'error',
      source: 'app',
      errorType: 'Hostile<"Error">',
      message: HOSTILE_MESSAGES[n % HOSTILE_MESSAGES.length] as string,
    }));
  },
  check(ctx) {
    if (ctx.index !== 1) return undefined;
    return {
      status: 'critical',
      output: 'HTTP GET <script>alert(1)</script>: 500 "Internal" \u001b[31mError\u001b[0m',
    };
  },
};

export const SCENARIOS: readonly ScenarioSpec[] = [
  nexusDiskFull('nexus-disk-full', 'artefacts', 'nexus', 1),
  jenkinsMemoryLeak,
  queueCrashLoop,
  logsQueueOutage,
  proxyCpuSaturation,
  vaultHealthy,
  hostile,
  // The benchmark: the Nexus incident on a service of its own, 10 instances, 1M log documents, ≥1M points.
  {
    ...nexusDiskFull('bench', 'bench-artefacts', 'bench-nexus', 8),
    indexArea: 'bench',
    summary:
      'benchmark data: the Nexus disk-full incident on 10 instances with 1,000,000 log documents and over 1,000,000 metric points',
  },
];

export const BENCH_DEFAULTS = { instances: 10, logDocuments: 1_000_000, metricPoints: 1_000_000 } as const;

/** Node names of a scenario: <prefix>-01..NN, or the hostile set. */
export function nodeNames(spec: ScenarioSpec, instances: number, isolate?: string): string[] {
  const width = Math.max(2, String(instances).length);
  return Array.from({ length: instances }, (_, i) => {
    if (spec.name === 'hostile') {
      const base = HOSTILE_NODE_PREFIXES[i % HOSTILE_NODE_PREFIXES.length] as string;
      const named = i < HOSTILE_NODE_PREFIXES.length ? base : `${base}-${String(i + 1).padStart(width, '0')}`;
      return isolate ? `${named}-${isolate}` : named;
    }
    return `${spec.nodePrefix}-${String(i + 1).padStart(width, '0')}`;
  });
}

export function isIncident(spec: ScenarioSpec, ctx: HostContext): boolean {
  return isIncidentHost(spec, ctx);
}

export { ok as passingCheck };
