import { settingStrings } from '../model/logstash.js';
import type { LintRule } from '../types.js';

/**
 * Calvinverse indices are `logs-<area>-<app>-%{+YYYY.MM.dd}`: the `logs-*` search pattern, the index
 * templates and retention by date all rely on it. A dot in the name or a missing date breaks them.
 */
const CONVENTION = /^logs-[a-z0-9]+(?:-[a-z0-9]+)*-%\{\+YYYY\.MM\.dd\}$/;

export const rule: LintRule = {
  meta: {
    id: 'logstash-index-name',
    type: 'problem',
    severity: 'warning',
    docs: {
      description: 'Elasticsearch outputs write to logs-<area>-<app>-%{+YYYY.MM.dd}',
      hint: 'Use dashes between the parts and end with -%{+YYYY.MM.dd}.',
    },
    messages: {
      dotted: 'Index "{{index}}" has a dot in its name, unlike every other logs-<area>-<app> index.',
      undated: 'Index "{{index}}" has no date suffix: one index grows forever and retention by day cannot drop it.',
      other: 'Index "{{index}}" does not follow logs-<area>-<app>-%{+YYYY.MM.dd}.',
    },
  },
  create(context) {
    return {
      'logstash-plugin': (p) => {
        if (p.plugin.name !== 'elasticsearch' || p.section !== 'output') return;
        for (const v of settingStrings(p.plugin, 'index')) {
          const index = v.value;
          if (CONVENTION.test(index) || index.includes('{{')) continue;
          const at = { line: v.loc.start.line, column: v.loc.start.column };
          const name = index.replace(/-?%\{[^}]*\}$/, '');
          if (name.includes('.')) context.report({ node: p, ...at, messageId: 'dotted', data: { index } });
          else if (!index.includes('%{+')) context.report({ node: p, ...at, messageId: 'undated', data: { index } });
          else context.report({ node: p, ...at, messageId: 'other', data: { index } });
        }
      },
    };
  },
};
