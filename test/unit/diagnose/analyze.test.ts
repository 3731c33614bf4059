import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/diagnose/analyze.js';
import { exitCodeOf } from '../../../src/diagnose/run.js';
import { collected, diskFull, group, hostLogs, series, uptime } from './fixtures.js';

const clock = { now: () => 1_000 };

describe('analyze', () => {
  it('finds the full disk of nexus-02, since when, its errors, the known issue and the runbook', () => {
    const d = analyze(diskFull(), clock, 0);
    expect(d.status).toBe('critical');
    expect(exitCodeOf(d)).toBe(1);
    expect(d.suspects[0]?.node).toBe('nexus-02');
    expect(d.suspects.map((s) => s.node)).toEqual(['nexus-02']);
    const disk = d.instances
      .find((i) => i.node === 'nexus-02')
      ?.anomalies.find((a) => a.signal === 'disk.used_percent:/srv');
    expect(disk).toMatchObject({ source: 'metrics', value: 99, since: '2026-11-23T10:42:00.000Z' });
    expect(disk?.baseline).toBeCloseTo(61, 0);
    expect(d.summary).toMatch(
      /^nexus-02: disk \/srv 99% \(baseline 61%\) since 10:42; 1,204 'No space left on device' errors/,
    );
    expect(d.summary).toContain('runbook: https://runbooks.example/artefacts-disk-full');
    expect(d.runbooks[0]?.alert).toBe('ArtefactsDiskFull');
    expect(d.topErrors[0]).toMatchObject({
      count: 700,
      nodes: ['nexus-02'],
      first: '2026-11-23T10:42:10.000Z',
      example: 'java.io.IOException: No space left on device',
    });
    expect(d.knownIssues).toEqual([
      { id: 'disk-full', title: 'A volume is full', runbook: 'https://runbooks.example/disk-full', matches: 1204 },
    ]);
    expect(d.instances.filter((i) => i.status !== 'healthy').map((i) => i.node)).toEqual(['nexus-02']);
    expect(d.timeline.some((e) => e.node === 'nexus-02' && e.time === '2026-11-23T10:42:00.000Z')).toBe(true);
    expect(d.durationMs).toBe(1_000);
  });

  it('links runbooks kept in the project at calvin serve when the config names its URL', () => {
    const c = diskFull();
    c.alertRunbooks = c.alertRunbooks.map((r) => ({ ...r, url: `runbooks/${r.alert}.md` }));
    c.knownIssues = c.knownIssues.map((k) => ({ ...k, runbook: 'runbooks/host-disk-full.md' }));
    const d = analyze(c, clock, 0, { serveUrl: 'http://serve.example:8080' });
    expect(d.runbooks[0]?.url).toBe('http://serve.example:8080/runbooks/ArtefactsDiskFull');
    expect(d.runbooks.at(-1)?.url).toBe('https://runbooks.example/nexus');
    expect(d.knownIssues[0]?.runbook).toBe('http://serve.example:8080/runbooks/host-disk-full');
    expect(d.summary).toContain('; runbook: http://serve.example:8080/runbooks/ArtefactsDiskFull');
    expect(analyze(c, clock, 0).runbooks[0]?.url).toBe('runbooks/ArtefactsDiskFull.md');
  });

  it('reports a healthy control as healthy with no suspects', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const c = collected();
      c.metrics = c.metrics.map((s, i) =>
        series(
          s.signal,
          s.host,
          s.signal === 'system.uptime' ? 0 : (s.points[0]?.value ?? 50),
          3,
          seed * 1000 + i,
          undefined,
          s.split,
        ),
      );
      c.metrics = c.metrics.filter((s) => s.signal !== 'system.uptime');
      c.logs.windowErrors = [group('Scheduled task 4 took 12 ms', [['nexus-01', 2]])];
      c.logs.baselineErrors = [group('Scheduled task 9 took 15 ms', [['nexus-01', 8]])];
      const d = analyze(c, clock, 0);
      expect(d.status, `seed ${seed}: ${d.summary}`).toBe('healthy');
      expect(d.suspects).toEqual([]);
      expect(exitCodeOf(d)).toBe(0);
      expect(d.summary).toMatch(/^artefacts: all 3 instances healthy/);
    }
  });

  it('names the dependency, not a node, when every instance logs the same new connection error', () => {
    const nodes = ['logstash-01', 'logstash-02', 'logstash-03'];
    const c = collected({ nodes, service: 'logs', query: 'logs' });
    c.logs.hosts = nodes.map((n) => hostLogs(n, 400, 4, 20));
    c.logs.windowErrors = nodes.map((n) =>
      group(
        `Pipeline main: RabbitMQ connection to queue.service.consul:5672 failed: Connection refused (host ${n})`,
        [[n, 400]],
        '2026-11-23T10:20:00.000Z',
      ),
    );
    const d = analyze(c, clock, 0);
    expect(d.status).toBe('critical');
    expect(d.suspects[0]?.node).toBe('(dependency) queue.service.consul');
    expect(d.suspects).toHaveLength(1);
    expect(d.summary).toMatch(
      /^dependency outage: all 3 logs instances log '.*Connection refused.*' \(1,200×\) since 10:20/,
    );
    expect(d.topErrors[0]?.count).toBe(1200);
    expect(d.topErrors[0]?.nodes).toEqual(nodes);
  });

  it('falls back to a known service name when the message has no host name', () => {
    const nodes = ['a-1', 'a-2'];
    const c = collected({ nodes, service: 'logs' });
    c.logs.hosts = nodes.map((n) => hostLogs(n, 100, 0, 10));
    c.logs.windowErrors = [
      group('cannot publish: queue is down', [
        ['a-1', 50],
        ['a-2', 50],
      ]),
    ];
    expect(analyze(c, clock, 0).suspects[0]?.node).toBe('(dependency) queue');
  });

  it('tells a log-only incident on one node once', () => {
    const c = collected();
    c.logs.hosts = [hostLogs('nexus-01', 2, 8), hostLogs('nexus-02', 2, 8), hostLogs('nexus-03', 90, 8, 30)];
    c.logs.windowErrors = [
      group(
        'Failed to fetch https://registry.npmjs.org/left-pad: connect ETIMEDOUT 104.16.0.35:443',
        [['nexus-03', 90]],
        '2026-11-23T10:30:05.000Z',
      ),
    ];
    const d = analyze(c, clock, 0);
    expect(d.status).toBe('degraded');
    expect(d.suspects.map((s) => s.node)).toEqual(['nexus-03']);
    expect(d.summary).toBe(
      "nexus-03: 90 'connect ETIMEDOUT' errors since 10:30; runbook: https://runbooks.example/nexus",
    );
  });

  it('is unknown when the service has no instances', () => {
    const d = analyze(collected({ nodes: [] }), clock, 0);
    expect(d.status).toBe('unknown');
    expect(exitCodeOf(d)).toBe(3);
    expect(d.summary).toContain('no instances of artefacts');
  });

  it('turns a critical health check into a critical instance', () => {
    const c = collected();
    const check = c.instances[2]?.checks[1];
    if (check) Object.assign(check, { status: 'critical', output: 'connection refused' });
    const d = analyze(c, clock, 0);
    expect(d.status).toBe('critical');
    expect(d.suspects[0]).toMatchObject({ node: 'nexus-03' });
    expect(d.suspects[0]?.reason).toContain('check "Nexus HTTP" critical');
  });

  it('sees restarts in uptime resets and a climbing heap crossing its threshold', () => {
    const c = collected({ nodes: ['jenkins-01', 'jenkins-02', 'jenkins-03'], service: 'builds' });
    c.signals.push({
      name: 'jvm.heap_used_percent',
      title: 'JVM heap',
      database: 'services',
      measurement: 'jvm_memory',
      field: 'heap_used_percent',
      aggregate: 'max',
      unit: 'percent',
      worseWhen: 'higher',
      warning: 85,
      critical: 95,
    });
    c.metrics = c.metrics.filter((s) => !(s.signal === 'system.uptime' && s.host === 'jenkins-03'));
    c.metrics.push(uptime('jenkins-03', [25, 50]));
    for (const host of ['jenkins-01', 'jenkins-02'])
      c.metrics.push(series('jvm.heap_used_percent', host, 45, 4, host.length));
    c.metrics.push(series('jvm.heap_used_percent', 'jenkins-03', 45, 4, 99, (m) => 50 + (m % 25) * 2));
    const d = analyze(c, clock, 0);
    expect(d.suspects[0]?.node).toBe('jenkins-03');
    const signals = d.instances.find((i) => i.node === 'jenkins-03')?.anomalies.map((a) => a.signal);
    expect(signals).toContain('system.uptime');
    expect(signals).toContain('jvm.heap_used_percent');
    expect(d.timeline.filter((e) => e.summary.startsWith('restarted')).map((e) => e.time)).toEqual([
      '2026-11-23T10:25:00.000Z',
      '2026-11-23T10:50:00.000Z',
    ]);
  });

  it('flags CPU saturation against the baseline and the peers', () => {
    const c = collected({ nodes: ['fabio-01', 'fabio-02'], service: 'proxy' });
    c.metrics = c.metrics.filter((s) => !(s.signal === 'cpu.used_percent' && s.host === 'fabio-01'));
    c.metrics.push(series('cpu.used_percent', 'fabio-01', 80, 4, 5, (m, normal) => (m < 30 ? normal : 2)));
    const d = analyze(c, clock, 0);
    expect(d.suspects[0]?.node).toBe('fabio-01');
    expect(d.summary).toMatch(/^fabio-01: CPU 98% \(baseline \d+%\) since 10:30/);
  });

  it('says which sources were unavailable', () => {
    const c = collected({ sources: { consul: 'ok', influx: 'unavailable', elasticsearch: 'ok' } });
    c.metrics = [];
    const d = analyze(c, clock, 0);
    expect(d.status).toBe('healthy');
    expect(d.sources.influx).toBe('unavailable');
    expect(d.summary).toContain('(metrics unavailable)');
  });
});
