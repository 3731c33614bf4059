/** A parsed Logstash pipeline file → plugin and condition nodes, each with its section and guards. */
import { parseLogstash } from '../../lang/logstash/parser.js';
import type * as LS from '../../lang/logstash/ast.js';
import type { LogstashConditionNode, LogstashFileNode, LogstashPluginNode } from '../types.js';

export interface LogstashModel {
  file: LogstashFileNode;
  plugins: LogstashPluginNode[];
  conditions: LogstashConditionNode[];
}

/** Content sniffing: Logstash configs start (after comments/templates) with a section or a conditional. */
export function looksLikeLogstash(text: string): boolean {
  const stripped = text.replace(/\{\{[\s\S]*?\}\}/g, '').replace(/^\s*#.*$/gm, '');
  return (
    /^\s*(input|filter|output)\s*\{/m.test(stripped) || /^\s*if\s+(!?\[|"[^"]*"\s+(not\s+)?in\s+\[)/.test(stripped)
  );
}

export function buildLogstashModel(file: string, text: string, pipeline: string): LogstashModel {
  const { config, errors } = parseLogstash(text);
  const node: LogstashFileNode = { kind: 'logstash-file', file, line: 1, column: 1, text, config, errors, pipeline };
  const plugins: LogstashPluginNode[] = [];
  const conditions: LogstashConditionNode[] = [];
  const walk = (statements: LS.Statement[], section: LS.SectionKind | 'none', guards: LS.Condition[]): void => {
    for (const s of statements) {
      if (s.type === 'Section') walk(s.body, s.kind, guards);
      else if (s.type === 'Plugin')
        plugins.push({
          kind: 'logstash-plugin',
          file,
          line: s.loc.start.line,
          column: s.loc.start.column,
          plugin: s,
          section,
          guards,
          pipeline,
        });
      else if (s.type === 'Branch') {
        // An `else` clause runs when the earlier conditions were false: its guards are unknown, keep the outer ones.
        for (const clause of s.clauses) {
          if (clause.condition)
            conditions.push({
              kind: 'logstash-condition',
              file,
              line: clause.condition.loc.start.line,
              column: clause.condition.loc.start.column,
              condition: clause.condition,
              section,
              guards,
              pipeline,
            });
          walk(
            clause.body,
            section,
            clause.condition && clause.keyword === 'if' ? [...guards, clause.condition] : guards,
          );
        }
      }
    }
  };
  walk(config.body, 'none', []);
  return { file: node, plugins, conditions };
}

// ---------------------------------------------------------------------------------------------
// Helpers rules share

/** Values of a setting (all occurrences; arrays flattened; strings only). */
export function settingStrings(plugin: LS.Plugin, name: string): { value: string; loc: LS.Span }[] {
  const out: { value: string; loc: LS.Span }[] = [];
  const add = (v: LS.Value): void => {
    if (v.type === 'String') out.push({ value: v.value, loc: v.loc });
    else if (v.type === 'Bareword') out.push({ value: v.value, loc: v.loc });
    else if (v.type === 'Array') v.items.forEach(add);
  };
  for (const a of plugin.attributes) if (a.name === name) add(a.value);
  return out;
}

/** Entries of a hash setting (`match => { "message" => "..." }`, or the old array form `["message", "..."]`). */
export function settingPairs(
  plugin: LS.Plugin,
  name: string,
): { key: string; values: { value: string; loc: LS.Span }[] }[] {
  const out: { key: string; values: { value: string; loc: LS.Span }[] }[] = [];
  const strings = (v: LS.Value): { value: string; loc: LS.Span }[] =>
    v.type === 'String' || v.type === 'Bareword'
      ? [{ value: v.value, loc: v.loc }]
      : v.type === 'Array'
        ? v.items.flatMap(strings)
        : [];
  for (const a of plugin.attributes) {
    if (a.name !== name) continue;
    if (a.value.type === 'Hash') {
      for (const e of a.value.entries) out.push({ key: String(e.key.value), values: strings(e.value) });
    } else if (a.value.type === 'Array') {
      const items = strings(a.value);
      for (let i = 0; i + 1 < items.length; i += 2)
        out.push({
          key: (items[i] as { value: string }).value,
          values: [items[i + 1] as { value: string; loc: LS.Span }],
        });
    }
  }
  return out;
}

/** Field path of a reference as Logstash writes it: `[a][b]` → `a.b`; `program` → `program`. */
export function fieldName(ref: LS.FieldRef): string {
  return ref.path.join('.');
}

/** `"x" in [tags]` conditions inside a condition tree (positive or negated). */
export function tagTests(condition: LS.Condition): { tag: string; negated: boolean; loc: LS.Span }[] {
  const out: { tag: string; negated: boolean; loc: LS.Span }[] = [];
  const visit = (c: LS.Condition, negated: boolean): void => {
    if (c.type === 'Boolean') {
      visit(c.left, negated);
      visit(c.right, negated);
    } else if (c.type === 'Not') visit(c.operand, !negated);
    else if (
      c.type === 'In' &&
      c.right.type === 'FieldRef' &&
      fieldName(c.right) === 'tags' &&
      c.left.type === 'String'
    )
      out.push({ tag: c.left.value, negated: negated !== c.negated, loc: c.left.loc });
    else if (
      c.type === 'Comparison' &&
      c.left.type === 'FieldRef' &&
      fieldName(c.left) === 'tags' &&
      c.right.type === 'String'
    )
      out.push({ tag: c.right.value, negated, loc: c.right.loc });
  };
  visit(condition, false);
  return out;
}

/** Field references read by a condition (tags excluded). */
export function fieldReads(condition: LS.Condition): LS.FieldRef[] {
  const out: LS.FieldRef[] = [];
  const rv = (v: LS.RValue): void => {
    if (v.type === 'FieldRef' && v.path[0] !== 'tags' && v.path[0] !== '@metadata') out.push(v);
    else if (v.type === 'MethodCall') v.args.forEach(rv);
    else if (v.type === 'Array')
      v.items.forEach((i) => (i.type === 'String' || i.type === 'Number' ? undefined : undefined));
  };
  const visit = (c: LS.Condition): void => {
    if (c.type === 'Boolean') {
      visit(c.left);
      visit(c.right);
    } else if (c.type === 'Not') visit(c.operand);
    else if (c.type === 'Truthy') rv(c.value);
    else {
      rv(c.left);
      rv(c.right);
    }
  };
  visit(condition);
  return out;
}
