import { alert, calvin, logHandler, slack } from 'calvin';

const handlers = [calvin(), slack('#calvinverse-alerts'), logHandler('/var/log/kapacitor/alerts.log')];

export default [
  alert('metrics-write-errors', 'metrics')
    .owner('infrastructure')
    .severity('ticket')
    .description('InfluxDB rejects point writes (field type conflicts, cache full, disk trouble).')
    .from('services', 'influxdb_httpd')
    .field('pointsWrittenFail')
    .aggregate('non_negative_derivative')
    .window('5m', '1m')
    .threshold({ direction: 'above', warn: 1, crit: 10 })
    .for('5m')
    .message(
      '{{ .Level }}: InfluxDB on {{ index .Tags "host" }} fails {{ index .Fields "value" | printf "%.1f" }} point writes per second',
    )
    .runbookFile('Metrics write errors')
    .handlers(handlers)
    .withTest({
      name: 'failures climbing fast go critical',
      series: {
        'influxdb_httpd,host=metrics-01 pointsWrittenFail': '0+1200x40',
        'influxdb_httpd,host=metrics-02 pointsWrittenFail': '5x40',
      },
      expect: [
        { at: '35m', level: 'CRITICAL', tags: { host: 'metrics-01' } },
        { at: '35m', level: 'OK', tags: { host: 'metrics-02' } },
      ],
    })
    .build(),

  alert('metrics-series-growth', 'metrics')
    .owner('infrastructure')
    .severity('info')
    .description('Series cardinality grew fast compared with a day earlier: a new tag with unbounded values.')
    .from('services', 'influxdb_database')
    .field('numSeries')
    .aggregate('max')
    .groupBy('host', 'database')
    .window('30m', '10m')
    .relative({ direction: 'above', shift: '1d', change: 'percent', warn: 25, crit: 100 })
    .message('{{ .Level }}: series in {{ index .Tags "database" }} grew to {{ index .Fields "value" | printf "%.0f" }}')
    .runbookFile('Metrics series growth')
    .handlers(handlers)
    .withTest({
      name: 'series double within a day',
      interval: '1h',
      series: { 'influxdb_database,host=metrics-01,database=services numSeries': '10000x24 30000x6' },
      expect: [
        { at: '20h', level: 'OK', tags: { host: 'metrics-01' } },
        { at: '28h', level: 'CRITICAL', tags: { host: 'metrics-01', database: 'services' } },
      ],
    })
    .build(),
];
