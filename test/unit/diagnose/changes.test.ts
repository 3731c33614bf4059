import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/diagnose/analyze.js';
import type { Collected } from '../../../src/diagnose/collected.js';
import { WINDOW, collected, group, hostLogs } from './fixtures.js';

const clock = { now: () => 1_000 };
const OLD = ['cv-api-1-2-0-a1'];
const NEW = ['cv-api-1-3-0-c3', 'cv-api-1-3-0-d4'];
const MINUTE = 60_000;

/** New instances without history that appeared at 10:30 and fail from then on. */
function replaced(nodes: string[]): Collected {
  const c = collected({ nodes, service: 'api', query: 'api' });
  c.metrics = [];
  c.instances = c.instances.map((i) => ({ ...i, version: NEW.includes(i.node) ? '1.3.0' : '1.2.0' }));
  c.logs.hosts = nodes.map((n) => {
    const h = hostLogs(n, NEW.includes(n) ? 60 : 2, 8, 30);
    if (!NEW.includes(n)) return h;
    return {
      ...h,
      baseline: { total: 0, errors: 0 },
      buckets: h.buckets.map((b, m) => (m < 30 ? { ...b, total: 0, errors: 0 } : b)),
    };
  });
  c.logs.windowErrors = NEW.map((n) =>
    group(
      'upload rejected: quota service answered 500',
      [[n, 60]],
      new Date(Date.parse(WINDOW.from) + 30 * MINUTE).toISOString(),
    ),
  );
  c.logs.baselineErrors = [group('upload rejected: quota service answered 500', [[OLD[0] as string, 40]])];
  return c;
}

describe('changes', () => {
  it('puts instances that appeared on the timeline and lines them up with the anomaly', () => {
    const d = analyze(replaced([...OLD, ...NEW]), clock, 0);
    const event = d.timeline.find((e) => e.source === 'consul');
    expect(event).toMatchObject({ time: '2026-11-23T10:30:00.000Z', node: '2 nodes' });
    expect(event?.summary).toBe(`2 instances appeared (1.3.0): ${NEW.join(', ')}`);
    expect(d.summary).toContain('began as 2 new instances (1.3.0) appeared at 10:30');
  });

  it("compares an instance without history with the service's baseline, not with zero", () => {
    const d = analyze(replaced([...OLD, ...NEW]), clock, 0);
    const logs = d.instances.find((i) => i.node === NEW[0])?.anomalies.find((a) => a.source === 'logs');
    expect(logs?.evidence).toMatch(
      /\(2 expected from the service's baseline \(its other instances: cv-api-1-2-0-a1\): the instance has no history\)/,
    );
    expect(logs?.baseline).toBe(2);
  });

  it('says all instances are new after a full replacement', () => {
    const d = analyze(replaced(NEW), clock, 0);
    expect(d.timeline.find((e) => e.source === 'consul')?.summary).toBe(
      `all 2 instances are new (1.3.0): ${NEW.join(', ')}`,
    );
  });

  it('shows a full replacement at its time and compares the new instances with their predecessors', () => {
    const c = replaced([...OLD, ...NEW]);
    c.instances = c.instances.filter((i) => NEW.includes(i.node));
    c.history = [
      { node: OLD[0] as string, first: '2026-11-23T06:00:00.000Z', last: '2026-11-23T10:28:00.000Z', version: '1.2.0' },
      ...NEW.map((node) => ({ node, first: '2026-11-23T10:30:00.000Z', last: '2026-11-23T10:59:00.000Z' })),
    ];
    const d = analyze(c, clock, 0);
    expect(d.timeline.filter((e) => e.source === 'consul')).toEqual([
      {
        time: '2026-11-23T10:30:00.000Z',
        node: '3 nodes',
        source: 'consul',
        summary: `2 instances replaced (1.2.0 → 1.3.0): ${OLD[0]} → ${NEW.join(', ')}`,
      },
    ]);
    expect(d.summary).toContain('began as 2 instances replaced (1.2.0 → 1.3.0) at 10:30');
    const logs = d.instances.find((i) => i.node === NEW[0])?.anomalies.find((a) => a.source === 'logs');
    expect(logs?.baseline).toBe(2);
    expect(logs?.evidence).toContain(
      `the service's baseline (1 earlier instance: ${OLD[0]}): the instance has no history`,
    );
    expect(d.serviceBaseline).toEqual({ nodes: [OLD[0]], earlier: [OLD[0]], instances: NEW });
    // The replaced node is history, not an instance to suspect.
    expect(d.instances.map((i) => i.node)).toEqual(NEW);
    expect(d.suspects.map((s) => s.node)).not.toContain(OLD[0]);
  });

  it('tells nodes that vanished without a successor', () => {
    const c = collected({ nodes: OLD, service: 'api', query: 'api' });
    c.history = [
      { node: OLD[0] as string, first: '2026-11-23T06:00:00.000Z', last: '2026-11-23T10:59:00.000Z' },
      { node: 'cv-api-gone-1', first: '2026-11-23T06:00:00.000Z', last: '2026-11-23T10:14:00.000Z', version: '1.1.0' },
      { node: 'cv-api-long-gone', first: '2026-11-23T06:00:00.000Z', last: '2026-11-23T08:00:00.000Z' },
    ];
    const d = analyze(c, clock, 0);
    expect(d.timeline.filter((e) => e.source === 'consul')).toEqual([
      {
        time: '2026-11-23T10:15:00.000Z',
        node: 'cv-api-gone-1',
        source: 'consul',
        summary: '1 instance vanished (1.1.0): cv-api-gone-1',
      },
    ]);
  });
});
