/**
 * Dashboard presets for Calvinverse services: the host row every service shows, the log-count
 * panel, and `serviceDashboard`, which starts a dashboard with the standard variables ($environment,
 * $host from tag values), deploy annotations and runbook links of a service.
 */
import {
  dashboard,
  deployAnnotation,
  environmentVariable,
  hostVariable,
  logCount,
  row,
  timeseries,
} from './dashboard.js';
import type { DashboardBuilder, RowBuilder } from './dashboard.js';
import { luceneAnyOf, luceneAnd } from './lucene.js';
import { SYSTEM_DATABASE } from './presets.js';
import { influx } from './query-builder.js';
import type { InfluxQueryBuilder } from './query-builder.js';
import type { ServiceDef } from './types.js';

/** A query on `database`.`measurement` for the dashboard's `$host` and `$environment`, grouped by host. */
export function perHost(
  database: string,
  measurement: string,
  tagFilters: Record<string, string> = {},
): InfluxQueryBuilder {
  return influx(database, measurement)
    .whereVariable('environment')
    .whereVariable('host')
    .whereTags(tagFilters)
    .groupByTime('$__interval')
    .groupBy('host')
    .fill('null')
    .alias('$tag_host');
}

/** CPU busy, memory, disk and load of the selected hosts (Telegraf `system` database). */
export function hostRow(tagFilters: Record<string, string> = {}): RowBuilder {
  return row('Host').panels([
    timeseries('CPU busy')
      .unit('percent')
      .min(0)
      .max(100)
      .withQuery(
        perHost(SYSTEM_DATABASE, 'cpu', { ...tagFilters, cpu: 'cpu-total' })
          .select('usage_idle')
          .mean()
          .invert(100),
      ),
    timeseries('Memory used')
      .unit('percent')
      .min(0)
      .max(100)
      .withQuery(perHost(SYSTEM_DATABASE, 'mem', tagFilters).select('used_percent').mean()),
    timeseries('Disk used')
      .unit('percent')
      .min(0)
      .max(100)
      .withQuery(
        perHost(SYSTEM_DATABASE, 'disk', tagFilters)
          .select('used_percent')
          .max()
          .groupBy('path')
          .alias('$tag_host $tag_path'),
      ),
    timeseries('Load (1 min)')
      .unit('short')
      .withQuery(perHost(SYSTEM_DATABASE, 'system', tagFilters).select('load1').mean()),
  ]);
}

/** Log lines per level for the service's `service.name` values (Elasticsearch). */
export function serviceLogsPanel(svc: ServiceDef): ReturnType<typeof logCount> {
  const clauses = [
    svc.logs.serviceNames.length > 0
      ? luceneAnyOf('service.name', svc.logs.serviceNames)
      : luceneAnyOf('process.name', svc.logs.processNames),
  ];
  return logCount(`${svc.title} log lines by level`)
    .width(24)
    .logQuery({ indexPattern: svc.logs.indexPattern, query: luceneAnd(...clauses), groupBy: 'log.level' });
}

/**
 * Starts a dashboard for a service: tags, $environment and $host (tag values narrowed by the
 * service's tag filters), deploy annotations, runbook links, the host row and the log row.
 * Add service rows with withRow(...) afterwards; the host and log rows come first.
 */
export function serviceDashboard(svc: ServiceDef, options: { id?: string; title?: string } = {}): DashboardBuilder {
  const d = dashboard(options.id ?? `${svc.id}-overview`, options.title ?? svc.title)
    .service(svc.id)
    .folder('Calvinverse')
    .refresh('1m')
    .withVariable(environmentVariable())
    .withVariable(hostVariable({ database: SYSTEM_DATABASE, measurement: 'cpu', where: svc.metrics.tagFilters }))
    .withAnnotation(deployAnnotation({ environmentVariable: 'environment' }))
    .withRow(hostRow(svc.metrics.tagFilters))
    .withRow(row('Logs').withPanel(serviceLogsPanel(svc)));
  for (const link of svc.runbooks) d.withLink(link.title, link.url);
  return d;
}
