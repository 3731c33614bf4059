import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { escapeControl, escapeControlLine, guardStream, terminalSafe } from '../../src/terminal.js';

const CLEAR_AND_FAKE = '\u001b[2J\u001b[H\u001b]0;pwned\u0007FAKE: all healthy';

describe('terminal-safe text', () => {
  it('shows ESC, OSC and BEL escaped, so a server cannot clear the screen and print "FAKE: all healthy"', () => {
    expect(escapeControl(CLEAR_AND_FAKE)).toBe('\\u001b[2J\\u001b[H\\u001b]0;pwned\\u0007FAKE: all healthy');
  });

  it('shows bidi overrides and isolates escaped, and C1 controls', () => {
    expect(escapeControl('ok\u202eliah\u2066x\u2069\u009by')).toBe('ok\\u202eliah\\u2066x\\u2069\\u009by');
  });

  it('keeps newlines and tabs in multi-line output; one-line messages fold them', () => {
    expect(escapeControl('a\n\tb\r\n')).toBe('a\n\tb\\u000d\n');
    expect(escapeControlLine('a\n  b\r\nc\td')).toBe('a b c d');
  });

  it('the escapes are JSON string escapes: machine output keeps its meaning', () => {
    const value = { name: 'x\u202ey\u009b' };
    expect(JSON.parse(escapeControl(JSON.stringify(value)))).toEqual(value);
  });

  it('keeps only colour (SGR) sequences, and only when colour is on', () => {
    const coloured = '\u001b[31merror\u001b[39m \u001b[2J';
    expect(terminalSafe(coloured, true)).toBe('\u001b[31merror\u001b[39m \\u001b[2J');
    expect(terminalSafe(coloured, false)).toBe('\\u001b[31merror\\u001b[39m \\u001b[2J');
  });

  it('guards every write to a stream, strings and buffers alike', () => {
    const stream = new PassThrough() as unknown as NodeJS.WriteStream;
    const seen: string[] = [];
    (stream as unknown as PassThrough).on('data', (c: Buffer) => seen.push(c.toString('utf8')));
    guardStream(stream, false);
    stream.write(CLEAR_AND_FAKE);
    stream.write(Buffer.from('\u001b]52;c;AAAA\u0007'));
    expect(seen.join('')).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(seen.join('')).toContain('FAKE: all healthy');
  });
});
