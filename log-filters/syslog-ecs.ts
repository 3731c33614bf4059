import {
  SYSLOG_TAG,
  allOf,
  dateStep,
  fieldEq,
  fieldExists,
  fieldIn,
  hasTag,
  logFilter,
  mutateStep,
  negate,
  whenStep,
} from 'calvin';

const severity = 'log.syslog.severity.name';
const setLevel = (level: string) => [mutateStep({ add: { 'log.level': level } })];

/**
 * Calvinverse hosts ship syslog as JSON through RabbitMQ (syslog-ng `format-json date=… pid=… program=…
 * message=… facility=… host=… priorityNum=… priority=…`). This filter runs first and maps it to ECS.
 * (The original Calvinverse filters test `[prog]`, a field that never exists: the JSON key is `program`.)
 */
export default logFilter(
  'syslog-ecs',
  'Normalise Calvinverse syslog JSON to ECS: @timestamp, host.name, process.name/pid, log.syslog.*, log.level',
)
  .order(10)
  .match(allOf(hasTag(SYSLOG_TAG), negate(hasTag('_jsonparsefailure'))))
  .steps([
    whenStep(fieldExists('program'), [
      mutateStep({
        rename: {
          host: 'host.name',
          program: 'process.name',
          pid: 'process.pid',
          facility: 'log.syslog.facility.name',
          priority: severity,
          priorityNum: 'log.syslog.severity.code',
        },
      }),
      mutateStep({ convert: { 'process.pid': 'integer', 'log.syslog.severity.code': 'integer' } }),
    ]),
    whenStep(fieldExists('date'), [
      dateStep('date', ['ISO8601'], { target: '@timestamp' }),
      mutateStep({ remove: ['date'] }),
    ]),
    whenStep(negate(fieldExists('log.level')), [
      whenStep(fieldIn(severity, ['emerg', 'alert', 'crit', 'err']), setLevel('error'), [
        whenStep(fieldEq(severity, 'warning'), setLevel('warn'), [
          whenStep(fieldIn(severity, ['notice', 'info']), setLevel('info'), [
            whenStep(fieldEq(severity, 'debug'), setLevel('debug')),
          ]),
        ]),
      ]),
    ]),
  ])
  .produces([
    { field: '@timestamp', type: 'date' },
    { field: 'message', type: 'text' },
    { field: 'host.name', type: 'keyword', description: 'Consul node name (syslog-ng $FULLHOST)' },
    { field: 'process.name', type: 'keyword', description: 'syslog program' },
    { field: 'process.pid', type: 'long' },
    { field: 'log.level', type: 'keyword', description: 'error, warn, info or debug' },
    { field: 'log.syslog.facility.name', type: 'keyword' },
    { field: 'log.syslog.severity.name', type: 'keyword' },
    { field: 'log.syslog.severity.code', type: 'long' },
  ])
  .withTest({
    name: 'telegraf error line becomes ECS',
    input: {
      date: '2026-11-23T10:15:02+00:00',
      pid: '2481',
      program: 'telegraf',
      facility: 'daemon',
      host: 'build-01',
      priorityNum: 3,
      priority: 'err',
      message: 'E! [outputs.influxdb] when writing to [http://http.metrics.service.consulverse:8086]: timeout',
      tags: [SYSLOG_TAG],
    },
    expect: {
      fields: {
        '@timestamp': '2026-11-23T10:15:02.000Z',
        'host.name': 'build-01',
        'process.name': 'telegraf',
        'process.pid': 2481,
        'log.level': 'error',
        'log.syslog.facility.name': 'daemon',
        'log.syslog.severity.name': 'err',
        'log.syslog.severity.code': 3,
        message: 'E! [outputs.influxdb] when writing to [http://http.metrics.service.consulverse:8086]: timeout',
      },
      absent: ['date', 'program', 'pid', 'priority', 'priorityNum', 'facility'],
    },
  })
  .withTest({
    name: 'warning severity maps to warn',
    input: {
      date: '2026-11-23T10:16:00+01:00',
      pid: '900',
      program: 'sshd',
      facility: 'auth',
      host: 'queue-01',
      priorityNum: 4,
      priority: 'warning',
      message: 'Invalid user admin from 10.0.0.9',
      tags: [SYSLOG_TAG],
    },
    expect: {
      fields: {
        '@timestamp': '2026-11-23T09:16:00.000Z',
        'log.level': 'warn',
        'process.pid': 900,
        'host.name': 'queue-01',
      },
    },
  })
  .withTest({
    name: 'notice severity maps to info',
    input: {
      date: '2026-11-23T10:17:00+00:00',
      pid: '1',
      program: 'systemd',
      facility: 'daemon',
      host: 'metrics-01',
      priorityNum: 5,
      priority: 'notice',
      message: 'Started Telegraf.',
      tags: [SYSLOG_TAG],
    },
    expect: { fields: { 'log.level': 'info', 'process.name': 'systemd' } },
  })
  .withTest({
    name: 'events without the syslog tag are left alone',
    input: { program: 'nexus', message: 'build log line', tags: ['logs.builds'] },
    expect: { fields: { program: 'nexus' }, absent: ['process.name', 'log.level'] },
  })
  .build();
