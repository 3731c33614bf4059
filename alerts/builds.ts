import { alert, calvin, email, logHandler, slack } from 'calvin';

const handlers = [
  calvin(),
  slack('#build-infrastructure'),
  email('build-infrastructure@calvinverse.net'),
  logHandler('/var/log/kapacitor/alerts.log'),
];

export default [
  alert('builds-executor-starvation', 'builds')
    .owner('build-infrastructure')
    .severity('ticket')
    .description('Builds wait in the Jenkins queue: no free executors, or agents disconnected.')
    .from('services', 'jenkins_queue')
    .field('Value.Value')
    .aggregate('max')
    .where('service', 'jenkins')
    .window('10m', '1m')
    .threshold({ direction: 'above', warn: 5, crit: 15, warnReset: 2, critReset: 10 })
    .for('15m')
    .message(
      '{{ .Level }}: {{ index .Fields "value" | printf "%.0f" }} builds waiting for an executor on {{ index .Tags "host" }}',
    )
    .runbookFile('Builds executor starvation')
    .handlers(handlers)
    .withTest({
      name: 'long queue goes critical, short queue is fine',
      series: {
        'jenkins_queue,host=builds-01,service=jenkins Value.Value': '20x40',
        'jenkins_queue,host=builds-02,service=jenkins Value.Value': '1x40',
      },
      expect: [
        { at: '35m', level: 'CRITICAL', tags: { host: 'builds-01' } },
        { at: '35m', level: 'OK', tags: { host: 'builds-02' } },
      ],
    })
    .build(),

  alert('builds-heap-pressure', 'builds')
    .owner('build-infrastructure')
    .severity('ticket')
    .description('Jenkins JVM heap stays near its maximum.')
    .from('services', 'jvm_memory')
    .field('HeapMemoryUsage.used')
    .aggregate('max')
    .where('service', 'jenkins')
    .window('10m', '1m')
    .threshold({ direction: 'above', warn: 3_400_000_000, crit: 3_800_000_000, warnReset: 3_000_000_000 })
    .for('10m')
    .message(
      '{{ .Level }}: Jenkins heap on {{ index .Tags "host" }} is {{ index .Fields "value" | printf "%.0f" }} bytes',
    )
    .runbookFile('Builds heap pressure')
    .handlers(handlers)
    .withTest({
      name: 'heap warns',
      series: { 'jvm_memory,host=builds-01,service=jenkins HeapMemoryUsage.used': '3500000000x40' },
      expect: [{ at: '35m', level: 'WARNING', tags: { host: 'builds-01' } }],
    })
    .build(),
];
