import { appLineSteps, ecsSyslogEvent, logFilter, mutateStep, SERVICE_LOG_FIELDS, syslogProgram } from 'calvin';

// Jenkins (java.util.logging via run_jenkins.sh): 2026-11-23 10:15:02.123+0000 [id=42]\tWARNING\thudson.model.Executor#run: text
const JENKINS_LINE =
  '^%{TIMESTAMP_ISO8601} \\[id=%{NUMBER:[process][thread][id]:int}\\]\\t%{WORD:[log][level]}\\t%{NOTSPACE:[log][logger]}: %{GREEDYDATA:message}$';

export default logFilter(
  'syslog-jenkins',
  'Jenkins (builds) log lines written through run_jenkins.sh: level, logger and thread id',
)
  .service('builds')
  .order(20)
  .match(syslogProgram('run_jenkins.sh'))
  .steps([
    mutateStep({ add: { 'service.name': 'builds', 'event.dataset': 'builds.jenkins' } }),
    ...appLineSteps('jenkins', [JENKINS_LINE]),
  ])
  .produces([
    ...SERVICE_LOG_FIELDS,
    { field: 'log.logger', type: 'keyword' },
    { field: 'process.thread.id', type: 'long' },
  ])
  .withTest({
    name: 'SEVERE becomes error',
    input: ecsSyslogEvent({
      program: 'run_jenkins.sh',
      host: 'builds-01',
      message:
        '2026-11-23 10:15:02.123+0000 [id=42]\tSEVERE\thudson.model.Executor#run: Executor #0 for agent-win-03 grabbed hudson.model.Queue$BuildableItem and died',
    }),
    expect: {
      fields: {
        'service.name': 'builds',
        'log.level': 'error',
        'log.logger': 'hudson.model.Executor#run',
        'process.thread.id': 42,
        message: 'Executor #0 for agent-win-03 grabbed hudson.model.Queue$BuildableItem and died',
      },
    },
  })
  .withTest({
    name: 'WARNING becomes warn',
    input: ecsSyslogEvent({
      program: 'run_jenkins.sh',
      message:
        '2026-11-23 10:16:00.000+0000 [id=77]\tWARNING\thudson.slaves.ChannelPinger$1#onDead: Ping failed. Terminating the channel agent-win-01.',
    }),
    expect: { fields: { 'log.level': 'warn', 'log.logger': 'hudson.slaves.ChannelPinger$1#onDead' } },
  })
  .withTest({
    name: 'INFO stays info',
    input: ecsSyslogEvent({
      program: 'run_jenkins.sh',
      message:
        '2026-11-23 10:17:00.000+0000 [id=1]\tINFO\tjenkins.InitReactorRunner$1#onAttained: Completed initialization',
    }),
    expect: { fields: { 'log.level': 'info', message: 'Completed initialization' } },
  })
  .build();
