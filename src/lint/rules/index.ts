/** The registry of lint rules: one module per rule, in id order. */
import type { LintRule } from '../types.js';
import { rule as alertMeasurementNotOnDashboard } from './alert-measurement-not-on-dashboard.js';
import { rule as alertUnknownMeasurement } from './alert-unknown-measurement.js';
import { rule as alertWithoutRunbook } from './alert-without-runbook.js';
import { rule as chronografNoteRewritten } from './chronograf-note-rewritten.js';
import { rule as chronografSingleValueVariable } from './chronograf-single-value-variable.js';
import { rule as esTemplateOverlap } from './es-template-overlap.js';
import { rule as esTemplatePriority } from './es-template-priority.js';
import { rule as grafanaAlertWithoutRunbook } from './grafana-alert-without-runbook.js';
import { rule as grafanaDuplicatePanelId } from './grafana-duplicate-panel-id.js';
import { rule as grafanaDuplicateUid } from './grafana-duplicate-uid.js';
import { rule as grafanaLegacyAnnotation } from './grafana-legacy-annotation.js';
import { rule as grafanaMeasurementWrongDatabase } from './grafana-measurement-wrong-database.js';
import { rule as grafanaMissingDatasource } from './grafana-missing-datasource.js';
import { rule as grafanaMissingUid } from './grafana-missing-uid.js';
import { rule as grafanaPanelWithoutTargets } from './grafana-panel-without-targets.js';
import { rule as grafanaUndefinedVariable } from './grafana-undefined-variable.js';
import { rule as grafanaUnknownDatasource } from './grafana-unknown-datasource.js';
import { rule as grafanaUnknownField } from './grafana-unknown-field.js';
import { rule as grafanaUnknownMeasurement } from './grafana-unknown-measurement.js';
import { rule as grafanaUnresolvedDatasource } from './grafana-unresolved-datasource.js';
import { rule as grafanaUnusedVariable } from './grafana-unused-variable.js';
import { rule as influxUnknownDatabase } from './influx-unknown-database.js';
import { rule as influxqlGroupByTimeFill } from './influxql-group-by-time-fill.js';
import { rule as influxqlHighCardinalityRegex } from './influxql-high-cardinality-regex.js';
import { rule as influxqlNoTimeFilter } from './influxql-no-time-filter.js';
import { rule as influxqlRawQuery } from './influxql-raw-query.js';
import { rule as influxqlSyntax } from './influxql-syntax.js';
import { rule as liveEnvironmentModel } from './live-environment-model.js';
import { rule as liveInfluxSchema } from './live-influx-schema.js';
import { rule as liveLogFields } from './live-log-fields.js';
import { rule as logFieldTypeConflict } from './log-field-type-conflict.js';
import { rule as logstashGrokBracketAlternation } from './logstash-grok-bracket-alternation.js';
import { rule as logstashGrokNestedQuantifier } from './logstash-grok-nested-quantifier.js';
import { rule as logstashGrokPattern } from './logstash-grok-pattern.js';
import { rule as logstashGrokWithoutMatch } from './logstash-grok-without-match.js';
import { rule as logstashIndexName } from './logstash-index-name.js';
import { rule as logstashOutsideSection } from './logstash-outside-section.js';
import { rule as logstashPatternsDir } from './logstash-patterns-dir.js';
import { rule as logstashSyntax } from './logstash-syntax.js';
import { rule as logstashTagNeverAdded } from './logstash-tag-never-added.js';
import { rule as logstashUnknownField } from './logstash-unknown-field.js';
import { rule as logstashUnroutedTag } from './logstash-unrouted-tag.js';
import { rule as manifestMissingFile } from './manifest-missing-file.js';
import { rule as manifestUnlistedFile } from './manifest-unlisted-file.js';
import { rule as parseError } from './parse-error.js';
import { rule as tickscriptSyntax } from './tickscript-syntax.js';

export const RULES: readonly LintRule[] = [
  alertMeasurementNotOnDashboard,
  alertUnknownMeasurement,
  alertWithoutRunbook,
  chronografNoteRewritten,
  chronografSingleValueVariable,
  esTemplateOverlap,
  esTemplatePriority,
  grafanaAlertWithoutRunbook,
  grafanaDuplicatePanelId,
  grafanaDuplicateUid,
  grafanaLegacyAnnotation,
  grafanaMeasurementWrongDatabase,
  grafanaMissingDatasource,
  grafanaMissingUid,
  grafanaPanelWithoutTargets,
  grafanaUndefinedVariable,
  grafanaUnknownDatasource,
  grafanaUnknownField,
  grafanaUnknownMeasurement,
  grafanaUnresolvedDatasource,
  grafanaUnusedVariable,
  influxUnknownDatabase,
  influxqlGroupByTimeFill,
  influxqlHighCardinalityRegex,
  influxqlNoTimeFilter,
  influxqlRawQuery,
  influxqlSyntax,
  liveEnvironmentModel,
  liveInfluxSchema,
  liveLogFields,
  logFieldTypeConflict,
  logstashGrokBracketAlternation,
  logstashGrokNestedQuantifier,
  logstashGrokPattern,
  logstashGrokWithoutMatch,
  logstashIndexName,
  logstashOutsideSection,
  logstashPatternsDir,
  logstashSyntax,
  logstashTagNeverAdded,
  logstashUnknownField,
  logstashUnroutedTag,
  manifestMissingFile,
  manifestUnlistedFile,
  parseError,
  tickscriptSyntax,
];

export function ruleById(id: string): LintRule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
