import { appLineSteps, ecsSyslogEvent, logFilter, mutateStep, SERVICE_LOG_FIELDS, syslogProgram } from 'calvin';

// log4j2 (resource.logs.processor): [2026-11-23T10:15:02,123][WARN ][logstash.outputs.elasticsearch][main] text
const LOGSTASH_LINE =
  '^\\[%{TIMESTAMP_ISO8601}\\]\\[%{LOGLEVEL:[log][level]}%{SPACE}\\]\\[%{LOGGER:[log][logger]}%{SPACE}\\](?:\\[[^\\]]*\\])?%{SPACE}%{GREEDYDATA:message}$';

export default logFilter('syslog-logstash', 'Logstash (logs) log lines: level and logger from the log4j2 layout')
  .service('logs')
  .order(20)
  .match(syslogProgram('logstash'))
  .steps([
    mutateStep({ add: { 'service.name': 'logs', 'event.dataset': 'logs.logstash' } }),
    ...appLineSteps('logstash', [LOGSTASH_LINE], { patternDefinitions: { LOGGER: '[^\\]\\s]+' } }),
  ])
  .produces([...SERVICE_LOG_FIELDS, { field: 'log.logger', type: 'keyword' }])
  .withTest({
    name: 'bulk rejection warning',
    input: ecsSyslogEvent({
      program: 'logstash',
      host: 'logs-01',
      message:
        '[2026-11-23T10:15:02,123][WARN ][logstash.outputs.elasticsearch][main] Could not index event to Elasticsearch. {:status=>429}',
    }),
    expect: {
      fields: {
        'service.name': 'logs',
        'log.level': 'warn',
        'log.logger': 'logstash.outputs.elasticsearch',
        message: 'Could not index event to Elasticsearch. {:status=>429}',
      },
    },
  })
  .withTest({
    name: 'line without pipeline id',
    input: ecsSyslogEvent({
      program: 'logstash',
      message:
        '[2026-11-23T10:15:09,000][INFO ][logstash.agent           ] Successfully started Logstash API endpoint {:port=>9600}',
    }),
    expect: {
      fields: {
        'log.level': 'info',
        'log.logger': 'logstash.agent',
        message: 'Successfully started Logstash API endpoint {:port=>9600}',
      },
    },
  })
  .build();
