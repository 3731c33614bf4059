import { SERVICES_DATABASE, hostSignals, runbookUrl, service } from 'calvin';

/** Jenkins master (resource.build.master): Consul service `builds` tagged `active`; Jolokia metrics tagged service=jenkins. */
export default service('builds', { title: 'Builds (Jenkins)', owner: 'build-infrastructure' })
  .description('Jenkins build master; agents connect to it and it triggers builds from the queue.')
  .aliases(['jenkins'])
  .consulTags(['active'])
  .database(SERVICES_DATABASE)
  .measurements([
    'jvm_runtime',
    'jvm_memory',
    'jvm_garbage_collector',
    'jvm_memory_pool',
    'jenkins_web_requests',
    'jenkins_web_requests_active',
    'jenkins_web_reponsecodes',
    'jenkins_queue',
    'jenkins_executor',
    'jenkins_node',
    'jenkins_job_scheduled',
  ])
  .tagFilters({ category: 'build-master' })
  .signals([
    ...hostSignals(),
    {
      name: 'jvm.heap_used',
      title: 'JVM heap used',
      database: SERVICES_DATABASE,
      measurement: 'jvm_memory',
      field: 'HeapMemoryUsage.used',
      aggregate: 'max',
      where: { service: 'jenkins' },
      unit: 'bytes',
      worseWhen: 'higher',
      warning: 3_400_000_000,
      critical: 3_800_000_000,
    },
    {
      name: 'jenkins.queue',
      title: 'Build queue length',
      database: SERVICES_DATABASE,
      measurement: 'jenkins_queue',
      field: 'Value.Value',
      aggregate: 'max',
      where: { service: 'jenkins' },
      unit: 'count',
      worseWhen: 'higher',
      warning: 5,
      critical: 15,
    },
  ])
  .logs({ serviceNames: ['builds'], processNames: ['run_jenkins.sh'] })
  .runbooks([
    { title: 'Builds executor starvation', url: runbookUrl('builds-executor-starvation') },
    { title: 'Builds heap pressure', url: runbookUrl('builds-heap-pressure') },
  ])
  .build();
