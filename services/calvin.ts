import { SERVICES_DATABASE, hostSignals, runbookUrl, service } from 'calvin';

/**
 * calvin serve itself: Consul service `calvin` (tags http, calvin) when started with --register.
 * Telegraf scrapes its /metrics with `[[inputs.prometheus]]` (metric_version 1), tagged for the
 * services database: each metric is a measurement, counters in field `counter`, gauges in `gauge`,
 * histograms in `sum`/`count`.
 */
export default service('calvin', { title: 'calvin serve', owner: 'build-infrastructure' })
  .description('Receives Kapacitor and Alertmanager alerts, takes a diagnosis at alert time, serves the pages.')
  .aliases(['calvin-serve'])
  .consulTags(['http'])
  .database(SERVICES_DATABASE)
  .measurements([
    'calvin_serve_alerts_received_total',
    'calvin_serve_alerts_stored_total',
    'calvin_serve_requests_rejected_total',
    'calvin_serve_diagnoses_total',
    'calvin_serve_diagnosis_duration_seconds',
    'calvin_serve_http_request_duration_seconds',
    'calvin_serve_spool_backlog',
    'calvin_serve_diagnosis_queue',
  ])
  .signals([
    ...hostSignals(),
    {
      name: 'calvin.spool_backlog',
      title: 'Alerts waiting in the spool',
      database: SERVICES_DATABASE,
      measurement: 'calvin_serve_spool_backlog',
      field: 'gauge',
      aggregate: 'max',
      unit: 'short',
      worseWhen: 'higher',
      warning: 100,
      critical: 1000,
    },
  ])
  .runbooks([
    { title: 'calvin serve cannot store alerts', url: runbookUrl('calvin-spool-backlog') },
    { title: 'calvin serve diagnoses fail', url: runbookUrl('calvin-diagnoses-failing') },
  ])
  .build();
