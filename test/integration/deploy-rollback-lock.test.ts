/** Rollback holds the deploy lock as apply does: a lock lost mid-rollback stops it before its next write. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockKey } from '../../src/deploy/run.js';
import { ENV, harness, loseLockOnNextWrite, type Harness } from '../fakes/deploy-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => {
  h.kapacitor.beforeWrite(undefined);
  await h.close();
});

describe('rollback and the deploy lock', () => {
  it('checks the lock before each write and stops before the next one once it is lost', async () => {
    const deployed = await h.deploy({}, { targets: ['kapacitor'] });
    expect(deployed.exitCode, deployed.io.all()).toBe(0);
    expect(h.kapacitor.tasks.size).toBe(2);
    const key = lockKey({ kvRoot: h.kvRoot }, ENV);
    const loss = loseLockOnNextWrite(h.kapacitor, key, ENV);
    const rolled = await h.rollback();
    expect(loss.lost()).toBe(true);
    expect(rolled.exitCode).toBe(1);
    expect(loss.writesAfter()).toBe(0);
    expect(h.kapacitor.tasks.size).toBe(1); // the first delete went through, the second was never sent
    const lines = rolled.io.err.join('').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /rollback of "test" failed at kapacitor\/task .*: lost the deploy lock .*: its session was invalidated/,
    );
    // With the lock back, the same rollback finishes what is left.
    h.kapacitor.beforeWrite(undefined);
    const again = await h.rollback();
    expect(again.exitCode, again.io.all()).toBe(0);
    expect(h.kapacitor.tasks.size).toBe(0);
  });
});
