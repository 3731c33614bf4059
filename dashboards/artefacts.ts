import { SERVICES_DATABASE, perHost, row, serviceDashboard, timeseries } from 'calvin';
import artefacts from '../services/artefacts.js';

const nexus = { service: 'nexus' };

export default serviceDashboard(artefacts)
  .withRow(
    row('Nexus JVM').panels([
      timeseries('JVM heap')
        .unit('bytes')
        .withQuery(
          perHost(SERVICES_DATABASE, 'jvm_memory', nexus)
            .select('HeapMemoryUsage.used')
            .last()
            .as('used')
            .select('HeapMemoryUsage.committed')
            .last()
            .as('committed')
            .select('HeapMemoryUsage.max')
            .last()
            .as('max'),
        ),
      timeseries('JVM non-heap')
        .unit('bytes')
        .withQuery(perHost(SERVICES_DATABASE, 'jvm_memory', nexus).select('NonHeapMemoryUsage.used').last().as('used')),
      timeseries('GC collections per second')
        .unit('ops')
        .withQuery(
          perHost(SERVICES_DATABASE, 'jvm_garbage_collector', nexus)
            .select('CollectionCount')
            .last()
            .nonNegativeDerivative('1s')
            .groupBy('name')
            .alias('$tag_host $tag_name'),
        ),
      timeseries('GC time per second')
        .unit('ms')
        .withQuery(
          perHost(SERVICES_DATABASE, 'jvm_garbage_collector', nexus)
            .select('CollectionTime')
            .last()
            .nonNegativeDerivative('1s')
            .groupBy('name')
            .alias('$tag_host $tag_name'),
        ),
      timeseries('Memory pools')
        .unit('bytes')
        .withQuery(
          perHost(SERVICES_DATABASE, 'jvm_memory_pool', nexus)
            .select('Usage.used')
            .mean()
            .groupBy('pool_name')
            .alias('$tag_host $tag_pool_name'),
        ),
      timeseries('Process CPU load')
        .unit('percentunit')
        .withQuery(perHost(SERVICES_DATABASE, 'jvm_operating_system', nexus).select('ProcessCpuLoad').mean()),
    ]),
  )
  .build();
