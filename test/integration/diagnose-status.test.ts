/**
 * `calvin status` on the shared stack, end to end through the CLI: seeded scenarios give at least one
 * unhealthy service (nexus-disk-full) and one healthy one (vault-healthy); others' services may be
 * there too, so the assertions hold for any extra services.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeElasticClients } from '../../src/backends/elasticsearch.js';
import { seedScenario } from '../../scripts/seed/index.js';
import { runCli, stackConfig } from './diagnose-helpers.js';

afterAll(async () => {
  await closeElasticClients();
});

const RANK: Record<string, number> = { critical: 0, degraded: 1, unknown: 2, healthy: 3 };

describe('calvin status', () => {
  it('ranks unhealthy services above healthy ones and exits with the worst status', async () => {
    const config = stackConfig();
    const now = Date.now();
    await seedScenario('nexus-disk-full', { config, now });
    await seedScenario('vault-healthy', { config, now });
    const run = runCli(['status', '--json']);
    expect(run.stderr).toBe('');
    const status = JSON.parse(run.stdout) as {
      status: string;
      services: { service: string; status: string; reason: string; suspect: string | null }[];
    };
    const ranks = status.services.map((s) => RANK[s.status] ?? 9);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const artefacts = status.services.find((s) => s.service === 'artefacts');
    expect(artefacts).toMatchObject({ status: 'critical', suspect: 'nexus-02' });
    expect(status.services.find((s) => s.service === 'secrets')?.status).toBe('healthy');
    expect(status.status).toBe('critical');
    expect(run.status).toBe(1);

    const text = runCli(['status']);
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/✗ critical artefacts \(3 instances\)\n\s+nexus-02: /);
  }, 120_000);
});
