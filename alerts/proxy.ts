import { STATSD_DATABASE, alert, calvin, logHandler, slack } from 'calvin';

const handlers = [calvin(), slack('#calvinverse-alerts'), logHandler('/var/log/kapacitor/alerts.log')];

export default [
  alert('proxy-latency-high', 'proxy')
    .owner('infrastructure')
    .severity('ticket')
    .description('fabio answers slowly at the 95th percentile: a backend behind the edge proxy is slow.')
    .from(STATSD_DATABASE, '95-percentile')
    .field('value')
    .aggregate('max')
    .where('service', 'fabio')
    .window('5m', '1m')
    .threshold({ direction: 'above', warn: 500, crit: 2000, warnReset: 400 })
    .for('5m')
    .message('{{ .Level }}: fabio p95 on {{ index .Tags "host" }} is {{ index .Fields "value" | printf "%.0f" }} ms')
    .runbookFile('Proxy slow responses')
    .handlers(handlers)
    .withTest({
      name: 'slow p95 goes critical',
      series: { '95-percentile,host=proxy-01,service=fabio value': '2500x30' },
      expect: [{ at: '25m', level: 'CRITICAL', tags: { host: 'proxy-01' } }],
    })
    .build(),

  alert('proxy-traffic-drop', 'proxy')
    .owner('infrastructure')
    .severity('ticket')
    .description(
      'Requests through fabio fell sharply compared with an hour earlier: routes vanished from Consul, or DNS broke.',
    )
    .from(STATSD_DATABASE, 'count')
    .field('value')
    .aggregate('mean')
    .where('service', 'fabio')
    .window('10m', '1m')
    .relative({ direction: 'below', shift: '1h', change: 'percent', warn: -50, crit: -80 })
    .for('5m')
    .message(
      '{{ .Level }}: fabio on {{ index .Tags "host" }} serves {{ index .Fields "value" | printf "%.0f" }} requests per interval, far fewer than an hour ago',
    )
    .runbookFile('Proxy traffic drop')
    .handlers(handlers)
    .withTest({
      name: 'traffic collapses',
      series: { 'count,host=proxy-01,service=fabio value': '100x70 5x30' },
      expect: [
        { at: '50m', level: 'OK', tags: { host: 'proxy-01' } },
        { at: '95m', level: 'CRITICAL', tags: { host: 'proxy-01' } },
      ],
    })
    .build(),
];
