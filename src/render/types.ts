/** What every renderer produces: plain artifacts that `calvin build` writes and `calvin deploy` applies. */
import type { EnvironmentModel } from '../define/environment.js';
import type { Catalog } from '../define/types.js';

export type Target = 'grafana' | 'chronograf' | 'kapacitor' | 'logstash' | 'elasticsearch';
export const TARGETS: readonly Target[] = ['grafana', 'chronograf', 'kapacitor', 'logstash', 'elasticsearch'];

export type ArtifactType =
  | 'grafana-dashboard'
  | 'grafana-kv' // Calvinverse's Consul KV provisioning layout for Grafana
  | 'chronograf-dashboard'
  | 'kapacitor-task'
  | 'kapacitor-tickscript' // the task's script as a .tick file, for review and lint; deploy applies the task
  | 'logstash-pipeline'
  | 'logstash-kv' // config/services/logs/filters/<name>
  | 'es-index-template'
  | 'es-component-template';

export interface Artifact {
  target: Target;
  type: ArtifactType;
  /** Definition id it came from (several artifacts may share one). */
  definitionId: string;
  /** Name in the backend: Grafana uid, Chronograf name, Kapacitor task id, template name, KV key. */
  name: string;
  /** Relative output path under `calvin build --out`, POSIX separators. */
  path: string;
  /** Exact bytes written by `calvin build` (JSON with sorted keys and a final newline, or text). */
  content: string;
  /** Parsed body sent to the backend API (for JSON artifacts the parsed `content`). */
  body: unknown;
  /** Extra facts deploy needs that are not part of the body (e.g. `folder` for Grafana dashboards). */
  meta?: Record<string, string>;
}

export interface RenderOptions {
  targets: readonly Target[];
  /**
   * Grafana datasource reference per InfluxDB database name: the name the environment provisions
   * (Grafana resolves a reference's `uid` by uid, then by name), or a uid it provisions.
   */
  datasources: Record<string, string>;
  /** The target environment's databases, retention policy and datasources; default: Calvinverse's. */
  environment?: EnvironmentModel;
  /** Base URL where runbooks are published (`<serve URL>/runbooks`); alert messages link `${runbookBaseUrl}/<name>`. */
  runbookBaseUrl: string;
  /** calvin serve's URL, target of the `calvin()` alert handler (its token lives in kapacitor.conf, never here). */
  serveUrl?: string;
  /** Kapacitor retention policy default. */
  retentionPolicy: string;
  /** Grafana datasource uid of the Elasticsearch logs datasource (log-count panels); default `elasticsearch-logs`. */
  logsDatasource?: string;
  /**
   * InfluxDB URL written into the Grafana datasource provisioning YAML; default Calvinverse's `http.metrics` address.
   */
  influxUrl?: string;
  /**
   * Elasticsearch URL written into the Grafana datasource provisioning YAML; default Calvinverse's `http.documents`
   * address.
   */
  elasticsearchUrl?: string;
}

export type RenderCatalog = (catalog: Catalog, options: RenderOptions) => Artifact[];
