/**
 * Who served the service over the baseline and the window, current instances or not (immutable
 * infrastructure replaces nodes): every host whose Telegraf `system` metrics carry the service's
 * `service` tag, plus the current instances' nodes. Per host the first and last bucket with a
 * point, and the `version` / `image` tags of its metrics. One InfluxQL query; pure here.
 */
import { exactMatchPattern, renderInfluxQL } from '../define/influxql.js';
import type { TagCondition } from '../define/types.js';
import type { InfluxSeries } from './parse.js';
import type { Windows } from './queries.js';

export type { NodeHistory } from './collected.js';
import type { NodeHistory } from './collected.js';
import { isoOfMs } from './iso-time.js';

const MEASUREMENT = 'system';
const FIELD = 'uptime';

export function historyQuery(database: string, service: string, nodes: string[], w: Windows): string {
  const where: TagCondition[] = [{ key: 'service', op: '=', value: { kind: 'literal', value: service } }];
  if (nodes.length > 0)
    where.push({ key: 'host', op: '=~', value: { kind: 'regex', pattern: exactMatchPattern(nodes) }, join: 'OR' });
  return renderInfluxQL({
    kind: 'influxql',
    database,
    measurement: MEASUREMENT,
    select: [{ field: FIELD, functions: [{ fn: 'count' }] }],
    where,
    timeFilter: false,
    timeRange: { from: w.baseline.from, to: w.window.to },
    groupByTime: `${Math.round(w.bucketMs / 1000)}s`,
    groupByTags: ['host', 'version', 'image'],
    fill: 'none',
  });
}

function isoOf(raw: unknown): string | null {
  const ms = typeof raw === 'number' ? raw : typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
  return Number.isFinite(ms) ? isoOfMs(ms) : null;
}

/** Per host: first and last bucket with points, and the version its metrics carried last. */
export function historyFromInflux(series: InfluxSeries[]): NodeHistory[] {
  const byNode = new Map<string, NodeHistory & { versionAt?: string }>();
  for (const s of series) {
    const node = s.tags?.host;
    if (typeof node !== 'string' || node === '') continue;
    const columns = Array.isArray(s.columns) ? s.columns : [];
    const timeAt = Math.max(0, columns.indexOf('time'));
    const times = (Array.isArray(s.values) ? s.values : [])
      .flatMap((row) => {
        if (!Array.isArray(row)) return [];
        const t = isoOf(row[timeAt]);
        return t && typeof row[timeAt === 0 ? 1 : 0] === 'number' && (row[timeAt === 0 ? 1 : 0] as number) > 0
          ? [t]
          : [];
      })
      .sort();
    const first = times[0];
    const last = times[times.length - 1];
    if (!first || !last) continue;
    const version = s.tags?.version || s.tags?.image || undefined;
    const h = byNode.get(node) ?? { node, first, last };
    if (first < h.first) h.first = first;
    if (last > h.last) h.last = last;
    if (version && (!h.versionAt || last >= h.versionAt)) {
      h.version = version;
      h.versionAt = last;
    }
    byNode.set(node, h);
  }
  return [...byNode.values()]
    .map(({ versionAt: _at, ...h }) => h)
    .sort((a, b) => a.first.localeCompare(b.first) || a.node.localeCompare(b.node));
}
