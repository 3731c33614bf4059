/**
 * `--debug` shows every backend request (method, address, and an InfluxQL query's text), redacted,
 * on stderr. Off unless the CLI turns it on; the library never prints by itself.
 */
import { redact } from '../redact.js';

let sink: ((line: string) => void) | undefined;

/** Sends a line per backend request to `write` (undefined: stop). */
export function traceRequests(write: ((line: string) => void) | undefined): void {
  sink = write;
}

/** An address without user:password, whatever the caller passed. */
function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url;
  }
}

export function traceRequest(backend: string, method: string, url: string, detail?: string): void {
  if (!sink) return;
  const query = detail ? ` ${JSON.stringify(detail.length > 500 ? `${detail.slice(0, 497)}...` : detail)}` : '';
  sink(redact(`calvin: debug: ${backend} ${method} ${withoutCredentials(url)}${query}\n`));
}
