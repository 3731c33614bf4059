/** Rollback holds the deploy lock as apply does: a lock lost mid-rollback stops it before its next write. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockKey } from '../../src/deploy/run.js';
import { CONSUL, ENV, harness, type Harness } from '../fakes/deploy-harness.js';

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
    let lost = false;
    let writesAfterLoss = 0;
    h.kapacitor.beforeWrite(async () => {
      if (lost) {
        writesAfterLoss += 1;
        return;
      }
      const item = (await (await fetch(`${CONSUL}/v1/kv/${key}?dc=${ENV}`)).json()) as { Session: string }[];
      await fetch(`${CONSUL}/v1/session/destroy/${item[0]!.Session}?dc=${ENV}`, { method: 'PUT' });
      lost = true;
    });
    const rolled = await h.rollback();
    expect(lost).toBe(true);
    expect(rolled.exitCode).toBe(1);
    expect(writesAfterLoss).toBe(0);
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
