/** Importers of existing artifacts into calvin definitions. */
export {
  importGrafanaDashboard,
  dashboardJsonOf,
  importedPanelType,
  CALVINVERSE_DATASOURCES,
  type GrafanaImportOptions,
  type ImportedDashboard,
  type ImportStats,
} from './grafana-dashboard.js';
export {
  importGrafanaFiles,
  IMPORTED_ID_PREFIX,
  type GrafanaFileImport,
  type ImportFilesOptions,
} from './grafana-files.js';
export { renderGrafanaEditorQuery } from './grafana-editor-query.js';
export { normaliseInfluxQL } from '../lang/influxql/index.js';
export { parseSimpleInfluxQL } from './influxql-lower.js';
export { emitDashboardModule } from './emit-ts.js';
export type { GrafanaDashboardJson, GrafanaInfluxTarget, GrafanaPanel } from './grafana-types.js';
