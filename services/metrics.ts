import { SERVICES_DATABASE, hostSignals, runbookUrl, service } from 'calvin';

/** InfluxDB (resource.metrics.storage): Consul service `metrics` tagged `http`; Telegraf influxdb_* measurements. */
export default service('metrics', { title: 'Metrics (InfluxDB)', owner: 'infrastructure' })
  .description('InfluxDB storing the system, services and statsd databases.')
  .aliases(['influxdb'])
  .consulTags(['http'])
  .database(SERVICES_DATABASE)
  .measurements([
    'influxdb_httpd',
    'influxdb_write',
    'influxdb_database',
    'influxdb_shard',
    'influxdb_runtime',
    'influxdb_tsm1_cache',
    'influxdb_tsm1_wal',
  ])
  .tagFilters({ category: 'metrics-storage' })
  .signals([
    ...hostSignals(),
    {
      name: 'influxdb.points_written_fail',
      title: 'Failed point writes per second',
      database: SERVICES_DATABASE,
      measurement: 'influxdb_httpd',
      field: 'pointsWrittenFail',
      aggregate: 'non_negative_derivative',
      unit: 'ops',
      worseWhen: 'higher',
      warning: 1,
      critical: 10,
    },
    {
      name: 'influxdb.heap_in_use',
      title: 'Heap in use',
      database: SERVICES_DATABASE,
      measurement: 'influxdb_runtime',
      field: 'HeapInUse',
      aggregate: 'max',
      unit: 'bytes',
      worseWhen: 'higher',
    },
  ])
  .logs({ serviceNames: ['metrics'], processNames: ['influxd'] })
  .runbooks([
    { title: 'Metrics write errors', url: runbookUrl('metrics-write-errors') },
    { title: 'Metrics series growth', url: runbookUrl('metrics-series-growth') },
  ])
  .build();
