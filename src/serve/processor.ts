/**
 * From accepted alert to stored alert and diagnosis snapshot. `accept` appends to the spool and
 * returns (the 202 goes out then); a single drain loop resolves services, stores alerts with
 * create-only ids, closes incidents on OK, claims one diagnosis per (service, window) and queues it.
 * When Elasticsearch does not answer, the alerts stay in the spool and the drain retries.
 */
import type { AlertStore } from '../backends/alert-store.js';
import type { ClaimLeases, Lease } from './claim-leases.js';
import { diagnosisId, windowStart } from './coalesce.js';
import type { DiagnosisQueue } from './diagnosis-queue.js';
import type { IncomingAlert } from './intake.js';
import type { ServiceResolution } from './resolve-service.js';
import type { Spool } from './spool.js';
import type { StoredAlert, StoredDiagnosis } from './types.js';

export interface ProcessorDeps {
  store: AlertStore;
  spool: Spool<IncomingAlert>;
  queue: DiagnosisQueue;
  leases: ClaimLeases;
  /** How often to look for claims whose replica stopped (their lease ran out). */
  sweepMs: number;
  resolve(alert: IncomingAlert): Promise<ServiceResolution>;
  /** Runs one diagnosis and stores its outcome (the claim exists already). */
  runDiagnosis(claim: StoredDiagnosis): Promise<void>;
  /** Creates the indices if needed (called before each batch; cheap once done). */
  prepareStore(): Promise<void>;
  now(): Date;
  replica: string;
  coalesceMs: number;
  /** Alerts accepted but not yet stored beyond which intake answers 429. */
  maxBacklog: number;
  onStored?(outcome: 'created' | 'exists'): void;
  log?(event: Record<string, unknown>): void;
}

export class BacklogFull extends Error {}

const BATCH = 500;
const RETRY_MS = [250, 500, 1_000, 2_000, 5_000];

export class AlertProcessor {
  /** Accepted and not yet stored, oldest first (also answers GET before Elasticsearch has them). */
  private readonly backlog: IncomingAlert[] = [];
  private readonly byKey = new Map<string, IncomingAlert>();
  private draining: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private sweeping = false;
  private failures = 0;
  private stopped = false;
  elasticsearchUp = true;

  constructor(private readonly deps: ProcessorDeps) {}

  /** Reads what a previous run left in the spool, then drains it. */
  async start(): Promise<number> {
    const left = await this.deps.spool.open();
    for (const a of left) this.remember(a);
    this.kick();
    this.sweepTimer = setInterval(() => void this.sweep(), this.deps.sweepMs);
    this.sweepTimer.unref();
    return left.length;
  }

  get pending(): number {
    return this.backlog.length;
  }

  pendingAlert(key: string): IncomingAlert | undefined {
    return this.byKey.get(key);
  }

  private remember(alert: IncomingAlert): void {
    this.backlog.push(alert);
    this.byKey.set(alert.key, alert);
  }

  async accept(alerts: IncomingAlert[]): Promise<void> {
    if (this.stopped || this.backlog.length + alerts.length > this.deps.maxBacklog) throw new BacklogFull();
    await this.deps.spool.append(alerts);
    for (const a of alerts) this.remember(a);
    this.kick();
  }

  private kick(): void {
    if (this.draining || this.retryTimer || this.backlog.length === 0) return;
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (!this.retryTimer && this.backlog.length > 0) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (this.backlog.length > 0) {
      const batch = this.backlog.slice(0, BATCH);
      try {
        await this.storeBatch(batch);
      } catch (error) {
        this.elasticsearchUp = false;
        const wait = RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)] as number;
        this.failures += 1;
        this.deps.log?.({ event: 'store-failed', pending: this.backlog.length, retryInMs: wait, error: String(error) });
        if (!this.stopped) {
          this.retryTimer = setTimeout(() => {
            this.retryTimer = undefined;
            this.kick();
          }, wait);
          this.retryTimer.unref();
        }
        return;
      }
      this.elasticsearchUp = true;
      this.failures = 0;
      this.backlog.splice(0, batch.length);
      for (const a of batch) this.byKey.delete(a.key);
      await this.deps.spool.commit(batch.length);
    }
  }

  private async storeBatch(batch: IncomingAlert[]): Promise<void> {
    await this.deps.prepareStore();
    const storedAt = this.deps.now().toISOString();
    const docs: StoredAlert[] = [];
    for (const alert of batch) {
      const resolution = await this.deps.resolve(alert);
      const diagnosable = resolution.service !== null && alert.level !== 'OK';
      docs.push({
        ...alert,
        service: resolution.service,
        resolvedVia: resolution.via,
        diagnosisId: diagnosable ? diagnosisId(resolution.service as string, alert.time, this.deps.coalesceMs) : null,
        storedAt,
      });
    }
    const outcomes = await this.deps.store.createAlerts(
      docs.map((d) => ({ id: d.key, doc: d as unknown as Record<string, unknown> })),
    );
    for (const o of outcomes) this.deps.onStored?.(o);
    const created = docs.filter((_, i) => outcomes[i] === 'created');
    for (const ok of created.filter((d) => d.level === 'OK')) await this.closeIncident(ok);
    // Claims for every stored alert, not only the created ones: a replica that stored the alert
    // and died before claiming must not leave it without a diagnosis.
    const claims = new Map<string, StoredAlert>();
    for (const d of docs) if (d.diagnosisId && !claims.has(d.diagnosisId)) claims.set(d.diagnosisId, d);
    await Promise.all([...claims].map(([id, alert]) => this.claim(id, alert)));
  }

  private async closeIncident(ok: StoredAlert): Promise<void> {
    const open = await this.deps.store.openAlertsOf<StoredAlert>(ok.source, ok.alertId);
    const earlier = open.filter((a) => a.time <= ok.time).map((a) => a.key);
    await this.deps.store.updateAlerts(earlier, { closedAt: ok.time });
  }

  private async claim(id: string, alert: StoredAlert): Promise<void> {
    const claim: StoredDiagnosis = {
      id,
      service: alert.service as string,
      time: alert.time,
      bucketStart: windowStart(alert.time, this.deps.coalesceMs),
      state: 'pending',
      claimedBy: this.deps.replica,
      claimedAt: this.deps.now().toISOString(),
    };
    await this.deps.queue.room();
    const lease = await this.deps.leases.acquire(claim);
    if (lease) this.run(lease);
  }

  private run(lease: Lease): void {
    this.deps.queue.push(() => this.deps.leases.hold(lease, () => this.deps.runDiagnosis(lease.claim)));
  }

  /** Takes over the claims of replicas that stopped mid-diagnosis (never more than the queue has room for). */
  private async sweep(): Promise<void> {
    if (this.sweeping || this.stopped || !this.deps.queue.hasRoom()) return;
    this.sweeping = true;
    try {
      for (const lease of await this.deps.leases.takeOverStale()) this.run(lease);
    } catch (error) {
      this.deps.log?.({ event: 'sweep-failed', error: String(error) });
    } finally {
      this.sweeping = false;
    }
  }

  /** Stops accepting, finishes the drain under way and the queued diagnoses (SIGTERM). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    await this.draining;
    await this.deps.queue.idle();
    await this.deps.spool.close();
  }
}
