/** Helpers over the Logstash AST: a generic walk, plugin listing, and plain-value conversion. */
import type { AnyNode, Condition, Config, Plugin, RValue, Section, SectionKind, Statement, Value } from './ast.js';

/** Children of a node, in source order. */
export function childrenOf(node: AnyNode): AnyNode[] {
  switch (node.type) {
    case 'Config':
    case 'Section':
      return node.body;
    case 'Plugin':
      return node.body;
    case 'Attribute':
      return [node.value];
    case 'Branch':
      return node.clauses;
    case 'BranchClause':
      return node.condition ? [node.condition, ...node.body] : node.body;
    case 'Array':
      return node.items;
    case 'Hash':
      return [...node.entries, ...node.templates].sort((a, b) => a.loc.start.offset - b.loc.start.offset);
    case 'HashEntry':
      return [node.key, node.value];
    case 'String':
      return node.templates;
    case 'MethodCall':
      return node.args;
    case 'Boolean':
      return [node.left, node.right];
    case 'Not':
      return [node.operand];
    case 'Comparison':
    case 'RegexMatch':
    case 'In':
      return [node.left, node.right];
    case 'Truthy':
      return [node.value];
    default:
      return [];
  }
}

/** Depth-first pre-order walk; `ancestors` is the path from the root (excluding the node). */
export function walk(
  node: AnyNode,
  visit: (node: AnyNode, ancestors: readonly AnyNode[]) => void | 'skip',
  ancestors: AnyNode[] = [],
): void {
  if (visit(node, ancestors) === 'skip') return;
  ancestors.push(node);
  for (const child of childrenOf(node)) walk(child, visit, ancestors);
  ancestors.pop();
}

export interface PluginUse {
  plugin: Plugin;
  section: SectionKind;
  /** Conditions guarding the plugin, outermost first (negated for else branches is left to the reader). */
  ancestors: readonly AnyNode[];
}

/** Every plugin with its section kind (top-level plugins outside a section are skipped). */
export function pluginsOf(config: Config, kind?: SectionKind): PluginUse[] {
  const uses: PluginUse[] = [];
  walk(config, (node, ancestors) => {
    if (node.type !== 'Plugin') return undefined;
    const section = [...ancestors].reverse().find((a): a is Section => a.type === 'Section');
    if (section && (!kind || section.kind === kind) && !ancestors.some((a) => a.type === 'Attribute')) {
      uses.push({ plugin: node, section: section.kind, ancestors: [...ancestors] });
    }
    return 'skip';
  });
  return uses;
}

/** Conditions appearing anywhere in the config. */
export function conditionsOf(config: Config): Condition[] {
  const out: Condition[] = [];
  walk(config, (node) => {
    if (node.type === 'BranchClause' && node.condition) out.push(node.condition);
  });
  return out;
}

export type PlainValue = string | number | PlainValue[] | { [key: string]: PlainValue };

/** A setting's value as plain data: strings, numbers, arrays, objects (templates become their text). */
export function plainValue(value: Value | RValue): PlainValue {
  switch (value.type) {
    case 'String':
    case 'Bareword':
      return value.value;
    case 'Number':
      return value.value;
    case 'Template':
      return value.text;
    case 'Array':
      return value.items.map((v) => plainValue(v));
    case 'Hash': {
      const out: Record<string, PlainValue> = {};
      for (const e of value.entries) out[String(e.key.value)] = plainValue(e.value);
      return out;
    }
    case 'Plugin': {
      const out: Record<string, PlainValue> = {};
      for (const a of value.attributes) out[a.name] = plainValue(a.value);
      return { [value.name]: out };
    }
    case 'FieldRef':
      return value.text;
    case 'Regex':
      return value.pattern;
    case 'MethodCall':
      return `${value.name}(${value.args.map((a) => JSON.stringify(plainValue(a))).join(', ')})`;
  }
}

/** The first setting called `name` of a plugin, if any. */
export function setting(plugin: Plugin, name: string): Value | undefined {
  return plugin.attributes.find((a) => a.name === name)?.value;
}

/** All settings called `name` (Logstash merges repeated hash/array settings). */
export function settings(plugin: Plugin, name: string): Value[] {
  return plugin.attributes.filter((a) => a.name === name).map((a) => a.value);
}

/**
 * Statements of every `filter` section in source order, with top-level conditionals that wrap
 * sections (a recovered mistake) turned into conditionals inside the filter section.
 */
export function filterStatements(config: Config): Statement[] {
  const out: Statement[] = [];
  for (const stmt of config.body) {
    const lifted = liftSection(stmt, 'filter');
    if (lifted) out.push(...lifted);
  }
  return out;
}

function liftSection(stmt: Statement, kind: SectionKind): Statement[] | undefined {
  if (stmt.type === 'Section') return stmt.kind === kind ? stmt.body : undefined;
  if (stmt.type !== 'Branch') return undefined;
  let any = false;
  const clauses = stmt.clauses.map((clause) => {
    const body: Statement[] = [];
    for (const inner of clause.body) {
      const lifted = liftSection(inner, kind);
      if (lifted) {
        any = true;
        body.push(...lifted);
      }
    }
    return { ...clause, body };
  });
  return any ? [{ ...stmt, clauses }] : undefined;
}
