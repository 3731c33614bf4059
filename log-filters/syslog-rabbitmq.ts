import { appLineSteps, ecsSyslogEvent, logFilter, mutateStep, SERVICE_LOG_FIELDS, syslogProgram } from 'calvin';

// RabbitMQ 3.7+: 2026-11-23 10:15:02.123 [warning] <0.312.0> text
const RABBITMQ_LINE =
  '^%{TIMESTAMP_ISO8601} \\[%{LOGLEVEL:[log][level]}\\] <%{DATA:[process][thread][name]}> %{GREEDYDATA:message}$';

export default logFilter('syslog-rabbitmq', 'RabbitMQ (queue) log lines: level and Erlang process')
  .service('queue')
  .order(20)
  .match(syslogProgram('rabbitmq-server'))
  .steps([
    mutateStep({ add: { 'service.name': 'queue', 'event.dataset': 'queue.rabbitmq' } }),
    ...appLineSteps('rabbitmq', [RABBITMQ_LINE]),
  ])
  .produces([...SERVICE_LOG_FIELDS, { field: 'process.thread.name', type: 'keyword' }])
  .withTest({
    name: 'memory alarm warning',
    input: ecsSyslogEvent({
      program: 'rabbitmq-server',
      host: 'queue-01',
      message: '2026-11-23 10:15:02.123 [warning] <0.312.0> memory resource limit alarm set on node rabbit@queue-01.',
    }),
    expect: {
      fields: {
        'service.name': 'queue',
        'log.level': 'warn',
        'process.thread.name': '0.312.0',
        message: 'memory resource limit alarm set on node rabbit@queue-01.',
      },
    },
  })
  .withTest({
    name: 'error line',
    input: ecsSyslogEvent({
      program: 'rabbitmq-server',
      message:
        '2026-11-23 10:16:40.500 [error] <0.1204.0> closing AMQP connection <0.1204.0> (10.0.0.21:51234 -> 10.0.0.5:5672): missed heartbeats from client, timeout: 60s',
    }),
    expect: { fields: { 'log.level': 'error', 'event.dataset': 'queue.rabbitmq' } },
  })
  .build();
