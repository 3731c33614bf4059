/** The deploy model: desired objects (from artifacts), live objects (from backends), a plan, and the drivers that apply it. */
import type { Endpoints } from '../backends/discover.js';

export type DeployTarget = 'grafana' | 'chronograf' | 'kapacitor' | 'elasticsearch' | 'consul-kv';
export const DEPLOY_TARGETS: readonly DeployTarget[] = [
  'elasticsearch',
  'consul-kv',
  'grafana',
  'chronograf',
  'kapacitor',
];

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
  /**
   * Set by rollback only: the handles the object had before the deploy (Consul KV flags), so that
   * restoring an adopted object also gives it back its own ownership marker instead of calvin's.
   */
  restoreRef?: LiveRef;
}

/** What exists in a backend. */
export interface LiveObject {
  kind: ObjectKind;
  name: string;
  body: unknown;
  /** Carries calvin's ownership marker. */
  managed: boolean;
  /** Backend handle: Chronograf id, Consul ModifyIndex and flags, Grafana version... */
  ref?: LiveRef;
}

export interface LiveRef {
  id?: string;
  modifyIndex?: number;
  /** Consul KV flags: calvin's marker, or whatever a hand-made key had. */
  flags?: number;
  version?: number;
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
  /**
   * One object as it is right now (undefined when absent). Apply calls it just before each write,
   * so that a change made between plan and apply stops the deploy instead of being overwritten.
   */
  read(kind: ObjectKind, name: string): Promise<LiveObject | undefined>;
  create(desired: DesiredObject): Promise<void>;
  update(desired: DesiredObject, live: LiveObject): Promise<void>;
  remove(live: LiveObject): Promise<void>;
  /** Count of writes this driver made (for reports). */
  writes(): number;
  /** Objects the driver created on the side, outside the plan (Grafana folders), e.g. "grafana/folder calvin". */
  sideEffects?(): string[];
}

export interface DeployIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** stderr (and stdin) are a terminal: show progress and ask for confirmation. */
  interactive: boolean;
  /** Asks a question on the terminal; undefined when there is none. */
  ask?(question: string): Promise<string | undefined>;
  color?: boolean;
}

export interface DeployScope {
  /** Prefix before every Consul key, lock included (tests isolate themselves with it). */
  kvRoot?: string;
  /** Only Elasticsearch templates with this name prefix are looked at (tests). */
  esNamePrefix?: string;
  /** Where `.calvin/backups` lives; default the project root. */
  backupRoot?: string;
  /** Endpoints to use instead of discovery (tests, embedding). */
  endpoints?: Endpoints;
  lockTtlSeconds?: number;
  lockPollMs?: number;
  now?: () => Date;
  commit?: string;
  who?: string;
}
