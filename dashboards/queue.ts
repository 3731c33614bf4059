import { SERVICES_DATABASE, perHost, row, serviceDashboard, stat, timeseries } from 'calvin';
import queue from '../services/queue.js';

export default serviceDashboard(queue)
  .withRow(
    row('RabbitMQ').panels([
      stat('Consumers').withQuery(perHost(SERVICES_DATABASE, 'rabbitmq_overview').select('consumers').last()),
      stat('Connections').withQuery(perHost(SERVICES_DATABASE, 'rabbitmq_overview').select('connections').last()),
      stat('Queues').withQuery(perHost(SERVICES_DATABASE, 'rabbitmq_overview').select('queues').last()),
      stat('Messages ready')
        .thresholds([
          { value: null, color: 'green' },
          { value: 10_000, color: 'orange' },
          { value: 50_000, color: 'red' },
        ])
        .withQuery(perHost(SERVICES_DATABASE, 'rabbitmq_overview').select('messages_ready').last()),
      timeseries('Messages')
        .unit('short')
        .withQuery(
          perHost(SERVICES_DATABASE, 'rabbitmq_overview')
            .select('messages_ready')
            .last()
            .as('ready')
            .select('messages_unacked')
            .last()
            .as('unacked')
            .select('messages_published')
            .last()
            .as('published'),
        ),
      timeseries('Publish rate per queue')
        .unit('ops')
        .withQuery(
          perHost(SERVICES_DATABASE, 'rabbitmq_queue')
            .select('messages_publish')
            .last()
            .nonNegativeDerivative('10s')
            .groupBy('queue', 'vhost')
            .alias('$tag_vhost/$tag_queue'),
        ),
      timeseries('Node memory')
        .unit('bytes')
        .withQuery(
          perHost(SERVICES_DATABASE, 'rabbitmq_node')
            .select('mem_used')
            .mean()
            .as('used')
            .select('mem_limit')
            .mean()
            .as('limit'),
        ),
      timeseries('Node disk free')
        .unit('bytes')
        .withQuery(
          perHost(SERVICES_DATABASE, 'rabbitmq_node')
            .select('disk_free')
            .mean()
            .as('free')
            .select('disk_free_limit')
            .mean()
            .as('limit'),
        ),
    ]),
  )
  .build();
