import { SERVICES_DATABASE, perHost, row, serviceDashboard, stat, timeseries } from 'calvin';
import builds from '../services/builds.js';

const jenkins = { service: 'jenkins' };

export default serviceDashboard(builds)
  .withRow(
    row('Jenkins').panels([
      stat('Builds waiting')
        .unit('short')
        .thresholds([
          { value: null, color: 'green' },
          { value: 5, color: 'orange' },
          { value: 15, color: 'red' },
        ])
        .withQuery(perHost(SERVICES_DATABASE, 'jenkins_queue', jenkins).select('Value.Value').last()),
      stat('Executors')
        .unit('short')
        .withQuery(perHost(SERVICES_DATABASE, 'jenkins_executor', jenkins).select('Value.Value').last()),
      stat('Nodes')
        .unit('short')
        .withQuery(perHost(SERVICES_DATABASE, 'jenkins_node', jenkins).select('Value.Value').last()),
      stat('Active web requests')
        .unit('short')
        .withQuery(perHost(SERVICES_DATABASE, 'jenkins_web_requests_active', jenkins).select('Count').last()),
      timeseries('Queue and executors')
        .unit('short')
        .withQuery(perHost(SERVICES_DATABASE, 'jenkins_queue', jenkins).select('Value.Value').last().as('queued'))
        .withQuery(
          perHost(SERVICES_DATABASE, 'jenkins_executor', jenkins).select('Value.Value').last().as('executors'),
        ),
      timeseries('Jobs scheduled')
        .unit('short')
        .withQuery(
          perHost(SERVICES_DATABASE, 'jenkins_job_scheduled', jenkins).select('Count').last().nonNegativeDifference(),
        ),
      timeseries('Web requests per second')
        .unit('reqps')
        .withQuery(perHost(SERVICES_DATABASE, 'jenkins_web_requests', jenkins).select('MeanRate').last()),
      timeseries('JVM heap')
        .unit('bytes')
        .withQuery(
          perHost(SERVICES_DATABASE, 'jvm_memory', jenkins)
            .select('HeapMemoryUsage.used')
            .last()
            .as('used')
            .select('HeapMemoryUsage.max')
            .last()
            .as('max'),
        ),
    ]),
  )
  .build();
