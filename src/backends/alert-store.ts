/**
 * calvin serve's own documents in Elasticsearch: alerts (`calvin-alerts<suffix>`) and diagnosis
 * snapshots (`calvin-diagnoses<suffix>`). Ids are deterministic and written with `op_type=create`,
 * so a duplicate delivery, or a second replica, finds the document there (409) instead of adding one.
 * I/O only: what to store and when is decided in src/serve.
 */
import type { Client, estypes } from '@elastic/elasticsearch';
import { createElasticClient } from './es-client.js';
import { type ElasticEndpoint, elasticError } from './elasticsearch.js';

export type CreateOutcome = 'created' | 'exists';

export interface AlertStoreOptions {
  /** Appended to the index names (tests and several serves sharing a cluster). */
  indexSuffix?: string;
  timeoutMs?: number;
}

export interface AlertQuery {
  service?: string;
  since?: string;
  level?: string;
  /** Only alerts not closed by an OK. */
  open?: boolean;
  size?: number;
}

/** Elasticsearch's document version for optimistic concurrency. */
export interface DocVersion {
  seqNo: number;
  primaryTerm: number;
}

export interface Versioned<T> {
  doc: T;
  version: DocVersion;
}

interface EsError {
  meta?: { statusCode?: number };
}

export class AlertStore {
  readonly alertsIndex: string;
  readonly diagnosesIndex: string;
  private readonly client: Client;
  private readonly timeoutMs: number;
  private indicesReady = false;

  constructor(
    private readonly endpoint: ElasticEndpoint,
    options: AlertStoreOptions = {},
  ) {
    const suffix = options.indexSuffix ?? '';
    this.alertsIndex = `calvin-alerts${suffix}`;
    this.diagnosesIndex = `calvin-diagnoses${suffix}`;
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.client = createElasticClient(endpoint, { timeoutMs: this.timeoutMs });
  }

  private get transport(): { requestTimeout: number; maxRetries: number } {
    return { requestTimeout: this.timeoutMs, maxRetries: 0 };
  }

  async ping(): Promise<boolean> {
    try {
      await this.client.cluster.health(undefined, this.transport);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Creates both indices with these mappings unless they exist (an index template deployed by
   * `calvin deploy` applies too); done once per process, before the first write.
   */
  async ensureIndices(mappings: { alerts: estypes.MappingTypeMapping; diagnoses: estypes.MappingTypeMapping }) {
    if (this.indicesReady) return;
    for (const [index, body] of [
      [this.alertsIndex, mappings.alerts],
      [this.diagnosesIndex, mappings.diagnoses],
    ] as const) {
      try {
        await this.client.indices.create({ index, mappings: body }, { ...this.transport, requestTimeout: 30_000 });
      } catch (error) {
        const e = error as EsError & { message?: string };
        if (!(e.meta?.statusCode === 400 && /resource_already_exists/.test(String(e.message)))) {
          throw elasticError(error, this.endpoint, `the creation of index ${index}`);
        }
      }
    }
    this.indicesReady = true;
  }

  /** Creates each document unless its id exists; throws when Elasticsearch cannot be reached. */
  async createAlerts(docs: { id: string; doc: Record<string, unknown> }[]): Promise<CreateOutcome[]> {
    if (docs.length === 0) return [];
    const operations = docs.flatMap((d) => [{ create: { _index: this.alertsIndex, _id: d.id } }, d.doc]);
    let res: estypes.BulkResponse;
    try {
      res = await this.client.bulk({ operations, refresh: 'wait_for' }, this.transport);
    } catch (error) {
      throw elasticError(error, this.endpoint, 'storing alerts');
    }
    return res.items.map((item) => {
      const status = item.create?.status ?? 500;
      if (status === 409) return 'exists';
      if (status >= 300)
        throw elasticError({ meta: { statusCode: status, body: item.create } }, this.endpoint, 'an alert');
      return 'created';
    });
  }

  /** The claim on a diagnosis: only the first caller creates it (and gets its version) and runs the diagnosis. */
  async claimDiagnosis(id: string, doc: Record<string, unknown>): Promise<DocVersion | 'exists'> {
    try {
      const res = await this.client.create({ index: this.diagnosesIndex, id, document: doc }, this.transport);
      return { seqNo: res._seq_no ?? 0, primaryTerm: res._primary_term ?? 1 };
    } catch (error) {
      if ((error as EsError).meta?.statusCode === 409) return 'exists';
      throw elasticError(error, this.endpoint, 'a diagnosis claim');
    }
  }

  /** A diagnosis document with the version a conditional write must name (optimistic concurrency). */
  async getDiagnosisVersioned<T>(id: string): Promise<Versioned<T> | undefined> {
    try {
      const res = await this.client.get<T>({ index: this.diagnosesIndex, id }, this.transport);
      if (res._source === undefined || res._seq_no === undefined || res._primary_term === undefined) return undefined;
      return { doc: res._source, version: { seqNo: res._seq_no, primaryTerm: res._primary_term } };
    } catch (error) {
      if ((error as EsError).meta?.statusCode === 404) return undefined;
      throw elasticError(error, this.endpoint, `diagnosis ${id}`);
    }
  }

  /**
   * Updates a diagnosis only if nobody wrote it since `version` was read (`if_seq_no`/`if_primary_term`):
   * the new version, or undefined when another writer came first (409).
   */
  async updateDiagnosisIf(
    id: string,
    partial: Record<string, unknown>,
    version: DocVersion,
  ): Promise<DocVersion | undefined> {
    try {
      const res = await this.client.update(
        {
          index: this.diagnosesIndex,
          id,
          doc: partial,
          if_seq_no: version.seqNo,
          if_primary_term: version.primaryTerm,
        },
        this.transport,
      );
      return { seqNo: res._seq_no ?? version.seqNo + 1, primaryTerm: res._primary_term ?? version.primaryTerm };
    } catch (error) {
      if ((error as EsError).meta?.statusCode === 409) return undefined;
      throw elasticError(error, this.endpoint, `diagnosis ${id}`);
    }
  }

  /** Diagnoses still pending, with their versions (few: a pending one is running or abandoned). */
  async pendingDiagnoses<T>(size = 100): Promise<({ id: string } & Versioned<T>)[]> {
    try {
      const res = await this.client.search<T>(
        {
          index: this.diagnosesIndex,
          size,
          seq_no_primary_term: true,
          ignore_unavailable: true,
          allow_no_indices: true,
          query: { bool: { filter: [{ term: { state: 'pending' } }] } },
        },
        this.transport,
      );
      return res.hits.hits.flatMap((h) =>
        h._source === undefined || h._seq_no === undefined || h._primary_term === undefined
          ? []
          : [{ id: h._id as string, doc: h._source, version: { seqNo: h._seq_no, primaryTerm: h._primary_term } }],
      );
    } catch (error) {
      if ((error as EsError).meta?.statusCode === 404) return [];
      throw elasticError(error, this.endpoint, 'a search of pending diagnoses');
    }
  }

  async updateDiagnosis(id: string, partial: Record<string, unknown>): Promise<void> {
    try {
      await this.client.update({ index: this.diagnosesIndex, id, doc: partial }, this.transport);
    } catch (error) {
      throw elasticError(error, this.endpoint, 'a diagnosis');
    }
  }

  async updateAlerts(ids: string[], partial: Record<string, unknown>): Promise<void> {
    if (ids.length === 0) return;
    const operations = ids.flatMap((id) => [{ update: { _index: this.alertsIndex, _id: id } }, { doc: partial }]);
    try {
      await this.client.bulk({ operations, refresh: 'wait_for' }, this.transport);
    } catch (error) {
      throw elasticError(error, this.endpoint, 'closing alerts');
    }
  }

  private async getDoc<T>(index: string, id: string): Promise<T | undefined> {
    try {
      const res = await this.client.get<T>({ index, id }, this.transport);
      return res._source;
    } catch (error) {
      if ((error as EsError).meta?.statusCode === 404) return undefined;
      throw elasticError(error, this.endpoint, `document ${id}`);
    }
  }

  getAlert<T>(id: string): Promise<T | undefined> {
    return this.getDoc<T>(this.alertsIndex, id);
  }

  getDiagnosis<T>(id: string): Promise<T | undefined> {
    return this.getDoc<T>(this.diagnosesIndex, id);
  }

  private async search<T>(
    index: string,
    filter: estypes.QueryDslQueryContainer[],
    size: number,
    mustNot: estypes.QueryDslQueryContainer[] = [],
  ): Promise<T[]> {
    try {
      const res = await this.client.search<T>(
        {
          index,
          size,
          ignore_unavailable: true,
          allow_no_indices: true,
          query: { bool: { filter, must_not: mustNot } },
          sort: [{ time: { order: 'desc', unmapped_type: 'date' } }],
        },
        this.transport,
      );
      return res.hits.hits.map((h) => h._source as T);
    } catch (error) {
      if ((error as EsError).meta?.statusCode === 404) return [];
      throw elasticError(error, this.endpoint, `a search of ${index}`);
    }
  }

  searchAlerts<T>(query: AlertQuery): Promise<T[]> {
    const filter: estypes.QueryDslQueryContainer[] = [];
    if (query.service) filter.push({ term: { service: query.service } });
    if (query.level) filter.push({ term: { level: query.level } });
    if (query.since) filter.push({ range: { time: { gte: query.since } } });
    const mustNot: estypes.QueryDslQueryContainer[] = [];
    if (query.open) mustNot.push({ term: { level: 'OK' } }, { exists: { field: 'closedAt' } });
    return this.search<T>(this.alertsIndex, filter, query.size ?? 100, mustNot);
  }

  /** Open (not yet closed) alerts of one sender's alert id, for an OK to close them. */
  openAlertsOf<T>(source: string, alertId: string): Promise<T[]> {
    return this.search<T>(this.alertsIndex, [{ term: { source } }, { term: { alertId } }], 1000, [
      { term: { level: 'OK' } },
      { exists: { field: 'closedAt' } },
    ]);
  }

  latestDiagnoses<T>(size: number): Promise<T[]> {
    return this.search<T>(this.diagnosesIndex, [{ term: { state: 'done' } }], size);
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
