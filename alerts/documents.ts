import { alert, calvin, email, logHandler, slack } from 'calvin';

const handlers = [
  calvin(),
  slack('#calvinverse-alerts'),
  email('infrastructure@calvinverse.net'),
  logHandler('/var/log/kapacitor/alerts.log'),
];

export default [
  alert('documents-cluster-red', 'documents')
    .owner('infrastructure')
    .severity('page')
    .description('Elasticsearch cluster health is red (3) or yellow (2): primaries or replicas are unassigned.')
    .from('services', 'elasticsearch_cluster_health')
    .field('status_code')
    .aggregate('max')
    .where('category', 'documents-storage')
    .window('5m', '1m')
    .threshold({ direction: 'above', warn: 1.5, crit: 2.5 })
    .for('5m')
    .message(
      '{{ .Level }}: Elasticsearch cluster health seen from {{ index .Tags "host" }} is {{ index .Fields "value" | printf "%.0f" }} (1 green, 2 yellow, 3 red)',
    )
    .runbookFile('Documents cluster red')
    .handlers(handlers)
    .withTest({
      name: 'red pages, yellow warns',
      series: {
        'elasticsearch_cluster_health,host=documents-01,category=documents-storage status_code': '3x30',
        'elasticsearch_cluster_health,host=documents-02,category=documents-storage status_code': '2x30',
        'elasticsearch_cluster_health,host=documents-03,category=documents-storage status_code': '1x30',
      },
      expect: [
        { at: '25m', level: 'CRITICAL', tags: { host: 'documents-01' } },
        { at: '25m', level: 'WARNING', tags: { host: 'documents-02' } },
        { at: '25m', level: 'OK', tags: { host: 'documents-03' } },
      ],
    })
    .build(),

  alert('documents-heap-pressure', 'documents')
    .owner('infrastructure')
    .severity('ticket')
    .description('Elasticsearch JVM heap stays high: circuit breakers trip and indexing slows.')
    .from('services', 'elasticsearch_jvm')
    .field('mem_heap_used_percent')
    .aggregate('mean')
    .window('10m', '1m')
    .threshold({ direction: 'above', warn: 85, crit: 95, warnReset: 80 })
    .for('10m')
    .message(
      '{{ .Level }}: Elasticsearch heap on {{ index .Tags "host" }} is {{ index .Fields "value" | printf "%.0f" }}% used',
    )
    .runbookFile('Documents heap pressure')
    .handlers(handlers)
    .withTest({
      name: 'heap high warns',
      series: { 'elasticsearch_jvm,host=documents-01 mem_heap_used_percent': '90x40' },
      expect: [{ at: '35m', level: 'WARNING', tags: { host: 'documents-01' } }],
    })
    .build(),
];
