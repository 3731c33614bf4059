/** `calvin serve` as a process: SIGTERM lets the diagnosis in flight finish and be logged, then it exits 0. */
import { describe, expect, it } from 'vitest';
import { eventually, kapacitorAlert, post, uniqueSuffix } from './serve-helpers.js';
import { spawnServe } from './serve-process.js';

describe('calvin serve and SIGTERM', () => {
  it('finishes the diagnosis in flight, logs it, then exits 0', async () => {
    const suffix = uniqueSuffix('term');
    const serve = await spawnServe(['--index-suffix', suffix]);
    const { child, exited } = serve;
    const events = serve.events as { event?: string; url?: string }[];
    try {
      const url = await serve.url();
      // `consul` is registered in every Consul: the alert resolves by its service tag and a diagnosis starts.
      const answer = await post(
        url,
        '/api/v1/alerts/kapacitor',
        kapacitorAlert({ id: `term${suffix}`, tags: { service: 'consul' } }),
      );
      expect(answer.status).toBe(202);
      // SIGTERM once the diagnosis is under way (it is queued as soon as the alert is stored and claimed).
      await eventually(async () => {
        const metrics = await (await fetch(`${url}/metrics`)).text();
        return /calvin_serve_alerts_stored_total\{[^}]*\} [1-9]/.test(metrics) ? true : undefined;
      }, 'the alert stored');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const names = events.map((e) => e.event);
      expect(names).toContain('stopping');
      expect(names.at(-1)).toBe('stopped');
      // The diagnosis of the alert ran to its end before the exit, not cut off: when it was still in flight at the
      // signal (the usual case: SIGTERM comes as it starts), its log line comes between stopping and stopped.
      const stopping = events.find((e) => e.event === 'stopping') as { inFlight?: number } | undefined;
      expect(names.indexOf('diagnosis')).toBeGreaterThan(-1);
      expect(names.indexOf('diagnosis')).toBeLessThan(names.lastIndexOf('stopped'));
      if ((stopping?.inFlight ?? 0) > 0) expect(names.indexOf('diagnosis')).toBeGreaterThan(names.indexOf('stopping'));
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
