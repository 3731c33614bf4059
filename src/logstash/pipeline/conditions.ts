/**
 * Conditions, as Logstash evaluates them: on the parsed config's AST, and on calvin's typed
 * LogCondition. Regexes run on Oniguruma.
 */
import type { Condition, RValue } from '../../lang/logstash/ast.js';
import type { LogCondition } from '../../define/types.js';
import { GrokError } from '../grok/errors.js';
import { OnigRegex } from '../grok/regex.js';
import { getPath, isPlainObject, sprintf, tagsOf, valueToString } from './event.js';
import type { LogEvent } from './event.js';
import { FilterConfigError, UnsupportedError } from './types.js';

export type Predicate = (event: LogEvent) => boolean;

function regex(source: string): OnigRegex {
  try {
    return OnigRegex.of(source);
  } catch (err) {
    if (err instanceof GrokError) throw new FilterConfigError(err.message);
    throw err;
  }
}

/** Logstash equality: numbers compare numerically, otherwise values must be equal and of one type. */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => valuesEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => valuesEqual(a[k], b[k]));
  }
  return a === b;
}

function compare(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

function includes(container: unknown, item: unknown): boolean {
  if (Array.isArray(container)) return container.some((x) => valuesEqual(x, item));
  if (typeof container === 'string') return typeof item === 'string' && container.includes(item);
  if (isPlainObject(container)) return typeof item === 'string' && Object.hasOwn(container, item);
  return false;
}

function truthy(v: unknown): boolean {
  return v !== undefined && v !== null && v !== false;
}

type ValueFn = (event: LogEvent) => unknown;

function compileRValue(v: RValue, parsePath: (name: string) => string[]): ValueFn {
  switch (v.type) {
    case 'FieldRef': {
      const path = v.path.flatMap((p) => parsePath(p));
      return (e) => getPath(e, path);
    }
    case 'String': {
      // Logstash interpolates string literals of a condition ("%{[host]}" == [source]) with
      // event.sprintf before comparing; a literal without %{ stays constant.
      const text = v.value;
      if (!text.includes('%{')) return () => text;
      return (e) => sprintf(text, e, parsePath);
    }
    case 'Number':
      return () => v.value;
    case 'Regex':
      return () => v.pattern;
    case 'Array': {
      const items = v.items.map((i) => {
        if (i.type === 'String' || i.type === 'Number' || i.type === 'Bareword') return i.value;
        throw new FilterConfigError(
          `line ${i.loc.start.line}: only strings and numbers are evaluated inside an array literal in a condition`,
        );
      });
      return () => items;
    }
    case 'MethodCall':
      return () => {
        throw new UnsupportedError(`line ${v.loc.start.line}: method call ${v.name}() in a condition is not evaluated`);
      };
  }
}

/** A predicate for a condition of the parsed Logstash config. */
export function compileCondition(c: Condition, parsePath: (name: string) => string[]): Predicate {
  switch (c.type) {
    case 'Boolean': {
      const l = compileCondition(c.left, parsePath);
      const r = compileCondition(c.right, parsePath);
      switch (c.op) {
        case 'and':
          return (e) => l(e) && r(e);
        case 'or':
          return (e) => l(e) || r(e);
        case 'xor':
          return (e) => l(e) !== r(e);
        case 'nand':
          return (e) => !(l(e) && r(e));
      }
      break;
    }
    case 'Not': {
      const inner = compileCondition(c.operand, parsePath);
      return (e) => !inner(e);
    }
    case 'Truthy': {
      const v = compileRValue(c.value, parsePath);
      return (e) => truthy(v(e));
    }
    case 'Comparison': {
      const l = compileRValue(c.left, parsePath);
      const r = compileRValue(c.right, parsePath);
      switch (c.op) {
        case '==':
          return (e) => valuesEqual(l(e), r(e));
        case '!=':
          return (e) => !valuesEqual(l(e), r(e));
        default: {
          const op = c.op;
          return (e) => {
            const d = compare(l(e), r(e));
            if (d === undefined) return false;
            return op === '<' ? d < 0 : op === '>' ? d > 0 : op === '<=' ? d <= 0 : d >= 0;
          };
        }
      }
    }
    case 'RegexMatch': {
      const l = compileRValue(c.left, parsePath);
      if (c.right.type !== 'Regex' && c.right.type !== 'String')
        throw new FilterConfigError(`line ${c.loc.start.line}: =~ needs a regex`);
      const re = regex(c.right.type === 'Regex' ? c.right.pattern : c.right.value);
      const negate = c.op === '!~';
      return (e) => {
        const v = l(e);
        const matched = v !== undefined && v !== null && re.test(valueToString(v));
        return negate ? !matched : matched;
      };
    }
    case 'In': {
      const l = compileRValue(c.left, parsePath);
      const r = compileRValue(c.right, parsePath);
      const negate = c.negated;
      return (e) => includes(r(e), l(e)) !== negate;
    }
  }
  throw new FilterConfigError('unknown condition');
}

/** A predicate for calvin's typed LogCondition (ECS dotted field names). */
export function compileLogCondition(c: LogCondition, parsePath: (name: string) => string[]): Predicate {
  switch (c.op) {
    case 'tag':
      return (e) => tagsOf(e).includes(c.tag);
    case '==':
    case '!=': {
      const path = parsePath(c.field);
      const neg = c.op === '!=';
      return (e) => valuesEqual(getPath(e, path), c.value) !== neg;
    }
    case '=~':
    case '!~': {
      const path = parsePath(c.field);
      const re = regex(c.pattern);
      const neg = c.op === '!~';
      return (e) => {
        const v = getPath(e, path);
        return (v !== undefined && v !== null && re.test(valueToString(v))) !== neg;
      };
    }
    case 'in':
    case 'not in': {
      const path = parsePath(c.field);
      const neg = c.op === 'not in';
      return (e) => includes(c.values, getPath(e, path)) !== neg;
    }
    case 'exists': {
      const path = parsePath(c.field);
      return (e) => truthy(getPath(e, path));
    }
    case 'and':
    case 'or': {
      const parts = c.conditions.map((x) => compileLogCondition(x, parsePath));
      return c.op === 'and' ? (e) => parts.every((p) => p(e)) : (e) => parts.some((p) => p(e));
    }
    case 'not': {
      const inner = compileLogCondition(c.condition, parsePath);
      return (e) => !inner(e);
    }
  }
}
