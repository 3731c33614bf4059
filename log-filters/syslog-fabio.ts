import { appLineSteps, ecsSyslogEvent, logFilter, mutateStep, SERVICE_LOG_FIELDS, syslogProgram } from 'calvin';

// fabio: 2026/11/23 10:15:02 [WARN] No route for builds.example/ping
const FABIO_LINE = '^%{YEAR}/%{MONTHNUM}/%{MONTHDAY} %{TIME} \\[%{LOGLEVEL:[log][level]}\\] %{GREEDYDATA:message}$';

export default logFilter('syslog-fabio', 'fabio (proxy) log lines: level and message')
  .service('proxy')
  .order(20)
  .match(syslogProgram('fabio'))
  .steps([
    mutateStep({ add: { 'service.name': 'proxy', 'event.dataset': 'proxy.fabio' } }),
    ...appLineSteps('fabio', [FABIO_LINE]),
  ])
  .produces([...SERVICE_LOG_FIELDS])
  .withTest({
    name: 'missing route',
    input: ecsSyslogEvent({
      program: 'fabio',
      host: 'proxy-01',
      message: '2026/11/23 10:15:02 [WARN] No route for development.calvinverse.net/artefacts/installers',
    }),
    expect: {
      fields: {
        'service.name': 'proxy',
        'log.level': 'warn',
        message: 'No route for development.calvinverse.net/artefacts/installers',
      },
    },
  })
  .withTest({
    name: 'route registered',
    input: ecsSyslogEvent({ program: 'fabio', message: '2026/11/23 10:15:05 [INFO] Updated config to' }),
    expect: { fields: { 'log.level': 'info', message: 'Updated config to' } },
  })
  .build();
