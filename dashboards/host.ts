import { SYSTEM_DATABASE, perHost, row, serviceDashboard, timeseries } from 'calvin';
import host from '../services/host.js';

export default serviceDashboard(host, { title: 'Linux host' })
  .withRow(
    row('Network and disk I/O').panels([
      timeseries('Network received')
        .unit('Bps')
        .withQuery(
          perHost(SYSTEM_DATABASE, 'net')
            .select('bytes_recv')
            .mean()
            .nonNegativeDerivative('1s')
            .groupBy('interface')
            .alias('$tag_host $tag_interface'),
        ),
      timeseries('Network sent')
        .unit('Bps')
        .withQuery(
          perHost(SYSTEM_DATABASE, 'net')
            .select('bytes_sent')
            .mean()
            .nonNegativeDerivative('1s')
            .groupBy('interface')
            .alias('$tag_host $tag_interface'),
        ),
      timeseries('Disk read')
        .unit('Bps')
        .withQuery(
          perHost(SYSTEM_DATABASE, 'diskio')
            .select('read_bytes')
            .mean()
            .nonNegativeDerivative('1s')
            .groupBy('name')
            .alias('$tag_host $tag_name'),
        ),
      timeseries('Disk write')
        .unit('Bps')
        .withQuery(
          perHost(SYSTEM_DATABASE, 'diskio')
            .select('write_bytes')
            .mean()
            .nonNegativeDerivative('1s')
            .groupBy('name')
            .alias('$tag_host $tag_name'),
        ),
      timeseries('CPU iowait')
        .unit('percent')
        .withQuery(perHost(SYSTEM_DATABASE, 'cpu', { cpu: 'cpu-total' }).select('usage_iowait').mean()),
      timeseries('Context switches')
        .unit('ops')
        .withQuery(perHost(SYSTEM_DATABASE, 'kernel').select('context_switches').mean().nonNegativeDerivative('1s')),
    ]),
  )
  .build();
