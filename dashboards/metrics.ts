import { SERVICES_DATABASE, perHost, row, serviceDashboard, stat, timeseries } from 'calvin';
import metrics from '../services/metrics.js';

export default serviceDashboard(metrics)
  .withRow(
    row('InfluxDB').panels([
      stat('Series')
        .unit('short')
        .withQuery(perHost(SERVICES_DATABASE, 'influxdb_database').select('numSeries').last()),
      stat('Measurements')
        .unit('short')
        .withQuery(perHost(SERVICES_DATABASE, 'influxdb_database').select('numMeasurements').last()),
      timeseries('Points written per second')
        .unit('ops')
        .withQuery(perHost(SERVICES_DATABASE, 'influxdb_write').select('pointReq').mean().nonNegativeDerivative('1s')),
      timeseries('Failed writes per second')
        .unit('ops')
        .withQuery(
          perHost(SERVICES_DATABASE, 'influxdb_httpd').select('pointsWrittenFail').last().nonNegativeDerivative('1s'),
        ),
      timeseries('HTTP queries and errors')
        .unit('ops')
        .withQuery(
          perHost(SERVICES_DATABASE, 'influxdb_httpd')
            .select('queryReq')
            .last()
            .nonNegativeDerivative('1s')
            .as('queries')
            .select('clientError')
            .last()
            .nonNegativeDerivative('1s')
            .as('client errors')
            .select('serverError')
            .last()
            .nonNegativeDerivative('1s')
            .as('server errors'),
        ),
      timeseries('Shard size per database')
        .unit('bytes')
        .withQuery(
          perHost(SERVICES_DATABASE, 'influxdb_shard')
            .select('diskBytes')
            .sum()
            .groupBy('database')
            .alias('$tag_host $tag_database'),
        ),
      timeseries('Heap in use')
        .unit('bytes')
        .withQuery(perHost(SERVICES_DATABASE, 'influxdb_runtime').select('HeapInUse').mean()),
    ]),
  )
  .build();
