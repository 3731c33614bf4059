import { SERVICES_DATABASE, gauge, perHost, row, serviceDashboard, stat, timeseries } from 'calvin';
import documents from '../services/documents.js';

export default serviceDashboard(documents)
  .withRow(
    row('Elasticsearch').panels([
      stat('Cluster status')
        .description('1 green, 2 yellow, 3 red')
        .thresholds([
          { value: null, color: 'green' },
          { value: 2, color: 'orange' },
          { value: 3, color: 'red' },
        ])
        .withQuery(perHost(SERVICES_DATABASE, 'elasticsearch_cluster_health').select('status_code').last()),
      stat('Unassigned shards').withQuery(
        perHost(SERVICES_DATABASE, 'elasticsearch_cluster_health').select('unassigned_shards').last(),
      ),
      gauge('Heap used')
        .unit('percent')
        .min(0)
        .max(100)
        .thresholds([
          { value: null, color: 'green' },
          { value: 85, color: 'orange' },
          { value: 95, color: 'red' },
        ])
        .withQuery(perHost(SERVICES_DATABASE, 'elasticsearch_jvm').select('mem_heap_used_percent').last()),
      gauge('OS memory used')
        .unit('percent')
        .min(0)
        .max(100)
        .withQuery(perHost(SERVICES_DATABASE, 'elasticsearch_os').select('mem_used_percent').last()),
      timeseries('Indexing operations in flight')
        .unit('short')
        .withQuery(perHost(SERVICES_DATABASE, 'elasticsearch_indices').select('indexing_index_current').mean()),
      timeseries('Search queries in flight')
        .unit('short')
        .withQuery(perHost(SERVICES_DATABASE, 'elasticsearch_indices').select('search_query_current').mean()),
      timeseries('Old GC time per second')
        .unit('ms')
        .withQuery(
          perHost(SERVICES_DATABASE, 'elasticsearch_jvm')
            .select('gc_collectors_old_collection_time_in_millis')
            .last()
            .nonNegativeDerivative('1s'),
        ),
      timeseries('Documents')
        .unit('short')
        .withQuery(perHost(SERVICES_DATABASE, 'elasticsearch_indices').select('docs_count').mean()),
    ]),
  )
  .build();
