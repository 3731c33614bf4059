import { allOf, fieldExists, hasTag, logFilter, mutateStep, negate, whenStep } from 'calvin';

/**
 * Build logs that the Jenkins Logstash plugin publishes to RabbitMQ (tag `logs.builds`, index
 * logs-builds-*). Like Calvinverse's filter.logs.builds it lifts the project, build and agent out of
 * `data` and drops the rest, including the build variables that may hold secrets.
 */
export default logFilter(
  'jenkins-build-logs',
  'Jenkins build log lines: project, build number and agent; build variables removed',
)
  .service('builds')
  .order(30)
  .match(allOf(hasTag('logs.builds'), negate(hasTag('_jsonparsefailure'))))
  .steps([
    whenStep(fieldExists('data'), [
      mutateStep({
        rename: {
          'data.projectName': 'jenkins.project.name',
          'data.fullProjectName': 'jenkins.project.full_name',
          'data.buildNum': 'jenkins.build.number',
          'data.id': 'jenkins.build.id',
          'data.buildHost': 'jenkins.agent.name',
        },
      }),
      mutateStep({ remove: ['data'] }),
    ]),
    mutateStep({
      remove: ['source', 'source_host', '@buildTimestamp', '@version'],
      add: { 'service.name': 'builds', 'event.dataset': 'builds.log' },
    }),
  ])
  .produces([
    { field: 'service.name', type: 'keyword' },
    { field: 'event.dataset', type: 'keyword' },
    { field: 'jenkins.project.name', type: 'keyword' },
    { field: 'jenkins.project.full_name', type: 'keyword' },
    { field: 'jenkins.build.number', type: 'long' },
    { field: 'jenkins.build.id', type: 'keyword' },
    { field: 'jenkins.agent.name', type: 'keyword' },
  ])
  .withTest({
    name: 'build line keeps project, build and agent and loses build variables',
    input: {
      '@timestamp': '2026-11-23T10:15:02.000Z',
      '@version': '1',
      '@buildTimestamp': '2026-11-23T10:14:00.000Z',
      message: ['Publishing calvin-0.1.0.tgz to http://artefacts/repository/npm-production/'],
      source: 'jenkins',
      source_host: 'http://builds.service.consulverse:8080/builds/',
      data: {
        id: '2026-11-23_10-14-00',
        projectName: 'master',
        fullProjectName: 'calvinverse/calvin/master',
        buildNum: 57,
        buildHost: 'agent-win-03',
        buildVariables: { NPM_TOKEN: 'npm_0000000000000000' },
      },
      tags: ['logs.builds'],
    },
    expect: {
      fields: {
        'service.name': 'builds',
        'event.dataset': 'builds.log',
        'jenkins.project.name': 'master',
        'jenkins.project.full_name': 'calvinverse/calvin/master',
        'jenkins.build.number': 57,
        'jenkins.build.id': '2026-11-23_10-14-00',
        'jenkins.agent.name': 'agent-win-03',
      },
      absent: ['data', 'data.buildVariables', 'source', 'source_host', '@version', '@buildTimestamp'],
    },
  })
  .withTest({
    name: 'syslog events are not touched',
    input: { message: 'x', tags: ['logs.linux.syslog'], data: { projectName: 'p' } },
    expect: { fields: { 'data.projectName': 'p' }, absent: ['service.name'] },
  })
  .build();
