/**
 * Evaluates the definitions bundle in a worker thread, so that definitions cannot touch calvin's own
 * output or process: their stdout and stderr are captured and handed back as text, `process.exit`
 * throws inside the file that calls it (and the worker's `process` is its own), and only plain data
 * comes back. One worker per load, started only when there are definitions to run.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CalvinError } from '../errors.js';
import type { DefinitionBundle } from './definition-bundle.js';

/** What the bundle's entry (definition-bundle.ts) gives for each file. */
export type FileOutcome =
  | { status: 'fulfilled'; value: unknown }
  | { status: 'rejected'; stage: 'load' | 'build' | 'clone'; reason: SerialError };

export interface SerialError {
  name: string;
  message: string;
  stack?: string;
  code?: unknown;
  hint?: unknown;
  /** The file called process.exit. */
  exit?: boolean;
}

const WORKER_SOURCE = `const { parentPort, workerData } = require('node:worker_threads');
const end = process.exit.bind(process);
process.exit = function exit(code) {
  const error = new Error('process.exit(' + (code === undefined ? '' : String(code)) + ')');
  error.calvinExit = true;
  throw error;
};
const flushed = (stream) => new Promise((resolve) => stream.write('', resolve));
import(workerData.url).then(
  (module) => ({ outcomes: module.default }),
  (error) => ({ failed: {
    name: String(error && error.name),
    message: String((error && error.message) || error),
    stack: error && error.stack,
  } }),
).then(async (message) => {
  // Everything printed is handed over before the result; ending the thread leaves no timer behind.
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  parentPort.postMessage(message);
  end(0);
});`;

type WorkerMessage = { outcomes: FileOutcome[] } | { failed: SerialError };

function failure(error: SerialError): CalvinError {
  const cause = Object.assign(new Error(error.message), { name: error.name, stack: error.stack });
  const first = error.message.split('\n')[0] ?? '';
  return new CalvinError('BAD_DEFINITION', `definitions failed to load: ${first}`, 'fix the definition files', {
    cause,
  });
}

/** Receives what the definitions printed (stdout and stderr, in order), once the worker is done. */
export type OutputSink = (text: string) => void;

async function run(url: string, onOutput: OutputSink): Promise<FileOutcome[]> {
  // The worker's source is CommonJS: a parent started with --input-type=module must not pass that on.
  const execArgv = process.execArgv.filter((a) => !a.startsWith('--input-type'));
  const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv, workerData: { url }, stdout: true, stderr: true });
  const chunks: string[] = [];
  worker.stdout.setEncoding('utf8').on('data', (chunk: string) => chunks.push(chunk));
  worker.stderr.setEncoding('utf8').on('data', (chunk: string) => chunks.push(chunk));
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  let message: WorkerMessage | undefined;
  worker.once('message', (m: WorkerMessage) => {
    message = m;
  });
  const crashed = new Promise<never>((_, reject) =>
    worker.once('error', (error) => reject(failure({ name: error.name, message: error.message, stack: error.stack }))),
  );
  try {
    const code = await Promise.race([exited, crashed]);
    await Promise.all([finished(worker.stdout), finished(worker.stderr)]).catch(() => undefined);
    if (message === undefined)
      throw new CalvinError(
        'BAD_DEFINITION',
        `loading the definitions ended early (exit code ${code})`,
        'a definition ended its thread; --debug shows the stack',
      );
    if ('failed' in message) throw failure(message.failed);
    return message.outcomes;
  } finally {
    await worker.terminate();
    if (chunks.length > 0) onOutput(chunks.join(''));
  }
}

/** Runs the bundle; with no cache folder, its code goes to a private temporary file first. */
export async function runDefinitions(bundle: DefinitionBundle, onOutput: OutputSink): Promise<FileOutcome[]> {
  if ('file' in bundle) return run(pathToFileURL(bundle.file).href, onOutput);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'calvin-definitions-'));
  try {
    const file = path.join(dir, 'definitions.mjs');
    await writeFile(file, bundle.code, { mode: 0o600 });
    return await run(pathToFileURL(file).href, onOutput);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
