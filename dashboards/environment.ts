import {
  SYSTEM_DATABASE,
  dashboard,
  deployAnnotation,
  environmentVariable,
  hostVariable,
  influx,
  logCount,
  luceneAnyOf,
  row,
  table,
  text,
  timeseries,
} from 'calvin';

/** Every node of one environment side by side: who is busy, who is full, who logs errors. */
export default dashboard('environment-overview', 'Environment overview')
  .folder('Calvinverse')
  .tags(['calvin', 'environment'])
  .refresh('1m')
  .withVariable(environmentVariable())
  .withVariable(hostVariable({ database: SYSTEM_DATABASE, measurement: 'cpu', where: { os: 'linux' } }))
  .withAnnotation(deployAnnotation({ environmentVariable: 'environment' }))
  .withLink('Runbooks', 'https://github.com/Calvinverse/calvin/tree/main/runbooks')
  .withRow(
    row('About').panels([
      text('How to use this dashboard')
        .height(3)
        .content(
          'One row per concern across all nodes of `$environment`. For one service run `calvin diagnose SERVICE --env $environment` (SERVICE: a Consul service name or alias).',
        ),
    ]),
  )
  .withRow(
    row('Nodes').panels([
      table('Fullest mounts').withQuery(
        influx(SYSTEM_DATABASE, 'disk')
          .select('used_percent')
          .last()
          .as('used %')
          .whereVariable('environment')
          .whereVariable('host')
          .groupBy('host', 'path')
          .timeFilter(true),
      ),
      timeseries('CPU busy by category')
        .unit('percent')
        .withQuery(
          influx(SYSTEM_DATABASE, 'cpu')
            .select('usage_idle')
            .mean()
            .invert(100)
            .where('cpu')
            .eq('cpu-total')
            .whereVariable('environment')
            .groupByTime('$__interval')
            .groupBy('category')
            .fill('null')
            .alias('$tag_category'),
        ),
      timeseries('Memory used by host')
        .unit('percent')
        .withQuery(
          influx(SYSTEM_DATABASE, 'mem')
            .select('used_percent')
            .mean()
            .whereVariable('environment')
            .whereVariable('host')
            .groupByTime('$__interval')
            .groupBy('host')
            .fill('null')
            .alias('$tag_host'),
        ),
    ]),
  )
  .withRow(
    row('Logs').panels([
      logCount('Errors and warnings by host')
        .width(24)
        .logQuery({ query: luceneAnyOf('log.level', ['error', 'warn']), groupBy: 'host.name' }),
    ]),
  )
  .build();
