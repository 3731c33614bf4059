/** What diagnose needs from the backends, as types only: every collector depends on these, not on collect.ts. */
import type { Endpoint } from '../config.js';
import type { CollectedInstance } from './collected.js';
import type { KnownNode } from './dependency-refs.js';
import type { InfluxSeries } from './parse.js';

export interface InstanceInfo extends CollectedInstance {
  tags?: string[];
  serviceMeta?: Record<string, string>;
  nodeMeta?: Record<string, string>;
}

export interface CallOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/** What diagnose needs from the backends; `createDiagnoseBackends` wires the real ones. */
export interface DiagnoseBackends {
  datacenter(options: CallOptions): Promise<string>;
  listServices(options: CallOptions): Promise<string[]>;
  serviceInstances(service: string, options: CallOptions): Promise<InstanceInfo[]>;
  endpoints(options: CallOptions): Promise<{
    influx?: Endpoint & { username?: string; password?: string };
    elasticsearch?: Endpoint & { username?: string; password?: string };
  }>;
  influxQuery(
    endpoint: Endpoint & { username?: string; password?: string },
    database: string,
    query: string,
    options: CallOptions,
  ): Promise<InfluxSeries[]>;
  esFieldCaps(
    endpoint: Endpoint & { username?: string; password?: string },
    index: string,
    fields: string[],
    options: CallOptions,
  ): Promise<unknown>;
  esSearch(
    endpoint: Endpoint & { username?: string; password?: string },
    index: string,
    body: Record<string, unknown>,
    options: CallOptions,
  ): Promise<unknown>;
  /** Several searches in one request (index lists travel in the body, not the URL). */
  esMultiSearch(
    endpoint: Endpoint & { username?: string; password?: string },
    searches: { index: string[]; body: Record<string, unknown> }[],
    options: CallOptions,
  ): Promise<unknown[]>;
  /** Catalog nodes by name or address, with their services (resolves what error messages name). */
  findNodes?(wanted: string[], options: CallOptions): Promise<KnownNode[]>;
}
