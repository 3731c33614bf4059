/**
 * Service builder: what calvin knows about one Consul service (name, aliases, owner, the metrics and
 * logs that belong to it, runbooks). Diagnose reads the signals and the log selector.
 */
import type { Builder } from './builder.js';
import { assertId, assertNonEmpty, clone, definitionError } from './builder.js';
import type { LogSelector, MetricSignal, RunbookLink, ServiceDef } from './types.js';

export const DEFAULT_LOG_INDEX_PATTERN = 'logs-*';

export interface ServiceOptions {
  title: string;
  owner: string;
  /** Consul name; defaults to the id. */
  consulName?: string;
}

export class ServiceBuilder implements Builder<ServiceDef> {
  private readonly model: ServiceDef;

  constructor(id: string, options: ServiceOptions) {
    assertId(id, 'Service');
    assertNonEmpty(options.title, `Service "${id}" title`);
    assertNonEmpty(options.owner, `Service "${id}" owner`);
    this.model = {
      kind: 'service',
      id,
      consulName: options.consulName ?? id,
      title: options.title,
      aliases: [],
      owner: options.owner,
      metrics: { database: 'services', measurements: [], tagFilters: {}, signals: [] },
      logs: { indexPattern: DEFAULT_LOG_INDEX_PATTERN, serviceNames: [id], processNames: [] },
      runbooks: [],
    };
  }

  description(text: string): this {
    this.model.description = text;
    return this;
  }

  consulName(name: string): this {
    assertNonEmpty(name, `Service "${this.model.id}" consulName`);
    this.model.consulName = name;
    return this;
  }

  /** Other names diagnose accepts (`nexus` → `artefacts`). */
  aliases(names: string[]): this {
    this.model.aliases = [];
    for (const name of names) this.withAlias(name);
    return this;
  }

  withAlias(name: string): this {
    assertNonEmpty(name, `Service "${this.model.id}" alias`);
    if (name === this.model.id || name === this.model.consulName) {
      throw definitionError(
        `Service "${this.model.id}" lists its own name "${name}" as an alias.`,
        'Remove the alias.',
      );
    }
    if (!this.model.aliases.includes(name)) this.model.aliases.push(name);
    return this;
  }

  consulTags(tags: string[]): this {
    this.model.consulTags = [...tags];
    return this;
  }

  /** Main metrics database (application metrics); signals may name their own. */
  database(name: string): this {
    assertNonEmpty(name, `Service "${this.model.id}" database`);
    this.model.metrics.database = name;
    return this;
  }

  measurements(names: string[]): this {
    this.model.metrics.measurements = [...new Set(names)];
    return this;
  }

  /** Tag filters that select the service's series besides `host`, e.g. { category: 'queue' }. */
  tagFilters(filters: Record<string, string>): this {
    this.model.metrics.tagFilters = { ...filters };
    return this;
  }

  signals(signals: MetricSignal[]): this {
    this.model.metrics.signals = [];
    for (const s of signals) this.withSignal(s);
    return this;
  }

  withSignal(signal: MetricSignal): this {
    if (this.model.metrics.signals.some((s) => s.name === signal.name)) {
      throw definitionError(
        `Service "${this.model.id}" has two signals named "${signal.name}".`,
        'Give each signal a unique name.',
      );
    }
    validateSignal(signal, this.model.id);
    this.model.metrics.signals.push(clone(signal));
    if (!this.model.metrics.measurements.includes(signal.measurement))
      this.model.metrics.measurements.push(signal.measurement);
    return this;
  }

  /** How to find the service's logs; unspecified parts keep their defaults. */
  logs(selector: Partial<LogSelector>): this {
    this.model.logs = { ...this.model.logs, ...clone(selector) };
    return this;
  }

  /**
   * Lines the service logs when it has started (`^…`: at the start of the line), replacing calvin's
   * defaults for the Calvinverse services; `[]` turns start-up lines off.
   */
  startMarkers(markers: string[]): this {
    for (const m of markers) {
      if (m.replace(/^\^/, '').trim() === '')
        throw definitionError(`Service "${this.model.id}" has an empty start marker.`, 'Give each marker some text.');
    }
    this.model.logs.startMarkers = [...new Set(markers)];
    return this;
  }

  runbooks(links: RunbookLink[]): this {
    this.model.runbooks = [];
    for (const link of links) this.withRunbook(link.title, link.url);
    return this;
  }

  withRunbook(title: string, url: string): this {
    assertNonEmpty(title, `Service "${this.model.id}" runbook title`);
    assertUrl(url, `Service "${this.model.id}" runbook "${title}"`);
    this.model.runbooks.push({ title, url });
    return this;
  }

  /** Consul services this one needs; diagnose looks at their health when this one fails. */
  dependsOn(...names: string[]): this {
    const list = this.model.dependsOn ?? [];
    for (const name of names) {
      assertNonEmpty(name, `Service "${this.model.id}" dependency`);
      if (name === this.model.id || name === this.model.consulName)
        throw definitionError(`Service "${this.model.id}" depends on itself.`, 'Remove the dependency.');
      if (!list.includes(name)) list.push(name);
    }
    this.model.dependsOn = list;
    return this;
  }

  build(): ServiceDef {
    const { logs, id } = this.model;
    if (logs.serviceNames.length === 0 && logs.processNames.length === 0) {
      throw definitionError(
        `Service "${id}" has no log selector.`,
        'Set logs({ serviceNames }) or logs({ processNames }).',
      );
    }
    return clone(this.model);
  }
}

export function service(id: string, options: ServiceOptions): ServiceBuilder {
  return new ServiceBuilder(id, options);
}

export function assertUrl(url: string, what: string): void {
  if (!/^(https?:\/\/[^\s]+|\/[^\s]*|[a-z0-9][\w./-]*\.md)$/i.test(url)) {
    throw definitionError(
      `${what} has an invalid URL "${url}".`,
      'Use an http(s) URL, an absolute path or a runbooks/<id>.md file.',
    );
  }
}

function validateSignal(signal: MetricSignal, serviceId: string): void {
  const where = `Signal "${signal.name}" of service "${serviceId}"`;
  if (!/^[a-z0-9_.-]+$/i.test(signal.name))
    throw definitionError(`${where} has an invalid name.`, 'Use letters, digits, dots, dashes and underscores.');
  for (const key of ['database', 'measurement', 'field', 'title'] as const)
    assertNonEmpty(signal[key], `${where} ${key}`);
  const { warning, critical, worseWhen } = signal;
  if (warning !== undefined && critical !== undefined) {
    const ordered = worseWhen === 'higher' ? warning <= critical : warning >= critical;
    if (!ordered) {
      throw definitionError(
        `${where} has warning ${warning} beyond critical ${critical}.`,
        `With worseWhen "${worseWhen}", warning must be reached before critical.`,
      );
    }
  }
}
