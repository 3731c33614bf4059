/** Pure planning: desired objects vs live objects → create | update | delete | unchanged, with diffs. */
import { createPatch } from 'diff';
import { comparableText, normalizeFor, sortKeys } from './normalize.js';
import {
  KIND_ORDER,
  type DesiredObject,
  type LiveObject,
  type ObjectKind,
  type Plan,
  type PlanItem,
  type PlanSummary,
} from './types.js';

export interface PlanInput {
  environment: string;
  desired: readonly DesiredObject[];
  live: readonly LiveObject[];
  /** Delete calvin-managed objects that are no longer defined. */
  prune: boolean;
  /** Foreign objects the drivers saw and left alone. */
  foreignSkipped?: number;
}

const key = (kind: ObjectKind, name: string): string => `${kind}\u0000${name}`;

/** Unified diff body without the file headers. */
export function textDiff(before: string, after: string): string {
  if (before === after) return '';
  const patch = createPatch('object', before, after, '', '', { context: 3 });
  return patch
    .split('\n')
    .slice(4)
    .filter((line) => line !== '\\ No newline at end of file')
    .join('\n')
    .replace(/\n+$/, '');
}

/** Top-level fields that differ between two normalised values (empty for text). */
export function changedFields(before: unknown, after: unknown): string[] {
  if (
    !before ||
    !after ||
    typeof before !== 'object' ||
    typeof after !== 'object' ||
    Array.isArray(before) ||
    Array.isArray(after)
  )
    return [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const fields = new Set([...Object.keys(b), ...Object.keys(a)]);
  const out: string[] = [];
  for (const field of [...fields].sort()) {
    if (JSON.stringify(sortKeys(b[field])) !== JSON.stringify(sortKeys(a[field]))) {
      // Grafana wraps the dashboard: name the dashboard's own fields.
      const nested = field === 'dashboard' ? changedFields(b[field], a[field]) : [];
      out.push(...(nested.length > 0 ? nested : [field]));
    }
  }
  return out;
}

function order(item: PlanItem): number {
  const rank = KIND_ORDER.indexOf(item.kind);
  // Deletes go last, in reverse kind order (index templates before the components they use).
  return item.action === 'delete' ? 100 + (KIND_ORDER.length - rank) : rank;
}

export function computePlan(input: PlanInput): Plan {
  const liveByKey = new Map<string, LiveObject>();
  for (const live of input.live) liveByKey.set(key(live.kind, live.name), live);
  const desiredKeys = new Set<string>();
  const items: PlanItem[] = [];

  for (const desired of input.desired) {
    const k = key(desired.kind, desired.name);
    if (desiredKeys.has(k)) continue; // duplicates were reported by lint; first one wins
    desiredKeys.add(k);
    const live = liveByKey.get(k);
    if (!live) {
      items.push({
        action: 'create',
        kind: desired.kind,
        name: desired.name,
        diff: textDiff('', comparableText(desired.kind, desired.body)),
        changedFields: [],
        desired,
      });
      continue;
    }
    const before = comparableText(desired.kind, live.body);
    const after = comparableText(desired.kind, desired.body);
    if (before === after) {
      items.push({
        action: 'unchanged',
        kind: desired.kind,
        name: desired.name,
        diff: '',
        changedFields: [],
        desired,
        live,
      });
    } else {
      items.push({
        action: 'update',
        kind: desired.kind,
        name: desired.name,
        diff: textDiff(before, after),
        changedFields: changedFields(normalizeFor(desired.kind, live.body), normalizeFor(desired.kind, desired.body)),
        ...(live.managed ? {} : { note: 'adopts an object calvin did not create' }),
        desired,
        live,
      });
    }
  }

  const orphaned: { kind: ObjectKind; name: string }[] = [];
  for (const live of input.live) {
    if (!live.managed || desiredKeys.has(key(live.kind, live.name))) continue;
    if (input.prune) {
      items.push({
        action: 'delete',
        kind: live.kind,
        name: live.name,
        diff: textDiff(comparableText(live.kind, live.body), ''),
        changedFields: [],
        note: 'no longer defined',
        live,
      });
    } else {
      orphaned.push({ kind: live.kind, name: live.name });
    }
  }

  items.sort((a, b) => order(a) - order(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const summary: PlanSummary = { create: 0, update: 0, delete: 0, unchanged: 0 };
  for (const item of items) summary[item.action] += 1;
  return {
    environment: input.environment,
    items,
    summary,
    foreignSkipped: input.foreignSkipped ?? 0,
    prune: input.prune,
    orphaned,
  };
}

/** Managed live objects that are no longer defined (what `--prune` would delete). */
export function orphans(desired: readonly DesiredObject[], live: readonly LiveObject[]): LiveObject[] {
  const wanted = new Set(desired.map((d) => key(d.kind, d.name)));
  return live.filter((l) => l.managed && !wanted.has(key(l.kind, l.name)));
}

export function hasChanges(plan: Plan): boolean {
  return plan.summary.create + plan.summary.update + plan.summary.delete > 0;
}
