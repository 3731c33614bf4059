/** mutate convert as Logstash's mutate filter does it (issue 12). */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseLogstash } from '../../../../src/lang/logstash/index.js';
import { compileLogstashFilters, loadOniguruma } from '../../../../src/logstash/index.js';
import type { LogEvent } from '../../../../src/logstash/index.js';

beforeAll(async () => {
  await loadOniguruma();
});

function convert(type: string, value: unknown): unknown {
  const { config } = parseLogstash(`filter { mutate { convert => { "v" => "${type}" } } }`);
  const result = compileLogstashFilters(config, 'convert.conf').run({ v: value } as LogEvent, { now: new Date(0) });
  if (result.status !== 'ok') throw new Error(result.reason);
  return result.event.v;
}

describe('mutate convert', () => {
  it('mutate convert does not strip commas ("1,234" → 1, where Logstash gives 1234) and does not turn "" into false', () => {
    expect(convert('integer', '1,234')).toBe(1234);
    expect(convert('float', '1,234.5')).toBe(1234.5);
    expect(convert('boolean', '')).toBe(false);
  });

  it('reads numbers as Ruby to_i/to_f: the leading number, 0 when there is none; booleans are 1 and 0', () => {
    expect(convert('integer', '42abc')).toBe(42);
    expect(convert('integer', 'abc')).toBe(0);
    expect(convert('integer', '1_000')).toBe(1000);
    expect(convert('integer', '3.9')).toBe(3);
    expect(convert('float', '1e3')).toBe(1000);
    expect(convert('float', 'x')).toBe(0);
    expect(convert('integer', true)).toBe(1);
    expect(convert('float', false)).toBe(0);
    expect(convert('integer', 7.8)).toBe(7);
  });

  it('has the _eu variants: "." groups thousands and "," is the decimal mark', () => {
    expect(convert('integer_eu', '1.234,5')).toBe(1234);
    expect(convert('float_eu', '1.234,5')).toBe(1234.5);
  });

  it('converts booleans by the words Logstash knows and leaves other values as they are', () => {
    for (const yes of ['true', 'T', 'yes', 'Y', '1', '1.0']) expect(convert('boolean', yes)).toBe(true);
    for (const no of ['false', 'f', 'NO', 'n', '0', '0.0']) expect(convert('boolean', no)).toBe(false);
    expect(convert('boolean', 'maybe')).toBe('maybe');
    expect(convert('boolean', ['yes', 'no'])).toEqual([true, false]);
  });
});
