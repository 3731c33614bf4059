import { STATSD_DATABASE, SYSTEM_DATABASE, hostSignals, runbookUrl, service } from 'calvin';

/** Vault (resource.secrets): Consul service `secrets` tagged `active`; telemetry through Telegraf statsd (service=vault). */
export default service('secrets', { title: 'Secrets (Vault)', owner: 'security' })
  .description('Vault with the Consul storage backend; issues RabbitMQ and service credentials.')
  .aliases(['vault'])
  .consulTags(['active'])
  .database(STATSD_DATABASE)
  .measurements([
    'core_handle_request',
    'runtime_alloc_bytes',
    'runtime_gc_pause_ns',
    'consul_get',
    'consul_put',
    'core_leadership_lost',
    'consul_health_checks',
  ])
  .tagFilters({ category: 'secrets' })
  .signals([
    ...hostSignals(),
    {
      name: 'vault.handle_request',
      title: 'Request handling time',
      database: STATSD_DATABASE,
      measurement: 'core_handle_request',
      field: 'mean',
      aggregate: 'mean',
      where: { service: 'vault' },
      unit: 'ms',
      worseWhen: 'higher',
      warning: 100,
      critical: 500,
    },
    {
      name: 'vault.unsealed',
      title: 'Unsealed (Consul check passing)',
      database: SYSTEM_DATABASE,
      measurement: 'consul_health_checks',
      field: 'passing',
      aggregate: 'min',
      where: { check_name: 'Vault Sealed Status' },
      unit: 'short',
      worseWhen: 'lower',
      critical: 0,
    },
  ])
  .logs({ serviceNames: ['secrets'], processNames: ['vault'] })
  .runbooks([
    { title: 'Secrets sealed', url: runbookUrl('secrets-sealed') },
    { title: 'Secrets slow requests', url: runbookUrl('secrets-request-latency') },
  ])
  .build();
