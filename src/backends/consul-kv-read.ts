/**
 * Reads Consul KV subtrees (e.g. the environment facts under config/services/metrics/databases/)
 * for `calvin lint --live`. I/O only: the model is built by define/environment-kv.ts.
 */
import type { Config } from '../config.js';
import { consulError, createConsulClient } from './consul-client.js';

interface KvItem {
  Key: string;
  Value: string | null;
}

/** Every key under each prefix with its value, in the datacenter of `--env`. */
export async function readKvPrefixes(
  config: Config,
  prefixes: readonly string[],
  options: { timeoutMs?: number } = {},
): Promise<Map<string, string>> {
  const consul = createConsulClient(config, options);
  const dc = config.consul.datacenter ? { dc: config.consul.datacenter } : {};
  const out = new Map<string, string>();
  for (const prefix of prefixes) {
    let found: KvItem[] | KvItem | undefined | null;
    try {
      found = (await consul.kv.get({ key: prefix, recurse: true, ...dc })) as KvItem[] | KvItem | undefined | null;
    } catch (error) {
      throw consulError(error, config, `the KV keys under ${prefix}`);
    }
    for (const item of Array.isArray(found) ? found : found ? [found] : []) out.set(item.Key, item.Value ?? '');
  }
  return out;
}
