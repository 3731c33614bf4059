import { LOGSTASH_FAILURE_TAGS } from '../knowledge/index.js';
import { settingStrings, tagTests } from '../model/logstash.js';
import type { LintProject, Located } from '../types.js';

/** Tags each pipeline (folder of concatenated files) adds and tests. */
export interface TagFacts {
  added: Map<string, { tag: string; at: Located; routing: boolean }[]>;
  tested: Map<string, { tag: string; at: Located }[]>;
}

export function tagFacts(project: LintProject): TagFacts {
  const facts: TagFacts = { added: new Map(), tested: new Map() };
  const push = <T>(map: Map<string, T[]>, key: string, v: T): void => void map.set(key, [...(map.get(key) ?? []), v]);
  for (const p of project.plugins) {
    // An input's tags route its events; a filter that adds one tag and removes another re-routes them.
    const removes = settingStrings(p.plugin, 'remove_tag').length > 0;
    const settings = p.section === 'input' ? ['tags', 'add_tag'] : ['add_tag'];
    for (const s of settings)
      for (const v of settingStrings(p.plugin, s))
        if (!v.value.includes('%{'))
          push(facts.added, p.pipeline, {
            tag: v.value,
            at: { file: p.file, line: v.loc.start.line, column: v.loc.start.column },
            routing: p.section === 'input' || removes,
          });
  }
  for (const c of project.conditions)
    for (const t of tagTests(c.condition))
      push(facts.tested, c.pipeline, {
        tag: t.tag,
        at: { file: c.file, line: t.loc.start.line, column: t.loc.start.column },
      });
  return facts;
}

export const isFailureTag = (tag: string): boolean => LOGSTASH_FAILURE_TAGS.includes(tag) || tag.startsWith('_');
