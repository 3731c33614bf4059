/**
 * Prints a TICKscript tree as text: one statement per line, a chain's nodes (`|`, `@`) on their own
 * lines and its properties (`.`) indented under them, as Kapacitor's own examples are laid out.
 * Literals keep their text as written. `parse(print(tree))` gives the same tree, offsets aside.
 */
import type { Chain, Expr, Program, Statement } from './ast.js';

const PRECEDENCE: Record<string, number> = {
  OR: 1,
  AND: 2,
  '==': 3,
  '!=': 3,
  '<': 3,
  '>': 3,
  '<=': 3,
  '>=': 3,
  '=~': 3,
  '!~': 3,
  '+': 4,
  '-': 4,
  '*': 5,
  '/': 5,
  '%': 5,
};

function operand(child: Expr, prec: number, right: boolean, indent: string): string {
  const text = printExpr(child, indent);
  if (child.type !== 'binary') return text;
  const childPrec = PRECEDENCE[child.op] ?? 0;
  return childPrec < prec || (right && childPrec === prec) ? `(${text})` : text;
}

function printChain(chain: Chain, indent: string): string {
  const multiline = indent !== undefined && chain.links.length > 1;
  let out = printExpr(chain.head, indent);
  for (const link of chain.links) {
    const args = link.args.map((a) => printExpr(a, `${indent}        `)).join(', ');
    const call = `${link.op}${link.name}(${args})`;
    if (!multiline) out += call;
    else out += link.op === '.' ? `\n${indent}        ${call}` : `\n${indent}    ${call}`;
  }
  return out;
}

export function printExpr(expr: Expr, indent = ''): string {
  switch (expr.type) {
    case 'number':
    case 'duration':
    case 'string':
    case 'regex':
    case 'reference':
      return expr.raw;
    case 'bool':
      return expr.value ? 'TRUE' : 'FALSE';
    case 'star':
      return '*';
    case 'identifier':
      return expr.name;
    case 'lambda':
      return `lambda: ${printExpr(expr.body, indent)}`;
    case 'list':
      return `[${expr.items.map((i) => printExpr(i, indent)).join(', ')}]`;
    case 'unary': {
      const inner = printExpr(expr.operand, indent);
      return expr.operand.type === 'binary' ? `${expr.op}(${inner})` : `${expr.op}${inner}`;
    }
    case 'binary': {
      const prec = PRECEDENCE[expr.op] ?? 0;
      return `${operand(expr.left, prec, false, indent)} ${expr.op} ${operand(expr.right, prec, true, indent)}`;
    }
    case 'paren':
      return `(${printExpr(expr.expr, indent)})`;
    case 'call':
      return `${expr.name}(${expr.args.map((a) => printExpr(a, indent)).join(', ')})`;
    case 'chain':
      return printChain(expr, indent);
  }
}

function quoteName(name: string): string {
  return `"${name.replaceAll('"', '\\"')}"`;
}

export function printStatement(statement: Statement): string {
  switch (statement.type) {
    case 'var':
      return `var ${statement.name} = ${printExpr(statement.value)}`;
    case 'var-type':
      return `var ${statement.name} ${statement.typeName}`;
    case 'dbrp':
      return `dbrp ${quoteName(statement.database)}.${quoteName(statement.retentionPolicy)}`;
    case 'expr':
      return printExpr(statement.expr);
  }
}

export function printTickscript(program: Program): string {
  return `${program.statements.map(printStatement).join('\n\n')}\n`;
}
