import {
  appLineSteps,
  dropStep,
  ecsSyslogEvent,
  fieldEq,
  HCLOG_LINE,
  logFilter,
  mutateStep,
  SERVICE_LOG_FIELDS,
  syslogProgram,
} from 'calvin';

export default logFilter('syslog-consul', 'Consul agent and server hclog lines; DEBUG lines are dropped')
  .service('consul')
  .order(20)
  .match(syslogProgram('consul'))
  .steps([
    mutateStep({ add: { 'service.name': 'consul', 'event.dataset': 'consul.agent' } }),
    ...appLineSteps('consul', [HCLOG_LINE]),
    dropStep(fieldEq('log.level', 'debug')),
  ])
  .produces([...SERVICE_LOG_FIELDS, { field: 'log.logger', type: 'keyword' }])
  .withTest({
    name: 'critical check',
    input: ecsSyslogEvent({
      program: 'consul',
      host: 'nexus-01',
      message: '2026-11-23T10:15:02.123Z [WARN]  agent: Check is now critical: check=service:nexus_management',
    }),
    expect: {
      fields: {
        'service.name': 'consul',
        'log.level': 'warn',
        'log.logger': 'agent',
        message: 'Check is now critical: check=service:nexus_management',
      },
    },
  })
  .withTest({
    name: 'debug lines are dropped',
    input: ecsSyslogEvent({ program: 'consul', message: '2026-11-23T10:15:03.000Z [DEBUG] agent: Node info in sync' }),
    expect: { dropped: true },
  })
  .withTest({
    name: 'raft error',
    input: ecsSyslogEvent({
      program: 'consul',
      message:
        '2026-11-23T10:15:04.000Z [ERROR] agent.server.raft: failed to heartbeat to: peer=10.0.0.12:8300 error="dial tcp 10.0.0.12:8300: i/o timeout"',
    }),
    expect: { fields: { 'log.level': 'error', 'log.logger': 'agent.server.raft' } },
  })
  .build();
