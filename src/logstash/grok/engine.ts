/**
 * The Oniguruma engine (vscode-oniguruma's WASM build), loaded once per process, and a matcher
 * that runs one compiled regex over many lines with as little per-line work as possible.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type * as Onig from 'vscode-oniguruma';

type OnigModule = typeof Onig;

let loading: Promise<OnigModule> | undefined;
let loaded: OnigModule | undefined;

/** Loads the WASM engine (idempotent). */
export function loadOniguruma(): Promise<OnigModule> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const mod = require('vscode-oniguruma') as OnigModule;
    const wasm = await readFile(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await mod.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    loaded = mod;
    return mod;
  })();
  return loading;
}

/** The loaded engine; throws when `loadOniguruma()` has not completed. */
export function oniguruma(): OnigModule {
  if (!loaded) throw new Error('Oniguruma is not loaded yet: await loadOniguruma() first');
  return loaded;
}

export function isOnigurumaLoaded(): boolean {
  return loaded !== undefined;
}

/** FindOption.None: with named groups present, only named groups capture. */
const FIND_OPTION_NONE = 1 as Onig.FindOption;
/** Capture offsets Oniguruma reports for a group that did not participate. */
export const UNSET = -1;

/**
 * The parts of vscode-oniguruma 2.0.1's WASM binding the fast path uses. They are not public API:
 * `fastBinding` uses them only on that exact version and when they exist; otherwise everything goes
 * through the public API. Measured gain: see docs/test.md (`npm run bench:grok`).
 */
interface WasmBinding {
  HEAPU8: Uint8Array;
  HEAPU32: Uint32Array;
  _omalloc(size: number): number;
  _ofree(ptr: number): void;
  _findNextOnigScannerMatch(
    scanner: number,
    stringId: number,
    stringPtr: number,
    length: number,
    start: number,
    options: number,
  ): number;
}
interface ScannerInternals {
  _ptr?: number;
  _onigBinding?: WasmBinding;
  _options?: unknown[];
  onigOptions?: (options: unknown[]) => number;
}

/**
 * The only vscode-oniguruma version whose internals the fast path was checked against; any other
 * version takes the public API.
 */
const FAST_PATH_VERSION = '2.0.1';
let installedVersion: string | undefined;

function onigVersion(): string {
  installedVersion ??= (createRequire(import.meta.url)('vscode-oniguruma/package.json') as { version: string }).version;
  return installedVersion;
}

/** Whether the fast path may run on this vscode-oniguruma version. */
export function fastPathAllowed(version: string = onigVersion()): boolean {
  return version === FAST_PATH_VERSION;
}

function fastBinding(scanner: Onig.OnigScanner): { binding: WasmBinding; ptr: number; options: number } | undefined {
  if (!fastPathAllowed()) return undefined;
  const s = scanner as unknown as ScannerInternals;
  const b = s._onigBinding;
  if (typeof s._ptr !== 'number' || !b || typeof s.onigOptions !== 'function' || !Array.isArray(s._options))
    return undefined;
  if (
    typeof b._omalloc !== 'function' ||
    typeof b._ofree !== 'function' ||
    typeof b._findNextOnigScannerMatch !== 'function'
  )
    return undefined;
  if (!(b.HEAPU8 instanceof Uint8Array) || !(b.HEAPU32 instanceof Uint32Array)) return undefined;
  return { binding: b, ptr: s._ptr, options: s.onigOptions.call(scanner, s._options) };
}

/**
 * The text last copied into WASM memory, shared by every matcher: several patterns tried on the
 * same line (break_on_match, several grok filters) encode it once. Only ASCII text goes this way,
 * where UTF-8 and UTF-16 offsets coincide.
 */
const encoder = new TextEncoder();
// Ids far above vscode-oniguruma's own OnigString ids: the engine caches results per string id.
let nextStringId = 0x40000000;
let bufPtr = 0;
let bufCap = 0;
let bufBinding: WasmBinding | undefined;
let bufText: string | undefined;
let bufId = 0;
let bufLength = 0;

/** Copies ASCII `text` into WASM memory; false when it is not ASCII (caller falls back). */
function encodeShared(binding: WasmBinding, text: string): boolean {
  if (bufText === text && bufBinding === binding) return true;
  const need = text.length * 3 + 1;
  if (need > bufCap || bufBinding !== binding) {
    if (bufPtr && bufBinding === binding) binding._ofree(bufPtr);
    bufCap = Math.max(need, 4096);
    bufPtr = binding._omalloc(bufCap);
    bufBinding = binding;
  }
  const { read, written } = encoder.encodeInto(text, binding.HEAPU8.subarray(bufPtr, bufPtr + bufCap));
  bufText = text;
  bufId = nextStringId++;
  bufLength = written;
  if (read !== text.length || written !== text.length) {
    bufText = undefined;
    return false;
  }
  return true;
}

/**
 * One regex, matched from the start of each text. After a successful `exec`, `starts[i]` and
 * `ends[i]` hold capture i (0 = whole match) in UTF-16 offsets, or UNSET.
 */
export class OnigMatcher {
  readonly groupCount: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  private readonly scanner: Onig.OnigScanner;
  private readonly fast: { binding: WasmBinding; ptr: number; options: number } | undefined;

  /** Throws the engine's error when the regex does not compile. */
  constructor(regex: string, groupCount: number, options: { fastPath?: boolean } = {}) {
    this.scanner = new (oniguruma().OnigScanner)([regex], { options: [FIND_OPTION_NONE] });
    this.groupCount = groupCount;
    this.starts = new Int32Array(groupCount + 1);
    this.ends = new Int32Array(groupCount + 1);
    this.fast = options.fastPath === false ? undefined : fastBinding(this.scanner);
  }

  exec(text: string): boolean {
    const fast = this.fast;
    if (fast && encodeShared(fast.binding, text)) {
      const r = fast.binding._findNextOnigScannerMatch(fast.ptr, bufId, bufPtr, bufLength, 0, fast.options);
      if (r === 0) return false;
      const heap = fast.binding.HEAPU32;
      let at = (r >> 2) + 1;
      const count = Math.min(heap[at++] ?? 0, this.groupCount + 1);
      for (let i = 0; i < count; i++) {
        this.starts[i] = heap[at++] ?? UNSET;
        this.ends[i] = heap[at++] ?? UNSET;
      }
      for (let i = count; i <= this.groupCount; i++) this.starts[i] = this.ends[i] = UNSET;
      return true;
    }
    return this.execPublic(text);
  }

  private execPublic(text: string): boolean {
    const str = new (oniguruma().OnigString)(text);
    try {
      const m = this.scanner.findNextMatchSync(str, 0);
      if (m === null) return false;
      for (let i = 0; i <= this.groupCount; i++) {
        const ci = m.captureIndices[i];
        // Unset groups come back beyond the text (ASCII) or as an empty span at its end (non-ASCII).
        const unset = ci === undefined || ci.start > text.length;
        this.starts[i] = unset ? UNSET : ci.start;
        this.ends[i] = unset ? UNSET : ci.end;
      }
      return true;
    } finally {
      str.dispose();
    }
  }

  dispose(): void {
    this.scanner.dispose();
  }
}
