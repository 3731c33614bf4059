/**
 * JSON files that are templates (consul-template `{{ }}`, Ruby/Chef `#{}`) are JSON only once rendered.
 * Filling every expression with a placeholder of the same length (a string's characters inside a
 * string, a number outside) gives text whose syntax can still be checked, with positions unchanged.
 * Control structures (`{{ range }}`, `{{ if }}`) repeat or drop text, so such files cannot be checked.
 */

export type TemplateFill = { kind: 'filled'; text: string } | { kind: 'control'; line: number } | { kind: 'none' };

const CONTROL = /^\{\{-?\s*(?:range|if|else|end|with|define|template|block)\b/;

export function hasTemplateExpressions(text: string): boolean {
  return /#\{|\{\{/.test(text);
}

/** Replaces each expression by a same-length placeholder; reports control structures instead. */
export function fillTemplate(text: string): TemplateFill {
  if (!hasTemplateExpressions(text)) return { kind: 'none' };
  const out: string[] = [];
  let inString = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    const opener = text.startsWith('{{', i) ? '}}' : text.startsWith('#{', i) ? '}' : undefined;
    if (opener) {
      const close = text.indexOf(opener, i + 2);
      const end = close < 0 ? text.length : close + opener.length;
      const expression = text.slice(i, end);
      if (CONTROL.test(expression)) return { kind: 'control', line: text.slice(0, i).split('\n').length };
      out.push(inString ? 'x'.repeat(expression.length) : `0${' '.repeat(expression.length - 1)}`);
      i = end;
      continue;
    }
    if (inString && c === '\\') {
      out.push(text.slice(i, i + 2));
      i += 2;
      continue;
    }
    if (c === '"') inString = !inString;
    out.push(c);
    i += 1;
  }
  return { kind: 'filled', text: out.join('') };
}
