/** The grok filter: match fields against grok expressions on Oniguruma, write the captures. */
import { performance } from 'node:perf_hooks';
import { mergeCapture } from '../../grok/captures.js';
import type { GrokValue } from '../../grok/captures.js';
import type { Grok, GrokField } from '../../grok/grok.js';
import { GrokError } from '../../grok/errors.js';
import { compileOnSuccess, tagAll } from '../common.js';
import { getPath, setPath, valueToString } from '../event.js';
import type { LogEvent } from '../event.js';
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
    // ecs_compatibility picks the standard set: ECS v1 names (v1/v8, Logstash 8's default) or the
    // legacy ones (`disabled`: program, pid, clientip, ...).
    const ecs = asChoice(settings.ecs_compatibility, ECS_MODES, `${where}: ecs_compatibility`);
    let library = env.grok.withSet(ecs === 'disabled' ? 'legacy' : 'ecs-v1');
    // A match that runs longer than timeout_millis (0: no limit) is abandoned and tagged.
    const timeoutMillis = asCount(settings.timeout_millis, `${where}: timeout_millis`) ?? DEFAULT_TIMEOUT_MILLIS;
    const eventScope =
      asChoice(settings.timeout_scope, ['pattern', 'event'] as const, `${where}: timeout_scope`) === 'event';
    const tagOnTimeout = asString(settings.tag_on_timeout, `${where}: tag_on_timeout`) ?? '_groktimeout';
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
    // named_captures_only => false also captures each %{NAME} under the field NAME.
    const namedCapturesOnly = asBool(settings.named_captures_only, true, `${where}: named_captures_only`);
    const definitions = asHash(settings.pattern_definitions, `${where}: pattern_definitions`);
    if (definitions.length > 0)
      library = library.extend(
        Object.fromEntries(definitions.map(([k, v]) => [k, asString(v, `${where}: pattern_definitions`) ?? ''])),
      );

    const matches: { path: string[]; groks: Grok[] }[] = [];
    for (const [field, patterns] of asHash(settings.match, `${where}: match`)) {
      const groks = asList(patterns).map((p) => {
        try {
          return library.compile(p, { namedCapturesOnly });
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

    const write = (event: LogEvent, field: string, value: GrokValue): void => {
      if (value === '' && !keepEmpty) return;
      const rel = env.parsePath(field);
      const path = target ? [...target, ...rel] : rel;
      setPath(event, path, overwrite.has(rel.join('\u0000')) ? value : mergeCapture(getPath(event, path), value));
    };

    // The time left for this event's matches (timeout_scope => event) or for each one (pattern).
    let deadline = 0;
    const matchWithin = (g: Grok, text: string): GrokField[] | null => {
      if (timeoutMillis === 0) return g.matchFields(text);
      const millis = eventScope ? Math.max(1, deadline - performance.now()) : timeoutMillis;
      const fields = g.matchFieldsWithin(text, millis);
      if (fields === 'timeout') throw new GrokTimeout();
      return fields;
    };

    const matchOne = (event: LogEvent, text: string, groks: Grok[]): boolean => {
      let matched = false;
      for (const g of groks) {
        const captures = matchWithin(g, text);
        if (captures === null) continue;
        matched = true;
        for (const { spec, value } of captures) write(event, spec.field, value);
        if (breakOnMatch) break;
      }
      return matched;
    };

    return (event) => {
      deadline = performance.now() + timeoutMillis;
      try {
        evaluate(event);
      } catch (err) {
        // As Logstash: a timeout tags the event and skips both tag_on_failure and on-success.
        if (!(err instanceof GrokTimeout)) throw err;
        tagAll(event, [tagOnTimeout]);
      }
      return undefined;
    };

    function evaluate(event: LogEvent): void {
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
    }
  },
};

/** Logstash's default timeout_millis. */
const DEFAULT_TIMEOUT_MILLIS = 30_000;

class GrokTimeout extends Error {}
