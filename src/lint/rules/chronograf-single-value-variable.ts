import { multiValueVariables } from '../../render/chronograf.js';
import type { LintRule } from '../types.js';
import { targetEnvironment } from '../util/environment.js';
import { renderedChronograf } from '../util/rendered.js';

type Json = Record<string, unknown>;

/**
 * A Chronograf query that substitutes a variable Grafana lets stand for several values (multi or
 * "All"): Chronograf's template variables hold one value, so the cell shows one host where the
 * Grafana panel shows all. Typed queries drop such filters; raw InfluxQL cannot be rewritten.
 */
export const rule: LintRule = {
  meta: {
    id: 'chronograf-single-value-variable',
    type: 'problem',
    severity: 'warning',
    docs: {
      description: 'Chronograf cells do not narrow a multi-value variable to one value',
      hint:
        'Write the query with the builder (whereVariable), which drops the filter for Chronograf and keeps ' +
        'GROUP BY, or filter on a single-value variable.',
    },
    messages: {
      single:
        'Panel "{{panel}}": Chronograf substitutes one value for :{{variable}}:, which Grafana lets select ' +
        'several (or All).',
    },
  },
  create(context) {
    return {
      'dashboard-def': (d) => {
        const multi = multiValueVariables(d.definition.variables);
        if (multi.size === 0) return;
        const json = renderedChronograf(d.definition, targetEnvironment(context).environment);
        for (const cell of json.cells as Json[]) {
          const texts = ((cell.queries ?? []) as Json[]).map((q) => String(q.query ?? ''));
          for (const variable of multi) {
            if (!texts.some((t) => t.includes(`:${variable}:`))) continue;
            const panel = String(cell.name);
            context.report({ node: d, ...(d.locate?.(panel) ?? {}), messageId: 'single', data: { panel, variable } });
          }
        }
      },
    };
  },
};
