/** The InfluxQL syntax tree calvin lint works on (the subset dashboards, alerts and Chronograf use). */

export interface Position {
  /** 0-based offset into the query text. */
  offset: number;
}

export type Expr =
  | { type: 'binary'; op: string; left: Expr; right: Expr; pos: number }
  | { type: 'call'; name: string; args: Expr[]; pos: number }
  | { type: 'ref'; name: string; cast?: string; pos: number }
  | { type: 'string'; value: string; pos: number }
  | { type: 'number'; value: number; pos: number }
  | { type: 'duration'; value: string; pos: number }
  | { type: 'regex'; pattern: string; pos: number }
  | { type: 'boolean'; value: boolean; pos: number }
  /** A Grafana template variable: `$host`, `${host:regex}`, `[[host]]`, `$__interval`. */
  | { type: 'variable'; name: string; pos: number }
  /** Grafana's `$timeFilter` / `$__timeFilter` macro: a whole time condition. */
  | { type: 'time-filter'; pos: number }
  | { type: 'wildcard'; pos: number }
  | { type: 'paren'; expr: Expr; pos: number };

export type MeasurementName =
  | { type: 'name'; name: string }
  | { type: 'regex'; pattern: string }
  | { type: 'variable'; name: string };

export interface Source {
  database?: string;
  retentionPolicy?: string;
  measurement: MeasurementName;
  /** A subquery instead of a measurement. */
  subquery?: SelectStatement;
  pos: number;
}

export interface SelectField {
  expr: Expr;
  alias?: string;
}

export interface GroupBy {
  time?: { interval: Expr; offset?: Expr; pos: number };
  tags: { name: string; pos: number }[];
  /** GROUP BY * */
  all: boolean;
}

export interface SelectStatement {
  kind: 'select';
  fields: SelectField[];
  into?: string;
  from: Source[];
  where?: Expr;
  groupBy: GroupBy;
  fill?: { value: string | number; pos: number };
  orderByTimeDesc?: boolean;
  limit?: number;
  offset?: number;
  slimit?: number;
  soffset?: number;
  tz?: string;
  pos: number;
}

export type ShowWhat =
  | 'tag-values'
  | 'tag-keys'
  | 'measurements'
  | 'field-keys'
  | 'series'
  | 'databases'
  | 'retention-policies';

export interface ShowStatement {
  kind: 'show';
  what: ShowWhat;
  on?: string;
  /** SHOW ... [EXACT] CARDINALITY */
  cardinality?: boolean;
  from: Source[];
  /** SHOW TAG VALUES WITH KEY = "host" | IN ("a","b") | =~ /re/ */
  withKey?: { op: string; keys: string[]; pos: number };
  /** SHOW MEASUREMENTS WITH MEASUREMENT =~ /re/ */
  withMeasurement?: { op: string; value: MeasurementName };
  where?: Expr;
  limit?: number;
  offset?: number;
  pos: number;
}

export type Statement = SelectStatement | ShowStatement;

export interface InfluxQLSyntaxError {
  message: string;
  offset: number;
}

export interface ParseResult {
  statements: Statement[];
  errors: InfluxQLSyntaxError[];
}
