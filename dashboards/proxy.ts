import { STATSD_DATABASE, perHost, row, serviceDashboard, timeseries } from 'calvin';
import proxy from '../services/proxy.js';

const fabio = { service: 'fabio' };

export default serviceDashboard(proxy)
  .withRow(
    row('fabio').panels([
      timeseries('Requests per second')
        .unit('reqps')
        .withQuery(
          perHost(STATSD_DATABASE, 'count', fabio).select('value').last().nonNegativeDerivative('1s').fill('none'),
        ),
      timeseries('Response time percentiles')
        .unit('ms')
        .withQuery(perHost(STATSD_DATABASE, '50-percentile', fabio).select('value').last().as('p50').fill('none'))
        .withQuery(perHost(STATSD_DATABASE, '95-percentile', fabio).select('value').last().as('p95').fill('none'))
        .withQuery(perHost(STATSD_DATABASE, '99-percentile', fabio).select('value').last().as('p99').fill('none'))
        .withQuery(perHost(STATSD_DATABASE, 'max', fabio).select('value').last().as('max').fill('none')),
    ]),
  )
  .build();
