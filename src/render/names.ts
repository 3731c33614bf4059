/** Backend names derived from definition ids: stable, length-limited, charset-safe. */
import { shortHash } from './hash.js';

/** Grafana dashboard uid: `calvin-<id>`, at most 40 characters of [A-Za-z0-9_-]. */
export function grafanaUid(id: string): string {
  const safe = id.replace(/[^A-Za-z0-9_-]/g, '-');
  const full = `calvin-${safe}`;
  if (full.length <= 40 && safe === id) return full;
  const hash = shortHash(id);
  return `${full.slice(0, 40 - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}

/** A path/KV segment: keeps letters, digits, `.`, `_`, `-`; anything else becomes `-`. */
export function safeSegment(text: string): string {
  const cleaned = text
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|-+$/g, '');
  return cleaned === '' ? `x-${shortHash(text)}` : cleaned;
}
