/**
 * Grok matches with Logstash's `timeout_millis`: a match runs on a worker thread that has its own
 * Oniguruma, while this thread waits for it synchronously (Atomics.wait) at most that long. A match
 * that runs longer (a catastrophic pattern) is abandoned and its worker terminated; the next match
 * starts a fresh one. WASM cannot be interrupted from the thread that runs it, hence the worker.
 */
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';

/** The worker's code, plain CommonJS so that it runs the same from src/ (tsx, vitest) and dist/. */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const onig = require(workerData.onigPath);
const wasm = readFileSync(workerData.wasmPath);
const signal = new Int32Array(workerData.signal);
const port = workerData.port;
const done = (reply) => { port.postMessage(reply); Atomics.store(signal, 0, 1); Atomics.notify(signal, 0); };
onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).then(() => {
  const scanners = new Map();
  port.on('message', ({ id, regex, groups, text }) => {
    try {
      let scanner = scanners.get(id);
      if (!scanner) { scanner = new onig.OnigScanner([regex], { options: [1] }); scanners.set(id, scanner); }
      const str = new onig.OnigString(text);
      const m = scanner.findNextMatchSync(str, 0);
      str.dispose();
      if (m === null) return done({ match: false });
      const starts = [], ends = [];
      for (let i = 0; i <= groups; i++) {
        const c = m.captureIndices[i];
        const unset = c === undefined || c.start > text.length;
        starts.push(unset ? -1 : c.start); ends.push(unset ? -1 : c.end);
      }
      done({ match: true, starts, ends });
    } catch (err) { done({ error: String(err && err.message || err) }); }
  });
  done({ ready: true });
});
`;

export type GuardedResult = { match: false } | { match: true; starts: number[]; ends: number[] } | { timeout: true };

interface Reply {
  ready?: boolean;
  match?: boolean;
  starts?: number[];
  ends?: number[];
  error?: string;
}

/** Time a worker gets to load its WASM engine before calvin gives up on it. */
const STARTUP_MILLIS = 60_000;

class GuardWorker {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private readonly known = new Set<number>();

  constructor() {
    const require = createRequire(import.meta.url);
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        onigPath: require.resolve('vscode-oniguruma'),
        wasmPath: require.resolve('vscode-oniguruma/release/onig.wasm'),
        signal: this.signal.buffer,
        port: channel.port2,
      },
      transferList: [channel.port2],
    });
    this.worker.unref();
    this.port.unref();
    if (this.wait(STARTUP_MILLIS) === undefined) {
      void this.worker.terminate();
      throw new Error('the grok worker did not start');
    }
  }

  private wait(millis: number): Reply | undefined {
    if (Atomics.wait(this.signal, 0, 0, millis) === 'timed-out' && Atomics.load(this.signal, 0) === 0) return undefined;
    Atomics.store(this.signal, 0, 0);
    return receiveMessageOnPort(this.port)?.message as Reply | undefined;
  }

  /** undefined when the match did not finish within `millis` (the worker is then unusable). */
  exec(id: number, regex: string, groups: number, text: string, millis: number): Reply | undefined {
    const first = !this.known.has(id);
    this.known.add(id);
    this.port.postMessage(first ? { id, regex, groups, text } : { id, groups, text });
    return this.wait(millis);
  }

  terminate(): void {
    void this.worker.terminate();
  }
}

let worker: GuardWorker | undefined;
let nextId = 1;
const ids = new Map<string, number>();

/**
 * Runs `regex` (with `groups` capture groups) over `text` on the worker, giving up after `millis`.
 * Offsets as OnigMatcher reports them (UTF-16, -1 for a group that took no part).
 */
export function guardedMatch(regex: string, groups: number, text: string, millis: number): GuardedResult {
  let id = ids.get(regex);
  if (id === undefined) {
    id = nextId++;
    ids.set(regex, id);
  }
  worker ??= new GuardWorker();
  const reply = worker.exec(id, regex, groups, text, millis);
  if (reply === undefined) {
    worker.terminate();
    worker = undefined;
    return { timeout: true };
  }
  if (reply.error !== undefined) throw new Error(reply.error);
  if (!reply.match) return { match: false };
  return { match: true, starts: reply.starts ?? [], ends: reply.ends ?? [] };
}

/** Stops the worker (tests, and callers that want the process to exit at once). */
export function stopGrokGuard(): void {
  worker?.terminate();
  worker = undefined;
}
