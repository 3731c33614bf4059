/** The test cases shipped with the definitions pass on calvin's own evaluators (grok pipeline, alert simulator). */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlertDef, LogFilterDef } from '../../../src/define/index.js';
import { loadOniguruma } from '../../../src/logstash/index.js';
import { runAlertTests, runLogFilterTests } from '../../../src/logstash/testing/index.js';
import { compileLogFilterDef } from '../../../src/logstash/pipeline/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

async function load<T>(folder: string): Promise<T[]> {
  const out: T[] = [];
  for (const f of readdirSync(path.join(root, folder))
    .filter((n) => n.endsWith('.ts'))
    .sort()) {
    const mod = (await import(path.join(root, folder, f))) as { default: T | T[] };
    out.push(...([mod.default].flat() as T[]));
  }
  return out;
}

const filters = await load<LogFilterDef>('log-filters');
const alerts = await load<AlertDef>('alerts');
const now = new Date('2026-11-23T12:00:00Z');

beforeAll(async () => {
  await loadOniguruma();
});

describe('shipped log filter test cases', () => {
  it.each(filters.map((f) => [f.id, f] as const))('%s', (_id, filter) => {
    const result = runLogFilterTests(filter, { now });
    const failures = result.cases
      .filter((c) => c.status !== 'passed')
      .map((c) => `${c.name}: ${c.problems.join('; ')}`);
    expect(failures).toEqual([]);
    expect(result.cases.length).toBe(filter.tests.length);
  });
});

describe('shipped alert test cases', () => {
  it.each(alerts.map((a) => [a.id, a] as const))('%s', (_id, alert) => {
    const result = runAlertTests(alert, { now });
    const failures = result.cases
      .filter((c) => c.status !== 'passed')
      .map((c) => `${c.name}: ${c.problems.join('; ')}`);
    expect(failures).toEqual([]);
    expect(result.cases.length).toBe(alert.tests.length);
  });
});

describe('the whole shipped syslog pipeline on raw Calvinverse syslog JSON', () => {
  const pipeline = [...filters].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  const run = (event: Record<string, unknown>): { event: Record<string, unknown>; dropped: boolean } => {
    let current = event;
    for (const f of pipeline) {
      const result = compileLogFilterDef(f).run(current, { now });
      if (result.status !== 'ok') throw new Error(`${f.id}: ${result.reason}`);
      if (result.dropped) return { event: result.event, dropped: true };
      current = result.event;
    }
    return { event: current, dropped: false };
  };
  const raw = (program: string, message: string, priority = 'info', priorityNum = 6) => ({
    date: '2026-11-23T10:15:02+00:00',
    pid: '4242',
    program,
    message,
    facility: 'daemon',
    host: 'node-07',
    priorityNum,
    priority,
    tags: ['logs.linux.syslog'],
  });

  it.each([
    [
      'nexus',
      '2026-11-23 10:15:02,123+0000 ERROR [qtp1-1] admin org.sonatype.nexus.Foo - Disk full',
      'artefacts',
      'error',
      'Disk full',
    ],
    [
      'run_jenkins.sh',
      '2026-11-23 10:15:02.123+0000 [id=9]\tWARNING\thudson.Foo#bar: agent lost',
      'builds',
      'warn',
      'agent lost',
    ],
    [
      'rabbitmq-server',
      '2026-11-23 10:15:02.123 [error] <0.1.0> connection closed',
      'queue',
      'error',
      'connection closed',
    ],
    ['influxd', 'ts=2026-11-23T10:15:02Z lvl=warn msg="Slow query" service=query', 'metrics', 'warn', 'Slow query'],
    ['vault', '2026-11-23T10:15:02.123Z [INFO]  core: vault is unsealed', 'secrets', 'info', 'vault is unsealed'],
    [
      'fabio',
      '2026/11/23 10:15:02 [ERROR] dial tcp 10.0.0.4:8081: connection refused',
      'proxy',
      'error',
      'dial tcp 10.0.0.4:8081: connection refused',
    ],
    [
      'consul',
      '2026-11-23T10:15:02.123Z [ERROR] agent: Coordinate update error: error="No cluster leader"',
      'consul',
      'error',
      'Coordinate update error: error="No cluster leader"',
    ],
    [
      'logstash',
      '[2026-11-23T10:15:02,123][ERROR][logstash.pipeline        ] Pipeline aborted',
      'logs',
      'error',
      'Pipeline aborted',
    ],
    [
      'elasticsearch',
      '[2026-11-23T10:15:02,123][WARN ][o.e.x.Foo] [documents-01] shard failed',
      'documents',
      'warn',
      'shard failed',
    ],
  ])('%s lines end up as ECS documents of service %s', (program, message, serviceName, level, text) => {
    const { event, dropped } = run(raw(program, message));
    expect(dropped).toBe(false);
    expect(event).toMatchObject({
      '@timestamp': expect.anything(),
      message: text,
      service: { name: serviceName },
      log: { level },
      host: { name: 'node-07' },
      process: { name: program, pid: 4242 },
    });
    expect(event).not.toHaveProperty('program');
    expect(event).not.toHaveProperty('date');
  });

  it('programs without a service filter keep the level from the syslog severity', () => {
    const { event } = run(raw('sshd', 'Accepted publickey for ops', 'notice', 5));
    expect(event).toMatchObject({ log: { level: 'info' }, process: { name: 'sshd' } });
    expect(event).not.toHaveProperty('service');
  });
});
