import { STATSD_DATABASE, alert, calvin, email, logHandler, slack } from 'calvin';

const handlers = [
  calvin(),
  slack('#calvinverse-alerts'),
  email('infrastructure@calvinverse.net'),
  logHandler('/var/log/kapacitor/alerts.log'),
];

export default [
  alert('consul-autopilot-unhealthy', 'consul')
    .owner('infrastructure')
    .severity('page')
    .description('Consul autopilot reports the server cluster unhealthy (a server failed or the quorum is at risk).')
    .from(STATSD_DATABASE, 'autopilot_healthy')
    .field('value')
    .aggregate('min')
    .where('service', 'consul')
    .groupBy('host')
    .window('2m', '1m')
    .threshold({ direction: 'below', crit: 0.5 })
    .for('2m')
    .message('{{ .Level }}: Consul autopilot on {{ index .Tags "host" }} reports the cluster unhealthy')
    .runbookFile('Consul autopilot unhealthy')
    .handlers(handlers)
    .withTest({
      name: 'unhealthy cluster pages',
      series: { 'autopilot_healthy,host=hashi-01,service=consul value': '1x5 0x20' },
      expect: [
        { at: '3m', level: 'OK', tags: { host: 'hashi-01' } },
        { at: '20m', level: 'CRITICAL', tags: { host: 'hashi-01' } },
      ],
    })
    .build(),

  alert('consul-leader-contact-slow', 'consul')
    .owner('infrastructure')
    .severity('ticket')
    .description('Followers hear from the Raft leader late: network or disk trouble on the servers.')
    .from(STATSD_DATABASE, 'raft_leader_lastContact')
    .field('upper')
    .aggregate('max')
    .where('service', 'consul')
    .window('5m', '1m')
    .threshold({ direction: 'above', warn: 200, crit: 500, warnReset: 150 })
    .for('5m')
    .message(
      '{{ .Level }}: Raft leader last contact on {{ index .Tags "host" }} is {{ index .Fields "value" | printf "%.0f" }} ms',
    )
    .runbookFile('Consul leader contact slow')
    .handlers(handlers)
    .withTest({
      name: 'slow contact warns',
      series: {
        'raft_leader_lastContact,host=hashi-02,service=consul upper': '300x30',
        'raft_leader_lastContact,host=hashi-03,service=consul upper': '40x30',
      },
      expect: [
        { at: '25m', level: 'WARNING', tags: { host: 'hashi-02' } },
        { at: '25m', level: 'OK', tags: { host: 'hashi-03' } },
      ],
    })
    .build(),
];
