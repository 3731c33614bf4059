import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/diagnose/analyze.js';
import type { Collected, ProcessPids, StartLine } from '../../../src/diagnose/collected.js';
import { logRestarts } from '../../../src/diagnose/log-restarts.js';
import { collected, diskFull, uptime } from './fixtures.js';

const clock = { now: () => 1_000 };
const at = (hhmm: string): string => `2026-11-23T${hhmm}:00.000Z`;

function pids(host: string, process: string, list: [string, string, string, number][], more = false): ProcessPids {
  return {
    host,
    process,
    pids: list.map(([pid, first, last, count]) => ({ pid, first: at(first), last: at(last), count })),
    more,
  };
}

function withLogs(c: Collected, processes: ProcessPids[], starts: StartLine[] = []): Collected {
  return { ...c, logs: { ...c.logs, processes, starts } };
}

describe('restarts seen in the logs', () => {
  it('tells a new pid of a long-running process once the old one went quiet', () => {
    const c = withLogs(collected(), [
      pids('nexus-02', 'nexus', [
        ['2100', '09:00', '10:30', 400],
        ['2243', '10:31', '10:59', 90],
      ]),
    ]);
    expect(logRestarts(c)).toEqual([{ host: 'nexus-02', time: at('10:31'), process: 'nexus', pids: ['2100', '2243'] }]);
  });

  it('tells a restart just before the window (its ten minutes), not one earlier', () => {
    const c = collected();
    const minutes = (iso: string, delta: number): string => new Date(Date.parse(iso) + delta * 60_000).toISOString();
    const lead = minutes(c.window.from, -5);
    const early = minutes(c.window.from, -20);
    const restartAt = (time: string): Collected =>
      withLogs(c, [
        {
          host: 'nexus-02',
          process: 'nexus',
          more: false,
          pids: [
            { pid: '2100', first: minutes(time, -120), last: minutes(time, -1), count: 400 },
            { pid: '2243', first: time, last: minutes(c.window.to, -1), count: 90 },
          ],
        },
      ]);
    expect(logRestarts(restartAt(lead)).map((r) => r.time)).toEqual([lead]);
    expect(logRestarts(restartAt(early))).toEqual([]);
  });

  it('ignores processes that spawn (more pids than listed), overlap, run briefly or log once', () => {
    const c = withLogs(collected(), [
      pids(
        'nexus-01',
        'CRON',
        [
          ['1', '09:00', '10:30', 5],
          ['2', '10:31', '10:40', 5],
        ],
        true,
      ),
      pids('nexus-02', 'worker', [
        ['7', '09:00', '10:45', 50],
        ['8', '10:20', '10:50', 50],
      ]),
      pids('nexus-03', 'sshd', [
        ['8', '10:00', '10:50', 50],
        ['9', '10:10', '10:11', 2],
        ['10', '10:20', '10:50', 50],
      ]),
      // A cron job's sessions: two lines a second under each pid.
      pids('nexus-01', 'cron', [
        ['1', '10:00', '10:00', 2],
        ['2', '10:15', '10:15', 2],
      ]),
      pids('nexus-03', 'logger', [
        ['11', '09:00', '10:30', 50],
        ['12', '10:40', '10:40', 1],
      ]),
    ]);
    expect(logRestarts(c)).toEqual([]);
  });

  it('takes a start-up line after the host had logged, and one restart per moment with its pid change', () => {
    const fresh = collected();
    // nexus-03 is new: nothing in the baseline, its first line is its start-up line.
    fresh.logs.hosts = fresh.logs.hosts.map((h) =>
      h.host === 'nexus-03' ? { ...h, baseline: { total: 0, errors: 0 } } : h,
    );
    const c = withLogs(
      fresh,
      [
        pids('nexus-02', 'nexus', [
          ['2100', '09:00', '10:30', 400],
          ['2243', '10:31', '10:59', 90],
        ]),
      ],
      [
        {
          host: 'nexus-02',
          time: at('10:32'),
          message: 'Started Sonatype Nexus OSS 3.19.1-01',
          hostFirst: at('09:00'),
        },
        // A new instance's first start is no restart.
        {
          host: 'nexus-03',
          time: at('10:05'),
          message: 'Started Sonatype Nexus OSS 3.19.1-01',
          hostFirst: at('10:05'),
        },
        {
          host: 'nexus-01',
          time: at('10:50'),
          message: 'Started Sonatype Nexus OSS 3.19.1-01',
          hostFirst: at('09:00'),
        },
      ],
    );
    expect(logRestarts(c)).toEqual([
      {
        host: 'nexus-02',
        time: at('10:31'),
        process: 'nexus',
        pids: ['2100', '2243'],
        line: 'Started Sonatype Nexus OSS 3.19.1-01',
      },
      { host: 'nexus-01', time: at('10:50'), line: 'Started Sonatype Nexus OSS 3.19.1-01' },
    ]);
  });

  it('leaves out a restart of a host whose uptime reset then, and hosts that are no instance', () => {
    const c = withLogs(collected(), [
      pids('nexus-02', 'nexus', [
        ['1', '09:00', '10:30', 400],
        ['2', '10:31', '10:59', 90],
      ]),
      pids('old-01', 'nexus', [
        ['1', '09:00', '10:30', 400],
        ['2', '10:31', '10:59', 90],
      ]),
    ]);
    expect(logRestarts(c, [{ host: 'nexus-02', time: at('10:32') }])).toEqual([]);
  });

  it('puts the restart on the timeline and lines the anomaly up with it', () => {
    const c = withLogs(diskFull(), [
      pids('nexus-02', 'nexus', [
        ['2100', '08:00', '10:38', 400],
        ['2243', '10:39', '10:59', 90],
      ]),
    ]);
    const d = analyze(c, clock, 0);
    expect(d.timeline).toContainEqual({
      time: at('10:39'),
      node: 'nexus-02',
      source: 'logs',
      summary: 'restarted (log: nexus pid 2100 → 2243)',
    });
    expect(d.summary).toMatch(/began \d+ min after nexus-02 restarted at 10:39 \(log\)/);
  });

  it('lines the anomaly up with a restart of its own node before a nearer deploy of the environment', () => {
    const c = withLogs(diskFull(), [
      pids('nexus-02', 'nexus', [
        ['2100', '08:00', '10:36', 400],
        ['2243', '10:37', '10:59', 90],
      ]),
    ]);
    c.deploys = [{ time: at('10:40'), what: '0 created, 1 updated, 0 deleted', who: 'bob', commit: 'unknown' }];
    expect(analyze(c, clock, 0).summary).toMatch(/began \d+ min after nexus-02 restarted at 10:37 \(log\)/);
  });

  it('tells an uptime reset once, not again as a log restart', () => {
    const c = withLogs(diskFull(), [
      pids('nexus-02', 'nexus', [
        ['2100', '08:00', '10:37', 400],
        ['2243', '10:38', '10:59', 90],
      ]),
    ]);
    c.metrics = c.metrics.filter((s) => !(s.signal === 'system.uptime' && s.host === 'nexus-02'));
    c.metrics.push(uptime('nexus-02', [38]));
    const d = analyze(c, clock, 0);
    expect(d.timeline.filter((e) => e.node === 'nexus-02' && e.summary.startsWith('restarted'))).toHaveLength(1);
  });
});
