/** The kv filter: split `key=value` pairs out of a field. */
import { compileOnSuccess } from '../common.js';
import { getPath, setPath } from '../event.js';
import type { LogEvent } from '../event.js';
import { asBool, asChoice, asList, asString, ECS_MODES } from '../settings.js';
import type { FilterPlugin } from '../types.js';

const QUOTES: Record<string, string> = { '"': '"', "'": "'", '(': ')', '[': ']', '<': '>' };

/** Splits text into pairs: field separators are any char of fieldSplit, outside quotes and brackets. */
export function splitPairs(
  text: string,
  fieldSplit: string,
  valueSplit: string,
  includeBrackets: boolean,
): [string, string][] {
  const pairs: [string, string][] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && fieldSplit.includes(text[i] as string)) i++;
    const keyStart = i;
    while (i < n && !valueSplit.includes(text[i] as string) && !fieldSplit.includes(text[i] as string)) i++;
    const key = text.slice(keyStart, i);
    if (i >= n || !valueSplit.includes(text[i] as string)) continue;
    i++;
    let value: string;
    const open = text[i] as string;
    const close = QUOTES[open];
    const isQuote = open === '"' || open === "'";
    if (close !== undefined && (isQuote || includeBrackets) && text.indexOf(close, i + 1) !== -1) {
      const end = text.indexOf(close, i + 1);
      value = text.slice(i + 1, end);
      i = end + 1;
    } else {
      const valueStart = i;
      while (i < n && !fieldSplit.includes(text[i] as string)) i++;
      value = text.slice(valueStart, i);
    }
    if (key.length > 0) pairs.push([key, value]);
  }
  return pairs;
}

export const kvPlugin: FilterPlugin = {
  name: 'kv',
  settings: [
    'source',
    'target',
    'field_split',
    'value_split',
    'include_keys',
    'exclude_keys',
    'prefix',
    'trim_key',
    'trim_value',
    'allow_duplicate_values',
    'include_brackets',
    'default_keys',
    'tag_on_failure',
    'ecs_compatibility',
  ],
  compile(settings, env, where) {
    // ecs_compatibility does not change the pairs kv writes (ECS mode only warns when target is
    // unset); tag_on_failure is added only when the plugin raises an internal exception, which
    // splitting a string cannot do here. Both values are still checked.
    asChoice(settings.ecs_compatibility, ECS_MODES, `${where}: ecs_compatibility`);
    asList(settings.tag_on_failure);
    const source = env.parsePath(asString(settings.source, `${where}: source`) ?? 'message');
    const target =
      settings.target === undefined ? undefined : env.parsePath(asString(settings.target, `${where}: target`) ?? '');
    const fieldSplit = asString(settings.field_split, `${where}: field_split`) ?? ' ';
    const valueSplit = asString(settings.value_split, `${where}: value_split`) ?? '=';
    const include = new Set(asList(settings.include_keys));
    const exclude = new Set(asList(settings.exclude_keys));
    const prefix = asString(settings.prefix, `${where}: prefix`) ?? '';
    const trimKey = asString(settings.trim_key, `${where}: trim_key`);
    const trimValue = asString(settings.trim_value, `${where}: trim_value`);
    const allowDuplicates = asBool(settings.allow_duplicate_values, true, `${where}: allow_duplicate_values`);
    const includeBrackets = asBool(settings.include_brackets, true, `${where}: include_brackets`);
    const defaults = settings.default_keys;
    const onSuccess = compileOnSuccess(settings, env, where);
    const trimmer =
      (chars: string | undefined) =>
      (s: string): string => {
        if (!chars) return s;
        let a = 0;
        let b = s.length;
        while (a < b && chars.includes(s[a] as string)) a++;
        while (b > a && chars.includes(s[b - 1] as string)) b--;
        return s.slice(a, b);
      };
    const tk = trimmer(trimKey);
    const tv = trimmer(trimValue);
    return (event: LogEvent) => {
      const raw = getPath(event, source);
      if (typeof raw !== 'string') return undefined;
      const found: Record<string, string | string[]> = {};
      // Defaults fill keys the text does not have; a key found in the text replaces its default.
      const fromDefaults = new Set<string>();
      if (defaults && typeof defaults === 'object' && !Array.isArray(defaults)) {
        for (const [k, v] of Object.entries(defaults)) {
          found[k] = String(v);
          fromDefaults.add(k);
        }
      }
      for (const [k0, v0] of splitPairs(raw, fieldSplit, valueSplit, includeBrackets)) {
        const key = tk(k0);
        const value = tv(v0);
        if ((include.size > 0 && !include.has(key)) || exclude.has(key)) continue;
        const prev = found[key];
        if (prev === undefined || fromDefaults.delete(key)) found[key] = value;
        else if (Array.isArray(prev)) {
          if (allowDuplicates || !prev.includes(value)) prev.push(value);
        } else if (allowDuplicates || prev !== value) found[key] = [prev, value];
      }
      for (const [k, v] of Object.entries(found)) {
        const path = target ? [...target, prefix + k] : [prefix + k];
        setPath(event, path, v);
      }
      onSuccess(event);
      return undefined;
    };
  },
};
