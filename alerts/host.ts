import { alert, calvin, logHandler, slack } from 'calvin';

const handlers = [calvin(), slack('#calvinverse-alerts'), logHandler('/var/log/kapacitor/alerts.log')];

export default [
  alert('host-cpu-saturation', 'host')
    .owner('infrastructure')
    .severity('ticket')
    .description('CPU of a host stays busy (100 - usage_idle of cpu-total) for 10 minutes.')
    .from('system', 'cpu')
    .field('usage_idle')
    .aggregate('mean')
    .where('cpu', 'cpu-total')
    .invert(100)
    .window('5m', '1m')
    .threshold({ direction: 'above', warn: 85, crit: 95, warnReset: 80, critReset: 90 })
    .for('10m')
    .message('{{ .Level }}: CPU of {{ index .Tags "host" }} is {{ index .Fields "value" | printf "%.0f" }}% busy')
    .runbookFile('Host CPU saturation')
    .handlers(handlers)
    .withTest({
      name: 'busy host warns, saturated host goes critical, idle host stays OK',
      interval: '1m',
      series: {
        'cpu,host=build-01,cpu=cpu-total usage_idle': '10x30',
        'cpu,host=build-02,cpu=cpu-total usage_idle': '2x30',
        'cpu,host=build-03,cpu=cpu-total usage_idle': '70x30',
      },
      expect: [
        { at: '25m', level: 'WARNING', tags: { host: 'build-01' } },
        { at: '25m', level: 'CRITICAL', tags: { host: 'build-02' } },
        { at: '25m', level: 'OK', tags: { host: 'build-03' } },
      ],
    })
    .withTest({
      name: 'recovers below the reset level',
      interval: '1m',
      series: { 'cpu,host=build-01,cpu=cpu-total usage_idle': '2x15 60x20' },
      expect: [
        { at: '14m', level: 'CRITICAL', tags: { host: 'build-01' } },
        { at: '34m', level: 'OK', tags: { host: 'build-01' } },
      ],
    })
    .build(),

  alert('host-memory-pressure', 'host')
    .owner('infrastructure')
    .severity('ticket')
    .description('Memory use of a host stays above 90%.')
    .from('system', 'mem')
    .field('used_percent')
    .aggregate('mean')
    .window('5m', '1m')
    .threshold({ direction: 'above', warn: 90, crit: 97, warnReset: 85 })
    .for('10m')
    .message('{{ .Level }}: memory of {{ index .Tags "host" }} is {{ index .Fields "value" | printf "%.0f" }}% used')
    .runbookFile('Host memory pressure')
    .handlers(handlers)
    .withTest({
      name: 'high memory warns',
      series: { 'mem,host=queue-01 used_percent': '93x30', 'mem,host=queue-02 used_percent': '40x30' },
      expect: [
        { at: '25m', level: 'WARNING', tags: { host: 'queue-01' } },
        { at: '25m', level: 'OK', tags: { host: 'queue-02' } },
      ],
    })
    .build(),

  alert('host-disk-full', 'host')
    .owner('infrastructure')
    .severity('page')
    .description('A mounted file system is nearly full.')
    .from('system', 'disk')
    .field('used_percent')
    .aggregate('max')
    .groupBy('host', 'path')
    .window('5m', '1m')
    .threshold({ direction: 'above', warn: 85, crit: 95, warnReset: 80, critReset: 92 })
    .for('5m')
    .message(
      '{{ .Level }}: {{ index .Tags "path" }} on {{ index .Tags "host" }} is {{ index .Fields "value" | printf "%.1f" }}% full',
    )
    .runbookFile('Host disk full')
    .handlers(handlers)
    .withTest({
      name: 'filling disk goes critical',
      series: { 'disk,host=documents-01,path=/srv used_percent': '60+1x50' },
      expect: [
        { at: '5m', level: 'OK', tags: { host: 'documents-01', path: '/srv' } },
        { at: '50m', level: 'CRITICAL', tags: { host: 'documents-01', path: '/srv' } },
      ],
    })
    .build(),

  alert('host-deadman', 'host')
    .owner('infrastructure')
    .severity('page')
    .description('A host stopped sending CPU metrics: it is down, or Telegraf is.')
    .from('system', 'cpu')
    .field('usage_idle')
    .aggregate('count')
    .where('cpu', 'cpu-total')
    .window('5m', '1m')
    .deadman(0, '5m')
    .message('{{ .Level }}: {{ index .Tags "host" }} has sent no metrics for 5 minutes')
    .runbookFile('Host stopped reporting')
    .handlers(handlers)
    .withTest({
      name: 'silence after ten minutes fires',
      series: { 'cpu,host=logs-01,cpu=cpu-total usage_idle': '50x10 _x20' },
      expect: [
        { at: '5m', level: 'OK', tags: { host: 'logs-01' } },
        { at: '25m', level: 'CRITICAL', tags: { host: 'logs-01' } },
      ],
    })
    .build(),

  alert('host-load-spike', 'host')
    .owner('infrastructure')
    .severity('info')
    .description('The 1-minute load of a host tripled compared with an hour earlier.')
    .from('system', 'system')
    .field('load1')
    .aggregate('mean')
    .window('10m', '1m')
    .relative({ direction: 'above', shift: '1h', change: 'percent', warn: 100, crit: 200 })
    .for('5m')
    .message('{{ .Level }}: load of {{ index .Tags "host" }} rose to {{ index .Fields "value" | printf "%.1f" }}')
    .runbookFile('Host load spike')
    .handlers(handlers)
    .withTest({
      name: 'load jumps from 1 to 5',
      series: { 'system,host=build-01 load1': '1x70 5x30' },
      expect: [
        { at: '50m', level: 'OK', tags: { host: 'build-01' } },
        { at: '95m', level: 'CRITICAL', tags: { host: 'build-01' } },
      ],
    })
    .build(),
];
