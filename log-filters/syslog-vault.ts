import {
  appLineSteps,
  ecsSyslogEvent,
  fieldMatches,
  HCLOG_LINE,
  jsonStep,
  logFilter,
  mutateStep,
  SERVICE_LOG_FIELDS,
  syslogProgram,
  whenStep,
} from 'calvin';

export default logFilter('syslog-vault', 'Vault (secrets) hclog lines, and audit entries logged as JSON')
  .service('secrets')
  .order(20)
  .match(syslogProgram('vault'))
  .steps([
    mutateStep({ add: { 'service.name': 'secrets' } }),
    whenStep(
      fieldMatches('message', '^\\{'),
      [jsonStep('message', 'vault.audit'), mutateStep({ add: { 'event.dataset': 'secrets.vault.audit' } })],
      [mutateStep({ add: { 'event.dataset': 'secrets.vault' } }), ...appLineSteps('vault', [HCLOG_LINE])],
    ),
  ])
  .produces([
    ...SERVICE_LOG_FIELDS,
    { field: 'log.logger', type: 'keyword' },
    { field: 'vault.audit.type', type: 'keyword' },
    { field: 'vault.audit.request.path', type: 'keyword' },
    { field: 'vault.audit.request.operation', type: 'keyword' },
  ])
  .withTest({
    name: 'seal error',
    input: ecsSyslogEvent({
      program: 'vault',
      host: 'secrets-01',
      message:
        '2026-11-23T10:15:02.123Z [ERROR] core: failed to unseal: error="failed to decrypt encrypted stored keys"',
    }),
    expect: {
      fields: {
        'service.name': 'secrets',
        'event.dataset': 'secrets.vault',
        'log.level': 'error',
        'log.logger': 'core',
        message: 'failed to unseal: error="failed to decrypt encrypted stored keys"',
      },
    },
  })
  .withTest({
    name: 'audit entry is parsed as JSON',
    input: ecsSyslogEvent({
      program: 'vault',
      message:
        '{"time":"2026-11-23T10:15:03Z","type":"request","request":{"path":"rabbitmq/creds/readwrite.vhost.logs.syslog","operation":"read"}}',
    }),
    expect: {
      fields: {
        'event.dataset': 'secrets.vault.audit',
        'vault.audit.type': 'request',
        'vault.audit.request.path': 'rabbitmq/creds/readwrite.vhost.logs.syslog',
        'vault.audit.request.operation': 'read',
      },
    },
  })
  .build();
