import { SERVICES_DATABASE, hostSignals, runbookUrl, service } from 'calvin';

/** Elasticsearch (resource.documents.storage): Consul service `documents` tagged `http`; Telegraf elasticsearch_* measurements. */
export default service('documents', { title: 'Documents (Elasticsearch)', owner: 'infrastructure' })
  .description('Elasticsearch cluster holding the logs-* indices.')
  .aliases(['elasticsearch'])
  .consulTags(['http'])
  .database(SERVICES_DATABASE)
  .measurements([
    'elasticsearch_cluster_health',
    'elasticsearch_jvm',
    'elasticsearch_os',
    'elasticsearch_fs',
    'elasticsearch_indices',
    'elasticsearch_process',
    'elasticsearch_transport',
    'elasticsearch_http',
  ])
  .tagFilters({ category: 'documents-storage' })
  .signals([
    ...hostSignals(),
    {
      name: 'elasticsearch.heap_used_percent',
      title: 'JVM heap used',
      database: SERVICES_DATABASE,
      measurement: 'elasticsearch_jvm',
      field: 'mem_heap_used_percent',
      aggregate: 'max',
      unit: 'percent',
      worseWhen: 'higher',
      warning: 85,
      critical: 95,
    },
    {
      name: 'elasticsearch.cluster_status',
      title: 'Cluster status (1 green, 2 yellow, 3 red)',
      database: SERVICES_DATABASE,
      measurement: 'elasticsearch_cluster_health',
      field: 'status_code',
      aggregate: 'max',
      unit: 'short',
      worseWhen: 'higher',
      warning: 2,
      critical: 3,
    },
  ])
  .logs({ serviceNames: ['documents'], processNames: ['elasticsearch'] })
  .runbooks([
    { title: 'Documents cluster red', url: runbookUrl('documents-cluster-red') },
    { title: 'Documents heap pressure', url: runbookUrl('documents-heap-pressure') },
  ])
  .build();
