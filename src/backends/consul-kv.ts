/**
 * Consul KV for deploy (the Calvinverse provisioning paths read by consul-template) and the
 * per-environment deploy lock.
 *
 * Ownership: every key calvin writes carries the KV flag CALVIN_KV_FLAG; only such keys are ever
 * updated without being wanted, or pruned. Writes use check-and-set (`cas=<ModifyIndex>`, `cas=0`
 * for new keys): a CAS failure means someone changed the key meanwhile, and the deploy stops.
 * A key's flags are kept in the live object's ref, so that a backup of an adopted key remembers them
 * and rollback gives them back (else the restored hand-made key would still look calvin's and be pruned).
 */
import type { Config } from '../config.js';
import type { DesiredObject, LiveObject, TargetDriver } from '../deploy/types.js';
import { CalvinError, isCalvinError } from '../errors.js';
import { consulError, createConsulClient, type ConsulClient } from './consul-client.js';

/** "CALV" in ASCII: the KV flag that marks keys calvin manages. */
export const CALVIN_KV_FLAG = 0x43414c56;
/** Where Calvinverse provisions Grafana dashboards and Logstash filters from. */
export const KV_MANAGED_PREFIXES = ['config/services/dashboards/', 'config/services/logs/filters/'];

export interface ConsulKvDriverOptions {
  config: Config;
  /** Prefix put before every key (tests isolate themselves with it); '' in real use. */
  root?: string;
  log?: (line: string) => void;
  client?: ConsulClient;
}

interface KvItem {
  Key: string;
  Value: string | null;
  Flags: number;
  ModifyIndex: number;
  Session?: string;
}

export function createConsulKvDriver(options: ConsulKvDriverOptions): TargetDriver {
  const consul = options.client ?? createConsulClient(options.config);
  const root = options.root ?? '';
  let writes = 0;
  const guard = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    options.log?.(`Consul: ${what}`);
    try {
      return await run();
    } catch (error) {
      if (isCalvinError(error)) throw error;
      throw consulError(error, options.config, what);
    }
  };
  const toLive = (item: KvItem): LiveObject => ({
    kind: 'consul-kv/key',
    name: item.Key.slice(root.length),
    body: item.Value ?? '',
    managed: item.Flags === CALVIN_KV_FLAG,
    ref: { modifyIndex: item.ModifyIndex, flags: item.Flags },
  });
  // Rollback restores the flags the key had; every other write marks the key as calvin's.
  const flagsFor = (desired: DesiredObject): number => desired.restoreRef?.flags ?? CALVIN_KV_FLAG;
  const casFailed = (key: string): CalvinError =>
    new CalvinError(
      'APPLY_FAILED',
      `Consul key ${key} was changed by someone else during the deploy (check-and-set failed)`,
      'run the plan again to see the current state, then deploy again',
    );

  return {
    target: 'consul-kv',
    async list(wanted) {
      const prefixes = [...new Set(KV_MANAGED_PREFIXES)];
      const items = new Map<string, KvItem>();
      for (const prefix of prefixes) {
        const found = (await guard(`GET kv ${root}${prefix}?recurse`, () =>
          consul.kv.get({ key: `${root}${prefix}`, recurse: true }),
        )) as KvItem[] | KvItem | undefined | null;
        for (const item of Array.isArray(found) ? found : found ? [found] : []) items.set(item.Key, item);
      }
      for (const w of wanted) {
        const key = `${root}${w.name}`;
        if (items.has(key) || prefixes.some((p) => key.startsWith(`${root}${p}`))) continue;
        const found = (await guard(`GET kv ${key}`, () => consul.kv.get({ key }))) as KvItem | undefined | null;
        if (found) items.set(found.Key, found);
      }
      const wantedKeys = new Set(wanted.map((w) => `${root}${w.name}`));
      const objects: LiveObject[] = [];
      let foreign = 0;
      for (const item of items.values()) {
        if (item.Key.endsWith('/')) continue; // folder markers
        const live = toLive(item);
        if (!live.managed) foreign += 1;
        if (live.managed || wantedKeys.has(item.Key)) objects.push(live);
      }
      return { objects, foreign };
    },
    async read(_kind, name) {
      const key = `${root}${name}`;
      const found = (await guard(`GET kv ${key}`, () => consul.kv.get({ key }))) as KvItem | undefined | null;
      return found ? toLive(found) : undefined;
    },
    async create(desired) {
      const key = `${root}${desired.name}`;
      writes += 1;
      const ok = await guard(`PUT kv ${key}?cas=0`, () =>
        consul.kv.set({ key, value: String(desired.body), flags: flagsFor(desired), cas: 0 }),
      );
      if (!ok) throw casFailed(key);
    },
    async update(desired, live) {
      const key = `${root}${desired.name}`;
      const cas = live.ref?.modifyIndex ?? 0;
      writes += 1;
      const ok = await guard(`PUT kv ${key}?cas=${cas}`, () =>
        consul.kv.set({ key, value: String(desired.body), flags: flagsFor(desired), cas }),
      );
      if (!ok) throw casFailed(key);
    },
    async remove(live) {
      const key = `${root}${live.name}`;
      const cas = live.ref?.modifyIndex ?? 0;
      writes += 1;
      const ok = await guard(`DELETE kv ${key}?cas=${cas}`, () => consul.kv.del({ key, cas }));
      if (!ok) throw casFailed(key);
    },
    writes: () => writes,
  };
}

// ------------------------------------------------------------------------------------------
// Deploy lock: a Consul session with a TTL, and `acquire` on calvin/locks/deploy/<env>.

export interface DeployLock {
  /** Throws LOCK_LOST when the session ended or the key is no longer ours: call it before every write. */
  assertHeld(): Promise<void>;
  release(): Promise<void>;
}

/**
 * A node of the lock's datacenter whose serfHealth passes: the session lives there, so it is the
 * target datacenter's own health that keeps the lock, not the agent calvin happens to talk to.
 */
async function lockNode(consul: ConsulClient): Promise<string> {
  const checks = (await consul.health.state({ state: 'passing' })) as { Node: string; CheckID: string }[];
  const nodes = checks.filter((c) => c.CheckID === 'serfHealth').map((c) => c.Node);
  const node = [...new Set(nodes)].sort()[0];
  if (!node)
    throw new CalvinError(
      'CONSUL_UNREACHABLE',
      'no healthy Consul node to hold the deploy lock',
      "check the datacenter's Consul servers",
    );
  return node;
}

export interface LockOptions {
  config: Config;
  key: string;
  /** Wait for a holder to finish (true) or fail at once with LOCKED (false). */
  wait: boolean;
  /** Told once when the lock is held by someone else and we wait. */
  onWait?: (holder: string) => void;
  /** Session TTL: a crashed deploy loses the lock after this (Consul allows 10s..86400s). */
  ttlSeconds?: number;
  /** Who holds it, stored as the key's value. */
  holder: string;
  pollMs?: number;
  maxWaitMs?: number;
  client?: ConsulClient;
}

export async function acquireDeployLock(options: LockOptions): Promise<DeployLock> {
  const consul = options.client ?? createConsulClient(options.config);
  const ttl = Math.max(10, options.ttlSeconds ?? 30);
  const what = `the deploy lock ${options.key}`;
  let session: string;
  try {
    const created = (await consul.session.create({
      name: `calvin deploy ${options.key}`,
      node: await lockNode(consul),
      ttl: `${ttl}s`,
      behavior: 'delete',
      lockdelay: '1s',
    })) as { ID: string };
    session = created.ID;
  } catch (error) {
    throw consulError(error, options.config, what);
  }
  const destroy = async (): Promise<void> => {
    await consul.session.destroy({ id: session }).catch(() => undefined);
  };
  const started = Date.now();
  let told = false;
  try {
    for (;;) {
      const ok = await consul.kv.set({ key: options.key, value: options.holder, acquire: session });
      if (ok) break;
      const current = (await consul.kv.get({ key: options.key })) as KvItem | undefined | null;
      const holder = current?.Value ?? 'another deploy';
      if (!options.wait) {
        throw new CalvinError(
          'LOCKED',
          `another deploy holds ${options.key} (${holder})`,
          'wait for it to finish, or run without --no-wait to queue behind it',
        );
      }
      if (!told) {
        options.onWait?.(holder);
        told = true;
      }
      if (Date.now() - started > (options.maxWaitMs ?? 15 * 60_000)) {
        throw new CalvinError(
          'LOCKED',
          `gave up waiting for ${options.key} (${holder})`,
          'check for a stuck deploy; its lock expires with its session TTL',
        );
      }
      await consul.session.renew({ id: session }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 500));
    }
  } catch (error) {
    await destroy();
    if (isCalvinError(error)) throw error;
    throw consulError(error, options.config, what);
  }
  // Keep the session alive while the deploy runs; a failed renewal means the lock may be gone.
  let lost: string | undefined;
  const timer = setInterval(
    () => {
      consul.session.renew({ id: session }).then(
        (renewed: unknown) => {
          if (Array.isArray(renewed) && renewed.length === 0) lost ??= 'its session expired';
        },
        (error: unknown) => {
          lost ??= `renewing its session failed (${error instanceof Error ? error.message : String(error)})`;
        },
      );
    },
    (ttl * 1000) / 3,
  );
  timer.unref();
  const lockLost = (why: string): CalvinError =>
    new CalvinError(
      'LOCK_LOST',
      `lost the deploy lock ${options.key}: ${why}; stopped before the next write`,
      'another deploy may be running: check the plan, then deploy again',
    );
  return {
    async assertHeld() {
      if (lost) throw lockLost(lost);
      let item: KvItem | undefined | null;
      try {
        item = (await consul.kv.get({ key: options.key })) as KvItem | undefined | null;
      } catch (error) {
        throw lockLost(`Consul did not answer (${error instanceof Error ? error.message : String(error)})`);
      }
      if (item?.Session !== session) {
        lost = item ? 'another session holds it now' : 'its session was invalidated';
        throw lockLost(lost);
      }
    },
    async release() {
      clearInterval(timer);
      await consul.kv.set({ key: options.key, value: '', release: session }).catch(() => undefined);
      await destroy();
    },
  };
}
