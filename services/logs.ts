import { SERVICES_DATABASE, hostSignals, runbookUrl, service } from 'calvin';

/** Logstash (resource.logs.processor): Consul service `logs`; node stats via Telegraf's http input (measurement `http`, service=logstash). */
export default service('logs', { title: 'Logs (Logstash)', owner: 'infrastructure' })
  .description('Logstash reading syslog and build logs from RabbitMQ and writing logs-* indices to Elasticsearch.')
  .aliases(['logstash'])
  .database(SERVICES_DATABASE)
  .measurements(['http'])
  .tagFilters({ category: 'logs-processor' })
  .signals([
    ...hostSignals(),
    {
      name: 'logstash.events_out',
      title: 'Events out per second',
      database: SERVICES_DATABASE,
      measurement: 'http',
      field: 'events_out',
      aggregate: 'non_negative_derivative',
      where: { service: 'logstash' },
      unit: 'ops',
      worseWhen: 'lower',
    },
    {
      name: 'logstash.heap_used_percent',
      title: 'JVM heap used',
      database: SERVICES_DATABASE,
      measurement: 'http',
      field: 'jvm_mem_heap_used_percent',
      aggregate: 'max',
      where: { service: 'logstash' },
      unit: 'percent',
      worseWhen: 'higher',
      warning: 85,
      critical: 95,
    },
  ])
  .logs({ serviceNames: ['logs'], processNames: ['logstash'] })
  .runbooks([
    { title: 'Logs pipeline stalled', url: runbookUrl('logs-pipeline-stalled') },
    { title: 'Logs heap pressure', url: runbookUrl('logs-heap-pressure') },
  ])
  .build();
