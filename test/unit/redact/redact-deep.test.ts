import { describe, expect, it } from 'vitest';
import { redact, redactDeep } from '../../../src/redact.js';

describe('redactDeep', () => {
  it('redacts every string of plain objects and arrays', () => {
    expect(redactDeep({ a: ['token=abc123', { b: 'password: "p4ss"' }], n: 1 })).toEqual({
      a: ['token=***', { b: 'password: "***"' }],
      n: 1,
    });
  });

  it('keeps other objects as they are (a Date stays a Date)', () => {
    const when = new Date(0);
    const out = redactDeep({ when, tags: new Map([['k', 'v']]) });
    expect(out.when).toBe(when);
    expect(out.tags.get('k')).toBe('v');
  });

  it('keeps JSON valid where redacting the serialised text does not', () => {
    const data = { message: 'login failed: password="hunter2"' };
    expect(() => JSON.parse(redact(JSON.stringify(data))) as unknown).toThrow();
    expect(JSON.parse(JSON.stringify(redactDeep(data)))).toEqual({ message: 'login failed: password="***"' });
  });
});

describe('redact', () => {
  it('masks secrets in Logstash settings (`password => "x"`) as in `key: v` and `key=v`', () => {
    expect(redact('http { password => "hunter2" }')).toBe('http { password => "***" }');
    expect(redact("user => 'x' password=>'p4ss'")).toBe("user => 'x' password=>'***'");
  });
});
