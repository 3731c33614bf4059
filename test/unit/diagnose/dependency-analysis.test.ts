import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/diagnose/analyze.js';
import type { Collected, CollectedDependency } from '../../../src/diagnose/collected.js';
import { exitCodeOf } from '../../../src/diagnose/run.js';
import { collected, group, hostLogs, normalMetrics } from './fixtures.js';
import { renderJson } from '../../../src/report/json.js';
import { schemaValidator } from '../../helpers/schemas.js';

const clock = { now: () => 1_000 };
const LOGSTASH = ['cv-logs-0-3-1-a17', 'cv-logs-0-3-1-b42', 'cv-logs-0-3-1-c03', 'cv-logs-0-3-1-d99'];
const RABBITS = ['cv-queue-0-9-0-x11', 'cv-queue-0-9-0-y22'];

function queue(overrides: Partial<CollectedDependency> = {}): CollectedDependency {
  return {
    service: 'queue',
    reference: 'amqp.queue.service.consul',
    via: 'logs',
    instances: RABBITS.map((node, i) => ({
      node,
      address: `10.3.0.${i + 1}`,
      serviceId: `rabbitmq_${node}`,
      checks: [
        i === 0
          ? { name: 'RabbitMQ health', status: 'critical', output: 'dial tcp 10.3.0.1:15672: connection refused' }
          : { name: 'RabbitMQ health', status: 'passing', output: 'ok' },
      ],
    })),
    signals: [],
    metrics: [],
    logs: { hosts: [], windowErrors: [], baselineErrors: [] },
    ...overrides,
  };
}

/** Four Logstash instances that all log connection refused to the queue, from 10:20. */
function outage(dependencies: CollectedDependency[]): Collected {
  const c = collected({ nodes: LOGSTASH, service: 'logs', query: 'logs', dependencies });
  c.logs.hosts = LOGSTASH.map((n) => hostLogs(n, 300, 2, 20));
  c.logs.windowErrors = LOGSTASH.map((n) =>
    group(
      'RabbitMQ connection error: connect to amqp.queue.service.consul:5672: Connection refused',
      [[n, 300]],
      '2026-11-23T10:20:00.000Z',
    ),
  );
  return c;
}

describe('analyze with dependencies', () => {
  it('blames the dependency node whose check is critical, above every instance', () => {
    const d = analyze(outage([queue()]), clock, 0);
    expect(d.status).toBe('critical');
    expect(exitCodeOf(d)).toBe(1);
    expect(d.suspects[0]).toMatchObject({ node: 'cv-queue-0-9-0-x11' });
    expect(d.suspects[0]?.reason).toMatch(
      /^dependency queue \(amqp\.queue\.service\.consul\): check "RabbitMQ health"/,
    );
    expect(d.suspects.every((s) => !LOGSTASH.includes(s.node))).toBe(true);
    expect(d.summary).toMatch(/^dependency outage: all 4 logs instances log .* since 10:20: common cause;/);
    expect(d.summary).toContain('suspect queue on cv-queue-0-9-0-x11 (critical)');
    expect(d.topErrors[0]?.pattern).toMatch(/Connection refused/);
    expect(d.dependencies?.[0]).toMatchObject({ service: 'queue', via: 'logs', status: 'critical' });
    expect(d.dependencies?.[0]?.instances.map((i) => i.status)).toEqual(['critical', 'healthy']);
    const json = JSON.parse(renderJson(d));
    expect(schemaValidator()('diagnosis', json)).toEqual([]);
    expect(json.dependencies[0].instances[0].node).toBe('cv-queue-0-9-0-x11');
  });

  it('names the node an address pointed at even when its checks pass', () => {
    const healthy = queue({ nodes: ['cv-queue-0-9-0-y22'] });
    healthy.instances = healthy.instances.map((i) => ({ ...i, checks: [] }));
    const d = analyze(outage([healthy]), clock, 0);
    expect(d.suspects.map((s) => s.node)).toEqual(['cv-queue-0-9-0-y22']);
  });

  it('blames a dependency with no instances by its name', () => {
    const d = analyze(outage([queue({ instances: [] })]), clock, 0);
    expect(d.summary).toContain('suspect queue (has no instances)');
  });

  it('blames an unhealthy declared dependency only when the service is unhealthy too', () => {
    const declared = queue({ reference: 'dependsOn', via: 'definition', metrics: normalMetrics(RABBITS) });
    const calm = collected({ nodes: LOGSTASH, service: 'logs', dependencies: [declared] });
    const fine = analyze(calm, clock, 0);
    expect(fine.status).toBe('healthy');
    expect(fine.suspects).toEqual([]);
    expect(fine.dependencies?.[0]?.status).toBe('critical');
    const d = analyze(outage([declared]), clock, 0);
    expect(d.suspects[0]?.node).toBe('cv-queue-0-9-0-x11');
  });

  it('says common cause without a dependency to name', () => {
    const c = outage([]);
    c.logs.windowErrors = LOGSTASH.map((n) =>
      group('Pipeline worker failed: Connection refused', [[n, 300]], '2026-11-23T10:20:00.000Z'),
    );
    expect(analyze(c, clock, 0).summary).toMatch(/^all 4 logs instances log .* since 10:20: common cause/);
  });
});
