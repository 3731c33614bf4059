import { alert, logHandler, slack } from 'calvin';

// calvin's own alerts go to Slack and the log, never back to calvin serve: they must work when it does not.
const handlers = [slack('#build-infrastructure'), logHandler('/var/log/kapacitor/alerts.log')];

export default [
  alert('calvin-spool-backlog', 'calvin')
    .owner('build-infrastructure')
    .severity('page')
    .description('calvin serve accepts alerts but cannot store them in Elasticsearch: they pile up in its spool.')
    .from('services', 'calvin_serve_spool_backlog')
    .field('gauge')
    .aggregate('max')
    .window('5m', '1m')
    .threshold({ direction: 'above', warn: 100, crit: 1000, warnReset: 50, critReset: 500 })
    .for('5m')
    .message(
      '{{ .Level }}: calvin serve on {{ index .Tags "host" }} holds {{ index .Fields "value" | printf "%.0f" }} unstored alerts',
    )
    .runbookFile('calvin serve cannot store alerts')
    .handlers(handlers)
    .withTest({
      name: 'a backlog that keeps growing pages',
      series: {
        'calvin_serve_spool_backlog,host=calvin-01 gauge': '0x5 0+100x30',
        'calvin_serve_spool_backlog,host=calvin-02 gauge': '0x40',
      },
      expect: [
        { at: '4m', level: 'OK', tags: { host: 'calvin-01' } },
        { at: '30m', level: 'CRITICAL', tags: { host: 'calvin-01' } },
        { at: '30m', level: 'OK', tags: { host: 'calvin-02' } },
      ],
    })
    .build(),

  alert('calvin-diagnoses-failing', 'calvin')
    .owner('build-infrastructure')
    .severity('ticket')
    .description('calvin serve takes diagnosis snapshots that fail: alerts reach on-call without their evidence.')
    .from('services', 'calvin_serve_diagnoses_total')
    .field('counter')
    .aggregate('non_negative_derivative')
    .where('outcome', 'failed')
    .window('15m', '5m')
    .threshold({ direction: 'above', warn: 0.01, crit: 0.1 })
    .message(
      '{{ .Level }}: calvin serve on {{ index .Tags "host" }} fails {{ index .Fields "value" | printf "%.2f" }} diagnoses per second',
    )
    .runbookFile('calvin serve diagnoses fail')
    .handlers(handlers)
    .withTest({
      name: 'failures every few seconds go critical',
      series: {
        'calvin_serve_diagnoses_total,host=calvin-01,outcome=failed counter': '0+30x40',
        'calvin_serve_diagnoses_total,host=calvin-02,outcome=failed counter': '3x40',
      },
      expect: [
        { at: '35m', level: 'CRITICAL', tags: { host: 'calvin-01' } },
        { at: '35m', level: 'OK', tags: { host: 'calvin-02' } },
      ],
    })
    .build(),
];
