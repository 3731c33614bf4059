/**
 * Leases on diagnosis claims. A claim (the `calvin-diagnoses` document of one service and window)
 * carries `leaseUntil`, which its replica renews while the diagnosis runs. A replica that dies stops
 * renewing; once the lease has run out, any other replica takes the claim over with a conditional write
 * (`if_seq_no`/`if_primary_term`), so of several that try at once exactly one wins. Elasticsearch
 * decides, no coordinator of ours. After MAX_TAKEOVERS the diagnosis is marked failed instead: one
 * that kills every replica it runs on must not take them all down.
 */
import type { AlertStore, DocVersion } from '../backends/alert-store.js';
import type { StoredDiagnosis } from './types.js';

export const DEFAULT_LEASE_MS = 30_000;
export const MAX_TAKEOVERS = 3;

export interface Lease {
  claim: StoredDiagnosis;
  version: DocVersion;
}

type ClaimStore = Pick<
  AlertStore,
  'claimDiagnosis' | 'getDiagnosisVersioned' | 'updateDiagnosisIf' | 'pendingDiagnoses'
>;

export interface ClaimLeaseDeps {
  store: ClaimStore;
  replica: string;
  leaseMs: number;
  now(): Date;
  log?(event: Record<string, unknown>): void;
}

/** A claim's lease has run out (claims written before leases existed count from `claimedAt`). */
export function leaseExpired(claim: StoredDiagnosis, nowMs: number, leaseMs: number): boolean {
  const until = claim.leaseUntil ? Date.parse(claim.leaseUntil) : Date.parse(claim.claimedAt) + leaseMs;
  return !(until > nowMs);
}

export class ClaimLeases {
  constructor(private readonly deps: ClaimLeaseDeps) {}

  private leaseUntil(): string {
    return new Date(this.deps.now().getTime() + this.deps.leaseMs).toISOString();
  }

  /** Creates the claim, or takes over an existing one whose lease ran out; undefined when another holds it. */
  async acquire(claim: StoredDiagnosis): Promise<Lease | undefined> {
    const doc: StoredDiagnosis = { ...claim, leaseUntil: this.leaseUntil() };
    const created = await this.deps.store.claimDiagnosis(claim.id, doc as unknown as Record<string, unknown>);
    if (created !== 'exists') return { claim: doc, version: created };
    const current = await this.deps.store.getDiagnosisVersioned<StoredDiagnosis>(claim.id);
    return current ? this.takeOver(claim.id, current.doc, current.version) : undefined;
  }

  /** Takes over a pending claim whose lease ran out; undefined when it is alive, finished, or another won. */
  async takeOver(id: string, doc: StoredDiagnosis, version: DocVersion): Promise<Lease | undefined> {
    const now = this.deps.now();
    if (doc.state !== 'pending' || !leaseExpired(doc, now.getTime(), this.deps.leaseMs)) return undefined;
    const takeovers = (doc.takeovers ?? 0) + 1;
    if (takeovers > MAX_TAKEOVERS) {
      const error = `abandoned: the replicas taking this diagnosis stopped ${takeovers} times`;
      await this.deps.store.updateDiagnosisIf(id, { state: 'failed', error, finishedAt: now.toISOString() }, version);
      this.deps.log?.({ event: 'claim-abandoned', id, takeovers });
      return undefined;
    }
    const partial = {
      claimedBy: this.deps.replica,
      claimedAt: now.toISOString(),
      leaseUntil: this.leaseUntil(),
      takeovers,
    };
    const next = await this.deps.store.updateDiagnosisIf(id, partial, version);
    if (!next) return undefined;
    this.deps.log?.({ event: 'claim-takeover', id, from: doc.claimedBy, takeovers });
    return { claim: { ...doc, ...partial }, version: next };
  }

  /** The sweep every replica runs: each pending claim whose lease ran out, taken over. */
  async takeOverStale(): Promise<Lease[]> {
    const leases: Lease[] = [];
    for (const pending of await this.deps.store.pendingDiagnoses<StoredDiagnosis>()) {
      const lease = await this.takeOver(pending.id, pending.doc, pending.version);
      if (lease) leases.push(lease);
    }
    return leases;
  }

  /**
   * Runs `work` while renewing the lease every third of its length. A renewal refused because another
   * replica took over (its lease ran out under a long pause) stops the renewals; the work still ends,
   * and both write the same kind of outcome.
   */
  async hold(lease: Lease, work: () => Promise<void>): Promise<void> {
    let version: DocVersion | undefined = lease.version;
    let renewing: Promise<void> = Promise.resolve();
    const timer = setInterval(
      () => {
        renewing = renewing.then(async () => {
          if (!version) return;
          const partial = { leaseUntil: this.leaseUntil() };
          version = await this.deps.store.updateDiagnosisIf(lease.claim.id, partial, version).catch(() => version);
          if (!version) this.deps.log?.({ event: 'claim-lost', id: lease.claim.id });
        });
      },
      Math.max(1, Math.floor(this.deps.leaseMs / 3)),
    );
    timer.unref();
    try {
      await work();
    } finally {
      clearInterval(timer);
      await renewing;
    }
  }
}
