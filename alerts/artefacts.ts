import { alert, calvin, email, logHandler, slack } from 'calvin';

const handlers = [
  calvin(),
  slack('#build-infrastructure'),
  email('build-infrastructure@calvinverse.net'),
  logHandler('/var/log/kapacitor/alerts.log'),
];

export default [
  alert('artefacts-disk-full', 'artefacts')
    .owner('build-infrastructure')
    .severity('page')
    .description('The Nexus blob store disk is nearly full; uploads fail when it is.')
    .from('system', 'disk')
    .field('used_percent')
    .aggregate('max')
    .where('category', 'artefacts-storage')
    .groupBy('host', 'path')
    .window('5m', '1m')
    .threshold({ direction: 'above', warn: 80, crit: 90, warnReset: 75, critReset: 87 })
    .for('5m')
    .message(
      '{{ .Level }}: Nexus disk {{ index .Tags "path" }} on {{ index .Tags "host" }} is {{ index .Fields "value" | printf "%.1f" }}% full',
    )
    .runbookFile('Artefacts disk full')
    .handlers(handlers)
    .withTest({
      name: 'blob store disk fills up',
      interval: '1m',
      series: { 'disk,host=nexus-01,path=/srv/nexus,category=artefacts-storage used_percent': '70+1x30' },
      expect: [
        { at: '3m', level: 'OK', tags: { host: 'nexus-01', path: '/srv/nexus' } },
        { at: '30m', level: 'CRITICAL', tags: { host: 'nexus-01', path: '/srv/nexus' } },
      ],
    })
    .build(),

  alert('artefacts-heap-pressure', 'artefacts')
    .owner('build-infrastructure')
    .severity('ticket')
    .description(
      'Nexus JVM heap stays near its maximum (Nexus runs with -Xmx2703m): long GC pauses and timeouts follow.',
    )
    .from('services', 'jvm_memory')
    .field('HeapMemoryUsage.used')
    .aggregate('max')
    .where('service', 'nexus')
    .window('10m', '1m')
    .threshold({ direction: 'above', warn: 2_200_000_000, crit: 2_500_000_000, warnReset: 2_000_000_000 })
    .for('10m')
    .message(
      '{{ .Level }}: Nexus heap on {{ index .Tags "host" }} is {{ index .Fields "value" | printf "%.0f" }} bytes',
    )
    .runbookFile('Artefacts heap pressure')
    .handlers(handlers)
    .withTest({
      name: 'heap near max goes critical',
      series: {
        'jvm_memory,host=nexus-01,service=nexus HeapMemoryUsage.used': '2600000000x40',
        'jvm_memory,host=nexus-02,service=nexus HeapMemoryUsage.used': '900000000x40',
      },
      expect: [
        { at: '35m', level: 'CRITICAL', tags: { host: 'nexus-01' } },
        { at: '35m', level: 'OK', tags: { host: 'nexus-02' } },
      ],
    })
    .build(),
];
