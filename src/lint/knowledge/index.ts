/** What lint knows about the environment: collectors, datasources, log fields. Built from the linted files. */
import type { Catalog } from '../../define/types.js';
import type { DatasourceFact } from './datasources.js';
import { CALVINVERSE_SYSLOG_FIELDS, DEFAULT_MEASUREMENTS, HIGH_CARDINALITY_TAGS, JENKINS_LOGSTASH_FIELDS, STANDARD_FIELDS } from './standard.js';
import type { CollectorFacts } from './telegraf.js';

export * from './standard.js';
export { scanTelegrafConfig, scanStatsdRules, statsdTemplatePattern, isTelegrafConfig, type CollectorFacts } from './telegraf.js';
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
}

export interface KnowledgeInputs {
  collectors?: CollectorFacts;
  collectorsScanned?: boolean;
  datasources?: DatasourceFact[];
  syslogFields?: string[];
  catalog?: Catalog;
}

export function buildKnowledge(inputs: KnowledgeInputs = {}): KnowledgeBase {
  const collectors: CollectorFacts = inputs.collectors ?? { measurements: new Set(), patterns: [] };
  const measurements = new Set<string>([...DEFAULT_MEASUREMENTS, ...collectors.measurements]);
  const fields = new Map<string, Set<string>>(Object.entries(STANDARD_FIELDS).map(([m, f]) => [m, new Set(f)]));
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
  return {
    collectors,
    collectorsScanned: inputs.collectorsScanned ?? false,
    datasources,
    inputFieldsByTag,
    highCardinalityTags: new Set(HIGH_CARDINALITY_TAGS),
    isKnownMeasurement: (name) => measurements.has(name) || collectors.patterns.some((re) => re.test(name)),
    fieldsOf: (m) => fields.get(m),
    datasourceByNameOrUid: (ref) => datasources.find((d) => d.name === ref || d.uid === ref),
  };
}
