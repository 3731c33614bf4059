import { STATSD_DATABASE, hostSignals, runbookUrl, service } from 'calvin';

/** The Consul servers (resource.hashi.server, category hashi-server); telemetry arrives through Telegraf statsd. */
export default service('consul', { title: 'Consul servers', owner: 'infrastructure' })
  .description('Service discovery and configuration; one Consul datacenter is one environment.')
  .consulTags(['api'])
  .database(STATSD_DATABASE)
  .measurements([
    'autopilot_healthy',
    'raft_leader_lastContact',
    'raft_state_leader',
    'raft_state_candidate',
    'raft_apply',
    'raft_commitTime',
    'rpc_request',
    'runtime_alloc_bytes',
    'runtime_sys_bytes',
    'runtime_gc_pause_ns',
    'kvs_apply',
    'client_rpc',
  ])
  .tagFilters({ category: 'hashi-server' })
  .signals([
    ...hostSignals(),
    {
      name: 'consul.autopilot_healthy',
      title: 'Autopilot healthy',
      database: STATSD_DATABASE,
      measurement: 'autopilot_healthy',
      field: 'value',
      aggregate: 'min',
      where: { service: 'consul' },
      unit: 'short',
      worseWhen: 'lower',
      critical: 0,
    },
    {
      name: 'consul.leader_last_contact',
      title: 'Leader last contact',
      database: STATSD_DATABASE,
      measurement: 'raft_leader_lastContact',
      field: 'upper',
      aggregate: 'max',
      where: { service: 'consul' },
      unit: 'ms',
      worseWhen: 'higher',
      warning: 200,
      critical: 500,
    },
    {
      name: 'consul.gc_pause',
      title: 'GC pause',
      database: STATSD_DATABASE,
      measurement: 'runtime_gc_pause_ns',
      field: 'upper',
      aggregate: 'max',
      where: { service: 'consul' },
      unit: 'short',
      worseWhen: 'higher',
    },
  ])
  .logs({ serviceNames: ['consul'], processNames: ['consul'] })
  .runbooks([
    { title: 'Consul autopilot unhealthy', url: runbookUrl('consul-autopilot-unhealthy') },
    { title: 'Consul leader contact slow', url: runbookUrl('consul-leader-contact-slow') },
  ])
  .build();
