/**
 * Epoch milliseconds → ISO 8601, memoised: metric answers repeat the same bucket times for every
 * host and series (50 instances × 16 queries × 100 buckets), and `toISOString` was a tenth of the
 * analysis's time. The cache is bounded; an entry is the same string the Date would give.
 */
const MAX_ENTRIES = 8_192;
const cache = new Map<number, string>();

export function isoOfMs(ms: number): string {
  let iso = cache.get(ms);
  if (iso === undefined) {
    iso = new Date(ms).toISOString();
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(ms, iso);
  }
  return iso;
}
