import { SERVICES_DATABASE, hostSignals, runbookUrl, service } from 'calvin';

/** Nexus (resource.artefacts): Consul service `artefacts`, service ids `nexus_*`, Jolokia JVM metrics tagged service=nexus. */
export default service('artefacts', { title: 'Artefacts (Nexus)', owner: 'build-infrastructure' })
  .description('Nexus repository manager: artefacts, Docker, npm, NuGet and gems repositories.')
  .aliases(['nexus'])
  .consulTags(['management', 'active-management'])
  .database(SERVICES_DATABASE)
  .measurements([
    'jvm_runtime',
    'jvm_memory',
    'jvm_garbage_collector',
    'jvm_memory_pool',
    'jvm_operating_system',
    'jvm_buffer_pool',
    'http',
  ])
  .tagFilters({ category: 'artefacts-storage' })
  .signals([
    ...hostSignals({ disk: { warning: 80, critical: 90 } }),
    {
      name: 'jvm.heap_used',
      title: 'JVM heap used',
      database: SERVICES_DATABASE,
      measurement: 'jvm_memory',
      field: 'HeapMemoryUsage.used',
      aggregate: 'max',
      where: { service: 'nexus' },
      unit: 'bytes',
      worseWhen: 'higher',
      warning: 2_200_000_000,
      critical: 2_500_000_000,
    },
    {
      name: 'jvm.gc_time',
      title: 'GC time per second',
      database: SERVICES_DATABASE,
      measurement: 'jvm_garbage_collector',
      field: 'CollectionTime',
      aggregate: 'non_negative_derivative',
      where: { service: 'nexus' },
      unit: 'ms',
      worseWhen: 'higher',
    },
  ])
  .logs({ serviceNames: ['artefacts'], processNames: ['nexus'] })
  .runbooks([
    { title: 'Artefacts disk full', url: runbookUrl('artefacts-disk-full') },
    { title: 'Artefacts heap pressure', url: runbookUrl('artefacts-heap-pressure') },
  ])
  .build();
