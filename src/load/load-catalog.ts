/** Finds, imports, validates and indexes every definition under a root into one Catalog. */
import path from 'node:path';
import { stat } from 'node:fs/promises';
import type { AlertDef, Catalog, Definition } from '../define/types.js';
import { CalvinError, isCalvinError } from '../errors.js';
import { definitionBundle } from './definition-bundle.js';
import { showDefinitionOutput } from './definition-output.js';
import type { FileOutcome, OutputSink, SerialError } from './definition-worker.js';
import { findDefinitionFiles } from './find.js';
import { globToRegExp } from './glob-match.js';
import { evaluateDefinitions } from './model-cache.js';
import { assertReferences, assertUniqueIds, type LoadedDefinition } from './references.js';
import { resolveRunbook } from './runbooks.js';
import { shapeProblem } from './shape.js';

export interface LoadOptions {
  /** Keep only definitions whose id, file (relative to the root) or service matches this glob. */
  only?: string;
  /** What definitions print while they load; default: stderr, each line marked as definition output. */
  onOutput?: OutputSink;
}

/** A CalvinError wrapping a thrown error; its stack (shown with --debug) includes the original one. */
function wrapped(message: string, hint: string, cause: unknown): CalvinError {
  const error = new CalvinError('BAD_DEFINITION', message, hint, { cause });
  if (cause instanceof Error && cause.stack) error.stack = `${error.stack ?? ''}\nCaused by: ${cause.stack}`;
  return error;
}

function firstLine(error: unknown): string {
  const text =
    error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  const line =
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '') ?? 'unknown error';
  // eslint-disable-next-line no-control-regex
  return line.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

/** A module's definitions: one, an array (nested arrays flattened), or builders with `build()`. */
function definitionsOf(exported: unknown, file: string): Definition[] {
  if (exported === undefined) {
    throw new CalvinError(
      'BAD_DEFINITION',
      `${file}: exports nothing`,
      'default-export a definition or an array of them: `export default dashboard(...)`',
    );
  }
  const values = Array.isArray(exported) ? exported.flat(3) : [exported];
  if (values.length === 0) {
    throw new CalvinError(
      'BAD_DEFINITION',
      `${file}: exports an empty array`,
      'default-export at least one definition, or delete the file',
    );
  }
  return values.map((value: unknown) => {
    const built =
      typeof value === 'object' && value !== null && typeof (value as { build?: unknown }).build === 'function'
        ? (value as { build: () => unknown }).build()
        : value;
    const problem = shapeProblem(built);
    if (problem)
      throw new CalvinError(
        'BAD_DEFINITION',
        `${file}: ${problem}`,
        'default-export a definition made with the calvin builders',
      );
    return built as Definition;
  });
}

export function emptyCatalog(): Catalog {
  return { services: [], dashboards: [], alerts: [], logFilters: [], indexTemplates: [] };
}

/** Groups definitions by kind, each list sorted by id. */
export function catalogOf(definitions: readonly Definition[]): Catalog {
  const catalog = emptyCatalog();
  const sorted = [...definitions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const definition of sorted) {
    switch (definition.kind) {
      case 'service':
        catalog.services.push(definition);
        break;
      case 'dashboard':
        catalog.dashboards.push(definition);
        break;
      case 'alert':
        catalog.alerts.push(definition);
        break;
      case 'log-filter':
        catalog.logFilters.push(definition);
        break;
      case 'index-template':
        catalog.indexTemplates.push(definition);
        break;
    }
  }
  return catalog;
}

export function catalogDefinitions(catalog: Catalog): Definition[] {
  return [
    ...catalog.services,
    ...catalog.dashboards,
    ...catalog.alerts,
    ...catalog.logFilters,
    ...catalog.indexTemplates,
  ];
}

async function assertRoot(root: string): Promise<void> {
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory())
    throw new CalvinError(
      'BAD_ARGUMENT',
      `root ${root} is not a directory`,
      'pass --root <dir> pointing at your definitions project',
    );
}

/** A thrown value that crossed from the worker, as an Error again (a CalvinError when it was one). */
function revived(reason: SerialError): Error {
  const error =
    reason.name === 'CalvinError' && typeof reason.code === 'string'
      ? new CalvinError(
          reason.code as CalvinError['code'],
          reason.message,
          typeof reason.hint === 'string' ? reason.hint : undefined,
        )
      : Object.assign(new Error(reason.message), { name: reason.name });
  if (reason.stack !== undefined) error.stack = reason.stack;
  return error;
}

function fileProblem(file: string, outcome: Extract<FileOutcome, { status: 'rejected' }>): CalvinError {
  const error = revived(outcome.reason);
  const hint = 'fix the file; --debug shows the stack';
  if (outcome.reason.exit)
    return wrapped(
      `${file}: calls ${firstLine(error)} while loading`,
      'a definition must not end calvin: throw an Error instead',
      error,
    );
  if (isCalvinError(error))
    return new CalvinError(error.code, `${file}: ${error.message}`, error.hint, { cause: error });
  if (outcome.stage === 'build')
    return wrapped(`${file}: building the definition failed: ${firstLine(error)}`, hint, error);
  if (outcome.stage === 'clone')
    return wrapped(`${file}: exports something that is not plain data: ${firstLine(error)}`, hint, error);
  return wrapped(`${file}: failed to load: ${firstLine(error)}`, hint, error);
}

export async function loadCatalog(root: string, options: LoadOptions = {}): Promise<Catalog> {
  const absoluteRoot = path.resolve(root);
  await assertRoot(absoluteRoot);
  const files = await findDefinitionFiles(absoluteRoot);
  const loaded: LoadedDefinition[] = [];
  if (files.length > 0) {
    // One bundle for all files, evaluated in a worker (or taken from the model cache); results come
    // back in file order, so the first problem reported is always the same one.
    const bundle = await definitionBundle(absoluteRoot, files);
    const outcomes = await evaluateDefinitions(bundle, files.length, options.onOutput ?? showDefinitionOutput);
    for (const [index, file] of files.entries()) {
      const outcome = outcomes[index] as FileOutcome;
      if (outcome.status === 'rejected') throw fileProblem(file, outcome);
      let definitions: Definition[];
      try {
        definitions = definitionsOf(outcome.value, file);
      } catch (error) {
        if (isCalvinError(error)) throw error;
        throw wrapped(
          `${file}: building the definition failed: ${firstLine(error)}`,
          'fix the file; --debug shows the stack',
          error,
        );
      }
      for (const definition of definitions) loaded.push({ definition: { ...definition, source: { file } }, file });
    }
  }
  assertUniqueIds(loaded);
  const resolved = await Promise.all(
    loaded.map(({ definition, file }) =>
      definition.kind === 'alert' ? resolveRunbook(absoluteRoot, definition as AlertDef, file) : definition,
    ),
  );
  const catalog = catalogOf(resolved);
  assertReferences(catalog);
  if (options.only === undefined) return catalog;
  return selectOnly(catalog, options.only);
}

/**
 * Definitions whose id, file or service matches the glob (`--only 'artefacts*'` takes the artefacts
 * service's dashboards, alerts and log filters whatever their ids), plus the services they refer to
 * (renderers need a service's Consul name for alert messages and dashboard links). A glob that
 * matches nothing is refused: building or deploying from nothing is always a typo.
 */
export function selectOnly(catalog: Catalog, only: string): Catalog {
  const serviceOf = (d: Definition): string =>
    d.kind !== 'service' && 'service' in d && typeof d.service === 'string' ? d.service : '';
  const glob = globToRegExp(only);
  const selected = catalogDefinitions(catalog).filter(
    (d) => glob.test(d.id) || glob.test(d.source?.file ?? '') || (serviceOf(d) !== '' && glob.test(serviceOf(d))),
  );
  if (selected.length === 0) {
    throw new CalvinError(
      'BAD_ARGUMENT',
      `--only ${JSON.stringify(only)} matches no definition`,
      'match ids, files or services, e.g. --only "artefacts*" or --only "alerts/**"; calvin list shows them',
    );
  }
  const referenced = new Set(selected.map(serviceOf).filter((s) => s !== ''));
  const services = catalog.services.filter(
    (s) => !selected.includes(s) && (referenced.has(s.id) || referenced.has(s.consulName)),
  );
  return catalogOf([...selected, ...services]);
}
