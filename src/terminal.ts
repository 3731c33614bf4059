/**
 * Text from outside (backend error bodies, Consul names, log lines, definition messages) can carry
 * terminal escapes: ESC and OSC sequences that clear the screen, retitle the window or print a fake
 * "all healthy", and bidi overrides that reorder what is shown. Before anything reaches a terminal,
 * such characters are shown escaped (`\u001b`), which is also a valid JSON string escape, so
 * machine output keeps its meaning.
 */

// C0 controls but tab and newline, DEL, C1 controls, and the bidi embedding/override/isolate marks.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Select Graphic Rendition only (colours, bold): what calvin's own colouring writes.
const SGR = /\u001b\[[0-9;]*m/y;

const escapeChar = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Every unsafe character shown escaped; newlines and tabs kept. */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** One line for messages: newlines and tabs become spaces, the rest as `escapeControl`. */
export function escapeControlLine(text: string): string {
  return escapeControl(text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/\t/g, ' '));
}

/** Like `escapeControl`, but keeps colour sequences (SGR) when `color` is on: calvin's own colouring. */
export function terminalSafe(text: string, color: boolean): string {
  if (!color) return escapeControl(text);
  let out = '';
  let last = 0;
  for (let i = text.indexOf('\u001b'); i >= 0; i = text.indexOf('\u001b', i + 1)) {
    SGR.lastIndex = i;
    const m = SGR.exec(text);
    out += escapeControl(text.slice(last, i)) + (m ? m[0] : escapeChar('\u001b'));
    last = i + (m ? m[0].length : 1);
    if (m) i += m[0].length - 1;
  }
  return out + escapeControl(text.slice(last));
}

type Write = NodeJS.WriteStream['write'];

/**
 * Makes every string and Buffer written to `stream` terminal-safe: the one gate all of the CLI's
 * stdout and stderr pass through, whatever module writes them. Colour sequences survive only on a TTY.
 */
export function guardStream(stream: NodeJS.WriteStream, color = Boolean(stream.isTTY)): void {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  const guarded = (chunk: unknown, ...rest: unknown[]): boolean => {
    if (typeof chunk === 'string') return write(terminalSafe(chunk, color), ...rest);
    if (chunk instanceof Uint8Array) return write(terminalSafe(Buffer.from(chunk).toString('utf8'), color), ...rest);
    return write(chunk, ...rest);
  };
  stream.write = guarded as Write;
}
