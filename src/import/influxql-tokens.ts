/**
 * A small InfluxQL tokenizer, enough to compare two queries for equivalence of text (whitespace,
 * keyword case, number spelling and the redundant parentheses Grafana puts around tag conditions
 * do not matter) and to parse the simple raw queries that dashboards contain.
 */

export type TokenKind = 'ident' | 'string' | 'regex' | 'word' | 'number' | 'op' | 'punct';

export interface Token {
  kind: TokenKind;
  /** Quoted tokens: the unescaped content; words: as written. */
  value: string;
}

const OPERATORS = ['=~', '!~', '!=', '<>', '<=', '>=', '=', '<', '>', '+', '-', '*', '/', '%'];

function readQuoted(text: string, start: number, quote: string): { value: string; end: number } | undefined {
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\' && i + 1 < text.length) {
      const next = text[i + 1] as string;
      if (quote === '/') value += next === '/' ? '/' : `\\${next}`;
      else value += next === 'n' ? '\n' : next;
      i++;
    } else if (ch === quote) {
      return { value, end: i + 1 };
    } else {
      value += ch;
    }
  }
  return undefined;
}

/** Tokens of the query, or undefined when it cannot be tokenised (an unterminated quote). */
export function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const read = readQuoted(text, i, ch);
      if (!read) return undefined;
      tokens.push({ kind: ch === '"' ? 'ident' : 'string', value: read.value });
      i = read.end;
      continue;
    }
    const previous = tokens[tokens.length - 1];
    if (ch === '/' && previous?.kind === 'op' && (previous.value === '=~' || previous.value === '!~')) {
      const read = readQuoted(text, i, '/');
      if (!read) return undefined;
      tokens.push({ kind: 'regex', value: read.value });
      i = read.end;
      continue;
    }
    const number = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?(?![A-Za-z_µ0-9.])/.exec(text.slice(i));
    if (number) {
      tokens.push({ kind: 'number', value: number[0] });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z0-9_$µ][A-Za-z0-9_$µ]*/.exec(text.slice(i));
    if (word) {
      tokens.push({ kind: 'word', value: word[0] });
      i += word[0].length;
      continue;
    }
    const op = OPERATORS.find((candidate) => text.startsWith(candidate, i));
    if (op) {
      tokens.push({ kind: 'op', value: op });
      i += op.length;
      continue;
    }
    tokens.push({ kind: 'punct', value: ch });
    i++;
  }
  return tokens;
}

const KEYWORDS = new Set([
  'select',
  'from',
  'where',
  'and',
  'or',
  'group',
  'by',
  'fill',
  'order',
  'limit',
  'slimit',
  'offset',
  'soffset',
  'as',
  'asc',
  'desc',
  'null',
  'none',
  'previous',
  'linear',
  'tz',
  'show',
  'tag',
  'values',
  'with',
  'key',
  'in',
  'not',
  'exact',
  'cardinality',
  'true',
  'false',
  'time',
]);
const SIMPLE_IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function canonical(token: Token, next: Token | undefined): string {
  switch (token.kind) {
    case 'ident':
      // "host" and host are the same identifier; keywords must stay quoted.
      return SIMPLE_IDENT.test(token.value) && !KEYWORDS.has(token.value.toLowerCase())
        ? token.value
        : `"${token.value}"`;
    case 'string':
      return `'${token.value}'`;
    case 'regex':
      return `/${token.value}/`;
    case 'number':
      return String(Number(token.value));
    case 'word':
      return KEYWORDS.has(token.value.toLowerCase()) || next?.value === '(' ? token.value.toLowerCase() : token.value;
    default:
      return token.value;
  }
}

/** Splits at depth-0 occurrences of `separator`. */
function splitTop(tokens: readonly string[], separator: string): string[][] {
  const parts: string[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t === '(') depth++;
    if (t === ')') depth--;
    if (depth === 0 && t === separator) parts.push([]);
    else (parts[parts.length - 1] as string[]).push(t);
  }
  return parts;
}

function wrapsWhole(tokens: readonly string[]): boolean {
  if (tokens[0] !== '(' || tokens[tokens.length - 1] !== ')') return false;
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === '(') depth++;
    if (tokens[i] === ')') depth--;
    if (depth === 0 && i < tokens.length - 1) return false;
  }
  return true;
}

/** AND is commutative and associative: flatten nested AND groups and sort the conjuncts. */
function conjuncts(tokens: readonly string[]): string[] | undefined {
  if (splitTop(tokens, 'or').length > 1) return undefined;
  const out: string[] = [];
  for (const part of splitTop(tokens, 'and')) {
    const inner = wrapsWhole(part) ? conjuncts(part.slice(1, -1)) : undefined;
    if (inner) out.push(...inner);
    else out.push(part.join(' '));
  }
  return out;
}

const WHERE_END = new Set(['group', 'order', 'limit', 'slimit', 'offset', 'soffset', 'fill', 'tz']);
const GROUP_END = new Set(['order', 'limit', 'slimit', 'offset', 'soffset', 'fill', 'tz']);

function clauseEnd(tokens: readonly string[], from: number, ends: ReadonlySet<string>): number {
  let depth = 0;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i] as string;
    if (t === '(') depth++;
    else if (t === ')') depth--;
    else if (depth === 0 && ends.has(t)) return i;
  }
  return tokens.length;
}

function topLevelIndex(tokens: readonly string[], word: string, from = 0): number {
  let depth = 0;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === '(') depth++;
    else if (t === ')') depth--;
    else if (depth === 0 && t === word) return i;
  }
  return -1;
}

/**
 * A canonical spelling of the query: equal for queries that differ only in layout, keyword case,
 * identifier quoting, number spelling, the order of AND-ed WHERE conditions (and their grouping
 * parentheses) and the order of GROUP BY dimensions. Subqueries are compared as written.
 */
export function normaliseInfluxQL(text: string): string {
  const tokens = tokenize(text);
  if (!tokens) return text.replace(/\s+/g, ' ').trim();
  let canon = tokens.map((t, i) => canonical(t, tokens[i + 1]));
  const where = topLevelIndex(canon, 'where');
  if (where >= 0) {
    const end = clauseEnd(canon, where + 1, WHERE_END);
    const parts = conjuncts(canon.slice(where + 1, end));
    if (parts)
      canon = [...canon.slice(0, where + 1), ...[...parts].sort().join(' and ').split(' '), ...canon.slice(end)];
  }
  const group = topLevelIndex(canon, 'group');
  if (group >= 0 && canon[group + 1] === 'by') {
    const end = clauseEnd(canon, group + 2, GROUP_END);
    const dims = splitTop(canon.slice(group + 2, end), ',')
      .map((d) => d.join(' '))
      .sort();
    canon = [...canon.slice(0, group + 2), dims.join(' , '), ...canon.slice(end)];
  }
  return canon.join(' ');
}
