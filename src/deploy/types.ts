/** The deploy model: desired objects (from artifacts), live objects (from backends), a plan, and the drivers that apply it. */

export type DeployTarget = 'grafana' | 'chronograf' | 'kapacitor' | 'elasticsearch' | 'consul-kv';
export const DEPLOY_TARGETS: readonly DeployTarget[] = ['elasticsearch', 'consul-kv', 'grafana', 'chronograf', 'kapacitor'];

export type ObjectKind =
  | 'elasticsearch/component-template'
  | 'elasticsearch/index-template'
  | 'consul-kv/key'
  | 'grafana/dashboard'
  | 'chronograf/dashboard'
  | 'kapacitor/task';

/** Apply order: component templates before the index templates that compose them. Deletes run in reverse. */
export const KIND_ORDER: readonly ObjectKind[] = [
  'elasticsearch/component-template',
  'elasticsearch/index-template',
  'consul-kv/key',
  'grafana/dashboard',
  'chronograf/dashboard',
  'kapacitor/task',
];

export function targetOfKind(kind: ObjectKind): DeployTarget {
  return kind.slice(0, kind.indexOf('/')) as DeployTarget;
}

/** What calvin wants to exist. `body` is what the backend API receives (normalised for comparison). */
export interface DesiredObject {
  kind: ObjectKind;
  name: string;
  body: unknown;
  /** Definition the object came from (for messages). */
  definitionId?: string;
}

/** What exists in a backend. */
export interface LiveObject {
  kind: ObjectKind;
  name: string;
  body: unknown;
  /** Carries calvin's ownership marker. */
  managed: boolean;
  /** Backend handle: Chronograf id, Consul ModifyIndex, Grafana version... */
  ref?: { id?: string; modifyIndex?: number; version?: number };
}

export type PlanAction = 'create' | 'update' | 'delete' | 'unchanged';

export interface PlanItem {
  action: PlanAction;
  kind: ObjectKind;
  name: string;
  /** Unified diff of the normalised JSON/text ('' when unchanged). */
  diff: string;
  /** Top-level fields that differ, for the one-line summary. */
  changedFields: string[];
  /** Why, in a few words (e.g. "no longer defined", "adopts an object calvin did not create"). */
  note?: string;
  desired?: DesiredObject;
  live?: LiveObject;
}

export interface PlanSummary {
  create: number;
  update: number;
  delete: number;
  unchanged: number;
}

export interface Plan {
  environment: string;
  items: PlanItem[];
  summary: PlanSummary;
  /** Live objects that are not calvin's and were left alone (counted, never touched). */
  foreignSkipped: number;
  prune: boolean;
  /** Calvin-managed objects no longer defined, left in place because --prune was not given. */
  orphaned: { kind: ObjectKind; name: string }[];
}

/** One backend's view and writes; implemented in src/backends/*. Drivers never decide, they only do. */
export interface TargetDriver {
  target: DeployTarget;
  /** Live objects: every calvin-managed one plus any object whose name is wanted (managed or not). */
  list(wanted: readonly DesiredObject[]): Promise<{ objects: LiveObject[]; foreign: number }>;
  create(desired: DesiredObject): Promise<void>;
  update(desired: DesiredObject, live: LiveObject): Promise<void>;
  remove(live: LiveObject): Promise<void>;
  /** Count of writes this driver made (for reports). */
  writes(): number;
}
