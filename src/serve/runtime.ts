/**
 * Everything one `calvin serve` process holds: the Config, the definitions, the alert store, the
 * spool and drain, the diagnosis queue and metrics. Diagnoses go through `diagnose()`, the very
 * function behind `calvin diagnose`.
 */
import os from 'node:os';
import path from 'node:path';
import { AlertStore } from '../backends/alert-store.js';
import { nodeServiceNames } from '../backends/consul-serve.js';
import { listServices } from '../backends/consul.js';
import type { Config } from '../config.js';
import type { Catalog } from '../define/types.js';
import { diagnose, DEFAULT_WINDOW_MS } from '../diagnose/run.js';
import { CalvinError } from '../errors.js';
import { runbookName } from '../render/kapacitor.js';
import { nestProperties } from '../render/elasticsearch.js';
import { SERVE_ALERT_FIELDS, SERVE_DIAGNOSIS_FIELDS } from '../define/serve-mappings.js';
import { redactDeep } from '../redact.js';
import { DEFAULT_COALESCE_MS } from './coalesce.js';
import { DiagnosisQueue } from './diagnosis-queue.js';
import type { IncomingAlert } from './intake.js';
import type { LogLine } from './log.js';
import { createMetrics, type ServeMetrics } from './metrics.js';
import { AlertProcessor } from './processor.js';
import { ClaimLeases, DEFAULT_LEASE_MS } from './claim-leases.js';
import { resolveService, type ResolveLookups } from './resolve-service.js';
import { Spool } from './spool.js';
import type { StoredDiagnosis } from './types.js';

export interface ServeOptions {
  /** Public base URL of this serve (links in 202 answers and pages); default http://host:port. */
  publicUrl: string;
  token?: string;
  protectReads: boolean;
  spoolDir?: string;
  indexSuffix?: string;
  coalesceMs?: number;
  concurrency?: number;
  queueCapacity?: number;
  maxBacklog?: number;
  bodyLimit?: string;
  /** A replica's name in claims and logs. */
  replica?: string;
  /** How long a claim stays a replica's without renewal; after it, another replica takes it over. */
  claimLeaseMs?: number;
  /** Budget of one diagnosis. */
  deadlineMs?: number;
  log: LogLine;
  /** Default prom-client process metrics (off in tests that build many apps). */
  processMetrics?: boolean;
}

export interface ServeRuntime {
  config: Config;
  catalog: Catalog;
  options: ServeOptions;
  store: AlertStore;
  processor: AlertProcessor;
  queue: DiagnosisQueue;
  metrics: ServeMetrics;
  runbooks: Map<string, { title: string; markdown: string }>;
  environment(): Promise<string>;
  stop(): Promise<void>;
}

const CACHE_MS = 30_000;

/** Consul look-ups for resolution, cached briefly: a burst of 1,000 alerts asks Consul a few times. */
function cachedLookups(config: Config, catalog: Catalog): ResolveLookups {
  const alertServices = new Map<string, string>();
  const consulName = new Map(catalog.services.map((s) => [s.id, s.consulName ?? s.id]));
  for (const a of catalog.alerts) alertServices.set(a.id, consulName.get(a.service) ?? a.service);
  const aliases = new Map<string, string>();
  for (const s of catalog.services) for (const alias of s.aliases ?? []) aliases.set(alias, s.consulName ?? s.id);
  let services: { at: number; names: Promise<ReadonlySet<string>> } | undefined;
  const nodes = new Map<string, { at: number; names: Promise<string[]> }>();
  const fresh = (at: number): boolean => Date.now() - at < CACHE_MS;
  return {
    alertServices,
    aliases,
    consulServices() {
      if (!services || !fresh(services.at)) {
        const names = listServices(config).then((s) => new Set(Object.keys(s)));
        services = { at: Date.now(), names };
        names.catch(() => {
          services = undefined;
        });
      }
      return services.names;
    },
    nodeServices(node) {
      const hit = nodes.get(node);
      if (hit && fresh(hit.at)) return hit.names;
      const names = nodeServiceNames(config, node);
      nodes.set(node, { at: Date.now(), names });
      names.catch(() => nodes.delete(node));
      return names;
    },
  };
}

export async function createRuntime(config: Config, catalog: Catalog, options: ServeOptions): Promise<ServeRuntime> {
  if (!config.elasticsearch) {
    throw new CalvinError(
      'BAD_ARGUMENT',
      'calvin serve needs Elasticsearch to store alerts and snapshots',
      'set ELASTICSEARCH_URL (or elasticsearch in calvin.config) or register documents/http in Consul',
    );
  }
  const store = new AlertStore(config.elasticsearch, {
    ...(options.indexSuffix ? { indexSuffix: options.indexSuffix } : {}),
  });
  const metrics = createMetrics(options.processMetrics ?? true);
  const queue = new DiagnosisQueue(options.concurrency ?? 2, options.queueCapacity ?? 100);
  const replica = options.replica ?? `${os.hostname()}:${process.pid}`;
  const spool = new Spool<IncomingAlert>(options.spoolDir ?? path.join(config.root, '.calvin', 'spool'));
  const lookups = cachedLookups(config, catalog);
  const runDiagnosis = async (claim: StoredDiagnosis): Promise<void> => {
    const started = Date.now();
    try {
      const result = await diagnose(config, {
        query: claim.service,
        to: new Date(claim.time),
        lengthMs: DEFAULT_WINDOW_MS,
        catalog,
        ...(options.deadlineMs ? { deadlineMs: options.deadlineMs } : {}),
      });
      const snapshot = redactDeep({ diagnosis: result.diagnosis, charts: result.charts });
      await store.updateDiagnosis(claim.id, {
        state: 'done',
        status: snapshot.diagnosis.status,
        summary: snapshot.diagnosis.summary,
        snapshot: JSON.stringify(snapshot),
        finishedAt: new Date().toISOString(),
        durationMs: Date.now() - started,
      });
      metrics.diagnoses.inc({ outcome: 'done' });
      options.log({
        event: 'diagnosis',
        id: claim.id,
        service: claim.service,
        status: snapshot.diagnosis.status,
        durationMs: Date.now() - started,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      metrics.diagnoses.inc({ outcome: 'failed' });
      options.log({
        event: 'diagnosis',
        id: claim.id,
        service: claim.service,
        state: 'failed',
        error: message,
        durationMs: Date.now() - started,
      });
      await store
        .updateDiagnosis(claim.id, { state: 'failed', error: message, finishedAt: new Date().toISOString() })
        .catch(() => undefined);
    } finally {
      metrics.diagnosisSeconds.observe((Date.now() - started) / 1000);
    }
  };
  const leaseMs = options.claimLeaseMs ?? DEFAULT_LEASE_MS;
  const leases = new ClaimLeases({ store, replica, leaseMs, now: () => new Date(), log: options.log });
  const processor = new AlertProcessor({
    store,
    spool,
    queue,
    leases,
    sweepMs: Math.max(1, Math.floor(leaseMs / 2)),
    resolve: (alert) => resolveService(alert, lookups),
    runDiagnosis,
    prepareStore: () =>
      store.ensureIndices({
        alerts: { dynamic: true, properties: nestProperties({ ...SERVE_ALERT_FIELDS }, 'calvin-alerts') },
        diagnoses: { dynamic: false, properties: nestProperties({ ...SERVE_DIAGNOSIS_FIELDS }, 'calvin-diagnoses') },
      } as never),
    now: () => new Date(),
    replica,
    coalesceMs: options.coalesceMs ?? DEFAULT_COALESCE_MS,
    maxBacklog: options.maxBacklog ?? 10_000,
    onStored: (outcome) => metrics.alertsStored.inc({ outcome }),
    log: options.log,
  });
  const runbooks = new Map<string, { title: string; markdown: string }>();
  for (const a of catalog.alerts) {
    if (a.runbook.markdown) runbooks.set(runbookName(a), { title: a.runbook.title, markdown: a.runbook.markdown });
  }
  let environment: Promise<string> | undefined;
  const recovered = await processor.start();
  if (recovered > 0) options.log({ event: 'spool-recovered', alerts: recovered });
  return {
    config,
    catalog,
    options,
    store,
    processor,
    queue,
    metrics,
    runbooks,
    environment() {
      environment ??= import('../backends/consul.js').then(({ localDatacenter }) =>
        config.consul.datacenter ? config.consul.datacenter : localDatacenter(config),
      );
      environment.catch(() => {
        environment = undefined;
      });
      return environment;
    },
    async stop() {
      await processor.stop();
      await store.close();
    },
  };
}
