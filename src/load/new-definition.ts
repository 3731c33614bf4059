/**
 * `calvin new` as a library call: load the project to learn its ids (a clash would break the next
 * build), scaffold, and write the files without overwriting anything.
 */
import { stat } from 'node:fs/promises';
import { CalvinError } from '../errors.js';
import { catalogDefinitions, loadCatalog } from './load-catalog.js';
import { scaffold, type ExistingDefinition, type ScaffoldFile } from './scaffold.js';
import { writeScaffold } from './write-scaffold.js';

/** Every id under the root with its kind and file; none when the root does not exist yet. */
export async function existingDefinitions(root: string): Promise<Map<string, ExistingDefinition>> {
  // A project that is not there yet has no ids (`calvin new` creates its folders).
  if (
    !(await stat(root).then(
      (info) => info.isDirectory(),
      () => false,
    ))
  )
    return new Map();
  const catalog = await loadCatalog(root);
  return new Map(catalogDefinitions(catalog).map((d) => [d.id, { kind: d.kind, file: d.source?.file ?? '?' }]));
}

export interface NewDefinitionResult {
  files: ScaffoldFile[];
}

export async function newDefinition(
  root: string,
  kind: string,
  name: string,
  options: { service?: string } = {},
): Promise<NewDefinitionResult> {
  const existing = await existingDefinitions(root);
  const files = scaffold(kind, name, { ...options, existing });
  // A definition that refers to an undefined service would not load, and every later command,
  // `calvin new service` included, would fail on it: refuse before writing anything.
  const service = kind === 'alert' ? (options.service ?? name.split('-')[0]) : options.service;
  if (kind !== 'service' && service !== undefined && existing.get(service)?.kind !== 'service')
    throw new CalvinError(
      'DANGLING_REFERENCE',
      `service ${JSON.stringify(service)} is not defined, so ${kind} "${name}" would not load`,
      `create the service first: calvin new service ${service}${kind === 'alert' && !options.service ? ', or pass --service <id>' : ''}`,
    );
  await writeScaffold(root, files);
  return { files };
}
