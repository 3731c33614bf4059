import { SERVICES_DATABASE, hostSignals, runbookUrl, service } from 'calvin';

/** RabbitMQ (resource.queue): Consul service `queue` with tags http/amqp/mqtt; Telegraf rabbitmq_* measurements. */
export default service('queue', { title: 'Queue (RabbitMQ)', owner: 'infrastructure' })
  .description('RabbitMQ: carries syslog and build logs to Logstash and build triggers to Jenkins.')
  .aliases(['rabbitmq'])
  .consulTags(['http'])
  .database(SERVICES_DATABASE)
  .measurements(['rabbitmq_overview', 'rabbitmq_node', 'rabbitmq_queue', 'rabbitmq_exchange'])
  .tagFilters({ category: 'queue' })
  .signals([
    ...hostSignals(),
    {
      name: 'rabbitmq.messages_ready',
      title: 'Messages ready',
      database: SERVICES_DATABASE,
      measurement: 'rabbitmq_overview',
      field: 'messages_ready',
      aggregate: 'max',
      unit: 'count',
      worseWhen: 'higher',
      warning: 10_000,
      critical: 50_000,
    },
    {
      name: 'rabbitmq.mem_used',
      title: 'Node memory used',
      database: SERVICES_DATABASE,
      measurement: 'rabbitmq_node',
      field: 'mem_used',
      aggregate: 'max',
      unit: 'bytes',
      worseWhen: 'higher',
    },
    {
      name: 'rabbitmq.mem_alarm',
      title: 'Memory alarm',
      database: SERVICES_DATABASE,
      measurement: 'rabbitmq_node',
      field: 'mem_alarm',
      aggregate: 'max',
      unit: 'short',
      worseWhen: 'higher',
      critical: 1,
    },
  ])
  .logs({ serviceNames: ['queue'], processNames: ['rabbitmq-server'] })
  .runbooks([
    { title: 'Queue memory alarm', url: runbookUrl('queue-memory-alarm') },
    { title: 'Queue disk alarm', url: runbookUrl('queue-disk-alarm') },
    { title: 'Queue backlog', url: runbookUrl('queue-messages-backlog') },
  ])
  .build();
