/**
 * Dashboard, row and panel builders. Panels carry width and height only; the Grafana renderer lays
 * them out (positions, ids). Queries are typed InfluxQL (`influx(...)`) or Lucene log counts.
 */
import type { Buildable, Builder } from './builder.js';
import { assertId, assertNonEmpty, clone, definitionError, fresh } from './builder.js';
import { isIntervalExpression, variableRef } from './influxql.js';
import { influx } from './query-builder.js';
import { assertUrl } from './service.js';
import type {
  Annotation,
  DashboardDef,
  LogCountQuery,
  Panel,
  PanelType,
  Query,
  Row,
  RunbookLink,
  TagCondition,
  Threshold,
  Variable,
} from './types.js';

const DEFAULT_SIZE: Record<PanelType, { width: number; height: number }> = {
  timeseries: { width: 12, height: 8 },
  stat: { width: 6, height: 4 },
  gauge: { width: 6, height: 6 },
  table: { width: 24, height: 8 },
  'log-count': { width: 12, height: 8 },
  text: { width: 24, height: 3 },
};

export class PanelBuilder implements Builder<Panel> {
  private readonly model: Panel;

  constructor(type: PanelType, title: string) {
    assertNonEmpty(title, `${type} panel title`);
    this.model = { type, title, ...DEFAULT_SIZE[type], queries: [] };
  }

  description(text: string): this {
    this.model.description = text;
    return this;
  }

  /** Grid width 1..24 (Grafana columns). */
  width(columns: number): this {
    if (!Number.isInteger(columns) || columns < 1 || columns > 24) {
      throw definitionError(
        `Panel "${this.model.title}" width ${columns} is outside 1..24.`,
        'Use a whole number of grid columns from 1 to 24.',
      );
    }
    this.model.width = columns;
    return this;
  }

  /** Alias of width(), in the Foundation SDK's words. */
  span(columns: number): this {
    return this.width(columns);
  }

  height(rows: number): this {
    if (!Number.isInteger(rows) || rows < 1 || rows > 100) {
      throw definitionError(
        `Panel "${this.model.title}" height ${rows} is outside 1..100.`,
        'Use a whole number of grid rows.',
      );
    }
    this.model.height = rows;
    return this;
  }

  datasource(uid: string): this {
    this.model.datasource = uid;
    return this;
  }

  queries(queries: Buildable<Query>[]): this {
    this.model.queries = [];
    for (const q of queries) this.withQuery(q);
    return this;
  }

  withQuery(query: Buildable<Query>): this {
    if (this.model.type === 'text' || this.model.type === 'log-count') {
      throw definitionError(
        `Panel "${this.model.title}" of type ${this.model.type} takes no InfluxQL query.`,
        this.model.type === 'text' ? 'Use content().' : 'Use logQuery().',
      );
    }
    this.model.queries.push(fresh(query));
    return this;
  }

  /** Log count over time from Elasticsearch; `query` is Lucene (build it with luceneTerm/luceneAnyOf). */
  logQuery(query: Partial<LogCountQuery> & { query: string }): this {
    if (this.model.type !== 'log-count') {
      throw definitionError(
        `Panel "${this.model.title}" of type ${this.model.type} cannot hold a log query.`,
        'Use logCount(title) for log panels.',
      );
    }
    this.model.logQuery = {
      indexPattern: query.indexPattern ?? 'logs-*',
      query: query.query,
      ...(query.groupBy ? { groupBy: query.groupBy } : {}),
    };
    return this;
  }

  unit(unit: string): this {
    this.model.unit = unit;
    return this;
  }

  min(value: number): this {
    this.model.min = value;
    return this;
  }

  max(value: number): this {
    this.model.max = value;
    return this;
  }

  decimals(digits: number): this {
    if (!Number.isInteger(digits) || digits < 0 || digits > 10)
      throw definitionError(`Panel "${this.model.title}" decimals ${digits} is outside 0..10.`, 'Use 0 to 10.');
    this.model.decimals = digits;
    return this;
  }

  thresholds(steps: Threshold[]): this {
    this.model.thresholds = [];
    for (const step of steps) this.withThreshold(step.value, step.color);
    return this;
  }

  /** Threshold steps must ascend; the first may be `null` (base colour). */
  withThreshold(value: number | null, color: string): this {
    const steps = (this.model.thresholds ??= []);
    const previous = steps.at(-1);
    if (value === null && steps.length > 0)
      throw definitionError(
        `Panel "${this.model.title}": only the first threshold may be null.`,
        'Put the base colour first.',
      );
    if (previous && previous.value !== null && value !== null && value <= previous.value) {
      throw definitionError(
        `Panel "${this.model.title}" threshold ${value} does not ascend after ${previous.value}.`,
        'List thresholds from low to high.',
      );
    }
    steps.push({ value, color });
    return this;
  }

  /** Markdown for text panels. */
  content(markdown: string): this {
    if (this.model.type !== 'text')
      throw definitionError(`Panel "${this.model.title}" is not a text panel.`, 'Use text(title) for markdown.');
    this.model.content = markdown;
    return this;
  }

  links(links: RunbookLink[]): this {
    this.model.links = [];
    for (const link of links) this.withLink(link.title, link.url);
    return this;
  }

  withLink(title: string, url: string): this {
    assertUrl(url, `Panel "${this.model.title}" link "${title}"`);
    (this.model.links ??= []).push({ title, url });
    return this;
  }

  build(): Panel {
    const { type, title } = this.model;
    if (type === 'text' && !this.model.content)
      throw definitionError(`Text panel "${title}" has no content.`, 'Call content(markdown).');
    if (type === 'log-count' && !this.model.logQuery)
      throw definitionError(`Log-count panel "${title}" has no log query.`, 'Call logQuery({ query }).');
    if (type !== 'text' && type !== 'log-count' && this.model.queries.length === 0) {
      throw definitionError(`Panel "${title}" has no query.`, 'Add one with withQuery(influx(...)).');
    }
    return clone(this.model);
  }
}

export const timeseries = (title: string): PanelBuilder => new PanelBuilder('timeseries', title);
export const stat = (title: string): PanelBuilder => new PanelBuilder('stat', title);
export const gauge = (title: string): PanelBuilder => new PanelBuilder('gauge', title);
export const table = (title: string): PanelBuilder => new PanelBuilder('table', title);
export const logCount = (title: string): PanelBuilder => new PanelBuilder('log-count', title);
export const text = (title: string): PanelBuilder => new PanelBuilder('text', title);

/** Generic entry point: `panel('stat', 'Queues')`. */
export const panel = (type: PanelType, title: string): PanelBuilder => new PanelBuilder(type, title);

export class RowBuilder implements Builder<Row> {
  private readonly model: Row;

  constructor(title: string) {
    assertNonEmpty(title, 'Row title');
    this.model = { title, collapsed: false, panels: [] };
  }

  collapsed(on = true): this {
    this.model.collapsed = on;
    return this;
  }

  panels(panels: Buildable<Panel>[]): this {
    this.model.panels = [];
    for (const p of panels) this.withPanel(p);
    return this;
  }

  withPanel(panel: Buildable<Panel>): this {
    this.model.panels.push(fresh(panel));
    return this;
  }

  build(): Row {
    if (this.model.panels.length === 0)
      throw definitionError(`Row "${this.model.title}" has no panels.`, 'Add panels with withPanel(...).');
    return clone(this.model);
  }
}

export const row = (title: string): RowBuilder => new RowBuilder(title);

export class DashboardBuilder implements Builder<DashboardDef> {
  private readonly model: DashboardDef;
  private readonly pendingRows: (Row | RowBuilder)[] = [];

  constructor(id: string, title: string) {
    assertId(id, 'Dashboard');
    assertNonEmpty(title, `Dashboard "${id}" title`);
    this.model = {
      kind: 'dashboard',
      id,
      title,
      tags: ['calvin'],
      folder: 'Calvin',
      time: { from: 'now-6h', to: 'now' },
      variables: [],
      annotations: [],
      links: [],
      rows: [],
    };
  }

  /** Service id the dashboard belongs to (also added as a tag). */
  service(id: string): this {
    assertId(id, 'Service');
    this.model.service = id;
    if (!this.model.tags.includes(id)) this.model.tags.push(id);
    return this;
  }

  tags(tags: string[]): this {
    this.model.tags = [...new Set(tags)];
    return this;
  }

  withTag(tag: string): this {
    if (!this.model.tags.includes(tag)) this.model.tags.push(tag);
    return this;
  }

  folder(name: string): this {
    assertNonEmpty(name, `Dashboard "${this.model.id}" folder`);
    this.model.folder = name;
    return this;
  }

  refresh(interval: string): this {
    if (!/^[0-9]+(s|m|h|d)$/.test(interval))
      throw definitionError(
        `Dashboard "${this.model.id}" refresh "${interval}" is not a duration.`,
        'Use e.g. 30s, 1m or 5m.',
      );
    this.model.refresh = interval;
    return this;
  }

  time(from: string, to = 'now'): this {
    this.model.time = { from, to };
    return this;
  }

  variables(variables: Variable[]): this {
    this.model.variables = [];
    for (const v of variables) this.withVariable(v);
    return this;
  }

  withVariable(variable: Variable): this {
    variableRef(variable.name);
    if (this.model.variables.some((v) => v.name === variable.name)) {
      throw definitionError(
        `Dashboard "${this.model.id}" has two variables named "${variable.name}".`,
        'Give each variable a unique name.',
      );
    }
    this.model.variables.push(clone(variable));
    return this;
  }

  annotations(annotations: Annotation[]): this {
    this.model.annotations = annotations.map((a) => clone(a));
    return this;
  }

  withAnnotation(annotation: Annotation): this {
    this.model.annotations.push(clone(annotation));
    return this;
  }

  links(links: RunbookLink[]): this {
    this.model.links = [];
    for (const link of links) this.withLink(link.title, link.url);
    return this;
  }

  withLink(title: string, url: string): this {
    assertUrl(url, `Dashboard "${this.model.id}" link "${title}"`);
    this.model.links.push({ title, url });
    return this;
  }

  rows(rows: Buildable<Row>[]): this {
    this.pendingRows.length = 0;
    for (const r of rows) this.withRow(r);
    return this;
  }

  withRow(r: Buildable<Row>): this {
    this.pendingRows.push(r instanceof RowBuilder ? r : fresh(r));
    return this;
  }

  /** Adds a panel to the last row (a row named "Overview" is started when there is none). */
  withPanel(panel: Buildable<Panel>): this {
    let last = this.pendingRows.at(-1);
    if (!last) {
      last = new RowBuilder('Overview');
      this.pendingRows.push(last);
    }
    if (last instanceof RowBuilder) last.withPanel(panel);
    else last.panels.push(fresh(panel));
    return this;
  }

  build(): DashboardDef {
    const rows = this.pendingRows.map((r) => (r instanceof RowBuilder ? r.build() : clone(r)));
    if (rows.length === 0) throw definitionError(`Dashboard "${this.model.id}" has no panels.`, 'Add rows or panels.');
    const declared = new Set(this.model.variables.map((v) => v.name));
    for (const a of this.model.annotations) {
      for (const c of a.query.where) {
        if (c.value.kind === 'variable' && !declared.has(c.value.name)) {
          throw definitionError(
            `Dashboard "${this.model.id}" annotation "${a.name}" uses $${c.value.name}, which is not defined.`,
            `Add a variable named "${c.value.name}".`,
          );
        }
      }
    }
    for (const r of rows) {
      for (const p of r.panels) {
        for (const name of referencedVariables(p)) {
          if (!declared.has(name)) {
            throw definitionError(
              `Dashboard "${this.model.id}" panel "${p.title}" uses $${name}, which is not defined.`,
              `Add a variable named "${name}" with withVariable(...).`,
            );
          }
        }
      }
    }
    return { ...clone(this.model), rows };
  }
}

export function dashboard(id: string, title: string): DashboardBuilder {
  return new DashboardBuilder(id, title);
}

function referencedVariables(p: Panel): string[] {
  const names: string[] = [];
  for (const q of p.queries) {
    if (q.kind !== 'influxql') continue;
    for (const c of q.where) if (c.value.kind === 'variable') names.push(c.value.name);
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// Variables and annotations

export interface TagVariableOptions {
  database: string;
  tag: string;
  measurement?: string;
  label?: string;
  /** Equality filters, e.g. { category: 'queue' }, or full conditions. */
  where?: Record<string, string> | TagCondition[];
  multi?: boolean;
  includeAll?: boolean;
  regex?: string;
}

function toConditions(where: Record<string, string> | TagCondition[] | undefined): TagCondition[] | undefined {
  if (where === undefined) return undefined;
  if (Array.isArray(where)) return clone(where);
  return Object.keys(where)
    .sort()
    .map((key) => ({ key, op: '=', value: { kind: 'literal', value: where[key] as string } }));
}

/** A query variable over the values of one tag (`SHOW TAG VALUES WITH KEY = "tag"`). */
export function tagVariable(name: string, options: TagVariableOptions): Variable {
  variableRef(name);
  assertNonEmpty(options.tag, `Variable "${name}" tag`);
  const where = toConditions(options.where);
  return {
    kind: 'query',
    name,
    database: options.database,
    tag: options.tag,
    ...(options.label ? { label: options.label } : {}),
    ...(options.measurement ? { measurement: options.measurement } : {}),
    ...(where && where.length > 0 ? { where } : {}),
    multi: options.multi ?? true,
    includeAll: options.includeAll ?? true,
    ...(options.regex ? { regex: options.regex } : {}),
  };
}

/** `$host`: the Consul node names that report to `database`, narrowed by `where`. */
export function hostVariable(options: Omit<TagVariableOptions, 'tag'> = { database: 'system' }): Variable {
  return tagVariable('host', { label: 'Host', ...options, tag: 'host' });
}

/** `$environment`: one Consul datacenter at a time. */
export function environmentVariable(database = 'system'): Variable {
  return tagVariable('environment', {
    database,
    tag: 'environment',
    label: 'Environment',
    multi: false,
    includeAll: false,
  });
}

export function intervalVariable(name: string, options: string[]): Variable {
  variableRef(name);
  for (const o of options)
    if (!isIntervalExpression(o))
      throw definitionError(`Interval variable "${name}" option "${o}" is not a duration.`, 'Use e.g. 1m, 10m, 1h.');
  return { kind: 'interval', name, options: [...options] };
}

export function customVariable(name: string, options: string[], multi = false): Variable {
  variableRef(name);
  if (options.length === 0)
    throw definitionError(`Custom variable "${name}" has no options.`, 'List at least one option.');
  return { kind: 'custom', name, options: [...options], multi, includeAll: false };
}

export function constantVariable(name: string, value: string): Variable {
  variableRef(name);
  return { kind: 'constant', name, value };
}

/** Where calvin records deploys (written by `calvin deploy`, drawn by every dashboard). */
export const DEPLOY_DATABASE = 'services';
export const DEPLOY_MEASUREMENT = 'calvin_deploys';
/** Fields `what`, `who`, `commit`; tag `environment`. */
export const DEPLOY_FIELDS = ['what', 'who', 'commit'] as const;

/** Deploy markers: `SELECT "what", "who", "commit" FROM "calvin_deploys" WHERE "environment" =~ /^$environment$/`. */
export function deployAnnotation(
  options: { database?: string; environmentVariable?: string; color?: string } = {},
): Annotation {
  const database = options.database ?? DEPLOY_DATABASE;
  const q = influx(database, DEPLOY_MEASUREMENT).select('what').select('who').select('commit');
  if (options.environmentVariable) q.whereVariable('environment', options.environmentVariable);
  return {
    name: 'Deploys',
    database,
    query: q.build(),
    textField: 'what',
    tagsField: 'who',
    color: options.color ?? '#5794F2',
  };
}
