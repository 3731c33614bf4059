/** The documents calvin serve keeps in Elasticsearch and answers with under /api/v1. */
import type { IncomingAlert } from './intake.js';
import type { ResolvedVia } from './resolve-service.js';

export type AlertState = 'pending' | 'done' | 'failed';

export interface StoredAlert extends IncomingAlert {
  service: string | null;
  resolvedVia: ResolvedVia;
  /** The shared diagnosis of (service, window); none for OK alerts and unresolved ones. */
  diagnosisId: string | null;
  storedAt: string;
  closedAt?: string;
}

export interface StoredDiagnosis {
  id: string;
  service: string;
  /** The alert time the snapshot ends at. */
  time: string;
  bucketStart: string;
  state: AlertState;
  claimedBy: string;
  claimedAt: string;
  /** The claim is its replica's until then; renewed while the diagnosis runs, taken over after. */
  leaseUntil?: string;
  /** How many times another replica took the claim over from one that stopped. */
  takeovers?: number;
  finishedAt?: string;
  durationMs?: number;
  status?: string;
  summary?: string;
  /** JSON of { diagnosis, charts }, redacted. */
  snapshot?: string;
  error?: string;
}
