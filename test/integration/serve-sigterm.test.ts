/** `calvin serve` as a process: SIGTERM lets the diagnosis in flight finish and be logged, then it exits 0. */
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSUL } from './diagnose-helpers.js';
import { TOKEN, eventually, kapacitorAlert, post, uniqueSuffix } from './serve-helpers.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');

describe('calvin serve and SIGTERM', () => {
  it('finishes the diagnosis in flight, logs it, then exits 0', async () => {
    const suffix = uniqueSuffix('term');
    const spool = await mkdtemp(path.join(os.tmpdir(), 'calvin-serve-term-'));
    const child = spawn(
      process.execPath,
      [path.join(repoRoot, 'bin/calvin.js'), 'serve', '--port', '0', '--spool', spool, '--index-suffix', suffix],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          CONSUL_HTTP_ADDR: CONSUL,
          CALVIN_SERVE_TOKEN: TOKEN,
          ELASTICSEARCH_URL: 'http://127.0.0.1:19200',
          NO_COLOR: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const events: { event?: string; url?: string }[] = [];
    let buffer = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) events.push(JSON.parse(line) as { event?: string; url?: string });
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const url = await eventually(async () => events.find((e) => e.event === 'listening')?.url, 'serve listening');
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
