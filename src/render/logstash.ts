/**
 * Log filters → Logstash pipeline config. One `filter {}` file per definition, ordered by `order`,
 * plus the Calvinverse input (RabbitMQ, consul-template placeholders) and output (Elasticsearch,
 * daily `logs-<area>-<app>-YYYY.MM.dd` indices). Calvinverse's Logstash concatenates the files under
 * Consul KV `config/services/logs/filters/` in name order, so calvin's keys carry `.calvin.` and a
 * zero-padded order: `filter.calvin.0100.<id>`.
 */
import type { FilterStep, LogCondition, LogFilterDef } from '../define/types.js';
import {
  logstashFieldName,
  logstashFieldRef,
  logstashNumber,
  logstashRegex,
  logstashString,
} from './logstash-syntax.js';
import { CalvinError } from '../errors.js';
import { forDefinition } from './context.js';
import type { Artifact } from './types.js';

export const LOGSTASH_KV_PREFIX = 'config/services/logs/filters';
const INDENT = '    ';

type Setting = string | string[] | boolean | number | [string, string | string[]][];

function settingValue(value: Setting, indent: string): string {
  if (typeof value === 'string') return logstashString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return logstashNumber(value);
  if (value.length === 0) return '[]';
  if (typeof value[0] === 'string') return `[${(value as string[]).map(logstashString).join(', ')}]`;
  const entries = value as [string, string | string[]][];
  const literal = (v: string | string[]): string =>
    typeof v === 'string' ? logstashString(v) : `[${v.map(logstashString).join(', ')}]`;
  const lines = entries.map(([k, v]) => `${indent}${INDENT}${logstashString(k)} => ${literal(v)}`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function plugin(name: string, id: string, settings: [string, Setting | undefined][], indent: string): string[] {
  const lines = [`${indent}${name} {`, `${indent}${INDENT}id => ${logstashString(id)}`];
  for (const [key, value] of settings) {
    if (value === undefined) continue;
    lines.push(`${indent}${INDENT}${key} => ${settingValue(value, indent + INDENT)}`);
  }
  lines.push(`${indent}}`);
  return lines;
}

/** A condition tree as a Logstash conditional expression. */
export function renderLogCondition(condition: LogCondition): string {
  const nested = (c: LogCondition): string =>
    c.op === 'and' || c.op === 'or' ? `(${renderLogCondition(c)})` : renderLogCondition(c);
  switch (condition.op) {
    case 'tag':
      return `${logstashString(condition.tag)} in [tags]`;
    case '==':
    case '!=': {
      const value =
        typeof condition.value === 'number' ? logstashNumber(condition.value) : logstashString(condition.value);
      return `${logstashFieldRef(condition.field)} ${condition.op} ${value}`;
    }
    case '=~':
    case '!~':
      return `${logstashFieldRef(condition.field)} ${condition.op} ${logstashRegex(condition.pattern)}`;
    case 'in':
    case 'not in': {
      const values = condition.values.map(logstashString).join(', ');
      return `${logstashFieldRef(condition.field)} ${condition.op} [${values}]`;
    }
    case 'exists':
      return logstashFieldRef(condition.field);
    case 'and':
    case 'or':
      if (condition.conditions.length === 0) {
        throw new CalvinError(
          'BAD_DEFINITION',
          `an "${condition.op}" log condition has no conditions`,
          'give it at least one condition',
        );
      }
      return condition.conditions.map(nested).join(` ${condition.op} `);
    case 'not':
      return condition.condition.op === 'exists'
        ? `!${logstashFieldRef(condition.condition.field)}`
        : `!(${renderLogCondition(condition.condition)})`;
  }
}

function pairs(
  record: Record<string, string> | undefined,
  mapKey: (k: string) => string = (k) => k,
  mapValue: (v: string) => string = (v) => v,
): [string, string][] | undefined {
  if (record === undefined || Object.keys(record).length === 0) return undefined;
  return Object.entries(record).map(([k, v]) => [mapKey(k), mapValue(v)]);
}

function list(values: string[] | undefined, map: (v: string) => string = (v) => v): string[] | undefined {
  return values === undefined || values.length === 0 ? undefined : values.map(map);
}

class StepWriter {
  private counter = 0;
  constructor(private readonly filterId: string) {}

  private nextId(plugin: string): string {
    this.counter += 1;
    return `calvin.${this.filterId}.${this.counter}.${plugin}`;
  }

  steps(steps: readonly FilterStep[], indent: string): string[] {
    return steps.flatMap((step) => this.step(step, indent));
  }

  private step(step: FilterStep, indent: string): string[] {
    switch (step.step) {
      case 'grok':
        return plugin(
          'grok',
          this.nextId('grok'),
          [
            [
              'match',
              [
                [
                  logstashFieldName(step.field),
                  step.patterns.length === 1 ? (step.patterns[0] as string) : step.patterns,
                ],
              ],
            ],
            [
              'pattern_definitions',
              pairs(
                step.patternDefinitions
                  ? Object.fromEntries(
                      Object.entries(step.patternDefinitions).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
                    )
                  : undefined,
              ),
            ],
            ['overwrite', list(step.overwrite, logstashFieldName)],
            ['tag_on_failure', step.tagOnFailure],
            ['break_on_match', step.breakOnMatch],
          ],
          indent,
        );
      case 'kv':
        return plugin(
          'kv',
          this.nextId('kv'),
          [
            ['source', logstashFieldName(step.field)],
            ['field_split', step.fieldSplit],
            ['value_split', step.valueSplit],
            ['target', step.target === undefined ? undefined : logstashFieldName(step.target)],
            ['include_keys', list(step.includeKeys)],
            ['prefix', step.prefix],
          ],
          indent,
        );
      case 'json':
        return plugin(
          'json',
          this.nextId('json'),
          [
            ['source', logstashFieldName(step.field)],
            ['target', step.target === undefined ? undefined : logstashFieldName(step.target)],
          ],
          indent,
        );
      case 'date':
        return plugin(
          'date',
          this.nextId('date'),
          [
            ['match', [logstashFieldName(step.field), ...step.formats]],
            ['target', step.target === undefined ? undefined : logstashFieldName(step.target)],
            ['timezone', step.timezone],
          ],
          indent,
        );
      case 'mutate':
        // Logstash applies rename, convert, gsub, lowercase, then add/remove field and tags: one block keeps that
        // order.
        return plugin(
          'mutate',
          this.nextId('mutate'),
          [
            ['rename', pairs(step.rename, logstashFieldName, logstashFieldName)],
            ['convert', pairs(step.convert, logstashFieldName)],
            [
              'gsub',
              step.gsub === undefined || step.gsub.length === 0
                ? undefined
                : step.gsub.flatMap((g) => [logstashFieldName(g.field), g.pattern, g.replacement]),
            ],
            ['lowercase', list(step.lowercase, logstashFieldName)],
            ['add_field', pairs(step.add, logstashFieldName)],
            ['remove_field', list(step.remove, logstashFieldName)],
            ['add_tag', list(step.addTags)],
            ['remove_tag', list(step.removeTags)],
          ],
          indent,
        );
      case 'drop': {
        if (step.when === undefined) return plugin('drop', this.nextId('drop'), [], indent);
        return [
          `${indent}if ${renderLogCondition(step.when)} {`,
          ...plugin('drop', this.nextId('drop'), [], indent + INDENT),
          `${indent}}`,
        ];
      }
      case 'when': {
        const lines = [
          `${indent}if ${renderLogCondition(step.condition)} {`,
          ...this.steps(step.then, indent + INDENT),
        ];
        if (step.else !== undefined && step.else.length > 0)
          lines.push(`${indent}} else {`, ...this.steps(step.else, indent + INDENT));
        lines.push(`${indent}}`);
        return lines;
      }
    }
  }
}

function orderKey(order: number): string {
  return Number.isInteger(order) && order >= 0
    ? String(order).padStart(4, '0')
    : String(order).replace(/[^0-9a-z]/gi, '_');
}

/** `filter.calvin.0100.<id>`: the KV name; it sorts calvin's filters by order. */
export function logstashFilterName(filter: LogFilterDef): string {
  return `filter.calvin.${orderKey(filter.order)}.${filter.id}`;
}

export function renderLogstashFilter(filter: LogFilterDef): string {
  const comment = (text: string): string[] => text.split(/\r?\n/).map((line) => `# ${line}`.trimEnd());
  const lines = [
    ...comment(
      `calvin log filter ${filter.id} (order ` +
        `${filter.order})${filter.service === undefined ? '' : ` for service ${filter.service}`}`,
    ),
    ...comment(filter.description),
    '# Generated by calvin: change the definition, not this file.',
    'filter {',
    `${INDENT}if ${renderLogCondition(filter.match)} {`,
    ...new StepWriter(filter.id).steps(filter.steps, INDENT + INDENT),
    `${INDENT}}`,
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

const CT = {
  amqpHost: '{{ keyOrDefault "config/services/queue/protocols/amqp/host" "unknown" }}',
  amqpPort: '{{ keyOrDefault "config/services/queue/protocols/amqp/port" "80" }}',
  domain: '{{ keyOrDefault "config/services/consul/domain" "unknown" }}',
  esHost: '{{ keyOrDefault "config/services/documents/protocols/http/host" "unknown" }}',
  esPort: '{{ keyOrDefault "config/services/documents/protocols/http/port" "80" }}',
};

/** Calvinverse's RabbitMQ input for one log stream (consul-template fills in host, queue and credentials). */
export function renderRabbitInput(stream: 'syslog' | 'builds', tag: string): string {
  return `# calvin: RabbitMQ input for the ${stream} log stream (consul-template renders the {{ }} parts).
input {
    rabbitmq {
        auto_delete => false
        host => ["${CT.amqpHost}.service.${CT.domain}"]
        id => "calvin.input.rabbitmq.${stream}"
        key => "${stream}"
        passive => true
        port => ${CT.amqpPort}
        queue => "{{ keyOrDefault "config/services/queue/logs/${stream}/queue" "not-a-queue" }}"
        tags => ["${tag}"]
        vhost => "{{ keyOrDefault "config/services/queue/logs/${stream}/vhost" "not-a-vhost" }}"
    {{ with secret "rabbitmq/creds/readwrite.vhost.logs.${stream}" }}{{ if .Data.password }}
        password => "{{ .Data.password }}"
        user => "{{ .Data.username }}"
    {{ end }}{{ end }}
    }
}
`;
}

/**
 * The Elasticsearch output: a filter picks the index (`logs-application-<service.name>` for events
 * a calvin filter normalised, `logs-builds-jenkins` for build logs, `logs-os-linux-syslog` otherwise),
 * the output writes the daily index. Conditionals sit inside the sections (Calvinverse's own output
 * files wrap `filter {}`/`output {}` in an `if`, which Logstash rejects).
 */
export function renderElasticsearchOutput(): string {
  const set = (id: string, index: string): string => `        mutate {
            id => "calvin.output.index.${id}"
            add_field => { "[@metadata][calvin_index]" => "${index}" }
        }`;
  return `# calvin: Elasticsearch output with daily logs-<area>-<app>-YYYY.MM.dd indices
# (consul-template renders the {{ }} parts).
filter {
    if "_jsonparsefailure" in [tags] {
${set('unparsed', 'logs-os-unparsed')}
    } else if [service][name] {
${set('application', 'logs-application-%{[service][name]}')}
    } else if "logs.builds" in [tags] {
${set('builds', 'logs-builds-jenkins')}
    } else {
${set('syslog', 'logs-os-linux-syslog')}
    }
    mutate {
        id => "calvin.output.index.lowercase"
        lowercase => ["[@metadata][calvin_index]"]
    }
}
output {
    elasticsearch {
        action => "index"
        hosts => ["http://${CT.esHost}.service.${CT.domain}:${CT.esPort}"]
        id => "calvin.output.elasticsearch"
        index => "%{[@metadata][calvin_index]}-%{+YYYY.MM.dd}"
    }
}
`;
}

function textArtifacts(definitionId: string, name: string, content: string, extension: string): Artifact[] {
  const key = `${LOGSTASH_KV_PREFIX}/${name}`;
  return [
    {
      target: 'logstash',
      type: 'logstash-pipeline',
      definitionId,
      name,
      path: `logstash/pipeline/${name}.${extension}`,
      content,
      body: content,
    },
    {
      target: 'logstash',
      type: 'logstash-kv',
      definitionId,
      name: key,
      path: `logstash/kv/${key}`,
      content,
      body: content,
    },
  ];
}

export function renderLogstash(filters: readonly LogFilterDef[]): Artifact[] {
  const sorted = [...filters].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const artifacts: Artifact[] = sorted.flatMap((filter) => {
    const content = forDefinition('log filter', filter.id, () => renderLogstashFilter(filter));
    const name = logstashFilterName(filter);
    return [
      {
        target: 'logstash',
        type: 'logstash-pipeline',
        definitionId: filter.id,
        name,
        path: `logstash/filters/${orderKey(filter.order)}-${filter.id}.conf`,
        content,
        body: content,
      },
      {
        target: 'logstash',
        type: 'logstash-kv',
        definitionId: filter.id,
        name: `${LOGSTASH_KV_PREFIX}/${name}`,
        path: `logstash/kv/${LOGSTASH_KV_PREFIX}/${name}`,
        content,
        body: content,
      },
    ] satisfies Artifact[];
  });
  artifacts.push(
    ...textArtifacts(
      'logstash:input-syslog',
      'input.calvin.rabbitmq.logs.syslog',
      renderRabbitInput('syslog', 'logs.linux.syslog'),
      'ctmpl',
    ),
    ...textArtifacts(
      'logstash:input-builds',
      'input.calvin.rabbitmq.logs.builds',
      renderRabbitInput('builds', 'logs.builds'),
      'ctmpl',
    ),
    ...textArtifacts(
      'logstash:output-elasticsearch',
      'output.calvin.elasticsearch.logs',
      renderElasticsearchOutput(),
      'ctmpl',
    ),
  );
  return artifacts;
}
