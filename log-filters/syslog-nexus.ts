import { appLineSteps, ecsSyslogEvent, logFilter, mutateStep, SERVICE_LOG_FIELDS, syslogProgram } from 'calvin';

// 2026-11-23 10:15:02,123+0000 WARN  [qtp1399499405-52] admin org.sonatype.nexus.… - text
const NEXUS_LINE =
  '^%{TIMESTAMP_ISO8601}%{SPACE}%{LOGLEVEL:[log][level]}%{SPACE}\\[%{DATA:[process][thread][name]}\\]%{SPACE}%{NOTSPACE:[user][name]}%{SPACE}%{JAVACLASS:[log][logger]}%{SPACE}-%{SPACE}%{GREEDYDATA:message}$';

export default logFilter(
  'syslog-nexus',
  'Nexus (artefacts) log lines: level, logger, thread and user from the Nexus logback layout',
)
  .service('artefacts')
  .order(20)
  .match(syslogProgram('nexus'))
  .steps([
    mutateStep({ add: { 'service.name': 'artefacts', 'event.dataset': 'artefacts.nexus' } }),
    ...appLineSteps('nexus', [NEXUS_LINE]),
  ])
  .produces([
    ...SERVICE_LOG_FIELDS,
    { field: 'log.logger', type: 'keyword' },
    { field: 'process.thread.name', type: 'keyword' },
    { field: 'user.name', type: 'keyword' },
  ])
  .withTest({
    name: 'blob store warning',
    input: ecsSyslogEvent({
      program: 'nexus',
      host: 'nexus-01',
      message:
        '2026-11-23 10:15:02,123+0000 WARN  [qtp1399499405-52] admin org.sonatype.nexus.blobstore.file.FileBlobStore - Blob store default is running out of space',
    }),
    expect: {
      fields: {
        'service.name': 'artefacts',
        'event.dataset': 'artefacts.nexus',
        'log.level': 'warn',
        'user.name': 'admin',
        'log.logger': 'org.sonatype.nexus.blobstore.file.FileBlobStore',
        'process.thread.name': 'qtp1399499405-52',
        message: 'Blob store default is running out of space',
      },
    },
  })
  .withTest({
    name: 'system error',
    input: ecsSyslogEvent({
      program: 'nexus',
      message:
        '2026-11-23 10:20:00,001+0000 ERROR [event-5-thread-3] *SYSTEM org.sonatype.nexus.repository.storage.StorageTxImpl - Failed to commit transaction',
    }),
    expect: { fields: { 'log.level': 'error', 'user.name': '*SYSTEM', message: 'Failed to commit transaction' } },
  })
  .withTest({
    name: 'unparsed line keeps the syslog level and is tagged',
    input: ecsSyslogEvent({ program: 'nexus', level: 'info', message: 'Started Sonatype Nexus OSS 3.19.1-01' }),
    expect: {
      fields: { 'service.name': 'artefacts', 'log.level': 'info', message: 'Started Sonatype Nexus OSS 3.19.1-01' },
      tags: ['_grokparsefailure_nexus', 'logs.linux.syslog'],
    },
  })
  .build();
