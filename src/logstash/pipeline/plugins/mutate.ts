/**
 * The mutate filter, in Logstash's fixed order: coerce, rename, update, replace, convert, gsub,
 * uppercase, capitalize, lowercase, strip, split, join, merge, copy; then the common options.
 */
import { coerce } from '../../grok/captures.js';
import { OnigRegex } from '../../grok/regex.js';
import { GrokError } from '../../grok/errors.js';
import { compileOnSuccess } from '../common.js';
import { deepClone, getPath, hasPath, isPlainObject, removePath, setPath, sprintf, valueToString } from '../event.js';
import type { LogEvent } from '../event.js';
import { asHash, asList } from '../settings.js';
import type { CompileEnv, FilterPlugin, Settings } from '../types.js';
import { FilterConfigError } from '../types.js';

type Step = (event: LogEvent) => void;

// Logstash's mutate: Ruby regexes, so ^ and $ anchor at line ends, and the dot in 1.0 is any character.
const TRUE = /^(?:true|t|yes|y|1|1.0)$/im;
const FALSE = /^(?:false|f|no|n|0|0.0)$/im;
const NUMBER_TYPES = { integer: 'int', float: 'float', integer_eu: 'int', float_eu: 'float' } as const;

/** Logstash's convert_integer/convert_float(_eu): booleans are 1/0, strings drop separators first. */
function convertNumber(v: unknown, type: keyof typeof NUMBER_TYPES): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return type.startsWith('integer') ? Math.trunc(v) : v;
  const s = String(v);
  const plain = type.endsWith('_eu') ? s.replace(/\./g, '').replace(/,/g, '.') : s.replace(/,/g, '');
  return coerce(plain, NUMBER_TYPES[type]);
}

function convertValue(v: unknown, type: string): unknown {
  if (Array.isArray(v)) return v.map((x) => convertValue(x, type));
  if (Object.hasOwn(NUMBER_TYPES, type)) return convertNumber(v, type as keyof typeof NUMBER_TYPES);
  switch (type) {
    case 'string':
      return valueToString(v);
    case 'boolean': {
      if (typeof v === 'boolean') return v;
      const s = valueToString(v);
      if (TRUE.test(s)) return true;
      if (s === '' || FALSE.test(s)) return false;
      return v;
    }
    default:
      return v;
  }
}

function mapStrings(v: unknown, fn: (s: string) => string): unknown {
  if (typeof v === 'string') return fn(v);
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? fn(x) : x));
  return v;
}

function compileSteps(settings: Settings, env: CompileEnv, where: string): Step[] {
  const steps: Step[] = [];
  const p = env.parsePath;
  const hash = (name: string): [string, unknown][] => asHash(settings[name], `${where}: ${name}`);

  for (const [field, value] of hash('coerce')) {
    steps.push((e) => {
      const path = p(field);
      if (hasPath(e, path) && getPath(e, path) === null) setPath(e, path, sprintf(String(value), e, p));
    });
  }
  for (const [from, to] of hash('rename')) {
    steps.push((e) => {
      const src = p(sprintf(from, e, p));
      if (!hasPath(e, src)) return;
      const v = getPath(e, src);
      removePath(e, src);
      setPath(e, p(sprintf(String(to), e, p)), v);
    });
  }
  for (const [field, value] of hash('update')) {
    steps.push((e) => {
      const path = p(field);
      if (hasPath(e, path)) setPath(e, path, sprintf(String(value), e, p));
    });
  }
  for (const [field, value] of hash('replace')) {
    steps.push((e) => setPath(e, p(field), sprintf(String(value), e, p)));
  }
  for (const [field, type] of hash('convert')) {
    const t = String(type);
    if (!['integer', 'float', 'integer_eu', 'float_eu', 'string', 'boolean'].includes(t))
      throw new FilterConfigError(
        `${where}: convert type '${t}' is not evaluated (integer, float, integer_eu, float_eu, string, boolean)`,
      );
    steps.push((e) => {
      const path = p(field);
      const v = getPath(e, path);
      if (v !== undefined && v !== null) setPath(e, path, convertValue(v, t));
    });
  }
  const gsub = asList(settings.gsub);
  if (gsub.length % 3 !== 0) throw new FilterConfigError(`${where}: gsub needs triples [field, pattern, replacement]`);
  for (let i = 0; i < gsub.length; i += 3) {
    const field = gsub[i] as string;
    let re: OnigRegex;
    try {
      re = OnigRegex.of(gsub[i + 1] as string);
    } catch (err) {
      if (err instanceof GrokError) throw new FilterConfigError(`${where}: gsub ${err.message}`);
      throw err;
    }
    const replacement = gsub[i + 2] as string;
    steps.push((e) => {
      const path = p(field);
      const v = getPath(e, path);
      if (v !== undefined)
        setPath(
          e,
          path,
          mapStrings(v, (s) => re.replaceAll(s, sprintf(replacement, e, p))),
        );
    });
  }
  const caseStep = (name: string, fn: (s: string) => string): void => {
    for (const field of asList(settings[name])) {
      steps.push((e) => {
        const path = p(field);
        const v = getPath(e, path);
        if (v !== undefined) setPath(e, path, mapStrings(v, fn));
      });
    }
  };
  caseStep('uppercase', (s) => s.toUpperCase());
  caseStep('capitalize', (s) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase());
  caseStep('lowercase', (s) => s.toLowerCase());
  caseStep('strip', (s) => s.trim());
  for (const [field, sep] of hash('split')) {
    steps.push((e) => {
      const path = p(field);
      const v = getPath(e, path);
      if (typeof v === 'string') setPath(e, path, v.split(String(sep)));
    });
  }
  for (const [field, sep] of hash('join')) {
    steps.push((e) => {
      const path = p(field);
      const v = getPath(e, path);
      if (Array.isArray(v)) setPath(e, path, v.map(valueToString).join(String(sep)));
    });
  }
  for (const [dest, src] of hash('merge')) {
    steps.push((e) => {
      const d = p(dest);
      const s = getPath(e, p(String(src)));
      if (s === undefined) return;
      const cur = getPath(e, d);
      if (cur === undefined) setPath(e, d, deepClone(s));
      else if (isPlainObject(cur) && isPlainObject(s)) Object.assign(cur, deepClone(s));
      else setPath(e, d, [...(Array.isArray(cur) ? cur : [cur]), ...(Array.isArray(s) ? s : [s])]);
    });
  }
  for (const [src, dest] of hash('copy')) {
    steps.push((e) => {
      const s = getPath(e, p(src));
      if (s !== undefined) setPath(e, p(String(dest)), deepClone(s));
    });
  }
  return steps;
}

export const mutatePlugin: FilterPlugin = {
  name: 'mutate',
  settings: [
    'coerce',
    'rename',
    'update',
    'replace',
    'convert',
    'gsub',
    'uppercase',
    'capitalize',
    'lowercase',
    'strip',
    'split',
    'join',
    'merge',
    'copy',
    'tag_on_failure',
  ],
  compile(settings, env, where) {
    // tag_on_failure (default _mutate_error) is added only when a mutation raises an exception in
    // Logstash; calvin does not model those exceptions, so the tag never applies here (a case
    // expecting _mutate_error fails visibly rather than passing). The value is still checked.
    asList(settings.tag_on_failure);
    const steps = compileSteps(settings, env, where);
    const onSuccess = compileOnSuccess(settings, env, where);
    return (event) => {
      for (const step of steps) step(event);
      onSuccess(event);
      return undefined;
    };
  },
};
