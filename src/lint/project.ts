/**
 * Builds the LintProject from file contents and typed definitions: classify each file (extension
 * plus content sniffing), parse it once, and gather what the environment knows. Pure: the caller
 * reads the files and injects `fileExists`.
 */
import path from 'node:path';
import type { Catalog } from '../define/types.js';
import {
  buildKnowledge,
  isDatasourceProvisioning,
  isTelegrafConfig,
  parseDatasourceProvisioning,
  scanKvValues,
  scanStatsdRules,
  readTelegrafConfig,
  emptyRouting,
  syslogNgJsonFields,
  type CollectorFacts,
  type DatasourceFact,
} from './knowledge/index.js';
import type { LiveFacts } from './live/facts.js';
import { buildDefinitionModel } from './model/definitions.js';
import { buildEsTemplate, looksLikeEsTemplate } from './model/elasticsearch.js';
import { buildGrafanaModel, looksLikeGrafanaDashboard } from './model/grafana.js';
import { tickscriptAlerts } from './model/tickscript.js';
import { buildLogstashModel, looksLikeLogstash } from './model/logstash.js';
import { buildManifest, looksLikeKvManifest } from './model/manifest.js';
import { JsonSyntaxError, parseJsonWithLocations, type ParsedJson } from './parsers/json-locations.js';
import { fillTemplate } from './parsers/template-json.js';
import type { LintProject, TickscriptNode } from './types.js';

export interface InputFile {
  /** Path as shown in results (relative to the working directory, POSIX separators). */
  path: string;
  text: string;
}

export interface ProjectInputs {
  files: InputFile[];
  catalog?: Catalog;
  /** Definitions known as context only (what services produce), not linted themselves. */
  contextCatalog?: Catalog;
  /** Every file path known below the linted folders (for manifests). */
  knownPaths?: Set<string>;
  fileExists?: (p: string) => boolean;
  live?: LiveFacts;
  /** Source text of the definition files (by `source.file`): locates findings on typed definitions. */
  definitionSources?: ReadonlyMap<string, string>;
}

export type FileType =
  | 'grafana-dashboard'
  | 'es-template'
  | 'logstash'
  | 'tickscript'
  | 'telegraf'
  | 'statsd-rules'
  | 'syslog-ng'
  | 'grafana-datasources'
  | 'kv-manifest'
  | 'json'
  | 'other';

/** File type by extension, then by content. */
export function detectFileType(file: string, text: string): FileType {
  const ext = path.extname(file).toLowerCase();
  const base = path.basename(file).toLowerCase();
  if (ext === '.tick') return 'tickscript';
  if (ext === '.json') return 'json';
  if (base.includes('statsd_rules') && ext === '.txt') return 'statsd-rules';
  if (ext === '.yaml' || ext === '.yml') {
    if (isDatasourceProvisioning(text)) return 'grafana-datasources';
    if (looksLikeKvManifest(text)) return 'kv-manifest';
    return 'other';
  }
  if (ext === '.conf' || ext === '.ctmpl' || ext === '.cfg') {
    if (isTelegrafConfig(text)) return 'telegraf';
    if (text.includes('$(format-json')) return 'syslog-ng';
    if (looksLikeLogstash(text)) return 'logstash';
  }
  return 'other';
}

/**
 * Parses a .json file; a syntax error is a finding, a file that cannot be checked is listed as
 * skipped. A file that is not JSON as it stands but holds template expressions (Ruby `#{}`,
 * consul-template `{{ }}`) is JSON only once rendered: its syntax is checked with every expression
 * filled in, and its content is not linted.
 */
function parseJsonFile(
  file: string,
  text: string,
  project: Pick<LintProject, 'skipped' | 'unparsable'>,
): ParsedJson | undefined {
  const report = (error: unknown, what: string): undefined => {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { line, column } = error.location;
    if (/^nested deeper than/.test(error.message))
      project.skipped.push({ file, reason: `JSON ${error.message} (line ${line})` });
    else project.unparsable.push({ file, line, column, message: `${what}: ${error.message}` });
    return undefined;
  };
  let firstError: unknown;
  try {
    return parseJsonWithLocations(text);
  } catch (error) {
    firstError = error;
  }
  const template = fillTemplate(text);
  if (template.kind === 'none') return report(firstError, 'invalid JSON');
  if (template.kind === 'control') {
    const reason = `template with control structures (line ${template.line}): JSON only once rendered`;
    project.skipped.push({ file, reason });
    return undefined;
  }
  try {
    parseJsonWithLocations(template.text);
  } catch (error) {
    report(error, 'invalid JSON, even with its template expressions filled in');
  }
  return undefined;
}

export function buildProject(inputs: ProjectInputs): LintProject {
  const collectors: CollectorFacts = { measurements: new Set(), patterns: [] };
  let collectorsScanned = false;
  const routing = emptyRouting();
  const kv = new Map<string, string>();
  const datasources: DatasourceFact[] = [];
  let syslogFields: string[] | undefined;
  const project: Omit<LintProject, 'knowledge'> = {
    dashboards: [],
    queries: [],
    alerts: [],
    logstash: [],
    plugins: [],
    conditions: [],
    templates: [],
    tickscripts: [],
    tickscriptAlerts: [],
    manifests: [],
    alertDefs: [],
    dashboardDefs: [],
    logFilterDefs: [],
    indexTemplateDefs: [],
    serviceDefs: [],
    skipped: [],
    unparsable: [],
    fileExists: inputs.fileExists ?? (() => false),
    ...(inputs.live ? { live: inputs.live } : {}),
  };
  const knownPaths = inputs.knownPaths ?? new Set(inputs.files.map((f) => f.path));
  for (const { path: file, text } of inputs.files) {
    const type = detectFileType(file, text);
    // Consul-KV values (metrics.yaml: `- key: config/services/metrics/databases/statsd`, `value:
    // services`) resolve the database names consul-template puts into Telegraf outputs.
    if (/\.ya?ml$/i.test(file)) scanKvValues(text, kv);
    switch (type) {
      case 'json': {
        const parsed = parseJsonFile(file, text, project);
        if (!parsed) break;
        if (looksLikeGrafanaDashboard(parsed.value)) {
          const m = buildGrafanaModel(file, parsed.value, parsed.locations);
          project.dashboards.push(m.dashboard);
          project.queries.push(...m.queries);
          project.alerts.push(...m.alerts);
        } else if (looksLikeEsTemplate(parsed.value)) {
          project.templates.push(buildEsTemplate(file, parsed.value, parsed.locations, path.basename(file, '.json')));
        }
        break;
      }
      case 'logstash': {
        const m = buildLogstashModel(file, text, path.posix.dirname(file));
        project.logstash.push(m.file);
        project.plugins.push(...m.plugins);
        project.conditions.push(...m.conditions);
        break;
      }
      case 'tickscript':
        {
          const node: TickscriptNode = { kind: 'tickscript', file, line: 1, column: 1, text };
          project.tickscripts.push(node);
          // Its alerts join the alert rules (unknown measurement, not on a dashboard, no runbook).
          project.tickscriptAlerts.push(...tickscriptAlerts(node));
        }
        break;
      case 'telegraf':
        for (const e of readTelegrafConfig(text, collectors, routing)) {
          project.unparsable.push({
            file,
            line: e.line,
            column: e.column,
            message: `invalid Telegraf config: ${e.message}`,
          });
        }
        collectorsScanned = true;
        break;
      case 'statsd-rules':
        scanStatsdRules(text, collectors);
        {
          const rules: CollectorFacts = { measurements: new Set(), patterns: [] };
          scanStatsdRules(text, rules);
          routing.statsdRulePatterns.push(...rules.patterns);
        }
        collectorsScanned = true;
        break;
      case 'syslog-ng':
        syslogFields = syslogNgJsonFields(text) ?? syslogFields;
        break;
      case 'grafana-datasources':
        datasources.push(...parseDatasourceProvisioning(text));
        break;
      case 'kv-manifest': {
        const baseDir = path.posix.dirname(file);
        const existing = new Set<string>();
        for (const p of knownPaths) if (p.startsWith(`${baseDir}/`)) existing.add(p.slice(baseDir.length + 1));
        project.manifests.push(buildManifest(file, text, baseDir, existing));
        break;
      }
      default:
        break;
    }
  }
  if (inputs.catalog) {
    const d = buildDefinitionModel(inputs.catalog, inputs.definitionSources);
    project.alertDefs.push(...d.alerts);
    project.dashboardDefs.push(...d.dashboards);
    project.logFilterDefs.push(...d.logFilters);
    project.indexTemplateDefs.push(...d.indexTemplates);
    project.serviceDefs.push(...d.services);
    project.queries.push(...d.queries);
    project.templates.push(...d.templates);
  }
  const knowledgeCatalog = inputs.catalog ?? inputs.contextCatalog;
  const knowledge = buildKnowledge({
    collectors,
    collectorsScanned,
    datasources,
    routing,
    kv,
    ...(syslogFields ? { syslogFields } : {}),
    ...(knowledgeCatalog ? { catalog: knowledgeCatalog } : {}),
  });
  return { ...project, knowledge };
}
