/**
 * The version an instance runs, from what Calvinverse-style environments carry: the Consul service
 * `Meta.version`, a service tag that looks like a version (`1.3.0`, `v1.3.0`, `version=1.3.0`), or the
 * node `Meta.image` (immutable infrastructure: the image is the version). Pure.
 */
import type { CollectedInstance } from './collected.js';
import type { InstanceInfo } from './backend-types.js';

const VERSION = /^v?\d+(?:\.\d+){1,3}(?:[-+][0-9A-Za-z.-]+)?$/;

export function versionOf(i: Pick<InstanceInfo, 'tags' | 'serviceMeta' | 'nodeMeta'>): string | undefined {
  const meta = i.serviceMeta?.version?.trim();
  if (meta) return meta;
  for (const tag of i.tags ?? []) {
    const value = tag.startsWith('version=') ? tag.slice('version='.length) : tag;
    if (VERSION.test(value)) return value.replace(/^v(?=\d)/, '');
  }
  const image = i.nodeMeta?.image?.trim();
  return image || undefined;
}

/** The collected shape of an instance, with its version when it has one. */
export function withVersion(i: InstanceInfo): CollectedInstance {
  const version = versionOf(i);
  return {
    node: i.node,
    address: i.address,
    serviceId: i.serviceId,
    checks: i.checks,
    ...(version ? { version } : {}),
  };
}

/** Versions in order, oldest first: numeric parts compared as numbers, the rest as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.\-+_]/);
  const pb = b.split(/[.\-+_]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = /^\d+$/.test(x) ? Number(x) : Number.NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : Number.NaN;
    const d = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x.localeCompare(y);
    if (d !== 0) return d;
  }
  return 0;
}
