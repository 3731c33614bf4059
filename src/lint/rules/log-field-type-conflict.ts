import type { EcsType } from '../../define/types.js';
import type { LintRule } from '../types.js';

const FAMILY: Record<string, string> = {
  keyword: 'string',
  text: 'string',
  match_only_text: 'string',
  wildcard: 'string',
  long: 'number',
  integer: 'number',
  short: 'number',
  float: 'number',
  double: 'number',
  boolean: 'boolean',
  date: 'date',
  ip: 'ip',
  object: 'object',
  flattened: 'object',
};
const family = (t: string): string => FAMILY[t] ?? t;

/**
 * A field a log filter produces with one type while the index template maps it as another: the
 * documents are rejected (mapper_parsing_exception) or the field becomes useless for its queries.
 */
export const rule: LintRule = {
  meta: {
    id: 'log-field-type-conflict',
    type: 'problem',
    severity: 'error',
    docs: {
      description: 'Fields produced by log filters match the index template mapping types',
      hint: 'Convert the field in the filter (mutate convert) or change the template mapping.',
    },
    messages: {
      conflict:
        'Log filter "{{filter}}" produces {{field}} as {{produced}}, but template "{{template}}" maps it as ' +
        '{{mapped}}.',
    },
  },
  create(context) {
    return {
      project: ({ project }) => {
        for (const f of project.logFilterDefs) {
          for (const p of f.definition.produces) {
            for (const t of project.templates) {
              const mapped = t.fieldTypes.get(p.field);
              if (!mapped || family(mapped.type) === family(p.type as EcsType)) continue;
              context.report({
                node: f,
                messageId: 'conflict',
                data: {
                  filter: f.definition.id,
                  field: p.field,
                  produced: p.type,
                  template: t.name,
                  mapped: mapped.type,
                },
              });
            }
          }
        }
      },
    };
  },
};
