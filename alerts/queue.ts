import { alert, calvin, email, logHandler, slack } from 'calvin';

const handlers = [
  calvin(),
  slack('#calvinverse-alerts'),
  email('infrastructure@calvinverse.net'),
  logHandler('/var/log/kapacitor/alerts.log'),
];

export default [
  alert('queue-memory-alarm', 'queue')
    .owner('infrastructure')
    .severity('page')
    .description('RabbitMQ raised its memory alarm and blocks every publisher (syslog and build logs stop flowing).')
    .from('services', 'rabbitmq_node')
    .field('mem_alarm')
    .aggregate('max')
    .groupBy('host', 'node')
    .window('2m', '1m')
    .threshold({ direction: 'above', crit: 0.5 })
    .for('1m')
    .message(
      '{{ .Level }}: RabbitMQ memory alarm on {{ index .Tags "node" }} ({{ index .Tags "host" }}); publishers are blocked',
    )
    .runbookFile('Queue memory alarm')
    .handlers(handlers)
    .withTest({
      name: 'alarm set pages',
      series: { 'rabbitmq_node,host=queue-01,node=rabbit@queue-01 mem_alarm': '0x5 1x20' },
      expect: [
        { at: '3m', level: 'OK', tags: { host: 'queue-01' } },
        { at: '20m', level: 'CRITICAL', tags: { host: 'queue-01', node: 'rabbit@queue-01' } },
      ],
    })
    .build(),

  alert('queue-disk-alarm', 'queue')
    .owner('infrastructure')
    .severity('page')
    .description('RabbitMQ free disk fell below its limit; publishers are blocked.')
    .from('services', 'rabbitmq_node')
    .field('disk_free_alarm')
    .aggregate('max')
    .groupBy('host', 'node')
    .window('2m', '1m')
    .threshold({ direction: 'above', crit: 0.5 })
    .for('1m')
    .message('{{ .Level }}: RabbitMQ disk alarm on {{ index .Tags "node" }} ({{ index .Tags "host" }})')
    .runbookFile('Queue disk alarm')
    .handlers(handlers)
    .withTest({
      name: 'no alarm stays OK',
      series: { 'rabbitmq_node,host=queue-01,node=rabbit@queue-01 disk_free_alarm': '0x30' },
      expect: [{ at: '25m', level: 'OK', tags: { host: 'queue-01' } }],
    })
    .withTest({
      name: 'alarm pages',
      series: { 'rabbitmq_node,host=queue-02,node=rabbit@queue-02 disk_free_alarm': '1x30' },
      expect: [{ at: '25m', level: 'CRITICAL', tags: { host: 'queue-02' } }],
    })
    .build(),

  alert('queue-messages-backlog', 'queue')
    .owner('infrastructure')
    .severity('ticket')
    .description('Messages pile up unconsumed: Logstash or Jenkins stopped consuming.')
    .from('services', 'rabbitmq_overview')
    .field('messages_ready')
    .aggregate('max')
    .window('10m', '1m')
    .threshold({ direction: 'above', warn: 10_000, crit: 50_000, warnReset: 5_000 })
    .for('10m')
    .message(
      '{{ .Level }}: {{ index .Fields "value" | printf "%.0f" }} messages ready and unconsumed on {{ index .Tags "host" }}',
    )
    .runbookFile('Queue backlog')
    .handlers(handlers)
    .withTest({
      name: 'backlog grows',
      series: { 'rabbitmq_overview,host=queue-01 messages_ready': '0+2000x40' },
      expect: [
        { at: '2m', level: 'OK', tags: { host: 'queue-01' } },
        { at: '40m', level: 'CRITICAL', tags: { host: 'queue-01' } },
      ],
    })
    .build(),
];
