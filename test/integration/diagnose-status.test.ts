/**
 * `calvin status` on the shared stack, end to end through the CLI, with services of its own (others'
 * services come and go meanwhile, so the assertions hold whatever else is registered).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deregisterNode, registerExternal } from '../../src/backends/consul.js';
import { closeElasticClients } from '../../src/backends/elasticsearch.js';
import { runCli, stackConfig } from './diagnose-helpers.js';

const SFX = `st${process.pid}`;
const BAD = `cause-bad-${SFX}`;
const OK = `cause-ok-${SFX}`;
const NODES = { [BAD]: ['a', 'b'], [OK]: ['c', 'd'] } as Record<string, string[]>;
const node = (s: string, n: string): string => `cv-${s}-node-${n}`;
const config = stackConfig();
const RANK: Record<string, number> = { critical: 0, degraded: 1, unknown: 2, healthy: 3 };

beforeAll(async () => {
  await Promise.all(
    Object.entries(NODES).flatMap(([service, suffixes]) =>
      suffixes.map((n, i) =>
        registerExternal(config, {
          node: node(service, n),
          address: `10.80.0.${i + (service === BAD ? 1 : 10)}`,
          service: { id: `${service}_${n}`, name: service, port: 80, meta: { version: i === 0 ? '1.2.0' : '1.3.0' } },
          checks: [
            {
              checkId: `${service}-${n}`,
              name: 'HTTP',
              status: service === BAD && i === 0 ? 'critical' : 'passing',
              output: 'HTTP GET http://x/health: 503',
              serviceId: `${service}_${n}`,
            },
          ],
        }),
      ),
    ),
  );
});

afterAll(async () => {
  await Promise.all(Object.entries(NODES).flatMap(([s, list]) => list.map((n) => deregisterNode(config, node(s, n)))));
  await closeElasticClients();
});

describe('calvin status', () => {
  it('ranks unhealthy services above healthy ones, flags rollouts and exits with the worst status', () => {
    const run = runCli(['status', '--json']);
    expect(run.stderr).toBe('');
    const status = JSON.parse(run.stdout) as {
      status: string;
      services: { service: string; status: string; reason: string; suspect: string | null; rollout: boolean }[];
    };
    const ranks = status.services.map((s) => RANK[s.status] ?? 9);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(status.services.find((s) => s.service === BAD)).toMatchObject({
      status: 'critical',
      suspect: node(BAD, 'a'),
      rollout: true,
    });
    expect(status.services.find((s) => s.service === OK)?.status).toBe('healthy');
    expect(status.status).toBe('critical');
    expect(run.status).toBe(1);

    const text = runCli(['status']);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain(`✗ critical ${BAD} (2 instances, rollout 1.2.0 → 1.3.0)\n`);
    expect(text.stdout).toMatch(new RegExp(`\\n\\s+${node(BAD, 'a')}: check "HTTP" critical`));
  }, 120_000);
});
