import { hostSignals, runbookUrl, service } from 'calvin';

/**
 * Any Linux node of a Calvinverse environment, as Telegraf reports it (database `system`, tags
 * host/environment/os/category). Diagnose falls back to these signals for services without a definition.
 */
export default service('host', { title: 'Linux host', owner: 'infrastructure', consulName: 'host' })
  .description('Generic Linux host profile: CPU, memory, disk and load from Telegraf; syslog from every program.')
  .aliases(['node', 'linux'])
  .database('system')
  .measurements(['cpu', 'mem', 'disk', 'diskio', 'net', 'system', 'kernel', 'processes', 'swap'])
  .tagFilters({ os: 'linux' })
  .signals(hostSignals())
  .logs({
    serviceNames: [],
    processNames: ['kernel', 'systemd', 'sshd', 'cron', 'dhclient', 'telegraf', 'syslog-ng', 'consul-template'],
  })
  .runbooks([
    { title: 'Host CPU saturation', url: runbookUrl('host-cpu-saturation') },
    { title: 'Host memory pressure', url: runbookUrl('host-memory-pressure') },
    { title: 'Host disk full', url: runbookUrl('host-disk-full') },
    { title: 'Host stopped reporting', url: runbookUrl('host-deadman') },
    { title: 'Host load spike', url: runbookUrl('host-load-spike') },
  ])
  .build();
