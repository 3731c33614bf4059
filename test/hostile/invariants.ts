/**
 * The invariants every hostile case checks, whatever the command: no stack trace, an exit code from
 * the documented set, stdout that parses when a machine format was asked for, no raw control
 * characters, no secret in any output. (Bounded time is the per-case timeout of the `hostile` project.)
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { registerBasicCredentials, registerSecret } from '../../src/redact.js';

/** Secrets the hostile inputs carry; registered as calvin registers tokens and passwords from the environment. */
export const SECRET = 'hostile-S3cr3t-token-9f2c';
export const BASIC_USER = 'elastic';
export const BASIC_PASSWORD = 'hostile-basic-Pa55';
registerSecret(SECRET);
registerBasicCredentials(BASIC_USER, BASIC_PASSWORD);

/** Every form of the secrets that must never appear. */
const FORBIDDEN = [
  SECRET,
  BASIC_PASSWORD,
  encodeURIComponent(SECRET),
  Buffer.from(SECRET).toString('base64').replace(/=+$/, ''),
  Buffer.from(`${BASIC_USER}:${BASIC_PASSWORD}`).toString('base64').replace(/=+$/, ''),
];

// C0 but newline and tab, DEL, C1, bidi controls: what must never reach a terminal raw.
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// A JavaScript stack frame: `    at fn (file.ts:12:5)` or `    at file.js:3:9`.
const STACK_FRAME = /^\s+at .*(?::\d+:\d+\)?|\(native\)|<anonymous>)$/m;

export type MachineFormat = 'json' | 'sarif' | 'junit';

export interface Outcome {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export function checkInvariants(o: Outcome, options: { exits: readonly number[]; machine?: MachineFormat }): void {
  const both = `${o.stdout}\n${o.stderr}`;
  expect(both, 'a stack trace reached the user').not.toMatch(STACK_FRAME);
  expect(both, 'an internal error reached the user').not.toMatch(/internal error/);
  expect(options.exits, `exit code ${o.exitCode}; stderr: ${o.stderr.slice(0, 300)}`).toContain(o.exitCode);
  const raw = RAW_CONTROL.exec(both);
  expect(raw ? `raw U+${raw[0].charCodeAt(0).toString(16)} at ${raw.index}` : '', 'raw control character').toBe('');
  for (const secret of FORBIDDEN)
    expect(both.includes(secret), `secret form ${secret.slice(0, 6)}… in output`).toBe(false);
  if (options.machine && o.stdout !== '') {
    if (options.machine === 'junit') expect(o.stdout).toMatch(/^<\?xml[\s\S]*<\/testsuites>\n$/);
    else expect(() => JSON.parse(o.stdout), 'stdout is not JSON').not.toThrow();
  }
}

/** Text an attacker or a careless user puts anywhere: escapes, bidi, secrets, quotes, template and markup. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u001b[2J\u001b[HFAKE: all healthy',
    '\u001b]0;pwned\u0007title',
    '\u001b]52;c;Y2xpcGJvYXJk\u0007',
    'ok\u202etxt.exe',
    '\u2066isolate\u2069',
    '\u009b31mC1 CSI',
    `token=${SECRET}`,
    `Authorization: Basic ${Buffer.from(`${BASIC_USER}:${BASIC_PASSWORD}`).toString('base64')}`,
    `http://${BASIC_USER}:${BASIC_PASSWORD}@influx:8086/query`,
    `q=${encodeURIComponent(SECRET)}`,
    '{{ .Level }}#{x}${y}',
    '*/ </script><b>x</b> `code` | pipe',
    'line1\nline2\r\nline3',
    '',
    'x'.repeat(500),
  ),
  fc
    .tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\u001b[31m', '\u0000', '\u007f', '\u202e', SECRET))
    .map(([a, b]) => `${a}${b}${a}`),
);
