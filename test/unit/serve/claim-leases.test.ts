import { describe, expect, it } from 'vitest';
import type { DocVersion, Versioned } from '../../../src/backends/alert-store.js';
import { ClaimLeases, MAX_TAKEOVERS, leaseExpired } from '../../../src/serve/claim-leases.js';
import type { StoredDiagnosis } from '../../../src/serve/types.js';

/** Elasticsearch's create and if_seq_no semantics over a Map: enough to check who wins. */
class MemoryClaims {
  readonly docs = new Map<string, { doc: StoredDiagnosis; seqNo: number }>();
  private seq = 0;

  async claimDiagnosis(id: string, doc: Record<string, unknown>): Promise<DocVersion | 'exists'> {
    if (this.docs.has(id)) return 'exists';
    this.seq += 1;
    this.docs.set(id, { doc: doc as unknown as StoredDiagnosis, seqNo: this.seq });
    return { seqNo: this.seq, primaryTerm: 1 };
  }

  async getDiagnosisVersioned<T>(id: string): Promise<Versioned<T> | undefined> {
    const hit = this.docs.get(id);
    return hit ? { doc: hit.doc as unknown as T, version: { seqNo: hit.seqNo, primaryTerm: 1 } } : undefined;
  }

  async updateDiagnosisIf(id: string, partial: Record<string, unknown>, version: DocVersion) {
    const hit = this.docs.get(id);
    if (!hit || hit.seqNo !== version.seqNo) return undefined;
    this.seq += 1;
    this.docs.set(id, { doc: { ...hit.doc, ...partial } as StoredDiagnosis, seqNo: this.seq });
    return { seqNo: this.seq, primaryTerm: 1 };
  }

  async pendingDiagnoses<T>(): Promise<({ id: string } & Versioned<T>)[]> {
    return [...this.docs]
      .filter(([, hit]) => hit.doc.state === 'pending')
      .map(([id, hit]) => ({ id, doc: hit.doc as unknown as T, version: { seqNo: hit.seqNo, primaryTerm: 1 } }));
  }
}

const LEASE = 30_000;
const claim = (): StoredDiagnosis => ({
  id: 'd-1',
  service: 'artefacts',
  time: '2026-12-06T04:00:00.000Z',
  bucketStart: '2026-12-06T04:00:00.000Z',
  state: 'pending',
  claimedBy: 'a',
  claimedAt: '2026-12-06T04:00:00.000Z',
});

function replica(store: MemoryClaims, name: string, clock: { now: number }) {
  return new ClaimLeases({ store, replica: name, leaseMs: LEASE, now: () => new Date(clock.now) });
}

describe('diagnosis claims with a lease', () => {
  it('the first replica claims; another cannot while the lease runs, and takes over once it ran out', async () => {
    const store = new MemoryClaims();
    const clock = { now: Date.parse('2026-12-06T04:00:00Z') };
    const a = replica(store, 'a', clock);
    const b = replica(store, 'b', clock);
    expect(await a.acquire(claim())).toMatchObject({
      claim: { claimedBy: 'a', leaseUntil: '2026-12-06T04:00:30.000Z' },
    });
    expect(await b.acquire({ ...claim(), claimedBy: 'b' })).toBeUndefined();
    expect(await b.takeOverStale()).toEqual([]);
    clock.now += LEASE + 1;
    const taken = await b.takeOverStale();
    expect(taken.map((l) => [l.claim.claimedBy, l.claim.takeovers])).toEqual([['b', 1]]);
    expect(store.docs.get('d-1')?.doc).toMatchObject({ claimedBy: 'b', takeovers: 1, state: 'pending' });
  });

  it('of two replicas taking over the same stale claim, exactly one wins', async () => {
    const store = new MemoryClaims();
    const clock = { now: Date.parse('2026-12-06T04:00:00Z') };
    await replica(store, 'a', clock).acquire(claim());
    clock.now += LEASE + 1;
    const stale = (await store.pendingDiagnoses<StoredDiagnosis>())[0]!;
    const results = await Promise.all(
      ['b', 'c'].map((name) => replica(store, name, clock).takeOver(stale.id, stale.doc, stale.version)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('a finished diagnosis is never taken over, and one that outlives MAX_TAKEOVERS replicas is marked failed', async () => {
    const store = new MemoryClaims();
    const clock = { now: Date.parse('2026-12-06T04:00:00Z') };
    await replica(store, 'a', clock).acquire(claim());
    for (let n = 1; n <= MAX_TAKEOVERS; n++) {
      clock.now += LEASE + 1;
      expect(await replica(store, `r${n}`, clock).takeOverStale()).toHaveLength(1);
    }
    clock.now += LEASE + 1;
    expect(await replica(store, 'last', clock).takeOverStale()).toEqual([]);
    expect(store.docs.get('d-1')?.doc).toMatchObject({ state: 'failed', error: expect.stringMatching(/^abandoned/) });
    clock.now += LEASE + 1;
    expect(await replica(store, 'after', clock).takeOverStale()).toEqual([]);
  });

  it('hold() renews the lease while the work runs', async () => {
    const store = new MemoryClaims();
    const clock = { now: Date.parse('2026-12-06T04:00:00Z') };
    const leases = new ClaimLeases({ store, replica: 'a', leaseMs: 30, now: () => new Date(clock.now) });
    const lease = (await leases.acquire(claim()))!;
    let renewedTo = '';
    await leases.hold(lease, async () => {
      clock.now += 60_000;
      // Wait for the renewals the timer makes (a third of the lease), without timing anything.
      while (store.docs.get('d-1')?.doc.leaseUntil === lease.claim.leaseUntil)
        await new Promise((r) => setTimeout(r, 5));
      renewedTo = store.docs.get('d-1')?.doc.leaseUntil ?? '';
    });
    expect(Date.parse(renewedTo)).toBe(clock.now + 30);
  });

  it('counts a claim written before leases from its claimedAt', () => {
    const at = Date.parse('2026-12-06T04:00:00Z');
    expect(leaseExpired(claim(), at + LEASE - 1, LEASE)).toBe(false);
    expect(leaseExpired(claim(), at + LEASE, LEASE)).toBe(true);
  });
});
