import { STATSD_DATABASE, alert, calvin, email, logHandler, slack } from 'calvin';

const handlers = [
  calvin(),
  slack('#security'),
  email('security@calvinverse.net'),
  logHandler('/var/log/kapacitor/alerts.log'),
];

export default [
  alert('secrets-sealed', 'secrets')
    .owner('security')
    .severity('page')
    .description('The Consul check "Vault Sealed Status" fails: Vault is sealed and every credential request fails.')
    .from('system', 'consul_health_checks')
    .field('passing')
    .aggregate('min')
    .where('check_name', 'Vault Sealed Status')
    .groupBy('host')
    .window('2m', '1m')
    .threshold({ direction: 'below', crit: 0.5 })
    .for('1m')
    .message('{{ .Level }}: Vault on {{ index .Tags "host" }} is sealed')
    .runbookFile('Secrets sealed')
    .handlers(handlers)
    .withTest({
      name: 'sealed vault pages',
      series: { 'consul_health_checks,host=secrets-01,check_name=Vault\\ Sealed\\ Status passing': '1x5 0x20' },
      expect: [
        { at: '3m', level: 'OK', tags: { host: 'secrets-01' } },
        { at: '20m', level: 'CRITICAL', tags: { host: 'secrets-01' } },
      ],
    })
    .build(),

  alert('secrets-request-latency', 'secrets')
    .owner('security')
    .severity('ticket')
    .description('Vault takes long to handle requests, usually because its Consul storage is slow.')
    .from(STATSD_DATABASE, 'core_handle_request')
    .field('mean')
    .aggregate('mean')
    .where('service', 'vault')
    .window('5m', '1m')
    .threshold({ direction: 'above', warn: 100, crit: 500, warnReset: 80 })
    .for('5m')
    .message(
      '{{ .Level }}: Vault on {{ index .Tags "host" }} handles requests in {{ index .Fields "value" | printf "%.0f" }} ms',
    )
    .runbookFile('Secrets slow requests')
    .handlers(handlers)
    .withTest({
      name: 'slow requests warn',
      series: { 'core_handle_request,host=secrets-01,service=vault mean': '150x30' },
      expect: [{ at: '25m', level: 'WARNING', tags: { host: 'secrets-01' } }],
    })
    .build(),
];
