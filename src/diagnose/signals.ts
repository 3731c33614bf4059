/**
 * The signals diagnose watches: the service definition's own, plus generic host signals that every
 * Calvinverse node reports through Telegraf (so any Consul service can be diagnosed).
 */
import type { ServiceDef } from '../define/types.js';
import type { WatchedSignal } from './collected.js';

export function hostSignals(systemDatabase: string): WatchedSignal[] {
  return [
    {
      name: 'cpu.used_percent',
      title: 'CPU',
      database: systemDatabase,
      measurement: 'cpu',
      field: 'usage_idle',
      aggregate: 'mean',
      where: { cpu: 'cpu-total' },
      invert: 100,
      unit: 'percent',
      worseWhen: 'higher',
      warning: 85,
      critical: 95,
    },
    {
      name: 'mem.used_percent',
      title: 'memory',
      database: systemDatabase,
      measurement: 'mem',
      field: 'used_percent',
      aggregate: 'mean',
      unit: 'percent',
      worseWhen: 'higher',
      warning: 90,
      critical: 97,
    },
    {
      name: 'disk.used_percent',
      title: 'disk',
      database: systemDatabase,
      measurement: 'disk',
      field: 'used_percent',
      aggregate: 'max',
      unit: 'percent',
      worseWhen: 'higher',
      warning: 85,
      critical: 95,
      splitBy: 'path',
    },
    {
      name: 'system.load1',
      title: 'load',
      database: systemDatabase,
      measurement: 'system',
      field: 'load1',
      aggregate: 'mean',
      unit: 'short',
      worseWhen: 'higher',
    },
    {
      name: 'system.uptime',
      title: 'uptime',
      database: systemDatabase,
      measurement: 'system',
      field: 'uptime',
      aggregate: 'min',
      unit: 'seconds',
      worseWhen: 'lower',
    },
  ];
}

/** Service signals first; a generic signal is dropped when the service watches the same field. */
export function watchedSignals(def: ServiceDef | undefined, systemDatabase: string): WatchedSignal[] {
  // A disk signal over every mount is watched per mount: "disk /srv 99%" says where to look.
  const own: WatchedSignal[] = (def?.metrics.signals ?? []).map((s) =>
    s.measurement === 'disk' && s.where?.path === undefined ? { ...s, splitBy: 'path' } : { ...s },
  );
  const generic = hostSignals(systemDatabase).filter(
    (g) =>
      !own.some(
        (s) =>
          s.measurement === g.measurement &&
          s.field === g.field &&
          s.database === g.database &&
          sameWhere(s.where, g.where),
      ),
  );
  const names = new Set<string>();
  return [...own, ...generic].filter((s) => (names.has(s.name) ? false : (names.add(s.name), true)));
}

function sameWhere(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  // A service signal on disk path /srv replaces the generic all-paths disk signal only for that path;
  // keep the generic one when the filters differ so other volumes are still watched.
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
}
