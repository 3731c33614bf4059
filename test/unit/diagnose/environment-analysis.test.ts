import { describe, expect, it } from 'vitest';
import type { CollectedEnvironment } from '../../../src/diagnose/collect-environment.js';
import { analyzeEnvironment, environmentExitCode, worstStatus } from '../../../src/diagnose/environment-analysis.js';
import { planWindows } from '../../../src/diagnose/queries.js';
import { renderStatusText } from '../../../src/report/status-text.js';
import { BASELINE, WINDOW, diskFull, group, hostLogs, normalMetrics } from './fixtures.js';

const clock = { now: () => 1_000 };
const EMPTY_CATALOG = { services: [], dashboards: [], alerts: [], logFilters: [], indexTemplates: [] };

function instance(node: string, service: string) {
  return { node, address: '10.0.0.1', serviceId: `${service}_${node}`, checks: [] };
}

/** artefacts with a full disk on nexus-02, healthy secrets, and a service without instances. */
function environment(): CollectedEnvironment {
  const disk = diskFull();
  const vault = ['cv-vault-0-1-0-a', 'cv-vault-0-1-0-b'];
  return {
    environment: 'test',
    windows: { ...planWindows(new Date(WINDOW.to), 3_600_000), window: WINDOW, baseline: BASELINE, bucketMs: 60_000 },
    services: [
      { service: 'secrets', instances: vault.map((n) => instance(n, 'secrets')) },
      { service: 'artefacts', instances: disk.instances },
      { service: 'empty', instances: [] },
    ],
    metrics: [...disk.metrics, ...normalMetrics(vault, 7)],
    logs: {
      hosts: [...disk.logs.hosts, ...vault.map((n) => hostLogs(n, 2, 8))],
      // One message logged on nodes of both services: each service sees only its own nodes' share.
      windowErrors: [
        ...disk.logs.windowErrors,
        group('audit backend slow', [
          ['cv-vault-0-1-0-a', 2],
          ['nexus-01', 1],
        ]),
      ],
      baselineErrors: disk.logs.baselineErrors,
    },
    sources: { consul: 'ok', influx: 'ok', elasticsearch: 'ok' },
    sourceErrors: {},
  };
}

describe('analyzeEnvironment', () => {
  it('diagnoses every service from the batched data, worst first, with full node names', () => {
    const s = analyzeEnvironment(environment(), EMPTY_CATALOG, [], 'system', clock, 0);
    expect(s.services.map((x) => [x.service, x.status])).toEqual([
      ['artefacts', 'critical'],
      ['empty', 'unknown'],
      ['secrets', 'healthy'],
    ]);
    expect(s.services[0]).toMatchObject({ instances: 3, suspect: 'nexus-02' });
    expect(s.services[0]?.reason).toMatch(/^nexus-02: disk \/srv 99%/);
    expect(s.status).toBe('critical');
    expect(environmentExitCode(s)).toBe(1);
    const text = renderStatusText(s, { width: 60 });
    expect(text.split('\n')[0]).toMatch(/^test: 3 services, 1 critical, 1 unknown, 1 healthy/);
    expect(text).toContain('✗ critical artefacts (3 instances)');
    expect(text).toContain('✓ healthy  secrets (2 instances)');
    expect(text.split('\n').every((l) => l.length <= 60 || !l.includes(' '))).toBe(true);
  });

  it('flags a service in the middle of a rollout', () => {
    const env = environment();
    env.services = env.services.map((x) =>
      x.service === 'secrets'
        ? { ...x, instances: x.instances.map((i, k) => ({ ...i, tags: [k === 0 ? '1.3.0' : '1.2.0'] })) }
        : x,
    );
    const s = analyzeEnvironment(env, EMPTY_CATALOG, [], 'system', clock, 0);
    expect(s.services.find((x) => x.service === 'secrets')).toMatchObject({
      rollout: true,
      versions: ['1.2.0', '1.3.0'],
    });
    expect(s.services.find((x) => x.service === 'artefacts')?.rollout).toBe(false);
    expect(renderStatusText(s)).toContain('secrets (2 instances, rollout 1.2.0 → 1.3.0)');
  });

  it('exits like diagnose: unknown only when nothing is unhealthy', () => {
    expect(worstStatus(['healthy', 'unknown'])).toBe('unknown');
    expect(worstStatus(['degraded', 'unknown', 'critical'])).toBe('critical');
    expect(worstStatus([])).toBe('healthy');
    const env = environment();
    env.services = env.services.filter((x) => x.service !== 'artefacts');
    const s = analyzeEnvironment(env, EMPTY_CATALOG, [], 'system', clock, 0);
    expect(s.status).toBe('unknown');
    expect(environmentExitCode(s)).toBe(3);
  });

  it('cleans what backends named before printing', () => {
    const env = environment();
    env.environment = 'test\u001b[31m';
    env.services = [{ service: 'evil\u001b]0;x\u0007svc', instances: [] }];
    const text = renderStatusText(analyzeEnvironment(env, EMPTY_CATALOG, [], 'system', clock, 0));
    expect(text).not.toMatch(/\u001b/);
  });
});
