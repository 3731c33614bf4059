import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, parseJsonWithLocations } from '../../../../src/lint/parsers/json-locations.js';

describe('JSON with locations', () => {
  it('gives values and the positions of objects, arrays and keys', () => {
    const text = '{\n  "a": [1, {"b": true}],\n  "c": "x\\ny"\n}';
    const { value, locations } = parseJsonWithLocations(text);
    expect(value).toEqual({ a: [1, { b: true }], c: 'x\ny' });
    const v = value as { a: [number, { b: boolean }] };
    expect(locations.of(v)).toMatchObject({ line: 1, column: 1 });
    expect(locations.key(v, 'c')).toMatchObject({ line: 3, column: 3 });
    expect(locations.of(v.a)).toMatchObject({ line: 2, column: 8 });
    expect(locations.key(v.a[1], 'b')).toMatchObject({ line: 2, column: 13 });
  });

  it('keeps __proto__ as a plain key', () => {
    const { value } = parseJsonWithLocations('{"__proto__": {"x": 1}}');
    expect(Object.keys(value as object)).toEqual(['__proto__']);
    expect(({} as { x?: number }).x).toBeUndefined();
  });

  it('reports syntax errors with line and column', () => {
    try {
      parseJsonWithLocations('{\n  "a": [1,,2]\n}');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(JsonSyntaxError);
      expect((error as JsonSyntaxError).location).toMatchObject({ line: 2, column: 11 });
    }
  });

  it('agrees with JSON.parse on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v, null, 2);
        expect(parseJsonWithLocations(text).value).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });
});
