/**
 * One Grafana InfluxDB target → a calvin Query. Typed when the typed query renders to the same
 * InfluxQL as the original (compared after normalisation); otherwise the original text is kept as a
 * RawInfluxQuery, which `calvin lint` flags for conversion. Nothing is ever silently changed.
 */
import type { InfluxQuery, Query } from '../define/types.js';
import { renderInfluxQL } from '../define/influxql.js';
import { editorTargetToTyped } from './editor-to-typed.js';
import { renderGrafanaEditorQuery } from './grafana-editor-query.js';
import type { GrafanaInfluxTarget } from './grafana-types.js';
import { normaliseInfluxQL } from '../lang/influxql/index.js';
import { parseSimpleInfluxQL } from './influxql-lower.js';

export interface ImportedQuery {
  query: Query;
  /** What Grafana executes for the original target (before variable interpolation). */
  original: string;
  typed: boolean;
}

function rendersTheSame(typed: InfluxQuery, original: string): boolean {
  try {
    return normaliseInfluxQL(renderInfluxQL(typed)) === normaliseInfluxQL(original);
  } catch {
    return false;
  }
}

export function importTarget(target: GrafanaInfluxTarget, database: string): ImportedQuery {
  const original = renderGrafanaEditorQuery(target).trim();
  const candidate = target.rawQuery ? parseSimpleInfluxQL(original, database) : editorTargetToTyped(target, database);
  const alias = target.alias ? { alias: target.alias } : {};
  if (candidate && rendersTheSame(candidate, original)) {
    return { query: { ...candidate, ...alias }, original, typed: true };
  }
  return { query: { kind: 'raw', database, text: original, ...alias }, original, typed: false };
}
