/** Loading definition files into a Catalog. */
export {
  loadCatalog,
  selectOnly,
  catalogOf,
  catalogDefinitions,
  emptyCatalog,
  type LoadOptions,
} from './load-catalog.js';
export { findDefinitionFiles, DEFINITION_FOLDERS } from './find.js';
export {
  buildProject,
  renderArtifacts,
  configuredEnvironment,
  assertReplaceableOutput,
  BUILD_MARKER,
  type BuildOptions,
  type BuildResult,
  type BuiltArtifact,
} from './build.js';
export { listRows, formatListTable, type ListRow } from './list.js';
export { runbookView, formatRunbook, type RunbookView } from './runbook-text.js';
export { scaffold, SCAFFOLD_KINDS, type ScaffoldFile } from './scaffold.js';
export { newDefinition, existingDefinitions, type NewDefinitionResult } from './new-definition.js';
export type { ExistingDefinition, ScaffoldOptions } from './scaffold.js';
