/**
 * `calvin new <kind> <name>`: the files of a new definition. Pure; the command writes them without
 * overwriting anything. Scaffolds use the builders, like the shipped definitions, so they are checked
 * as they load; an alert's runbook goes to runbooks/<id>.md and its test case passes as written.
 */
import type { DefinitionKind } from '../define/types.js';
import { CalvinError } from '../errors.js';

export const SCAFFOLD_KINDS: readonly DefinitionKind[] = [
  'service',
  'dashboard',
  'alert',
  'log-filter',
  'index-template',
];

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

/** A definition the project already has: its kind and file relative to the root. */
export interface ExistingDefinition {
  kind: DefinitionKind;
  file: string;
}

export interface ScaffoldOptions {
  /** Service id the definition belongs to (alerts need one; default: the name's first word). */
  service?: string;
  /** Every id the project defines (ids are unique across kinds): a new one may not clash. */
  existing?: ReadonlyMap<string, ExistingDefinition>;
}

export function assertScaffoldName(name: string, what = 'name'): void {
  if (name.length > 63 || !NAME_PATTERN.test(name)) {
    const shown = JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name).replace(
      /[\u0000-\u001f\u007f-\u009f]/g,
      '?',
    );
    throw new CalvinError(
      'BAD_ARGUMENT',
      `${what} ${shown} is not kebab-case`,
      'use lowercase letters, digits and single dashes, e.g. artefacts-disk-full (at most 63 characters)',
    );
  }
}

function _pascal(name: string): string {
  return name
    .split('-')
    .map((word) => (word[0] ?? '').toUpperCase() + word.slice(1))
    .join('');
}

function words(name: string): string {
  const text = name.replace(/-/g, ' ');
  return text[0]?.toUpperCase() + text.slice(1);
}

/** Text inside a single-quoted TypeScript string (names are kebab-case, titles derived from them). */
function quoted(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function serviceTs(name: string): string {
  return `import { SERVICES_DATABASE, hostSignals, service } from 'calvin';

/** ${words(name)}: what calvin knows about the service (dashboards, alerts and diagnose read this). */
export default service(${quoted(name)}, { title: ${quoted(words(name))}, owner: 'team-infrastructure' })
  .description(${quoted(`${words(name)}: describe what the service does and who uses it.`)})
  .database(SERVICES_DATABASE)
  .signals(hostSignals())
  .logs({ serviceNames: [${quoted(name)}], processNames: [${quoted(name)}] })
  .build();
`;
}

/** With the service's definition file, the dashboard starts from serviceDashboard like the shipped ones. */
function dashboardTs(name: string, service: string | undefined, serviceFile: string | undefined): string {
  if (service !== undefined && serviceFile !== undefined) {
    const specifier = `../${serviceFile.replace(/\.(m|c)?ts$/, '.$1js')}`;
    return `import { SYSTEM_DATABASE, perHost, row, serviceDashboard, timeseries } from 'calvin';
import svc from ${quoted(specifier)};

export default serviceDashboard(svc, { id: ${quoted(name)}, title: ${quoted(words(name))} })
  .withRow(row(${quoted(words(service))}).panels([
    timeseries('Processes').unit('short')
      .withQuery(perHost(SYSTEM_DATABASE, 'processes').select('total').mean()),
  ]))
  .build();
`;
  }
  const ofService = service === undefined ? '' : `\n  .service(${quoted(service)})`;
  return `import {
  SYSTEM_DATABASE,
  dashboard,
  deployAnnotation,
  environmentVariable,
  hostRow,
  hostVariable,
} from 'calvin';

export default dashboard(${quoted(name)}, ${quoted(words(name))})${ofService}
  .folder('Calvinverse')
  .withVariable(environmentVariable())
  .withVariable(hostVariable({ database: SYSTEM_DATABASE, measurement: 'cpu' }))
  .withAnnotation(deployAnnotation({ environmentVariable: 'environment' }))
  .withRow(hostRow())
  .build();
`;
}

function alertTs(name: string, service: string): string {
  return `import { SYSTEM_DATABASE, alert, logHandler } from 'calvin';

export default alert(${quoted(name)}, ${quoted(service)})
  .owner('team-infrastructure').severity('ticket')
  .description(${quoted(`${words(name)}: the root disk of a ${service} node is filling up.`)})
  .from(SYSTEM_DATABASE, 'disk').field('used_percent').aggregate('max')
  .where('path', '/').groupBy('host', 'path').window('5m', '1m')
  .threshold({ direction: 'above', warn: 85, crit: 95, warnReset: 80, critReset: 90 }).for('5m')
  .message(
    '{{ .Level }}: disk {{ index .Tags "path" }} of {{ index .Tags "host" }} is ' +
      '{{ index .Fields "value" | printf "%0.1f" }}% full',
  )
  .runbookFile(${quoted(words(name))}) // runbooks/${name}.md
  .handlers([logHandler('/var/log/kapacitor/alerts.log')])
  .withTest({
    name: 'fires when the disk fills up',
    interval: '1m',
    series: { 'disk,host=node-01,path=/ used_percent': '80+1x30' },
    expect: [
      { at: '3m', level: 'OK', tags: { host: 'node-01' } },
      { at: '15m', level: 'WARNING', tags: { host: 'node-01' } },
      { at: '30m', level: 'CRITICAL', tags: { host: 'node-01' } },
    ],
  })
  .build();
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
  const serviceName = service ?? name;
  const description = `${words(name)}: level and message of ${name} syslog lines`;
  const ofService = service === undefined ? '' : `\n  .service(${quoted(service)})`;
  const grokTag = quoted(`_grokparsefailure_${name}`);
  return `import { ecsSyslogEvent, grokStep, logFilter, logLevelSteps, mutateStep, syslogProgram } from 'calvin';

export default logFilter(${quoted(name)}, ${quoted(description)})${ofService}
  .order(50)
  .match(syslogProgram(${quoted(name)}))
  .steps([
    mutateStep({ add: { 'service.name': ${quoted(serviceName)} } }),
    grokStep('message', ['^%{LOGLEVEL:[log][level]} %{GREEDYDATA:message}$'], {
      overwrite: ['message', 'log.level'],
      tagOnFailure: [${grokTag}],
    }),
    ...logLevelSteps(),
  ])
  .produces([{ field: 'service.name', type: 'keyword' }, { field: 'log.level', type: 'keyword' }])
  .withTest({
    name: 'parses the level',
    input: ecsSyslogEvent({ program: ${quoted(name)}, message: 'ERROR disk is full' }),
    expect: { fields: { 'log.level': 'error', message: 'disk is full', 'service.name': ${quoted(serviceName)} } },
  })
  .build();
`;
}

function indexTemplateTs(name: string): string {
  return `import { indexTemplate } from 'calvin';

/** Daily logs-${name}-YYYY.MM.dd indices; above calvin-logs (200) so that its own mappings win. */
export default indexTemplate(${quoted(name)}, [${quoted(`logs-${name}-*`)}])
  .name(${quoted(name)})
  .priority(220)
  .ecsBase()
  .fromLogFilters(['*'])
  .build();
`;
}

function assertNewId(name: string, existing: ReadonlyMap<string, ExistingDefinition> | undefined): void {
  const clash = existing?.get(name);
  if (clash !== undefined) {
    throw new CalvinError(
      'DUPLICATE_ID',
      `id "${name}" is already used by the ${clash.kind} in ${clash.file}`,
      'ids are unique across all kinds: choose another name',
    );
  }
}

export function scaffold(kind: string, name: string, options: ScaffoldOptions = {}): ScaffoldFile[] {
  if (!(SCAFFOLD_KINDS as readonly string[]).includes(kind)) {
    throw new CalvinError(
      'BAD_ARGUMENT',
      `unknown kind ${JSON.stringify(kind).slice(0, 40)}`,
      `use one of ${SCAFFOLD_KINDS.join(', ')}`,
    );
  }
  assertScaffoldName(name);
  if (options.service !== undefined) assertScaffoldName(options.service, '--service');
  assertNewId(name, options.existing);
  const file = `${FOLDER[kind as DefinitionKind]}/${name}.ts`;
  switch (kind as DefinitionKind) {
    case 'service':
      return [{ path: file, content: serviceTs(name) }];
    case 'dashboard': {
      const owner = options.service === undefined ? undefined : options.existing?.get(options.service);
      return [
        { path: file, content: dashboardTs(name, options.service, owner?.kind === 'service' ? owner.file : undefined) },
      ];
    }
    case 'alert': {
      const service = options.service ?? (name.split('-')[0] as string);
      return [
        { path: file, content: alertTs(name, service) },
        { path: `runbooks/${name}.md`, content: runbookMd(name, service) },
      ];
    }
    case 'log-filter':
      return [{ path: file, content: logFilterTs(name, options.service) }];
    case 'index-template':
      return [{ path: file, content: indexTemplateTs(name) }];
  }
}
