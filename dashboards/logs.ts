import { SERVICES_DATABASE, perHost, row, serviceDashboard, timeseries } from 'calvin';
import logs from '../services/logs.js';

const logstash = { service: 'logstash' };

export default serviceDashboard(logs)
  .withRow(
    row('Logstash').panels([
      timeseries('Events per second')
        .unit('ops')
        .withQuery(
          perHost(SERVICES_DATABASE, 'http', logstash)
            .select('events_in')
            .last()
            .nonNegativeDerivative('1s')
            .as('in')
            .select('events_filtered')
            .last()
            .nonNegativeDerivative('1s')
            .as('filtered')
            .select('events_out')
            .last()
            .nonNegativeDerivative('1s')
            .as('out'),
        ),
      timeseries('Time spent per event')
        .unit('ms')
        .withQuery(
          perHost(SERVICES_DATABASE, 'http', logstash)
            .select('events_duration_in_millis')
            .last()
            .nonNegativeDerivative('1s'),
        ),
      timeseries('JVM heap used')
        .unit('percent')
        .min(0)
        .max(100)
        .withQuery(perHost(SERVICES_DATABASE, 'http', logstash).select('jvm_mem_heap_used_percent').mean()),
    ]),
  )
  .build();
