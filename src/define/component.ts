/**
 * Component bundles (kubernetes-mixin style): a service's definitions side by side, built from one
 * config object, plus `withRunbooks`, the single transform that sets every alert's runbook URL.
 */
import type { Buildable } from './builder.js';
import { definitionError, resolve } from './builder.js';
import type { AlertDef, DashboardDef, Definition, IndexTemplateDef, LogFilterDef, ServiceDef } from './types.js';

export interface ComponentParts<C> {
  config: C;
  service: (config: C) => Buildable<ServiceDef>;
  dashboards?: (config: C) => Buildable<DashboardDef>[];
  alerts?: (config: C) => Buildable<AlertDef>[];
  logFilters?: (config: C) => Buildable<LogFilterDef>[];
  indexTemplates?: (config: C) => Buildable<IndexTemplateDef>[];
}

/** Builds every part with the same config; dashboards, alerts and filters default to the service. */
export function component<C>(parts: ComponentParts<C>): Definition[] {
  const svc = resolve(parts.service(parts.config));
  const owned = <T extends { service?: string; id: string }>(items: T[], kind: string): T[] => {
    for (const item of items) {
      if (item.service !== undefined && item.service !== svc.id) {
        throw definitionError(
          `${kind} "${item.id}" belongs to service "${item.service}" but sits in component "${svc.id}".`,
          'Move it to its own component or fix its service.',
        );
      }
    }
    return items.map((item) => ({ ...item, service: svc.id }));
  };
  return [
    svc,
    ...owned((parts.dashboards?.(parts.config) ?? []).map(resolve), 'Dashboard'),
    ...owned((parts.alerts?.(parts.config) ?? []).map(resolve), 'Alert'),
    ...owned((parts.logFilters?.(parts.config) ?? []).map(resolve), 'Log filter'),
    ...(parts.indexTemplates?.(parts.config) ?? []).map(resolve),
  ];
}

/** Sets `runbook.url` from a pattern such as `https://wiki/runbooks/{{id}}` (`{{id}}` = alert id). */
export function withRunbooks(alerts: Buildable<AlertDef>[], urlPattern: string): AlertDef[] {
  if (!urlPattern.includes('{{id}}'))
    throw definitionError(
      `Runbook URL pattern "${urlPattern}" has no {{id}}.`,
      'Include {{id}} where the alert id goes.',
    );
  return alerts.map((a) => {
    const built = resolve(a);
    return {
      ...built,
      runbook: { ...built.runbook, url: urlPattern.replaceAll('{{id}}', encodeURIComponent(built.id)) },
    };
  });
}
