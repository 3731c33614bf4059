/**
 * `calvin new <kind> <name>`: the files of a new definition. Pure; the command writes them without
 * overwriting anything. Scaffolds are typed objects checked with `satisfies`, so they compile and load.
 */
import type { DefinitionKind } from '../define/types.js';
import { CalvinError } from '../errors.js';

export const SCAFFOLD_KINDS: readonly DefinitionKind[] = ['service', 'dashboard', 'alert', 'log-filter', 'index-template'];

const FOLDER: Record<DefinitionKind, string> = {
  service: 'services',
  dashboard: 'dashboards',
  alert: 'alerts',
  'log-filter': 'log-filters',
  'index-template': 'index-templates',
};

const NAME_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export interface ScaffoldFile {
  path: string;
  content: string;
}

export interface ScaffoldOptions {
  /** Service id the definition belongs to (alerts need one; default: the name's first word). */
  service?: string;
}

export function assertScaffoldName(name: string, what = 'name'): void {
  if (name.length > 63 || !NAME_PATTERN.test(name)) {
    const shown = JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name).replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
    throw new CalvinError('BAD_ARGUMENT', `${what} ${shown} is not kebab-case`, 'use lowercase letters, digits and single dashes, e.g. artefacts-disk-full (at most 63 characters)');
  }
}

function pascal(name: string): string {
  return name.split('-').map((word) => (word[0] ?? '').toUpperCase() + word.slice(1)).join('');
}

function words(name: string): string {
  const text = name.replace(/-/g, ' ');
  return text[0]?.toUpperCase() + text.slice(1);
}

function serviceTs(name: string): string {
  return `import type { ServiceDef } from 'calvin';

/** ${words(name)}: what calvin knows about the service (dashboards, alerts and diagnose read this). */
export default {
  kind: 'service',
  id: '${name}',
  consulName: '${name}',
  title: '${words(name)}',
  aliases: [],
  owner: 'team-infrastructure',
  metrics: {
    database: 'services',
    measurements: [],
    tagFilters: {},
    signals: [],
  },
  logs: { indexPattern: 'logs-*', serviceNames: ['${name}'], processNames: ['${name}'] },
  runbooks: [],
} satisfies ServiceDef;
`;
}

function dashboardTs(name: string, service?: string): string {
  return `import type { DashboardDef } from 'calvin';

export default {
  kind: 'dashboard',
  id: '${name}',
  title: '${words(name)}',${service ? `\n  service: '${service}',` : ''}
  tags: ['calvin'],
  folder: 'calvin',
  time: { from: 'now-6h', to: 'now' },
  variables: [
    { kind: 'query', name: 'host', database: 'system', measurement: 'cpu', tag: 'host', multi: true, includeAll: true },
  ],
  annotations: [],
  links: [],
  rows: [
    {
      title: 'Host',
      collapsed: false,
      panels: [
        {
          type: 'timeseries',
          title: 'CPU used',
          width: 12,
          height: 8,
          unit: 'percent',
          queries: [
            {
              kind: 'influxql',
              database: 'system',
              measurement: 'cpu',
              select: [{ field: 'usage_idle', functions: [{ fn: 'mean' }], math: [{ op: '-', value: 100, valueFirst: true }] }],
              where: [
                { key: 'cpu', op: '=', value: { kind: 'literal', value: 'cpu-total' } },
                { key: 'host', op: '=~', value: { kind: 'variable', name: 'host' }, join: 'AND' },
              ],
              timeFilter: true,
              groupByTime: '$__interval',
              groupByTags: ['host'],
              fill: 'null',
              alias: '$tag_host',
            },
          ],
        },
      ],
    },
  ],
} satisfies DashboardDef;
`;
}

function alertTs(name: string, service: string): string {
  return `import type { AlertDef } from 'calvin';

export default {
  kind: 'alert',
  id: '${name}',
  name: '${pascal(name)}',
  service: '${service}',
  owner: 'team-infrastructure',
  severity: 'ticket',
  description: '${words(name)}',
  query: {
    database: 'system',
    retentionPolicy: 'autogen',
    measurement: 'disk',
    field: 'used_percent',
    fn: 'mean',
    where: [{ key: 'path', op: '=', value: { kind: 'literal', value: '/' } }],
    groupBy: ['host'],
    period: '5m',
    every: '1m',
  },
  condition: { type: 'threshold', direction: 'above', warn: 85, crit: 95, warnReset: 80, critReset: 90 },
  for: '5m',
  message: '{{ .Level }}: disk of {{ index .Tags "host" }} is {{ index .Fields "value" | printf "%0.1f" }}% full',
  runbook: {
    title: '${words(name)}',
    markdown: '',
    file: 'alerts/runbooks/${name}.md',
    url: 'https://runbooks.calvinverse.example/alerts/${name}',
  },
  handlers: [{ type: 'log', path: '/var/log/kapacitor/alerts.log' }],
  tests: [
    {
      name: 'fires when the disk fills up',
      interval: '1m',
      series: { 'disk,host=node-01,path=/ used_percent': '80+1x30' },
      expect: [
        { at: '2m', level: 'OK' },
        { at: '20m', level: 'CRITICAL', tags: { host: 'node-01' } },
      ],
    },
  ],
} satisfies AlertDef;
`;
}

function runbookMd(name: string, service: string): string {
  return `# ${words(name)}

## What it means
Describe what the alert measures and why it matters for ${service}.

## What to check
1. Run the diagnose command printed below (\`calvin runbook ${name}\`).
2. Look at the dashboard of ${service} for the affected host.

## How to fix
Write down the steps that resolved this the last time.
`;
}

function logFilterTs(name: string, service?: string): string {
  return `import type { LogFilterDef } from 'calvin';

export default {
  kind: 'log-filter',
  id: '${name}',${service ? `\n  service: '${service}',` : ''}
  description: 'Parses ${name} syslog messages into ECS fields',
  order: 50,
  match: { op: '==', field: 'program', value: '${name}' },
  steps: [
    { step: 'grok', field: 'message', patterns: ['%{LOGLEVEL:[log][level]} %{GREEDYDATA:message}'], overwrite: ['message'] },
    { step: 'mutate', lowercase: ['[log][level]'], add: { '[service][name]': '${service ?? name}' } },
  ],
  produces: [
    { field: 'log.level', type: 'keyword' },
    { field: 'service.name', type: 'keyword' },
  ],
  tests: [
    {
      name: 'parses the level',
      input: { program: '${name}', message: 'ERROR disk is full' },
      expect: { fields: { 'log.level': 'error', message: 'disk is full', 'service.name': '${service ?? name}' } },
    },
  ],
} satisfies LogFilterDef;
`;
}

function indexTemplateTs(name: string): string {
  return `import type { IndexTemplateDef } from 'calvin';

export default {
  kind: 'index-template',
  id: '${name}',
  name: '${name}',
  patterns: ['logs-${name}-*'],
  priority: 200,
  components: [],
  settings: { number_of_shards: 1 },
  mappings: {},
  fromLogFilters: ['*'],
  ecsBase: true,
} satisfies IndexTemplateDef;
`;
}

export function scaffold(kind: string, name: string, options: ScaffoldOptions = {}): ScaffoldFile[] {
  if (!(SCAFFOLD_KINDS as readonly string[]).includes(kind)) {
    throw new CalvinError('BAD_ARGUMENT', `unknown kind ${JSON.stringify(kind).slice(0, 40)}`, `use one of ${SCAFFOLD_KINDS.join(', ')}`);
  }
  assertScaffoldName(name);
  if (options.service !== undefined) assertScaffoldName(options.service, '--service');
  const file = `${FOLDER[kind as DefinitionKind]}/${name}.ts`;
  switch (kind as DefinitionKind) {
    case 'service':
      return [{ path: file, content: serviceTs(name) }];
    case 'dashboard':
      return [{ path: file, content: dashboardTs(name, options.service) }];
    case 'alert': {
      const service = options.service ?? (name.split('-')[0] as string);
      return [
        { path: file, content: alertTs(name, service) },
        { path: `alerts/runbooks/${name}.md`, content: runbookMd(name, service) },
      ];
    }
    case 'log-filter':
      return [{ path: file, content: logFilterTs(name, options.service) }];
    case 'index-template':
      return [{ path: file, content: indexTemplateTs(name) }];
  }
}
