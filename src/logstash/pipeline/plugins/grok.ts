/** The grok filter: match fields against grok expressions on Oniguruma, write the captures. */
import type { Grok } from '../../grok/grok.js';
import { GrokError } from '../../grok/errors.js';
import { compileOnSuccess, tagAll } from '../common.js';
import { getPath, setPath, valueToString } from '../event.js';
import type { LogEvent } from '../event.js';
import { LEGACY_LOG_PATTERNS } from '../../grok/patterns/index.js';
import { asBool, asChoice, asCount, asHash, asList, asString, ECS_MODES } from '../settings.js';
import type { FilterPlugin } from '../types.js';
import { FilterConfigError, UnsupportedError } from '../types.js';

export const grokPlugin: FilterPlugin = {
  name: 'grok',
  settings: [
    'match',
    'pattern_definitions',
    'patterns_dir',
    'patterns_files_glob',
    'overwrite',
    'tag_on_failure',
    'break_on_match',
    'keep_empty_captures',
    'named_captures_only',
    'target',
    'timeout_millis',
    'timeout_scope',
    'tag_on_timeout',
    'ecs_compatibility',
  ],
  compile(settings, env, where) {
    let library = env.grok;
    // ecs_compatibility picks the capture names of the standard patterns: calvin's are the ECS
    // (v1/v8) ones; `disabled` swaps in the legacy names (program, pid, clientip, ...).
    if (asChoice(settings.ecs_compatibility, ECS_MODES, `${where}: ecs_compatibility`) === 'disabled')
      library = library.extend(LEGACY_LOG_PATTERNS);
    // Timeouts only change the result of a match that runs longer than timeout_millis (it then
    // gets tag_on_timeout instead); calvin runs every match to completion, which is what Logstash
    // does for every match that finishes in time. The values are still checked as Logstash does.
    asCount(settings.timeout_millis, `${where}: timeout_millis`);
    asChoice(settings.timeout_scope, ['pattern', 'event'] as const, `${where}: timeout_scope`);
    asString(settings.tag_on_timeout, `${where}: tag_on_timeout`);
    // patterns_files_glob selects which files of patterns_dir are read; calvin's loader reads all
    // of them, which equals only the default glob "*".
    const glob = asString(settings.patterns_files_glob, `${where}: patterns_files_glob`);
    if (glob !== undefined && glob !== '*') {
      const reason = `${where}: patterns_files_glob => "${glob}" is not evaluated (calvin reads every file of patterns_dir)`;
      return () => {
        throw new UnsupportedError(reason);
      };
    }
    const dirs = asList(settings.patterns_dir);
    let unsupported: string | undefined;
    for (const dir of dirs) {
      const defs = env.loadPatternsDir?.(dir);
      if (defs === undefined) {
        unsupported = `${where}: patterns_dir '${dir}' does not exist here, so its patterns cannot be evaluated`;
        break;
      }
      library = library.extend(defs);
    }
    if (unsupported !== undefined) {
      const reason = unsupported;
      return () => {
        throw new UnsupportedError(reason);
      };
    }
    // named_captures_only => true (the default) is what calvin evaluates; false would also keep
    // the unnamed %{PATTERN} captures under the pattern's name.
    if (!asBool(settings.named_captures_only, true, `${where}: named_captures_only`)) {
      const reason = `${where}: named_captures_only => false is not evaluated`;
      return () => {
        throw new UnsupportedError(reason);
      };
    }
    const definitions = asHash(settings.pattern_definitions, `${where}: pattern_definitions`);
    if (definitions.length > 0)
      library = library.extend(
        Object.fromEntries(definitions.map(([k, v]) => [k, asString(v, `${where}: pattern_definitions`) ?? ''])),
      );

    const matches: { path: string[]; groks: Grok[] }[] = [];
    for (const [field, patterns] of asHash(settings.match, `${where}: match`)) {
      const groks = asList(patterns).map((p) => {
        try {
          return library.compile(p);
        } catch (err) {
          if (err instanceof GrokError) throw new FilterConfigError(`${where}: ${err.message}`);
          throw err;
        }
      });
      matches.push({ path: env.parsePath(field), groks });
    }
    const overwrite = new Set(asList(settings.overwrite).map((f) => env.parsePath(f).join('\u0000')));
    const tagOnFailure =
      settings.tag_on_failure === undefined ? ['_grokparsefailure'] : asList(settings.tag_on_failure);
    const breakOnMatch = asBool(settings.break_on_match, true, `${where}: break_on_match`);
    const keepEmpty = asBool(settings.keep_empty_captures, false, `${where}: keep_empty_captures`);
    const target =
      settings.target === undefined ? undefined : env.parsePath(asString(settings.target, `${where}: target`) ?? '');
    const onSuccess = compileOnSuccess(settings, env, where);

    const write = (event: LogEvent, field: string, value: string | number): void => {
      if (value === '' && !keepEmpty) return;
      const rel = env.parsePath(field);
      const path = target ? [...target, ...rel] : rel;
      if (overwrite.has(rel.join('\u0000'))) {
        setPath(event, path, value);
        return;
      }
      const existing = getPath(event, path);
      if (existing === undefined || existing === null) setPath(event, path, value);
      else if (Array.isArray(existing)) existing.push(value);
      else if (typeof existing === 'string') setPath(event, path, [existing, value]);
    };

    const matchOne = (event: LogEvent, text: string, groks: Grok[]): boolean => {
      let matched = false;
      for (const g of groks) {
        const captures = g.matchFields(text);
        if (captures === null) continue;
        matched = true;
        for (const { spec, value } of captures) write(event, spec.field, value);
        if (breakOnMatch) break;
      }
      return matched;
    };

    return (event) => {
      let matched = false;
      for (const { path, groks } of matches) {
        const input = getPath(event, path);
        if (input === undefined || input === null) continue;
        const texts = Array.isArray(input) ? input.map(valueToString) : [valueToString(input)];
        let fieldMatched = false;
        for (const text of texts) fieldMatched = matchOne(event, text, groks) || fieldMatched;
        if (fieldMatched) {
          matched = true;
          if (breakOnMatch) break;
        }
      }
      if (matched) onSuccess(event);
      else tagAll(event, tagOnFailure);
      return undefined;
    };
  },
};
