/** The options every Logstash filter has: add_field, remove_field, add_tag, remove_tag. */
import { addTag, getPath, removePath, removeTag, setPath, sprintf } from './event.js';
import type { LogEvent } from './event.js';
import { asHash, asList } from './settings.js';
import type { CompileEnv, Settings } from './types.js';

export type OnSuccess = (event: LogEvent) => void;

/** What a filter does when it succeeded ("filter_matched"): add fields, remove fields, add tags, remove tags. */
export function compileOnSuccess(settings: Settings, env: CompileEnv, where: string): OnSuccess {
  const addFields = asHash(settings.add_field, `${where}: add_field`).map(([k, v]) => [k, asList(v)] as const);
  const removeFields = asList(settings.remove_field);
  const addTags = asList(settings.add_tag);
  const removeTags = asList(settings.remove_tag);
  if (addFields.length + removeFields.length + addTags.length + removeTags.length === 0) return () => undefined;
  const path = (e: LogEvent, name: string): string[] => env.parsePath(sprintf(name, e, env.parsePath));
  return (event) => {
    for (const [name, values] of addFields) {
      const p = path(event, name);
      for (const raw of values) {
        const value = sprintf(raw, event, env.parsePath);
        const existing = getPath(event, p);
        if (existing === undefined) setPath(event, p, value);
        else if (Array.isArray(existing)) existing.push(value);
        else setPath(event, p, [existing, value]);
      }
    }
    for (const name of removeFields) removePath(event, path(event, name));
    for (const tag of addTags) addTag(event, sprintf(tag, event, env.parsePath));
    for (const tag of removeTags) removeTag(event, sprintf(tag, event, env.parsePath));
  };
}

/** Adds each failure tag (tag_on_failure). */
export function tagAll(event: LogEvent, tags: readonly string[]): void {
  for (const t of tags) addTag(event, t);
}
