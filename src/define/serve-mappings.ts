/**
 * The fields of calvin serve's documents, one definition for both the shipped index templates
 * (index-templates/calvin-serve.ts, deployed by `calvin deploy`) and the indices serve creates when
 * no template was deployed yet. The snapshot is JSON text kept in `_source` only (not indexed).
 */
import type { FieldMapping } from './types.js';

export const SERVE_ALERT_FIELDS: Readonly<Record<string, FieldMapping>> = Object.freeze({
  key: { type: 'keyword' },
  source: { type: 'keyword' },
  alertId: { type: 'keyword' },
  level: { type: 'keyword' },
  time: { type: 'date' },
  message: { type: 'text' },
  service: { type: 'keyword' },
  resolvedVia: { type: 'keyword' },
  diagnosisId: { type: 'keyword' },
  receivedAt: { type: 'date' },
  storedAt: { type: 'date' },
  closedAt: { type: 'date' },
});

export const SERVE_DIAGNOSIS_FIELDS: Readonly<Record<string, FieldMapping>> = Object.freeze({
  id: { type: 'keyword' },
  service: { type: 'keyword' },
  time: { type: 'date' },
  bucketStart: { type: 'date' },
  state: { type: 'keyword' },
  claimedBy: { type: 'keyword' },
  claimedAt: { type: 'date' },
  finishedAt: { type: 'date' },
  durationMs: { type: 'long' },
  status: { type: 'keyword' },
  summary: { type: 'text' },
  snapshot: { type: 'keyword', ignore_above: 1 },
  error: { type: 'text' },
});
