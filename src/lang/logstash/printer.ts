/**
 * Prints a Logstash config syntax tree as text with two-space indentation. `parse(print(ast))` gives
 * the same tree, locations aside. Strings and numbers keep their text as written (quote kind,
 * escapes), so nothing Logstash would read differently is rewritten. Comments are not printed.
 */
import type {
  ArrayLit,
  Attribute,
  Branch,
  Condition,
  Config,
  HashLit,
  Plugin,
  RValue,
  Section,
  Statement,
  StringLit,
  Template,
  Value,
} from './ast.js';

const INDENT = '  ';

function printString(s: StringLit): string {
  return `${s.quote}${s.raw}${s.quote}`;
}

function printRValue(v: RValue): string {
  switch (v.type) {
    case 'FieldRef':
      return v.text;
    case 'String':
      return printString(v);
    case 'Number':
      return v.raw;
    case 'Array':
      return `[${v.items.map((item) => printValue(item, '')).join(', ')}]`;
    case 'Regex':
      return `/${v.pattern.replace(/\//g, '\\/')}/`;
    case 'MethodCall':
      return `${v.name}(${v.args.map(printRValue).join(', ')})`;
  }
}

/** Boolean operands are parenthesised when they are themselves boolean: the tree is kept as is. */
function printOperand(c: Condition): string {
  return c.type === 'Boolean' ? `(${printCondition(c)})` : printCondition(c);
}

export function printCondition(c: Condition): string {
  switch (c.type) {
    case 'Boolean':
      return `${printOperand(c.left)} ${c.op} ${printOperand(c.right)}`;
    case 'Not':
      return `!(${printCondition(c.operand)})`;
    case 'Comparison':
    case 'RegexMatch':
      return `${printRValue(c.left)} ${c.op} ${printRValue(c.right)}`;
    case 'In':
      return `${printRValue(c.left)} ${c.negated ? 'not in' : 'in'} ${printRValue(c.right)}`;
    case 'Truthy':
      return printRValue(c.value);
  }
}

function printArray(a: ArrayLit, indent: string): string {
  return `[${a.items.map((item) => printValue(item, indent)).join(', ')}]`;
}

function printHash(h: HashLit, indent: string): string {
  if (h.entries.length === 0 && h.templates.length === 0) return '{}';
  const inner = indent + INDENT;
  const lines = h.entries.map((e) => {
    const key = e.key.type === 'String' ? printString(e.key) : e.key.type === 'Number' ? e.key.raw : e.key.value;
    return `${inner}${key} => ${printValue(e.value, inner)}`;
  });
  // Directives between entries are kept, after the entries (the tree does not record their order).
  lines.push(...h.templates.map((t) => printTemplate(t, inner)));
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function printValue(v: Value, indent: string): string {
  switch (v.type) {
    case 'String':
      return printString(v);
    case 'Number':
      return v.raw;
    case 'Bareword':
      return v.value;
    case 'Array':
      return printArray(v, indent);
    case 'Hash':
      return printHash(v, indent);
    case 'Template':
      return v.text;
    case 'Plugin':
      return printPlugin(v, indent);
  }
}

function printAttribute(a: Attribute, indent: string): string {
  return `${indent}${a.name} => ${printValue(a.value, indent)}`;
}

function printTemplate(t: Template, indent: string): string {
  return `${indent}${t.text}`;
}

function printPlugin(p: Plugin, indent: string): string {
  if (p.body.length === 0) return `${p.name} {}`;
  const inner = indent + INDENT;
  const lines = p.body.map((item) =>
    item.type === 'Attribute' ? printAttribute(item, inner) : printTemplate(item, inner),
  );
  return `${p.name} {\n${lines.join('\n')}\n${indent}}`;
}

function printBlock(body: readonly Statement[], indent: string): string {
  if (body.length === 0) return `{\n${indent}}`;
  return `{\n${body.map((s) => printStatement(s, indent + INDENT)).join('\n')}\n${indent}}`;
}

function printBranch(b: Branch, indent: string): string {
  return (
    indent +
    b.clauses
      .map((clause) => {
        const head = clause.condition ? `${clause.keyword} ${printCondition(clause.condition)}` : clause.keyword;
        return `${head} ${printBlock(clause.body, indent)}`;
      })
      .join(' ')
  );
}

function printSection(s: Section, indent: string): string {
  return `${indent}${s.kind} ${printBlock(s.body, indent)}`;
}

export function printStatement(s: Statement, indent = ''): string {
  switch (s.type) {
    case 'Plugin':
      return indent + printPlugin(s, indent);
    case 'Branch':
      return printBranch(s, indent);
    case 'Template':
      return printTemplate(s, indent);
    case 'Section':
      return printSection(s, indent);
  }
}

export function printLogstash(config: Config): string {
  return `${config.body.map((s) => printStatement(s)).join('\n\n')}\n`;
}
