/**
 * Calvinverse keeps Telegraf configs as consul-template files. Before the TOML parser sees one,
 * directives are taken out: a line that is only a directive is blanked (block openers and `end`
 * are tracked so that only the first branch of an `if … else … end` stays: both branches usually
 * set the same keys), and a directive inside a value becomes a placeholder that is put back in the
 * parsed strings, so `database = "{{ keyOrDefault "k" "d" }}"` reads as that directive text. A value
 * that a directive computes (`password = {{ with secret … }}…{{ end }}`, an array element built by
 * `{{ range }}`) reads as a string holding the template text.
 */

const DIRECTIVE = /\{\{[\s\S]*?\}\}/g;
const PLACEHOLDER = /\u{E000}(\d+)\u{E001}/gu;
const OPENERS = /^\{\{-?\s*(if|with|range)\b/;
const ELSE = /^\{\{-?\s*else\b/;
const END = /^\{\{-?\s*end\b/;
const COMPUTED_VALUE = /^(\s*[\w.-]+\s*=\s*)(\{\{.*?)\s*$/;

export interface Untemplated {
  /** The text with directives blanked or replaced; line numbers are unchanged. */
  toml: string;
  /** Puts the directives back into a string from the parsed config. */
  restore(value: string): string;
}

export function untemplate(text: string): Untemplated {
  const directives: string[] = [];
  const lines = text.split('\n');
  // Depths at which an `else` branch is being skipped.
  const skipping: number[] = [];
  let depth = 0;
  const out = lines.map((line) => {
    const trimmed = line.trim();
    const onlyDirectives = trimmed.startsWith('{{') && trimmed.replace(DIRECTIVE, '').trim() === '';
    if (onlyDirectives) {
      if (OPENERS.test(trimmed)) depth++;
      else if (ELSE.test(trimmed)) {
        if (skipping.at(-1) !== depth) skipping.push(depth);
      } else if (END.test(trimmed)) {
        if (skipping.at(-1) === depth) skipping.pop();
        depth--;
      }
      return '';
    }
    if (skipping.length > 0) return '';
    const hold = (d: string): string => `\u{E000}${directives.push(d) - 1}\u{E001}`;
    const computed = COMPUTED_VALUE.exec(line);
    if (computed) return `${computed[1]}"${hold(computed[2] as string)}"`;
    if (trimmed.startsWith('{{')) return `"${hold(trimmed.replace(/,$/, ''))}",`;
    return line.replace(DIRECTIVE, hold);
  });
  return {
    toml: out.join('\n'),
    restore: (value) => value.replace(PLACEHOLDER, (_, n: string) => directives[Number(n)] ?? ''),
  };
}
