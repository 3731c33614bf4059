/** What a statement reads, flattened for rules: measurements, fields, tag conditions, time bounds. */
import type { Expr, SelectStatement, Source, Statement } from './ast.js';

export interface MeasurementRef {
  database?: string;
  retentionPolicy?: string;
  /** Name, or undefined for a regex / variable source. */
  name?: string;
  regex?: string;
  variable?: string;
  pos: number;
}

export interface TagConditionFact {
  key: string;
  op: string;
  value:
    | { kind: 'string'; value: string }
    | { kind: 'regex'; pattern: string }
    | { kind: 'variable'; name: string }
    | { kind: 'number'; value: number }
    | { kind: 'other' };
  pos: number;
}

export interface QueryFacts {
  measurements: MeasurementRef[];
  /** Field keys read in SELECT (and compared to numbers in WHERE). */
  fields: { name: string; pos: number }[];
  tagConditions: TagConditionFact[];
  /** Tag keys read: conditions, GROUP BY tags, SHOW TAG VALUES WITH KEY. */
  tagKeys: { name: string; pos: number }[];
  hasTimeCondition: boolean;
  groupByTime?: { interval: string; pos: number };
  fill?: string | number;
  variables: { name: string; pos: number }[];
}

const walk = (expr: Expr | undefined, visit: (e: Expr) => void): void => {
  if (!expr) return;
  visit(expr);
  if (expr.type === 'binary') {
    walk(expr.left, visit);
    walk(expr.right, visit);
  } else if (expr.type === 'call') expr.args.forEach((a) => walk(a, visit));
  else if (expr.type === 'paren') walk(expr.expr, visit);
};

const unparen = (e: Expr): Expr => (e.type === 'paren' ? unparen(e.expr) : e);

function sourceRefs(from: Source[], facts: QueryFacts): void {
  for (const s of from) {
    if (s.subquery) {
      mergeSelect(s.subquery, facts);
      continue;
    }
    const ref: MeasurementRef = { pos: s.pos };
    if (s.database !== undefined) ref.database = s.database;
    if (s.retentionPolicy !== undefined) ref.retentionPolicy = s.retentionPolicy;
    if (s.measurement.type === 'name') ref.name = s.measurement.name;
    else if (s.measurement.type === 'regex') ref.regex = s.measurement.pattern;
    else ref.variable = s.measurement.name;
    facts.measurements.push(ref);
  }
}

function whereFacts(where: Expr | undefined, facts: QueryFacts): void {
  walk(where, (e) => {
    if (e.type === 'time-filter') facts.hasTimeCondition = true;
    if (e.type === 'variable') facts.variables.push({ name: e.name, pos: e.pos });
    if (e.type !== 'binary' || e.op === 'AND' || e.op === 'OR') return;
    const left = unparen(e.left);
    const right = unparen(e.right);
    if (left.type !== 'ref') return;
    if (left.name.toLowerCase() === 'time' && !left.cast) {
      facts.hasTimeCondition = true;
      return;
    }
    let value: TagConditionFact['value'];
    if (right.type === 'string') value = { kind: 'string', value: right.value };
    else if (right.type === 'regex') value = { kind: 'regex', pattern: right.pattern };
    else if (right.type === 'variable') value = { kind: 'variable', name: right.name };
    else if (right.type === 'number') {
      // Comparing with a number reads a field, not a tag.
      facts.fields.push({ name: left.name, pos: left.pos });
      return;
    } else value = { kind: 'other' };
    facts.tagConditions.push({ key: left.name, op: e.op, value, pos: left.pos });
    facts.tagKeys.push({ name: left.name, pos: left.pos });
  });
}

function mergeSelect(stmt: SelectStatement, facts: QueryFacts): void {
  // Over a subquery the outer SELECT reads the subquery's aliases, not the measurement's fields.
  const overSubquery = stmt.from.some((s) => s.subquery);
  for (const f of stmt.fields) {
    walk(f.expr, (e) => {
      if (e.type === 'ref' && e.cast !== 'tag' && !overSubquery) facts.fields.push({ name: e.name, pos: e.pos });
      if (e.type === 'variable') facts.variables.push({ name: e.name, pos: e.pos });
    });
  }
  sourceRefs(stmt.from, facts);
  whereFacts(stmt.where, facts);
  for (const t of stmt.groupBy.tags) {
    if (t.name.startsWith('$')) facts.variables.push({ name: t.name.slice(1), pos: t.pos });
    else facts.tagKeys.push(t);
  }
  const time = stmt.groupBy.time;
  if (time) {
    const iv = time.interval;
    if (iv.type === 'variable') facts.variables.push({ name: iv.name, pos: iv.pos });
    if (!facts.groupByTime)
      facts.groupByTime = {
        interval: iv.type === 'duration' ? iv.value : iv.type === 'variable' ? `$${iv.name}` : '?',
        pos: time.pos,
      };
  }
  if (stmt.fill && facts.fill === undefined) facts.fill = stmt.fill.value;
}

export function queryFacts(statement: Statement): QueryFacts {
  const facts: QueryFacts = {
    measurements: [],
    fields: [],
    tagConditions: [],
    tagKeys: [],
    hasTimeCondition: false,
    variables: [],
  };
  if (statement.kind === 'select') mergeSelect(statement, facts);
  else {
    sourceRefs(statement.from, facts);
    whereFacts(statement.where, facts);
    if (statement.withKey && statement.withKey.op !== '=~' && statement.withKey.op !== '!~') {
      for (const k of statement.withKey.keys) {
        if (k.startsWith('$')) facts.variables.push({ name: k.slice(1), pos: statement.withKey.pos });
        else facts.tagKeys.push({ name: k, pos: statement.withKey.pos });
      }
    }
    if (statement.on?.startsWith('$')) facts.variables.push({ name: statement.on.slice(1), pos: statement.pos });
    // SHOW statements are metadata queries: the time filter rule does not apply.
    facts.hasTimeCondition = true;
  }
  return facts;
}
