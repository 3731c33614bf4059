import { LOGSTASH_EVENT_FIELDS } from '../knowledge/index.js';
import { fieldName, fieldReads, settingPairs, settingStrings, tagTests } from '../model/logstash.js';
import type * as LS from '../../lang/logstash/ast.js';
import type { LintRule, LogstashPluginNode } from '../types.js';
import { didYouMean } from '../util/suggest.js';

/** Fields a filter plugin can create: add_field keys, grok captures, rename targets, json/kv targets... */
function producedBy(p: LogstashPluginNode): string[] {
  const out: string[] = [];
  const plugin = p.plugin;
  for (const pair of settingPairs(plugin, 'add_field'))
    out.push(pair.key.replace(/^\[|\]$/g, '').replace(/\]\[/g, '.'));
  for (const pair of settingPairs(plugin, 'rename'))
    for (const v of pair.values) out.push(v.value.replace(/^\[|\]$/g, '').replace(/\]\[/g, '.'));
  for (const pair of settingPairs(plugin, 'copy'))
    for (const v of pair.values) out.push(v.value.replace(/^\[|\]$/g, '').replace(/\]\[/g, '.'));
  for (const pair of settingPairs(plugin, 'match'))
    for (const v of pair.values)
      for (const m of v.value.matchAll(/%\{\w+:([^:}]+)/g))
        out.push((m[1] as string).replace(/^\[|\]$/g, '').replace(/\]\[/g, '.'));
  for (const name of ['target', 'destination'])
    for (const v of settingStrings(plugin, name)) out.push(v.value.replace(/^\[|\]$/g, '').replace(/\]\[/g, '.'));
  return out;
}

/** Input tags a guard chain requires: `"logs.linux.syslog" in [tags]`. */
function requiredTags(guards: LS.Condition[]): string[] {
  return guards.flatMap((g) =>
    tagTests(g)
      .filter((t) => !t.negated)
      .map((t) => t.tag),
  );
}

/**
 * A condition on a field that nothing upstream produces is never true: the branch is dead. Known
 * producers: the input's event schema (Calvinverse syslog JSON, Jenkins build logs), fields every
 * event has, and fields the pipeline's filters add. Checked when the guarding tags select an input
 * whose schema is known.
 */
export const rule: LintRule = {
  meta: {
    id: 'logstash-unknown-field',
    type: 'problem',
    severity: 'error',
    docs: {
      description: 'Conditions test fields that the inputs or earlier filters produce',
      hint: 'Use the field the input produces (syslog JSON: date, pid, program, message, facility, host, priority).',
    },
    messages: {
      unknown: 'Condition tests {{field}}, which no input or filter produces for "{{tag}}" events.{{suggestion}}',
    },
  },
  create(context) {
    const producedInPipeline = new Map<string, Set<string>>();
    for (const p of context.project.plugins) {
      if (p.section !== 'filter' && p.section !== 'input') continue;
      const set = producedInPipeline.get(p.pipeline) ?? new Set<string>();
      for (const f of producedBy(p)) set.add(f);
      producedInPipeline.set(p.pipeline, set);
    }
    return {
      'logstash-condition': (c) => {
        const tags = requiredTags(c.guards).filter((t) => context.knowledge.inputFieldsByTag.has(t));
        const tag = tags[0];
        if (!tag) return;
        const schema = context.knowledge.inputFieldsByTag.get(tag) as Set<string>;
        const produced = producedInPipeline.get(c.pipeline) ?? new Set<string>();
        for (const ref of fieldReads(c.condition)) {
          const name = fieldName(ref);
          const root = ref.path[0] ?? name;
          if (
            schema.has(root) ||
            schema.has(name) ||
            LOGSTASH_EVENT_FIELDS.includes(root) ||
            produced.has(name) ||
            produced.has(root)
          )
            continue;
          // Printed in Logstash field syntax ([process][pid]), as the user wrote it: the dotted
          // name is calvin's internal key and would read as a field literally named "process.pid".
          const field = ref.path.map((p) => `[${p}]`).join('');
          context.report({
            node: c,
            line: ref.loc.start.line,
            column: ref.loc.start.column,
            messageId: 'unknown',
            data: { field, tag, suggestion: didYouMean(name, schema) },
          });
        }
      },
    };
  },
};
