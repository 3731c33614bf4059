// The README's library example: define, render, and lint in code. Run: npx tsx docs/examples/library.ts
import {
  alert,
  catalogOf,
  defaultRenderOptions,
  influx,
  lintInputs,
  renderCatalog,
  row,
  service,
  slack,
  timeseries,
  dashboard,
} from 'calvin';

const nexus = service('artefacts', { title: 'Artefacts (Nexus)', owner: 'build-infrastructure' })
  .aliases(['nexus'])
  .database('services')
  .measurements(['jvm_memory'])
  .logs({ serviceNames: ['artefacts'], processNames: ['nexus'] })
  .build();

const heap = dashboard('artefacts-heap', 'Nexus heap')
  .service(nexus.id)
  .withRow(
    row('JVM').panels([
      timeseries('Heap used')
        .unit('bytes')
        .withQuery(
          influx('services', 'jvm_memory')
            .select('HeapMemoryUsage.used')
            .max()
            .where('service')
            .eq('nexus')
            .groupByTime('$__interval')
            .groupBy('host')
            .fill('null'),
        ),
    ]),
  )
  .build();

const heapAlert = alert('artefacts-heap-pressure', nexus.id)
  .owner('build-infrastructure')
  .from('services', 'jvm_memory')
  .field('HeapMemoryUsage.used')
  .aggregate('max')
  .where('service', 'nexus')
  .window('10m', '1m')
  .threshold({ direction: 'above', warn: 2_200_000_000, crit: 2_500_000_000 })
  .for('10m')
  .message('{{ .Level }}: Nexus heap on {{ index .Tags "host" }} is {{ index .Fields "value" }} bytes')
  .handlers([slack('#build-infrastructure')])
  .withTest({
    name: 'heap near max goes critical',
    series: { 'jvm_memory,host=nexus-01,service=nexus HeapMemoryUsage.used': '2600000000x40' },
    expect: [{ at: '35m', level: 'CRITICAL', tags: { host: 'nexus-01' } }],
  })
  .runbook({
    title: 'Nexus heap pressure',
    markdown: '# Nexus heap pressure\nTake a heap dump, then restart the node.',
  })
  .build();

const catalog = catalogOf([nexus, heap, heapAlert]);
const artifacts = renderCatalog(catalog, defaultRenderOptions({ targets: ['grafana', 'kapacitor'] }));
for (const a of artifacts) console.log(`${a.target.padEnd(10)} ${a.path}`);

const { results } = lintInputs([], { catalog });
console.log(`lint: ${results.reduce((n, r) => n + r.messages.length, 0)} finding(s)`);
