import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/diagnose/analyze.js';
import type { Collected } from '../../../src/diagnose/collected.js';
import { mannWhitney } from '../../../src/diagnose/mann-whitney.js';
import { compareVersions, versionOf } from '../../../src/diagnose/versions.js';
import { collected, diskFull, group, hostLogs } from './fixtures.js';
import { renderJson } from '../../../src/report/json.js';
import { schemaValidator } from '../../helpers/schemas.js';

const clock = { now: () => 1_000 };
const OLD = ['cv-api-1-2-0-a1', 'cv-api-1-2-0-b2'];
const NEW = ['cv-api-1-3-0-c3', 'cv-api-1-3-0-d4'];
const NPE = 'Request failed: java.lang.NullPointerException: Cannot invoke "String.length()" because "name" is null';

/** Two 1.2.0 instances and two 1.3.0 ones; `failing` of them log NPE bursts from 10:20. */
function rollout(failing: string[]): Collected {
  const nodes = [...OLD, ...NEW];
  const c = collected({ nodes, service: 'api', query: 'api' });
  c.instances = c.instances.map((i) => ({ ...i, version: OLD.includes(i.node) ? '1.2.0' : '1.3.0' }));
  c.logs.hosts = nodes.map((n) => (failing.includes(n) ? hostLogs(n, 240, 2, 20) : hostLogs(n, 2, 8)));
  c.logs.windowErrors = failing.map((n) => group(NPE, [[n, 240]], '2026-11-23T10:20:00.000Z'));
  return c;
}

describe('versions', () => {
  it('reads service Meta, version tags, node image, in that order', () => {
    expect(versionOf({ serviceMeta: { version: '1.3.0' }, tags: ['1.2.0'], nodeMeta: { image: 'x' } })).toBe('1.3.0');
    expect(versionOf({ tags: ['http', 'v1.2.0'] })).toBe('1.2.0');
    expect(versionOf({ tags: ['version=2.0.1-rc1'] })).toBe('2.0.1-rc1');
    expect(versionOf({ tags: ['http'], nodeMeta: { image: 'calvinverse-api-1.3.0' } })).toBe('calvinverse-api-1.3.0');
    expect(versionOf({ tags: ['http'] })).toBeUndefined();
    expect(['1.10.0', '1.2.0', '1.9.1'].sort(compareVersions)).toEqual(['1.2.0', '1.9.1', '1.10.0']);
  });
});

describe('mannWhitney', () => {
  it('matches textbook values: U, a two-sided p and the rank-biserial effect', () => {
    // Every a above every b: U = n1·n2, effect 1; exact two-sided p for 5 vs 5 is 0.0079 (normal approx ≈ 0.012).
    const t = mannWhitney([6, 7, 8, 9, 10], [1, 2, 3, 4, 5]);
    expect(t).toMatchObject({ u: 25, effect: 1 });
    expect(t?.p).toBeGreaterThan(0.005);
    expect(t?.p).toBeLessThan(0.02);
    const same = mannWhitney([1, 2, 3, 4], [1, 2, 3, 4]);
    expect(same?.effect).toBe(0);
    expect(same?.p).toBe(1);
    expect(mannWhitney([1, 2], [3, 4, 5])).toBeNull();
  });
});

describe('analyze during a rollout', () => {
  it('names version 1.3.0 and its two instances when only they fail', () => {
    const d = analyze(rollout(NEW), clock, 0);
    expect(d.rollout?.verdict).toBe('new-version-worse');
    expect(d.suspects[0]).toMatchObject({ node: NEW[0], version: '1.3.0', nodes: NEW });
    expect(d.suspects[0]?.reason).toMatch(/^version 1\.3\.0 on cv-api-1-3-0-c3, cv-api-1-3-0-d4: '.*' ×240\/instance;/);
    expect(d.suspects[0]?.reason).toMatch(
      /log\.errors worse than on 1\.2\.0 \(Mann–Whitney U=\d+, p=0(\.\d+)?, effect r=/,
    );
    expect(d.summary).toMatch(
      /^rollout: instances on 1\.3\.0 fail \('.*' ×240\/instance\) while 1\.2\.0 instances are healthy/,
    );
    const json = JSON.parse(renderJson(d));
    expect(schemaValidator()('diagnosis', json)).toEqual([]);
    expect(json.suspects[0]).toMatchObject({ version: '1.3.0', nodes: NEW });
    expect(json.rollout.verdict).toBe('new-version-worse');
    expect(d.rollout?.versions.map((v) => [v.version, v.unhealthy])).toEqual([
      ['1.2.0', []],
      ['1.3.0', NEW],
    ]);
  });

  it('says it is not the version when both versions fail alike', () => {
    const d = analyze(rollout([OLD[0] as string, NEW[0] as string]), clock, 0);
    expect(d.rollout?.verdict).toBe('not-the-version');
    expect(d.suspects[0]?.version).toBeUndefined();
    expect(d.summary).toContain('not the version: 1.2.0 and 1.3.0 instances fail alike');
  });

  it('keeps an unrelated bad node first when the new version is healthy', () => {
    const c = diskFull();
    c.instances = c.instances.map((i, k) => ({ ...i, version: k === 0 ? '1.3.0' : '1.2.0' }));
    const d = analyze(c, clock, 0);
    expect(d.rollout?.verdict).not.toBe('new-version-worse');
    expect(d.suspects[0]?.node).toBe('nexus-02');
  });

  it('blames one bad node, not its version, when its peer on the same version is healthy', () => {
    // One 1.3.0 instance fails through the whole window (a large effect on the pooled buckets); the other is fine.
    const bad = NEW[1] as string;
    const c = rollout([bad]);
    c.logs.hosts = c.logs.hosts.map((h) => (h.host === bad ? hostLogs(bad, 600, 2, 0) : h));
    const d = analyze(c, clock, 0);
    expect(d.rollout?.verdict).not.toBe('new-version-worse');
    expect(d.suspects[0]).toMatchObject({ node: bad });
    expect(d.suspects[0]?.version).toBeUndefined();
  });

  it('reports versions only during a rollout, or when asked', () => {
    expect(analyze(collected(), clock, 0).rollout).toBeUndefined();
    const forced = analyze(collected(), clock, 0, { compareVersions: true });
    expect(forced.rollout?.verdict).toBe('single-version');
  });
});
