/** The json filter: parse a field as JSON into the event or into a target field. */
import { compileOnSuccess, tagAll } from '../common.js';
import { getPath, isPlainObject, setPath } from '../event.js';
import { asBool, asChoice, asList, asString, ECS_MODES } from '../settings.js';
import type { FilterPlugin } from '../types.js';
import { FilterConfigError } from '../types.js';

export const jsonPlugin: FilterPlugin = {
  name: 'json',
  settings: ['source', 'target', 'tag_on_failure', 'skip_on_invalid_json', 'ecs_compatibility'],
  compile(settings, env, where) {
    const source = asString(settings.source, `${where}: source`);
    if (source === undefined) throw new FilterConfigError(`${where}: json needs a source`);
    const sourcePath = env.parsePath(source);
    const target =
      settings.target === undefined ? undefined : env.parsePath(asString(settings.target, `${where}: target`) ?? '');
    const tagOnFailure =
      settings.tag_on_failure === undefined ? ['_jsonparsefailure'] : asList(settings.tag_on_failure);
    const skipInvalid = asBool(settings.skip_on_invalid_json, false, `${where}: skip_on_invalid_json`);
    // ecs_compatibility does not change what json writes: in ECS mode the plugin only logs a
    // warning when target is unset. The value is still checked as Logstash checks it.
    asChoice(settings.ecs_compatibility, ECS_MODES, `${where}: ecs_compatibility`);
    const onSuccess = compileOnSuccess(settings, env, where);
    return (event) => {
      const raw = getPath(event, sourcePath);
      if (typeof raw !== 'string') return undefined;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        if (!skipInvalid) tagAll(event, tagOnFailure);
        return undefined;
      }
      if (target) setPath(event, target, parsed);
      else if (isPlainObject(parsed)) Object.assign(event, parsed);
      else {
        // Logstash needs a target for a JSON value that is not an object.
        tagAll(event, tagOnFailure);
        return undefined;
      }
      onSuccess(event);
      return undefined;
    };
  },
};
