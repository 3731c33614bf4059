import { STATSD_DATABASE, perHost, row, serviceDashboard, stat, timeseries } from 'calvin';
import consul from '../services/consul.js';

const consulStat = { service: 'consul' };

export default serviceDashboard(consul)
  .withRow(
    row('Raft').panels([
      stat('Autopilot healthy')
        .unit('short')
        .thresholds([
          { value: null, color: 'red' },
          { value: 1, color: 'green' },
        ])
        .withQuery(perHost(STATSD_DATABASE, 'autopilot_healthy', consulStat).select('value').last().fill(0)),
      stat('Leadership changes')
        .unit('short')
        .withQuery(perHost(STATSD_DATABASE, 'raft_state_leader', consulStat).select('value').sum().fill(0)),
      stat('Election attempts')
        .unit('short')
        .withQuery(perHost(STATSD_DATABASE, 'raft_state_candidate', consulStat).select('value').sum().fill(0)),
      stat('Servers reporting')
        .unit('short')
        .withQuery(perHost(STATSD_DATABASE, 'rpc_request', consulStat).select('value').count()),
      timeseries('Leader last contact')
        .unit('ms')
        .thresholds([
          { value: null, color: 'green' },
          { value: 200, color: 'orange' },
          { value: 500, color: 'red' },
        ])
        .withQuery(perHost(STATSD_DATABASE, 'raft_leader_lastContact', consulStat).select('upper').max()),
      timeseries('Raft commit time p90')
        .unit('ms')
        .withQuery(perHost(STATSD_DATABASE, 'raft_commitTime', consulStat).select('90_percentile').max()),
    ]),
  )
  .withRow(
    row('Runtime').panels([
      timeseries('RPC requests')
        .unit('ops')
        .withQuery(perHost(STATSD_DATABASE, 'rpc_request', consulStat).select('value').mean()),
      timeseries('Runtime memory')
        .unit('bytes')
        .withQuery(perHost(STATSD_DATABASE, 'runtime_alloc_bytes', consulStat).select('value').max().as('alloc_bytes'))
        .withQuery(perHost(STATSD_DATABASE, 'runtime_sys_bytes', consulStat).select('value').max().as('sys_bytes')),
      timeseries('GC pause')
        .unit('ms')
        .withQuery(
          perHost(STATSD_DATABASE, 'runtime_gc_pause_ns', consulStat).select('upper').last().math('/', 1_000_000),
        ),
      timeseries('KV writes')
        .unit('ops')
        .withQuery(perHost(STATSD_DATABASE, 'kvs_apply', consulStat).select('count').mean().fill(0)),
    ]),
  )
  .build();
