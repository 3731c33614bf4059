import { alert, calvin, logHandler, slack } from 'calvin';

const handlers = [calvin(), slack('#calvinverse-alerts'), logHandler('/var/log/kapacitor/alerts.log')];

export default [
  alert('logs-pipeline-stalled', 'logs')
    .owner('infrastructure')
    .severity('page')
    .description('Logstash stopped emitting events: RabbitMQ input blocked, or Elasticsearch rejects writes.')
    .from('services', 'http')
    .field('events_out')
    .aggregate('non_negative_derivative')
    .where('service', 'logstash')
    .window('5m', '1m')
    .threshold({ direction: 'below', warn: 1, crit: 0.1, warnReset: 2 })
    .for('10m')
    .message(
      '{{ .Level }}: Logstash on {{ index .Tags "host" }} emits {{ index .Fields "value" | printf "%.2f" }} events per second',
    )
    .runbookFile('Logs pipeline stalled')
    .handlers(handlers)
    .withTest({
      name: 'flat counter means stalled',
      series: {
        'http,host=logs-01,service=logstash events_out': '5000+600x10 11000x30',
        'http,host=logs-02,service=logstash events_out': '0+600x40',
      },
      expect: [
        { at: '8m', level: 'OK', tags: { host: 'logs-01' } },
        { at: '38m', level: 'CRITICAL', tags: { host: 'logs-01' } },
        { at: '38m', level: 'OK', tags: { host: 'logs-02' } },
      ],
    })
    .build(),

  alert('logs-heap-pressure', 'logs')
    .owner('infrastructure')
    .severity('ticket')
    .description('Logstash JVM heap stays high: the pipeline slows and may stop.')
    .from('services', 'http')
    .field('jvm_mem_heap_used_percent')
    .aggregate('mean')
    .where('service', 'logstash')
    .window('10m', '1m')
    .threshold({ direction: 'above', warn: 85, crit: 95, warnReset: 80 })
    .for('10m')
    .message(
      '{{ .Level }}: Logstash heap on {{ index .Tags "host" }} is {{ index .Fields "value" | printf "%.0f" }}% used',
    )
    .runbookFile('Logs heap pressure')
    .handlers(handlers)
    .withTest({
      name: 'heap at 97% is critical',
      series: { 'http,host=logs-01,service=logstash jvm_mem_heap_used_percent': '97x40' },
      expect: [{ at: '35m', level: 'CRITICAL', tags: { host: 'logs-01' } }],
    })
    .build(),
];
