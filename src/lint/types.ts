/**
 * The lint engine's contracts, in the ESLint style: a rule is `meta` + `create(context)` returning
 * visitors keyed by node kind; the engine walks every input once and dispatches.
 */
import type { AlertDef, DashboardDef, IndexTemplateDef, LogFilterDef, ServiceDef } from '../define/types.js';
import type { QueryFacts, Statement } from '../lang/influxql/index.js';
import type * as LS from '../lang/logstash/ast.js';
import type { KnowledgeBase } from './knowledge/index.js';
import type { LiveFacts } from './live/facts.js';

export type Severity = 'error' | 'warning';

/** Where a node sits: a file (artifact or definition source) and a 1-based line/column. */
export interface Located {
  file: string;
  line: number;
  column: number;
}

// ---------------------------------------------------------------------------------------------
// Nodes the engine dispatches

export interface GrafanaDashboardNode extends Located {
  kind: 'grafana-dashboard';
  uid?: string;
  title: string;
  json: Record<string, unknown>;
  /** Variable names referenced anywhere in the dashboard ($x, ${x}, [[x]], repeat: x) → first use. */
  referencedVariables: Map<string, { line: number; column: number }>;
  variables: GrafanaVariableNode[];
  panels: GrafanaPanelNode[];
  /** From a typed definition rather than a raw file. */
  fromDefinition: boolean;
}

export interface GrafanaPanelNode extends Located {
  kind: 'grafana-panel';
  dashboard: GrafanaDashboardNode;
  id?: number;
  type: string;
  title: string;
  /** Datasource name or uid as written; null when the panel relies on the default. */
  datasource: string | null;
  targetCount: number;
  queries: InfluxQLNode[];
  json: Record<string, unknown>;
}

export interface GrafanaVariableNode extends Located {
  kind: 'grafana-variable';
  dashboard: GrafanaDashboardNode;
  name: string;
  type: string;
  datasource: string | null;
}

export interface GrafanaAlertNode extends Located {
  kind: 'grafana-alert';
  panel: GrafanaPanelNode;
  name: string;
  message: string;
  /** Panel links, alert message and description text: where a runbook link could be. */
  runbookText: string[];
  /** Measurements of the queries the alert conditions evaluate. */
  measurements: string[];
}

export interface InfluxQLNode extends Located {
  kind: 'influxql';
  /** Query text as written (raw) or rendered from a builder; undefined for typed definitions. */
  text?: string;
  statements: Statement[];
  facts: QueryFacts[];
  /** Syntax error with a position in `text`. */
  error?: { message: string; offset: number };
  /** Datasource name (Grafana) or database (definitions), when known. */
  datasource: string | null;
  database?: string;
  origin: 'grafana-target' | 'grafana-variable' | 'definition' | 'alert';
  /** The dashboard the query belongs to, if any. */
  dashboard?: GrafanaDashboardNode;
  /** Convert a position inside `text` into a file location (raw JSON strings map to their key). */
  locate(offset: number): { line: number; column: number };
}

export interface LogstashFileNode extends Located {
  kind: 'logstash-file';
  text: string;
  config: LS.Config;
  errors: LS.ParseError[];
  /** Files in the same folder form one pipeline (Calvinverse concatenates them). */
  pipeline: string;
}

/** A plugin with its place: section and the conditions that guard it. */
export interface LogstashPluginNode extends Located {
  kind: 'logstash-plugin';
  file: string;
  plugin: LS.Plugin;
  section: LS.SectionKind | 'none';
  guards: LS.Condition[];
  pipeline: string;
}

export interface LogstashConditionNode extends Located {
  kind: 'logstash-condition';
  condition: LS.Condition;
  section: LS.SectionKind | 'none';
  /** Conditions of enclosing branches (outermost first). */
  guards: LS.Condition[];
  pipeline: string;
}

export interface EsTemplateNode extends Located {
  kind: 'es-template';
  name: string;
  patterns: string[];
  priority: number | undefined;
  /** Composable (`_index_template`: priority, template, composed_of, data_stream) or legacy (`_template`: order). */
  composable: boolean;
  /** `order` of a legacy template. */
  order?: number;
  /** Flat dotted field → mapping type. */
  fieldTypes: Map<string, { type: string; line: number; column: number }>;
  fromDefinition: boolean;
}

export interface TickscriptNode extends Located {
  kind: 'tickscript';
  text: string;
}

/** One `|alert()` of a hand-written TICKscript (located at the alert node). */
export interface TickscriptAlertNode extends Located {
  kind: 'tickscript-alert';
  tickscript: TickscriptNode;
  /** `.id('...')` of the alert, else the script's file name. */
  name: string;
  /** What the alert's chain reads: `.measurement('m')` or the FROM of a batch query. */
  measurement?: string;
  measurementAt?: { line: number; column: number };
  /** `.message()` and `.details()` texts: where a runbook link belongs. */
  texts: string[];
}

export interface ManifestNode extends Located {
  kind: 'kv-manifest';
  /** Entries `{ key, file }` with the line of `file:`. */
  entries: { key: string; file: string; line: number; column: number }[];
  /** Folder the manifest's `file:` paths are relative to. */
  baseDir: string;
  /** Sibling files that exist below baseDir (relative, POSIX). */
  existing: Set<string>;
}

export interface DefinitionNode<K extends string, D> extends Located {
  kind: K;
  definition: D;
  /** Where a string (measurement, field, name) is written in the definition's source file, if known. */
  locate?: (needle: string) => { line: number; column: number } | undefined;
}

export type AlertDefNode = DefinitionNode<'alert-def', AlertDef>;
export type DashboardDefNode = DefinitionNode<'dashboard-def', DashboardDef>;
export type LogFilterDefNode = DefinitionNode<'log-filter-def', LogFilterDef>;
export type IndexTemplateDefNode = DefinitionNode<'index-template-def', IndexTemplateDef>;
export type ServiceDefNode = DefinitionNode<'service-def', ServiceDef>;

/** Visited once, after every other node: for rules that compare across files. */
export interface ProjectNode extends Located {
  kind: 'project';
  project: LintProject;
}

export interface NodeMap {
  'grafana-dashboard': GrafanaDashboardNode;
  'grafana-panel': GrafanaPanelNode;
  'grafana-variable': GrafanaVariableNode;
  'grafana-alert': GrafanaAlertNode;
  influxql: InfluxQLNode;
  'logstash-file': LogstashFileNode;
  'logstash-plugin': LogstashPluginNode;
  'logstash-condition': LogstashConditionNode;
  'es-template': EsTemplateNode;
  tickscript: TickscriptNode;
  'tickscript-alert': TickscriptAlertNode;
  'kv-manifest': ManifestNode;
  'alert-def': AlertDefNode;
  'dashboard-def': DashboardDefNode;
  'log-filter-def': LogFilterDefNode;
  'index-template-def': IndexTemplateDefNode;
  'service-def': ServiceDefNode;
  project: ProjectNode;
}

export type NodeKind = keyof NodeMap;
export type LintNode = NodeMap[NodeKind];

// ---------------------------------------------------------------------------------------------
// Project: everything parsed, shared read-only with rules

/** A file lint did not check: never reported as clean. */
export interface SkippedFile {
  file: string;
  reason: string;
}

export interface LintProject {
  dashboards: GrafanaDashboardNode[];
  queries: InfluxQLNode[];
  alerts: GrafanaAlertNode[];
  logstash: LogstashFileNode[];
  plugins: LogstashPluginNode[];
  conditions: LogstashConditionNode[];
  templates: EsTemplateNode[];
  tickscripts: TickscriptNode[];
  tickscriptAlerts: TickscriptAlertNode[];
  manifests: ManifestNode[];
  alertDefs: AlertDefNode[];
  dashboardDefs: DashboardDefNode[];
  logFilterDefs: LogFilterDefNode[];
  indexTemplateDefs: IndexTemplateDefNode[];
  serviceDefs: ServiceDefNode[];
  /** Files that could not be checked at all, with the reason (listed by every formatter; exit 2). */
  skipped: SkippedFile[];
  /** Files that could not be parsed at all (reported by the `parse-error` rule). */
  unparsable: (Located & { message: string })[];
  knowledge: KnowledgeBase;
  live?: LiveFacts;
  /** Injected: whether a path exists (patterns_dir). */
  fileExists: (path: string) => boolean;
}

// ---------------------------------------------------------------------------------------------
// Rules

export interface RuleMeta {
  id: string;
  type: 'problem' | 'suggestion';
  severity: Severity;
  docs: { description: string /** What to do about a finding. */; hint: string };
  messages: Record<string, string>;
}

export interface ReportDescriptor {
  node: Located;
  messageId: string;
  data?: Record<string, string | number>;
  line?: number;
  column?: number;
}

export interface RuleContext {
  readonly project: LintProject;
  readonly knowledge: KnowledgeBase;
  report(descriptor: ReportDescriptor): void;
}

export type Visitors = { [K in NodeKind]?: (node: NodeMap[K]) => void };

export interface LintRule {
  meta: RuleMeta;
  create(context: RuleContext): Visitors;
}

// ---------------------------------------------------------------------------------------------
// Results (ESLint-like; formatters read these)

export interface LintMessage {
  ruleId: string;
  messageId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
}
