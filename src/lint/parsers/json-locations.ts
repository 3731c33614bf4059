/**
 * A small JSON parser that keeps where every object, array and property key starts, so findings on
 * hand-written Grafana or Elasticsearch JSON point at a line and column. Values come back as plain
 * data; positions live in a side table keyed by the object or array.
 */

export interface SourceLocation {
  line: number;
  column: number;
  offset: number;
}

export interface JsonLocations {
  /** Where an object or array starts. */
  of(node: object): SourceLocation | undefined;
  /** Where a property key of an object starts. */
  key(node: object, key: string): SourceLocation | undefined;
}

export interface ParsedJson {
  value: unknown;
  locations: JsonLocations;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly location: SourceLocation,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

/**
 * Deeper than this is rejected with a clear line: no hand-written dashboard or template nests this far,
 * and the parser and the rules that walk the value recurse once per level.
 */
export const MAX_JSON_DEPTH = 256;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

interface Entry {
  at: SourceLocation;
  keys?: Map<string, SourceLocation>;
}

export function parseJsonWithLocations(text: string): ParsedJson {
  const table = new WeakMap<object, Entry>();
  let pos = 0;
  // Line starts, to turn offsets into line/column lazily but cheaply.
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);

  const locate = (offset: number): SourceLocation => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1, offset };
  };
  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, locate(Math.min(pos, text.length)));
  };
  const skip = (): void => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) pos++;
      else return;
    }
  };

  const parseString = (): string => {
    pos++; // opening quote
    let out = '';
    let start = pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (Number.isNaN(c)) fail('unterminated string');
      if (c === 34) {
        out += text.slice(start, pos);
        pos++;
        return out;
      }
      if (c === 92) {
        out += text.slice(start, pos);
        const e = text[pos + 1];
        pos += 2;
        switch (e) {
          case '"':
            out += '"';
            break;
          case '\\':
            out += '\\';
            break;
          case '/':
            out += '/';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            const hex = text.slice(pos, pos + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
            out += String.fromCharCode(parseInt(hex, 16));
            pos += 4;
            break;
          }
          default:
            pos -= 1;
            fail(`bad escape \\${e ?? ''}`);
        }
        start = pos;
        continue;
      }
      if (c < 32) fail('control character in string');
      pos++;
    }
  };

  let depth = 0;
  const parseValue = (): unknown => {
    skip();
    const c = text[pos];
    if (c === '{' || c === '[') {
      depth += 1;
      try {
        if (depth > MAX_JSON_DEPTH) fail(`nested deeper than ${MAX_JSON_DEPTH} levels`);
        return c === '{' ? parseObject() : parseArray();
      } finally {
        depth -= 1;
      }
    }
    return parseScalar(c);
  };

  const parseObject = (): unknown => {
    const obj: Record<string, unknown> = {};
    const entry: Entry = { at: locate(pos), keys: new Map() };
    table.set(obj, entry);
    pos++;
    skip();
    if (text[pos] === '}') {
      pos++;
      return obj;
    }
    for (;;) {
      skip();
      if (text[pos] !== '"') fail('expected a property name in double quotes');
      const keyAt = locate(pos);
      const key = parseString();
      skip();
      if (text[pos] !== ':') fail(`expected ':' after "${key}"`);
      pos++;
      const value = parseValue();
      // A plain assignment, except for `__proto__`, which must stay data and not set the prototype.
      if (key === '__proto__')
        Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
      else obj[key] = value;
      entry.keys?.set(key, keyAt);
      skip();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === '}') {
        pos++;
        return obj;
      }
      fail("expected ',' or '}'");
    }
  };

  const parseArray = (): unknown => {
    const arr: unknown[] = [];
    table.set(arr, { at: locate(pos) });
    pos++;
    skip();
    if (text[pos] === ']') {
      pos++;
      return arr;
    }
    for (;;) {
      arr.push(parseValue());
      skip();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === ']') {
        pos++;
        return arr;
      }
      fail("expected ',' or ']'");
    }
  };

  const parseScalar = (c: string | undefined): unknown => {
    if (c === '"') return parseString();
    if (text.startsWith('true', pos)) {
      pos += 4;
      return true;
    }
    if (text.startsWith('false', pos)) {
      pos += 5;
      return false;
    }
    if (text.startsWith('null', pos)) {
      pos += 4;
      return null;
    }
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (m) {
      pos += m[0].length;
      return Number(m[0]);
    }
    return fail(pos >= text.length ? 'unexpected end of input' : `unexpected character '${c ?? ''}'`);
  };

  const value = parseValue();
  skip();
  if (pos < text.length) fail('unexpected content after the JSON value');
  return {
    value,
    locations: {
      of: (node) => table.get(node)?.at,
      key: (node, key) => table.get(node)?.keys?.get(key),
    },
  };
}
