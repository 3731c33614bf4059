import {
  ecsSyslogEvent,
  kvStep,
  logFilter,
  logLevelSteps,
  mutateStep,
  SERVICE_LOG_FIELDS,
  syslogProgram,
} from 'calvin';

/** InfluxDB 1.x logs logfmt: ts=… lvl=info msg="…" log_id=… service=… err="…". */
export default logFilter('syslog-influxd', 'InfluxDB (metrics) logfmt lines: level, message, subsystem and error')
  .service('metrics')
  .order(20)
  .match(syslogProgram('influxd'))
  .steps([
    mutateStep({ add: { 'service.name': 'metrics', 'event.dataset': 'metrics.influxdb' } }),
    kvStep('message', {
      fieldSplit: ' ',
      valueSplit: '=',
      target: 'influxdb',
      includeKeys: ['lvl', 'msg', 'service', 'err', 'log_id'],
    }),
    mutateStep({
      rename: {
        'influxdb.lvl': 'log.level',
        'influxdb.msg': 'message',
        'influxdb.service': 'log.logger',
        'influxdb.err': 'error.message',
      },
    }),
    ...logLevelSteps(),
  ])
  .produces([
    ...SERVICE_LOG_FIELDS,
    { field: 'log.logger', type: 'keyword' },
    { field: 'error.message', type: 'text' },
    { field: 'influxdb.log_id', type: 'keyword' },
  ])
  .withTest({
    name: 'write error with err field',
    input: ecsSyslogEvent({
      program: 'influxd',
      host: 'metrics-01',
      message:
        'ts=2026-11-23T10:15:02.123456Z lvl=error msg="Write failed" log_id=0BxYzAbC000 service=write err="engine: cache-max-memory-size exceeded: (1073741824/1073741312)"',
    }),
    expect: {
      fields: {
        'service.name': 'metrics',
        'log.level': 'error',
        message: 'Write failed',
        'log.logger': 'write',
        'error.message': 'engine: cache-max-memory-size exceeded: (1073741824/1073741312)',
        'influxdb.log_id': '0BxYzAbC000',
      },
      absent: ['influxdb.lvl', 'influxdb.msg'],
    },
  })
  .withTest({
    name: 'info line',
    input: ecsSyslogEvent({
      program: 'influxd',
      message:
        'ts=2026-11-23T10:16:00.000000Z lvl=info msg="Compacting file" log_id=0BxYzAbC000 service=storage-engine',
    }),
    expect: { fields: { 'log.level': 'info', message: 'Compacting file', 'log.logger': 'storage-engine' } },
  })
  .build();
