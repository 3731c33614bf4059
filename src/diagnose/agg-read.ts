/** Defensive readers of Elasticsearch aggregation answers: every field may be missing or mistyped. */

export type Agg = Record<string, unknown>;

export function obj(value: unknown): Agg {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Agg) : {};
}

export function buckets(value: unknown): Agg[] {
  const b = obj(value).buckets;
  return Array.isArray(b) ? b.map(obj) : [];
}

export function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

export function key(bucket: Agg): string {
  const k = bucket.key;
  return typeof k === 'string' ? k : typeof k === 'number' || typeof k === 'boolean' ? String(k) : '';
}

export function dateOf(agg: unknown): string {
  const o = obj(agg);
  if (typeof o.value_as_string === 'string' && !Number.isNaN(Date.parse(o.value_as_string)))
    return new Date(o.value_as_string).toISOString();
  return typeof o.value === 'number' ? new Date(o.value).toISOString() : '';
}

/** An ECS field of a `_source`, written dotted (`"host.name"`) or nested (`host: {name}`). */
export function textAt(doc: Agg, path: string): string {
  const dotted = doc[path];
  if (typeof dotted === 'string') return dotted;
  let cur: unknown = doc;
  for (const part of path.split('.')) cur = obj(cur)[part];
  return typeof cur === 'string' ? cur : '';
}

/** An answer of a (multi-)search that is Elasticsearch's error instead. */
export function isErrorAnswer(answer: unknown): boolean {
  return 'error' in obj(answer);
}

/** An answer some shards failed to give: what it counts is partial. */
export function hasFailedShards(answer: unknown): boolean {
  return num(obj(obj(answer)._shards).failed) > 0;
}
