import { appLineSteps, ecsSyslogEvent, logFilter, mutateStep, SERVICE_LOG_FIELDS, syslogProgram } from 'calvin';

// [2026-11-23T10:15:02,123][WARN ][o.e.c.r.a.DiskThresholdMonitor] [documents-01] text
const ELASTICSEARCH_LINE =
  '^\\[%{TIMESTAMP_ISO8601}\\]\\[%{LOGLEVEL:[log][level]}%{SPACE}\\]\\[%{LOGGER:[log][logger]}%{SPACE}\\]%{SPACE}\\[%{DATA:[elasticsearch][node][name]}\\]%{SPACE}%{GREEDYDATA:message}$';

export default logFilter('syslog-elasticsearch', 'Elasticsearch (documents) log lines: level, logger and node name')
  .service('documents')
  .order(20)
  .match(syslogProgram('elasticsearch'))
  .steps([
    mutateStep({ add: { 'service.name': 'documents', 'event.dataset': 'documents.elasticsearch' } }),
    ...appLineSteps('elasticsearch', [ELASTICSEARCH_LINE], { patternDefinitions: { LOGGER: '[^\\]\\s]+' } }),
  ])
  .produces([
    ...SERVICE_LOG_FIELDS,
    { field: 'log.logger', type: 'keyword' },
    { field: 'elasticsearch.node.name', type: 'keyword' },
  ])
  .withTest({
    name: 'disk watermark warning',
    input: ecsSyslogEvent({
      program: 'elasticsearch',
      host: 'documents-01',
      message:
        '[2026-11-23T10:15:02,123][WARN ][o.e.c.r.a.DiskThresholdMonitor] [documents-01] high disk watermark [90%] exceeded on [x1][documents-01][/srv/elasticsearch] free: 4.1gb[8.2%]',
    }),
    expect: {
      fields: {
        'service.name': 'documents',
        'log.level': 'warn',
        'log.logger': 'o.e.c.r.a.DiskThresholdMonitor',
        'elasticsearch.node.name': 'documents-01',
        message: 'high disk watermark [90%] exceeded on [x1][documents-01][/srv/elasticsearch] free: 4.1gb[8.2%]',
      },
    },
  })
  .withTest({
    name: 'gc overhead info',
    input: ecsSyslogEvent({
      program: 'elasticsearch',
      message:
        '[2026-11-23T10:16:00,000][INFO ][o.e.m.j.JvmGcMonitorService] [documents-02] [gc][1234] overhead, spent [312ms] collecting in the last [1s]',
    }),
    expect: {
      fields: {
        'log.level': 'info',
        'elasticsearch.node.name': 'documents-02',
        message: '[gc][1234] overhead, spent [312ms] collecting in the last [1s]',
      },
    },
  })
  .build();
