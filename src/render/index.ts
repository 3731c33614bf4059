/** Renderers: pure functions from the typed model to artifacts for the five targets. */
import { DEFAULT_ENVIRONMENT } from '../define/environment.js';
import type { Catalog } from '../define/types.js';
import { CalvinError } from '../errors.js';
import { renderChronograf } from './chronograf.js';
import { renderElasticsearch } from './elasticsearch.js';
import { renderGrafanaWithKv } from './grafana-kv.js';
import { renderKapacitor } from './kapacitor.js';
import { renderLogstash } from './logstash.js';
import { TARGETS, type Artifact, type RenderOptions, type Target } from './types.js';

export * from './types.js';
export { stableJson, stableJsonArtifact, sortKeysDeep } from './stable-json.js';
export { flowLayout, type GridPos } from './layout.js';
export { grafanaUid } from './names.js';
export {
  renderGrafana,
  renderGrafanaDashboard,
  grafanaDashboardArtifact,
  tagValuesQuery,
  influxDatasourceUid,
  influxDatasourceName,
  logsDatasourceUid,
  grafanaFolderUid,
  GRAFANA_OWNER_TAG,
  GRAFANA_SCHEMA_VERSION,
  DEFAULT_LOGS_DATASOURCE,
} from './grafana.js';
export {
  renderGrafanaKv,
  renderGrafanaWithKv,
  renderGrafanaDatasources,
  grafanaKvKey,
  GRAFANA_KV_PREFIX,
} from './grafana-kv.js';
export {
  renderChronograf,
  renderChronografDashboard,
  toChronografQuery,
  chronografName,
  CHRONOGRAF_NAME_PREFIX,
} from './chronograf.js';
export {
  renderKapacitor,
  renderKapacitorTask,
  renderTickscript,
  kapacitorTaskId,
  alertRunbookUrl,
  diagnoseCommandTemplate,
  KAPACITOR_TASK_PREFIX,
  type KapacitorTask,
} from './kapacitor.js';
export { checkTickscript, type TickProblem } from '../lang/tickscript/index.js';
export { tickString, untickString, tickRef, tickRegex, tickFloat } from './tick-literals.js';
export {
  renderLogstash,
  renderLogstashFilter,
  renderLogCondition,
  logstashFilterName,
  renderRabbitInput,
  renderElasticsearchOutput,
  LOGSTASH_KV_PREFIX,
} from './logstash.js';
export {
  logstashString,
  readLogstashString,
  canWriteLogstashString,
  logstashFieldRef,
  logstashRegex,
} from './logstash-syntax.js';
export {
  renderElasticsearch,
  renderIndexTemplateBody,
  renderComponentTemplateBody,
  nestProperties,
  ES_MANAGED_BY,
} from './elasticsearch.js';

/**
 * Defaults matching Calvinverse's environment model: datasources referenced by their provisioned
 * names (`InfluxDb.System`, `InfluxDb.Services`), retention policy `autogen`.
 */
export function defaultRenderOptions(overrides: Partial<RenderOptions> = {}): RenderOptions {
  return {
    targets: TARGETS,
    datasources: {},
    environment: DEFAULT_ENVIRONMENT,
    runbookBaseUrl: 'https://runbooks.example.invalid/calvin',
    retentionPolicy: DEFAULT_ENVIRONMENT.retentionPolicy,
    logsDatasource: 'elasticsearch-logs',
    ...overrides,
  };
}

/**
 * What the config says about calvin serve, as render options: runbook links to `<serve URL>/runbooks`
 * and the `calvin()` handler's URL. No token: Kapacitor's `calvin` endpoint adds it (see render/kapacitor).
 */
export function serveRenderOptions(serveUrl: string | undefined): Partial<RenderOptions> {
  if (!serveUrl) return {};
  const base = serveUrl.replace(/\/+$/, '');
  return { runbookBaseUrl: `${base}/runbooks`, serveUrl: base };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function renderTarget(target: Target, catalog: Catalog, options: RenderOptions): Artifact[] {
  switch (target) {
    case 'grafana':
      return renderGrafanaWithKv(catalog.dashboards, options);
    case 'chronograf':
      return renderChronograf(catalog.dashboards, options);
    case 'kapacitor':
      return renderKapacitor(catalog.alerts, catalog.services, options);
    case 'logstash':
      return renderLogstash(catalog.logFilters);
    case 'elasticsearch':
      return renderElasticsearch(catalog.indexTemplates, catalog.logFilters);
  }
}

/**
 * Every artifact of the catalog for `options.targets`, sorted by target then path. Pure and
 * deterministic: the same catalog (in any input order) gives byte-identical artifacts.
 */
export function renderCatalog(catalog: Catalog, options: RenderOptions): Artifact[] {
  const targets = [...new Set(options.targets)];
  const artifacts = targets.flatMap((target) => renderTarget(target, catalog, options));
  artifacts.sort((a, b) => compare(a.target, b.target) || compare(a.path, b.path));
  for (let i = 1; i < artifacts.length; i += 1) {
    const previous = artifacts[i - 1] as Artifact;
    const current = artifacts[i] as Artifact;
    if (previous.path === current.path) {
      throw new CalvinError(
        'DUPLICATE_ID',
        `definitions ${previous.definitionId} and ${current.definitionId} both render to ${current.path}`,
        'give them different ids or names',
      );
    }
  }
  return artifacts;
}
