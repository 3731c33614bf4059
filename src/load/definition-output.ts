/** What definitions print while loading, shown on stderr and marked as theirs, never on stdout. */

/** Control characters (terminal escapes included) shown escaped, as `\x1b`; tabs kept. */
function visible(line: string): string {
  return line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}

export function formatDefinitionOutput(text: string): string {
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
  return lines.map((line) => `definition output: ${visible(line)}\n`).join('');
}

export function showDefinitionOutput(text: string): void {
  process.stderr.write(formatDefinitionOutput(text));
}
