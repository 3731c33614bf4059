/**
 * Finds a group with an unbounded quantifier (`*`, `+`, `{n,}`) that itself holds an unbounded
 * quantifier, as in `(a+)+` or `(?:\w*,)*`: the shape that makes a backtracking regex engine take
 * exponential time on a line that almost matches. `%{NAME}` references count as single atoms
 * (the standard patterns are Logstash's own); atomic groups and possessive quantifiers, which
 * never backtrack, are left out. Pure.
 */

/** The offending group's text, or undefined when there is none. */
export function findNestedQuantifier(expression: string): string | undefined {
  const text = expression.replace(/%\{[^}]*\}/g, 'X');
  // One frame per open group: where it starts, whether it is atomic, whether it holds an unbounded quantifier.
  const stack: { start: number; atomic: boolean; unbounded: boolean }[] = [];
  let lastGroup: { start: number; atomic: boolean; unbounded: boolean } | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\') {
      i++;
      lastGroup = undefined;
      continue;
    }
    if (ch === '[') {
      i = classEnd(text, i);
      lastGroup = undefined;
      continue;
    }
    if (ch === '(') {
      stack.push({ start: i, atomic: text.startsWith('(?>', i), unbounded: false });
      lastGroup = undefined;
      continue;
    }
    if (ch === ')') {
      lastGroup = stack.pop();
      const parent = stack[stack.length - 1];
      if (parent && lastGroup?.unbounded && !lastGroup.atomic) parent.unbounded = true;
      continue;
    }
    const q = unboundedQuantifierAt(text, i);
    if (q > 0) {
      const possessive = text[i + q] === '+';
      if (!possessive && lastGroup && lastGroup.unbounded && !lastGroup.atomic)
        return text.slice(lastGroup.start, i + q);
      const open = stack[stack.length - 1];
      if (open && !possessive) open.unbounded = true;
      i += possessive ? q : q - 1;
      lastGroup = undefined;
      continue;
    }
    lastGroup = undefined;
  }
  return undefined;
}

/** Length of an unbounded quantifier at i (`*`, `+`, `{n,}`), 0 when there is none. */
function unboundedQuantifierAt(text: string, i: number): number {
  const ch = text[i];
  if (ch === '*' || ch === '+') return 1;
  if (ch === '{') {
    const m = /^\{\d*,\}/.exec(text.slice(i));
    if (m) return m[0].length;
  }
  return 0;
}

/** Index of the `]` that closes the class opened at i (nested classes and escapes skipped). */
function classEnd(text: string, i: number): number {
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '[') depth++;
    else if (c === ']' && j > i + 1 && --depth === 0) return j;
  }
  return text.length;
}
