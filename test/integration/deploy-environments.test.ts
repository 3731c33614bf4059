/**
 * Environments are Consul datacenters: the stack runs `test` and `production`, WAN-joined. A deploy to
 * production writes production's KV, holds its lock on a production node, stops before its next write
 * when the lock is lost, and queues behind a concurrent deploy.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupsPrefix, downloadBackups, uploadBackup } from '../../src/backends/consul-backups.js';
import { acquireDeployLock } from '../../src/backends/consul-kv.js';
import { lockKey } from '../../src/deploy/run.js';
import { capture, CONSUL, harness, loseLockOnNextWrite, type Harness } from '../fakes/deploy-harness.js';

const PRODUCTION = 'production';
const PRODUCTION_NODE = 'calvin-stack-production';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => {
  await fetch(`${CONSUL}/v1/kv/${h.kvRoot}?recurse&dc=${PRODUCTION}`, { method: 'DELETE' });
  await h.close();
});

async function kvKeys(dc: string): Promise<string[]> {
  const res = await fetch(`${CONSUL}/v1/kv/${h.kvRoot}?keys&dc=${dc}`);
  return res.status === 404 ? [] : ((await res.json()) as string[]);
}

const deployProduction = (overrides: Parameters<Harness['deploy']>[1] = {}) =>
  h.deploy({}, { environment: PRODUCTION, targets: ['consul-kv', 'kapacitor'], ...overrides });

describe('backups in Consul KV', () => {
  it('are chunked under the 512 KB value limit and come back byte for byte', async () => {
    const config = { ...h.config, consul: { ...h.config.consul, datacenter: PRODUCTION } };
    const source = mkdtempSync(path.join(tmpdir(), 'calvin-kv-backup-'));
    const target = mkdtempSync(path.join(tmpdir(), 'calvin-kv-restore-'));
    try {
      const stamp = path.join(source, '2026-12-06T00-00-00-000Z');
      const big = `${'ünïcødé ☃ '.repeat(130_000)}\n`; // 1.3 M characters, about 2.2 MB in UTF-8
      mkdirSync(path.join(stamp, 'objects'), { recursive: true });
      writeFileSync(path.join(stamp, 'manifest.json'), '{"entries":[]}\n');
      writeFileSync(path.join(stamp, 'objects', '0001.json'), big);
      await uploadBackup(config, h.kvRoot, 'chunks', stamp);
      const keys = (await (
        await fetch(`${CONSUL}/v1/kv/${backupsPrefix(h.kvRoot, 'chunks')}?recurse&dc=${PRODUCTION}`)
      ).json()) as { Key: string; Value: string }[];
      const parts = keys.filter((k) => k.Key.includes('objects/0001.json/'));
      expect(parts.length).toBeGreaterThan(4);
      for (const p of parts) expect(Buffer.from(p.Value, 'base64').length).toBeLessThan(512 * 1024);
      expect(await downloadBackups(config, h.kvRoot, 'chunks', target)).toEqual(['2026-12-06T00-00-00-000Z']);
      expect(readFileSync(path.join(target, '2026-12-06T00-00-00-000Z', 'objects', '0001.json'), 'utf8')).toBe(big);
    } finally {
      rmSync(source, { recursive: true, force: true });
      rmSync(target, { recursive: true, force: true });
    }
  });
});

describe('--env production', () => {
  it('plans and deploys into the production datacenter only, and rolls back there', async () => {
    const io = capture();
    const plan = await deployProduction({ planOnly: true, io });
    expect(plan.exitCode, io.all()).toBe(0);
    expect(plan.plan!.summary.create).toBeGreaterThan(0);
    const deployed = await deployProduction();
    expect(deployed.exitCode, deployed.io.all()).toBe(0);
    const inProduction = await kvKeys(PRODUCTION);
    expect(inProduction.some((k) => k.includes('config/services/'))).toBe(true);
    expect((await kvKeys('test')).filter((k) => k.includes('config/services/'))).toEqual([]);
    expect(inProduction.some((k) => k.includes('calvin/backups/production/'))).toBe(true);
    // Another machine: no local backups at all, the rollback reads them from production's KV.
    rmSync(path.join(h.backupRoot, '.calvin'), { recursive: true, force: true });
    const rolled = await h.rollback(undefined, PRODUCTION);
    expect(rolled.exitCode, rolled.io.all()).toBe(0);
    expect((await kvKeys(PRODUCTION)).filter((k) => k.includes('config/services/'))).toEqual([]);
  });

  it('holds the lock with a session on a node of the production datacenter', async () => {
    const key = lockKey({ kvRoot: h.kvRoot }, PRODUCTION);
    const config = { ...h.config, consul: { ...h.config.consul, datacenter: PRODUCTION } };
    const lock = await acquireDeployLock({ config, key, wait: false, holder: 'test' });
    try {
      const item = (await (await fetch(`${CONSUL}/v1/kv/${key}?dc=${PRODUCTION}`)).json()) as { Session: string }[];
      const session = (await (
        await fetch(`${CONSUL}/v1/session/info/${item[0]!.Session}?dc=${PRODUCTION}`)
      ).json()) as { Node: string }[];
      expect(session[0]!.Node).toBe(PRODUCTION_NODE);
      await lock.assertHeld();
    } finally {
      await lock.release();
    }
  });

  it('stops before the next write when the lock is lost mid-apply (exit 1, one line)', async () => {
    const key = lockKey({ kvRoot: h.kvRoot }, PRODUCTION);
    const loss = loseLockOnNextWrite(h.kapacitor, key, PRODUCTION);
    try {
      const result = await h.deploy({ revision: 7 }, { environment: PRODUCTION, targets: ['kapacitor'] });
      expect(result.exitCode).toBe(1);
      const lines = result.io.err.join('').trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /stopped half-way: lost the deploy lock .*: its session was invalidated; stopped before the next write/,
      );
      expect(loss.lost()).toBe(true);
      expect(loss.writesAfter()).toBe(0);
    } finally {
      h.kapacitor.beforeWrite(undefined);
    }
  });

  it('serialises two concurrent deploys to one datacenter', async () => {
    const waits: string[] = [];
    const io = () => capture((t) => void (t.includes('waiting for the deploy lock') && waits.push(t)));
    let inside = 0;
    let overlap = false;
    h.kapacitor.beforeWrite(async () => {
      inside += 1;
      if (inside > 1) overlap = true;
      await new Promise((r) => setTimeout(r, 50));
      inside -= 1;
    });
    try {
      const [a, b] = await Promise.all([
        h.deploy({ revision: 8 }, { environment: PRODUCTION, targets: ['kapacitor'], io: io() }),
        h.deploy({ revision: 9 }, { environment: PRODUCTION, targets: ['kapacitor'], io: io() }),
      ]);
      expect([a.exitCode, b.exitCode]).toEqual([0, 0]);
      // At least one queued (both may, when the lock-delay of an earlier session is still running).
      expect(waits.length).toBeGreaterThanOrEqual(1);
      expect(overlap).toBe(false);
    } finally {
      h.kapacitor.beforeWrite(undefined);
    }
  });
});
