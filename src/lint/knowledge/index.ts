/** What lint knows about the environment: collectors, datasources, log fields. Built from the linted files. */
import { DEFAULT_ENVIRONMENT, type EnvironmentModel } from '../../define/environment.js';
import { DATABASES_KV_PREFIX, environmentFromKv } from '../../define/environment-kv.js';
import type { Catalog } from '../../define/types.js';
import type { DatasourceFact } from './datasources.js';
import {
  CALVINVERSE_SYSLOG_FIELDS,
  DEFAULT_MEASUREMENTS,
  HIGH_CARDINALITY_TAGS,
  JENKINS_LOGSTASH_FIELDS,
  STANDARD_FIELDS,
  TELEGRAF_PLUGIN_MEASUREMENTS,
} from './standard.js';
import { resolveDatabase } from './telegraf.js';
import type { CollectorFacts, TelegrafRouting } from './telegraf.js';

export * from './standard.js';
export {
  readTelegrafConfig,
  scanStatsdRules,
  statsdTemplatePattern,
  isTelegrafConfig,
  scanKvValues,
  emptyRouting,
  resolveDatabase,
  type CollectorFacts,
  type TelegrafRouting,
} from './telegraf.js';
export { syslogNgJsonFields } from './syslog.js';
export { parseDatasourceProvisioning, isDatasourceProvisioning, type DatasourceFact } from './datasources.js';

export interface KnowledgeBase {
  collectors: CollectorFacts;
  /** Whether collector configs were part of the linted set (else only the defaults are known). */
  collectorsScanned: boolean;
  datasources: DatasourceFact[];
  /** Log fields per input tag: `logs.linux.syslog` → syslog JSON fields. */
  inputFieldsByTag: Map<string, Set<string>>;
  highCardinalityTags: Set<string>;
  isKnownMeasurement(name: string): boolean;
  /** Known fields of a measurement, when its field set is fixed. */
  fieldsOf(measurement: string): Set<string> | undefined;
  datasourceByNameOrUid(ref: string): DatasourceFact | undefined;
  /**
   * InfluxDB databases that the Telegraf configs of the linted set write a measurement to, or
   * undefined when that is not known for certain (no routed input produces it, or a route's
   * database cannot be resolved).
   */
  databasesOf(measurement: string): Set<string> | undefined;
  /**
   * The target environment: Calvinverse's model, with the database routes of KV manifests and the
   * datasources of provisioning files when the linted set has them (`--live` reads the real KV).
   */
  environment: EnvironmentModel;
}

export interface KnowledgeInputs {
  collectors?: CollectorFacts;
  collectorsScanned?: boolean;
  datasources?: DatasourceFact[];
  syslogFields?: string[];
  catalog?: Catalog;
  routing?: TelegrafRouting;
  /** Consul-KV values from the manifests of the set (resolve `{{ keyOrDefault "k" "d" }}`). */
  kv?: ReadonlyMap<string, string>;
}

/** Measurement → databases, from the routing tags of inputs and the tagpass of outputs. */
function databaseResolver(
  routing: TelegrafRouting | undefined,
  kv: ReadonlyMap<string, string>,
  isStandard: (m: string) => boolean,
): (m: string) => Set<string> | undefined {
  if (!routing) return () => undefined;
  const routeDbs = new Map<string, Set<string>>();
  const unresolved = new Set<string>();
  for (const o of routing.outputs) {
    const db = resolveDatabase(o.database, kv);
    for (const r of o.routes) {
      if (db === undefined) unresolved.add(r);
      else routeDbs.set(r, (routeDbs.get(r) ?? new Set<string>()).add(db));
    }
  }
  // A pattern names who *could* write a measurement, not who does: "fabio.* .host.measurement*"
  // matches every name, and vault's "consul_*" matches consul's own consul_health_checks. So only
  // patterns with a literal first segment count, only for names that no exact input produces and
  // that are not standard measurements (whose inputs may run unrouted, outside the linted set).
  const specific = (re: RegExp): boolean => /^\^[\w-]/.test(re.source);
  return (m) => {
    const routes = new Set<string>(routing.routesByName.get(m) ?? []);
    if (routes.size === 0 && !isStandard(m)) {
      for (const p of routing.routesByPattern)
        if (specific(p.re) && p.re.test(m)) for (const r of p.routes) routes.add(r);
      if (routing.statsdRulePatterns.some((re) => specific(re) && re.test(m)))
        for (const r of routing.statsdRoutes) routes.add(r);
    }
    if (routes.size === 0) return undefined;
    const dbs = new Set<string>();
    for (const r of routes) {
      const found = routeDbs.get(r);
      // A route no output resolves: its database is unknown, so the whole answer is.
      if (!found || unresolved.has(r)) return undefined;
      for (const d of found) dbs.add(d);
    }
    return dbs;
  };
}

/** Measurements of Telegraf's standard inputs and the default host set (see standard.ts). */
function isStandardMeasurement(m: string): boolean {
  if (DEFAULT_MEASUREMENTS.includes(m)) return true;
  return Object.values(TELEGRAF_PLUGIN_MEASUREMENTS).some((names) =>
    names.some((n) => (n.endsWith('*') ? m.startsWith(n.slice(0, -1)) : m === n)),
  );
}

export function buildKnowledge(inputs: KnowledgeInputs = {}): KnowledgeBase {
  const collectors: CollectorFacts = inputs.collectors ?? { measurements: new Set(), patterns: [] };
  const measurements = new Set<string>([...DEFAULT_MEASUREMENTS, ...collectors.measurements]);
  const fields = new Map<string, Set<string>>(Object.entries(STANDARD_FIELDS).map(([m, f]) => [m, new Set(f)]));
  const collectorsScanned = inputs.collectorsScanned ?? false;
  // Without any collector config in the linted set (a dashboards folder linted alone), calvin cannot
  // tell which inputs run, so every standard Telegraf input plugin's measurements count as produced
  // (elasticsearch_*, influxdb_*, rabbitmq_*, ...). With configs, only what they enable counts.
  const standardPrefixes: RegExp[] = [];
  if (!collectorsScanned) {
    for (const names of Object.values(TELEGRAF_PLUGIN_MEASUREMENTS)) {
      for (const n of names) {
        if (n.endsWith('*'))
          standardPrefixes.push(new RegExp(`^${n.slice(0, -1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
        else measurements.add(n);
      }
    }
  }
  const catalog = inputs.catalog;
  for (const s of catalog?.services ?? []) {
    for (const m of s.metrics.measurements) measurements.add(m);
    for (const sig of s.metrics.signals) measurements.add(sig.measurement);
  }
  const inputFieldsByTag = new Map<string, Set<string>>([
    ['logs.linux.syslog', new Set(inputs.syslogFields ?? CALVINVERSE_SYSLOG_FIELDS)],
    ['logs.builds', new Set(JENKINS_LOGSTASH_FIELDS)],
  ]);
  const datasources = inputs.datasources ?? [];
  const environment = environmentOf(inputs.kv ?? new Map(), datasources);
  return {
    environment,
    collectors,
    collectorsScanned,
    datasources,
    inputFieldsByTag,
    highCardinalityTags: new Set(HIGH_CARDINALITY_TAGS),
    isKnownMeasurement: (name) =>
      measurements.has(name) ||
      collectors.patterns.some((re) => re.test(name)) ||
      standardPrefixes.some((re) => re.test(name)),
    fieldsOf: (m) => fields.get(m),
    datasourceByNameOrUid: (ref) => datasources.find((d) => d.name === ref || d.uid === ref),
    databasesOf: databaseResolver(inputs.routing, inputs.kv ?? new Map(), isStandardMeasurement),
  };
}

/** The environment a linted set describes, falling back to the checked-in model for what it lacks. */
function environmentOf(kv: ReadonlyMap<string, string>, datasources: readonly DatasourceFact[]): EnvironmentModel {
  const routed = [...kv.keys()].some((k) => k.startsWith(DATABASES_KV_PREFIX));
  return {
    databases: routed ? environmentFromKv(kv).databases : DEFAULT_ENVIRONMENT.databases,
    retentionPolicy: DEFAULT_ENVIRONMENT.retentionPolicy,
    datasources:
      datasources.length === 0
        ? DEFAULT_ENVIRONMENT.datasources
        : datasources.map((d) => ({
            key: d.name,
            name: d.name,
            type: d.type,
            ...(d.database === undefined ? {} : { database: d.database }),
            ...(d.uid === undefined ? {} : { uid: d.uid }),
          })),
  };
}
