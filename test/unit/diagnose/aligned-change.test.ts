import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/diagnose/analyze.js';
import type { Collected } from '../../../src/diagnose/collected.js';
import type { DeployRecord } from '../../../src/diagnose/deploys.js';
import { collected, diskFull, uptime } from './fixtures.js';

const clock = { now: () => 1_000 };

const deploy = (time: string, what = '1 created, 2 updated, 0 deleted'): DeployRecord => ({
  time,
  what,
  who: 'alice',
  commit: 'abc1234def5678',
});

function withDeploys(c: Collected, deploys: DeployRecord[]): Collected {
  return { ...c, deploys };
}

describe('changes lined up with the anomaly', () => {
  it('puts a deploy on the timeline and says the anomaly began after it', () => {
    const d = analyze(withDeploys(diskFull(), [deploy('2026-11-23T10:39:00.000Z')]), clock, 0);
    expect(d.timeline).toContainEqual({
      time: '2026-11-23T10:39:00.000Z',
      node: 'test',
      source: 'deploy',
      summary: 'calvin deploy: 1 created, 2 updated, 0 deleted by alice, abc1234def56',
    });
    expect(d.summary).toMatch(
      /; began \d+ min after calvin deploy at 10:39 \(1 created, 2 updated, 0 deleted by alice, abc1234def56\);/,
    );
  });

  it('shows deploys of the window and just before it, but lines up only a near one', () => {
    const d = analyze(
      withDeploys(diskFull(), [deploy('2026-11-23T08:30:00.000Z', 'old'), deploy('2026-11-23T09:10:00.000Z')]),
      clock,
      0,
    );
    expect(d.timeline.filter((e) => e.source === 'deploy').map((e) => e.time)).toEqual(['2026-11-23T09:10:00.000Z']);
    expect(d.summary).not.toContain('began');
  });

  it('picks the change closest to the onset', () => {
    const d = analyze(
      withDeploys(diskFull(), [deploy('2026-11-23T10:33:00.000Z', 'far'), deploy('2026-11-23T10:40:00.000Z', 'near')]),
      clock,
      0,
    );
    expect(d.summary).toMatch(/began \d+ min after calvin deploy at 10:40 \(near by alice/);
  });

  it('lines the anomaly up with a reboot of an instance, which is not itself the onset', () => {
    const c = diskFull();
    c.metrics = c.metrics.filter((s) => !(s.signal === 'system.uptime' && s.host === 'nexus-02'));
    c.metrics.push(uptime('nexus-02', [38]));
    const d = analyze(c, clock, 0);
    expect(d.timeline).toContainEqual(
      expect.objectContaining({ node: 'nexus-02', summary: 'restarted (uptime reset)' }),
    );
    expect(d.summary).toMatch(/began \d+ min after nexus-02 restarted at 10:38/);
  });

  it('tells nothing when the only change is a deploy on a healthy service', () => {
    const d = analyze(withDeploys(collected(), [deploy('2026-11-23T10:30:00.000Z')]), clock, 0);
    expect(d.status).toBe('healthy');
    expect(d.timeline.map((e) => e.source)).toEqual(['deploy']);
    expect(d.summary).not.toContain('began');
  });

  it('leaves out a commit recorded as unknown', () => {
    const d = analyze(
      withDeploys(diskFull(), [{ ...deploy('2026-11-23T10:39:00.000Z'), commit: 'unknown' }]),
      clock,
      0,
    );
    expect(d.timeline.find((e) => e.source === 'deploy')?.summary).toBe(
      'calvin deploy: 1 created, 2 updated, 0 deleted by alice',
    );
  });
});
