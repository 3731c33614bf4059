/**
 * Grafana dashboard JSON (old `rows[]` schema or flat `panels` with `type: 'row'`) → DashboardDef.
 * Pure. Whatever cannot be carried over is listed in `notes`, never dropped silently.
 */
import type {
  DashboardDef,
  Panel,
  PanelType,
  Query,
  Row,
  RunbookLink,
  TagCondition,
  Variable,
} from '../define/types.js';
import { CalvinError } from '../errors.js';
import { UnknownQueryPartError } from './grafana-editor-query.js';
import { importTarget } from './grafana-query.js';
import type { GrafanaDashboardJson, GrafanaInfluxTarget, GrafanaPanel, GrafanaVariable } from './grafana-types.js';
import { parseSimpleInfluxQL } from './influxql-lower.js';

const NAME = String.raw`("(?:[^"\\]|\\.)*"|[A-Za-z0-9_.]+)`;
const KEY = String.raw`("(?:[^"\\]|\\.)*"|[A-Za-z0-9_]+)`;
/** `SHOW TAG VALUES [FROM m] WITH KEY = k [WHERE ...]`, the query variables Grafana dashboards hold. */
const SHOW_TAG_VALUES = new RegExp(
  String.raw`^\s*SHOW\s+TAG\s+VALUES\s+(?:FROM\s+${NAME}\s+)?WITH\s+KEY\s*=\s*${KEY}\s*(?:WHERE\s+(.+?))?\s*$`,
  'is',
);

/** Calvinverse's datasource names (calvinverse.metrics.dashboards datasources/*.yaml) → InfluxDB database. */
export const CALVINVERSE_DATASOURCES: Readonly<Record<string, string>> = {
  'InfluxDb.System': 'system',
  'InfluxDb.Services': 'services',
  'InfluxDb.StatsD': 'services',
};

export interface GrafanaImportOptions {
  /** Datasource name or uid → database; merged over CALVINVERSE_DATASOURCES. */
  datasources?: Record<string, string>;
  /** Database for panels that use Grafana's default datasource. */
  defaultDatabase?: string;
  folder?: string;
  /** Shown in notes, e.g. the input file name. */
  source?: string;
}

export interface ImportStats {
  panels: number;
  queries: number;
  typedQueries: number;
  rawQueries: number;
}

export interface ImportedDashboard {
  definition: DashboardDef;
  notes: string[];
  stats: ImportStats;
  /** Per imported query, in panel order: the InfluxQL Grafana ran for the original target. */
  originals: { panel: string; query: Query; original: string }[];
}

const PANEL_TYPES: Record<string, PanelType> = {
  graph: 'timeseries',
  timeseries: 'timeseries',
  singlestat: 'stat',
  stat: 'stat',
  gauge: 'gauge',
  table: 'table',
  'table-old': 'table',
  text: 'text',
};

/** The calvin panel type an imported Grafana panel type becomes. */
export function importedPanelType(grafanaType: string | undefined): PanelType {
  return PANEL_TYPES[grafanaType ?? ''] ?? 'text';
}

export function slugId(title: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug === '' ? 'imported-dashboard' : slug;
}

function datasourceName(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const ds = value as { uid?: unknown; name?: unknown };
    if (typeof ds.uid === 'string') return ds.uid;
    if (typeof ds.name === 'string') return ds.name;
  }
  return undefined;
}

function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

function heightUnits(height: unknown): number | undefined {
  const px = typeof height === 'number' ? height : typeof height === 'string' ? parseInt(height, 10) : NaN;
  return Number.isFinite(px) && px > 0 ? Math.max(2, Math.ceil(px / 30)) : undefined;
}

const clampWidth = (w: number): number => Math.min(24, Math.max(1, Math.round(w)));

class DashboardImporter {
  readonly notes: string[] = [];
  readonly originals: ImportedDashboard['originals'] = [];
  readonly stats: ImportStats = { panels: 0, queries: 0, typedQueries: 0, rawQueries: 0 };
  private readonly datasources: Record<string, string>;

  constructor(private readonly options: GrafanaImportOptions) {
    this.datasources = { ...CALVINVERSE_DATASOURCES, ...options.datasources };
  }

  database(name: string | undefined, where: string): string | undefined {
    if (name === undefined || name === '' || name === 'default') return this.options.defaultDatabase ?? 'system';
    if (name === '-- Grafana --' || name === '-- Dashboard --') return undefined;
    const mapped = this.datasources[name];
    if (mapped) return mapped;
    const guess = (name.split('.').pop() ?? name).toLowerCase();
    this.notes.push(
      `${where}: datasource "${name}" is not known; assumed database "${guess}" (pass --datasource ` +
        `"${name}=<database>")`,
    );
    this.datasources[name] = guess;
    return guess;
  }

  panel(source: GrafanaPanel, rowHeight: unknown): Panel {
    this.stats.panels++;
    const title = source.title ?? '';
    const where = `panel "${title}"`;
    const type = importedPanelType(source.type);
    const width = source.gridPos?.w ?? (typeof source.span === 'number' ? source.span : 12) * 2;
    const height = source.gridPos?.h ?? heightUnits(source.height ?? rowHeight) ?? 8;
    const panel: Panel = {
      type,
      title,
      width: clampWidth(width),
      height: Math.max(1, Math.round(height)),
      queries: [],
    };
    if (source.description) panel.description = source.description;
    if (!Object.hasOwn(PANEL_TYPES, source.type ?? '')) {
      panel.content =
        `Imported from a Grafana "${source.type ?? 'unknown'}" panel, which calvin cannot ` +
        `express. Rebuild it with a supported panel type.`;
      this.notes.push(
        `${where}: panel type "${source.type ?? 'unknown'}" is not supported; imported as a text panel with a note`,
      );
      return panel;
    }
    if (type === 'text') {
      panel.content = source.content ?? '';
      return panel;
    }
    const yaxis = source.yaxes?.[0];
    const unit = source.fieldConfig?.defaults?.unit ?? yaxis?.format ?? source.format;
    if (unit && unit !== 'none') panel.unit = unit;
    const min = numberOf(source.fieldConfig?.defaults?.min ?? yaxis?.min);
    const max = numberOf(source.fieldConfig?.defaults?.max ?? yaxis?.max);
    const decimals = numberOf(source.fieldConfig?.defaults?.decimals ?? source.decimals ?? yaxis?.decimals);
    if (min !== undefined) panel.min = min;
    if (max !== undefined) panel.max = max;
    if (decimals !== undefined) panel.decimals = decimals;
    const links = (source.links ?? [])
      .filter((l): l is { title: string; url: string } => typeof l.url === 'string' && l.url !== '')
      .map((l) => ({ title: l.title ?? l.url, url: l.url }));
    if (links.length > 0) panel.links = links;
    const panelDatasource = datasourceName(source.datasource);
    for (const target of source.targets ?? []) {
      const query = this.target(target, panelDatasource, where);
      if (query) panel.queries.push(query);
    }
    return panel;
  }

  target(target: GrafanaInfluxTarget, panelDatasource: string | undefined, where: string): Query | undefined {
    const label = `${where} query ${target.refId ?? ''}`.trimEnd();
    if (target.hide) {
      this.notes.push(`${label}: hidden in Grafana (not executed); left out`);
      return undefined;
    }
    const dsName = panelDatasource === '-- Mixed --' ? datasourceName(target.datasource) : panelDatasource;
    const database = this.database(dsName, label);
    if (database === undefined) {
      this.notes.push(`${label}: not an InfluxDB query (datasource "${dsName ?? ''}"); left out`);
      return undefined;
    }
    if (target.rawQuery && !(target.query ?? '').trim()) {
      this.notes.push(`${label}: empty raw query; left out`);
      return undefined;
    }
    try {
      const imported = importTarget(target, database);
      this.stats.queries++;
      if (imported.typed) this.stats.typedQueries++;
      else {
        this.stats.rawQueries++;
        this.notes.push(
          `${label}: kept as raw InfluxQL (the typed builder cannot express it exactly): ` +
            `${imported.original.replace(/\s+/g, ' ').slice(0, 160)}`,
        );
      }
      this.originals.push({ panel: where, query: imported.query, original: imported.original });
      return imported.query;
    } catch (error) {
      if (error instanceof UnknownQueryPartError) {
        this.notes.push(`${label}: ${error.message} (Grafana cannot run it either); left out`);
        return undefined;
      }
      throw error;
    }
  }

  variable(source: GrafanaVariable): Variable | undefined {
    const name = source.name ?? '';
    const where = `variable "${name}"`;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      this.notes.push(`${where}: name is not a valid variable name; left out`);
      return undefined;
    }
    const label = typeof source.label === 'string' && source.label !== '' ? { label: source.label } : {};
    const query = typeof source.query === 'string' ? source.query : '';
    const options = query
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    switch (source.type) {
      case 'interval':
        return { kind: 'interval', name, ...label, options };
      case 'custom':
        return {
          kind: 'custom',
          name,
          ...label,
          options,
          multi: Boolean(source.multi),
          includeAll: Boolean(source.includeAll),
        };
      case 'constant':
        return { kind: 'constant', name, value: query };
      case 'datasource':
        return {
          kind: 'datasource',
          name,
          ...label,
          pluginType: query || 'influxdb',
          ...(source.regex ? { regex: source.regex } : {}),
        };
      case 'query':
        return this.queryVariable(source, name, label, query);
      default:
        this.notes.push(`${where}: variable type "${source.type ?? 'unknown'}" is not supported; left out`);
        return undefined;
    }
  }

  queryVariable(source: GrafanaVariable, name: string, label: { label?: string }, query: string): Variable | undefined {
    const where = `variable "${name}"`;
    const match = SHOW_TAG_VALUES.exec(query);
    const database = this.database(datasourceName(source.datasource), where) ?? 'system';
    if (!match) {
      const saved = (source.options ?? [])
        .map((o) => String(o.value ?? o.text ?? ''))
        .filter((v) => v !== '' && v !== '$__all');
      this.notes.push(
        `${where}: query "${query.slice(0, 80)}" is not SHOW TAG VALUES; imported as a custom variable with its ` +
          `saved options`,
      );
      return {
        kind: 'custom',
        name,
        ...label,
        options: saved,
        multi: Boolean(source.multi),
        includeAll: Boolean(source.includeAll),
      };
    }
    const unquote = (text: string): string => (text.startsWith('"') ? text.slice(1, -1).replace(/\\(.)/g, '$1') : text);
    const variable: Extract<Variable, { kind: 'query' }> = {
      kind: 'query',
      name,
      ...label,
      database,
      tag: unquote(match[2] as string),
      multi: Boolean(source.multi),
      includeAll: Boolean(source.includeAll),
    };
    if (match[1]) variable.measurement = unquote(match[1]);
    if (source.regex) variable.regex = source.regex;
    if (match[3]) {
      const conditions = this.whereConditions(match[3]);
      if (conditions) variable.where = conditions;
      else {
        const fixed = this.whereConditions(match[3].replace(/(=|!=)\s*([A-Za-z0-9_.-]+)(?=\s|$)/g, "$1 '$2'"));
        if (fixed) {
          variable.where = fixed;
          this.notes.push(
            `${where}: WHERE ${match[3]} compares with an unquoted value (invalid InfluxQL); imported with the ` +
              `value quoted`,
          );
        } else {
          this.notes.push(`${where}: WHERE ${match[3]} could not be parsed; left out of the variable query`);
        }
      }
    }
    return variable;
  }

  whereConditions(text: string): TagCondition[] | undefined {
    const parsed = parseSimpleInfluxQL(`SELECT "x" FROM "m" WHERE ${text}`, 'system');
    return parsed && !parsed.timeFilter ? parsed.where : undefined;
  }
}

function sortByGrid(panels: readonly GrafanaPanel[]): GrafanaPanel[] {
  return panels
    .map((panel, index) => ({ panel, index }))
    .sort(
      (a, b) =>
        (a.panel.gridPos?.y ?? 0) - (b.panel.gridPos?.y ?? 0) ||
        (a.panel.gridPos?.x ?? 0) - (b.panel.gridPos?.x ?? 0) ||
        a.index - b.index,
    )
    .map((entry) => entry.panel);
}

/** Unwraps the API export format `{ dashboard: {...}, meta }`, and checks it is a dashboard at all. */
export function dashboardJsonOf(value: unknown, file: string): GrafanaDashboardJson {
  let candidate = value;
  if (
    typeof candidate === 'object' &&
    candidate !== null &&
    !Array.isArray(candidate) &&
    'dashboard' in candidate &&
    !('panels' in candidate) &&
    !('rows' in candidate)
  ) {
    candidate = (candidate as { dashboard: unknown }).dashboard;
  }
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    Array.isArray(candidate) ||
    !(
      Array.isArray((candidate as GrafanaDashboardJson).panels) ||
      Array.isArray((candidate as GrafanaDashboardJson).rows)
    )
  ) {
    throw new CalvinError(
      'BAD_INPUT_FILE',
      `${file}: not a Grafana dashboard (no "panels" or "rows")`,
      'pass dashboard JSON as exported by Grafana (Share → Export, or GET /api/dashboards/uid/<uid>)',
    );
  }
  return candidate as GrafanaDashboardJson;
}

export function importGrafanaDashboard(
  json: GrafanaDashboardJson,
  options: GrafanaImportOptions = {},
): ImportedDashboard {
  const importer = new DashboardImporter(options);
  const rows: Row[] = [];
  if (Array.isArray(json.rows) && json.rows.length > 0) {
    for (const row of json.rows) {
      rows.push({
        title: row.title ?? '',
        collapsed: Boolean(row.collapse),
        panels: (row.panels ?? []).map((p) => importer.panel(p, row.height)),
      });
    }
  }
  if (Array.isArray(json.panels)) {
    let current: Row | undefined;
    for (const panel of sortByGrid(json.panels)) {
      if (panel.type === 'row') {
        current = { title: panel.title ?? '', collapsed: Boolean(panel.collapsed), panels: [] };
        rows.push(current);
        for (const child of sortByGrid(panel.panels ?? [])) current.panels.push(importer.panel(child, undefined));
        continue;
      }
      if (!current) {
        current = { title: '', collapsed: false, panels: [] };
        rows.push(current);
      }
      current.panels.push(importer.panel(panel, undefined));
    }
  }
  const variables = (json.templating?.list ?? [])
    .map((v) => importer.variable(v))
    .filter((v): v is Variable => v !== undefined);
  for (const annotation of json.annotations?.list ?? []) {
    const builtIn = annotation.builtIn === 1 || datasourceName(annotation.datasource) === '-- Grafana --';
    if (!builtIn)
      importer.notes.push(
        `annotation "${annotation.name ?? ''}": Grafana annotations are not imported; add a calvin annotation ` +
          `(deploy events) instead`,
      );
  }
  const links: RunbookLink[] = [];
  for (const link of json.links ?? []) {
    if (typeof link.url === 'string' && link.url !== '' && (link.type === undefined || link.type === 'link'))
      links.push({ title: link.title ?? link.url, url: link.url });
    else importer.notes.push(`dashboard link "${link.title ?? ''}" of type "${link.type ?? ''}" is not imported`);
  }
  const title = json.title ?? 'Imported dashboard';
  if (json.uid)
    importer.notes.push(
      `the original uid "${json.uid}" is not kept: calvin derives the uid from the id; delete the old dashboard ` +
        `after the first deploy`,
    );
  const definition: DashboardDef = {
    kind: 'dashboard',
    id: slugId(title),
    title,
    tags: (json.tags ?? []).filter((t): t is string => typeof t === 'string'),
    folder: options.folder ?? 'imported',
    ...(typeof json.refresh === 'string' && json.refresh !== '' ? { refresh: json.refresh } : {}),
    time: { from: json.time?.from ?? 'now-6h', to: json.time?.to ?? 'now' },
    variables,
    annotations: [],
    links,
    rows,
  };
  return { definition, notes: importer.notes, stats: importer.stats, originals: importer.originals };
}
