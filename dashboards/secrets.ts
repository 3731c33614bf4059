import { STATSD_DATABASE, SYSTEM_DATABASE, perHost, row, serviceDashboard, table, timeseries } from 'calvin';
import secrets from '../services/secrets.js';

const vault = { service: 'vault' };

export default serviceDashboard(secrets)
  .withRow(
    row('Vault').panels([
      table('Seal status')
        .width(12)
        .withQuery(
          perHost(SYSTEM_DATABASE, 'consul_health_checks', { check_name: 'Vault Sealed Status' })
            .select('passing')
            .last()
            .as('unsealed')
            .groupBy('check_id'),
        ),
      timeseries('Request handling time')
        .unit('ms')
        .withQuery(perHost(STATSD_DATABASE, 'core_handle_request', vault).select('mean').mean().fill(0)),
      timeseries('Consul storage GET / PUT p90')
        .unit('ms')
        .withQuery(perHost(STATSD_DATABASE, 'consul_get', vault).select('90_percentile').mean().as('get').fill(0))
        .withQuery(perHost(STATSD_DATABASE, 'consul_put', vault).select('90_percentile').mean().as('put').fill(0)),
      timeseries('Runtime memory')
        .unit('bytes')
        .withQuery(
          perHost(STATSD_DATABASE, 'runtime_alloc_bytes', vault).select('value').max().as('alloc_bytes').fill(0),
        ),
      timeseries('GC pause')
        .unit('ms')
        .withQuery(
          perHost(STATSD_DATABASE, 'runtime_gc_pause_ns', vault).select('upper').last().math('/', 1_000_000).fill(0),
        ),
    ]),
  )
  .build();
