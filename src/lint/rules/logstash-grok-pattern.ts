import { isOnigurumaLoaded } from '../../logstash/grok/engine.js';
import { GrokError } from '../../logstash/grok/errors.js';
import { standardGrokLibrary } from '../../logstash/grok/grok.js';
import { settingPairs, settingStrings } from '../model/logstash.js';
import type { LintRule } from '../types.js';

/**
 * Grok expressions that reference undefined patterns or do not compile make Logstash refuse the
 * pipeline. Patterns from pattern_definitions count; a patterns_dir that exists may define more, so
 * undefined names are only reported when no existing patterns_dir could supply them.
 */
export const rule: LintRule = {
  meta: {
    id: 'logstash-grok-pattern',
    type: 'problem',
    severity: 'error',
    docs: {
      description: 'Grok patterns are defined and compile',
      hint:
        'Use a standard grok pattern name, define it in pattern_definitions, or ship the patterns file with ' +
        'the pipeline.',
    },
    messages: {
      undefined: 'Grok pattern %{{{name}}} is not defined (not standard, not in pattern_definitions{{dir}}).',
      compile: 'Grok expression does not compile: {{message}}',
    },
  },
  create(context) {
    return {
      'logstash-plugin': (p) => {
        if (p.plugin.name !== 'grok') return;
        const definitions: Record<string, string> = {};
        for (const pair of settingPairs(p.plugin, 'pattern_definitions')) {
          const v = pair.values[0];
          if (v) definitions[pair.key] = v.value;
        }
        const dirs = settingStrings(p.plugin, 'patterns_dir');
        const dirExists = dirs.some((d) => context.project.fileExists(d.value));
        // ecs_compatibility => disabled selects the legacy set, which lacks the ECS-only names.
        const legacy = settingStrings(p.plugin, 'ecs_compatibility').some((v) => v.value === 'disabled');
        const library = standardGrokLibrary()
          .withSet(legacy ? 'legacy' : 'ecs-v1')
          .extend(definitions);
        for (const pair of settingPairs(p.plugin, 'match')) {
          for (const v of pair.values) {
            try {
              library.expand(v.value);
              if (isOnigurumaLoaded()) library.compile(v.value);
            } catch (error) {
              if (!(error instanceof GrokError)) throw error;
              const undefinedName = /grok pattern %\{(\w+)\} is not defined/.exec(error.message)?.[1];
              if (undefinedName) {
                if (dirExists) continue;
                context.report({
                  node: p,
                  line: v.loc.start.line,
                  column: v.loc.start.column,
                  messageId: 'undefined',
                  data: {
                    name: undefinedName,
                    dir: dirs.length ? `, and patterns_dir ${dirs.map((d) => d.value).join(', ')} does not exist` : '',
                  },
                });
              } else
                context.report({
                  node: p,
                  line: v.loc.start.line,
                  column: v.loc.start.column,
                  messageId: 'compile',
                  data: { message: error.message },
                });
            }
          }
        }
      },
    };
  },
};
