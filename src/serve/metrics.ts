/** serve's own counters and histograms (prom-client), one registry per app so replicas in one process stay apart. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface ServeMetrics {
  registry: Registry;
  requests: Histogram<'method' | 'route' | 'status'>;
  alertsReceived: Counter<'source'>;
  alertsStored: Counter<'outcome'>;
  rejected: Counter<'reason'>;
  diagnoses: Counter<'outcome'>;
  diagnosisSeconds: Histogram;
  backlog: Gauge;
  queued: Gauge;
}

export function createMetrics(defaults = true): ServeMetrics {
  const registry = new Registry();
  if (defaults) collectDefaultMetrics({ register: registry, prefix: 'calvin_serve_' });
  const registers = [registry];
  return {
    registry,
    requests: new Histogram({
      name: 'calvin_serve_http_request_duration_seconds',
      help: 'HTTP requests by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5, 15],
      registers,
    }),
    alertsReceived: new Counter({
      name: 'calvin_serve_alerts_received_total',
      help: 'Alerts accepted (202)',
      labelNames: ['source'],
      registers,
    }),
    alertsStored: new Counter({
      name: 'calvin_serve_alerts_stored_total',
      help: 'Alerts written to Elasticsearch: created, or exists (a duplicate delivery or another replica)',
      labelNames: ['outcome'],
      registers,
    }),
    rejected: new Counter({
      name: 'calvin_serve_requests_rejected_total',
      help: 'Requests refused: unauthorized, too_large, invalid, busy',
      labelNames: ['reason'],
      registers,
    }),
    diagnoses: new Counter({
      name: 'calvin_serve_diagnoses_total',
      help: 'Diagnosis snapshots taken, by outcome',
      labelNames: ['outcome'],
      registers,
    }),
    diagnosisSeconds: new Histogram({
      name: 'calvin_serve_diagnosis_duration_seconds',
      help: 'Duration of diagnosis snapshots',
      buckets: [0.5, 1, 2, 5, 10, 20],
      registers,
    }),
    backlog: new Gauge({
      name: 'calvin_serve_spool_backlog',
      help: 'Alerts accepted and not yet stored in Elasticsearch',
      registers,
    }),
    queued: new Gauge({ name: 'calvin_serve_diagnosis_queue', help: 'Diagnoses waiting to run', registers }),
  };
}
