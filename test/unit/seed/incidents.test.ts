import { describe, expect, it } from 'vitest';
import { generateIncidents, INCIDENT_KINDS, WINDOW_MS } from '../../../scripts/seed/incidents.js';
import { baseSample } from '../../../scripts/seed/metrics.js';
import { randomFor } from '../../../scripts/seed/random.js';

const NOW = Date.parse('2026-12-06T03:00:00Z');
const TOKEN = 'qtest1';

describe('the incident generator', () => {
  const incidents = generateIncidents('unit', 260, NOW, TOKEN);

  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateIncidents('unit', 260, NOW, TOKEN);
    expect(again.map((i) => [i.service, i.hosts.map((h) => h.node), i.truth])).toEqual(
      incidents.map((i) => [i.service, i.hosts.map((h) => h.node), i.truth]),
    );
    const other = generateIncidents('other', 260, NOW, TOKEN);
    expect(other.map((i) => i.service)).not.toEqual(incidents.map((i) => i.service));
  });

  it('makes ≥ 200 incidents and ≥ 50 healthy controls of every kind out of 260 runs', () => {
    const controls = incidents.filter((i) => i.truth.healthy);
    // 12 kinds and two more healthy controls a round of 14: 18 rounds and 8 more runs.
    expect(controls).toHaveLength(54);
    expect(incidents.length - controls.length).toBe(206);
    expect(new Set(incidents.map((i) => i.kind))).toEqual(new Set(INCIDENT_KINDS));
    expect(new Set(incidents.map((i) => i.mapping))).toEqual(new Set(['keyword', 'text']));
  });

  it('marks every node with the run token, unique, with hostile names among them', () => {
    const nodes = incidents.flatMap((i) => i.hosts.map((h) => h.node));
    expect(nodes.every((n) => n.includes(TOKEN))).toBe(true);
    expect(new Set(nodes).size).toBe(nodes.length);
    expect(nodes.some((n) => /["<>☃]/.test(n))).toBe(true);
    expect(incidents.some((i) => /["<>☃]/.test(i.service))).toBe(true);
    const sizes = incidents.map((i) => i.hosts.filter((h) => h.service === i.service && h.registered).length);
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBe(12);
  });

  it('plants a ground truth that names the incident’s own bad hosts', () => {
    for (const i of incidents) {
      if (i.truth.healthy) {
        // Controls may log chronic errors or roll out a good version, but nothing bends and every check passes.
        expect(i.hosts.every((h) => !h.bend && h.check.status === 'passing')).toBe(true);
        continue;
      }
      for (const node of i.truth.nodes) expect(i.hosts.map((h) => h.node)).toContain(node);
      if (i.kind === 'dependency')
        expect(i.hosts.find((h) => h.node === i.truth.nodes[0])?.service).not.toBe(i.service);
      if (i.kind === 'common') expect(i.truth.dependency).toMatch(/\.example\.internal$/);
      if (i.kind.startsWith('rollout-half-bad')) expect(i.truth.version).toMatch(/^2\.0\.\d$/);
    }
  });

  it('restarts the bad instance of a restart incident in its logs only: a new pid from the onset', () => {
    const restart = incidents.find((i) => i.kind === 'restart');
    const bad = restart?.hosts.find((h) => h.node === restart.truth.nodes[0]);
    const onset = bad?.lines[0]?.time as number;
    expect(bad?.pidAt(onset - 1)).not.toBe(bad?.pidAt(onset));
    expect(bad?.bend).toBeUndefined();
    expect(restart?.truth.summaryIncludes).toBe(`${bad?.node} restarted at`);
    for (const h of restart?.hosts.filter((x) => x !== bad) ?? []) expect(h.pidAt(onset - 1)).toBe(h.pidAt(onset));
  });

  it('bends a bad instance past its warning threshold only after the onset', () => {
    const disk = incidents.find((i) => i.kind === 'disk');
    const bad = disk?.hosts.find((h) => h.node === disk.truth.nodes[0]);
    const ctx = { node: 'n', index: 0, instances: 1, now: NOW, onset: NOW, random: randomFor('x') };
    const at = (t: number) => {
      const s = baseSample(ctx, t, []);
      bad?.bend?.(t, s);
      return s.diskDataPercent;
    };
    expect(at(NOW - 2 * WINDOW_MS)).toBeLessThan(70);
    expect(at(NOW)).toBeGreaterThan(90);
  });

  it('makes busy healthy controls: chronic errors from the start of the history, and good rollouts', () => {
    const controls = incidents.filter((i) => i.truth.healthy);
    const chronic = controls.filter((i) => i.hosts.some((h) => h.lines.length > 0));
    expect(chronic.length).toBeGreaterThan(5);
    for (const i of chronic)
      for (const h of i.hosts.filter((x) => x.lines.length > 0))
        expect(Math.min(...h.lines.map((l) => l.time))).toBeLessThan(NOW - 4 * WINDOW_MS);
    expect(controls.filter((i) => i.hosts.some((h) => h.version === '1.5.0')).length).toBeGreaterThan(5);
  });

  it('replaces instances in a rollout: the old ones leave Consul when the new version starts', () => {
    const full = incidents.find((i) => i.kind === 'rollout-full');
    const own = full?.hosts.filter((h) => h.service === full.service) ?? [];
    const fresh = own.filter((h) => h.registered);
    const gone = own.filter((h) => !h.registered);
    expect(fresh.length).toBe(gone.length);
    expect(new Set(fresh.map((h) => h.version)).size).toBe(1);
    expect(gone.every((h) => h.to <= (fresh[0]?.from ?? 0))).toBe(true);
  });
});
