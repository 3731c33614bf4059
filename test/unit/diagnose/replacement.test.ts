import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/diagnose/analyze.js';
import type { Collected } from '../../../src/diagnose/collected.js';
import { WINDOW, collected, group, hostLogs } from './fixtures.js';

const clock = { now: () => 1_000 };
const NEW = ['cv-web-2-0-1-e5', 'cv-web-2-0-1-f6', 'cv-web-2-0-1-g7'];
const APPEARED_AT = new Date(Date.parse(WINDOW.from) + 20 * 60_000).toISOString();

/** Instances that all appeared at 10:20 on `version` and all log `message` (new to the service) since. */
function fresh(nodes: string[], message: string, version = '2.0.1'): Collected {
  const c = collected({ nodes, service: 'web', query: 'web' });
  c.metrics = [];
  c.instances = c.instances.map((i) => ({ ...i, version }));
  c.logs.hosts = nodes.map((n) => {
    const h = hostLogs(n, 80, 0, 20);
    return {
      ...h,
      baseline: { total: 0, errors: 0 },
      buckets: h.buckets.map((b, m) => (m < 20 ? { ...b, total: 0, errors: 0 } : b)),
    };
  });
  c.logs.windowErrors = [
    group(
      message,
      nodes.map((n): [string, number] => [n, 80]),
      APPEARED_AT,
    ),
  ];
  c.logs.baselineErrors = [];
  return c;
}

describe('a failed full replacement', () => {
  it('blames the new instances and their version, not an unnamed common dependency', () => {
    const d = analyze(fresh(NEW, 'Unhandled exception in worker 17: KeyError: session_id'), clock, 0);
    expect(d.suspects[0]).toMatchObject({ node: NEW[0], version: '2.0.1', nodes: NEW });
    expect(d.suspects[0]?.reason).toContain('all 3 instances are new on 2.0.1 since 10:20');
    expect(d.suspects[0]?.reason).toContain('the new image fails');
    expect(d.status).not.toBe('healthy');
  });

  it('keeps a dependency the errors name as the cause', () => {
    const message = 'connect to primary.db.service.consul:5432: Connection refused';
    const d = analyze(fresh(NEW, message), clock, 0);
    expect(d.suspects[0]?.node).toBe('(dependency) primary.db.service.consul');
    expect(d.suspects[0]?.version).toBeUndefined();
  });
});

describe('a single instance', () => {
  it('is no common cause of its own error burst', () => {
    const c = fresh([NEW[0] as string], 'Transaction 4411 rolled back: deadlock detected');
    c.logs.hosts = [hostLogs(NEW[0] as string, 80, 2, 20)];
    const d = analyze(c, clock, 0);
    expect(d.suspects[0]?.node).toBe(NEW[0]);
    expect(d.summary).not.toContain('common cause');
  });

  it('still points at a dependency its failed connections name', () => {
    const c = fresh([NEW[0] as string], 'connect to amqp.queue.service.consul:5672: Connection refused');
    c.logs.hosts = [hostLogs(NEW[0] as string, 80, 2, 20)];
    expect(analyze(c, clock, 0).suspects[0]?.node).toBe('(dependency) amqp.queue.service.consul');
  });
});
