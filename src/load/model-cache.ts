/**
 * The evaluated definitions (what the worker hands back), cached next to their bundle, so that a run
 * with unchanged definitions skips the worker: starting it and evaluating calvin's builders in it is
 * most of what loading costs. Kept only for a deterministic bundle (definition-bundle.ts) that printed
 * nothing and loaded without a problem. The key is the bundle's content key (every definition file and
 * helper, esbuild's version, the root and calvin's entry) plus calvin's version. Serialised
 * with the structured clone algorithm, the very one that brings them back from the worker.
 */
import { deserialize, serialize } from 'node:v8';
import type { DefinitionBundle } from './definition-bundle.js';
import { runDefinitions, type FileOutcome, type OutputSink } from './definition-worker.js';
import { calvinVersion } from './parsed-cache.js';
import { readCacheBytes, transformKey, writeCache } from './transform-cache.js';

const MODEL_FORMAT = 'calvin-model-1';
const EXTENSION = 'model';

export function modelKey(contentKey: string, calvin: string = calvinVersion()): string {
  return transformKey([MODEL_FORMAT, contentKey, calvin]);
}

function isOutcomeList(value: unknown, length: number): value is FileOutcome[] {
  return (
    Array.isArray(value) &&
    value.length === length &&
    value.every((o) => typeof o === 'object' && o !== null && (o as FileOutcome).status === 'fulfilled')
  );
}

/** The cached outcomes under `key`; undefined when absent, unreadable or not what was stored. */
export function readModel(key: string, files: number): FileOutcome[] | undefined {
  const bytes = readCacheBytes(key, EXTENSION);
  if (bytes === undefined) return undefined;
  try {
    const value: unknown = deserialize(bytes);
    return isOutcomeList(value, files) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Evaluates `bundle` of `files` definition files, from the model cache when it can. */
export async function evaluateDefinitions(
  bundle: DefinitionBundle,
  files: number,
  onOutput: OutputSink,
): Promise<FileOutcome[]> {
  const key = 'contentKey' in bundle && bundle.deterministic ? modelKey(bundle.contentKey) : undefined;
  const cached = key === undefined ? undefined : readModel(key, files);
  if (cached !== undefined) return cached;
  let printed = false;
  const outcomes = await runDefinitions(bundle, (text) => {
    printed = true;
    onOutput(text);
  });
  if (key !== undefined && !printed && isOutcomeList(outcomes, files))
    await writeCache(key, serialize(outcomes), EXTENSION);
  return outcomes;
}
